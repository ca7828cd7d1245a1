"""Properties of every door, whatever is asked (Hypothesis): each page callback, download and the
review route, with generated places (valid, empty, out of scope, malformed), filters, snapshots and
languages, as national, regional, kelurahan, branch and admin accounts. For every answer:
no 500; no row of a place outside the account's scope; refusals and notes in the asked language.
A bounded number of examples per door, so the suite's time stays fixed. On the weekly seed."""

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from metrics import definisi, ekspor
from metrics.lingkup import Lingkup
from tests.test_masuk import AKUN, _halaman, klien, nasional, server  # noqa: F401

pytestmark = pytest.mark.slow  # Hypothesis over every callback: left out of make test-quick

CONTOH = settings(
    max_examples=60,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)
TEMPAT = [
    None,
    "ID",
    "31",
    "31.75",
    "31.75.02",
    "31.75.02.1001",
    "31.75.02.1001.01",  # an RW with participants
    "31.75.02.1001.99",  # a valid RW number nobody registered
    "31.75.02.1002",  # Pisangan Timur: no one active
    "31.71.04.1002",  # Kenari, Jakarta Pusat
    "36.01",  # in the reference, not in the seed roster
    "31.7",
    "31.750",
    "31.75.02.1001.1000",
    "XX",
    "31; DROP TABLE peserta",
    "",
]
SNAPSHOT = [None, "2024-02-06", "2024-01-30", "2024-01-09", "2024-01-10", "06-02-2024", "2024-13-45"]
BAHASA = [None, "id", "en", "fr"]
HALAMAN = ["/", "/wilayah", "/rw100", "/segmen", "/anggaran", "/data"]
KODE = re.compile(r'"kode_wilayah":\s*"([^"]+)"')
# Words that only an Indonesian sentence has: none may reach an English alert.
INDONESIA = re.compile(r"\b(tidak|bukan|belum|di luar|wilayah|hanya|dengan|untuk|yang|Hapus|pilih)\b")


def _indonesia(teks: str):
    """An Indonesian word in a sentence, leaving out what it quotes: values in quotes and the
    URL values after 'choose' ('ya, tidak') are the asker's or the URL's own."""
    teks = re.sub(r"'[^']*'", "", teks.split("choose ")[0])
    return INDONESIA.search(teks)


def _saringan():
    kunci = {}
    for s in definisi.SARINGAN:
        nilai = list(s.pilihan or {"Jakarta Rawamangun": None, "Jakarta Salemba": None})
        kunci[s.kunci] = st.sampled_from([None, *nilai, "XYZ", " "])
    return st.fixed_dictionaries(kunci)


def _query(tempat, snapshot, saringan, bahasa) -> dict:
    q = {"wilayah": tempat, "snapshot": snapshot, "bahasa": bahasa, **saringan}
    return {k: v for k, v in q.items() if v is not None}


def _search(q: dict) -> str:
    from urllib.parse import urlencode

    return "?" + urlencode(q) if q else ""


def _lingkup(akun: str) -> Lingkup:
    wilayah, cabang, admin = AKUN[akun]
    return Lingkup(wilayah, cabang, admin, akun)


def _dalam(akun: str, kode: str) -> bool:
    return _lingkup(akun).memuat(kode)


def _alert(tree) -> list[str]:
    """The text of every Alert in a callback response."""
    found = []

    def teks(node) -> str:
        if isinstance(node, str):
            return node
        if isinstance(node, dict):
            return teks(node.get("props", {}).get("children"))
        if isinstance(node, list):
            return " ".join(teks(x) for x in node)
        return ""

    def cari(node):
        if isinstance(node, dict):
            if node.get("type") == "Alert":
                found.append(teks(node))
            for v in node.values():
                cari(v)
        elif isinstance(node, list):
            for v in node:
                cari(v)

    cari(tree)
    return found


@CONTOH
@given(
    akun=st.sampled_from(sorted(AKUN)),
    path=st.sampled_from(HALAMAN),
    tempat=st.sampled_from(TEMPAT),
    snapshot=st.sampled_from(SNAPSHOT),
    saringan=_saringan(),
    bahasa=st.sampled_from(BAHASA),
)
def test_every_page_answers_inside_the_scope_in_its_language(klien, akun, path, tempat, snapshot, saringan, bahasa):
    q = _query(tempat, snapshot, saringan, bahasa)
    response = _halaman(klien[akun], path, _search(q))
    assert response.status_code == 200, (akun, path, q, response.text[:500])
    luar = [k for k in KODE.findall(response.text) if not _dalam(akun, k)]
    assert not luar, (akun, path, q, luar)
    if bahasa == "en":
        for teks in _alert(response.json):
            assert not _indonesia(teks), (akun, path, q, teks)


