"""The weekly review as a PDF for phones and WhatsApp groups: the same slides as the projector
(layouts/tinjauan.py's blocks), one 16:9 page each, big type, the trend drawn as a line, in a file
of tens of kilobytes (the HTML carries plotly.js: 4,8 MB). Drawn with fpdf2 (a well-kept PDF
writer) in DejaVu Sans, regular and bold, the font files matplotlib ships (its licence:
matplotlib's mpl-data/fonts/ttf/LICENSE_DEJAVU, free to embed): fpdf2 embeds only the glyphs a
review uses (Jakarta Timur's review: 38 KB, 7,7 KB with the core font before). DejaVu Sans draws
Latin, Greek, Cyrillic, Arabic (joined by uharfbuzz, fpdf2's text shaping, when a review holds
Arabic) and most symbols (— “ ” ✓ ↑ ▸); it has no emoji or Chinese, Japanese and Korean, for
which a font would cost megabytes read for every PDF. A character no embedded font can draw is
printed as TAK_TERCETAK (□), never dropped or turned into "?", and the top of its page says so
in words (teks.py: tinjauan_pdf_tak_tercetak).

    pdf(tj, bahasa) -> bytes
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import unicodedata
from pathlib import Path

from fpdf import FPDF

from layouts import format as fmt
from layouts import grafik, peta
from layouts import tinjauan as slides_mod
from layouts.teks import t
from metrics.tinjauan import Tinjauan

LEBAR, TINGGI = 338.67, 190.5  # mm: a 16:9 page (13,33 x 7,5 inches, a slide's size)
TEPI = 14
HITAM, ABU, BIRU, MERAH, UNGU = (17, 17, 17), (90, 90, 90), (28, 126, 214), (201, 42, 42), (103, 65, 217)
HURUF = "DejaVu"  # the family every text is set in: DejaVu Sans from matplotlib's font files
BERKAS_HURUF = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
TAK_TERCETAK = "□"  # printed for a character no embedded font has (DejaVu Sans has this one)
ARAB = ((0x0600, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))  # letters that join: shaped


def pdf(tj: Tinjauan, bahasa: str = "id") -> bytes:
    """The review's slides as a PDF (bytes). Every block kind of layouts/tinjauan.py is drawn."""
    kaki, halaman = slides_mod.slides(tj, bahasa)
    doc = _Dokumen(bentuk=_ada_arab(f"{kaki}{halaman}"))
    doc.set_auto_page_break(False)
    doc.set_title(f"Cakupan · {kaki}")
    doc.set_creator("Cakupan")
    for i, slide in enumerate(halaman, start=1):
        doc.add_page()
        doc.tak_tercetak = False
        _teks(doc, slide["judul"], 30, HITAM, gaya="B")
        doc.ln(4)
        for blok in slide["isi"]:
            _blok(doc, blok, LEBAR - 2 * TEPI)
        doc.set_xy(TEPI, TINGGI - 12)
        _teks(doc, kaki, 12, ABU, lebar=LEBAR - 2 * TEPI - 40)
        doc.set_xy(LEBAR - TEPI - 40, TINGGI - 12)
        doc.set_font(HURUF, size=12)
        doc.cell(40, 6, f"Cakupan · {i} / {len(halaman)}", align="R")
        if doc.tak_tercetak:  # said on the page it happened, in the top margin (always free)
            doc.set_xy(TEPI, 3)
            _teks(doc, t("tinjauan_pdf_tak_tercetak", bahasa).format(tanda=TAK_TERCETAK), 11, MERAH)
    return bytes(doc.output())


class _Dokumen(FPDF):
    """A 16:9 landscape FPDF with DejaVu Sans embedded (regular and bold); `bentuk`: text shaping
    on, which Arabic needs for its joined letters (uharfbuzz) and which costs about 15 KB a review
    otherwise (every glyph placed on its own). `tak_tercetak` says whether the current page
    printed a character as TAK_TERCETAK."""

    def __init__(self, bentuk: bool = False):
        super().__init__(orientation="L", unit="mm", format=(TINGGI, LEBAR))
        for gaya, berkas in BERKAS_HURUF.items():
            self.add_font(HURUF, gaya, folder_huruf() / berkas)
        if bentuk:
            self.set_text_shaping(True)
        self.tak_tercetak = False


