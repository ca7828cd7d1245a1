"""Anggaran: what the region must budget to pay pekerja rentan contributions at Rp16.800 a month."""

import dash
import dash_mantine_components as dmc

from layouts import format as fmt
from layouts import kerangka
from layouts.teks import t
from metrics import cakupan, definisi

dash.register_page(__name__, path="/anggaran", name="Anggaran", title=kerangka.judul_tab("anggaran"))

METRIK = definisi.EKSPOR["budget"]
ANAK = ["pekerja_rentan", "rentan_apbd", "rentan_csr", "rentan_lain", "anggaran_sisa_tahun", "anggaran_setahun"]


def layout(**query):
    return kerangka.halaman(query, "/anggaran", _isi, sampai_rw=False)


def _isi(k):
    b = k.bahasa
    m = cakupan.angka_tempat(k.tanya, METRIK)
    cards = [
        kerangka.kartu(
            fmt.label("pekerja_rentan", b),
            fmt.ringkas(m["pekerja_rentan"], b),
            f"{fmt.label('pekerja_rentan_aktif', b)}: {fmt.angka(m['pekerja_rentan_aktif'], b)}",
            "anggaran-rentan",
        ),
        kerangka.kartu(
            fmt.label("anggaran_sisa_tahun", b),
            fmt.rupiah_ringkas(m["anggaran_sisa_tahun"], b),
            f"{fmt.rupiah(m['anggaran_sisa_tahun'], b)} · {fmt.angka(m['bulan_tersisa'], b)} {t('kata_bulan', b)}"
            f" x {fmt.rupiah(m['iuran_per_bulan'], b)}",
            "anggaran-sisa",
            penuh=fmt.rupiah(m["anggaran_sisa_tahun"], b),
        ),
        kerangka.kartu(
            fmt.label("anggaran_setahun", b),
            fmt.rupiah_ringkas(m["anggaran_setahun"], b),
            f"{fmt.rupiah(m['anggaran_setahun'], b)} · 12 {t('kata_bulan', b)} x {fmt.rupiah(m['iuran_per_bulan'], b)}",
            "anggaran-setahun",
            penuh=fmt.rupiah(m["anggaran_setahun"], b),
        ),
    ]
    rows = []
    for sumber in ("apbd", "csr", "lain"):
        # each cell names its column (data-label): on a phone a row is a card (cakupan.css)
        rows.append(
            dmc.TableTr(
                [
                    dmc.TableTd(fmt.label(f"rentan_{sumber}", b)),
                    dmc.TableTd(
                        fmt.angka(m[f"rentan_{sumber}"], b),
                        ta="right",
                        **{"data-label": fmt.label("pekerja_rentan", b)},
                    ),
                    dmc.TableTd(
                        fmt.rupiah(m[f"anggaran_sisa_tahun_{sumber}"], b),
                        ta="right",
                        **{"data-label": fmt.label("anggaran_sisa_tahun", b)},
                    ),
                    dmc.TableTd(
                        fmt.rupiah(m[f"anggaran_setahun_{sumber}"], b),
                        ta="right",
                        **{"data-label": fmt.label("anggaran_setahun", b)},
                    ),
                ]
            )
        )
    head = dmc.TableThead(
        dmc.TableTr(
            [
                dmc.TableTh(t("per_sumber_dana", b)),
                dmc.TableTh(fmt.label("pekerja_rentan", b), ta="right"),
                dmc.TableTh(fmt.label("anggaran_sisa_tahun", b), ta="right"),
                dmc.TableTh(fmt.label("anggaran_setahun", b), ta="right"),
            ]
        )
    )
    parts = [
        dmc.Group(
            [
                dmc.Title(f"{t('anggaran_judul', b)} · {k.tempat.nama}", order=3),
                kerangka.unduh(k, "budget", k.tempat.tingkat, nama="anggaran"),
            ],
            justify="space-between",
        ),
        dmc.Text(t("anggaran_rumus", b), c="dimmed", size="lg"),
        dmc.SimpleGrid(cards, cols={"base": 1, "md": 3}, spacing="lg"),
        dmc.Table(
            [head, dmc.TableTbody(rows)],
            fz="lg",
            striped=True,
            withTableBorder=True,
            id="anggaran-sumber",
            className="tabel-kartu",
        ),
    ]
    if k.tempat.tingkat_anak and k.tempat.tingkat_anak != "rw":
        hasil = cakupan.anak(k.tanya, ANAK)
        parts += [
            dmc.Group(
                [
                    dmc.Title(f"{t('anggaran_anak', b)} {k.tempat.nama}", order=3),
                    kerangka.unduh(k, "budget", hasil.tingkat, nama="anggaran-anak"),
                ],
                justify="space-between",
            ),
            kerangka.grid("anggaran", hasil.baris, ANAK, b, jumlah=m),
            dmc.Text(t("seluruh_isi_anggaran", b), c="dimmed"),
        ]
    return dmc.Stack(parts, gap="md")
