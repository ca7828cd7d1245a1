"""Charts are plain plotly data: the target line and its label, the ticks, the colour bands and the
100 % line, worked out by hand for small inputs; and plotly accepts every figure as it is."""

import csv
import datetime as dt

import plotly.graph_objects as go
import pytest

from akses.aksi import Aksi
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


def test_labels_take_the_first_row_where_they_touch_nothing():
    # (0, 3) row 0; (1, 4) touches it: row 1; (3,5, 7) starts after row 0 ends: row 0; (5, 6) touches
    # (3,5, 7) but not (1, 4): row 1. In the input's order.
    assert grafik.baris_label([(0, 3), (1, 4), (5, 6), (3.5, 7)]) == [0, 1, 1, 0]
    assert grafik.baris_label([(0, 1)] * 4) == [0, 1, 2, None]  # three rows at most: the fourth unlabelled
    assert grafik.baris_label([]) == []


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


def test_two_actions_a_day_apart_are_labelled_on_two_rows():
    rows = [
        {"tanggal_data": dt.date(2024, 1, 9), "peserta_aktif": 120_000},
        {"tanggal_data": dt.date(2024, 2, 6), "peserta_aktif": 129_109},
    ]
    tempat = {"target_acuan": 147_722, "laju_4mg": 2_277.25, "proyeksi_akhir_tahun": 236_140}
    fig = grafik.tren(rows, tempat, "id", _aksi_dua())
    label = [a for a in fig["layout"]["annotations"] if a["font"]["color"] == grafik.UNGU]
    # on a 7 Jan 2024 - 4 Jan 2025 axis (363 days) 26 and 27 December sit at 0,975 and 0,978; each
    # 20-letter title takes (20 x 0,55 x 16 + 8) / 300 = 0,613 of a phone's plot: ending at its
    # line (no room on the right), the second overlaps the first, so it goes one row down
    assert [a["text"] for a in label] == ["Instruksi Wali Kota…", "Sosialisasi di RW 05"]
    assert [a["x"] for a in label] == [dt.date(2024, 12, 26), dt.date(2024, 12, 27)]
    assert [a["xanchor"] for a in label] == ["right", "right"]
    assert [a["yshift"] for a in label] == [-16, -37]  # 16 px down, then 16 x 2,3
    # a band on top for the two rows, 16 x (1 + 1,3 x 2) = 57,6 px of 300: 185.824 x 0,192 / 0,808 more
    assert fig["layout"]["yaxis"]["range"][1] == pytest.approx(270_982 + 185_824 * 0.192 / 0.808)
    [tanda] = [d for d in fig["data"] if d["name"] == "aksi"]
    assert tanda["hovertext"][0] == "Instruksi Wali Kota tentang 1 RW 100<br>Instruksi kepala daerah · 26 Des 2024"
    go.Figure(fig)


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
