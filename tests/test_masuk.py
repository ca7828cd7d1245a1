"""Access over HTTP, the way anyone can call it: login, the gate, and each scope's view of the
weekly seed (seed/README.md) through page callbacks, hand-crafted Dash POSTs and downloads.

On 2024-02-06 the seed has 13 active: Pulo Gadung 11 and Pisangan Timur 0 (Jakarta Timur,
31.75.02), Kenari 1 (P7, Jakarta Pusat 31.71.04.1002), unknown region 1 (P15). Branch
Jakarta Rawamangun has P1-P3 (3 active, all in Pulo Gadung RW 1); P7 is Jakarta Salemba's.
"""

import csv
import io
import json
import re

import pytest

import warehouse
from akses import pengguna
from jejak import audit
from metrics import lingkup
from tests.conftest import NIK_KEY
from tests.klien import baru
from tests.klien import halaman as _halaman  # the page for a URL, posted as any script could

pytestmark = pytest.mark.slow  # access over HTTP, as anyone can call it: left out of make test-quick

SANDI = "sandi-uji-panjang"
AKUN = {  # name: (place scope, branch scope, admin)
    "admin": ("ID", None, True),
    "analis": ("ID", None, False),
    "dki": ("31", None, False),
    "jaktim": ("31.75", None, False),
    "pulogadung": ("31.75.02", None, False),
    "kenari": ("31.71.04.1002", None, False),
    "rawamangun": ("ID", "Jakarta Rawamangun", False),
}


@pytest.fixture(autouse=True)
def nasional():
    """Overrides conftest's: over HTTP the scope comes from the session and nowhere else."""
    with lingkup.berlaku(None):
        yield


@pytest.fixture(scope="module")
def server(_minggu_dir, dash_app):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAKUPAN_DATA_DIR", str(_minggu_dir))
        mp.setenv("CAKUPAN_NIK_KEY", NIK_KEY)
        mp.setenv("CAKUPAN_RW_TARGET", "3")
        warehouse.close_readers()
        for nama, (wilayah, cabang, admin) in AKUN.items():
            if not pengguna.cari(nama):
                pengguna.tambah(nama, wilayah, cabang, admin, sandi=SANDI)
        yield dash_app.server
        warehouse.close_readers()


def _masuk(server, nama, sandi=SANDI):
    client = baru(server)
    form = client.get("/masuk").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    response = client.post("/masuk", data={"nama": nama, "sandi": sandi, "csrf": csrf, "lanjut": "/"})
    return client, response


@pytest.fixture(scope="module")
def klien(server):
    """A logged-in test client per account."""
    return {nama: _masuk(server, nama)[0] for nama in AKUN}


def _komponen(tree, id_):
    """The props of the component with this id in a callback response."""
    if isinstance(tree, dict):
        if tree.get("props", {}).get("id") == id_:
            return tree["props"]
        tree = list(tree.values())
    if isinstance(tree, list):
        for item in tree:
            found = _komponen(item, id_)
            if found:
                return found
    return None


def _aktif_di_halaman(client, search=""):
    response = _halaman(client, "/", search)
    assert response.status_code == 200
    return _komponen(response.json, "ringkasan-aktif")["children"], response.text


def _keluar(client):
    """Log out as the header's form does: POST with the token the layout carries."""

    def cari(tree):
        if isinstance(tree, dict):
            if tree.get("props", {}).get("name") == "csrf":
                return tree["props"]["value"]
            tree = list(tree.values())
        for item in tree if isinstance(tree, list) else []:
            if found := cari(item):
                return found
        return None

    token = cari(client.get("/_dash-layout").json)
    assert token, "the logout form carries a token"
    return client.post("/keluar", data={"csrf": token})


