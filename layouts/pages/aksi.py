"""Aksi (issue 21): what was done for the place in the URL and the places below it, and whether
it worked; record a new action; and what funding N pekerja rentan would bring before anything is
saved. Every change goes through metrics/aksi.py, which checks the place in the asker's scope:
the place is read from the URL on the server, never from what the browser sends."""

from __future__ import annotations

import datetime as dt

import dash
import dash_mantine_components as dmc
from dash import ALL, Input, Output, State, callback, ctx, html

from layouts import aksi as kata
from layouts import format as fmt
from layouts import keadaan, kerangka
from layouts.teks import pick
from metrics import aksi, cakupan, lingkup, periode, wilayah
from metrics.aksi import JENIS, SUMBER_DANA, GalatAksi
from metrics.definisi import PertanyaanTidakSah
from metrics.pertanyaan import dari_teks_ketat

dash.register_page(__name__, path="/aksi", name="Aksi", title=kerangka.judul_tab("aksi"))

KATA = {
    "judul": ("Aksi di {tempat}", "Actions in {tempat}"),
    "isi": (
        "Apa yang dilakukan di wilayah ini dan di bawahnya, dan apakah laju peserta aktif berubah dibanding "
        "wilayah serupa tanpa aksi pada minggu yang sama: laju per minggu sampai 4 minggu sesudah aksi dimulai "
        "dibanding 4 minggu sebelumnya, dikurangi perubahan yang sama di wilayah serupa.",
        "What was done in this region and below it, and whether the pace of active participants changed against "
        "similar regions without an action in the same weeks: the weekly pace up to 4 weeks after the start "
        "against the 4 weeks before, minus the same change in the similar regions.",
    ),
    "kosong": ("Belum ada aksi tercatat.", "No actions recorded yet."),
    "catat": ("Catat aksi", "Record an action"),
    "jenis": ("Jenis", "Kind"),
    "judul_aksi": ("Judul", "Title"),
    "mulai": ("Mulai (tahun-bulan-hari)", "Start (year-month-day)"),
    "mulai_data": ("Data terbaru per {tanggal}", "Newest data: {tanggal}"),
    "selesai": ("Selesai (boleh kosong)", "End (may be empty)"),
    "orang": ("Orang yang didanai (bila ada)", "People funded (if any)"),
    "sumber": ("Sumber dana", "Funded by"),
    "catatan": ("Catatan singkat", "Short note"),
    "simpan": ("Simpan aksi", "Save the action"),
    "hapus": ("Hapus", "Remove"),
    "tersimpan": ("Aksi {id} dicatat.", "Action {id} recorded."),
    "terhapus": ("Aksi {id} dihapus.", "Action {id} removed."),
    "gagal": ("Tidak bisa", "Cannot"),
    "jika": ("Bagaimana jika: danai pekerja rentan", "What if: fund vulnerable workers"),
    "jika_isi": (
        "Iuran Rp16.800 per orang per bulan dari APBD atau CSR, sampai 31 Desember. Dihitung dulu, disimpan hanya bila "
        "Anda memilih menyimpannya sebagai rencana.",
        "Rp16.800 a person a month from the APBD or CSR, to 31 December. Worked out first; saved only if you choose "
        "to save it as a plan.",
    ),
    "n": ("Jumlah pekerja", "Workers"),
    "bulan": ("Mulai bulan", "From month"),
    "hitung": ("Hitung", "Work it out"),
    "rencana": ("Simpan sebagai rencana", "Save as a plan"),
    "kolom": (
        ("Mulai", "Wilayah", "Jenis", "Judul", "Efek pada laju", ""),
        ("Start", "Region", "Kind", "Title", "Effect on the pace", ""),
    ),
    "tanpa_target": ("Wilayah ini belum punya target: capaian tidak bisa dihitung.", "This region has no target yet."),
}


def _k(kunci, b):
    return pick(KATA[kunci], b)


def layout(**query):
    return kerangka.halaman(query, "/aksi", _isi, sampai_rw=False, simpan=False)  # actions change without a build


def _isi(k):
    b = k.bahasa
    if k.tempat_ditolak:  # the URL's place is not this account's to write to
        return dmc.Alert(k.ganti[0], title=_k("gagal", b), color="orange", id="aksi-luar")
    return dmc.Stack(
        [
            dmc.Card(
                [
                    dmc.Title(_k("judul", b).format(tempat=wilayah.nama_lengkap(k.tempat)), order=2),
                    dmc.Text(_k("isi", b), c="dimmed"),
                    html.Div(_daftar(k.tempat.kode, b), id="aksi-daftar"),
                ],
                withBorder=True,
                radius="md",
                padding="lg",
            ),
            dmc.Card(_form_boleh(k), withBorder=True, radius="md", padding="lg"),
            dmc.Card(_jika(b, k), withBorder=True, radius="md", padding="lg"),
        ],
        gap="lg",
    )


