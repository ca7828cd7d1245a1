"""The weekly review's numbers (metrics/tinjauan.py) on the weekly seed (seed/README.md), and
its slides and report file (layouts/tinjauan.py, python -m metrics report)."""

import base64
import datetime as dt
import hashlib
import re

import pytest

from commands.metrics import main as metrics_cli
from layouts import tinjauan as slides
from metrics import lingkup, tinjauan
from metrics.lingkup import Lingkup, TanpaAkses
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya
from server import tinjauan as route


def test_a_kelurahan_review(minggu):
    tj = tinjauan.tinjauan(tanya("31.75.02.1001"))
    m = tj.angka
    assert (
        m["peserta_aktif"],
        m["target_acuan"],
        m["kekurangan_acuan"],
        m["perubahan_minggu"],
        m["baru"],
        m["berhenti"],
    ) == (
        11,
        20,
        9,
        2,
        3,
        0,
    )
    assert m["laju_4mg"] == pytest.approx(0.75) and m["laju_dibutuhkan_acuan"] == pytest.approx(9 / 47)
    assert m["perkiraan_tercapai_acuan"] == dt.date(2024, 4, 30) and m["proyeksi_akhir_tahun"] == 46
    assert m["jenis_target"] == "wilayah"  # its own target 20 wins over the 1 RW 100 rule (9 x 3)
    assert [r["peserta_aktif"] for r in tj.tren] == [8, 9, 11]
    assert tj.naik == tj.turun == tj.tertinggal == []  # its children are RWs: the RW slide shows them
    assert (tj.rw["rw_diketahui"], tj.rw["rw_tercapai"], tj.rw["target_program_rw"]) == (9, 2, 27)
    assert tj.rw["capaian_program_rw"] == pytest.approx(11 / 27) and not tj.rw["program_rw_berhasil"]
    # RWs 4-8 have none of 3, RW 12 one, RW 2 two: furthest first, then by code.
    assert [(r["rw"], r["kekurangan"]) for r in tj.rw_baris] == [
        (4, 3),
        (5, 3),
        (6, 3),
        (7, 3),
        (8, 3),
        (12, 2),
        (2, 1),
    ]
    assert (tj.muat["dibaca"], tj.muat["dimuat"], tj.muat["ditolak"], tj.muat["alasan"]) == (15, 15, 0, {})


def test_the_first_slide_says_the_change_in_parts_that_add_up(minggu):
    """Pulo Gadung: +2 this week = 3 new - 0 lapsed - 1 moved out (P7 to Kenari); the slide names
    the moved person as Ringkasan and the card do (it said "+3 baru, -0 berhenti": 3 ≠ 2)."""
    tj = tinjauan.tinjauan(tanya("31.75.02.1001"))
    assert tj.angka["pindah_neto"] == -1
    _kaki, isi = slides.slides(tj, "id")
    assert "+3 baru, -0 berhenti, -1 pindah" in repr(isi[0])
    assert "+3 new, -0 lapsed, -1 moved" in repr(slides.slides(tj, "en")[1][0])


def test_a_kecamatan_review_ranks_its_kelurahan(minggu):
    tj = tinjauan.tinjauan(tanya("31.75.02"))
    assert tj.angka["peserta_aktif"] == 11 and tj.angka["perubahan_minggu"] == 2
    # Pulo Gadung +2 (9 -> 11); the other six kelurahan 0 (Pisangan Timur 0 -> 0).
    assert [(r["kode_wilayah"], r["perubahan_minggu"]) for r in tj.naik][:1] == [("31.75.02.1001", 2)]
    assert len(tj.naik) == 4 and len(tj.turun) == 3  # 7 kelurahan: 4 most, 3 least
    assert all(r["perubahan_minggu"] == 0 for r in tj.naik[1:] + tj.turun)
    assert [(r["kode_wilayah"], r["kekurangan_acuan"]) for r in tj.tertinggal] == [
        ("31.75.02.1001", 9),
        ("31.75.02.1002", 3),
    ]
    assert (tj.rw["rw_diketahui"], tj.rw["rw_tercapai"], tj.rw["target_program_rw"]) == (10, 2, 30)
    assert [r["kode_wilayah"] for r in tj.rw_baris][:6] == [
        "31.75.02.1001.04",
        "31.75.02.1001.05",
        "31.75.02.1001.06",
        "31.75.02.1001.07",
        "31.75.02.1001.08",
        "31.75.02.1002.01",
    ]


