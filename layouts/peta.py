"""Peta: coverage on a map, coloured by capaian with the bands used everywhere
(grafik.warna_capaian, definisi.PITA_CAPAIAN); a place without a target is grey and the legend
says so. Clicking a place drills down as a table row does (the 'turun-grafik' callback).

- provinsi(): the 38 provinces as a tile grid, one equal square each, placed roughly where the
  province lies (west to east, north to south). Why a tile grid and not boundaries: every
  province reads at the same size on a projector (Papua Pegunungan as large as Jawa Barat), it
  needs no boundary file or licence, and the six Papua provinces of 2022 are there. The grid is
  ours: no library ships one for Indonesia.
- batas(): the places below a province (or below any place) from the boundaries the deployer
  loaded (`python -m etl peta`, metrics/peta.py), drawn by plotly's choropleth on a geo subplot
  with no base map: nothing is fetched from the internet (assets/peta.js gives plotly.js an
  empty world so it does not fetch its own).
"""

from __future__ import annotations

import dash_mantine_components as dmc
from dash import dcc

from layouts import format as fmt
from layouts import grafik, kerangka
from layouts.teks import pick, t
from metrics import peta as peta_data

# Province code -> (column, row, short name). Row 0 is the north; the columns run west to east.
PETAK = {
    "11": (0, 0, "Aceh"),
    "12": (1, 1, "Sumut"),
    "13": (1, 2, "Sumbar"),
    "14": (2, 2, "Riau"),
    "21": (3, 1, "Kepri"),
    "17": (1, 3, "Bengkulu"),
    "15": (2, 3, "Jambi"),
    "19": (3, 3, "Babel"),
    "16": (2, 4, "Sumsel"),
    "18": (3, 5, "Lampung"),
    "36": (3, 6, "Banten"),
    "31": (4, 5, "DKI"),
    "32": (4, 6, "Jabar"),
    "33": (5, 6, "Jateng"),
    "34": (5, 7, "DIY"),
    "35": (6, 6, "Jatim"),
    "51": (7, 6, "Bali"),
    "52": (8, 6, "NTB"),
    "53": (9, 7, "NTT"),
    "61": (5, 2, "Kalbar"),
    "62": (6, 3, "Kalteng"),
    "63": (7, 3, "Kalsel"),
    "64": (7, 2, "Kaltim"),
    "65": (7, 1, "Kaltara"),
    "75": (9, 2, "Gorontalo"),
    "71": (10, 2, "Sulut"),
    "72": (9, 3, "Sulteng"),
    "76": (8, 3, "Sulbar"),
    "73": (8, 4, "Sulsel"),
    "74": (9, 4, "Sultra"),
    "82": (11, 2, "Malut"),
    "81": (11, 4, "Maluku"),
    "96": (12, 2, "PBD"),
    "92": (13, 2, "Pabar"),
    "94": (14, 3, "Papteng"),
    "91": (15, 2, "Papua"),
    "95": (15, 3, "Papeg"),
    "93": (15, 4, "Papsel"),
}
TANPA_TARGET = "#ced4da"  # a province without a target: neutral, named in the legend
TINGGI_PETAK = 560  # px: 16 x 8 squares of about 62 px at 1280 px, with the legend


