"""Langganan: the weekly report of this view (place and filters in the URL) by email, every time
new data is loaded (issue 20). An account subscribes itself; an admin may subscribe an account
inside its scope. The list shows what the asker may manage and each one's last delivery. Every
change goes through metrics/langganan.py, which checks it in the subscribing account's scope:
nothing the browser sends is trusted (the place and filters are read from the URL on the server).
"""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import ALL, Input, Output, State, callback, ctx, html

from akses import pengguna as akun_mod
from layouts import format as fmt
from layouts import keadaan, kerangka
from layouts.teks import kata_status, pick
from metrics import langganan, lingkup, periode, wilayah
from metrics.definisi import SARINGAN_MENURUT_KUNCI, PertanyaanTidakSah

dash.register_page(__name__, path="/langganan", name="Langganan", title=kerangka.judul_tab("langganan"))

BAHASA_LAPORAN = {"id": ("Bahasa Indonesia", "Indonesian"), "en": ("Inggris", "English")}  # a report's language, named
KATA = {
    "judul": ("Laporan mingguan lewat surel", "Weekly report by email"),
    "isi": (
        "Tinjauan Mingguan tampilan ini ({tempat}; {saringan}) dikirim ke alamat di bawah: laporan data terbaru "
        "pada pengiriman terjadwal berikutnya, lalu satu laporan setiap kali data baru dimuat. Isinya angka utama "
        "di badan surel, tinjauannya sebagai PDF, dan tautan ke dasbor.",
        "This view's weekly review ({tempat}; {saringan}) is sent to the addresses below: the newest data's report "
        "at the next scheduled send, then one report each time new data is loaded. It holds the headline in the "
        "email, the review as a PDF, and a link to the dashboard.",
    ),
    "alamat": ("Alamat surel (pisahkan dengan koma)", "Email addresses (comma-separated)"),
    "bahasa": ("Bahasa laporan", "Report language"),
    "akun": ("Untuk akun", "For account"),
    "tombol": ("Berlangganan", "Subscribe"),
    "daftar": ("Langganan", "Subscriptions"),
    "kosong": ("Belum ada langganan.", "No subscriptions yet."),
    "hentikan": ("Hentikan", "Stop"),
    "berhasil": (
        "Langganan {id} dibuat. Laporan data terbaru ({tanggal}) dikirim pada pengiriman terjadwal berikutnya, "
        "lalu satu laporan setiap kali data baru dimuat.",
        "Subscription {id} made. The report of the newest data ({tanggal}) goes out at the next scheduled send, "
        "then one report each time new data is loaded.",
    ),
    "dihentikan": ("Langganan {id} dihentikan.", "Subscription {id} stopped."),
    "gagal": ("Tidak bisa", "Cannot"),
    "kolom": (
        ("No.", "Akun", "Wilayah", "Saringan", "Bahasa", "Alamat", "Terakhir dikirim", ""),
        ("No.", "Account", "Region", "Filters", "Language", "Addresses", "Last sent", ""),
    ),
    "semua_peserta": ("semua peserta", "all participants"),
}


def _k(kunci, b):
    return pick(KATA[kunci], b)


def layout(**query):
    return kerangka.halaman(query, "/langganan", _isi, simpan=False)  # the list changes without a new build


def kata_saringan(saringan: dict, b: str) -> str:
    """A subscription's filters (the URL's texts) in words: 'Segmen: Bukan Penerima Upah (BPU)'."""
    kata = []
    for kunci, nilai in saringan.items():
        s = SARINGAN_MENURUT_KUNCI.get(kunci)
        if s is None:
            continue
        arti = pick(s.pilihan[nilai], b) if s.pilihan and nilai in s.pilihan else nilai
        kata.append(f"{pick(s.label, b)}: {arti}")
    return ", ".join(kata)


def _isi(k):
    b = k.bahasa
    saya = lingkup.aktif()
    if k.tempat_ditolak:  # the URL's place is not this account's to ask
        return dmc.Alert(k.ganti[0], title=_k("gagal", b), color="orange", id="langganan-luar")
    saringan = kata_saringan({kk: v for kk, v in k.query.items() if kk in langganan.KUNCI_SARINGAN}, b)
    form = [
        dmc.Title(_k("judul", b), order=2),
        dmc.Text(
            _k("isi", b).format(tempat=wilayah.nama_lengkap(k.tempat), saringan=saringan or _k("semua_peserta", b)),
            size="lg",
        ),
        dmc.TextInput(id="langganan-alamat", label=_k("alamat", b), placeholder="kepala@kab.example.go.id", size="md"),
        dmc.Group(
            [
                dmc.Select(
                    id="langganan-bahasa",
                    label=_k("bahasa", b),
                    data=[{"value": "id", "label": "Bahasa Indonesia"}, {"value": "en", "label": "English"}],
                    value=b,
                    allowDeselect=False,
                    w=220,
                ),
                *_pilih_akun(saya, b),
            ]
        ),
        html.Button(_k("tombol", b), id="langganan-tambah", className="tombol-keluar"),
        html.Div(id="langganan-pesan"),
    ]
    return dmc.Stack(
        [
            dmc.Card(dmc.Stack(form, gap="sm"), withBorder=True, radius="md", padding="lg"),
            dmc.Card(
                [dmc.Title(_k("daftar", b), order=3), html.Div(_daftar(b), id="langganan-daftar")],
                withBorder=True,
                radius="md",
                padding="lg",
            ),
        ],
        gap="lg",
    )