def _daftar(kode: str, b: str):
    rows = aksi.daftar(kode)
    if not rows:
        return dmc.Text(_k("kosong", b), id="aksi-kosong")
    kolom = pick(KATA["kolom"], b)
    # each cell's column as a class (assets/cakupan.css sizes them; on a phone each row is a card
    # whose cells name their column, data-label, where the header row is hidden)
    kepala = html.Tr([html.Th(x, className=f"aksi-k-{k}") for x, k in zip(kolom, KOLOM_AKSI, strict=True)])
    efek = aksi.efek_semua(rows)

    def sel(n: int, isi, **kw):
        return html.Td(isi, className=f"aksi-k-{KOLOM_AKSI[n]}", **{"data-label": kolom[n]}, **kw)

    baris = [
        html.Tr(
            [
                sel(0, fmt.tanggal_pendek(a.mulai, b)),
                sel(1, wilayah.nama_lengkap(wilayah.tempat(a.wilayah))),
                sel(
                    2,
                    pick(JENIS[a.jenis], b)
                    + (" (rencana)" if a.rencana and b == "id" else " (plan)" if a.rencana else ""),
                ),
                sel(3, [html.Strong(a.judul), html.Div(a.catatan, className="aksi-catatan") if a.catatan else None]),
                sel(4, kata.efek(efek[a.id], b), id=f"aksi-efek-{a.id}"),
                sel(5, html.Button(_k("hapus", b), id={"type": "aksi-hapus", "id": a.id}, className="tombol-unduh")),
            ]
        )
        for a in reversed(rows)
    ]
    return dmc.Table(
        [html.Thead(kepala), html.Tbody(baris)], striped=True, fz="md", id="aksi-tabel", className="aksi-tabel"
    )


KOLOM_AKSI = ("mulai", "wilayah", "jenis", "judul", "efek", "hapus")  # KATA["kolom"]'s CSS names


def mulai_bawaan(terbaru: dt.date | None, hari_ini: dt.date) -> dt.date:
    """The start date the form offers: today while the data is current, else the newest
    snapshot's date. Weekly loads leave a week or two between the newest snapshot and today; past
    aksi.EFEK_MINGGU weeks the data is not current (the demo, an archive) and an action dated today
    would fall outside every window the page can measure, so the official starts from the day the
    data describes (issue 32, item 7). `terbaru` None (nothing loaded): today."""
    if terbaru is None or hari_ini - terbaru <= dt.timedelta(weeks=aksi.EFEK_MINGGU):
        return hari_ini
    return terbaru


def _terbaru() -> dt.date | None:
    try:
        return periode.daftar()[0]
    except (periode.BelumAdaData, IndexError):
        return None


def _form(b: str) -> list:
    terbaru, hari_ini = _terbaru(), dt.date.today()
    mulai = mulai_bawaan(terbaru, hari_ini)
    catatan = None if mulai == hari_ini else _k("mulai_data", b).format(tanggal=fmt.tanggal(terbaru, b))
    return [
        dmc.Title(_k("catat", b), order=3),
        dmc.Group(
            [
                dmc.Select(
                    id="aksi-jenis",
                    label=_k("jenis", b),
                    data=[{"value": k, "label": pick(v, b)} for k, v in JENIS.items()],
                    value="sosialisasi",
                    allowDeselect=False,
                    w=260,
                ),
                dmc.TextInput(id="aksi-judul", label=_k("judul_aksi", b), w=420),
            ]
        ),
        dmc.Group(
            [
                dmc.TextInput(
                    id="aksi-mulai", label=_k("mulai", b), description=catatan, value=mulai.isoformat(), w=200
                ),
                dmc.TextInput(id="aksi-selesai", label=_k("selesai", b), w=200),
                dmc.TextInput(id="aksi-orang", label=_k("orang", b), w=220),
                dmc.Select(id="aksi-sumber", label=_k("sumber", b), data=list(SUMBER_DANA), clearable=True, w=160),
            ]
        ),
        dmc.Textarea(id="aksi-catatan", label=_k("catatan", b), autosize=True, minRows=1),  # line breaks kept
        html.Button(_k("simpan", b), id="aksi-simpan", className="tombol-keluar"),
        html.Div(id="aksi-pesan"),
    ]


def _form_boleh(k) -> list:
    """The form, or for an account the rule of writes refuses here (lingkup.alasan_tulis, issue 31:
    a branch account) the reason in its place, the fields kept hidden so a click on 'Hapus' is
    answered by the server with the same reason in the message below."""
    tolak = lingkup.alasan_tulis(k.tempat.kode, "aksi_tambah")
    if tolak is None:
        return _form(k.bahasa)
    *isi, pesan = _form(k.bahasa)
    return [dmc.Alert(tolak.teks(k.bahasa), color="orange", id="aksi-tanpa-tulis"), html.Div(isi, hidden=True), pesan]


