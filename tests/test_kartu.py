"""The card to share (issue 35, item 5; layouts/kartu_png.py): on the weekly seed (seed/README.md)
its numbers are Ringkasan's for the same question, read from the page's own response and from the
texts the drawing drew; it carries the page's caveats; it is a 1080 x 1080 PNG; the download
route refuses a place outside the account's scope and audits both."""

import io

import pytest
from PIL import Image

from layouts import format as fmt
from layouts import kartu_png
from metrics import lingkup
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya
from tests.klien import halaman, masuk

PULO_GADUNG, PULOGADUNG, KENARI = "31.75.02.1001", "31.75.02", "31.71.04.1002"


# --- the page's cards, read from its callback response -----------------------------------------


def _teks(node) -> str:
    """Every string inside a component (a Span with its title keeps only its text)."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "".join(_teks(x) for x in node)
    if isinstance(node, dict):
        return _teks(node.get("props", {}).get("children", ""))
    return "" if node is None else str(node)


def _kartu_induk(tree, id_):
    """The children of the card holding the component `id_` (kerangka.kartu, kerangka.kartu_dua)."""
    if isinstance(tree, dict):
        anak = tree.get("props", {}).get("children")
        if isinstance(anak, list) and any(isinstance(a, dict) and a.get("props", {}).get("id") == id_ for a in anak):
            return anak
        tree = list(tree.values())
    if isinstance(tree, list):
        for item in tree:
            if (found := _kartu_induk(item, id_)) is not None:
                return found
    return None


def _halaman(client, search: str) -> dict:
    """Ringkasan's six cards as {id: (label, [(value, word under it)], note)}."""
    r = halaman(client, "/", search)
    assert r.status_code == 200
    kartu = {}
    for p in _ID:
        label, nilai, catatan = _kartu_induk(r.json, p.id)
        tumpuk = nilai["props"]["children"]
        if p.id == "ringkasan-laju":  # a group of (value, word) stacks
            nilai = [(_teks(s["props"]["children"][0]), _teks(s["props"]["children"][1])) for s in tumpuk]
        else:
            nilai = [(_teks(tumpuk), "")]
        kartu[p.id] = (_teks(label), nilai, _teks(catatan))
    return kartu


_ID = [
    kartu_png.Petak(i, "", (("", ""),))
    for i in ("ringkasan-aktif", "ringkasan-target", "ringkasan-capaian", "ringkasan-kekurangan")
    + ("ringkasan-perubahan", "ringkasan-laju")
]


@pytest.fixture
def pusat(minggu, dash_app):
    with lingkup.berlaku(None):
        yield masuk(dash_app, "kartu.pusat", "ID")


@pytest.mark.parametrize(
    "search,soal",
    [
        (f"?wilayah={PULO_GADUNG}", (PULO_GADUNG, None, Filter())),
        (f"?wilayah={PULO_GADUNG}&bahasa=en", (PULO_GADUNG, None, Filter())),
        (f"?wilayah={PULOGADUNG}", (PULOGADUNG, None, Filter())),
        (f"?wilayah={PULO_GADUNG}&segmen=BPU", (PULO_GADUNG, None, Filter(segmen="BPU"))),
        (f"?wilayah={PULO_GADUNG}&snapshot=2024-01-09", (PULO_GADUNG, "2024-01-09", Filter())),
        ("?cabang=Jakarta Rawamangun", ("ID", None, Filter(kantor_cabang="Jakarta Rawamangun"))),
    ],
    ids=["kelurahan", "english", "rule", "segment", "first-snapshot", "branch"],
)
def test_the_card_shows_the_page_numbers_and_draws_them(pusat, search, soal):
    """Both from the same question: every tile's label and values are the page card's, the notes
    too where the card keeps the page's words; and every one of them was drawn."""
    bahasa = "en" if "bahasa=en" in search else "id"
    with lingkup.berlaku(lingkup.NASIONAL):
        isi = kartu_png.isi(tanya(*soal), bahasa)
    page = _halaman(pusat, search)
    _, tulisan = kartu_png.gambar(isi)
    drawn = [x.teks for x in tulisan]
    for p in isi.petak:
        label, nilai, catatan = page[p.id]
        assert p.label.removesuffix(" ¹").removesuffix(" ²") == label, p.id
        assert [v for v, _ in p.nilai] == [v for v, _ in nilai], p.id
        assert [w for _, w in p.nilai if w] == [w for _, w in nilai if w], p.id
        if catatan in ("-", *(fmt.definisi_metrik(x, bahasa) for x in ("capaian", "kekurangan"))):
            catatan = ""  # the card leaves out the page's definitions and dashes
        if p.id != "ringkasan-target" or isi.catatan == ():  # else its words are the first caveat
            assert p.catatan == catatan, p.id
        assert p.label in drawn and all(v in drawn for v, _ in p.nilai), (p.id, drawn)
    assert isi.judul in " ".join(drawn) and isi.tanggal in " ".join(drawn)
    assert all(c in " ".join(drawn) for c in isi.catatan)  # every caveat, whole


