"""The provinces' tile map (layouts/peta.py): every one of the 38 provinces of the Kemendagri
list has its own square, coloured by the capaian bands; no target is grey; a click carries the code."""

from pathlib import Path

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
        {"kode_wilayah": "32", "nama_wilayah": "Jawa Barat", "peserta_aktif": 8, "target_acuan": 10, "capaian_acuan": 0.897},
        {"kode_wilayah": "33", "nama_wilayah": "Jawa Tengah", "peserta_aktif": 7, "target_acuan": None, "capaian_acuan": None},
    ]  # fmt: skip
    fig = peta.provinsi(rows, "id")
    warna = {k: s["fillcolor"] for k, s in zip(peta.PETAK, fig["layout"]["shapes"], strict=True)}
    assert (warna["31"], warna["36"], warna["32"]) == (grafik.HIJAU, grafik.MERAH, grafik.JINGGA)
    assert warna["33"] == warna["11"] == peta.TANPA_TARGET  # no target, and not in the rows: grey
    titik = fig["data"][0]
    i = list(peta.PETAK).index("36")
    assert titik["customdata"][i] == ["36"] and titik["text"][i] == "<b>Banten</b><br>50,0 %"
    assert titik["textfont"]["color"][i] == "#ffffff"  # white on red (5,5:1), black on orange and green
    assert "Banten<br>Peserta aktif: 5<br>Target: 10<br>Capaian: 50,0 %" == titik["hovertext"][i]
    # 89,7 % is orange and says so: rounded to 90 % it would read as the green band's
    assert titik["text"][list(peta.PETAK).index("32")] == "<b>Jabar</b><br>89,7 %"
    # the whole square answers a click: the nearest square's centre, wherever the pointer is
    assert (fig["layout"]["hovermode"], fig["layout"]["hoverdistance"]) == ("closest", -1)
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


# --- boundaries from the deployer (etl/peta.py, metrics/peta.py) ---------------------------------

import duckdb  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402

import warehouse  # noqa: E402
from etl import build, tabular  # noqa: E402
from metrics import lingkup, wilayah  # noqa: E402
from metrics import peta as peta_data  # noqa: E402

SEED = Path(__file__).resolve().parent / "seed"
PETA = SEED / "peta_jaktim.geojson"


def _tersimpan() -> dict[str, tuple]:
    return {
        k: (t, g, n) for k, t, g, n in warehouse.rows("SELECT kode_wilayah, tingkat, geometri, titik FROM peta_wilayah")
    }


def test_a_boundary_file_is_matched_and_every_feature_accounted_for(seed_loaded):
    """tests/seed/README.md, peta_jaktim.geojson: read 10 = loaded 5 + rejected 5; dotted, plain and
    number codes match; two features of one code are one region; the regions without a boundary
    are named among the children of the parents the file covers."""
    s = build.load_peta(PETA, "KODE", sumber="Uji")
    assert (s["read"], s["loaded"], s["rejected"]) == (10, 5, 5)
    assert s["rejected_by_reason"] == {"bukan_poligon": 2, "kode_invalid": 1, "kode_kosong": 1, "wilayah_invalid": 1}
    assert s["flagged_by_kind"] == {"digabung": 1}
    kec, kab = s["peta"]["tingkat"]["kecamatan"], s["peta"]["tingkat"]["kabupaten/kota"]
    assert (kec["wilayah"], kec["tanpa_batas"], kec["induk_lain"]) == (3, 7, 513)
    assert kec["contoh"][0] == "31.75.04 Kramatjati"
    assert (kab["wilayah"], kab["tanpa_batas"], kab["induk_lain"]) == (1, 5, 37)
    disimpan = _tersimpan()
    assert {k: v[0] for k, v in disimpan.items()} == {"31.75": 2, "31.75.01": 3, "31.75.02": 3, "31.75.03": 3}
    jatinegara = shapely.from_geojson(disimpan["31.75.03"][1])
    assert jatinegara.geom_type == "Polygon" and jatinegara.area == pytest.approx(0.02 * 0.02)
    assert jatinegara.bounds == pytest.approx((106.89, -6.22, 106.91, -6.20))
    # the file's rings run anticlockwise; stored clockwise, as plotly's map (d3-geo) reads them
    assert all(not shapely.from_geojson(g).exterior.is_ccw for _t, g, _n in disimpan.values())
    ditolak = warehouse.rows(
        "SELECT baris, alasan, kode_wilayah FROM baris_ditolak WHERE jenis_berkas = 'peta' ORDER BY baris"
    )
    assert ditolak == [
        (6, "wilayah_invalid", "99.99.99"), (7, "kode_kosong", None), (8, "kode_invalid", "abc"),
        (9, "bukan_poligon", "31.75.04"), (10, "bukan_poligon", "31.75.05"),
    ]  # fmt: skip
    assert warehouse.rows("SELECT jenis, dibaca, dimuat, ditolak FROM riwayat_muat WHERE jenis = 'peta'") == [
        ("peta", 10, 5, 5)
    ]
    # loading it again replaces: the same regions, the rejects not doubled
    build.load_peta(PETA, "KODE")
    assert len(_tersimpan()) == 4
    assert warehouse.rows("SELECT count(*) FROM baris_ditolak WHERE jenis_berkas = 'peta'") == [(5,)]


