"""Charts: the target drawn on the chart itself, Indonesian number formats, large type."""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from layouts import format as fmt
from layouts.teks import t
from metrics import cakupan

MERAH, JINGGA, HIJAU, BIRU, ABU = "#c92a2a", "#e8590c", "#2b8a3e", "#1c7ed6", "#868e96"
BATANG = 40  # the most bars a chart names legibly


def _tata(fig: go.Figure, bahasa: str, tinggi: int = 380) -> go.Figure:
    fig.update_layout(
        separators=",." if bahasa == "id" else ".,",
        height=tinggi,
        margin={"l": 10, "r": 20, "t": 30, "b": 10},
        font={"size": 16},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        legend={"orientation": "h", "y": 1.08, "x": 0},
        hoverlabel={"font_size": 15},
    )
    fig.update_xaxes(gridcolor="rgba(128,128,128,0.2)", automargin=True)
    fig.update_yaxes(gridcolor="rgba(128,128,128,0.2)", automargin=True)
    return fig


def warna_capaian(c: float | None, palet: tuple[str, str, str, str] = (MERAH, JINGGA, HIJAU, ABU)) -> str:
    """The colour of a capaian's band (cakupan.pita); `palet` is (rendah, sedang, baik, none)."""
    rendah, sedang, baik, kosong = palet
    return {"rendah": rendah, "sedang": sedang, "baik": baik}.get(cakupan.pita(c), kosong)


def tren(rows: list[dict], tempat: dict, bahasa: str) -> go.Figure:
    """Active participants per snapshot, the target as a line, the projection to 31 December."""
    x = [r["tanggal_data"] for r in rows]
    fig = go.Figure(
        go.Scatter(
            x=x,
            y=[r["peserta_aktif"] for r in rows],
            mode="lines+markers",
            name=t("aktif", bahasa),
            line={"width": 4, "color": BIRU},
            marker={"size": 9},
            hovertext=[f"{fmt.tanggal(d, bahasa)}: {fmt.angka(r['peserta_aktif'], bahasa)}" for d, r in zip(x, rows)],
            hoverinfo="text",
        )
    )
    if tempat.get("proyeksi_akhir_tahun") is not None and rows:
        akhir = dt.date(x[-1].year, 12, 31)
        fig.add_trace(
            go.Scatter(
                x=[x[-1], akhir],
                y=[rows[-1]["peserta_aktif"], tempat["proyeksi_akhir_tahun"]],
                mode="lines+markers",
                name=t("proyeksi", bahasa),
                line={"width": 3, "dash": "dash", "color": ABU},
                hovertext=["", f"{fmt.tanggal(akhir, bahasa)}: {fmt.angka(tempat['proyeksi_akhir_tahun'], bahasa)}"],
                hoverinfo="text",
            )
        )
    if tempat.get("target"):
        fig.add_hline(
            y=tempat["target"],
            line={"color": MERAH, "width": 3},
            annotation_text=f"Target {fmt.ringkas(tempat['target'], bahasa)}",
            annotation_position="top left",
            annotation_font={"size": 16, "color": MERAH},
        )
    # First and last snapshot, and 31 December: weekly ticks would crowd the axis.
    ticks = list(dict.fromkeys(x[:1] + x[-1:] + ([fig.data[-1].x[-1]] if len(fig.data) > 1 else [])))
    fig.update_xaxes(tickvals=ticks, ticktext=[fmt.tanggal_pendek(d, bahasa) for d in ticks])
    fig.update_yaxes(rangemode="tozero", tickformat=",d")
    return _tata(fig, bahasa)


def batang_capaian(rows: list[dict], bahasa: str, tinggi: int | None = None) -> go.Figure:
    """Children by capaian, lowest at the top: laggards first; a line at 100 %."""
    rows = [r for r in rows if r.get("capaian") is not None]
    names = [r["nama_wilayah"] for r in rows]
    fig = go.Figure(
        go.Bar(
            y=names,
            x=[r["capaian"] * 100 for r in rows],
            orientation="h",
            marker_color=[warna_capaian(r["capaian"]) for r in rows],
            customdata=[[r["kode_wilayah"]] for r in rows],
            text=[fmt.persen(r["capaian"], bahasa=bahasa) for r in rows],
            textposition="auto",
            textfont={"size": 16},
            hovertext=[
                f"{r['nama_wilayah']}: {fmt.angka(r['peserta_aktif'], bahasa)} / {fmt.angka(r['target'], bahasa)}"
                for r in rows
            ],
            hoverinfo="text",
        )
    )
    fig.add_vline(x=100, line={"color": ABU, "width": 2, "dash": "dot"})
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(ticksuffix=" %")
    return _tata(fig, bahasa, tinggi or max(260, 48 * len(rows) + 80))


def batang_aktif(rows: list[dict], bahasa: str) -> go.Figure:
    """Children by active participants, biggest first (the first BATANG); each bar clicks one level down."""
    rows = cakupan.urut([r for r in rows if r["kode_wilayah"]], "peserta_aktif", BATANG)
    kolom = "peserta_aktif"
    fig = go.Figure(
        go.Bar(
            x=[r["nama_wilayah"] for r in rows],
            y=[r[kolom] for r in rows],
            marker_color=BIRU,
            customdata=[[r["kode_wilayah"]] for r in rows],
            hovertext=[f"{r['nama_wilayah']}: {fmt.angka(r[kolom], bahasa)}" for r in rows],
            hoverinfo="text",
        )
    )
    fig.update_yaxes(tickformat=",d")
    fig.update_xaxes(tickangle=-35)
    return _tata(fig, bahasa, 400)


def batang_pasangan(label: list[str], terdaftar: list[int], aktif: list[int], bahasa: str) -> go.Figure:
    """Registered and active side by side, per category."""
    fig = go.Figure(
        [
            go.Bar(
                y=label,
                x=terdaftar,
                orientation="h",
                name=t("terdaftar", bahasa),
                marker_color="#a5d8ff",
                text=[fmt.angka(v, bahasa) for v in terdaftar],
                textposition="auto",
            ),
            go.Bar(
                y=label,
                x=aktif,
                orientation="h",
                name=t("aktif", bahasa),
                marker_color=BIRU,
                text=[fmt.angka(v, bahasa) for v in aktif],
                textposition="auto",
            ),
        ]
    )
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickformat=",d")
    return _tata(fig, bahasa, max(240, 70 * len(label) + 80))


def batang_satu(label: list[str], nilai: list[float], bahasa: str, teks: list[str], warna: str = BIRU) -> go.Figure:
    fig = go.Figure(go.Bar(y=label, x=nilai, orientation="h", marker_color=warna, text=teks, textposition="auto"))
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(tickformat=",d")
    return _tata(fig, bahasa, max(240, 48 * len(label) + 80))