def test_a_filter_drops_what_it_cannot_show(minggu):
    tj = tinjauan.tinjauan(tanya("31.75.02", filt=Filter(kantor_cabang="Jakarta Rawamangun")))
    assert tj.angka["peserta_aktif"] == 3 and tj.angka["target_acuan"] is None
    assert tj.tertinggal == [] and tj.rw is None  # no targets and no RW rollup by branch
    assert any("target" in c[0] for c in tj.catatan)


def test_the_review_keeps_to_the_scope(minggu):
    with lingkup.berlaku(Lingkup("31.71")):
        with pytest.raises(TanpaAkses):
            tinjauan.tinjauan(tanya("31.75.02"))
        tj = tinjauan.tinjauan(tanya("31.71"))
        assert tj.angka["peserta_aktif"] == 1 and tj.muat is None  # rejects are for admins


def test_slides_say_what_they_show(minggu):
    doc = slides.dokumen(tinjauan.tinjauan(tanya("31.75.02.1001", filt=Filter(segmen="BPU"))), "id")
    judul = re.findall(r'<section class="slide"[^>]*><h2>([^<]*)</h2>', doc)
    # a kelurahan is named with its kecamatan: a forwarded file says which Pulo Gadung it is
    assert judul == [
        "Pulo Gadung, Pulogadung",
        "Peserta aktif per tanggal data",
        "Laju per minggu",
        "Bulan depan",  # the month ahead (issue 35): nobody due, the seed has no paid months
        "1 RW 100 Peserta",
        "Catatan data",
    ]
    kaki = re.findall(r"<footer><span>([^<]*)</span><span>([^<]*)</span>", doc)
    assert kaki[0] == (
        "Pulo Gadung, Pulogadung · Data per 6 Februari 2024 · Segmen: Bukan Penerima Upah (BPU)",
        "Cakupan · 1 / 6",
    )
    assert re.search(r"Dibuat \d+ \w+ \d{4} \d\d\.\d\d WIB", doc)  # the configured zone, not the server's
    assert kaki[-1][1] == "Cakupan · 6 / 6"
    assert ">6<" in doc and "dari target 8" in doc  # BPU: 6 active of a BPU target of 8
    assert "Baris dibaca 15, dimuat 15, ditolak 0" in doc
    assert '<script src="/_dash-component-suites/plotly/package_data/plotly.min.js"></script>' in doc


def test_the_report_file_carries_plotly_once_and_fetches_nothing(minggu, tmp_path, capsys):
    out = tmp_path / "tinjauan.html"
    assert metrics_cli(["report", "--wilayah", "31.75.02", "--as-of", "2024-02-06", "--out", str(out)]) == 0
    doc = out.read_text(encoding="utf-8")
    assert doc.count("plotly.js v") == 1 or doc.count("* plotly.js") == 1
    markup = re.sub(r"<script>.*?</script>", "", doc, flags=re.S)  # plotly.js itself names its website
    assert "<script src" not in markup and "<link" not in markup and not re.search(r'="(https?:)?//', markup)
    assert len(re.findall(r'<section class="slide"', doc)) == 8  # with the month ahead (issue 35)
    assert metrics_cli(["report", "--wilayah", "31.99", "--out", str(tmp_path / "x.html")]) == 2
    assert "31.99" in capsys.readouterr().err


def test_csp_hashes_are_those_of_the_inline_scripts():
    doc = "<script>a()</script><script src='/x.js'></script><script>\nb()\n</script>"
    sha = lambda text: "'sha256-" + base64.b64encode(hashlib.sha256(text).digest()).decode() + "'"
    assert route.hash_skrip(doc) == [sha(b"a()"), sha(b"\nb()\n")]  # the external script has none