def _csv(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8"))))


# --- nobody logged in ------------------------------------------------------------------


def test_anonymous_gets_nothing(server):
    client = baru(server)
    page = client.get("/wilayah?wilayah=31.75")
    assert page.status_code == 302 and page.headers["Location"] == "/masuk?lanjut=%2Fwilayah%3Fwilayah%3D31.75"
    assert client.get("/_dash-layout").status_code == 401
    assert client.get("/_dash-dependencies").status_code == 401
    assert _halaman(client, "/").status_code == 401
    download = client.get("/unduh/coverage.csv?tingkat=provinsi")
    assert download.status_code == 302 and b"peserta_aktif" not in download.data
    assert client.get("/masuk").status_code == 200


def test_every_response_carries_security_headers(server, klien):
    for response in (baru(server).get("/masuk"), klien["jaktim"].get("/")):
        h = response.headers
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
        assert "script-src 'self' 'sha256-" in h["Content-Security-Policy"]
        assert "unsafe-inline" not in h["Content-Security-Policy"].split("script-src")[1].split(";")[0]
        assert h["X-Content-Type-Options"] == "nosniff" and h["X-Frame-Options"] == "DENY"
        assert h["Cache-Control"] == "no-store"
    cookie = klien["jaktim"].get_cookie("cakupan_sesi")
    assert cookie.http_only and cookie.same_site == "Lax"


# --- login -----------------------------------------------------------------------------


def test_login_refuses_a_wrong_password_a_missing_form_token_and_outside_redirects(server):
    client, response = _masuk(server, "analis", "salah-sama-sekali")
    assert response.status_code == 401 and "salah" in response.text
    assert client.get("/_dash-layout").status_code == 401
    response = baru(server).post("/masuk", data={"nama": "analis", "sandi": SANDI})
    assert response.status_code == 400  # no CSRF token
    client = baru(server)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/masuk").text).group(1)
    response = client.post("/masuk", data={"nama": "analis", "sandi": SANDI, "csrf": csrf, "lanjut": "//contoh.com/x"})
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_repeated_failures_lock_the_account_for_a_while(server):
    pengguna.tambah("tebakan", sandi=SANDI)
    for _ in range(pengguna.GAGAL_MAKS):
        assert _masuk(server, "tebakan", "tebak-tebakan-1")[1].status_code == 401
    client, response = _masuk(server, "tebakan")  # the right password, too late
    assert response.status_code == 429 and "Coba lagi" in response.text


def test_logout_disable_and_expiry_end_a_session_on_the_server(server, monkeypatch):
    client, _ = _masuk(server, "analis")
    assert client.get("/_dash-layout").status_code == 200
    cookie = client.get_cookie("cakupan_sesi").value
    assert client.post("/keluar").status_code == 400  # no form token: a page elsewhere cannot log us out
    assert client.get("/_dash-layout").status_code == 200
    assert _keluar(client).status_code == 302
    replay = baru(server)
    replay.set_cookie("cakupan_sesi", cookie)  # the old cookie, replayed
    assert replay.get("/_dash-layout").status_code == 401

    pengguna.tambah("sementara", sandi=SANDI)
    client, _ = _masuk(server, "sementara")
    assert client.get("/_dash-layout").status_code == 200
    pengguna.atur_aktif("sementara", False)
    assert client.get("/_dash-layout").status_code == 401
    assert _masuk(server, "sementara")[1].status_code == 401

    monkeypatch.setenv("CAKUPAN_SESSION_HOURS", "0")
    client, _ = _masuk(server, "analis")
    assert client.get("/_dash-layout").status_code == 401  # expired as it opened


def test_a_cookie_signed_with_another_key_is_refused(server):
    client, _ = _masuk(server, "analis")
    value = client.get_cookie("cakupan_sesi").value
    forged = baru(server)
    forged.set_cookie("cakupan_sesi", value[:-4] + ("AAAA" if not value.endswith("AAAA") else "BBBB"))
    assert forged.get("/_dash-layout").status_code == 401


# --- scope: pages and hand-crafted callbacks --------------------------------------------


def test_each_account_opens_on_its_own_place(klien):
    assert _aktif_di_halaman(klien["analis"])[0] == "13"  # nation
    assert _aktif_di_halaman(klien["dki"])[0] == "12"  # 11 + 1, not P15
    assert _aktif_di_halaman(klien["jaktim"])[0] == "11"
    assert _aktif_di_halaman(klien["pulogadung"])[0] == "11"
    assert _aktif_di_halaman(klien["kenari"])[0] == "1"
    assert _aktif_di_halaman(klien["rawamangun"])[0] == "3"  # nation, its branch only


def test_a_place_outside_the_scope_in_the_url_is_refused(klien):
    for nama, search in (
        ("jaktim", "?wilayah=31.71"),
        ("jaktim", "?wilayah=ID"),
        ("jaktim", "?wilayah=31"),
        ("kenari", "?wilayah=31.75.02.1001"),
        ("pulogadung", "?wilayah=31.75.0"),
    ):
        shown, text = _aktif_di_halaman(klien[nama], search)
        assert shown == {"jaktim": "11", "kenari": "1", "pulogadung": "11"}[nama], (nama, search)
        assert "di luar lingkup akses Anda" in text
    shown, text = _aktif_di_halaman(klien["jaktim"], "?wilayah=31.75.02.1001")  # inside: allowed
    assert shown == "11" and "di luar lingkup" not in text


def test_a_branch_account_cannot_ask_for_another_branch(klien):
    shown, text = _aktif_di_halaman(klien["rawamangun"], "?cabang=Jakarta+Salemba")
    assert shown == "3" and "di luar lingkup akses Anda" in text
    shown, _ = _aktif_di_halaman(klien["rawamangun"], "?wilayah=31.71")  # Kenari's P7 is Salemba's
    assert shown == "0"


def test_rankings_compare_only_places_inside_the_scope(klien):
    response = _halaman(klien["jaktim"], "/wilayah")
    rows = _komponen(response.json, {"type": "turun", "nama": "wilayah"})["rowData"]
    assert rows and all(r["id_baris"].startswith(("31.75.", "?31.75")) for r in rows)
    assert sum(r["peserta_aktif"] for r in rows) == 11


def test_control_callbacks_give_no_data(klien, server):
    """The navigation callbacks only build a URL; the page for it is checked as above."""
    body = {
        "output": "navigasi-turun.href",
        "outputs": {"id": "navigasi-turun", "property": "href"},
        "inputs": [
            [{"id": {"type": "turun", "nama": "wilayah"}, "property": "cellClicked", "value": {"rowId": "31.71"}}],
            [],
            [],  # a phone's tapped cards (kerangka.kartu_baris)
        ],
        "state": [
            {"id": "_pages_location", "property": "pathname", "value": "/wilayah"},
            {"id": "_pages_location", "property": "search", "value": ""},
        ],
        "changedPropIds": ['{"nama":"wilayah","type":"turun"}.cellClicked'],
    }
    response = klien["jaktim"].post("/_dash-update-component", json=body)
    assert response.status_code == 200
    assert json.loads(response.text)["response"]["navigasi-turun"]["href"] == "/wilayah?wilayah=31.71"
    assert baru(server).post("/_dash-update-component", json=body).status_code == 401


def test_a_tapped_card_goes_down_and_a_card_drawn_anew_does_not(klien):
    """A phone's card of Jakarta Timur (kerangka.kartu_baris) tapped once opens it, as its grid row
    does; the same card drawn with a new page (n_clicks 0) changes nothing (no update)."""

    def tap(n):
        kartu = {"type": "turun-kartu", "nama": "wilayah", "kode": "31.75"}
        return {
            "output": "navigasi-turun.href",
            "outputs": {"id": "navigasi-turun", "property": "href"},
            "inputs": [[], [], [{"id": kartu, "property": "n_clicks", "value": n}]],
            "state": [
                {"id": "_pages_location", "property": "pathname", "value": "/wilayah"},
                {"id": "_pages_location", "property": "search", "value": "?wilayah=31&bahasa=en"},
            ],
            "changedPropIds": ['{"kode":"31.75","nama":"wilayah","type":"turun-kartu"}.n_clicks'],
        }

    response = klien["jaktim"].post("/_dash-update-component", json=tap(1))
    assert response.status_code == 200
    assert json.loads(response.text)["response"]["navigasi-turun"]["href"] == "/wilayah?wilayah=31.75&bahasa=en"
    anew = klien["jaktim"].post("/_dash-update-component", json=tap(0))
    assert anew.status_code in (200, 204) and "navigasi-turun" not in (anew.text and anew.json["response"] or {})


def test_the_data_page_and_audit_are_for_admins(klien):
    assert _komponen(_halaman(klien["analis"], "/data").json, "data-hanya-admin")
    assert _komponen(_halaman(klien["admin"], "/data").json, "data-riwayat")
    assert _komponen(_halaman(klien["admin"], "/data").json, "data-audit")


def test_the_data_page_is_in_the_menu_of_admins_only(klien):
    """Issue 30: accounts that cannot use the Data page still saw it in the menu. Its link is
    hidden from them; the server still answers them that it is for admins only."""

    def tautan(client):
        return _komponen(client.get("/_dash-layout").json, "nav-data")

    for nama in ("analis", "jaktim", "rawamangun"):
        assert tautan(klien[nama])["style"] == {"display": "none"}, nama
        assert _komponen(_halaman(klien[nama], "/data").json, "data-hanya-admin")
        assert _komponen(klien[nama].get("/_dash-layout").json, "nav-wilayah")["style"] == {}
    assert tautan(klien["admin"])["style"] == {} and tautan(klien["admin"])["children"] == "Data"


def test_the_audit_table_says_who_did_what_in_words(klien):
    """Issue 30: the audit table showed raw values ('admin tidak', 'pertama_kali'). The first
    start's account, an account added on the server, a branch's download and a login under a
    name that is no account, newest first, as the Data page shows them in both languages."""
    audit.catat("masuk_gagal", audit.nama_samaran("tidak.ada"), alamat="203.0.113.9")
    audit.catat("unduh", "rawamangun", "cabang:Jakarta Rawamangun", berkas="cakupan_provinsi.csv", baris=39)
    audit.catat("pengguna_tambah", "operator", nama="kab.lebak", wilayah="36.02", kantor_cabang=None, admin=False)
    audit.catat("pengguna_tambah", "pertama_kali", nama="admin", wilayah="ID", kantor_cabang=None, admin=True)
    hash_ = audit.nama_samaran("tidak.ada")[1:]
    harapan = {
        "id": [
            ("Cakupan, saat pertama dijalankan", "Menambah akun", "", "akun admin · lingkup Indonesia · admin"),
            ("Pengelola server", "Menambah akun", "", "akun kab.lebak · lingkup Kabupaten Lebak (36.02) · bukan admin"),
            ("rawamangun", "Mengunduh", "Kantor cabang Jakarta Rawamangun", "39 baris · berkas cakupan_provinsi.csv"),
            (f"nama tak dikenal #{hash_}", "Gagal masuk", "", "dari alamat 203.0.113.9"),
        ],
        "en": [
            ("Cakupan, at its first start", "Added an account", "", "account admin · scope Indonesia · an administrator"),
            (
                "Server operator", "Added an account", "",
                "account kab.lebak · scope Kabupaten Lebak (36.02) · not an administrator",
            ),
            ("rawamangun", "Downloaded", "Branch office Jakarta Rawamangun", "39 rows · file cakupan_provinsi.csv"),
            (f"unknown name #{hash_}", "Failed login", "", "from address 203.0.113.9"),
        ],
    }  # fmt: skip
    for bahasa, baris in harapan.items():
        rows = _komponen(_halaman(klien["admin"], "/data", f"?bahasa={bahasa}").json, "data-audit")["rowData"]
        assert [(r["oleh"], r["peristiwa"], r["lingkup"], r["rincian"]) for r in rows[:4]] == baris


def test_a_branch_is_told_why_it_has_no_target(klien):
    """Issue 30: a branch filter's cards said "Belum ada target untuk wilayah ini" (as if the
    region had none). With a branch scope or a branch filter, the target card and the pace card on
    Ringkasan and the review's pace slide say that targets count every branch together."""
    kalimat = {
        "id": "Target dihitung untuk semua kantor cabang bersama: tidak ada target untuk satu kantor cabang",
        "en": "Targets count every branch office together: there is no target for one branch",
    }
    for nama, search in (("rawamangun", ""), ("analis", "?cabang=Jakarta+Rawamangun")):
        for bahasa, kata in kalimat.items():
            teks = _halaman(klien[nama], "/", search + ("&" if search else "?") + f"bahasa={bahasa}").text
            assert teks.count(kata) == 2, (nama, bahasa)  # the target card and the pace card
            assert "Belum ada target" not in teks and "has no target of its own" not in teks
        slides = klien[nama].get(f"/tinjauan{search}").text
        assert slides.count(kalimat["id"]) == 2 and "Belum ada target" not in slides  # first and pace slides
    assert "Belum ada target untuk wilayah ini" in _halaman(klien["analis"], "/", "?wilayah=31.71").text


def test_every_audit_event_and_detail_has_words():
    """Every event kind and detail key the code records (each jejak.audit.catat call in the tree,
    read from the source) has words on the Data page: none reaches the table as a raw code."""
    import ast

    from layouts.pages import data
    from tests.conftest import ROOT

    kinds, keys = set(), set()
    for folder in (d for d in ROOT.iterdir() if (d / "__init__.py").exists() and d.name != "tests"):
        for path in folder.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if not (isinstance(node, ast.Call) and ast.unparse(node.func) == "audit.catat"):
                    continue
                kinds |= {c.value for c in ast.walk(node.args[0]) if isinstance(c, ast.Constant)}
                for kw in node.keywords:  # named, or a ** of a dict made from a tuple of names
                    keys |= {kw.arg} if kw.arg else {c.value for c in ast.walk(kw.value) if isinstance(c, ast.Constant)}
    assert len(kinds) == 24 and kinds <= set(data.PERISTIWA), kinds - set(data.PERISTIWA)
    assert keys - {"alasan_en"} <= set(data.RINCIAN), keys - set(data.RINCIAN)
    assert {"target_bagi", "aksi_tambah", "segarkan", "admin", "rencana", "menggantikan"} <= kinds | keys


# --- scope: downloads -------------------------------------------------------------------


def test_downloads_outside_the_scope_are_refused(klien):
    for nama, query in (
        ("jaktim", "wilayah=31.71&tingkat=kelurahan"),
        ("jaktim", "wilayah=ID&tingkat=provinsi"),
        ("jaktim", "wilayah=31&tingkat=kelurahan"),
        ("kenari", "wilayah=31.75.02.1001&tingkat=rw"),
        ("rawamangun", "cabang=Jakarta+Salemba&tingkat=provinsi"),
    ):
        for jenis in ("coverage", "trend", "rincian", "rw", "budget"):
            response = klien[nama].get(f"/unduh/{jenis}.csv?{query}")
            assert response.status_code == 403, (nama, jenis, query)
            assert "di luar lingkup" in response.text
    for nama in ("analis", "jaktim", "rawamangun"):
        assert klien[nama].get("/unduh/ditolak.csv").status_code == 403
    assert klien["admin"].get("/unduh/ditolak.csv").status_code == 200


def test_downloads_hold_only_the_scope(klien):
    response = klien["jaktim"].get("/unduh/coverage.csv?tingkat=kelurahan")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = _csv(klien["jaktim"].get("/unduh/coverage.csv?tingkat=kelurahan"))  # default: own place
    assert rows and all(r["kode_wilayah"].startswith("31.75.") or r["kode_induk"].startswith("31.75") for r in rows)
    assert sum(int(r["peserta_aktif"]) for r in rows) == 11
    rows = _csv(klien["kenari"].get("/unduh/coverage.csv?tingkat=rw"))
    assert [(r["kode_wilayah"], r["peserta_aktif"]) for r in rows if r["peserta_aktif"] != "0"] == [
        ("31.71.04.1002.04", "1")
    ]
    rows = _csv(klien["rawamangun"].get("/unduh/coverage.csv?tingkat=provinsi"))
    assert sum(int(r["peserta_aktif"]) for r in rows) == 3
    assert {r["kode_wilayah"]: r["peserta_aktif"] for r in rows}["31"] == "3"
    rows = _csv(klien["analis"].get("/unduh/coverage.csv?tingkat=provinsi"))
    assert sum(int(r["peserta_aktif"]) for r in rows) == 13


def test_logins_and_downloads_are_on_the_audit_trail(klien):
    klien["jaktim"].get("/unduh/coverage.csv?tingkat=kecamatan")
    klien["jaktim"].get("/unduh/coverage.csv?wilayah=31.71&tingkat=kecamatan")
    with lingkup.berlaku(lingkup.NASIONAL):
        events = [e for e in audit.jejak(500) if e["oleh"] == "jaktim"]
    kinds = [e["peristiwa"] for e in events]
    assert "masuk" in kinds and "unduh" in kinds and "unduh_ditolak" in kinds
    unduh = next(e for e in events if e["peristiwa"] == "unduh")
    assert unduh["lingkup"] == "31.75" and "cakupan_coverage_kecamatan_31.75_2024-02-06.csv" in unduh["rincian"]


def test_the_login_page_escapes_what_it_is_given(server):
    client = baru(server)
    page = client.get('/masuk?lanjut=/"><script>alert(1)</script>').text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert 'id="tombol-masuk"' in page and 'name="csrf" value="' in page


def test_static_files_go_compressed_and_cached_pages_and_answers_do_not(server, klien):
    import gzip

    client = klien["jaktim"]
    page = client.get("/", headers={"Accept-Encoding": "gzip"})
    bundle = re.search(r'src="(/_dash-component-suites/dash/dash-renderer/[^"]+\.js)"', page.text).group(1)
    plain = client.get(bundle)
    packed = client.get(bundle, headers={"Accept-Encoding": "gzip, deflate"})
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip" and gzip.decompress(packed.data) == plain.data
    assert len(packed.data) < len(plain.data) / 2
    assert packed.headers["Cache-Control"] == "max-age=31536000"  # fingerprinted: Dash's year
    again = client.get(bundle, headers={"Accept-Encoding": "gzip"})  # from the worker's store
    assert again.data == packed.data
    chunk = client.get("/_dash-component-suites/dash/dcc/async-graph.js")  # named without a version
    assert chunk.status_code == 200 and chunk.headers["Cache-Control"] == "max-age=86400"
    missing = client.get("/_dash-component-suites/dash/dcc/async-plotlyjs.js")  # no package has it
    assert missing.status_code == 404 and "Tidak ada berkas itu" in missing.text
    css = client.get("/assets/cakupan.css", headers={"Accept-Encoding": "gzip"})
    assert css.status_code == 200 and css.headers["Cache-Control"] == "max-age=86400"
    # Pages and answers carry the CSRF token or data beside what a URL reflects: never compressed.
    assert "Content-Encoding" not in page.headers and page.headers["Cache-Control"] == "no-store"
    answer = _halaman(client, "/", "?wilayah=31.75", headers={"Accept-Encoding": "gzip"})
    assert answer.status_code == 200 and len(answer.data) > 500 and "Content-Encoding" not in answer.headers


def test_a_slow_export_is_kept_beside_the_build_per_scope_and_sent_from_disk(server, klien, monkeypatch):
    from server import unduh

    monkeypatch.setattr(unduh, "SIMPAN_DETIK", 0.0)  # every file counts as slow
    ekspor_isi = unduh.ekspor.isi_berkas
    folder = warehouse.current_path().with_suffix(".unduh")
    url = "/unduh/coverage.csv?wilayah=31.75&tingkat=kelurahan"
    first = klien["jaktim"].get(url)
    kept = sorted(folder.glob("*.csv"))
    assert first.status_code == 200 and kept
    monkeypatch.setattr(unduh.ekspor, "isi_berkas", lambda *a: pytest.fail("made again"))
    again = klien["jaktim"].get(url)  # from disk: the maker is not called
    assert again.data == first.data and sum(int(r["peserta_aktif"]) for r in _csv(again)) == 11
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]
    with pytest.raises(pytest.fail.Exception):  # another scope never gets jaktim's file
        klien["dki"].get(url)
    monkeypatch.setattr(unduh.ekspor, "isi_berkas", ekspor_isi)
    assert sum(int(r["peserta_aktif"]) for r in _csv(klien["dki"].get(url))) == 11  # made for dki
    assert klien["admin"].get("/unduh/ditolak.csv").status_code == 200  # never kept: depends on who asks
    assert len(list(folder.glob("*.csv"))) == len(kept) + 1 and not list(folder.glob("*.xlsx"))


