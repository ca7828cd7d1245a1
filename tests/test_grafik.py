"""Charts are plain plotly data: the target line and its label, the ticks, the colour bands and the
100 % line, worked out by hand for small inputs; and plotly accepts every figure as it is."""

import datetime as dt

import plotly.graph_objects as go
import pytest

from layouts import grafik


def test_the_trend_fills_the_chart_with_its_weeks_and_shows_the_road_to_december():
    rows = [
        {"tanggal_data": dt.date(2024, 1, 9), "peserta_aktif": 120_000},
        {"tanggal_data": dt.date(2024, 2, 6), "peserta_aktif": 129_109},
    ]
    tempat = {"target_acuan": 147_722, "laju_4mg": 2_277.25, "proyeksi_akhir_tahun": 236_140}
    fig = grafik.tren(rows, tempat, "id")
    aktif, proyeksi = fig["data"]
    assert aktif["y"] == [120_000, 129_109] and aktif["hovertext"][1] == "6 Februari 2024: 129.109"
    # 28 days of data: the axis runs 2 days before the first to 8 days (30 %) after the last,
    # not to 31 December; the dashed stretch goes on at the pace: 129.109 + 2.277,25 x 8 / 7.
    assert fig["layout"]["xaxis"]["range"] == [dt.date(2024, 1, 7), dt.date(2024, 2, 14)]
    assert proyeksi["x"] == [dt.date(2024, 2, 6), dt.date(2024, 2, 14)]
    assert proyeksi["y"][1] == pytest.approx(131_711.57, abs=0.01)
    assert fig["layout"]["xaxis"]["ticktext"] == ["9 Jan 2024", "6 Feb 2024"]  # the first label shows
    # y spans the values (116.486 to the target line + a quarter of the spread), not from 0.
    bawah, atas = fig["layout"]["yaxis"]["range"]
    assert bawah == pytest.approx(120_000 - 0.3 * 11_711.57, abs=0.01)
    assert atas == pytest.approx(147_722 + 0.25 * 11_711.57, abs=0.01)
    [garis] = fig["layout"]["shapes"]
    assert (garis["y0"], garis["y1"], garis["xref"]) == (147_722, 147_722, "x domain")
    target, akhir = fig["layout"]["annotations"]
    assert (target["text"], akhir["text"]) == ("Target 147,7 ribu", "31 Des 2024:<br>proyeksi 236,1 ribu")
    assert fig["layout"]["showlegend"] is False  # the words say what each line is
    assert fig["layout"]["separators"] == ",." and grafik.tren(rows, {}, "en")["layout"]["separators"] == ".,"
    assert len(grafik.tren(rows, {}, "id")["data"]) == 1 and not grafik.tren(rows, {}, "id")["layout"]["shapes"]
    go.Figure(fig)  # plotly validates every property: a misspelt one raises


def test_a_target_far_above_is_named_not_drawn_and_a_1rw100_target_says_so():
    rows = [{"tanggal_data": dt.date(2024, 1, 9) + dt.timedelta(weeks=w), "peserta_aktif": 100 + w} for w in range(20)]
    fig = grafik.tren(rows, {"target_acuan": 800, "jenis_target": "1rw100"}, "id")
    assert fig["layout"]["shapes"] == []
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["Target 1 RW 100: 800 ↑"]
    assert fig["layout"]["yaxis"]["range"][1] < 200  # the weeks keep the height
    assert len(fig["layout"]["xaxis"]["tickvals"]) == 7  # 20 snapshots, every third named, the last one too
    assert fig["layout"]["xaxis"]["tickvals"][-1] == rows[-1]["tanggal_data"]
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