def provinsi(rows: list[dict], bahasa: str) -> dict:
    """The tile map of the provinces from the national table's rows (kode_wilayah, nama_wilayah,
    peserta_aktif, target_acuan, capaian_acuan): plotly data, a square per province with its short
    name and capaian written in, the full name and numbers on hover, the code for a click."""
    per_kode = {r["kode_wilayah"]: r for r in rows if r.get("kode_wilayah") in PETAK}
    shapes, x, y, teks, hover, kode, warna = [], [], [], [], [], [], []
    for k, (kolom, baris, pendek) in PETAK.items():
        r = per_kode.get(k, {"nama_wilayah": pendek, "peserta_aktif": 0, "target_acuan": None, "capaian_acuan": None})
        c = r.get("capaian_acuan")
        isi = grafik.warna_capaian(c) if c is not None else TANPA_TARGET
        shapes.append(
            {
                "type": "rect", "xref": "x", "yref": "y", "x0": kolom - 0.46, "x1": kolom + 0.46,
                "y0": -baris - 0.46, "y1": -baris + 0.46, "fillcolor": isi, "line": {"width": 0}, "layer": "below",
            }
        )  # fmt: skip
        x.append(kolom)
        y.append(-baris)
        teks.append(f"<b>{pendek}</b><br>{fmt.persen(c, bahasa=bahasa) if c is not None else '-'}")
        hover.append(_hover(r, bahasa))
        kode.append([k])
        warna.append("#ffffff" if isi == grafik.MERAH else "#111111")  # 4,5:1 or more on each band
    titik = {
        "type": "scatter", "mode": "text", "x": x, "y": y, "text": teks, "hovertext": hover, "hoverinfo": "text",
        "customdata": kode, "showlegend": False,
        # a long name in smaller type, so it stays inside its square
        "textfont": {"size": [11 if len(p) > 8 else 13 for _c, _r, p in PETAK.values()], "color": warna},
    }  # fmt: skip
    sumbu = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": True}
    return grafik.tata(
        [titik, *_legenda("scatter", bahasa)],
        bahasa,
        TINGGI_PETAK,  # 16 columns x 8 rows: at 1280 px a square is about 62 px, its name and percent inside
        shapes=shapes,
        showlegend=True,
        legend={"orientation": "h", "y": -0.02, "x": 0, "yanchor": "top"},
        xaxis={**sumbu, "range": [-0.6, 15.6]},
        yaxis={**sumbu, "range": [-7.6, 0.6], "scaleanchor": "x"},
        # the nearest square's centre answers wherever the pointer is: on a grid of equal squares
        # that is the square under it, so the whole square is the click target, not its text
        hovermode="closest",
        hoverdistance=-1,
    )


def _legenda(jenis: str, bahasa: str) -> list[dict]:
    """The bands as legend entries (a trace with no point each), in the order of the bands."""
    posisi = {"x": [None], "y": [None]} if jenis == "scatter" else {"lon": [None], "lat": [None]}
    return [
        {
            "type": jenis, "mode": "markers", **posisi, "name": nama, "hoverinfo": "skip",
            "marker": {"symbol": "square", "size": 16, "color": w},
        }
        for nama, w in (
            (t("peta_rendah", bahasa), grafik.MERAH),
            (t("peta_sedang", bahasa), grafik.JINGGA),
            (t("peta_baik", bahasa), grafik.HIJAU),
            (t("peta_tanpa", bahasa), TANPA_TARGET),
        )
    ]  # fmt: skip


PITA = {grafik.MERAH: 1, grafik.JINGGA: 2, grafik.HIJAU: 3}  # a band's colour -> z (0: no target)
WARNA_Z = {0: TANPA_TARGET, **{z: w for w, z in PITA.items()}}  # z -> its colour (the PDF draws with it)
SKALA = [
    [0, TANPA_TARGET], [0.25, TANPA_TARGET], [0.25, grafik.MERAH], [0.5, grafik.MERAH],
    [0.5, grafik.JINGGA], [0.75, grafik.JINGGA], [0.75, grafik.HIJAU], [1, grafik.HIJAU],
]  # fmt: skip  # z 0..3 over zmin 0, zmax 3: each band one flat colour
# A place is named on the map when its name fits inside its box at the map's projector size: about
# LEBAR_PETA x TINGGI_PETA pixels for all the places, CHAR pixels a letter of 12 px type, 2 lines.
LEBAR_PETA, TINGGI_PETA, CHAR, BARIS_LABEL = 900, 520, 7, 32


