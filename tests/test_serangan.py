"""The findings of the attack on the running dashboard (issue 15), each with its right answer:
ordinary clicks that gave 500s, the open redirect, the admin flag that widened a regional scope,
lockout as a weapon, what the log and audit keep, downloads named outside ASCII, the small ones.
Over HTTP on the weekly seed (seed/README.md) unless said otherwise."""

import logging
import re

import pytest

from akses import pengguna
from jejak import audit
from metrics import data, ekspor, lingkup
from metrics.lingkup import Lingkup
from server import masuk
from tests.klien import baru
from tests.test_masuk import SANDI, _halaman, _komponen, _masuk, klien, nasional, server  # noqa: F401

pytestmark = pytest.mark.slow  # the attacks over HTTP: left out of make test-quick

# --- ordinary clicks -------------------------------------------------------------------


@pytest.mark.parametrize("filter_", ["sumber=APBD", "rentan=ya", "rentan=tidak", "cabang=Jakarta+Rawamangun"])
def test_the_rw_page_with_a_filter_rw_numbers_do_not_keep_says_so(klien, filter_):
    for bahasa, kata in (("id", "Hapus filter itu"), ("en", "Remove that filter")):
        response = _halaman(klien["admin"], "/rw100", f"?wilayah=31.75.02&{filter_}&bahasa={bahasa}")
        assert response.status_code == 200
        alert = _komponen(response.json, "halaman-tolak")
        assert alert and kata in alert["children"]


def test_a_branch_account_on_rw_pages_gets_the_reason_not_a_500(klien):
    for path, search in (
        ("/rw100", "?wilayah=31.75.02"),
        ("/", "?wilayah=31.75.02.1001.01"),
        ("/wilayah", "?wilayah=31.75.02.1001"),
    ):
        response = _halaman(klien["rawamangun"], path, search)
        assert response.status_code == 200, (path, response.text[:300])
        assert "kantor cabang tidak disimpan per RW" in _komponen(response.json, "halaman-tolak")["children"]
    response = klien["rawamangun"].get("/tinjauan?wilayah=31.75.02.1001.01&bahasa=en")
    assert response.status_code == 400 and "not kept per RW" in response.text


def test_an_rw_with_nothing_to_show_says_so_on_every_page(klien):
    """RW 99 of Pulo Gadung is a valid RW number but neither in the RW reference nor on the roster."""
    for path in ("/", "/wilayah"):
        response = _halaman(klien["admin"], path, "?wilayah=31.75.02.1001.99")
        assert response.status_code == 200
        assert "RW 99, Pulo Gadung belum punya peserta" in _komponen(response.json, "halaman-tolak")["children"]
    response = klien["admin"].get("/tinjauan?wilayah=31.75.02.1001.99&bahasa=en")
    assert response.status_code == 400 and "RW 99, Pulo Gadung has no participants" in response.text


# --- the redirect after login ----------------------------------------------------------


@pytest.mark.parametrize(
    "lanjut,ke",
    [
        ("/%09/evil.com", "/"),  # what the attack sent: a browser drops the tab and reads //evil.com
        ("/\t/evil.com", "/"),
        ("/\n/evil.com", "/"),
        ("/\\evil.com", "/"),
        ("\\\\evil.com", "/"),
        ("//evil.com", "/"),
        ("https://evil.com/", "/"),
        ("javascript:alert(1)", "/"),
        (" /wilayah", "/"),
        ("/wilayah?wilayah=31.75&bahasa=en", "/wilayah?wilayah=31.75&bahasa=en"),
    ],
)
def test_a_login_goes_back_only_into_this_site(server, lanjut, ke):
    from urllib.parse import unquote

    client = baru(server)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/masuk").text).group(1)
    nilai = unquote(lanjut) if "%" in lanjut else lanjut
    response = client.post("/masuk", data={"nama": "analis", "sandi": SANDI, "csrf": csrf, "lanjut": nilai})
    assert response.status_code == 302 and response.headers["Location"] == ke
    assert masuk.lanjut_aman(nilai) == ke


# --- admin is what, scope is where ---------------------------------------------------------