def test_a_geopackage_and_a_shapefile_load_as_the_geojson_does(seed_loaded, tmp_path):
    """The same features written by GDAL (pyogrio) as a GeoPackage with two layers and as a shapefile."""
    import pyogrio

    meta, _fid, geometri, isi = pyogrio.raw.read(PETA, columns=["KODE"])
    kode = isi[0].astype(object)
    gpkg = tmp_path / "batas.gpkg"
    for lapisan in ("lain", "kecamatan"):
        pyogrio.raw.write(
            gpkg, geometri, [kode], ["KODE"], driver="GPKG", layer=lapisan, crs="EPSG:4326",
            geometry_type="Unknown", append=lapisan == "kecamatan",
        )  # fmt: skip
    s = build.load_peta(gpkg, "KODE", lapisan="kecamatan")
    assert (s["read"], s["loaded"], s["peta"]["lapisan"]) == (10, 5, "kecamatan")
    with pytest.raises(tabular.LoadError, match="lapisan 'jalan' tidak ada. Lapisan yang ada: lain, kecamatan"):
        build.load_peta(gpkg, "KODE", lapisan="jalan")
    poligon = [i for i, g in enumerate(shapely.from_wkb(geometri)) if g is not None and g.geom_type == "Polygon"]
    shp = tmp_path / "batas.shp"
    pyogrio.raw.write(
        shp,
        geometri[poligon],
        [kode[poligon]],
        ["KODE"],
        driver="ESRI Shapefile",
        crs="EPSG:4326",
        geometry_type="Polygon",
    )
    s = build.load_peta(shp, "KODE")
    assert (s["read"], s["loaded"], s["rejected"]) == (8, 5, 3)


def test_a_bad_file_says_what_to_do_and_changes_nothing(seed_loaded, tmp_path):
    build.load_peta(PETA, "KODE")
    sebelum, disimpan = warehouse.current_path(), _tersimpan()
    with pytest.raises(
        tabular.LoadError, match="kolom 'KD_KAB' tidak ada di lapisan 'peta_jaktim'. Kolom yang ada: KODE, NAMA"
    ):
        build.load_peta(PETA, "KD_KAB")
    utm = tmp_path / "utm.geojson"  # metres (UTM 48S), not degrees
    utm.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"KODE": "31.75"}, '
        '"geometry": {"type": "Polygon", "coordinates": [[[700000, 9300000], [710000, 9300000], [710000, 9310000], [700000, 9300000]]]}}]}'
    )
    with pytest.raises(tabular.LoadError, match="bukan bujur/lintang di Indonesia .* Ubah dulu ke EPSG:4326"):
        build.load_peta(utm, "KODE")
    bukan = tmp_path / "bukan.geojson"
    bukan.write_text("NIK;nama\n1;a\n")
    with pytest.raises(tabular.LoadError, match="bukan berkas peta yang terbaca"):
        build.load_peta(bukan, "KODE")
    with pytest.raises(tabular.LoadError, match="tidak satu pun fitur berkode wilayah Kemendagri di kolom 'NAMA'"):
        build.load_peta(PETA, "NAMA")
    tabel = tmp_path / "target.csv"  # a table GDAL reads, with no geometry
    tabel.write_text("kode_wilayah,target\n31.75,100\n")
    with pytest.raises(tabular.LoadError, match="tidak berisi geometri"):
        build.load_peta(tabel, "kode_wilayah")
    import pyogrio

    _m, _f, geometri, isi = pyogrio.raw.read(PETA, columns=["KODE"])
    shp = tmp_path / "batas.shp"
    pyogrio.raw.write(
        shp,
        geometri[:2],
        [isi[0][:2].astype(object)],
        ["KODE"],
        driver="ESRI Shapefile",
        crs="EPSG:4326",
        geometry_type="Polygon",
    )
    shp.with_suffix(".dbf").unlink()
    with pytest.raises(tabular.LoadError, match="batas.dbf tidak ada di sampingnya"):
        build.load_peta(shp, "KODE")
    assert warehouse.current_path() == sebelum and _tersimpan() == disimpan


