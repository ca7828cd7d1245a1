"""Charts are plain plotly data: the target line and its label, the ticks, the colour bands and the
100 % line, worked out by hand for small inputs; and plotly accepts every figure as it is."""

import csv
import datetime as dt

import plotly.graph_objects as go
import pytest

from isian.aksi import Aksi
from layouts import grafik
from tests.conftest import SEED


def test_the_trend_shows_the_place_its_target_and_the_road_to_31_december_together():
    rows = [
        {"tanggal_data": dt.date(2024, 1, 9), "peserta_aktif": 120_000},
        {"tanggal_data": dt.date(2024, 2, 6), "peserta_aktif": 129_109},
    ]
    tempat = {"target_acuan": 147_722, "laju_4mg": 2_277.25, "proyeksi_akhir_tahun": 236_140}
    fig = grafik.tren(rows, tempat, "id")
    aktif, proyeksi = fig["data"]
    assert aktif["y"] == [120_000, 129_109] and aktif["hovertext"][1] == "6 Februari 2024: 129.109"
    # the road runs to 31 December and ends at the metric's projection, not at the chart's edge
    assert proyeksi["x"] == [dt.date(2024, 2, 6), dt.date(2024, 12, 31)]
    assert proyeksi["y"] == [129_109, 236_140]
    # x: a twentieth of the axis (357 days / 20, 18 days) before the first snapshot, room for its
    # date's words, to 4 days past 31 December (its tick shows)
    assert fig["layout"]["xaxis"]["range"] == [dt.date(2023, 12, 22), dt.date(2025, 1, 4)]
    # the first snapshot (with the year), 31 December, and every third month start between (1 Feb
    # and the newest, 6 Feb, are 23 and 28 days from 9 Jan: closer than a tenth of the axis, 35,7
    # days, so left out: a phone's 300 px keep the labels apart)
    assert fig["layout"]["xaxis"]["tickvals"] == [
        dt.date(2024, 1, 9), dt.date(2024, 5, 1), dt.date(2024, 8, 1), dt.date(2024, 11, 1), dt.date(2024, 12, 31)
    ]  # fmt: skip
    assert fig["layout"]["xaxis"]["ticktext"] == ["9 Jan 2024", "1 Mei", "1 Agu", "1 Nov", "31 Des"]
    # y holds the values, the target and the road's end: 120.000 to 236.140, spread 116.140, and
    # 30 % of it below and above for the words
    assert fig["layout"]["yaxis"]["range"] == [pytest.approx(85_158), pytest.approx(270_982)]
    [garis] = fig["layout"]["shapes"]
    assert (garis["y0"], garis["y1"], garis["xref"]) == (147_722, 147_722, "x domain")
    target, akhir = fig["layout"]["annotations"]
    assert (target["text"], target["y"], target["yanchor"]) == ("Target 147,7 ribu", 147_722, "bottom")  # above
    # the road's end in the words beside it, at its end point, above it (the road rises to it)
    assert akhir["text"] == "31 Des 2024:<br>proyeksi 236,1 ribu"
    assert (akhir["x"], akhir["y"], akhir["xanchor"], akhir["yanchor"]) == (
        dt.date(2024, 12, 31),
        236_140,
        "right",
        "bottom",
    )
    assert fig["layout"]["showlegend"] is False  # the words say what each line is
    assert fig["layout"]["separators"] == ",." and grafik.tren(rows, {}, "en")["layout"]["separators"] == ".,"
    go.Figure(fig)  # plotly validates every property: a misspelt one raises