def test_a_page_is_kept_per_build_arguments_and_scope_and_the_data_page_never(klien, monkeypatch):
    from layouts.pages import data, ringkasan

    first = _halaman(klien["jaktim"], "/", "?wilayah=31.75.02")
    drawn = []
    for page in (ringkasan, data):
        monkeypatch.setattr(page, "_isi", lambda k, real=page._isi: drawn.append(k.tempat.kode) or real(k))
    again = _halaman(klien["jaktim"], "/", "?wilayah=31.75.02")
    assert again.status_code == 200 and again.data == first.data and drawn == []  # only sent again
    assert _halaman(klien["dki"], "/", "?wilayah=31.75.02").status_code == 200  # another scope: its own
    assert _halaman(klien["jaktim"], "/", "?wilayah=31.75.02&bahasa=en").status_code == 200  # other arguments
    assert drawn == ["31.75.02", "31.75.02"]
    for _ in range(2):
        assert _halaman(klien["admin"], "/data").status_code == 200
    assert drawn == ["31.75.02", "31.75.02", "ID", "ID"]  # the audit trail moves: drawn each time


def test_the_same_slow_export_asked_at_once_by_many_threads_is_whole_for_each(server, klien, monkeypatch):
    import threading

    from server import unduh

    n = 6
    inside = threading.Barrier(n, timeout=60)  # every request inside the maker before any goes on
    made = unduh.ekspor.isi_berkas

    def isi_berkas(*a):
        inside.wait()
        return made(*a)

    monkeypatch.setattr(unduh, "SIMPAN_DETIK", 0.0)
    monkeypatch.setattr(unduh.ekspor, "isi_berkas", isi_berkas)
    url = "/unduh/coverage.xlsx?wilayah=31.75.02&tingkat=kelurahan&segmen=PU"
    clients = [_masuk(server, "jaktim")[0] for _ in range(n)]
    got = [None] * n

    def ask(i):
        response = clients[i].get(url)
        got[i] = (response.status_code, response.data)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(n)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert [code for code, _ in got] == [200] * n
    sheets = [_sel_xlsx(body) for _, body in got]  # each a whole workbook (bytes differ by its time)
    assert all(sheet == sheets[0] for sheet in sheets) and len(sheets[0]) > 1
    monkeypatch.setattr(unduh.ekspor, "isi_berkas", made)
    assert clients[0].get(url).data in {body for _, body in got}  # the kept file is one of them