def test_neighbours_are_simplified_together_no_gap_no_overlap(seed_loaded, tmp_path):
    """Two kecamatan sharing a zigzag border of 801 vertices (teeth of 0,0001 degree, under the
    kecamatan tolerance of 0,001): each keeps a few vertices, and they still tile their rectangle."""
    import json

    import numpy as np

    y = np.linspace(-6.22, -6.20, 801)
    x = 106.87 + np.where(np.arange(801) % 2, 0.0001, 0.0)
    batas = list(zip(x, y, strict=True))
    kiri = [(106.85, -6.22), *batas, (106.85, -6.20), (106.85, -6.22)]
    kanan = [(106.89, -6.22), (106.89, -6.20), *batas[::-1], (106.89, -6.22)]
    berkas = tmp_path / "zigzag.geojson"
    berkas.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"KODE": k}, "geometry": {"type": "Polygon", "coordinates": [c]}}
        for k, c in (("31.75.01", kiri), ("31.75.02", kanan))
    ]}))  # fmt: skip
    s = build.load_peta(berkas, "KODE")
    assert s["peta"]["titik_dibaca"] == 2 * 804 and s["peta"]["titik_disimpan"] < 30
    a, b = (shapely.from_geojson(g) for _t, g, _n in (_tersimpan()[k] for k in ("31.75.01", "31.75.02")))
    gabung = shapely.union_all([a, b])
    assert gabung.geom_type == "Polygon" and not gabung.interiors  # no gap between them
    assert shapely.intersection(a, b).area == pytest.approx(0, abs=1e-12)  # no overlap
    assert gabung.area == pytest.approx(0.04 * 0.02, rel=0.01)


def test_a_page_maps_the_places_with_a_boundary_and_counts_the_rest(seed_loaded):
    build.load_peta(PETA, "KODE", sumber="Uji (CC BY 4.0)")
    tempat = wilayah.tempat("31.75")
    rows = cakupan.anak(tanya("31.75"), cakupan.ANAK).baris
    kartu = peta.bagian(tempat, rows, "id", "ringkasan-peta")
    teks = [c.children for c in kartu.children if hasattr(c, "c") or getattr(c, "size", None)]
    assert "3 dari 10 kecamatan" not in str(teks) and "7 dari 10 kecamatan belum punya batas di peta" in str(teks)
    assert "Batas wilayah: Uji (CC BY 4.0), dimuat pengelola." in str(teks)
    graf = kartu.children[3]
    assert graf.id == {"type": "turun-grafik", "nama": "ringkasan-peta"}
    trace = graf.figure["data"][0]
    assert trace["locations"] == ["31.75.01", "31.75.02", "31.75.03"]
    assert [c[0] for c in trace["customdata"]] == trace["locations"]  # what a click carries
    # a province without boundaries: the sentence, no map
    belum = peta.bagian(wilayah.tempat("32"), [], "id", "ringkasan-peta")
    assert [c.children for c in belum.children[1:]] == [  # words an official can act on: no command, no path
        "Peta kabupaten/kota belum tersedia: batas wilayahnya belum dimuat. Minta admin Cakupan memuatnya. "
        "Sampai itu, tabel dan grafik menampilkan semuanya."
    ]
    belum = peta.bagian(wilayah.tempat("32"), [], "en", "ringkasan-peta")
    assert belum.children[1].children == (
        "No map of the regencies/cities yet: their boundaries have not been loaded. Ask your Cakupan "
        "administrator to load them. Until then the table and chart show everything."
    )
    assert peta.bagian(wilayah.tempat("31.75.02.1001"), [], "id", "x") is None  # RWs have no boundaries


