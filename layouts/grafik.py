"""Charts as plain plotly data ({"data": [...], "layout": {...}}): the target drawn on the chart
itself, Indonesian number formats, large type."""

from __future__ import annotations

import datetime as dt

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


def tren(rows: list[dict], tempat: dict, bahasa: str, aksi: list | None = None) -> dict:
    """Active participants per snapshot, filling the chart: the x axis spans the snapshots (not
    the year) and the y axis the values, so a weekly gain shows as a slope. The road to
    31 December is a dashed stretch at the 4-week pace past the last snapshot, its end written
    in words; the reference target is a line when it is near the values, else named at the top.
    `aksi` (akses.aksi.Aksi, issue 21) inside the chart's dates are dotted lines at their start,
    with a marker at the top whose hover names them."""
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
    hari = max((x[-1] - x[0]).days, 1)
    ujung = x[-1] + dt.timedelta(days=max(7, round(hari * 0.3)))
    lo, hi = min(y), max(y)
    annotations, shapes = [], []
    laju = tempat.get("laju_4mg")
    if laju is not None and tempat.get("proyeksi_akhir_tahun") is not None:
        y_ujung = y[-1] + laju * (ujung - x[-1]).days / 7
        lo, hi = min(lo, y_ujung), max(hi, y_ujung)
        data.append(
            {
                "type": "scatter", "x": [x[-1], ujung], "y": [y[-1], y_ujung], "mode": "lines",
                "name": t("proyeksi", bahasa), "line": {"width": 3, "dash": "dash", "color": ABU},
                "hoverinfo": "skip",
            }
        )  # fmt: skip
        akhir = dt.date(x[-1].year, 12, 31)
        annotations.append(
            {
                # two short lines: on a phone one long line ran over the value axis
                "text": f"{fmt.tanggal_pendek(akhir, bahasa)}:<br>{t('proyeksi_kata', bahasa)} "
                f"{fmt.ringkas(tempat['proyeksi_akhir_tahun'], bahasa)}",
                "xref": "paper", "x": 1, "xanchor": "right", "yref": "paper", "y": 0, "yanchor": "bottom",
                "showarrow": False, "font": {"size": 16, "color": ABU},
            }
        )  # fmt: skip
    rentang = max(hi - lo, hi * 0.02, 4)
    atas, bawah = hi + rentang * 0.3, max(0, lo - rentang * 0.3)
    target = tempat.get("target_acuan", tempat.get("target"))
    if target:
        nama = fmt.nama_target(tempat.get("jenis_target"), bahasa)
        teks = f"{nama}{':' if nama != 'Target' else ''} {fmt.ringkas(target, bahasa)}"
        if target <= hi + rentang * 3:  # near: drawn, the axis stretched to hold it
            atas = max(atas, target + rentang * 0.25)
            garis, label = _garis_datar(target, MERAH, teks)
            shapes, annotations = [garis], [label, *annotations]
        else:  # far above: named, so the weeks of data keep the height
            annotations.append(
                {
                    "text": f"{teks} ↑", "xref": "paper", "x": 1, "xanchor": "right", "yref": "paper", "y": 1,
                    "yanchor": "top", "showarrow": False, "font": {"size": 16, "color": MERAH},
                }
            )  # fmt: skip
    awal_x = x[0] - dt.timedelta(days=max(2, round(hari * 0.04)))
    tanda = [a for a in aksi or [] if awal_x <= a.mulai <= ujung]
    if tanda:
        for a in tanda:
            shapes.append(
                {
                    "type": "line", "name": "aksi", "xref": "x", "x0": a.mulai, "x1": a.mulai, "yref": "paper",
                    "y0": 0, "y1": 0.93, "line": {"color": UNGU, "width": 2, "dash": "dot"},
                }
            )  # fmt: skip
        data.append(
            {
                "type": "scatter", "mode": "markers", "name": "aksi", "x": [a.mulai for a in tanda],
                "y": [atas - (atas - bawah) * 0.03] * len(tanda), "hoverinfo": "text",
                "marker": {"symbol": "triangle-down", "size": 14, "color": UNGU},
                "hovertext": [_aksi_kata(a, bahasa) for a in tanda], "customdata": [[a.id] for a in tanda],
            }
        )  # fmt: skip
    langkah = max(1, -(-len(x) // TICK_TREN))
    ticks = x[::-1][::langkah][::-1]
    return _tata(
        data,
        bahasa,
        shapes=shapes,
        annotations=annotations,
        showlegend=False,  # the line is the title's; the road and the target say what they are in words
        xaxis={
            "tickvals": ticks,
            "ticktext": [fmt.tanggal_pendek(d, bahasa) for d in ticks],
            "range": [awal_x, ujung],
        },
        yaxis={"range": [bawah, atas], "tickformat": ",d"},
    )


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