def test_a_target_far_above_is_drawn_inside_the_chart_with_its_kind():
    rows = [{"tanggal_data": dt.date(2024, 1, 9) + dt.timedelta(weeks=w), "peserta_aktif": 100 + w} for w in range(20)]
    fig = grafik.tren(rows, {"target_acuan": 800, "jenis_target": "1rw100"}, "id")
    [garis] = fig["layout"]["shapes"]
    assert garis["y0"] == 800
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["Target 1 RW 100: 800"]
    # 100 to 800: spread 700, 210 above the target; below, 100 - 210 stops at 0
    assert fig["layout"]["yaxis"]["range"] == [0, pytest.approx(1_010)]
    # no pace (no projection given): the axis spans the snapshots, not the year
    assert len(fig["layout"]["xaxis"]["tickvals"]) == 7  # 20 snapshots, every third named, the last one too
    assert fig["layout"]["xaxis"]["tickvals"][-1] == rows[-1]["tanggal_data"]
    assert fig["layout"]["xaxis"]["range"][1] == dt.date(2024, 5, 21) + dt.timedelta(days=40)  # 30 % of 133 days
    derived = grafik.tren(rows, {"target_acuan": 110, "jenis_target": "turunan"}, "en")["layout"]["annotations"]
    assert [a["text"] for a in derived] == ["Derived target: 110"]
    # the place above its target: the words under the line, away from the place's line
    assert grafik.tren(rows, {"target_acuan": 90}, "id")["layout"]["annotations"][0]["yanchor"] == "top"
    go.Figure(fig)


def test_a_place_without_a_target_says_so_on_the_chart():
    rows = [{"tanggal_data": dt.date(2024, 2, 6), "peserta_aktif": 148}]
    [kata] = grafik.tren(rows, {"target_acuan": None, "jenis_target": None}, "id")["layout"]["annotations"]
    assert (kata["text"], kata["xref"], kata["yref"]) == ("Belum ada target", "paper", "paper")
    assert grafik.tren(rows, {}, "en")["layout"]["annotations"][0]["text"] == "No target yet"
    cabang = grafik.tren(rows, {}, "id", cabang=True)["layout"]["annotations"][0]["text"]
    assert cabang == "Tidak ada target untuk satu kantor cabang"  # a branch: targets count every branch
    assert not grafik.tren(rows, {}, "id")["layout"]["shapes"]  # no line drawn for it


def test_the_road_s_words_stand_clear_of_a_target_just_above_its_end_and_under_a_falling_road():
    rows = [
        {"tanggal_data": dt.date(2024, 1, 30), "peserta_aktif": 900},
        {"tanggal_data": dt.date(2024, 2, 6), "peserta_aktif": 950},
    ]
    # 900 to 1.000: y from 870 to 1.030, 160 over the 300 px placed for: two lines of words take
    # 80 px = 42,7; the target 10 above the end would run through them, so they sit on the target
    fig = grafik.tren(rows, {"target_acuan": 1_000, "laju_4mg": 1, "proyeksi_akhir_tahun": 990}, "id")
    akhir = fig["layout"]["annotations"][1]
    assert (akhir["text"], akhir["y"], akhir["yanchor"]) == ("31 Des 2024:<br>proyeksi 990", 1_000, "bottom")
    turun = grafik.tren(rows, {"target_acuan": 2_000, "laju_4mg": -1, "proyeksi_akhir_tahun": 700}, "id")
    akhir = turun["layout"]["annotations"][1]
    assert (akhir["y"], akhir["yanchor"]) == (700, "top")  # under a falling road's end
    assert turun["layout"]["yaxis"]["range"][0] < 700 < 2_000 < turun["layout"]["yaxis"]["range"][1]


def _aksi_dua() -> list:
    """tests/seed/aksi_dua.csv (issue 30's case): two actions a day apart on one kelurahan."""
    with open(SEED / "aksi_dua.csv", encoding="utf-8", newline="") as f:
        baris = list(csv.DictReader(f))
    return [
        Aksi(
            n,
            r["kode_wilayah"],
            r["jenis"],
            r["judul"],
            "",
            dt.date.fromisoformat(r["mulai"]),
            None,
            None,
            None,
            False,
            "x",
        )
        for n, r in enumerate(baris, start=1)
    ]