def test_a_regional_admin_sees_its_regions_rejects_only(seed_loaded):
    """seed_loaded rejects 12 rows; 5 carry a code inside 31.75 (roster line 8, RW lines 4-6,
    target line 10), none can be a branch's; only a national admin sees the other 7."""
    with lingkup.berlaku(Lingkup("ID", admin=True)):
        assert len(data.contoh_ditolak()) == 12
    with lingkup.berlaku(Lingkup("31.75", admin=True)):
        rows = data.contoh_ditolak()
        assert sorted((r["berkas"].rsplit("/", 1)[-1], r["baris"]) for r in rows) == [
            ("roster_kecil.csv", 8),
            ("rw_kecil.csv", 4),
            ("rw_kecil.csv", 5),
            ("rw_kecil.csv", 6),
            ("target_kecil.csv", 10),
        ]
        assert sum(r["jumlah"] for r in data.ditolak_per_alasan()) == 5
        header, rows = ekspor.isi_berkas("ditolak", None)
        assert len(rows) == 5
        for whole_files in (data.riwayat, data.rincian_muat, data.ditandai):
            with pytest.raises(lingkup.TanpaAkses, match="admin nasional"):
                whole_files()
    with lingkup.berlaku(Lingkup(kantor_cabang="Jakarta Rawamangun", admin=True)):
        assert data.contoh_ditolak() == []


def test_a_regional_admin_reads_its_regions_audit_only(klien, server):
    pengguna.tambah("admin.jaktim", "31.75", admin=True, sandi=SANDI)
    admin_jaktim, _ = _masuk(server, "admin.jaktim")
    klien["dki"].get("/unduh/coverage.csv?wilayah=31")  # an event of scope 31: not Jakarta Timur's
    admin_jaktim.get("/unduh/coverage.csv?wilayah=31.75")
    import json

    from layouts.pages.data import PERISTIWA

    def dalam(kode) -> bool:
        return kode == "31.75" or str(kode).startswith("31.75.")

    def tempat(e) -> str:  # a write's place (issue 31): its admins see it whoever made it
        r = json.loads(e["rincian"] or "{}")
        return r.get("wilayah") or r.get("induk") or ""

    with lingkup.berlaku(Lingkup("31.75", admin=True)):
        events = data.jejak_audit()
    assert "31.75" in {e["lingkup"] for e in events}
    assert all(dalam(e["lingkup"]) or (e["peristiwa"] in audit.PERISTIWA_TULIS and dalam(tempat(e))) for e in events)
    response = _halaman(admin_jaktim, "/data")
    assert _komponen(response.json, "data-admin-wilayah") and not _komponen(response.json, "data-riwayat")
    rows = _komponen(response.json, "data-audit")["rowData"]
    tulis_kata = {PERISTIWA[p][0] for p in audit.PERISTIWA_TULIS}
    assert rows and all(dalam(r["lingkup"]) or r["peristiwa"] in tulis_kata for r in rows)


# --- lockout -----------------------------------------------------------------------------


def test_a_stranger_cannot_lock_the_real_user_out(data_dir):
    pengguna.tambah("kab.lebak", "36.02", sandi=SANDI)
    for _ in range(pengguna.GAGAL_MAKS):
        assert pengguna.periksa_sandi("kab.lebak", "tebakan-orang-lain", alamat="203.0.113.9") is None
    with pytest.raises(pengguna.TerlaluBanyakGagal):
        pengguna.periksa_sandi("kab.lebak", SANDI, alamat="203.0.113.9")  # the stranger's address is locked
    assert pengguna.periksa_sandi("kab.lebak", SANDI, alamat="10.0.0.5") is not None  # the office is not


def test_one_address_trying_many_accounts_is_slowed_down(data_dir):
    for i in range(pengguna.GAGAL_ALAMAT_MAKS):
        assert pengguna.periksa_sandi(f"tebak.{i:02d}", "apa-saja-salah", alamat="198.51.100.7") is None
    with pytest.raises(pengguna.TerlaluBanyakGagal):
        pengguna.periksa_sandi("tebak.lain", "apa-saja-salah", alamat="198.51.100.7")
    assert pengguna.periksa_sandi("tebak.lain", "apa-saja-salah", alamat="198.51.100.8") is None