def test_the_notes_slide_names_reject_reasons_in_words(seed_loaded):
    """seed_loaded's roster rejects 3 rows: nik_invalid 2 (lines 8, 17), row_malformed 1 (line 14)."""
    tj = tinjauan.tinjauan(tanya("ID"))
    assert tj.muat["alasan"] == {"nik_invalid": 2, "row_malformed": 1}
    doc_id, doc_en = slides.dokumen(tj, "id"), slides.dokumen(tj, "en")
    assert "(NIK kosong atau bukan 16 digit 2, jumlah kolom tidak sama dengan baris judul" in doc_id
    assert "(NIK empty or not 16 digits 2, field count differs from the header (or a stray quote) 1)" in doc_en
    assert "nik_invalid" not in doc_id and "nik_invalid" not in doc_en


def test_the_review_clock_is_in_the_configured_zone(minggu, monkeypatch):
    """17.05 in WIB is 10.05 UTC: a review made at that instant says 17.05 WIB, or 18.05 WITA."""
    import datetime as dt

    utc = dt.datetime(2024, 2, 6, 10, 5, tzinfo=dt.timezone.utc)
    tj = tinjauan.tinjauan(tanya("31.75.02.1001"))
    import settings

    tj.dibuat = utc.astimezone(settings.zona())
    assert "Dibuat 6 Februari 2024 17.05 WIB" in slides.dokumen(tj, "id")
    monkeypatch.setenv("CAKUPAN_ZONA", "Asia/Makassar")
    tj.dibuat = utc.astimezone(settings.zona())
    assert "Dibuat 6 Februari 2024 18.05 WITA" in slides.dokumen(tj, "id")
    monkeypatch.setenv("CAKUPAN_ZONA", "Mars/Olympus")
    with pytest.raises(ValueError, match="CAKUPAN_ZONA"):
        settings.zona()


def test_the_rw_slide_says_which_of_how_many_places_it_lists(minggu):
    """The nation (weekly seed): only DKI Jakarta has RWs known, of the 38 provinces."""
    tj = tinjauan.tinjauan(tanya("ID"))
    assert tj.rw_anak == (1, 38) and [r["kode_wilayah"] for r in tj.rw_baris] == ["31"]
    doc = slides.dokumen(tj, "id")
    assert "1 dengan bagian RW tercapai tertinggi, dari 1 wilayah dengan RW diketahui (38 wilayah" in doc


def test_the_first_slide_shows_workforce_coverage_where_a_reference_exists(minggu):
    """Pulo Gadung: 11 active of a working population of 44 (2024) = 25,0 %; Pisangan Timur has none."""
    doc = slides.dokumen(tinjauan.tinjauan(tanya("31.75.02.1001")), "id")
    assert "Cakupan pekerja" in doc and "25,0 %" in doc and "dari 44 penduduk bekerja" in doc
    assert "Cakupan pekerja" not in slides.dokumen(tinjauan.tinjauan(tanya("31.75.02.1002")), "id")


