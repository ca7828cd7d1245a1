"""Charts as plain plotly data ({"data": [...], "layout": {...}}): the target drawn on the chart
itself, Indonesian number formats, large type."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from layouts import format as fmt
from layouts.teks import t
from metrics import cakupan
from metrics.aksi import JENIS as JENIS_AKSI

MERAH, JINGGA, HIJAU, BIRU, ABU = "#c92a2a", "#e8590c", "#2b8a3e", "#1c7ed6", "#868e96"
BATANG = 40  # the most bars a chart names legibly
TEKS = "#2a3f5f"  # plotly's template text colour


def _tata(data: list[dict], bahasa: str, tinggi: int = 380, **layout) -> dict:
    """A figure as plain data (Dash sends it as it is): building plotly's figure objects costs
    about 18 ms a chart, this about 0,2 ms (docs/performance.md). `layout` adds to the common one;
    `xaxis`/`yaxis` entries add to the common axes."""
    # What plotly's default template gave the figure objects (text colour, white zero lines,
    # hover text aligned left, a thin outline on bars), so the charts look as they did.
    sumbu = {"gridcolor": "rgba(128,128,128,0.2)", "automargin": True, "zerolinecolor": "white", "zerolinewidth": 2}
    for trace in data:
        if trace["type"] == "bar":
            trace.setdefault("marker", {}).setdefault("line", {"color": "#E5ECF6", "width": 0.5})
    return {
        "data": data,
        "layout": {
            "separators": ",." if bahasa == "id" else ".,",
            "height": tinggi,
            "margin": {"l": 10, "r": 20, "t": 30, "b": 10},
            "font": {"size": 16, "color": TEKS},
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
            "legend": {"orientation": "h", "y": 1.08, "x": 0},
            "hoverlabel": {"font": {"size": 15}, "align": "left"},
            **layout,
            "xaxis": {**sumbu, **layout.get("xaxis", {})},
            "yaxis": {**sumbu, **layout.get("yaxis", {})},
        },
    }


tata = _tata  # the common figure frame, for charts drawn elsewhere in layouts (peta.py)


def _garis_datar(y: float, warna: str, teks: str) -> tuple[dict, dict]:
    """A horizontal line across the plot at y, with its label at the top left (plotly's add_hline)."""
    garis = {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": y, "y1": y}
    label = {
        "text": teks, "xref": "x domain", "x": 0, "xanchor": "left", "yref": "y", "y": y,
        "yanchor": "bottom", "showarrow": False, "font": {"size": 16, "color": warna},
    }  # fmt: skip
    return {**garis, "line": {"color": warna, "width": 3}}, label


def warna_capaian(c: float | None, palet: tuple[str, str, str, str] = (MERAH, JINGGA, HIJAU, ABU)) -> str:
    """The colour of a capaian's band (cakupan.pita); `palet` is (rendah, sedang, baik, none)."""
    rendah, sedang, baik, kosong = palet
    return {"rendah": rendah, "sedang": sedang, "baik": baik}.get(cakupan.pita(c), kosong)


TICK_TREN = 7  # date labels a trend names at most: more would crowd a projector's axis


UNGU = "#6741d9"  # actions on the trend: a colour no band or line uses


class Ukuran(NamedTuple):
    """What the actions' numbers on the trend are placed for: type size (px), the plot's width and
    height (px) and the characters of a title the list under the chart shows (pendek; 0: whole). The
    page's chart is drawn once for every screen, so its numbers are placed for the narrowest (a
    phone's plot, about 300 px wide); a number never needs more room than that."""

    huruf: int
    lebar: int
    tinggi: int
    judul: int


HALAMAN = Ukuran(16, 300, 300, 90)
EM = 0.55  # a character's width in em, about, in the charts' sans-serif type
LATAR = "rgba(255,255,255,0.85)"  # behind words a dotted line may cross (dark mode: assets/cakupan.css)


def tren(
    rows: list[dict],
    tempat: dict,
    bahasa: str,
    aksi: list | None = None,
    cabang: bool = False,
    ukuran: Ukuran = HALAMAN,
) -> dict:
    """Active participants per snapshot with, together on one chart, the reference target as a
    line labelled with its value and kind (layouts.format.nama_target), and the road at the
    4-week pace to 31 December (metrics.cakupan.akhir_tahun) ending at `tempat`'s
    proyeksi_akhir_tahun, labelled with it; both axes reach them. No target: the chart says so in
    words (for a branch, `cabang`: why). Without a projection (one snapshot) the x axis spans the
    snapshots and a little more. `tempat` is a KPI row (metrics.cakupan.KPI); the layout adds no
    number of its own. `aksi` (metrics.aksi.Aksi), those inside the chart's dates (aksi_tren), are
    dotted lines numbered 1, 2, … by date, a marker at the top whose hover names them, and their
    numbers in one row on a band on top that never overlap (_nomor_aksi: '1–5' where lines stand
    closer than a number's width at `ukuran`); the titles go in a list beside the chart
    (daftar_aksi), which never overlaps at any width. The words a dotted line may cross (the
    target's, the road's end, the numbers) stand on a light ground (LATAR)."""
    if not rows:
        return _tata([], bahasa)
    x = [r["tanggal_data"] for r in rows]
    y = [r["peserta_aktif"] for r in rows]
    data = [
        {
            "type": "scatter", "x": x, "y": y, "mode": "lines+markers", "name": t("aktif", bahasa),
            "line": {"width": 4, "color": BIRU}, "marker": {"size": 9},
            "hovertext": [f"{fmt.tanggal(d, bahasa)}: {fmt.angka(v, bahasa)}" for d, v in zip(x, y)],
            "hoverinfo": "text",
        }
    ]  # fmt: skip
    target = tempat.get("target_acuan", tempat.get("target"))
    proyeksi = tempat.get("proyeksi_akhir_tahun") if tempat.get("laju_4mg") is not None else None
    akhir = cakupan.akhir_tahun(x[-1]) if proyeksi is not None else None
    awal_x, ujung = _sumbu_x(x, akhir)
    nilai = [*y, *(v for v in (proyeksi, target) if v is not None)]
    lo, hi = min(nilai), max(nilai)
    rentang = max(hi - lo, hi * 0.02, 4)
    atas, bawah = hi + rentang * 0.3, max(0, lo - rentang * 0.3)  # room for the words above and below
    shapes, annotations = [], []
    if target:
        shapes, annotations = _target(target, tempat.get("jenis_target"), y[-1] <= target, bahasa)
    else:
        annotations.append(_tanpa_target(cabang, bahasa))
    if akhir:
        data.append(
            {
                "type": "scatter", "x": [x[-1], akhir], "y": [y[-1], proyeksi], "mode": "lines",
                "name": t("proyeksi", bahasa), "line": {"width": 3, "dash": "dash", "color": ABU},
                "hoverinfo": "skip",
            }
        )  # fmt: skip
        annotations.append(_kata_proyeksi(akhir, proyeksi, y[-1], target, (atas - bawah) / ukuran.tinggi, bahasa))
    tanda = aksi_tren(rows, tempat, aksi)
    if tanda:
        nomor = _nomor_aksi(tanda, awal_x, ujung, ukuran)
        pita = _PITA * ukuran.huruf / ukuran.tinggi  # the band on top: the numbers and the markers
        atas += (atas - bawah) * pita / (1 - pita)
        annotations += nomor
        ujung_garis = 1 - (1.2 * ukuran.huruf + 6) / ukuran.tinggi  # the lines end under the numbers' row
        for a in tanda:
            shapes.append(
                {
                    "type": "line", "name": "aksi", "xref": "x", "x0": a.mulai, "x1": a.mulai, "yref": "paper",
                    "y0": 0, "y1": ujung_garis, "line": {"color": UNGU, "width": 2, "dash": "dot"},
                }
            )  # fmt: skip
        # the markers under the numbers' row: 1,6 em of type and 4 px of ground down from the top
        turun = (1.6 * ukuran.huruf + 4 + 7) / ukuran.tinggi
        data.append(
            {
                "type": "scatter", "mode": "markers", "name": "aksi", "x": [a.mulai for a in tanda],
                "y": [atas - (atas - bawah) * turun] * len(tanda), "hoverinfo": "text",
                "marker": {"symbol": "triangle-down", "size": 14, "color": UNGU},
                "hovertext": [f"{n}. {_aksi_kata(a, bahasa)}" for n, a in enumerate(tanda, start=1)],
                "customdata": [[a.id] for a in tanda],
            }
        )  # fmt: skip
    ticks = _tick_tren(x, akhir)
    return _tata(
        data,
        bahasa,
        shapes=shapes,
        annotations=annotations,
        showlegend=False,  # the line is the title's; the road and the target say what they are in words
        xaxis={
            "tickvals": ticks,
            "ticktext": fmt.tanggal_sumbu(ticks, bahasa),
            "range": [awal_x, ujung],
        },
        yaxis={"range": [bawah, atas], "tickformat": ",d"},
    )


def _kata_proyeksi(akhir, proyeksi, kini, target, per_px: float, bahasa: str) -> dict:
    """The road's end in words ('31 Des 2024:<br>proyeksi 39,9 ribu') ending at its end point, on
    the side the road does not come from (above a rising one); where the target's line runs
    through those words (`per_px`: the y units of a pixel), they stand clear of it instead."""
    naik = proyeksi >= kini
    y = proyeksi
    tinggi = 80 * per_px  # two lines of the slide's 30 px type, about; the page's 16 px take less
    if target is not None and 0 <= (target - proyeksi if naik else proyeksi - target) <= tinggi:
        y = target
    return {
        # two short lines: on a phone one long line ran over the value axis
        "text": f"{fmt.tanggal_pendek(akhir, bahasa)}:<br>{t('proyeksi_kata', bahasa)} {fmt.ringkas(proyeksi, bahasa)}",
        "xref": "x", "x": akhir, "xanchor": "right", "yref": "y", "y": y,
        "yanchor": "bottom" if naik else "top", "yshift": 6 if naik else -6,
        "showarrow": False, "font": {"size": 16, "color": ABU}, "bgcolor": LATAR,
    }  # fmt: skip


def _target(target: float, jenis: str | None, di_bawah: bool, bahasa: str) -> tuple[list, list]:
    """The target's line and its words at the left ('Target 38,7 ribu', 'Target 1 RW 100: 800'),
    on the side away from the place's line (above it while the place is below)."""
    nama = fmt.nama_target(jenis, bahasa)
    garis, label = _garis_datar(target, MERAH, f"{nama}{':' if nama != 'Target' else ''} {fmt.ringkas(target, bahasa)}")
    if not di_bawah:
        label["yanchor"] = "top"
    label["bgcolor"] = LATAR  # an action's dotted line runs behind the words, not through them
    return [garis], [label]


def _tanpa_target(cabang: bool, bahasa: str) -> dict:
    """'Belum ada target' in words at the chart's top left, where a target line would be read."""
    return {
        "text": t("tren_tanpa_target_cabang" if cabang else "tren_tanpa_target", bahasa),
        "xref": "paper", "x": 0, "xanchor": "left", "yref": "paper", "y": 1, "yanchor": "bottom",
        "showarrow": False, "font": {"size": 16, "color": TEKS},
    }  # fmt: skip


def _tick_tren(x: list[dt.date], akhir: dt.date | None) -> list[dt.date]:
    """The dates the x axis names. Without a road: snapshots only, at most TICK_TREN, the newest always. With the
    road to `akhir` (31 December): the first snapshot, the newest one, `akhir`, and month starts
    between, evenly thinned; none closer to another than a tenth of the axis (so a phone's 300 px
    keep them apart), the newest left out first."""
    if akhir is None:
        langkah = max(1, -(-len(x) // TICK_TREN))
        return x[::-1][::langkah][::-1]
    jarak = (akhir - x[0]).days / 10
    # the first snapshot always (where the line starts, with the year); the newest when it stands
    # clear of it (its date is on the page and in the review's heading, and the road starts there)
    tetap = [x[0], akhir] + ([x[-1]] if (x[-1] - x[0]).days >= jarak else [])
    bulan = [dt.date(th, b, 1) for th in range(x[0].year, akhir.year + 1) for b in range(1, 13)]
    bulan = [d for d in bulan if x[0] < d < akhir]
    langkah = max(1, -(-len(bulan) // (TICK_TREN - len(tetap))))
    bulan = [d for d in bulan[::langkah] if all(abs((d - e).days) >= jarak for e in tetap)]
    return sorted(tetap + bulan)


_PITA = 2.6  # the band on top for the actions' numbers and markers, in em of their type


def _sumbu_x(x: list[dt.date], akhir: dt.date | None) -> tuple[dt.date, dt.date]:
    """The trend's x range (first date, last date) for snapshot dates `x` and the road's end
    `akhir` (31 December, or None without a pace): room before the first snapshot for its date's
    words (the axis names the year there), a twentieth of the axis or 4 % of the data's span
    without a road; the axis ends 4 days after 31 December (its tick shows), or 30 % of the span
    (at least 7 days) after the newest snapshot."""
    hari = max((x[-1] - x[0]).days, 1)
    lebar = (akhir - x[0]).days / 20 if akhir else hari * 0.04
    awal_x = x[0] - dt.timedelta(days=max(2, round(lebar)))
    ujung = akhir + dt.timedelta(days=4) if akhir else x[-1] + dt.timedelta(days=max(7, round(hari * 0.3)))
    return awal_x, ujung


def aksi_tren(rows: list[dict], tempat: dict, aksi: list | None) -> list:
    """The actions (metrics.aksi.Aksi) the trend of `rows` marks, in the order they are numbered
    1, 2, …: those starting inside the chart's dates (up to 31 December with a road, else up to
    the axis end), by start date, then id. The same list as tren draws, for daftar_aksi."""
    if not rows or not aksi:
        return []
    x = [r["tanggal_data"] for r in rows]
    laju = tempat.get("proyeksi_akhir_tahun") is not None and tempat.get("laju_4mg") is not None
    akhir = cakupan.akhir_tahun(x[-1]) if laju else None
    awal_x, ujung = _sumbu_x(x, akhir)
    return sorted((a for a in aksi if awal_x <= a.mulai <= (akhir or ujung)), key=lambda a: (a.mulai, a.id))


def _nomor_aksi(tanda: list, x0: dt.date, x1: dt.date, ukuran: Ukuran) -> list[dict]:
    """The actions' numbers (1 the oldest) in one row at the top, on a light ground: each centred
    on its line; lines closer than their numbers' width (at `ukuran`: 0,55 em a digit, '–' one,
    10 px of ground and 4 px apart) share one label, '1–5' (their dates are in the list). A label
    stays inside the plot. Numbers never overlap and none is left out, at any count."""
    hari = max((x1 - x0).days, 1)
    px = [(a.mulai - x0).days / hari * ukuran.lebar for a in tanda]

    def kotak(i: int, j: int) -> tuple[str, float, float]:  # (text, centre px, width px) of lines i..j
        teks = str(i + 1) if i == j else f"{i + 1}–{j + 1}"
        return teks, (px[i] + px[j]) / 2, len(teks) * EM * ukuran.huruf + 10

    kelompok: list[list[int]] = []  # [first, last] line of each label, left to right
    for n in range(len(tanda)):
        kelompok.append([n, n])
        while len(kelompok) > 1:  # a label that touches the one before it joins it
            (a, b), (c, d) = kelompok[-2], kelompok[-1]
            _, p, w = kotak(a, b)
            _, q, v = kotak(c, d)
            if min(q, ukuran.lebar - v / 2) - v / 2 >= max(p, w / 2) + w / 2 + 4:
                break
            kelompok[-2:] = [[a, d]]
    hasil = []
    for a, b in kelompok:
        teks, p, w = kotak(a, b)
        p = min(max(p, w / 2), ukuran.lebar - w / 2)  # inside the plot
        hasil.append(
            {
                "text": teks, "xref": "x", "x": x0 + dt.timedelta(days=round(p / ukuran.lebar * hari)),
                "xanchor": "center", "yref": "paper", "y": 1, "yanchor": "top", "yshift": -2,
                "showarrow": False, "font": {"size": ukuran.huruf, "color": UNGU}, "bgcolor": LATAR,
                "borderpad": 2,
            }
        )  # fmt: skip
    return hasil


def daftar_aksi(tanda: list, bahasa: str, batas: int = 0) -> list[tuple[int, str]]:
    """The list beside the trend: (number, 'date · title (planned)') for each action of
    aksi_tren, numbered as on the chart; a title cut to `batas` characters (pendek; 0: whole)."""
    hasil = []
    for n, a in enumerate(tanda, start=1):
        judul = pendek(a.judul, batas) if batas else a.judul
        rencana = f" ({t('rencana', bahasa)})" if a.rencana else ""
        hasil.append((n, f"{fmt.tanggal_pendek(a.mulai, bahasa)} · {judul}{rencana}"))
    return hasil


def pendek(teks: str, batas: int) -> str:
    """A title cut to `batas` characters at a word, with '…' (never in the middle of a number)."""
    if len(teks) <= batas:
        return teks
    potong = teks[: batas - 1].rsplit(" ", 1)[0]
    return potong + "…"


def _aksi_kata(a, bahasa: str) -> str:
    """An action in a line: its title, kind and dates (planned ones say so)."""
    akhir = f" - {fmt.tanggal_pendek(a.selesai, bahasa)}" if a.selesai else ""
    rencana = f" ({t('rencana', bahasa)})" if a.rencana else ""
    return f"{a.judul}{rencana}<br>{JENIS_AKSI[a.jenis][0 if bahasa == 'id' else 1]} · {fmt.tanggal_pendek(a.mulai, bahasa)}{akhir}"


TANDA_TARGET = {"1rw100": " ¹", "turunan": " ²"}  # the marks of targets that are not the region's own


def batang_capaian(rows: list[dict], bahasa: str, tinggi: int | None = None) -> dict:
    """Children by capaian, lowest at the top: laggards first; a line at 100 %."""
    rows = [r for r in rows if r.get("capaian_acuan") is not None]
    batang = {
        "type": "bar",
        # a derived or 1 RW 100 target's bar is marked as in the tables (layouts/teks.py: tanda_*)
        "y": [_lipat(r["nama_wilayah"]) + TANDA_TARGET.get(r.get("jenis_target"), "") for r in rows],
        "cliponaxis": False,  # a value written past the bar's end stays whole
        "x": [r["capaian_acuan"] * 100 for r in rows],
        "orientation": "h",
        "marker": {"color": [warna_capaian(r["capaian_acuan"]) for r in rows]},
        "customdata": [[r["kode_wilayah"]] for r in rows],
        "text": [fmt.persen(r["capaian_acuan"], bahasa=bahasa) for r in rows],
        "textposition": "auto",
        "textfont": {"size": 16},
        "hovertext": [
            f"{r['nama_wilayah']}: {fmt.angka(r['peserta_aktif'], bahasa)} / {fmt.angka(r['target_acuan'], bahasa)}"
            + (
                f" ({fmt.nama_target(r.get('jenis_target'), bahasa)})"
                if r.get("jenis_target") in ("1rw100", "turunan")
                else ""
            )
            for r in rows
        ],
        "hoverinfo": "text",
    }
    seratus = {  # behind the bars, so it never crosses their labels
        "type": "line", "layer": "below", "xref": "x", "x0": 100, "x1": 100, "yref": "y domain", "y0": 0, "y1": 1,
    }  # fmt: skip
    return _tata(
        [batang],
        bahasa,
        tinggi or max(260, 48 * len(rows) + 80),
        shapes=[{**seratus, "line": {"color": ABU, "width": 2, "dash": "dot"}}],
        yaxis={"autorange": "reversed"},
        # room on the right for the longest bar's value, outside it
        xaxis={"ticksuffix": " %", "range": [0, max([100.0, *batang["x"]]) * 1.18]},
    )


LIPAT = 16  # a place name longer than this takes two lines beside a bar (a phone keeps its bars)


def _lipat(nama: str) -> str:
    """'Kalimantan Selatan' -> 'Kalimantan<br>Selatan': long names fold at the space nearest the middle."""
    if len(nama) <= LIPAT or " " not in nama:
        return nama
    tengah = len(nama) // 2
    i = min((i for i, c in enumerate(nama) if c == " "), key=lambda i: abs(i - tengah))
    return f"{nama[:i]}<br>{nama[i + 1 :]}"


def batang_aktif(rows: list[dict], bahasa: str) -> dict:
    """Children by active participants, biggest first (the first BATANG); each bar clicks one level down."""
    rows = cakupan.urut([r for r in rows if r["kode_wilayah"]], "peserta_aktif", BATANG)
    batang = {
        "type": "bar",
        "x": [r["nama_wilayah"] for r in rows],
        "y": [r["peserta_aktif"] for r in rows],
        "marker": {"color": BIRU},
        "customdata": [[r["kode_wilayah"]] for r in rows],
        "hovertext": [f"{r['nama_wilayah']}: {fmt.angka(r['peserta_aktif'], bahasa)}" for r in rows],
        "hoverinfo": "text",
    }
    return _tata([batang], bahasa, 400, yaxis={"tickformat": ",d"}, xaxis={"tickangle": -35})


LIPAT_PONSEL = 14  # the characters of a category's line beside a bar on a phone


def _ponsel_batang(label: list[str], nilai: list[float]) -> dict:
    """A horizontal bar chart's changes on a phone (plotly's relayout keys, applied by
    assets/ponsel.js below 40em; a laptop draws the figure as it is): the categories' names folded
    into lines of LIPAT_PONSEL characters in 14 px type, so the bars keep most of the width (they
    were 64 px of 285 beside 'JKP · Jaminan Kehilangan Pekerjaan'), and room past the longest bar
    for its value written outside it (it was cut: '74.')."""
    return {
        "yaxis.tickmode": "array",
        "yaxis.tickvals": label,
        "yaxis.ticktext": [lipat_baris(x, LIPAT_PONSEL) for x in label],
        "yaxis.tickfont.size": 14,
        "xaxis.range": [0, max([1, *nilai]) * 1.35],
        "xaxis.nticks": 4,
        "xaxis.tickangle": 0,
        # the legend in one row above the plot, off the bars (it lay on them at y 1,08)
        "legend.orientation": "h",
        "legend.y": 1,
        "legend.yanchor": "bottom",
        "legend.font.size": 14,
    }


def lipat_baris(teks: str, lebar: int) -> str:
    """'JKP · Jaminan Kehilangan Pekerjaan' -> 'JKP · Jaminan<br>Kehilangan<br>Pekerjaan': words
    into lines of at most `lebar` characters (a longer word keeps a line of its own)."""
    baris: list[str] = []
    for kata in teks.split():
        if baris and len(baris[-1]) + 1 + len(kata) <= lebar:
            baris[-1] += " " + kata
        else:
            baris.append(kata)
    return "<br>".join(baris)


def batang_pasangan(label: list[str], terdaftar: list[int], aktif: list[int], bahasa: str) -> dict:
    """Registered and active side by side, per category; folded for a phone (_ponsel_batang)."""
    data = [
        {
            "type": "bar",
            "y": label,
            "x": nilai,
            "orientation": "h",
            "name": t(nama, bahasa),
            "marker": {"color": warna},
            "text": [fmt.angka(v, bahasa) for v in nilai],
            "textposition": "auto",
            "cliponaxis": False,  # a value written past the bar's end stays whole
        }
        for nama, nilai, warna in (("terdaftar", terdaftar, "#a5d8ff"), ("aktif", aktif, BIRU))
    ]
    return _tata(
        data,
        bahasa,
        max(240, 70 * len(label) + 80),
        barmode="group",
        yaxis={"autorange": "reversed"},
        xaxis={"tickformat": ",d"},
        meta={"ponsel": _ponsel_batang(label, [*terdaftar, *aktif])},
    )


def batang_satu(label: list[str], nilai: list[float], bahasa: str, teks: list[str], warna: str = BIRU) -> dict:
    """One value per category, as labelled horizontal bars; folded for a phone (_ponsel_batang)."""
    batang = {
        "type": "bar", "y": label, "x": nilai, "orientation": "h",
        "marker": {"color": warna}, "text": teks, "textposition": "auto", "cliponaxis": False,
    }  # fmt: skip
    return _tata(
        [batang],
        bahasa,
        max(240, 48 * len(label) + 80),
        yaxis={"autorange": "reversed"},
        xaxis={"tickformat": ",d"},
        meta={"ponsel": _ponsel_batang(label, nilai)},
    )