# --- what the log and the audit keep -------------------------------------------------------


def test_a_login_name_cannot_forge_a_log_line_nor_stay_in_clear(server, caplog):
    forged = "x\n2026-12-01 10:00:00 cakupan.audit INFO masuk oleh=admin"
    with caplog.at_level(logging.INFO, logger="cakupan.audit"):
        _masuk(server, forged, "sandi-salah-sekali")
        _masuk(server, "sandi-rahasia-ku", "x")  # a password typed into the name box
    lines = [r.getMessage() for r in caplog.records if r.name == "cakupan.audit"]
    assert lines and all("\n" not in line for line in lines)
    kept = [e["oleh"] for e in audit.jejak(10) if e["peristiwa"] == "masuk_gagal"]
    assert "sandi-rahasia-ku" not in str(audit.jejak(50)) and "2026-12-01 10:00:00" not in str(audit.jejak(50))
    assert all(re.fullmatch(r"\?[0-9a-f]{10}", o) for o in kept[:2])
    assert audit.satu_baris("a\nb\tc\x1b") == "a\\nb\\tc\\x1b"
    from jejak.audit import FormatAman

    record = logging.LogRecord("werkzeug", logging.INFO, "", 0, "\x1b[31m\x1b[1mWARNING: dev\x1b[0m", None, None)
    assert FormatAman("%(message)s").format(record) == "WARNING: dev"  # colours dropped, not shown as escapes


# --- downloads named outside ASCII -----------------------------------------------------------


def test_a_download_named_outside_ascii_keeps_a_header_every_server_sends(klien, monkeypatch):
    monkeypatch.setattr(ekspor, "nama_berkas", lambda *a: "cakupan_coverage_Kantor-Ōtara-Uji.csv")
    response = klien["analis"].get("/unduh/coverage.csv?wilayah=31.75")
    assert response.status_code == 200
    header = response.headers["Content-Disposition"]
    header.encode("ascii")  # gunicorn refuses a header outside latin-1; this one is plain ASCII
    assert "filename*=UTF-8''cakupan_coverage_Kantor-%C5%8Ctara-Uji.csv" in header
    assert (
        'filename="cakupan_coverage_Kantor-Otara-Uji.csv"' in header
        or "filename=cakupan_coverage_Kantor-Otara-Uji.csv" in header
    )


def test_a_download_that_fails_is_not_audited_as_one(klien, monkeypatch):
    def rusak(*_):
        raise OSError("disk penuh")

    monkeypatch.setattr(ekspor, "csv_teks", rusak)
    before = sum(e["peristiwa"] == "unduh" for e in audit.jejak(10_000))
    assert klien["analis"].get("/unduh/coverage.csv?wilayah=31.75").status_code == 500
    assert sum(e["peristiwa"] == "unduh" for e in audit.jejak(10_000)) == before


# --- the small ones ----------------------------------------------------------------------------


def test_the_small_ones(server, klien):
    assert baru(server).head("/masuk").status_code == 200
    import app

    assert app._Penangan.version_string(None) == "Cakupan"  # make run's server names no versions
    huge = "3" * 1_000_000
    response = klien["analis"].get(f"/unduh/coverage.csv?wilayah={huge}")
    assert response.status_code == 414 and huge[:100] not in response.text
    response = klien["analis"].get("/unduh/coverage.csv?wilayah=" + "9" * 500)
    assert response.status_code == 400 and len(response.text) < 400 and "9" * 41 not in response.text
    response = _halaman(klien["analis"], "/", "?wilayah=" + "7" * 500)
    assert response.status_code == 200 and "7" * 41 not in response.text


# --- found by the second attack (the helper's report on this work) ---------------------------


def test_a_log_record_cannot_hold_a_line_of_its_own():
    import io

    from jejak.audit import FormatAman

    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(FormatAman("%(levelname)s %(message)s"))
    logger = logging.getLogger("cakupan.uji.format")
    logger.addHandler(handler)
    try:
        logger.error("jalur x\n2026-12-01 cakupan.audit INFO masuk oleh=admin\x00")
        try:
            raise ValueError("a\nFORGED INFO masuk oleh=admin")
        except ValueError:
            logger.exception("galat")
    finally:
        logger.removeHandler(handler)
    lines = out.getvalue().splitlines()
    assert lines[0] == "ERROR jalur x" and lines[1] == "  | 2026-12-01 cakupan.audit INFO masuk oleh=admin\\x00"
    assert all(line.startswith("  | ") for line in lines[3:]) and any("FORGED" in line for line in lines)


