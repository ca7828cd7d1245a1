"""Wilayah: the places below the chosen one, in a sortable table and a chart; a click goes down."""

import dash
import dash_mantine_components as dmc
from dash import dcc

from layouts import format as fmt
from layouts import grafik, kerangka, peta
from layouts.teks import t
from metrics import cakupan

dash.register_page(__name__, path="/wilayah", name="Wilayah", title=kerangka.judul_tab("wilayah"))

# What fits a projector's 1280 px without a scroll (registered persons are on Ringkasan and in the
# download); a 1 RW 100 target is marked in its cell (kerangka.kolom_metrik), not by a column.
KOLOM = [
    "peserta_aktif",
    "target_acuan",
    "capaian_acuan",
    "kekurangan_acuan",
    "perubahan_minggu",
    "laju_4mg",
    "laju_dibutuhkan_acuan",
]
DIMINTA = [*KOLOM, "jenis_target", "peserta_terdaftar"]


def layout(**query):
    return kerangka.halaman(query, "/wilayah", _isi)


def _isi(k):
    b = k.bahasa
    if k.tempat.tingkat_anak is None:
        m = cakupan.angka_tempat(k.tanya, DIMINTA)
        return dmc.Stack(
            [
                dmc.Alert(t("rw_terbawah", b), color="blue", id="wilayah-rw"),
                dmc.SimpleGrid(
                    [
                        kerangka.kartu(
                            fmt.label(n, b),
                            fmt.nilai(n, m[n], b),
                            fmt.definisi_metrik(n, b),
                            f"wilayah-{n.removesuffix('_acuan')}",
                        )
                        for n in ("peserta_aktif", "target_acuan", "capaian_acuan", "kekurangan_acuan")
                    ],
                    cols={"base": 1, "sm": 2, "lg": 4},
                ),
            ]
        )
    hasil = cakupan.anak(k.tanya, DIMINTA)
    judul = f"{t('anak', b)} {k.tempat.nama}"
    known = [r for r in hasil.baris if r["kode_wilayah"]]
    parts = [
        dmc.Group(
            [dmc.Title(judul, order=3), kerangka.unduh(k, "coverage", hasil.tingkat, nama="wilayah")],
            justify="space-between",
        ),
        dmc.Text(t("klik_turun", b), c="dimmed"),
    ]
    parts += kerangka.catatan(hasil.catatan, b)
    if not any(r["peserta_terdaftar"] for r in hasil.baris):
        parts.append(
            dmc.Alert(
                t("wilayah_kosong", b),
                color="yellow",
                id="wilayah-kosong",
            )
        )
    if not any(r["target_acuan"] for r in known) and hasil.tingkat != "rw":
        parts.append(
            dmc.Alert(
                t("anak_tanpa_target", b),
                color="gray",
                id="wilayah-tanpa-target",
            )
        )
    if any(r["jenis_target"] == "1rw100" for r in known) and hasil.tingkat != "rw":
        parts.append(dmc.Text(t("tanda_1rw100", b), c="dimmed", id="wilayah-tanda-1rw100"))
    if any(r["jenis_target"] == "turunan" for r in known):
        parts.append(dmc.Text(t("tanda_turunan", b), c="dimmed", id="wilayah-tanda-turunan"))
    jumlah = cakupan.angka_tempat(k.tanya, DIMINTA) if hasil.tingkat != "rw" else None
    beda = kerangka.beda_dasar(k, jumlah, hasil.baris, "wilayah-dasar") if jumlah else None
    parts.append(beda)  # above the coloured table: what its colours measure
    parts.append(kerangka.grid("wilayah", hasil.baris, KOLOM, b, jumlah=jumlah))
    if jumlah:
        parts.append(dmc.Text(t("seluruh_isi", b), c="dimmed", id="wilayah-seluruh"))
    with_target = [r for r in known if r["capaian_acuan"] is not None]
    figure = (
        grafik.batang_capaian(cakupan.urut(with_target, "capaian", grafik.BATANG), b)
        if with_target
        else grafik.batang_aktif(known, b)
    )
    beda_peta = kerangka.beda_dasar(k, jumlah, hasil.baris, "wilayah-peta-dasar") if jumlah else None
    bagian_peta = peta.bagian(k.tempat, hasil.baris, b, "wilayah-peta", beda_peta)  # a click drills down as a row does
    if bagian_peta is not None:
        parts.append(bagian_peta)
    parts.append(
        dcc.Graph(id={"type": "turun-grafik", "nama": "wilayah"}, figure=figure, config={"displayModeBar": False})
    )
    return dmc.Stack(parts, gap="md")