def _sel_xlsx(body: bytes) -> list[tuple]:
    import openpyxl

    return list(openpyxl.load_workbook(io.BytesIO(body), read_only=True).active.iter_rows(values_only=True))


def test_a_kept_export_follows_the_rw_target(server, klien, monkeypatch):
    from server import unduh

    monkeypatch.setattr(unduh, "SIMPAN_DETIK", 0.0)
    url = "/unduh/rw.csv?wilayah=31.75.02.1001&tingkat=rw"
    targets = lambda r: {row["target"] for row in _csv(r) if row["target"]}  # noqa: E731
    assert targets(klien["jaktim"].get(url)) == {"3"}
    monkeypatch.setenv("CAKUPAN_RW_TARGET", "50")
    assert targets(klien["jaktim"].get(url)) == {"50"}


def test_the_page_downloads_every_flavour_and_every_level_below(klien):
    """?excel=id: the CSV for Excel set to Indonesian; ?bahasa=en: the workbook's labels in English;
    any level below the place from the page's menu. Jakarta Timur (31.75) as its own account."""
    response = klien["jaktim"].get("/unduh/coverage.csv?wilayah=31.75.02&tingkat=kelurahan&excel=id")
    assert response.status_code == 200 and response.data.startswith(b"\xef\xbb\xbf")
    assert "_excel-id.csv" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    pg = next(r for r in rows if r["kode_wilayah"] == "31.75.02.1001")
    assert (pg["peserta_aktif"], pg["capaian_persen"]) == ("11", "55,0")
    assert klien["jaktim"].get("/unduh/coverage.xlsx?excel=id").status_code == 400
    assert klien["jaktim"].get("/unduh/coverage.csv?excel=fr").status_code == 400
    import openpyxl

    body = klien["jaktim"].get("/unduh/coverage.xlsx?wilayah=31.75&tingkat=kelurahan&bahasa=en").data
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    assert [c.value for c in sheet[1]][:3] == ["Data date", "Region code", "Region name"]
    assert sum(1 for r in sheet.iter_rows(min_row=3) if r[1].value) == 65  # Jakarta Timur's 65 kelurahan
    page = _halaman(klien["jaktim"], "/wilayah", "?wilayah=31.75").text
    for level in ("kecamatan", "kelurahan"):
        assert f"tingkat={level}" in page, level
    assert "excel=id" in page