@pytest.mark.parametrize(
    "body",
    [
        [],
        None,
        "x",
        {"output": "nope.children", "outputs": {"id": "nope", "property": "children"}, "inputs": [], "state": []},
        {
            "output": ".._pages_content.children..._pages_store.data..",
            "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
            "inputs": [
                {"id": "_pages_location", "property": "pathname", "value": "x\nFORGED"},
                {"id": "_pages_location", "property": "search", "value": ""},
            ],
            "changedPropIds": ["_pages_location.pathname"],
            "state": [],
        },
        {
            "output": "navigasi-turun.href",
            "outputs": {"id": "navigasi-turun", "property": "href"},
            "inputs": [
                [{"id": {"nama": "wilayah", "type": "turun"}, "property": "cellClicked", "value": {"rowId": "31.75"}}],
                [],
                [],  # a phone's cards
            ],
            "changedPropIds": ['{"nama":"wilayah","type":"turun"}.cellClicked'],
            "state": [
                {"id": "_pages_location", "property": "pathname", "value": 1},
                {"id": "_pages_location", "property": "search", "value": ["?"]},
            ],
        },
    ],
)
def test_a_callback_body_no_browser_sends_is_a_400_not_a_500(klien, body):
    response = klien["analis"].post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204, 400, 415), (response.status_code, response.text[:200])


def test_page_links_with_a_query_that_is_no_text(klien):
    body = {
        "output": "..nav-ringkasan.href...",
        "outputs": [],
        "inputs": [{"id": "_pages_location", "property": "search", "value": 1}],
        "changedPropIds": ["_pages_location.search"],
        "state": [],
    }
    assert klien["analis"].post("/_dash-update-component", json=body).status_code in (200, 400)


@pytest.mark.parametrize("tingkat", ["rw\n", "rw\x00", "../../etc/passwd", "\u202efdp.exe"])
def test_a_download_level_is_checked_for_every_kind(klien, tingkat):
    from urllib.parse import quote

    response = klien["analis"].get(f"/unduh/rincian.csv?wilayah=31.75&tingkat={quote(tingkat)}")
    assert response.status_code == 400 and "tingkat" in response.text


def test_a_file_name_holds_no_path_nor_direction_marks(minggu):
    from metrics.pertanyaan import tanya

    with lingkup.berlaku(lingkup.NASIONAL):
        nama = ekspor.nama_berkas("rincian", "../x\u202e", tanya("31.75"))
    assert "/" not in nama and "\u202e" not in nama and nama.startswith("cakupan_rincian_-x-_31.75_")


def test_a_regional_admin_gets_file_names_not_the_servers_folders(seed_loaded):
    with lingkup.berlaku(Lingkup("31.75", admin=True)):
        _, rows = ekspor.isi_berkas("ditolak", None)
    assert rows and all("/" not in r[2] for r in rows)
    with lingkup.berlaku(Lingkup("ID", admin=True)):
        _, rows = ekspor.isi_berkas("ditolak", None)
    assert all("/" in r[2] for r in rows)  # the national admin, who loads, sees where the file was


# --- writes (issue 31, item 1): a branch account acts for its branch, never for the country ----

from isian import aksi as aksi_simpan  # noqa: E402
from tests import klien as tulis  # noqa: E402


def _pesan(response) -> str:
    assert response.status_code == 200, response.text[:300]
    return " ".join(str(a) for a in _alert_teks(response.json))


def _alert_teks(tree) -> list:
    if isinstance(tree, dict):
        if tree.get("type") == "Alert":
            return [tree["props"].get("children")]
        return [t for v in tree.values() for t in _alert_teks(v)]
    if isinstance(tree, list):
        return [t for v in tree for t in _alert_teks(v)]
    return []


