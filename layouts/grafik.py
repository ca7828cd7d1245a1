"""Charts as plain plotly data ({"data": [...], "layout": {...}}): the target drawn on the chart
itself, Indonesian number formats, large type."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from akses.aksi import JENIS as JENIS_AKSI
from layouts import format as fmt
from layouts.teks import t
from metrics import cakupan

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
    """What an action's label is placed for: type size (px), the plot's width and height (px) and
    the characters of a title shown. The page's chart is drawn once for every screen, so its
    labels are placed for the narrowest (a phone's plot, about 300 px wide)."""

    huruf: int
    lebar: int
    tinggi: int
    judul: int


HALAMAN = Ukuran(16, 300, 300, 24)
BARIS_AKSI = 3  # rows of action labels at most: more would push the weeks down to a strip
EM = 0.55  # a character's width in em, about, in the charts' sans-serif type


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
    number of its own. `aksi` (akses.aksi.Aksi) inside the chart's dates are dotted lines with a
    marker at the top whose hover names them, and their titles in rows above the lines that never
    overlap (baris_label), placed for `ukuran`."""
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
    hari = max((x[-1] - x[0]).days, 1)
    # room before the first snapshot for its date's words (the axis names the year there): a
    # twentieth of the axis, or 4 % of the data's span without a road to 31 December
    lebar = (akhir - x[0]).days / 20 if akhir else hari * 0.04
    awal_x = x[0] - dt.timedelta(days=max(2, round(lebar)))
    # the axis ends a little after 31 December, so its tick shows
    ujung = akhir + dt.timedelta(days=4) if akhir else x[-1] + dt.timedelta(days=max(7, round(hari * 0.3)))
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
    tanda = [a for a in aksi or [] if awal_x <= a.mulai <= (akhir or ujung)]
    if tanda:
        label = _label_aksi(tanda, awal_x, ujung, bahasa, ukuran)
        if label:  # a band on top for the titles, clear of every line and word below it
            pita = (ukuran.huruf * (1 + 1.3 * (1 + max(a["_baris"] for a in label)))) / ukuran.tinggi
            atas += (atas - bawah) * pita / (1 - pita)
        for a in label:
            del a["_baris"]
        annotations += label
        for a in tanda:
            shapes.append(
                {
                    "type": "line", "name": "aksi", "xref": "x", "x0": a.mulai, "x1": a.mulai, "yref": "paper",
                    "y0": 0, "y1": 0.97, "line": {"color": UNGU, "width": 2, "dash": "dot"},
                }
            )  # fmt: skip
        data.append(
            {
                "type": "scatter", "mode": "markers", "name": "aksi", "x": [a.mulai for a in tanda],
                "y": [atas - (atas - bawah) * 0.02] * len(tanda), "hoverinfo": "text",
                "marker": {"symbol": "triangle-down", "size": 14, "color": UNGU},
                "hovertext": [_aksi_kata(a, bahasa) for a in tanda], "customdata": [[a.id] for a in tanda],
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
        "showarrow": False, "font": {"size": 16, "color": ABU},
    }  # fmt: skip


def _target(target: float, jenis: str | None, di_bawah: bool, bahasa: str) -> tuple[list, list]:
    """The target's line and its words at the left ('Target 38,7 ribu', 'Target 1 RW 100: 800'),
    on the side away from the place's line (above it while the place is below)."""
    nama = fmt.nama_target(jenis, bahasa)
    garis, label = _garis_datar(target, MERAH, f"{nama}{':' if nama != 'Target' else ''} {fmt.ringkas(target, bahasa)}")
    if not di_bawah:
        label["yanchor"] = "top"
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


def baris_label(rentang: list[tuple[float, float]], batas: int = BARIS_AKSI) -> list[int | None]:
    """The row of each label (0 the top) so that no two labels in a row overlap. `rentang` is each
    label's horizontal extent (start, end), in any one unit. Labels are taken from the left, each
    into the first row whose labels all end before it starts (interval partitioning); None for a
    label that finds no free row among `batas` (left unlabelled: its marker still names it)."""
    ujung_baris: list[float] = []  # where each row's rightmost label ends
    hasil: list[int | None] = [None] * len(rentang)
    for i in sorted(range(len(rentang)), key=lambda i: rentang[i]):
        mulai, selesai = rentang[i]
        bebas = [n for n, u in enumerate(ujung_baris) if u < mulai]
        if bebas:
            hasil[i] = bebas[0]
        elif len(ujung_baris) < batas:
            hasil[i] = len(ujung_baris)
            ujung_baris.append(selesai)
        else:
            continue
        ujung_baris[hasil[i]] = selesai
    return hasil


def _label_aksi(tanda: list, x0: dt.date, x1: dt.date, bahasa: str, ukuran: Ukuran) -> list[dict]:
    """The actions' titles in the band on top, one row each where they would touch
    (baris_label); a title starts at its line, or ends there near the right edge. Each dict
    carries its row as '_baris' for the caller's band."""
    hari = max((x1 - x0).days, 1)
    kata = [pendek(a.judul, ukuran.judul) for a in tanda]
    posisi = [(a.mulai - x0).days / hari for a in tanda]
    lebar = [(len(k) * EM * ukuran.huruf + 8) / ukuran.lebar for k in kata]  # 8 px: the gap from the line
    kanan = [p + w > 1 and p - w >= 0 for p, w in zip(posisi, lebar)]
    rentang = [(p - w, p) if k else (p, p + w) for p, w, k in zip(posisi, lebar, kanan)]
    return [
        {
            "text": k, "xref": "x", "x": a.mulai, "xanchor": "right" if ka else "left", "xshift": -4 if ka else 4,
            "yref": "paper", "y": 1, "yanchor": "top", "yshift": -round(ukuran.huruf * (1 + 1.3 * n)),
            "showarrow": False, "font": {"size": ukuran.huruf, "color": UNGU}, "_baris": n,
        }
        for a, k, ka, n in zip(tanda, kata, kanan, baris_label(rentang), strict=True)
        if n is not None
    ]  # fmt: skip


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


def batang_pasangan(label: list[str], terdaftar: list[int], aktif: list[int], bahasa: str) -> dict:
    """Registered and active side by side, per category."""
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
    )


def batang_satu(label: list[str], nilai: list[float], bahasa: str, teks: list[str], warna: str = BIRU) -> dict:
    """One value per category, as labelled horizontal bars."""
    batang = {
        "type": "bar", "y": label, "x": nilai, "orientation": "h",
        "marker": {"color": warna}, "text": teks, "textposition": "auto",
    }  # fmt: skip
    return _tata(
        [batang],
        bahasa,
        max(240, 48 * len(label) + 80),
        yaxis={"autorange": "reversed"},
        xaxis={"tickformat": ",d"},
    )