def _jika(b: str, k) -> list:
    bulan = [
        {"value": str(m), "label": fmt.bulan(dt.date(k.snapshot.year, m, 1), b)} for m in range(k.snapshot.month, 13)
    ]
    return [
        dmc.Title(_k("jika", b), order=3),
        dmc.Text(_k("jika_isi", b), c="dimmed"),
        dmc.Group(
            [
                dmc.NumberInput(id="jika-n", label=_k("n", b), value=100, min=1, max=10_000_000, w=180),
                dmc.Select(id="jika-bulan", label=_k("bulan", b), data=bulan, value=bulan[0]["value"], w=180),
                dmc.Select(id="jika-sumber", label=_k("sumber", b), data=list(SUMBER_DANA), value="APBD", w=160),
            ]
        ),
        dmc.Group(
            [
                html.Button(_k("hitung", b), id="jika-hitung", className="tombol-keluar"),
                html.Button(
                    _k("rencana", b),
                    id="jika-simpan",
                    className="tombol-keluar",
                    disabled=lingkup.alasan_tulis(k.tempat.kode, "aksi_tambah") is not None,  # a branch: no plan
                ),
            ]
        ),
        html.Div(id="jika-hasil"),
    ]


def _keadaan(search):
    """The page's place and snapshot from the URL, read here (the browser's copy is not trusted),
    strictly: a place outside the scope is refused, not replaced by the account's own (a write
    must never land somewhere else than asked)."""
    query = keadaan.dari_search(search)
    return dari_teks_ketat(query), keadaan.bahasa_dari(query)


@callback(
    Output("jika-hasil", "children"),
    Input("jika-hitung", "n_clicks"),
    Input("jika-simpan", "n_clicks"),
    State("jika-n", "value"),
    State("jika-bulan", "value"),
    State("jika-sumber", "value"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def _hitung(_hitung, _simpan, n, bulan, sumber, search):
    """Work the what-if out; on 'save as a plan', record it as a planned funding action."""
    b = keadaan.bahasa_dari(keadaan.dari_search(search))  # a refused URL is answered in its language
    try:
        q, b = _keadaan(search)
        n, bulan = int(n), int(bulan)
        m = cakupan.angka_tempat(q, cakupan.KPI)
        j = aksi.bagaimana_jika(m, n, bulan, q.tanggal)
        teks = kata.jika(m, j, b)
        if ctx.triggered_id == "jika-simpan":
            judul = pick(
                (
                    f"Pendanaan {n} pekerja rentan ({sumber or 'APBD'})",
                    f"Funding {n} vulnerable workers ({sumber or 'APBD'})",
                ),
                b,
            )
            nomor = aksi.tambah(q.tempat.kode, "pendanaan", judul, j["mulai"], dt.date(j["mulai"].year, 12, 31),
                                "", n, sumber or "APBD", rencana=True)  # fmt: skip
            teks += " " + _k("tersimpan", b).format(id=nomor)
        return dmc.Alert(teks, color="blue", id="jika-kalimat")
    except (TypeError, ValueError, GalatAksi, PertanyaanTidakSah, periode.BelumAdaData) as e:
        pesan = e.teks(b) if isinstance(e, PertanyaanTidakSah) else str(e) if isinstance(e, GalatAksi) else "n, bulan?"
        return dmc.Alert(pesan, title=_k("gagal", b), color="red", id="jika-kalimat")


@callback(
    Output("aksi-pesan", "children"),
    Output("aksi-daftar", "children"),
    Input("aksi-simpan", "n_clicks"),
    Input({"type": "aksi-hapus", "id": ALL}, "n_clicks"),
    State("aksi-jenis", "value"),
    State("aksi-judul", "value"),
    State("aksi-mulai", "value"),
    State("aksi-selesai", "value"),
    State("aksi-orang", "value"),
    State("aksi-sumber", "value"),
    State("aksi-catatan", "value"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def _ubah(_simpan, hapus, jenis, judul, mulai, selesai, orang, sumber, catatan, search):
    """Record or remove an action of the URL's place (checked in the asker's scope)."""
    trigger = ctx.triggered_id
    if isinstance(trigger, dict) and not any(isinstance(n, int) and n for n in hapus or []):
        return dash.no_update, dash.no_update
    b = keadaan.bahasa_dari(keadaan.dari_search(search))
    try:
        q, b = _keadaan(search)
        if isinstance(trigger, dict):
            nomor = trigger.get("id")
            if not isinstance(nomor, int):
                return dash.no_update, dash.no_update
            aksi.hapus(nomor)
            pesan = _k("terhapus", b).format(id=nomor)
        else:
            teks = [str(x) if x is not None else "" for x in (jenis, judul, mulai, selesai, orang, sumber, catatan)]
            jenis, judul, mulai, selesai, orang, sumber, catatan = teks
            nomor = aksi.tambah(
                q.tempat.kode, jenis, judul, mulai, selesai or None, catatan, orang or None, sumber or None
            )
            pesan = _k("tersimpan", b).format(id=nomor)
    except (GalatAksi, PertanyaanTidakSah, periode.BelumAdaData) as e:  # TanpaAkses is a PertanyaanTidakSah
        teks = e.teks(b) if isinstance(e, PertanyaanTidakSah) else str(e)
        return dmc.Alert(teks, title=_k("gagal", b), color="red", id="aksi-hasil"), dash.no_update
    return dmc.Alert(pesan, color="green", id="aksi-hasil"), _daftar(q.tempat.kode, b)