def folder_huruf() -> Path:
    """Where matplotlib keeps its DejaVu font files (BERKAS_HURUF): the PDF and the card
    (layouts/kartu_png.py) draw with them, so nothing is fetched and nothing more is shipped."""
    return Path(importlib.util.find_spec("matplotlib").origin).parent / "mpl-data" / "fonts" / "ttf"


def _ada_arab(teks: str) -> bool:
    return any(a <= ord(c) <= b for c in teks if ord(c) >= 0x0600 for a, b in ARAB)


def _cetak(doc: _Dokumen, teks) -> str:
    """`teks` as the current font can draw it: a character it has no glyph for becomes
    TAK_TERCETAK and marks the page; line breaks are kept, and an invisible character the font
    lacks (a joiner, the variation selector after an emoji) is left out, as it draws nothing."""
    cmap, out = doc.current_font.cmap, []
    for c in str(teks):
        if ord(c) in cmap or c in "\n\t":
            out.append(c)
        elif not _tak_terlihat(c):
            out.append(TAK_TERCETAK)
            doc.tak_tercetak = True
    return "".join(out)


def _tak_terlihat(c: str) -> bool:
    """A format character (Unicode Cf: joiners, direction marks) or a variation selector."""
    return unicodedata.category(c) == "Cf" or 0xFE00 <= ord(c) <= 0xFE0F or 0xE0100 <= ord(c) <= 0xE01EF


def _warna(css: str | None, cadangan=HITAM) -> tuple[int, int, int]:
    if not css or not css.startswith("#") or len(css) != 7:
        return cadangan
    return tuple(int(css[i : i + 2], 16) for i in (1, 3, 5))


def _teks(doc, teks, ukuran, warna, gaya="", lebar=None, tinggi=None):
    doc.set_font(HURUF, gaya, ukuran)
    doc.set_text_color(*warna)
    doc.set_x(max(doc.get_x(), TEPI))
    doc.multi_cell(lebar or (LEBAR - 2 * TEPI), tinggi or ukuran * 0.45, _cetak(doc, teks), align="L")


def _blok(doc, blok: dict, lebar: float) -> None:
    jenis = blok["jenis"]
    if jenis == "sub":
        _teks(doc, blok["teks"], 15, ABU)
        doc.ln(3)
    elif jenis == "kalimat":
        _teks(doc, blok["teks"], 22 if blok.get("ukuran") == "besar" else 18, _warna(blok.get("warna")), "B")
        doc.ln(3)
    elif jenis == "judul":
        _teks(doc, blok["teks"], 18, HITAM, "B")
        doc.ln(1)
    elif jenis == "angka":
        _angka(doc, blok["angka"], lebar)
    elif jenis == "batang":
        _batang(doc, blok["bars"], lebar)
    elif jenis == "tabel":
        _tabel(doc, blok, lebar)
    elif jenis == "dua":
        y, x0 = doc.get_y(), TEPI
        bawah = y
        for n, kolom in enumerate(blok["kolom"]):
            doc.set_xy(x0 + n * (lebar / 2 + 4), y)
            kiri = doc.get_x()
            for b in kolom:
                doc.set_x(kiri)
                _blok_di(doc, b, lebar / 2 - 4, kiri)
            bawah = max(bawah, doc.get_y())
        doc.set_y(bawah)
    elif jenis == "grafik":
        _tren(doc, blok["fig"], blok.get("bahasa", "id"), lebar, TINGGI - doc.get_y() - 34, blok.get("aksi", []))
    elif jenis == "peta":
        _peta(doc, blok["fig"], lebar, TINGGI - doc.get_y() - 30)
    elif jenis == "daftar":
        for baris in blok["baris"]:
            _teks(doc, f"•  {baris}", 16, HITAM)
            doc.ln(2)