@CONTOH
@given(
    akun=st.sampled_from(sorted(AKUN)),
    jenis=st.sampled_from([*ekspor.JENIS, "semua"]),
    akhiran=st.sampled_from(["csv", "xlsx", "pdf"]),
    tempat=st.sampled_from(TEMPAT),
    tingkat=st.sampled_from([None, *definisi.TINGKAT, "desa"]),
    snapshot=st.sampled_from(SNAPSHOT),
    saringan=_saringan(),
    bahasa=st.sampled_from(BAHASA),
)
def test_every_download_holds_only_the_scope(klien, akun, jenis, akhiran, tempat, tingkat, snapshot, saringan, bahasa):
    q = _query(tempat, snapshot, saringan, bahasa)
    if tingkat:
        q["tingkat"] = tingkat
    response = klien[akun].get(f"/unduh/{jenis}.{akhiran}" + _search(q))
    assert response.status_code in (200, 400, 403, 404), (akun, jenis, q, response.status_code, response.text[:300])
    if response.status_code == 200 and akhiran == "csv":
        import csv
        import io

        rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8"))))
        luar = [r["kode_wilayah"] for r in rows if r.get("kode_wilayah") and not _dalam(akun, r["kode_wilayah"])]
        if jenis != "ditolak":  # rejects carry the file's own codes; test_serangan checks their scope
            assert not luar, (akun, jenis, q, luar[:5])
    if response.status_code in (400, 403) and bahasa == "en":
        assert response.text.startswith("Cannot download: ") and not _indonesia(response.text), response.text


@CONTOH
@given(
    akun=st.sampled_from(sorted(AKUN)),
    tempat=st.sampled_from(TEMPAT),
    snapshot=st.sampled_from(SNAPSHOT),
    saringan=_saringan(),
    bahasa=st.sampled_from(BAHASA),
    otomatis=st.sampled_from([None, "0", "5", "601", "-1", "x", "٣"]),
)
def test_the_review_route_never_fails_and_stays_in_scope(klien, akun, tempat, snapshot, saringan, bahasa, otomatis):
    q = _query(tempat, snapshot, saringan, bahasa)
    if otomatis is not None:
        q["otomatis"] = otomatis
    response = klien[akun].get("/tinjauan" + _search(q))
    assert response.status_code in (200, 400, 403), (akun, q, response.status_code, response.text[:300])
    if response.status_code == 200:
        asked = q.get("wilayah") or _lingkup(akun).wilayah
        assert _dalam(akun, asked)
        assert f'<html lang="{"en" if bahasa == "en" else "id"}">' in response.text
    elif bahasa == "en":
        assert response.text.startswith("The review cannot be made: ") and not _indonesia(response.text), response.text


def test_the_generators_reach_the_doors_that_matter():
    """The lists above hold what the attack found: an empty RW, out-of-scope and malformed places,
    a filter RW rollups do not keep, a snapshot not loaded, a language not offered."""
    assert "31.75.02.1001.99" in TEMPAT and "31.7" in TEMPAT and "36.01" in TEMPAT
    assert dt.date.fromisoformat("2024-01-10") and "fr" in BAHASA
    assert {"rawamangun", "kenari", "admin"} <= set(AKUN)


JUNK = st.one_of(
    st.none(),
    st.sampled_from(TEMPAT[1:]),
    st.text(max_size=30),
    st.integers(),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(
        st.sampled_from(["rowId", "points", "x"]),
        st.one_of(
            st.text(max_size=20),
            st.integers(),
            st.lists(
                st.dictionaries(
                    st.sampled_from(["customdata", "y"]),
                    st.one_of(st.text(max_size=20), st.lists(st.text(max_size=20), max_size=2)),
                ),
                max_size=2,
            ),
        ),
        max_size=2,
    ),
)