def _aksi(n: int, judul: str, mulai: dt.date) -> Aksi:
    return Aksi(n, "31.75.02.1001", "lain", judul, "", mulai, None, None, None, False, "x")


def _kotak(a: dict, lay: dict, ukuran: grafik.Ukuran) -> tuple[float, float, float, float]:
    """An annotation's box (left, top, right, bottom) in px of the plot `ukuran` places for: 0,55 em
    a character of its longest line, 1,2 em a line, its borderpad around; x from its date on the
    axis, y from its value (or the paper's top) with its anchor and shift."""
    (x0, x1), (y0, y1) = lay["xaxis"]["range"], lay["yaxis"]["range"]
    huruf = a["font"]["size"]
    baris = a["text"].split("<br>")
    pad = a.get("borderpad", 1)
    w, h = max(len(b) for b in baris) * grafik.EM * huruf + 2 * pad, len(baris) * 1.2 * huruf + 2 * pad
    if a["xref"] == "x":
        x = (a["x"] - x0).days / (x1 - x0).days * ukuran.lebar
    else:
        x = a["x"] * ukuran.lebar
    kiri = {"left": x, "center": x - w / 2, "right": x - w}[a["xanchor"]] + a.get("xshift", 0)
    y = (1 - a["y"]) * ukuran.tinggi if a["yref"] == "paper" else (y1 - a["y"]) / (y1 - y0) * ukuran.tinggi
    y -= a.get("yshift", 0)
    atas = y if a["yanchor"] == "top" else y - h
    return kiri, atas, kiri + w, atas + h


def _bertumpuk(p, q) -> bool:
    return p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]


def test_actions_are_numbered_on_the_chart_and_every_title_is_listed_under_it():
    """Issue 30 item 6 (a reviewer's case): seed/aksi_dua.csv's two actions a day apart with five
    more in early February. Titles on a chart 300 to 1.200 px wide were dropped where three rows
    were full; now each line carries its number and every title is in the list (daftar_aksi)."""
    rows = [
        {"tanggal_data": dt.date(2024, 1, 9), "peserta_aktif": 120_000},
        {"tanggal_data": dt.date(2024, 2, 6), "peserta_aktif": 129_109},
    ]
    tempat = {"target_acuan": 147_722, "jenis_target": "1rw100", "laju_4mg": 2_277.25, "proyeksi_akhir_tahun": 236_140}
    feb = [_aksi(10 + n, f"Jemput bola RW 0{n}", dt.date(2024, 2, n)) for n in range(1, 6)]
    aksi = [*_aksi_dua(), *feb]
    fig = grafik.tren(rows, tempat, "id", aksi)
    lay = fig["layout"]
    nomor = [a for a in lay["annotations"] if a["font"]["color"] == grafik.UNGU]
    # 1-5 February stand 1 day (0,79 px of a phone's 300) apart, under a number's 18,8 px: one label;
    # 26 and 27 December likewise, '6–7' (36,4 px with its ground) kept inside the plot: its centre
    # 18,2 px from the right edge: on the 22 Dec 2023 - 4 Jan 2025 axis (379 days), 379 x (300 -
    # 18,2) / 300 = 356 days on, 12 December
    assert [(a["text"], a["x"], a["xanchor"]) for a in nomor] == [
        ("1–5", dt.date(2024, 2, 3), "center"),
        ("6–7", dt.date(2024, 12, 12), "center"),
    ]
    assert all(a["bgcolor"] == grafik.LATAR for a in nomor)  # the dotted lines pass behind them
    # every title in the list under the chart, numbered as on it, by date; none left out
    daftar = grafik.daftar_aksi(grafik.aksi_tren(rows, tempat, aksi), "id")
    assert daftar == [
        (1, "1 Feb 2024 · Jemput bola RW 01"), (2, "2 Feb 2024 · Jemput bola RW 02"),
        (3, "3 Feb 2024 · Jemput bola RW 03"), (4, "4 Feb 2024 · Jemput bola RW 04"),
        (5, "5 Feb 2024 · Jemput bola RW 05"), (6, "26 Des 2024 · Instruksi Wali Kota tentang 1 RW 100"),
        (7, "27 Des 2024 · Sosialisasi di RW 05"),
    ]  # fmt: skip
    [tanda] = [d for d in fig["data"] if d["name"] == "aksi"]
    assert tanda["hovertext"][5] == "6. Instruksi Wali Kota tentang 1 RW 100<br>Instruksi kepala daerah · 26 Des 2024"
    # no number's box touches the target's words or the road's end, nor another number
    target = next(a for a in lay["annotations"] if a["text"].startswith("Target 1 RW 100"))
    akhir = next(a for a in lay["annotations"] if a["text"].startswith("31 Des 2024"))
    assert target["bgcolor"] == akhir["bgcolor"] == grafik.LATAR  # a dotted line runs behind, not through
    kotak = [_kotak(a, lay, grafik.HALAMAN) for a in nomor]
    for k in kotak:
        for kata in (target, akhir):
            assert not _bertumpuk(k, _kotak(kata, lay, grafik.HALAMAN)), (k, kata["text"])
    assert not _bertumpuk(kotak[0], kotak[1])
    # the dotted lines end under the numbers' row: 1,2 em + 6 px of 300 down from the top
    garis = [s for s in lay["shapes"] if s.get("name") == "aksi"]
    assert len(garis) == 7 and garis[0]["y1"] == pytest.approx(1 - 25.2 / 300)
    assert all(g["y1"] * grafik.HALAMAN.tinggi <= grafik.HALAMAN.tinggi - k[3] for g in garis for k in kotak)
    go.Figure(fig)