def _blok_di(doc, blok, lebar, kiri):
    """A block inside a column starting at x = kiri (the two-column slide)."""
    if blok["jenis"] == "judul":
        doc.set_font(HURUF, "B", 18)
        doc.set_text_color(*HITAM)
        doc.set_x(kiri)
        doc.multi_cell(lebar, 8, _cetak(doc, blok["teks"]), align="L")
    else:
        _tabel(doc, blok, lebar, kiri)


def _angka(doc, angka: list[dict], lebar: float) -> None:
    """Up to four big numbers side by side: label, value, note."""
    y, w = doc.get_y(), lebar / max(1, len(angka))
    for n, a in enumerate(angka):
        x = TEPI + n * w
        doc.set_xy(x, y)
        doc.set_font(HURUF, "", 15)
        doc.set_text_color(*ABU)
        doc.multi_cell(w - 4, 7, _cetak(doc, a["label"]), align="L")
        doc.set_x(x)
        doc.set_font(HURUF, "B", 40)
        nilai = _cetak(doc, a["nilai"])
        doc.set_font_size(min(40, 40 * (w - 4) / max(doc.get_string_width(nilai), 1)))  # 40.123.456 in a quarter
        doc.set_text_color(*_warna(a.get("warna")))
        doc.cell(w - 4, 18, nilai, new_x="LEFT", new_y="NEXT")
        if a.get("catatan"):
            doc.set_x(x)
            doc.set_font(HURUF, "", 14)
            doc.set_text_color(*ABU)
            doc.multi_cell(w - 4, 6, _cetak(doc, a["catatan"]), align="L")
    doc.set_y(y + 48)


def _batang(doc, bars: list[dict], lebar: float) -> None:
    """Thick bars against the longest, the value written beside (the slides' 'batang')."""
    label_w = 70
    for b in bars:
        y = doc.get_y()
        doc.set_xy(TEPI, y)
        doc.set_font(HURUF, "", 16)
        doc.set_text_color(*HITAM)
        doc.cell(label_w, 12, _cetak(doc, b["label"]))
        panjang = (lebar - label_w - 50) * float(b["lebar"]) / 100
        doc.set_fill_color(*_warna(b.get("warna"), BIRU))
        doc.rect(TEPI + label_w, y + 1, max(panjang, 0.5), 10, style="F")
        doc.set_xy(TEPI + label_w + panjang + 3, y)
        doc.set_font(HURUF, "B", 16)
        doc.cell(45, 12, _cetak(doc, b["nilai"]))
        doc.set_y(y + 14)


def _tabel(doc, blok: dict, lebar: float, kiri: float = TEPI) -> None:
    """A table: the place's name, then one right-aligned column per value; coloured cells keep their colour."""
    kepala = blok["kepala"]
    nama_w = lebar * (0.4 if len(kepala) > 2 else 0.5)
    w = (lebar - nama_w) / max(1, len(kepala))
    tinggi = 8.5 if len(blok["baris"]) > 8 else 10
    doc.set_x(kiri)
    doc.set_font(HURUF, "B", 13)
    doc.set_text_color(*ABU)
    doc.cell(nama_w, tinggi, _cetak(doc, blok["wilayah"]))
    for h in kepala:
        doc.cell(w, tinggi, _cetak(doc, h), align="R")
    doc.ln(tinggi)
    for r in blok["baris"]:
        if doc.get_y() > TINGGI - 24:
            break  # the slide holds what fits; the dashboard has the rest
        doc.set_x(kiri)
        doc.set_font(HURUF, "", 14)
        doc.set_text_color(*HITAM)
        nama = _cetak(doc, r["nama"])
        while doc.get_string_width(nama) > nama_w - 2 and len(nama) > 4:
            nama = nama[:-2].rstrip() + "."
        doc.cell(nama_w, tinggi, nama)
        for sel in r["sel"]:
            warna = _warna(_gaya_warna(sel.get("gaya", "")))
            doc.set_text_color(*warna)
            doc.set_font(HURUF, "B" if sel.get("gaya") else "", 14)
            doc.cell(w, tinggi, _cetak(doc, sel["teks"]), align="R")
        doc.ln(tinggi)
    doc.ln(3)