def _ditolak(oleh: str) -> list[dict]:
    import json

    return [
        {**e, **json.loads(e["rincian"])}
        for e in audit.jejak(10_000)
        if e["peristiwa"] == "tulis_ditolak" and e["oleh"] == oleh
    ]


def test_a_branch_account_records_and_removes_no_action_anywhere(klien):
    """The attack: a branch account (not an admin) opened /aksi?wilayah=94 and ?wilayah=ID, recorded
    actions there and removed those of the national admin and of DKI, with the page's buttons and
    a forged callback. Now: no form (the reason instead), every write refused with its words in
    both languages, nothing recorded or removed, and each refusal audited with the place."""
    nasional_ = int(re.search(r"Aksi (\d+) dicatat", _pesan(tulis.aksi(klien["admin"], "?wilayah=31.75"))).group(1))
    dki = int(re.search(r"Aksi (\d+) dicatat", _pesan(tulis.aksi(klien["dki"], "?wilayah=31"))).group(1))
    sebelum = {a.id for a in aksi_simpan.daftar()}
    ditolak = len(_ditolak("rawamangun"))
    try:
        for search in ("?wilayah=94", "?wilayah=ID", "?wilayah=31.75"):
            halaman = _halaman(klien["rawamangun"], "/aksi", search)
            assert "tidak mencatat atau menghapus aksi" in _komponen(halaman.json, "aksi-tanpa-tulis")["children"]
            assert _komponen(halaman.json, "jika-simpan")["disabled"] is True  # the what-if's 'save as a plan'
            assert "Akun kantor cabang tidak mencatat" in _pesan(tulis.aksi(klien["rawamangun"], search))
            assert "Akun kantor cabang tidak mencatat" in _pesan(tulis.rencana(klien["rawamangun"], search))
        for nomor in (nasional_, dki):  # the page's 'Hapus' button, and one forged for an id of another page
            for search in ("?wilayah=31", "?wilayah=94&bahasa=en"):
                pesan = _pesan(tulis.aksi(klien["rawamangun"], search, hapus=nomor))
                assert (
                    "A branch office account does not record or remove actions" in pesan
                    if "en" in search
                    else "Akun kantor cabang tidak mencatat atau menghapus aksi" in pesan
                ), pesan
        assert {a.id for a in aksi_simpan.daftar()} == sebelum  # nothing recorded, nothing removed
        baru = _ditolak("rawamangun")[ditolak:][::-1]  # oldest first
        assert [(e["jenis"], e["wilayah"]) for e in baru] == [
            *[(jenis, w) for w in ("94", "ID", "31.75") for jenis in ("aksi_tambah", "aksi_tambah")],
            *[("aksi_hapus", w) for w in ("31.75", "31.75", "31", "31")],
        ]
        assert all(e["lingkup"] == "cabang:Jakarta Rawamangun" and "kantor cabang" in e["alasan"] for e in baru)
        assert all(e["id"] in (nasional_, dki) for e in baru if e["jenis"] == "aksi_hapus")
    finally:
        for nomor in (nasional_, dki):  # the session's shared seed keeps no action of this test
            aksi_simpan.hapus(nomor, "operator", "ID")


