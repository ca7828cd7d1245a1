"""Pembagian target (issue 21): split the target of the place in the URL over the places one
level below, on a basis the official picks and sees first; save it, redo it or remove it. Never
automatic. Every step goes through metrics/pembagian.py, which works the split out again on the
server and checks the place in the asker's scope: the browser's copy is never trusted."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import Input, Output, State, callback, ctx, dcc, html

from layouts import format as fmt
from layouts import keadaan, kerangka
from layouts.teks import pick, t
from metrics import pembagian, periode, wilayah
from metrics.definisi import PertanyaanTidakSah
from metrics.pembagian import DASAR, GalatPembagian
from metrics.pertanyaan import dari_teks_ketat

dash.register_page(__name__, path="/target", name="Pembagian target", title=kerangka.judul_tab("target"))

KATA = {
    "judul": ("Pembagian target {tempat}", "Splitting the target of {tempat}"),
    "isi": (
        "Bagi target {tahun}{segmen} ke wilayah di bawahnya, hanya bila Anda memintanya. Hasilnya target turunan: "
        "ditandai begitu di setiap halaman dan unduhan, dengan dasar dan pembaginya. Target sendiri wilayah di bawah "
        "selalu dipakai; sisanya yang dibagi.",
        "Split the {tahun}{segmen} target over the regions below, only when you ask. The result is derived targets: "
        "marked as such on every page and download, with their basis and who split them. A region's own target is "
        "always kept; the rest is what is split.",
    ),
    "dasar": ("Dasar pembagian", "Split on"),
    "pembulatan": (
        "Dibulatkan ke orang utuh dengan sisa terbesar: tiap wilayah mendapat bagian bulatnya, sisa orang diberikan "
        "satu-satu ke pecahan terbesar (bila sama, menurut urutan kode), sehingga jumlahnya tepat {dibagi}.",
        "Rounded to whole persons by the largest remainder: each region gets the whole part of its share, the persons "
        "left go one each to the largest fractions (ties by code), so they add up to exactly {dibagi}.",
    ),
    "kolom": (
        ("Wilayah", "Dasar", "Bagian", "Target sendiri", "Target turunan"),
        ("Region", "Basis", "Share", "Own target", "Derived target"),
    ),
    "jumlah": ("Jumlah", "Total"),
    "ringkas": (
        "Target {induk}: {target}. Target sendiri di bawahnya: {sendiri}. Dibagi: {dibagi}.",
        "Target of {induk}: {target}. Own targets below it: {sendiri}. Split: {dibagi}.",
    ),
    "tanpa_bagian": (
        "Tanpa target (dasarnya 0): {nama}.",
        "No target (its basis is 0): {nama}.",
    ),
    "simpan": ("Simpan pembagian", "Save the split"),
    "ulangi": ("Ulangi dengan dasar ini", "Redo on this basis"),
    "hapus": ("Hapus pembagian", "Remove the split"),
    "gagal": ("Tidak bisa", "Cannot"),
    "tersimpan": (
        "Pembagian {id} disimpan. Gudang data sedang dibangun ulang; angka di semua halaman berubah setelah selesai.",
        "Split {id} saved. The warehouse is being rebuilt; the numbers on every page change once it is done.",
    ),
    "terhapus": (
        "Pembagian {id} dihapus. Setelah gudang data dibangun ulang, wilayah di bawah hanya memakai target sendiri.",
        "Split {id} removed. Once the warehouse is rebuilt, the regions below keep only targets of their own.",
    ),
    "aktif": (
        "Target {induk} ({target}) dibagi menurut {dasar} oleh {oleh}, {tanggal}: {n} wilayah mendapat target turunan.",
        "The target of {induk} ({target}) was split on {dasar} by {oleh}, {tanggal}: {n} regions got a derived target.",
    ),
    "berlaku": ("Berlaku di semua halaman dan unduhan.", "Applied on every page and download."),
    "menunggu": (
        "Tersimpan, menunggu gudang data dibangun ulang (biasanya kurang dari satu menit). Bila beberapa menit "
        "tidak berubah, minta admin Cakupan membangun ulang gudang data.",
        "Saved, waiting for the warehouse to be rebuilt (usually under a minute). If nothing changes for a few "
        "minutes, ask your Cakupan administrator to rebuild the warehouse.",
    ),
    "lama_dipakai": (
        "Pembagian yang dihapus atau diganti masih dipakai sampai gudang data selesai dibangun ulang.",
        "The removed or replaced split is used until the warehouse has been rebuilt.",
    ),
    "target_berubah": (
        "Target {induk} kini {kini}, bukan {dulu} seperti saat dibagi: ulangi pembagian agar jumlahnya sama.",
        "The target of {induk} is now {kini}, not {dulu} as when it was split: redo the split so they add up.",
    ),
    "kini_sendiri": (
        "Kini punya target sendiri, yang dipakai: {nama}. Ulangi pembagian agar jumlahnya sama dengan target induk.",
        "Now have targets of their own, which are used: {nama}. Redo the split so they add up to the parent's.",
    ),
    "belum": ("Target ini belum dibagi.", "This target has not been split."),
    "usulan": ("Usulan dari angka terkini (belum disimpan)", "Proposal from the latest figures (not saved)"),
    "usulan_ulang": (
        "Bila diulang dengan angka terkini (belum disimpan; yang berlaku ada di atas)",
        "If redone with the latest figures (not saved; the split in force is above)",
    ),
    "jumlah_kini": (
        "Target di bawahnya kini berjumlah {jumlah}, target induk {target}.",
        "The targets below now add up to {jumlah}, the parent's is {target}.",
    ),
    "yakin_hapus": (
        "Hapus pembagian target {tempat}? Wilayah di bawahnya lalu hanya memakai target sendiri.",
        "Remove the split of the target of {tempat}? The regions below then keep only targets of their own.",
    ),
}


def _k(kunci, b):
    return pick(KATA[kunci], b)


def layout(**query):
    return kerangka.halaman(query, "/target", _isi, sampai_rw=False, simpan=False)  # splits change without a build


def _isi(k):
    b = k.bahasa
    if k.tempat_ditolak:  # the URL's place is not this account's to split
        return dmc.Alert(k.ganti[0], title=_k("gagal", b), color="orange", id="target-luar")
    try:
        pembagian.boleh(k.tempat.kode)
    except PertanyaanTidakSah as e:  # a branch account (lingkup.alasan_tulis): no form
        return dmc.Alert(e.teks(b), title=_k("gagal", b), color="orange", id="target-luar")
    q = k.tanya
    segmen = f" segmen {q.filt.segmen}" if q.filt.segmen else ""
    st = pembagian.status(q)  # read once for the whole page
    dasar = pembagian.dasar_awal(q, st)
    ada = st.aktif is not None  # a split to redo or remove
    usulan, bisa = _usulan(q, dasar, b, ada)
    return dmc.Stack(
        [
            dmc.Card(
                [
                    dmc.Title(_k("judul", b).format(tempat=wilayah.nama_lengkap(k.tempat)), order=2),
                    dmc.Text(_k("isi", b).format(tahun=q.tanggal.year, segmen=segmen), c="dimmed"),
                    html.Div(_keadaan(q, st, b), id="target-keadaan"),
                    dcc.Interval(id="target-tunggu", interval=2000, disabled=not st.menunggu),
                ],
                withBorder=True,
                radius="md",
                padding="lg",
            ),
            dmc.Card(
                [
                    dmc.SegmentedControl(
                        id="target-dasar",
                        data=[{"value": d, "label": pick(kata, b)} for d, kata in DASAR.items()],
                        value=dasar,
                        size="md",
                        fullWidth=True,
                        className="target-dasar",
                    ),
                    html.Div(usulan, id="target-usulan"),
                    dmc.Group(
                        [
                            html.Button(
                                _k("ulangi" if ada else "simpan", b), id="target-simpan", className="tombol-keluar",
                                disabled=not bisa,
                            ),
                            dcc.ConfirmDialogProvider(
                                html.Button(
                                    _k("hapus", b), id="target-hapus-tombol", className="tombol-unduh", disabled=not ada
                                ),
                                id="target-hapus",
                                message=_k("yakin_hapus", b).format(tempat=wilayah.nama_lengkap(k.tempat)),
                            ),
                        ]
                    ),
                    html.Div(id="target-pesan"),
                ],
                withBorder=True,
                radius="md",
                padding="lg",
            ),
        ],
        gap="lg",
    )  # fmt: skip


def _keadaan(q, st: pembagian.Status, b: str) -> list:
    """The active split in words: basis, who, when, whether it is applied and whether it is stale."""
    k = st.aktif
    out = [dmc.Alert(_k("lama_dipakai", b), color="yellow", id="target-lama")] if st.lama else []
    if k is None:
        return [*out, dmc.Text(_k("belum", b), id="target-belum", fw=600)]
    p = k.pembagian
    induk = wilayah.nama_lengkap(q.tempat)
    out.append(
        dmc.Text(
            _k("aktif", b).format(
                induk=induk, target=fmt.angka(p.target_induk, b), dasar=t(f"dasar_{p.dasar}", b), oleh=p.oleh,
                tanggal=fmt.tanggal(p.dibuat.date(), b), n=len(p.baris),
            ),
            fw=600, id="target-aktif",
        )
    )  # fmt: skip
    out.append(
        dmc.Alert(_k("berlaku", b), color="green", id="target-status")
        if k.berlaku
        else dmc.Alert(_k("menunggu", b), color="blue", id="target-status")
    )
    jumlah = _k("jumlah_kini", b).format(
        jumlah=fmt.angka(k.jumlah_anak_kini, b),
        target=fmt.angka(k.target_induk_kini, b) if k.target_induk_kini is not None else "-",
    )
    if k.target_induk_kini != p.target_induk:
        kini = fmt.angka(k.target_induk_kini, b) if k.target_induk_kini is not None else "-"
        teks = _k("target_berubah", b).format(induk=induk, kini=kini, dulu=fmt.angka(p.target_induk, b))
        out.append(dmc.Alert(f"{teks} {jumlah}", color="orange", id="target-berubah"))
    elif k.kini_sendiri:
        teks = _k("kini_sendiri", b).format(nama=", ".join(k.kini_sendiri))
        out.append(dmc.Alert(f"{teks} {jumlah}", color="orange", id="target-berubah"))
    return out


def _usulan(q, dasar: str, b: str, ada: bool = False) -> tuple[list, bool]:
    """The split on `dasar` as a table, before anything is saved, and whether it can be saved; or
    why it cannot be made. `ada`: a split is in force (the table is then a redo's)."""
    try:
        u = pembagian.usulan(q, dasar)
    except (GalatPembagian, PertanyaanTidakSah) as e:
        return [dmc.Alert(e.teks(b), title=_k("gagal", b), color="orange", id="target-tidak-bisa")], False
    kanan = {"textAlign": "right"}
    judul = list(pick(KATA["kolom"], b))
    judul[1] = pick(DASAR[dasar], b)  # the basis's own name heads its column
    kepala = html.Tr([html.Th(x, style=kanan if i else {"textAlign": "left"}) for i, x in enumerate(judul)])
    baris = [
        html.Tr(
            [
                html.Td(a.nama),
                html.Td(fmt.angka(a.nilai_dasar, b) if a.target_sendiri is None else "-", style=kanan),
                html.Td(fmt.persen(float(a.bagian), bahasa=b) if a.target_sendiri is None else "-", style=kanan),
                html.Td(fmt.angka(a.target_sendiri, b) if a.target_sendiri is not None else "-", style=kanan),
                html.Td(html.Strong(fmt.angka(a.target, b)) if a.target else "-", style=kanan),
            ]
        )
        for a in u.anak
    ]
    jumlah = html.Tr(
        [
            html.Th(_k("jumlah", b), style={"textAlign": "left"}),
            html.Th(fmt.angka(u.jumlah_dasar, b), style=kanan),
            html.Th(fmt.persen(1.0, bahasa=b), style=kanan),
            html.Th(fmt.angka(u.sendiri, b), style=kanan),
            html.Th(fmt.angka(u.dibagi, b), style=kanan),
        ]
    )
    tanpa = [a.nama for a in u.tanpa_bagian]
    return [
        dmc.Text(_k("usulan_ulang" if ada else "usulan", b), fw=700, size="lg", id="target-usulan-judul"),
        dmc.Text(
            _k("ringkas", b).format(
                induk=wilayah.nama_lengkap(q.tempat),
                target=fmt.angka(u.target_induk, b),
                sendiri=fmt.angka(u.sendiri, b),
                dibagi=fmt.angka(u.dibagi, b),
            ),
            size="lg",
            id="target-ringkas",
        ),  # fmt: skip
        html.Div(
            dmc.Table([html.Thead(kepala), html.Tbody(baris), html.Tfoot(jumlah)], striped=True, fz="md"),
            className="tabel-geser",
            id="target-tabel",
        ),
        dmc.Text(_k("pembulatan", b).format(dibagi=fmt.angka(u.dibagi, b)), c="dimmed"),
        dmc.Text(_k("tanpa_bagian", b).format(nama=", ".join(tanpa)), c="dimmed") if tanpa else None,
    ], True


def _pertanyaan(search):
    """The page's question from the URL, read here, strictly: a place outside the scope is refused,
    never replaced by the account's own (a split must never land somewhere else than asked)."""
    query = keadaan.dari_search(search)
    return dari_teks_ketat(query), keadaan.bahasa_dari(query)


@callback(
    Output("target-usulan", "children"),
    Output("target-simpan", "disabled"),
    Input("target-dasar", "value"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def _pilih(dasar, search):
    """Work the split out on the basis picked, saving nothing; saving is offered only if it can be made."""
    b = keadaan.bahasa_dari(keadaan.dari_search(search))
    try:
        q, b = _pertanyaan(search)
    except (PertanyaanTidakSah, periode.BelumAdaData) as e:
        return dmc.Alert(e.teks(b) if isinstance(e, PertanyaanTidakSah) else str(e), color="red"), True
    isi, bisa = _usulan(q, str(dasar or ""), b, pembagian.keadaan(q) is not None)
    return isi, not bisa


@callback(
    Output("target-pesan", "children"),
    Output("target-keadaan", "children"),
    Output("target-tunggu", "disabled"),
    Output("target-simpan", "children"),
    Output("target-hapus-tombol", "disabled"),
    Input("target-simpan", "n_clicks"),
    Input("target-hapus", "submit_n_clicks"),
    Input("target-tunggu", "n_intervals"),
    State("target-dasar", "value"),
    State("_pages_location", "search"),
    prevent_initial_call=True,
)
def _ubah(_simpan, _hapus, _tunggu, dasar, search):
    """Save (or redo) the split on the basis picked, or remove the active one (after the browser's
    confirmation), then start the build; while a build is pending (the interval), show the split's
    state again until it is served."""
    b = keadaan.bahasa_dari(keadaan.dari_search(search))
    q = None
    try:
        q, b = _pertanyaan(search)
        if ctx.triggered_id == "target-tunggu":
            st = pembagian.status(q)
            pesan = dash.no_update if st.menunggu else None  # served: 'being rebuilt' is no longer true
            return pesan, _keadaan(q, st, b), not st.menunggu, dash.no_update, dash.no_update
        if ctx.triggered_id == "target-hapus":
            k = pembagian.keadaan(q)
            if k is None:
                raise GalatPembagian(KATA["belum"][0], KATA["belum"][1])
            pembagian.hapus(k.pembagian.id)
            pesan = _k("terhapus", b).format(id=k.pembagian.id)
        else:
            nomor = pembagian.simpan(q, str(dasar or ""))
            pesan = _k("tersimpan", b).format(id=nomor)
        pembagian.terapkan()
    except (GalatPembagian, PertanyaanTidakSah, periode.BelumAdaData) as e:  # TanpaAkses is a PertanyaanTidakSah
        teks = e.teks(b) if isinstance(e, (GalatPembagian, PertanyaanTidakSah)) else str(e)
        gagal = dmc.Alert(teks, title=_k("gagal", b), color="red", id="target-hasil")
        tunggu = dash.no_update if q is None else not pembagian.status(q).menunggu  # keep following a build
        return gagal, dash.no_update, tunggu, dash.no_update, dash.no_update
    st = pembagian.status(q)
    tombol = _k("ulangi" if st.aktif else "simpan", b)
    pesan = dmc.Alert(pesan, color="green", id="target-hasil")
    return pesan, _keadaan(q, st, b), not st.menunggu, tombol, st.aktif is None
