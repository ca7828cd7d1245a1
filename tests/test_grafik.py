"""Charts are plain plotly data: the target line and its label, the ticks, the colour bands and the
100 % line, worked out by hand for small inputs; and plotly accepts every figure as it is."""

import datetime as dt

import plotly.graph_objects as go

from layouts import grafik


def test_the_trend_draws_the_target_the_projection_and_three_ticks():
    rows = [
        {"tanggal_data": dt.date(2024, 1, 9), "peserta_aktif": 120_000},
        {"tanggal_data": dt.date(2024, 2, 6), "peserta_aktif": 129_109},
    ]
    fig = grafik.tren(rows, {"target": 147_722, "proyeksi_akhir_tahun": 152_000}, "id")
    aktif, proyeksi = fig["data"]
    assert aktif["y"] == [120_000, 129_109] and aktif["hovertext"][1] == "6 Februari 2024: 129.109"
    assert proyeksi["x"] == [dt.date(2024, 2, 6), dt.date(2024, 12, 31)] and proyeksi["y"] == [129_109, 152_000]
    [garis] = fig["layout"]["shapes"]
    assert (garis["y0"], garis["y1"], garis["xref"]) == (147_722, 147_722, "x domain")
    assert fig["layout"]["annotations"][0]["text"] == "Target 147,7 ribu"
    assert fig["layout"]["xaxis"]["ticktext"] == ["9 Jan 2024", "6 Feb 2024", "31 Des 2024"]
    assert fig["layout"]["separators"] == ",." and grafik.tren(rows, {}, "en")["layout"]["separators"] == ".,"
    assert len(grafik.tren(rows, {}, "id")["data"]) == 1 and not grafik.tren(rows, {}, "id")["layout"]["shapes"]
    go.Figure(fig)  # plotly validates every property: a misspelt one raises


def test_capaian_bars_take_their_band_s_colour_and_a_line_at_100_percent():
    rows = [
        {"nama_wilayah": "A", "kode_wilayah": "31", "capaian": 0.5, "peserta_aktif": 50, "target": 100},
        {"nama_wilayah": "B", "kode_wilayah": "32", "capaian": 0.8, "peserta_aktif": 80, "target": 100},
        {"nama_wilayah": "C", "kode_wilayah": "33", "capaian": 1.2, "peserta_aktif": 120, "target": 100},
        {"nama_wilayah": "D", "kode_wilayah": "34", "capaian": None, "peserta_aktif": 7, "target": None},
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