KATA_INDONESIA = (  # words that must not show on an English page (place names aside)
    "Unduh", "Keluar", "Kode", "Peserta", "Jumlah", "Berkas", "Tanggal", "Dibaca", "Dimuat", "Ditolak",
    "Belum", "Tidak", "Semua", "Capaian", "Kekurangan", "Laju", "minggu", "dibutuhkan", "Lembar", "Oleh",
    "Waktu", "Alasan", "Rincian", "Peristiwa", "Lingkup", "Gelap", "Tinjauan", "Anggaran", "terdaftar",
    "aktif", "tercapai", "Perubahan", "Wilayah", "snapshot ini", "Masuk",
)  # fmt: skip
TEKS_TAMPAK = {"children", "headerName", "headerTooltip", "label", "placeholder", "title", "text", "name",
               "ticktext", "hovertext", "rowData"}  # fmt: skip


def _teks_tampak(node, keluar: list, tampak: bool = False) -> list:
    """Every string a user can see in a page's JSON: children, headers, labels, chart texts, cells."""
    if isinstance(node, dict):
        komponen = "namespace" in node and "props" in node  # a component: only its visible props count
        for k, v in node.items():
            _teks_tampak(v, keluar, (tampak and not komponen and k != "props") or k in TEKS_TAMPAK)
    elif isinstance(node, list):
        for v in node:
            _teks_tampak(v, keluar, tampak)
    elif isinstance(node, str) and tampak:
        keluar.append(node)
    return keluar