def test_dki_admin_sees_a_change_on_its_place_whoever_made_it(klien, server):
    """The removals were audited under the branch's scope, so DKI's admin never saw them. Now the
    audit of a write carries its place: DKI's admin sees the national admin's record and removal
    on 31.75 and the branch's refused try there; Banten's admin sees none of them."""
    from metrics import data as data_

    for nama, wilayah in (("admin.dki", "31"), ("admin.banten", "36")):
        if not pengguna.cari(nama):
            pengguna.tambah(nama, wilayah, admin=True, sandi=SANDI)
    admin_dki, _ = _masuk(server, "admin.dki")
    nomor = int(re.search(r"Aksi (\d+) dicatat", _pesan(tulis.aksi(klien["admin"], "?wilayah=31.75"))).group(1))
    assert "dihapus" in _pesan(tulis.aksi(klien["admin"], "?wilayah=31.75", hapus=nomor))
    nomor_2 = int(re.search(r"Aksi (\d+) dicatat", _pesan(tulis.aksi(klien["jaktim"], "?wilayah=31.75"))).group(1))
    assert "kantor cabang" in _pesan(tulis.aksi(klien["rawamangun"], "?wilayah=31", hapus=nomor_2))
    aksi_simpan.hapus(nomor_2, "operator", "ID")

    def tentang(e) -> bool:
        return f'"id": {nomor}' in (e["rincian"] or "") or f'"id": {nomor_2}' in (e["rincian"] or "")

    with lingkup.berlaku(Lingkup("31", admin=True, nama="admin.dki")):
        dilihat = [(e["peristiwa"], e["oleh"], e["lingkup"]) for e in data_.jejak_audit(10_000) if tentang(e)]
    assert ("aksi_tambah", "admin", "ID") in dilihat and ("aksi_hapus", "admin", "ID") in dilihat
    assert ("tulis_ditolak", "rawamangun", "cabang:Jakarta Rawamangun") in dilihat
    with lingkup.berlaku(Lingkup("36", admin=True, nama="admin.banten")):
        assert not [e for e in data_.jejak_audit(10_000) if tentang(e)]
    rows = _komponen(_halaman(admin_dki, "/data").json, "data-audit")["rowData"]  # and on its Data page, in words
    hapus = [r for r in rows if r["peristiwa"] == "Menghapus aksi" and f"no. {nomor}" in r["rincian"]]
    assert hapus and "Jakarta Timur (31.75)" in hapus[0]["rincian"] and hapus[0]["lingkup"] == "Nasional"


# --- cross-site requests (issue 31, item 6): a state-changing request names this server ------

EVIL = "https://evil.example"


def test_a_forged_callback_from_another_site_is_refused_and_writes_nothing(klien, caplog):
    """A page elsewhere posting the Aksi page's save button with the victim's cookie (a foreign
    Origin, the 'null' of a sandboxed frame or a data: page, or no Origin with a foreign Referer)
    is refused with 403 in the asked language, logged, and records nothing; the same request
    from this server's own origin (Origin, or a Referer when there is no Origin) records it."""
    client = klien["jaktim"]
    sebelum = {a.id for a in aksi_simpan.daftar()}
    try:
        with caplog.at_level(logging.WARNING, logger="cakupan.server"):
            for kepala in ({"HTTP_ORIGIN": EVIL}, {"HTTP_ORIGIN": "null"}, {"HTTP_REFERER": EVIL + "/aksi"}, {}):
                client.environ_base.pop("HTTP_ORIGIN")
                client.environ_base.update(kepala)
                try:
                    response = tulis.aksi(client, "?wilayah=31.75")
                finally:
                    client.environ_base.pop("HTTP_REFERER", None)
                    client.environ_base["HTTP_ORIGIN"] = tulis.ASAL
                assert response.status_code == 403, (kepala, response.status_code)
                assert response.text.startswith("Ditolak: permintaan ini tidak datang dari halaman server ini")
        assert {a.id for a in aksi_simpan.daftar()} == sebelum  # nothing recorded
        assert (
            sum("permintaan dari situs lain ditolak: POST /_dash-update-component" in r.message for r in caplog.records)
            == 4
        )
        assert "evil.example" in caplog.text
        response = _halaman(client, "/aksi", "?wilayah=31.75&bahasa=en", headers={"Origin": EVIL})
        assert response.status_code == 403 and response.text.startswith("Refused: this request did not come from")
        assert _halaman(client, "/", headers={"Origin": "http://localhost:80"}).status_code == 200  # the default port
        assert _halaman(client, "/", headers={"Origin": "http://localhost:8050"}).status_code == 403  # another port
        assert _halaman(client, "/", headers={"Origin": "https://localhost"}).status_code == 403  # another scheme
        assert _halaman(client, "/", headers={"Origin": "http://localhost.evil.example"}).status_code == 403
        client.environ_base.pop("HTTP_ORIGIN")  # no Origin, this server's own Referer: an older browser
        try:
            client.environ_base["HTTP_REFERER"] = "http://localhost/aksi?wilayah=31.75"
            assert "dicatat" in _pesan(tulis.aksi(client, "?wilayah=31.75"))
        finally:
            client.environ_base.pop("HTTP_REFERER")
            client.environ_base["HTTP_ORIGIN"] = tulis.ASAL
        assert "dicatat" in _pesan(tulis.aksi(client, "?wilayah=31.75"))  # this server's own Origin
        assert len({a.id for a in aksi_simpan.daftar()} - sebelum) == 2
    finally:
        for nomor in {a.id for a in aksi_simpan.daftar()} - sebelum:
            aksi_simpan.hapus(nomor, "operator", "ID")