def test_numbers_stand_apart_where_their_lines_do():
    rows = [
        {"tanggal_data": dt.date(2024, 1, 9), "peserta_aktif": 100},
        {"tanggal_data": dt.date(2024, 2, 6), "peserta_aktif": 120},
    ]
    tempat = {"target_acuan": 300, "laju_4mg": 5, "proyeksi_akhir_tahun": 350}
    aksi = [_aksi(1, "A", dt.date(2024, 3, 1)), _aksi(2, "B", dt.date(2024, 6, 1)), _aksi(3, "C", dt.date(2025, 3, 1))]
    nomor = [a for a in grafik.tren(rows, tempat, "id", aksi)["layout"]["annotations"] if a["text"] in "12"]
    # 92 days apart (76 px of 300): each its own number, on its line; 1 March 2025 is past 31 December
    assert [(a["text"], a["x"]) for a in nomor] == [("1", dt.date(2024, 3, 1)), ("2", dt.date(2024, 6, 1))]
    assert [n for n, _ in grafik.daftar_aksi(grafik.aksi_tren(rows, tempat, aksi), "id")] == [1, 2]


def test_capaian_bars_take_their_band_s_colour_and_a_line_at_100_percent():
    rows = [
        {"nama_wilayah": "A", "kode_wilayah": "31", "capaian_acuan": 0.5, "peserta_aktif": 50, "target_acuan": 100},
        {"nama_wilayah": "B", "kode_wilayah": "32", "capaian_acuan": 0.8, "peserta_aktif": 80, "target_acuan": 100},
        {"nama_wilayah": "C", "kode_wilayah": "33", "capaian_acuan": 1.2, "peserta_aktif": 120, "target_acuan": 100},
        {"nama_wilayah": "D", "kode_wilayah": "34", "capaian_acuan": None, "peserta_aktif": 7, "target_acuan": None},
    ]
    fig = grafik.batang_capaian(rows, "id")
    [batang] = fig["data"]
    assert batang["y"] == ["A", "B", "C"] and batang["x"] == [50.0, 80.0, 120.0]  # no target: no bar
    assert batang["marker"]["color"] == [grafik.MERAH, grafik.JINGGA, grafik.HIJAU]
    assert batang["text"] == ["50,0 %", "80,0 %", "120,0 %"] and batang["customdata"][0] == ["31"]
    [seratus] = fig["layout"]["shapes"]
    assert (seratus["x0"], seratus["x1"], seratus["line"]["dash"]) == (100, 100, "dot")
    assert fig["layout"]["height"] == 260  # at least 260 px: 48 a bar + 80 is 224
    assert fig["layout"]["yaxis"]["autorange"] == "reversed"
    go.Figure(fig)