def _gaya_warna(gaya: str) -> str | None:
    """The colour of a cell's inline style ('color:#c92a2a;font-weight:800')."""
    for bagian in gaya.split(";"):
        if bagian.strip().startswith("color:"):
            return bagian.split(":", 1)[1].strip()
    return None


def _peta(doc, fig: dict, lebar: float, tinggi: float) -> None:
    """The map from its plotly data (layouts/peta.py): the provinces' squares with their names, or
    the regions' polygons (longitude scaled by the cosine of the latitude, as a flat map of a small
    area) with the names that fit; the bands' legend under it."""
    atas = doc.get_y() + 2
    h = tinggi - 12
    if fig["data"][0]["type"] == "choropleth":
        _peta_batas(doc, fig, lebar, h, atas)
    else:
        _peta_petak(doc, fig, lebar, h, atas)
    doc.set_y(atas + h + 3)
    x = TEPI
    doc.set_font(HURUF, "", 14)
    for trace in fig["data"]:
        if "name" in trace and trace.get("mode") == "markers":  # the bands' legend entries
            doc.set_fill_color(*_warna(trace["marker"]["color"]))
            doc.rect(x, doc.get_y() + 1, 5, 5, style="F")
            doc.set_xy(x + 7, doc.get_y())
            doc.set_text_color(*HITAM)
            lebar_teks = doc.get_string_width(_cetak(doc, trace["name"])) + 4
            doc.cell(lebar_teks, 7, _cetak(doc, trace["name"]))
            x += 7 + lebar_teks + 8


def _peta_petak(doc, fig: dict, lebar: float, tinggi: float, atas: float) -> None:
    lay = fig["layout"]
    (x0, x1), (y0, y1) = lay["xaxis"]["range"], lay["yaxis"]["range"]
    sisi = min(lebar / (x1 - x0), tinggi / (y1 - y0))  # mm a square's step: squares stay square
    kiri = TEPI + (lebar - sisi * (x1 - x0)) / 2

    def pos(x, y):
        return kiri + (x - x0) * sisi, atas + (y1 - y) * sisi

    for shape in lay["shapes"]:
        a, b = pos(shape["x0"], shape["y1"])
        doc.set_fill_color(*_warna(shape["fillcolor"]))
        doc.rect(a, b, (shape["x1"] - shape["x0"]) * sisi, (shape["y1"] - shape["y0"]) * sisi, style="F")
    teks = fig["data"][0]
    for x, y, isi, warna in zip(teks["x"], teks["y"], teks["text"], teks["textfont"]["color"], strict=True):
        a, b = pos(x, y)
        doc.set_text_color(*_warna(warna))
        for n, baris in enumerate(isi.replace("<b>", "").replace("</b>", "").split("<br>")):
            doc.set_font(HURUF, "B" if n == 0 else "", 9)
            doc.set_xy(a - sisi / 2, b - 4.2 + n * 4.2)
            doc.cell(sisi, 4.2, _cetak(doc, baris), align="C")