def test_a_kelurahan_card_by_hand(minggu):
    """Pulo Gadung on 2024-02-06 (seed/README.md): aktif 11 of 12 registered, target 20, 11/20 = 55 %,
    kekurangan 9; +2 this week = 3 new, 0 lapsed, P7 moved out (-1); pace (11-8)/4 = 0,75 -> '0,8',
    needed 9/47 = 0,19 -> '0,2', reached after ceil(9/0,75 x 7) = 84 days: 30 April 2024."""
    isi = kartu_png.isi(tanya(PULO_GADUNG), "id")
    assert isi.judul == "Pulo Gadung, Pulogadung"
    assert isi.tanggal == "Data per 6 Februari 2024 · dibanding 30 Januari 2024"
    assert isi.saringan == "Semua peserta"
    assert [(p.label, p.nilai[0][0], p.catatan) for p in isi.petak] == [
        ("Peserta aktif", "11", "peserta terdaftar 12"),
        ("Target", "20", "target tahun 2024"),
        ("Capaian", "55,0 %", "Cakupan pekerja 25,0 % dari 44 penduduk bekerja"),  # 11/44 (pekerja_minggu.csv)
        ("Kekurangan", "9", ""),
        ("Perubahan minggu ini", "+2", "+3 baru, -0 berhenti, -1 pindah"),
        ("Laju per minggu", "0,8", "tercapai pada 30 April 2024"),
    ]
    assert isi.petak[5].nilai == (("0,8", "4 minggu terakhir"), ("0,2", "dibutuhkan"))
    assert isi.petak[5].warna == kartu_png.HIJAU and isi.petak[2].warna == kartu_png.MERAH  # in time; 55 % is low
    assert isi.catatan == ()  # its own target, four weeks of data: nothing to add


def test_the_card_carries_the_page_caveats(minggu):
    # The kecamatan has no target of its own: 10 RWs known x 3 (the seed's per-RW target) = 30, marked ¹.
    isi = kartu_png.isi(tanya(PULOGADUNG), "id")
    assert (isi.petak[1].label, isi.petak[1].nilai[0][0]) == ("Target 1 RW 100 ¹", "30")
    assert isi.catatan == ("¹ Tanpa target sendiri: RW diketahui x 100 (aturan 1 RW 100)",)
    # The first snapshot: no change and no pace yet, in the page's words.
    isi = kartu_png.isi(tanya(PULO_GADUNG, "2024-01-09"), "en")
    assert (
        isi.petak[4].nilai[0][0] == "-"
        and isi.petak[5].catatan == "Only one snapshot so far: the pace cannot be known yet."
    )
    assert isi.catatan == ("No earlier snapshot yet: change and pace cannot be computed.",)
    # A branch has no target (P1-P3 are the 3 active of Jakarta Rawamangun): said once, by the answer's note.
    isi = kartu_png.isi(tanya("ID", filt=Filter(kantor_cabang="Jakarta Rawamangun")), "id")
    assert [p.nilai[0][0] for p in isi.petak[:4]] == ["3", "-", "-", "-"]
    assert isi.saringan == "Filter: Kantor cabang: Jakarta Rawamangun"
    assert len(isi.catatan) == 1 and isi.catatan[0].startswith("Target berlaku untuk semua program")
    # Kenari's segment BPU has no target: the reason is the caveat (the place has one for all segments).
    isi = kartu_png.isi(tanya(KENARI, filt=Filter(segmen="BPU")), "id")
    assert isi.catatan[0] == "Belum ada target segmen BPU untuk wilayah ini"
    # A derived target (a split of the parent's: issue 21) says where it comes from, marked ².
    m = {"target_acuan": 50, "jenis_target": "turunan", "nama_induk": "Pulogadung", "dasar_target": "rw",
         "target_dibagi_oleh": "ani"}  # fmt: skip
    assert kartu_png._catatan(m, [], Filter(), "id") == ["² Dibagi dari target Pulogadung menurut jumlah RW, oleh ani"]