def test_paired_bars_are_grouped_and_labelled_in_the_language():
    fig = grafik.batang_pasangan(["PU", "BPU"], [1_234, 56], [1_000, 7], "id")
    terdaftar, aktif = fig["data"]
    assert (terdaftar["name"], aktif["name"]) == ("Terdaftar", "Aktif")
    assert terdaftar["text"] == ["1.234", "56"] and fig["layout"]["barmode"] == "group"
    assert fig["layout"]["height"] == 240  # at least 240 px: 70 a category + 80 is 220
    go.Figure(fig)


def test_long_names_fold_beside_their_bars_and_values_keep_room():
    rows = [{"nama_wilayah": "Kalimantan Selatan", "kode_wilayah": "63", "capaian_acuan": 1.5, "peserta_aktif": 3,
             "target_acuan": 2}]  # fmt: skip
    fig = grafik.batang_capaian(rows, "id")
    assert fig["data"][0]["y"] == ["Kalimantan<br>Selatan"] and fig["data"][0]["cliponaxis"] is False
    assert fig["layout"]["xaxis"]["range"] == [0, 150.0 * 1.18]  # the 150 % bar's label fits past its end
    assert grafik._lipat("Banten") == "Banten" and grafik._lipat("Kota Administrasi Jakarta Timur") == (
        "Kota Administrasi<br>Jakarta Timur"
    )


def test_segment_bars_carry_a_phone_layout_with_folded_names_and_room_for_values():
    """Issue 35, item 3: at 390 px Segmen's bars were 64 px of 285 beside their names and the
    longest value was cut ('74.'). The figure carries what a phone changes (assets/ponsel.js applies
    it under 40em): names in lines of at most 14 characters, the axis to 1,35 x the longest bar
    (110.249 -> 148.836,15, room for '110.249' outside it), the legend in a row above the plot."""
    label = ["Penerima Upah (PU)", "JKP · Jaminan Kehilangan Pekerjaan"]
    fig = grafik.batang_pasangan(label, [110_249, 3_809], [74_951, 2_553], "id")
    ponsel = fig["layout"]["meta"]["ponsel"]
    assert ponsel["yaxis.tickvals"] == label
    # 'Penerima Upah' is 13 characters, '+ (PU)' would make 18; 'JKP · Jaminan' is 13, 'Kehilangan' 10
    assert ponsel["yaxis.ticktext"] == ["Penerima Upah<br>(PU)", "JKP · Jaminan<br>Kehilangan<br>Pekerjaan"]
    assert ponsel["xaxis.range"] == [0, pytest.approx(148_836.15)]
    assert (ponsel["legend.y"], ponsel["legend.yanchor"], ponsel["legend.orientation"]) == (1, "bottom", "h")
    assert all(trace["cliponaxis"] is False for trace in fig["data"])  # a value outside a bar stays whole
    satu = grafik.batang_satu(["JKK · Jaminan Kecelakaan Kerja"], [4_238], "id", ["4.238"])
    assert satu["layout"]["meta"]["ponsel"]["yaxis.ticktext"] == ["JKK · Jaminan<br>Kecelakaan<br>Kerja"]
    assert satu["layout"]["meta"]["ponsel"]["xaxis.range"] == [0, pytest.approx(5_721.3)]  # 4.238 x 1,35
    assert grafik.lipat_baris("Superkalifragilistik pendek", 14) == "Superkalifragilistik<br>pendek"
    go.Figure(fig)
    go.Figure(satu)
