"""The provinces' tile map (layouts/peta.py): every one of the 38 provinces of the Kemendagri
list has its own square, coloured by the capaian bands; no target is grey; a click carries the code."""

import plotly.graph_objects as go

from layouts import grafik, peta
from metrics import cakupan
from metrics.pertanyaan import tanya


def test_every_province_has_one_square_of_its_own(minggu):
    provinsi = {r["kode_wilayah"] for r in cakupan.anak(tanya("ID"), ["peserta_aktif"]).baris if r["kode_wilayah"]}
    assert len(provinsi) == 38 and set(peta.PETAK) == provinsi  # the six Papua provinces of 2022 included
    assert len({(c, r) for c, r, _ in peta.PETAK.values()}) == 38  # no two on one square


def test_squares_take_their_band_and_a_click_its_code():
    rows = [
        {"kode_wilayah": "31", "nama_wilayah": "DKI Jakarta", "peserta_aktif": 13, "target_acuan": 10, "capaian_acuan": 1.3},
        {"kode_wilayah": "36", "nama_wilayah": "Banten", "peserta_aktif": 5, "target_acuan": 10, "capaian_acuan": 0.5},
        {"kode_wilayah": "32", "nama_wilayah": "Jawa Barat", "peserta_aktif": 8, "target_acuan": 10, "capaian_acuan": 0.8},
        {"kode_wilayah": "33", "nama_wilayah": "Jawa Tengah", "peserta_aktif": 7, "target_acuan": None, "capaian_acuan": None},
    ]  # fmt: skip
    fig = peta.provinsi(rows, "id")
    warna = {k: s["fillcolor"] for k, s in zip(peta.PETAK, fig["layout"]["shapes"], strict=True)}
    assert (warna["31"], warna["36"], warna["32"]) == (grafik.HIJAU, grafik.MERAH, grafik.JINGGA)
    assert warna["33"] == warna["11"] == peta.TANPA_TARGET  # no target, and not in the rows: grey
    titik = fig["data"][0]
    i = list(peta.PETAK).index("36")
    assert titik["customdata"][i] == ["36"] and titik["text"][i] == "<b>Banten</b><br>50 %"
    assert titik["textfont"]["color"][i] == "#ffffff"  # white on red (5,5:1), black on orange and green
    assert "Banten<br>Peserta aktif: 5<br>Target: 10<br>Capaian: 50,0 %" == titik["hovertext"][i]
    assert [d["name"] for d in fig["data"][1:]] == ["di bawah 70 %", "70-90 %", "90 % ke atas", "tanpa target"]
    go.Figure(fig)  # plotly accepts every property


def test_wilayah_shows_the_map_of_the_provinces_only(minggu, dash_app):
    """The national Wilayah page draws the provinces' tile map (the weekly seed's DKI has no target of
    its own: grey, '-'); a province's page does not."""
    import json

    import dash
    import plotly

    layout = next(p["layout"] for p in dash.page_registry.values() if p["path"] == "/wilayah")
    nasional = json.dumps(layout(), cls=plotly.utils.PlotlyJSONEncoder)
    assert '"nama": "wilayah-peta"' in nasional and "<b>DKI</b><br>-" in nasional
    assert '"nama": "wilayah-peta"' not in json.dumps(layout(wilayah="31"), cls=plotly.utils.PlotlyJSONEncoder)
