"""Peta: the 38 provinces as a tile grid, one equal square each, placed roughly where the province
lies (west to east, north to south), coloured by capaian with the bands used everywhere
(grafik.warna_capaian, definisi.PITA_CAPAIAN); a place without a target is grey and the legend
says so. Clicking a tile drills down as a table row does (the 'turun-grafik' callback).

Why a tile grid and not boundaries (issue 19): every province reads at the same size on a
projector (Papua Pegunungan as large as Jawa Barat), it needs no boundary file or licence, and
the six Papua provinces of 2022 are there. The grid is ours: no library ships one for Indonesia.
"""

from __future__ import annotations

from layouts import format as fmt
from layouts import grafik
from layouts.teks import t

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
        teks.append(f"<b>{pendek}</b><br>{fmt.persen(c, 0, bahasa) if c is not None else '-'}")
        target = fmt.angka(r.get("target_acuan"), bahasa)
        hover.append(
            f"{r['nama_wilayah']}<br>{fmt.label('peserta_aktif', bahasa)}: {fmt.angka(r.get('peserta_aktif'), bahasa)}"
            f"<br>Target: {target}<br>{fmt.label('capaian', bahasa)}: {fmt.persen(c, bahasa=bahasa)}"
        )
        kode.append([k])
        warna.append("#ffffff" if isi == grafik.MERAH else "#111111")  # 4,5:1 or more on each band
    titik = {
        "type": "scatter", "mode": "text", "x": x, "y": y, "text": teks, "hovertext": hover, "hoverinfo": "text",
        "customdata": kode, "textfont": {"size": 14, "color": warna}, "showlegend": False,
    }  # fmt: skip
    legenda = [
        {
            "type": "scatter", "mode": "markers", "x": [None], "y": [None], "name": nama,
            "marker": {"symbol": "square", "size": 16, "color": w},
        }
        for nama, w in (
            (t("peta_rendah", bahasa), grafik.MERAH),
            (t("peta_sedang", bahasa), grafik.JINGGA),
            (t("peta_baik", bahasa), grafik.HIJAU),
            (t("peta_tanpa", bahasa), TANPA_TARGET),
        )
    ]  # fmt: skip
    sumbu = {"visible": False, "showgrid": False, "zeroline": False, "fixedrange": True}
    return grafik.tata(
        [titik, *legenda],
        bahasa,
        660,  # 16 columns x 8 rows: at 1280 px a square is about 70 px, its name and percent inside
        shapes=shapes,
        showlegend=True,
        legend={"orientation": "h", "y": -0.02, "x": 0, "yanchor": "top"},
        xaxis={**sumbu, "range": [-0.6, 15.6]},
        yaxis={**sumbu, "range": [-7.6, 0.6], "scaleanchor": "x"},
    )
