"""What officials read (issue 30, shared/cases/tampilan): a right number reaches the reader and
reads right on the page, the slides, the PDF, the HTML report and the email alike.

round_1999.csv + round_target.csv: 1.999 active persons in Pulo Gadung (31.75.02.1001) against a
target of 2.000, so capaian 99,95 %: shown 99,9 % everywhere, "Kekurangan 1", never 100,0 %."""

import json
import shutil
import subprocess
from pathlib import Path

import plotly
import pytest

from etl import build
from layouts import format as fmt
from layouts import grafik, kerangka, peta, tinjauan_pdf
from layouts import tinjauan as slides
from metrics import cakupan, ekspor, tinjauan
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya
from tests.conftest import SEED, load

PULO_GADUNG = "31.75.02.1001"


def test_a_percent_never_rounds_up_onto_a_border_it_has_not_reached():
    """100 % and the bands' borders (70 %, 90 %; 50 % for an RW): below one, never shown on it."""
    for ratio, shown in [
        (1999 / 2000, "99,9 %"),  # 99,95 would round to 100,0
        (0.99949, "99,9 %"),
        (0.69996, "69,9 %"),  # red, so never '70,0 %'
        (0.89951, "89,9 %"),
        (0.49996, "49,9 %"),
        (1.0, "100,0 %"),  # reached reads reached
        (0.7, "70,0 %"),
        (0.874, "87,4 %"),  # elsewhere rounded as before
        (1.2346, "123,5 %"),  # never capped
        (None, "-"),
    ]:
        assert fmt.persen(ratio) == shown, ratio
    assert fmt.persen(1999 / 2000, bahasa="en") == "99.9 %"
    assert fmt.persen(0.99951, 2) == "99,95 %"  # two digits can show it
    assert cakupan.pita(1999 / 2000) == "baik" and cakupan.pita(0.69996) == "rendah"  # the bands read the value


@pytest.mark.skipif(shutil.which("node") is None, reason="node runs the grid's cell format")
def test_the_grids_cells_round_by_the_same_rule():
    """assets/dashAgGridFunctions.js, called as kerangka.kolom_metrik writes the call."""
    panggil = kerangka.kolom_metrik("capaian_acuan", "id")["valueFormatter"]["function"]
    assert panggil == "cakupanPersen(params.value, 'id', [50.0, 70.0, 90.0, 100.0])"
    js = Path(kerangka.__file__).resolve().parent.parent / "assets" / "dashAgGridFunctions.js"
    kode = (
        f"var window = {{}}; eval(require('fs').readFileSync({json.dumps(str(js))}, 'utf8'));"
        "var cakupanPersen = window.dashAgGridFunctions.cakupanPersen;"
        "console.log(JSON.stringify([0.9995, 0.69996, 1.0, 0.874, 1.2346, null].map(function (v) {"
        f"var params = {{value: v}}; return eval({json.dumps(panggil)}); }})));"
    )
    hasil = subprocess.run(["node", "-e", kode], capture_output=True, text=True, check=True).stdout
    assert json.loads(hasil) == ["99,9 %", "69,9 %", "100,0 %", "87,4 %", "123,5 %", "-"]


@pytest.fixture
def bulat(data_dir, cetakan):
    """The case: 1.999 active of 2.000 in Pulo Gadung, one snapshot (2024-02-06)."""
    return cetakan("bulat", _bangun_bulat, data_dir)


def _bangun_bulat() -> None:
    load([SEED / "round_1999.csv"])
    build.load_reference("target", SEED / "round_target.csv")