TEMPAT_NAMA = ("Jakarta", "Pulo", "Gadung", "Kenari", "Pisangan", "Timur", "Rawamangun", "Indonesia")


@pytest.mark.parametrize(
    "path,search",
    [
        ("/", "?bahasa=en"),
        ("/", "?bahasa=en&wilayah=31.75.02.1001"),
        ("/wilayah", "?bahasa=en&wilayah=31.75.02"),
        ("/rw100", "?bahasa=en&wilayah=31.75.02"),
        ("/segmen", "?bahasa=en&program=JHT"),
        ("/anggaran", "?bahasa=en&wilayah=31.75"),
        ("/data", "?bahasa=en"),
    ],
)
def test_english_pages_hold_no_indonesian_words(klien, path, search):
    teks = _teks_tampak(_halaman(klien["admin"], path, search).json, [])
    assert teks, path
    bocor = sorted(
        {
            (kata, s)
            for s in teks
            for kata in KATA_INDONESIA
            if re.search(rf"\b{kata}\b", s) and not any(n in s for n in TEMPAT_NAMA)
        }
    )
    assert bocor == [], bocor
    indonesia = _teks_tampak(_halaman(klien["admin"], path, search.replace("bahasa=en", "bahasa=id")).json, [])
    assert any(re.search(rf"\b{kata}\b", s) for s in indonesia for kata in KATA_INDONESIA)  # the check sees text