def test_boundaries_follow_the_capaian_bands():
    fitur = {
        k: {"geometri": {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]]}, "label": (x + 0.7, 0.3), "jari": 0.29, "luas": 0.5, "sumber": "s", "kotak": (x, 0, x + 1, 1)}
        for k, x in (("31.75.01", 0), ("31.75.02", 1), ("31.75.03", 2), ("31.75.04", 3))
    }  # fmt: skip
    rows = [
        {"kode_wilayah": "31.75.01", "nama_wilayah": "Matraman", "peserta_aktif": 95, "target_acuan": 100, "capaian_acuan": 0.95},
        {"kode_wilayah": "31.75.02", "nama_wilayah": "Pulogadung", "peserta_aktif": 50, "target_acuan": 100, "capaian_acuan": 0.5},
        {"kode_wilayah": "31.75.03", "nama_wilayah": "Jatinegara", "peserta_aktif": 80, "target_acuan": 100, "capaian_acuan": 0.8},
        {"kode_wilayah": "31.75.04", "nama_wilayah": "Kramatjati", "peserta_aktif": 7, "target_acuan": None, "capaian_acuan": None},
        {"kode_wilayah": None, "nama_wilayah": "Tidak diketahui", "peserta_aktif": 3, "target_acuan": None, "capaian_acuan": None},
    ]  # fmt: skip
    fig = peta.batas(rows, fitur, "id")
    trace, label = fig["data"][0], fig["data"][1]
    assert trace["z"] == [3, 1, 2, 0]  # baik, rendah, sedang, no target
    # z over zmin 0 and zmax 3 lands at 0, 1/3, 2/3, 1: the colour of the stretch each falls in
    skala = trace["colorscale"]
    warna = [next(c for (v0, c), (v1, _) in zip(skala, skala[1:]) if v0 <= z / 3 <= v1 and v0 < v1) for z in range(4)]
    assert warna == [peta.TANPA_TARGET, grafik.MERAH, grafik.JINGGA, grafik.HIJAU]
    assert trace["hovertext"][1] == "Pulogadung<br>Peserta aktif: 50<br>Target: 100<br>Capaian: 50,0 %"
    assert label["text"][:2] == ["Matraman<br>95,0 %", "Pulogadung<br>50,0 %"]
    assert label["textfont"]["color"] == ["#111111", "#ffffff", "#111111", "#111111"]  # white on red
    assert label["lon"][0] == 0.7 and label["lat"][0] == 0.3  # at the largest circle's centre
    # the map fills the chart: the regions' box, 2 % around, not plotly's fitbounds margin
    geo = fig["layout"]["geo"]
    assert geo["lonaxis"]["range"] == pytest.approx([-0.08, 4.08]) and geo["lataxis"]["range"] == pytest.approx(
        [-0.02, 1.02]
    )
    # a label that does not fit its region's circle is left to the hover
    kecil = {k: {**f, "jari": 0.01} for k, f in fitur.items()}
    assert peta.batas(rows, kecil, "id")["data"][1]["text"] == []
    go.Figure(fig)


def test_a_regional_account_gets_the_boundaries_of_its_own_region_only(seed_loaded):
    build.load_peta(PETA, "KODE")
    token = lingkup.pasang(lingkup.Lingkup(wilayah="31.75"))
    try:
        assert list(peta_data.batas_anak("31.75")) == ["31.75.01", "31.75.02", "31.75.03"]
        for luar in ("31", "ID", "32.01"):
            with pytest.raises(lingkup.TanpaAkses):
                peta_data.batas_anak(luar)
    finally:
        lingkup.pasang(None)
        del token


def test_a_warehouse_from_before_the_map_has_no_boundaries(seed_loaded):
    """A build made before the table existed serves on: no map, no error."""
    path = warehouse.current_path()
    warehouse.close_readers()
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE peta_wilayah")
    peta_data._batas.cache_clear()
    assert peta_data.batas_anak("31.75") == {}


def test_the_command_line_says_what_it_loaded_and_what_it_did_not(seed_loaded, capsys):
    from commands import etl as perintah
    from metrics import data

    assert perintah.main(["peta", str(PETA), "--kode", "KODE", "--sumber", "Uji"]) == 0
    keluar = capsys.readouterr().out
    for baris in (
        "Peta: ",
        "  fitur dibaca         10",
        "  fitur dimuat          5   (menjadi 4 wilayah)",
        "    - fitur 6 (kode tidak dikenal): Kode '99.99.99' tidak ada di daftar Kemendagri",  # its NAMA beside
        "    - fitur 9 (tanpa geometri): Geometri kosong atau bukan poligon",
        "  kecamatan: 3 berbatas, 7 tanpa batas di induk yang dimuat (31.75.04 Kramatjati, 31.75.05 Pasar Rebo,",
        "513 kabupaten/kota lain tidak ada di berkas",
    ):
        assert baris in keluar, baris
    assert perintah.main(["peta", str(PETA), "--kode", "TIDAK_ADA"]) == 2
    assert "kolom 'TIDAK_ADA' tidak ada" in capsys.readouterr().err
    with pytest.raises(SystemExit):  # a negative tolerance is no tolerance
        perintah.main(["peta", str(PETA), "--kode", "KODE", "--toleransi", "-1"])
    assert "'-1' bukan derajat 0 atau lebih" in capsys.readouterr().err
    # the Data page lists the load, per file, in words
    rincian = [r for r in data.rincian_muat("id") if r["jenis"] == "peta"]
    assert rincian[0]["berkas"] == "peta_jaktim.geojson" and (rincian[0]["dibaca"], rincian[0]["dimuat"]) == (10, 5)
    assert "kode tidak ada di daftar Kemendagri: 1" in rincian[0]["catatan"]