def _json(komponen) -> str:
    return json.dumps(komponen, cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def _page(dash_app, path: str, **query) -> str:
    import dash

    layout = next(p["layout"] for p in dash.page_registry.values() if p["path"] == path)
    return _json(layout(**query))


def _pdf_teks(pdf: bytes) -> str:
    import pypdfium2

    return "\f".join(p.get_textpage().get_text_range() for p in pypdfium2.PdfDocument(pdf))  # pages by form feed


def _surel(tj, saringan: dict | None = None) -> tuple[str, str]:
    from isian.langganan import Langganan
    from laporan import pesan

    lg = Langganan(1, "kota.jaktim", tj.tempat.kode, saringan or {}, "id", ("a@jaktim.example.id",), True, "", "")
    surel = pesan.buat(tj, lg, "cakupan@bpjs.example.id", "https://cakupan.example.id")
    teks = surel.get_body(preferencelist=("plain",)).get_content()
    return teks, surel.get_body(preferencelist=("html",)).get_content()


def _lima(dash_app, kode: str, tanggal: str, saringan: dict) -> dict[str, str]:
    """The same place and filters as the page, the slides, the PDF, the HTML report and the email."""
    t = tanya(kode, tanggal, Filter.dari_teks(saringan))
    tj = tinjauan.tinjauan(t)
    teks, html = _surel(tj, saringan)
    return {
        "halaman": _page(dash_app, "/", wilayah=kode, snapshot=tanggal, **saringan),
        "slide": slides.dokumen(tj, "id"),
        "pdf": _pdf_teks(tinjauan_pdf.pdf(tj, "id")),
        "laporan": slides.dokumen(tj, "id", mandiri=True),
        "surel": teks + html,
    }


def test_1999_of_2000_reads_99_9_everywhere(bulat, dash_app):
    keluaran = _lima(dash_app, PULO_GADUNG, "2024-02-06", {})
    for nama, isi in keluaran.items():
        for tampil in ("1.999", "2.000", "99,9 %"):
            assert tampil in isi, (nama, tampil)
        assert "sudah tercapai" not in isi, nama
        # the headline (the page, the first slide or page, the email) never reads 100,0 %; the RW
        # slide may: all 4 of its RWs are at target
        utama = isi.split("</section>")[0] if nama in ("slide", "laporan") else isi.split("\f")[0]
        assert "100,0 %" not in utama, nama
    for nama in ("slide", "pdf", "laporan"):
        assert "Kekurangan 1" in keluaran[nama], nama
    assert "Kekurangan: 1" in keluaran["surel"]
    assert '"ringkasan-kekurangan"' in keluaran["halaman"]
    # one snapshot: every output says the change and pace cannot be known yet
    for nama, isi in keluaran.items():
        assert "Belum ada data minggu sebelumnya: perubahan dan laju belum bisa dihitung." in isi, nama
    # the bar beside its siblings and a map square: the same words
    bar = grafik.batang_capaian(cakupan.anak(tanya("31.75.02"), cakupan.ANAK).baris, "id")
    assert bar["data"][0]["text"] == ["99,9 %"]
    petak = peta.provinsi([{"kode_wilayah": "31", "nama_wilayah": "DKI Jakarta", "capaian_acuan": 0.9995}], "id")
    assert any("99,9 %" in x for tr in petak["data"] for x in (tr.get("text") or []))
    # the export keeps the value itself
    kepala, baris = ekspor.isi_berkas("coverage", tanya("31.75.02"), "kelurahan")
    [r] = [dict(zip(kepala, b, strict=True)) for b in baris if b[1] == PULO_GADUNG]
    assert (r["capaian_persen"], r["kekurangan"]) == (99.95, 1)


def test_every_output_carries_the_same_caveats(minggu, dash_app):
    """Pulo Gadung on 30 January 2024 (3 weeks of data behind the pace) with the BPU filter (its
    BPU target 8): the same numbers, the pace named by its weeks, the same caveats in all five."""
    keluaran = _lima(dash_app, PULO_GADUNG, "2024-01-30", {"segmen": "BPU"})
    catatan = (
        "Laju dihitung dari 3 minggu data (sejak 09-01-2024), belum 4 minggu.",
        "Segmen: Bukan Penerima Upah (BPU)",
    )
    # the page shows its filters in the filter bar, held by the link: its control holds BPU
    keluaran["halaman"] = keluaran["halaman"].replace('"value": "BPU"', "Segmen: Bukan Penerima Upah (BPU)")
    for nama, isi in keluaran.items():
        for kata in (*catatan, "3 minggu terakhir", "Peserta aktif", "Capaian"):
            assert kata in isi, (nama, kata)
        assert "4 minggu terakhir" not in isi, nama


def test_a_derived_or_rule_target_is_said_in_every_output(minggu):
    """The words beside a target that is not the region's own, and a branch's missing target."""
    m = {"target_acuan": 27, "jenis_target": "1rw100"}
    assert fmt.catatan_target(m) == "Tanpa target sendiri: RW diketahui x 100 (aturan 1 RW 100)"
    turunan = {
        "target_acuan": 40,
        "jenis_target": "turunan",
        "nama_induk": "Pulogadung",
        "dasar_target": "rw",
        "target_dibagi_oleh": "ani",
    }
    assert fmt.catatan_target(turunan) == "Dibagi dari target Pulogadung menurut jumlah RW, oleh ani"
    assert fmt.catatan_target({"target_acuan": 20, "jenis_target": "wilayah"}) == ""
    assert fmt.catatan_target({"target_acuan": None}) == "Belum ada target untuk wilayah ini"
    assert fmt.catatan_target({"target_acuan": None}, filt=Filter(kantor_cabang="Jakarta Rawamangun")).startswith(
        "Target dihitung untuk semua kantor cabang bersama"
    )
    assert fmt.catatan_target({"target_acuan": None}, filt=Filter(program="JKM")) == (
        "Target berlaku untuk semua program, sumber iuran, pekerja rentan dan kantor cabang: dengan filter ini "
        "tidak ada target"
    )
    assert fmt.catatan_target({"target_acuan": None}, filt=Filter(segmen="BPU")) == (
        "Belum ada target segmen BPU untuk wilayah ini"
    )
    tj = tinjauan.tinjauan(tanya(PULO_GADUNG))
    tj.angka = {**tj.angka, **turunan}
    assert slides.catatan_utama(tj, "id")[0] == "Dibagi dari target Pulogadung menurut jumlah RW, oleh ani"
    teks, _ = _surel(tj)
    assert "- Dibagi dari target Pulogadung menurut jumlah RW, oleh ani" in teks


def test_the_pace_is_named_by_the_weeks_behind_it(minggu):
    assert fmt.kata_laju(tanya(PULO_GADUNG, "2024-02-06").periode) == "4 minggu terakhir"
    assert fmt.kata_laju(tanya(PULO_GADUNG, "2024-01-30").periode) == "3 minggu terakhir"
    assert fmt.kata_laju(tanya(PULO_GADUNG, "2024-01-30").periode, "en") == "last 3 weeks"
    assert fmt.kata_laju(tanya(PULO_GADUNG, "2024-01-09").periode) == "4 minggu terakhir"  # no pace: the card says so


def test_places_below_on_another_basis_say_so_where_the_colours_are(seed_loaded):
    """Jakarta Timur at 86,9 % of its own 38.738 while its ten kecamatan are measured against
    1 RW 100 targets adding up to 64.000 (the demo): the note and the split offered."""
    induk = {"jenis_target": "wilayah", "target_acuan": 38_738, "capaian_acuan": 0.8687}
    anak = [{"kode_wilayah": f"31.75.{i:02d}", "jenis_target": "1rw100", "target_acuan": 6_400} for i in range(1, 11)]
    anak.append({"kode_wilayah": None, "jenis_target": None, "target_acuan": None})  # the unknown-region row
    d = cakupan.dasar_berbeda(induk, anak)
    assert d == {"anak_1rw100": 10, "anak_target": 10, "target_1rw100": 64_000, "target_induk": 38_738}
    assert cakupan.dasar_berbeda({**induk, "jenis_target": "1rw100"}, anak) is None  # same basis as its parent
    assert cakupan.dasar_berbeda(induk, [{**a, "jenis_target": "wilayah"} for a in anak]) is None

    from metrics.wilayah import tempat

    kata = kerangka.kata_beda_dasar(tempat("31.75"), induk, anak, "id")
    assert kata == (
        "10 dari 10 kecamatan di bawah ini belum punya target sendiri: warnanya mengukur jarak ke target "
        "1 RW 100 (jumlahnya 64.000), bukan ke bagian dari target Kota Administrasi Jakarta Timur (38.738, "
        "capaian 86,9 %). Merah di sini berarti jauh dari 1 RW 100."
    )


def test_the_pages_and_slides_show_the_note_and_offer_the_split(seed_loaded, dash_app):
    """The small seed: Pulogadung (31.75.02) has its own target 5 (4 active: 80,0 %), while its
    kelurahan Pulo Gadung has none and is measured by the 1 RW 100 rule (8 RWs x 100 = 800)."""
    kata = (
        "1 dari 1 kelurahan di bawah ini belum punya target sendiri: warnanya mengukur jarak ke target "
        "1 RW 100 (jumlahnya 800), bukan ke bagian dari target Pulogadung (5, capaian 80,0 %). "
        "Merah di sini berarti jauh dari 1 RW 100."
    )
    wilayah = _page(dash_app, "/wilayah", wilayah="31.75.02")
    ringkasan = _page(dash_app, "/", wilayah="31.75.02")
    for halaman, id_ in ((wilayah, "wilayah-dasar"), (ringkasan, "peringkat-dasar")):
        assert kata in halaman and f'"id": "{id_}"' in halaman
        assert "Bagi target Pulogadung ke kelurahan di bawahnya" in halaman
        assert '"href": "/target?wilayah=31.75.02' in halaman
    tj = tinjauan.tinjauan(tanya("31.75.02"))
    assert kata in slides.dokumen(tj, "id")  # above the laggards' table
    # the place's own numbers, and a kelurahan whose RWs are below it: no note
    assert "Diukur dengan target lain" not in _page(dash_app, "/wilayah", wilayah=PULO_GADUNG)