def test_a_login_or_logout_from_another_site_is_refused(server):
    """Login CSRF (a page elsewhere logging the victim into the attacker's account) and a forced
    logout: the form's token is not enough when the Origin is another site's or 'null'."""
    from tests.test_masuk import _keluar

    client = baru(server)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/masuk").text).group(1)
    form = {"nama": "analis", "sandi": SANDI, "csrf": csrf, "lanjut": "/"}
    for origin in (EVIL, "null", "http://localhost.evil.example", "file://"):
        response = client.post("/masuk", data=form, headers={"Origin": origin})
        assert response.status_code == 403 and "Ditolak" in response.text, origin
        assert client.get("/_dash-layout").status_code == 401  # no session opened
    assert baru(server, asal=None).post("/masuk", data=form).status_code == 403  # neither header
    assert client.post("/masuk", data=form).status_code == 302  # its own origin

    assert client.get("/_dash-layout").status_code == 200
    response = client.post("/keluar", data={"csrf": "x"}, headers={"Origin": EVIL})
    assert response.status_code == 403 and client.get("/_dash-layout").status_code == 200  # still logged in
    assert _keluar(client).status_code == 302 and client.get("/_dash-layout").status_code == 401


def test_the_origin_behind_a_proxy_hop(server, monkeypatch):
    """Behind nginx (CAKUPAN_PROXY_HOPS=1) the browser speaks HTTPS to the proxy and the proxy
    HTTP to the app: the scheme comes from X-Forwarded-Proto only when a hop is trusted, the host
    always from Host (X-Forwarded-Host is never read), and a proxy that passes another Host needs
    the public address in CAKUPAN_ALAMAT_WEB. A login without a form token answers 400 once its
    origin is accepted, 403 when it is not."""
    from server.masuk import di_balik_proxy

    publik = "https://cakupan.example.go.id"

    def kirim(origin, host="cakupan.example.go.id", **kepala):
        kepala = {"Origin": origin, **{k.replace("_", "-"): v for k, v in kepala.items()}}
        klien_ = baru(server, asal=None)  # the proxy's request: Host as it passes it, the app's own http
        return klien_.post("/masuk", base_url=f"http://{host}/", data={"nama": "x"}, headers=kepala).status_code

    assert kirim(publik, X_Forwarded_Proto="https") == 403  # no hop trusted: the request is http
    monkeypatch.setenv("CAKUPAN_PROXY_HOPS", "1")
    monkeypatch.setattr(server, "wsgi_app", di_balik_proxy(server.wsgi_app))
    assert kirim(publik, X_Forwarded_Proto="https", X_Forwarded_For="203.0.113.9") == 400
    assert kirim("http://cakupan.example.go.id", X_Forwarded_Proto="https") == 403  # the browser's scheme is https
    assert kirim(EVIL, X_Forwarded_Proto="https") == 403
    assert kirim(EVIL, X_Forwarded_Proto="https", X_Forwarded_Host="evil.example") == 403  # never read
    assert kirim(publik, host="127.0.0.1:8050", X_Forwarded_Proto="https") == 403  # nginx's default Host
    monkeypatch.setenv("CAKUPAN_ALAMAT_WEB", publik + "/")
    assert kirim(publik, host="127.0.0.1:8050", X_Forwarded_Proto="https") == 400
    assert kirim(EVIL, host="127.0.0.1:8050", X_Forwarded_Proto="https") == 403
    monkeypatch.delenv("CAKUPAN_ALAMAT_WEB")
    monkeypatch.setenv("CAKUPAN_PROXY_HOPS", "0")
    monkeypatch.undo()  # the app as the other tests know it, then TLS before it with no hop trusted
    monkeypatch.setenv("CAKUPAN_COOKIE_SECURE", "1")
    assert kirim(publik) == 400 and kirim(EVIL) == 403