def test_the_review_downloads_as_a_light_pdf_and_as_html(klien):
    """Pulo Gadung's review (the weekly seed): the PDF holds its 5 slides in tens of kilobytes, the
    numbers in words a phone shows; the HTML is the offline report file. Outside the scope: 403."""
    import pypdfium2

    response = klien["jaktim"].get("/tinjauan?wilayah=31.75.02.1001&unduh=pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "cakupan_tinjauan_kelurahan_31.75.02.1001_2024-02-06.pdf" in response.headers["Content-Disposition"]
    assert len(response.data) < 1_000_000
    doc = pypdfium2.PdfDocument(response.data)
    halaman = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    assert len(halaman) == 6 and "Bulan depan" in halaman[3]  # the month ahead after the pace (issue 35)
    assert "Pulo Gadung, Pulogadung" in halaman[0] and "11" in halaman[0] and "dari target 20" in halaman[0]
    assert "Peserta aktif per tanggal data" in halaman[1] and "8 Jan 2024" not in halaman[1]
    assert "9 Jan 2024" in halaman[1] and "31 Des" in halaman[1]  # the first date label shows (the year once)
    gambar = doc[0].render(scale=0.5).to_pil().convert("L")
    assert gambar.getextrema()[0] < 60  # dark type on the page: drawn, not blank
    html = klien["jaktim"].get("/tinjauan?wilayah=31.75.02.1001&unduh=html")
    assert html.status_code == 200 and b"plotly.js" in html.data and b"<script src" not in html.data
    assert klien["jaktim"].get("/tinjauan?wilayah=31.71&unduh=pdf").status_code == 403
    assert klien["jaktim"].get("/tinjauan?wilayah=31.75&unduh=docx").status_code == 400


def test_the_rw_grid_says_what_its_colours_mean_and_names_each_rw_s_kelurahan(klien):
    """Per-RW target 3 (the weekly seed): at target from 3, near 2 (50 % rounded up), far 0-1.
    Pulogadung's furthest RWs carry their kelurahan's name (RW 04 · Pulo Gadung)."""
    page = _halaman(klien["admin"], "/rw100", "?wilayah=31.75.02")
    legenda = _teks_tampak(_komponen(page.json, "rw100-legenda"), [])
    assert legenda == ["Tercapai: 3 peserta aktif atau lebih", "Dekat: 2-2", "Jauh: 0-1", "Tanpa target"]
    rows = _komponen(page.json, {"type": "turun", "nama": "rw100-terjauh"})["rowData"]
    assert rows[0]["nama_wilayah"] == "RW 04 · Pulo Gadung"
    assert {r["nama_wilayah"].split(" · ")[1] for r in rows} == {"Pulo Gadung", "Pisangan Timur"}