def batas(
    rows: list[dict], fitur: dict[str, dict], bahasa: str, ukuran: int = 12, piksel=(LEBAR_PETA, TINGGI_PETA)
) -> dict:
    """The places of a table (rows: kode_wilayah, nama_wilayah, peserta_aktif, target_acuan,
    capaian_acuan) that have a boundary in `fitur` (metrics.peta.batas_anak), coloured by band,
    the larger ones named with their capaian, every one with its numbers on hover and its code
    for a click. Places without a boundary are left out (the page says how many)."""
    rows = [r for r in rows if r.get("kode_wilayah") in fitur]
    kode = [r["kode_wilayah"] for r in rows]
    warna = [grafik.warna_capaian(r.get("capaian_acuan")) if r.get("capaian_acuan") is not None else None for r in rows]
    z = [PITA.get(w, 0) for w in warna]
    geojson = {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "id": k, "geometry": fitur[k]["geometri"]} for k in kode],
    }
    peta = {
        "type": "choropleth", "geojson": geojson, "locations": kode, "featureidkey": "id", "z": z,
        "zmin": 0, "zmax": 3, "colorscale": SKALA, "showscale": False, "showlegend": False,
        "marker": {"line": {"color": "#ffffff", "width": 1.5}},
        "hovertext": [_hover(r, bahasa) for r in rows], "hoverinfo": "text", "customdata": [[k] for k in kode],
    }  # fmt: skip
    besar = _muat_label(rows, fitur, ukuran, piksel)
    label = {
        "type": "scattergeo", "mode": "text", "lon": [fitur[r["kode_wilayah"]]["label"][0] for r in besar],
        "lat": [fitur[r["kode_wilayah"]]["label"][1] for r in besar], "hoverinfo": "skip", "showlegend": False,
        "text": [f"{nama_pendek(r['nama_wilayah'])}<br>{_persen(r, bahasa)}" for r in besar],
        "textfont": {"size": ukuran, "color": ["#ffffff" if w == grafik.MERAH else "#111111" for r, w in zip(rows, warna) if r in besar]},
    }  # fmt: skip
    return grafik.tata(
        [peta, label, *_legenda("scattergeo", bahasa)],
        bahasa,
        560,
        showlegend=True,
        legend={"orientation": "h", "y": -0.02, "x": 0, "yanchor": "top"},
        geo=_bingkai([fitur[k] for k in kode]),
        margin={"l": 0, "r": 0, "t": 10, "b": 10},
    )  # fmt: skip


def _muat_label(rows: list[dict], fitur: dict[str, dict], ukuran: int, piksel: tuple[int, int]) -> list[dict]:
    """The rows whose short name and percent fit inside the largest circle of their region at the
    map's size, and clear the labels of larger regions (placed first)."""
    if not rows:
        return []
    x0, y0, x1, y1 = _kotak([fitur[r["kode_wilayah"]] for r in rows])
    skala = min(piksel[0] / max(x1 - x0, 1e-9), piksel[1] / max(y1 - y0, 1e-9))  # pixels a degree
    char, baris = CHAR * ukuran / 12, BARIS_LABEL * ukuran / 12
    dipasang, terpakai = set(), []
    for r in sorted(rows, key=lambda r: -fitur[r["kode_wilayah"]]["jari"]):
        f = fitur[r["kode_wilayah"]]
        w = char * max(len(nama_pendek(r["nama_wilayah"])), 6)  # pixels the label takes
        jari = f["jari"] * skala
        if w / 2 > jari or baris / 2 > jari:
            continue
        px, py = f["label"][0] * skala, f["label"][1] * skala
        if any(abs(px - qx) < (w + qw) / 2 + 4 and abs(py - qy) < baris + 4 for qx, qy, qw in terpakai):
            continue
        terpakai.append((px, py, w))
        dipasang.add(r["kode_wilayah"])
    return [r for r in rows if r["kode_wilayah"] in dipasang]


def _kotak(fitur: list[dict]) -> tuple[float, float, float, float]:
    """The box around the regions, in degrees."""
    return (
        min(f["kotak"][0] for f in fitur),
        min(f["kotak"][1] for f in fitur),
        max(f["kotak"][2] for f in fitur),
        max(f["kotak"][3] for f in fitur),
    )


def _bingkai(fitur: list[dict]) -> dict:
    """The geo subplot: no base map, the ranges of the regions shown (2 % around), so the map
    fills the chart's height or width (plotly's fitbounds leaves a wide margin)."""
    geo = {"visible": False, "projection": {"type": "mercator"}, "bgcolor": "rgba(0,0,0,0)"}
    if not fitur:
        return geo
    x0, y0, x1, y1 = _kotak(fitur)
    dx, dy = (x1 - x0) * 0.02, (y1 - y0) * 0.02
    return {**geo, "lonaxis": {"range": [x0 - dx, x1 + dx]}, "lataxis": {"range": [y0 - dy, y1 + dy]}}