@CONTOH
@given(
    akun=st.sampled_from(sorted(AKUN)),
    jenis=st.sampled_from(["turun", "turun-grafik"]),
    nilai=JUNK,
    path=st.sampled_from([*HALAMAN, None, "/x"]),
    search=st.sampled_from(["", "?wilayah=31.75", "?wilayah=XX&bahasa=en", None]),
)
def test_a_clicked_row_or_bar_with_any_value_is_answered(klien, akun, jenis, nilai, path, search):
    """A hand-made click (any JSON where a row or a bar should be) gets a URL or nothing, never a 500."""
    prop = "cellClicked" if jenis == "turun" else "clickData"
    masukan = [{"id": {"type": jenis, "nama": "wilayah"}, "property": prop, "value": nilai}]
    body = {
        "output": "navigasi-turun.href",
        "outputs": {"id": "navigasi-turun", "property": "href"},
        "inputs": [masukan, [], []] if jenis == "turun" else [[], masukan, []],  # the third: a phone's cards
        "state": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": [f'{{"nama":"wilayah","type":"{jenis}"}}.{prop}'],
    }
    response = klien[akun].post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204), (akun, nilai, response.status_code, response.text[:300])


# --- every write callback (issue 31) -------------------------------------------------------

from isian import aksi as aksi_simpan  # noqa: E402
from isian import langganan as langganan_simpan  # noqa: E402
from isian import pembagian as pembagian_simpan  # noqa: E402
from tests import klien as tulis  # noqa: E402

AKUN_TULIS = {  # AKUN, and an admin of a region and one of a branch
    **AKUN,
    "admin.dki": ("31", None, True),
    "kc.admin": ("ID", "Jakarta Rawamangun", True),
}
TEMPAT_SAH = ["ID", "31", "31.75", "31.75.02", "31.75.02.1001", "31.71.04.1002", "36.01", "94"]
TULIS = ["aksi", "rencana", "aksi_hapus", "target", "target_hapus", "langganan", "langganan_hapus"]
CONTOH_TULIS = settings(CONTOH, max_examples=40)


@pytest.fixture(scope="module")
def klien_tulis(klien, server):
    from akses import pengguna
    from tests.test_masuk import SANDI, _masuk

    for nama, (wilayah, cabang, admin) in AKUN_TULIS.items():
        if not pengguna.cari(nama):
            pengguna.tambah(nama, wilayah, cabang, admin, sandi=SANDI)
    return {**klien, **{nama: _masuk(server, nama)[0] for nama in AKUN_TULIS if nama not in klien}}


def _akun_tulis(nama: str) -> Lingkup:
    wilayah, cabang, admin = AKUN_TULIS[nama]
    return Lingkup(wilayah, cabang, admin, nama)


def _boleh_tulis(saya: Lingkup, kode: str) -> bool:
    """The rule (metrics.lingkup.periksa_tulis), said again here: inside the scope, not a branch."""
    return saya.kantor_cabang is None and saya.memuat(kode)


def _boleh_atur(saya: Lingkup, akun: str) -> bool:
    """Who may manage an account's subscriptions: itself, or an admin whose scope holds it."""
    lain = _akun_tulis(akun)
    return akun == saya.nama or (
        saya.admin and saya.memuat(lain.wilayah) and saya.kantor_cabang in (None, lain.kantor_cabang)
    )


def _ditolak(nama: str) -> int:
    from jejak import audit

    return sum(e["peristiwa"] == "tulis_ditolak" and e["oleh"] == nama for e in audit.jejak(100_000))