def _peta_batas(doc, fig: dict, lebar: float, tinggi: float, atas: float) -> None:
    import math

    peta_trace, label = fig["data"][0], fig["data"][1]
    cincin = []
    for f, z in zip(peta_trace["geojson"]["features"], peta_trace["z"], strict=True):
        g = f["geometry"]
        for poligon in [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]:
            cincin.append((poligon[0], peta.WARNA_Z[z]))
    if not cincin:
        return
    xs = [x for r, _ in cincin for x, _y in r]
    ys = [y for r, _ in cincin for _x, y in r]
    kos = math.cos(math.radians((min(ys) + max(ys)) / 2))
    lebar_geo, tinggi_geo = (max(xs) - min(xs)) * kos or 1e-9, (max(ys) - min(ys)) or 1e-9
    mm = min(lebar / lebar_geo, tinggi / tinggi_geo)
    kiri = TEPI + (lebar - mm * lebar_geo) / 2

    def pos(x, y):
        return kiri + (x - min(xs)) * kos * mm, atas + (max(ys) - y) * mm

    doc.set_draw_color(255, 255, 255)
    doc.set_line_width(0.4)
    for r, warna in cincin:
        doc.set_fill_color(*_warna(warna))
        doc.polygon([pos(x, y) for x, y in r], style="DF")
    for x, y, isi, warna in zip(label["lon"], label["lat"], label["text"], label["textfont"]["color"], strict=True):
        a, b = pos(x, y)
        doc.set_text_color(*_warna(warna))
        doc.set_font(HURUF, "B", 8)
        for n, baris in enumerate(isi.split("<br>")):
            doc.set_xy(a - 20, b - 3.6 + n * 3.6)
            doc.cell(40, 3.6, _cetak(doc, baris), align="C")


TREN_AKSI_MM = 5  # a row of the actions' list under the trend (11 pt), two to a row