def test_a_square_png_with_every_text_inside_and_readable(minggu):
    body = kartu_png.png(kartu_png.isi(tanya(PULOGADUNG), "id"))
    gambar = Image.open(io.BytesIO(body))
    assert (gambar.format, gambar.size, gambar.mode) == ("PNG", (1080, 1080), "P")
    assert len(body) < 60_000  # a chat group's data plan: 64 colours (kartu_png.WARNA_PNG)
    assert len(gambar.getcolors()) <= kartu_png.WARNA_PNG
    _, tulisan = kartu_png.gambar(kartu_png.isi(tanya(PULOGADUNG), "id"))
    assert all(0 <= x0 and 0 <= y0 and x1 <= 1080 and y1 <= 1080 for x0, y0, x1, y1 in (x.kotak for x in tulisan))
    assert min(x.ukuran for x in tulisan) == kartu_png.HURUF_MIN == 30  # 11 px on a phone 390 px wide
    nilai = {v for p in kartu_png.isi(tanya(PULOGADUNG), "id").petak for v, _ in p.nilai}
    assert min(x.ukuran for x in tulisan if x.teks in nilai) >= kartu_png.NILAI_MIN


def test_a_crowded_card_cuts_its_caveats_and_says_so():
    """Six long caveats cannot fit beside six tiles: the lines kept end with where the rest is, the
    values keep at least NILAI_MIN px, a long name wraps, and nothing leaves the square."""
    petak = tuple(
        kartu_png.Petak(
            f"p{i}", "Perubahan minggu ini", (("-1.234,5 ribu", ""),), "+12.345 baru, -6.789 berhenti, +1.234 pindah"
        )
        for i in range(5)
    ) + (
        kartu_png.Petak(
            "laju",
            "Laju per minggu",
            (("1.234", "4 minggu terakhir"), ("5.678", "dibutuhkan")),
            "tidak tercapai pada laju ini",
        ),
    )
    isi = kartu_png.Isi(
        judul="Kelurahan Dengan Nama Yang Sangat Panjang Sekali, Kecamatan Yang Juga Sangat Panjang Namanya",
        tanggal="Data per 6 Februari 2024 · dibanding 30 Januari 2024",
        saringan="Filter: Segmen: BPU, Program: JHT, Sumber iuran: APBD, Kantor cabang: Jakarta Rawamangun",
        petak=petak,
        catatan=tuple(
            "Target berlaku untuk semua program, sumber iuran, pekerja rentan dan kantor cabang." for _ in range(6)
        ),
        merek="Cakupan · Kepesertaan BPJS Ketenagakerjaan",
    )
    _, tulisan = kartu_png.gambar(isi)
    drawn = [x.teks for x in tulisan]
    assert drawn[-1] == "… selengkapnya di halaman Ringkasan"
    assert sum(x.startswith("Target berlaku") for x in drawn) < 6
    assert all(
        x1 <= 1080 - kartu_png.TEPI + 1 and y1 <= 1080 - kartu_png.TEPI for _, _, x1, y1 in (x.kotak for x in tulisan)
    )
    assert min(x.ukuran for x in tulisan if x.teks == "1.234") >= kartu_png.NILAI_MIN
    assert min(x.ukuran for x in tulisan) >= kartu_png.HURUF_MIN


def test_the_download_keeps_to_the_scope_and_is_audited(minggu, dash_app):
    from jejak import audit

    with lingkup.berlaku(None):
        kota = masuk(dash_app, "kartu.jaktim", "31.75")
        r = kota.get(f"/unduh/kartu.png?wilayah={PULO_GADUNG}&snapshot=2024-02-06&bahasa=en")
        assert r.status_code == 200 and r.mimetype == "image/png"
        assert "cakupan_kartu_kelurahan_31.75.02.1001_2024-02-06.png" in r.headers["Content-Disposition"]
        assert Image.open(io.BytesIO(r.data)).size == (1080, 1080)
        r = kota.get(f"/unduh/kartu.png?wilayah={KENARI}")  # Jakarta Pusat: not this account's
        assert r.status_code == 403 and KENARI in r.text
        assert kota.get("/unduh/coverage.png").status_code == 404  # no other image
        assert kota.get("/unduh/kartu.csv").status_code == 400
    peristiwa = [(e["peristiwa"], e["rincian"]) for e in audit.jejak(50) if e["oleh"] == "kartu.jaktim"]
    assert peristiwa[0][0] == "unduh_ditolak" and KENARI in peristiwa[0][1]  # newest first
    assert peristiwa[1][0] == "unduh" and "cakupan_kartu_kelurahan_31.75.02.1001_2024-02-06.png" in peristiwa[1][1]