def sumber(fitur: dict[str, dict]) -> str:
    """The boundaries' attribution, as the deployer gave it (--sumber), each source once."""
    return ", ".join(sorted({f["sumber"] for f in fitur.values()}))


def nama_pendek(nama: str) -> str:
    """A name short enough for a map: 'Kabupaten Bandung' -> 'Bandung', 'Kota Administrasi Jakarta
    Timur' -> 'Kota Jakarta Timur' (a Kota keeps its word: Kota Bandung is not Bandung)."""
    for awal, ganti in (("Kabupaten Administrasi ", ""), ("Kabupaten ", ""), ("Kota Administrasi ", "Kota ")):
        if nama.startswith(awal):
            return ganti + nama[len(awal) :]
    return nama


def _persen(r: dict, bahasa: str) -> str:
    c = r.get("capaian_acuan")
    return fmt.persen(c, bahasa=bahasa) if c is not None else "-"


def _hover(r: dict, bahasa: str) -> str:
    target = fmt.nama_target(r.get("jenis_target"), bahasa)
    return (
        f"{r['nama_wilayah']}<br>{fmt.label('peserta_aktif', bahasa)}: {fmt.angka(r.get('peserta_aktif'), bahasa)}"
        f"<br>{target}: {fmt.angka(r.get('target_acuan'), bahasa)}<br>{fmt.label('capaian', bahasa)}: "
        f"{fmt.persen(r.get('capaian_acuan'), bahasa=bahasa)}"
    )


def bagian(tempat, rows: list[dict], bahasa: str, nama: str, catatan=None) -> dmc.Card | None:
    """The map section of a page for place `tempat` (metrics.wilayah.Tempat) and its children's
    rows: the provinces' tile grid at the national level (their boundaries if a deployer loaded
    them), the loaded boundaries below it, or a sentence that they are not loaded yet (the
    command is the admin's business: README, docs/peta.md). None below a
    kecamatan's kelurahan (RWs have no boundaries). `nama` names the graph for the click."""
    anak = tempat.tingkat_anak
    if anak in (None, "rw"):
        return None
    b = bahasa
    kata = pick(kerangka.TINGKAT_KATA[anak], b)
    fitur = peta_data.batas_anak(tempat.kode)
    isi: list = [dmc.Title(t("peta", b).format(tingkat=kata), order=3)]
    if fitur:
        isi.append(dmc.Text(t("peta_batas_isi", b), c="dimmed"))
        tanpa = sum(1 for r in rows if r.get("kode_wilayah") and r["kode_wilayah"] not in fitur)
        if tanpa:
            semua = sum(1 for r in rows if r.get("kode_wilayah"))
            isi.append(dmc.Text(t("peta_sebagian", b).format(n=tanpa, semua=semua, tingkat=kata), c="dimmed"))
        figure = batas(rows, fitur, b)
    elif tempat.tingkat == "nasional":
        isi.append(dmc.Text(t("peta_isi", b), c="dimmed"))
        figure = provinsi(rows, b)
    else:
        isi.append(dmc.Text(t("peta_belum", b).format(tingkat=kata), id=f"{nama}-belum"))
        return dmc.Card(isi, withBorder=True, radius="md", padding="lg", id=nama)
    petak = not fitur
    # The map takes its card's width and a height the screen decides (assets/cakupan.css: lower on
    # a phone, where the names also give way to the colours), so no chart is taller than its map.
    tinggi = figure["layout"].pop("height")
    if catatan is not None:  # what the colours measure, when not the parent's target (kerangka.beda_dasar)
        isi.append(catatan)
    isi.append(
        dcc.Graph(
            id={"type": "turun-grafik", "nama": nama},
            figure=figure,
            config={"displayModeBar": False, "responsive": True},
            className="peta-graf peta-petak" if petak else "peta-graf peta-batas",
            style={"height": f"{tinggi}px"},
        )
    )
    if fitur:
        isi.append(dmc.Text(t("peta_sumber", b).format(berkas=sumber(fitur)), size="sm", c="dimmed"))
    return dmc.Card(isi, withBorder=True, radius="md", padding="lg", id=nama)