def _tren(doc, fig: dict, bahasa: str, lebar: float, tinggi: float, aksi: list | None = None) -> None:
    """The trend chart from its plotly data: axes with the figure's own ticks, the active line,
    the dashed road ahead, the target line and the figure's annotations in words; `aksi`, the
    slide's [(number, words)] (layouts/tinjauan.py _tren), under it two to a row, TREN_AKSI_MM
    each, the chart giving up their height."""
    data = fig["data"]
    if not data or not data[0].get("x"):
        return
    lay = fig["layout"]
    (x0, x1), (y0, y1) = lay["xaxis"]["range"], lay["yaxis"]["range"]
    hari = max((x1 - x0).days, 1)
    kiri, atas = TEPI + 28, doc.get_y() + 4
    w, h = lebar - 32, tinggi - 16 - (-(-len(aksi or []) // 2) * TREN_AKSI_MM + 2 if aksi else 0)

    def px(d: dt.date) -> float:
        return kiri + w * (d - x0).days / hari

    def py(v: float) -> float:
        return atas + h * (1 - (v - y0) / ((y1 - y0) or 1))

    doc.set_draw_color(190, 190, 190)
    doc.set_line_width(0.3)
    doc.set_font(HURUF, "", 12)
    doc.set_text_color(*ABU)
    for k in range(5):  # five value ticks
        v = y0 + (y1 - y0) * k / 4
        doc.line(kiri, py(v), kiri + w, py(v))
        doc.set_xy(TEPI, py(v) - 3)
        doc.cell(26, 6, _cetak(doc, fmt.ringkas(round(v), bahasa)), align="R")
    for d, label in zip(lay["xaxis"]["tickvals"], lay["xaxis"]["ticktext"], strict=True):
        doc.set_xy(px(d) - 20, atas + h + 2)
        doc.cell(40, 6, _cetak(doc, label), align="C")
    for shape in lay.get("shapes", []):
        if shape.get("name") == "aksi":  # an action: a dotted upright line at its start, its title at the top
            doc.set_draw_color(*UNGU)
            doc.set_line_width(0.8)
            doc.set_dash_pattern(dash=1.2, gap=1.2)
            doc.line(px(shape["x0"]), atas + 5.5, px(shape["x0"]), atas + h)  # from under its number
            doc.set_dash_pattern()
            continue
        doc.set_draw_color(*MERAH)  # the target line
        doc.set_line_width(1.2)
        doc.line(kiri, py(shape["y0"]), kiri + w, py(shape["y0"]))
    kata = lay.get("annotations", [])
    data = [d for d in data if d.get("name") != "aksi"]
    for n, trace in enumerate(data):
        titik = [(px(x), py(y)) for x, y in zip(trace["x"], trace["y"], strict=True)]
        doc.set_draw_color(*(BIRU if n == 0 else ABU))
        doc.set_line_width(1.6 if n == 0 else 1.0)
        if n:
            doc.set_dash_pattern(dash=3, gap=2)
        doc.polyline(titik)
        doc.set_dash_pattern()
        if n == 0:
            doc.set_fill_color(*BIRU)
            for x, y in titik:
                doc.circle(x=x, y=y, radius=1.4, style="F")
    doc.set_font(HURUF, "", 14)
    for a in kata:  # the target's and the road's words beside their line, as on the slide
        if a.get("yref") == "y":
            doc.set_text_color(*(MERAH if a["font"].get("color") == slides_mod.MERAH else ABU))
            teks = _cetak(doc, a["text"].replace("<br>", " "))
            lebar_teks = doc.get_string_width(teks) + 2
            x = kiri if a["xref"] == "x domain" else px(a["x"]) - (lebar_teks if a["xanchor"] == "right" else 0)
            doc.set_xy(x, py(a["y"]) - 7 if a["yanchor"] == "bottom" else py(a["y"]) + 1)
            doc.set_fill_color(255, 255, 255)  # over an action's dotted line, the words stay whole
            doc.cell(lebar_teks, 6, teks, fill=True)
    # the numbers last: over the lines and the words, on their own white ground
    _aksi_tren(doc, [a for a in kata if a["font"].get("color") == grafik.UNGU], px, kiri, kiri + w, atas)
    doc.set_y(atas + h + 9)
    _aksi_daftar(doc, aksi or [], lebar)
    for a in kata:  # words about the whole chart (no target yet), under it
        if a.get("yref") == "paper" and a["font"].get("color") != grafik.UNGU:
            doc.set_text_color(*ABU)
            doc.set_x(TEPI)
            doc.cell(lebar, 6, _cetak(doc, a["text"].replace("<br>", " ")), new_x="LMARGIN", new_y="NEXT")


def _aksi_tren(doc, kata: list[dict], px, kiri: float, kanan: float, atas: float) -> None:
    """The actions' numbers ('1', '1–5': grafik.tren grouped them for the slide's wider type, so
    they stand apart here too) at the top of the trend, each centred where the figure put it,
    inside the plot, bold on a white ground over the dotted lines."""
    doc.set_font(HURUF, "B", 11)
    doc.set_text_color(*UNGU)
    doc.set_fill_color(255, 255, 255)
    for a in kata:
        teks = _cetak(doc, a["text"])
        n = doc.get_string_width(teks) + 2
        doc.set_xy(min(max(px(a["x"]) - n / 2, kiri), kanan - n), atas + 0.5)
        doc.cell(n, 5, teks, fill=True, align="C")


def _aksi_daftar(doc, aksi: list, lebar: float) -> None:
    """The actions' titles under the trend, 'number  date · title', two to a row, each cut to its
    half of the page (a title the slide cut already ends in '…')."""
    if not aksi:
        return
    kolom = lebar / 2
    baris = -(-len(aksi) // 2)
    y = doc.get_y()
    for i, (n, teks) in enumerate(aksi):
        x = TEPI + (i // baris) * kolom
        doc.set_xy(x, y + (i % baris) * TREN_AKSI_MM)
        doc.set_font(HURUF, "B", 11)
        doc.set_text_color(*UNGU)
        doc.cell(7, TREN_AKSI_MM, str(n))
        doc.set_font(HURUF, "", 11)
        doc.set_text_color(*HITAM)
        kata = _cetak(doc, teks)
        while doc.get_string_width(kata) > kolom - 12 and len(kata) > 2:
            kata = kata[:-2] + "…"
        doc.cell(kolom - 8, TREN_AKSI_MM, kata)
    doc.set_y(y + baris * TREN_AKSI_MM + 1)