@CONTOH_TULIS
@given(
    akun=st.sampled_from(sorted(AKUN_TULIS)),
    apa=st.sampled_from(TULIS),
    tempat=st.sampled_from([*TEMPAT_SAH, "XX", "31.7", ""]),
    sendiri=st.booleans(),  # the URL names the account's own place (the form it was given) or `tempat`
    lain=st.sampled_from(sorted(AKUN_TULIS)),  # the account a subscription is for
    bahasa=st.sampled_from([None, "en"]),
)
def test_every_write_callback_writes_and_removes_only_inside_the_scope(
    klien_tulis, monkeypatch, akun, apa, tempat, sendiri, lain, bahasa
):
    """Each write callback (actions, the what-if's plan, target splits, subscriptions; record and
    remove) posted by every kind of account for places in and out of its scope, the URL its own
    place or another: nothing is written or removed outside what the rule allows, an allowed write
    in the account's own place is made, and a branch account's refused place write is audited."""
    from metrics import aksi, langganan, lingkup, pembagian
    from metrics.pertanyaan import tanya

    monkeypatch.setattr(pembagian, "terapkan", lambda: False)  # no build started from a test
    saya, client = _akun_tulis(akun), klien_tulis[akun]
    kode = saya.wilayah if sendiri else tempat
    search = _search({"wilayah": kode, **({"bahasa": bahasa} if bahasa else {})})
    sah = kode in TEMPAT_SAH  # a place the URL may name (a kelurahan at most: actions stop there)
    sasaran = tempat if tempat in TEMPAT_SAH else "31.75"  # where a removal's thing lies
    ditolak, dibuat = _ditolak(akun), []
    try:
        if apa in ("aksi", "rencana"):
            sebelum = {a.id for a in aksi_simpan.daftar()}
            response = (tulis.aksi if apa == "aksi" else tulis.rencana)(client, search)
            baru = [a for a in aksi_simpan.daftar() if a.id not in sebelum]
            dibuat = [("aksi", a.id) for a in baru]
            assert all(_boleh_tulis(saya, a.wilayah) for a in baru), (akun, search, baru)
            if apa == "aksi" and sah and _boleh_tulis(saya, kode):
                assert [a.wilayah for a in baru] == [kode], (akun, search, response.text[:300])
        elif apa == "aksi_hapus":
            with lingkup.berlaku(lingkup.NASIONAL):
                nomor = aksi.tambah(sasaran, "sosialisasi", "Uji sifat", "2024-02-01")
            dibuat = [("aksi", nomor)]
            response = tulis.aksi(client, search, hapus=nomor)
            hilang = aksi_simpan.ambil(nomor) is None
            assert not hilang or _boleh_tulis(saya, sasaran), (akun, search, sasaran)
            if sendiri and _boleh_tulis(saya, sasaran):
                assert hilang, (akun, search, response.text[:300])
        elif apa in ("target", "target_hapus"):
            if apa == "target_hapus":
                with lingkup.berlaku(lingkup.NASIONAL):
                    nomor = pembagian.simpan(tanya("ID"), "rata")  # the seed's one target that splits
                dibuat = [("target", nomor)]
            sebelum = {p.id for p in pembagian_simpan.semua()}
            response = tulis.target(client, search, hapus=apa == "target_hapus")
            sesudah = {p.id: p for p in pembagian_simpan.semua()}
            dibuat += [("target", n) for n in sesudah if n not in sebelum]
            assert all(_boleh_tulis(saya, sesudah[n].kode_induk) for n in sesudah if n not in sebelum)
            if apa == "target_hapus":
                assert nomor in sesudah or _boleh_tulis(saya, "ID"), (akun, search)
                if kode == "ID" and _boleh_tulis(saya, "ID"):
                    assert nomor not in sesudah, (akun, search, response.text[:300])
        elif apa == "langganan":
            sebelum = {lg.id for lg in langganan_simpan.daftar()}
            pilih = akun if sendiri else lain
            response = tulis.langganan(client, search, akun=pilih)
            baru = [lg for lg in langganan_simpan.daftar() if lg.id not in sebelum]
            dibuat = [("langganan", lg.id) for lg in baru]
            for lg in baru:
                assert _boleh_atur(saya, lg.pengguna), (akun, lg)
                assert _akun_tulis(lg.pengguna).memuat(lg.wilayah) and saya.memuat(lg.wilayah), (akun, lg)
            if sendiri and sah and saya.memuat(kode):
                assert [lg.wilayah for lg in baru] == [kode], (akun, search, response.text[:300])
        else:
            with lingkup.berlaku(lingkup.NASIONAL):
                nomor = langganan.tambah(lain, AKUN_TULIS[lain][0], "b@kab.example.id")
            dibuat = [("langganan", nomor)]
            response = tulis.langganan(client, search, hapus=nomor)
            assert (not langganan_simpan.ambil(nomor).aktif) == _boleh_atur(saya, lain), (akun, lain)
        assert response.status_code in (200, 204), (akun, apa, search, response.text[:300])
        if saya.kantor_cabang and sah and apa in ("aksi", "rencana", "aksi_hapus", "target", "target_hapus"):
            assert _ditolak(akun) > ditolak, (akun, apa, search)  # refused, and audited with its place
    finally:  # the session's shared seed keeps nothing this test wrote
        for jenis, nomor in dibuat:
            simpanan = {"aksi": aksi_simpan, "target": pembagian_simpan, "langganan": langganan_simpan}[jenis]
            try:
                simpanan.hapus(nomor, "operator", "ID")
            except ValueError:  # removed by the test's request
                pass