def test_the_pdf_prints_odd_titles_in_its_font_and_says_what_it_could_not(minggu):
    """Issue 30 item 6: the actions of seed/aksi_aneh.csv on Pulo Gadung's review. DejaVu Sans (the
    embedded font) prints the dash, curly quotes, check mark, HTML as text, the formula as a title;
    it has no emoji, no Chinese and no ﷽: each such character is a □, and the page says so in the
    review's language, only on the pages where it happened (the trend's labels and the actions
    slide). The file stays in tens of kilobytes."""
    import pypdfium2

    from layouts import tinjauan_pdf
    from metrics import aksi
    from tests.conftest import SEED

    nomor = aksi.impor(SEED / "aksi_aneh.csv")[0]
    assert len(nomor) == 5
    try:  # the weekly seed is shared by the session: its other tests see no actions
        tj = tinjauan.tinjauan(tanya("31.75.02.1001"))
    finally:
        for n in nomor:
            aksi.hapus(n)
    tj = type(tj)(**{**tj.__dict__, "aksi": [a for a in tj.aksi if a.judul != "A" * 120]})  # the slide lists 4

    def halaman(bahasa):
        pdf = tinjauan_pdf.pdf(tj, bahasa)
        assert len(pdf) < 100_000
        doc = pypdfium2.PdfDocument(pdf)
        return [" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))]

    id_ = halaman("id")
    [daftar] = [h for h in id_ if "Aksi dan efeknya" in h]
    assert "Jemput bola □ RW 05 — “Kampanye” ✓" in daftar  # 🚀 is the □
    assert "Sosialisasi □□□ بيان Ǆ □" in daftar  # 社会化 and ﷽ are not in the font; Arabic is, shaped
    assert '<script>alert(1)</script> "kutip" & <b>tebal</b>' in daftar
    assert '=HYPERLINK("http://evil.example/?x","klik")' in daftar
    assert "?" not in daftar.replace("example/?", "")  # nothing became "?" but the formula's own
    catatan = "Sebagian huruf atau simbol di halaman ini tidak dapat dicetak di PDF dan ditampilkan sebagai □."
    assert [catatan in h for h in id_] == ["□" in h.replace(catatan, "") for h in id_]
    assert catatan not in id_[0] and sum(catatan in h for h in id_) == 2  # the trend's labels and the actions
    note = "Some letters or symbols on this page cannot be printed in a PDF and are shown as □."
    assert sum(note in h for h in halaman("en")) == 2


def test_the_trend_slide_and_pdf_show_target_road_and_two_close_actions_apart(minggu):
    """Issue 30 items 3 and 6: Pulo Gadung's trend (8, 9, 11 active; target 20; 0,75 a week, 46 on
    31 December) on the slide draws the target and the road's end, and seed/aksi_dua.csv's two
    actions a day apart share a number on the chart, their titles listed under it (slide and PDF)."""
    import pypdfium2

    from layouts import grafik, tinjauan_pdf
    from tests.test_grafik import _aksi_dua

    tj = tinjauan.tinjauan(tanya("31.75.02.1001"))
    tj = type(tj)(**{**tj.__dict__, "aksi": _aksi_dua()})
    [blok] = [b for s in slides.slides(tj, "id")[1] for b in s["isi"] if b and b.get("jenis") == "grafik"]
    lay = blok["fig"]["layout"]
    [garis] = [s for s in lay["shapes"] if s.get("name") != "aksi"]
    assert garis["y0"] == 20
    kata = {a["text"]: a for a in lay["annotations"]}
    assert kata["Target 20"]["y"] == 20
    akhir = kata["31 Des 2024:<br>proyeksi 46"]
    assert (akhir["x"], akhir["y"]) == (dt.date(2024, 12, 31), 46)  # where the road ends: its label
    [jalan] = [d for d in blok["fig"]["data"] if d.get("name") == "Proyeksi laju 4 minggu"]
    assert jalan["x"][-1] == dt.date(2024, 12, 31) and jalan["y"][-1] == 46
    bawah, atas = lay["yaxis"]["range"]
    assert bawah == 0 and atas > 46 > 20  # 8 to 46: the target and the road's end inside
    # the two lines a day apart share one number on the chart, in the slide's 28 px type, on a light
    # ground; both titles are listed under it by number, on the slide and in the PDF
    label = [a for a in lay["annotations"] if a["font"]["color"] == grafik.UNGU]
    assert [(a["text"], a["font"]["size"], a["bgcolor"]) for a in label] == [("1–2", 28, grafik.LATAR)]
    assert blok["aksi"] == [
        (1, "26 Des 2024 · Instruksi Wali Kota tentang 1 RW 100"),
        (2, "27 Des 2024 · Sosialisasi di RW 05"),
    ]
    assert "<li><b>1</b> 26 Des 2024 · Instruksi Wali Kota tentang 1 RW 100</li>" in blok["html"]
    assert lay["height"] == 800 - 36 - 8  # the chart gives up the list's one row of two
    doc = pypdfium2.PdfDocument(tinjauan_pdf.pdf(tj, "id"))
    [halaman] = [p.get_textpage() for p in doc if "Peserta aktif per tanggal" in p.get_textpage().get_text_range()]

    def kotak(teks):  # the first letter's box (left, bottom, right, top) in points
        cari = halaman.search(teks)
        return halaman.get_charbox(cari.get_next()[0])

    instruksi, sosialisasi, nomor = kotak("Instruksi Wali Kota"), kotak("Sosialisasi di RW 05"), kotak("1–2")
    assert instruksi[1] == pytest.approx(sosialisasi[1], abs=0.5)  # one row, two columns
    assert sosialisasi[0] - instruksi[0] > 150  # the second column, half the page on
    assert nomor[1] > instruksi[1] + 200  # the number at the chart's top, the titles under the chart
    assert "31 Des 2024: proyeksi 46" in halaman.get_text_range() and "Target 20" in halaman.get_text_range()