def _pilih_akun(saya: lingkup.Lingkup, b: str) -> list:
    """An admin picks the account (its own or one inside its scope); others subscribe themselves
    (the field is there, hidden: the server decides who may name whom)."""
    if not saya.admin:
        return [dmc.Select(id="langganan-akun", data=[saya.nama], value=saya.nama, display="none")]
    akun = [
        a.nama
        for a in akun_mod.daftar()
        if a.aktif and saya.memuat(a.wilayah) and saya.kantor_cabang in (None, a.kantor_cabang)
    ]
    if saya.nama not in akun:
        akun.insert(0, saya.nama)
    return [dmc.Select(id="langganan-akun", label=_k("akun", b), data=akun, value=saya.nama, searchable=True, w=280)]


def _daftar(b: str):
    """The subscriptions the asker may manage, with each one's last delivery."""
    rows = langganan.daftar()
    if not rows:
        return dmc.Text(_k("kosong", b), c="dimmed", id="langganan-kosong")
    terakhir = langganan.terakhir()
    kepala = html.Tr([html.Th(x) for x in pick(KATA["kolom"], b)])
    baris = []
    for lg in rows:
        k = terakhir.get(lg.id)
        kirim = (
            f"{fmt.tanggal(_tanggal(k['tanggal_data']), b)}: {kata_status(k['status'], b)}"
            + (f" ({k['galat']})" if k["status"] == "gagal" and k["galat"] else "")
            if k
            else "-"
        )
        saringan = kata_saringan(lg.saringan, b) or _k("semua_peserta", b)
        baris.append(
            html.Tr(
                [
                    html.Td(str(lg.id)),
                    html.Td(lg.pengguna),
                    html.Td(_nama(lg.wilayah)),
                    html.Td(saringan),
                    html.Td(pick(BAHASA_LAPORAN.get(lg.bahasa, (lg.bahasa, lg.bahasa)), b)),
                    html.Td(", ".join(lg.kepada)),
                    html.Td(kirim),
                    html.Td(
                        html.Button(
                            _k("hentikan", b), id={"type": "langganan-hapus", "id": lg.id}, className="tombol-unduh"
                        )
                    ),
                ]
            )
        )
    # a phone scrolls the table sideways inside its card: every column, the stop button too, in reach
    return dmc.TableScrollContainer(
        dmc.Table([html.Thead(kepala), html.Tbody(baris)], striped=True, fz="md", id="langganan-tabel"),
        minWidth=640,
    )


def _nama(kode: str) -> str:
    try:
        return f"{wilayah.nama_lengkap(wilayah.tempat(kode))} ({kode})"
    except PertanyaanTidakSah:
        return kode


def _tanggal(teks: str):
    import datetime as dt

    return dt.date.fromisoformat(teks)


@callback(
    Output("langganan-pesan", "children"),
    Output("langganan-daftar", "children"),
    Output("langganan-alamat", "value"),
    Input("langganan-tambah", "n_clicks"),
    Input({"type": "langganan-hapus", "id": ALL}, "n_clicks"),
    State("langganan-alamat", "value"),
    State("langganan-bahasa", "value"),
    State("langganan-akun", "value"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def _ubah(_tambah, hapus, alamat, bahasa_laporan, akun, search):
    """Subscribe, or stop one: the place and filters come from the URL, read and checked here in
    the subscribing account's scope; the account from the admin's pick, checked the same way."""
    query = keadaan.dari_search(search)
    b = keadaan.bahasa_dari(query)
    trigger = ctx.triggered_id
    if not trigger or (isinstance(trigger, dict) and not any(isinstance(n, int) and n for n in hapus or [])):
        return dash.no_update, dash.no_update, dash.no_update
    try:
        if isinstance(trigger, dict):
            nomor = trigger.get("id")
            if not isinstance(nomor, int):
                return dash.no_update, dash.no_update, dash.no_update
            langganan.hapus(nomor)
            pesan = dmc.Alert(_k("dihentikan", b).format(id=nomor), color="green", id="langganan-hasil")
        else:
            akun = akun if isinstance(akun, str) and akun else lingkup.aktif().nama
            saringan = {kk: query[kk] for kk in langganan.KUNCI_SARINGAN if query.get(kk)}
            bahasa_laporan = bahasa_laporan if bahasa_laporan in ("id", "en") else b
            nomor = langganan.tambah(
                akun, query.get("wilayah") or lingkup.aktif().wilayah, str(alamat or ""), saringan, bahasa_laporan
            )
            terbaru = fmt.tanggal(periode.daftar()[0], b)  # the report a new subscription gets first (laporan.kirim)
            pesan = dmc.Alert(_k("berhasil", b).format(id=nomor, tanggal=terbaru), color="green", id="langganan-hasil")
    except (langganan.GalatLangganan, PertanyaanTidakSah) as e:  # TanpaAkses is one
        teks = e.teks(b)  # the reason in the page's language (both errors carry both)
        return dmc.Alert(teks, title=_k("gagal", b), color="red", id="langganan-hasil"), dash.no_update, dash.no_update
    return pesan, _daftar(b), ("" if not isinstance(trigger, dict) else dash.no_update)  # a second click makes no twin
