"""Ringkasan: where the chosen place stands against its target, how fast it moves, who lags."""

import dash
import dash_mantine_components as dmc
from dash import dcc

from layouts import format as fmt
from layouts import grafik, kerangka
from layouts.teks import t
from metrics import cakupan

dash.register_page(__name__, path="/", name="Ringkasan", title="Cakupan · Ringkasan")

KPI, PERINGKAT = cakupan.KPI, cakupan.ANAK


def layout(**query):
    return kerangka.halaman(query, "/", _isi)


def _isi(k):
    b = k.bahasa
    hasil = cakupan.tabel_tempat(k.tanya, KPI)
    m = hasil.baris[0]
    parts = [dmc.SimpleGrid(_kartu(m, k), cols={"base": 1, "sm": 2, "lg": 3}, spacing="lg")]
    parts += kerangka.catatan(hasil.catatan, b)
    parts.append(
        dmc.Card(
            [
                dmc.Group(
                    [dmc.Title(t("tren", b), order=3), kerangka.unduh(k, "trend", nama="tren")], justify="space-between"
                ),
                dcc.Graph(
                    id="ringkasan-tren",
                    figure=grafik.tren(cakupan.tren(k.tanya), m, b),
                    config={"displayModeBar": False},
                ),
            ],
            withBorder=True,
            radius="md",
            padding="lg",
        )
    )
    if k.tempat.tingkat_anak and k.tempat.tingkat_anak != "rw":
        parts.append(_peringkat(k))
    return dmc.Stack(parts, gap="lg")


def _kartu(m, k):
    b = k.bahasa
    aktif = m["peserta_aktif"]
    target_note = f"{t('target_tahun', b)} {k.snapshot.year}" if m["target"] else t("tanpa_target", b)
    change_note = (
        (f"+{fmt.angka(m['baru'], b)} {t('baru', b)}, -{fmt.angka(m['berhenti'], b)} {t('berhenti', b)}")
        if m["baru"] is not None
        else "-"
    )
    if m["target"] is None:
        pace_value, pace_note, pace_color = fmt.nilai("laju_4mg", m["laju_4mg"], b), t("tercapai_laju", b), None
    else:
        pace_value = f"{fmt.desimal(m['laju_4mg'], 0, b)} / {fmt.desimal(m['laju_dibutuhkan'], 0, b)}"
        vonis = cakupan.vonis_laju(m)
        if vonis in ("belum", "sudah_tercapai"):
            pace_note = t("laju_belum" if vonis == "belum" else vonis, b)
        elif vonis == "tidak_tercapai":
            pace_note = f"{t('tercapai_laju', b)} / {t('dibutuhkan', b)}: {t('tidak_tercapai', b)}"
        else:
            pace_note = f"{t('tercapai_laju', b)} / {t('dibutuhkan', b)}: {t('tercapai_pada', b)} {fmt.tanggal(m['perkiraan_tercapai'], b)}"
        pace_color = None if m["tepat_waktu"] is None else ("green" if m["tepat_waktu"] else "red")
    return [
        kerangka.kartu(
            fmt.label("peserta_aktif", b),
            fmt.ringkas(aktif, b) if aktif >= 1e6 else fmt.angka(aktif, b),
            f"{fmt.angka(aktif, b)} · {fmt.label('peserta_terdaftar', b).lower()} {fmt.angka(m['peserta_terdaftar'], b)}",
            "ringkasan-aktif",
        ),
        kerangka.kartu(fmt.label("target", b), fmt.angka(m["target"], b), target_note, "ringkasan-target"),
        kerangka.kartu(
            fmt.label("capaian", b),
            fmt.persen(m["capaian"], bahasa=b),
            fmt.definisi_metrik("capaian", b),
            "ringkasan-capaian",
            grafik.warna_capaian(m["capaian"]) if m["capaian"] is not None else None,
        ),
        kerangka.kartu(
            fmt.label("kekurangan", b),
            fmt.angka(m["kekurangan"], b),
            fmt.definisi_metrik("kekurangan", b),
            "ringkasan-kekurangan",
        ),
        kerangka.kartu(t("minggu_ini", b), fmt.tanda(m["perubahan_minggu"], b), change_note, "ringkasan-perubahan"),
        kerangka.kartu(t("laju", b), pace_value, pace_note, "ringkasan-laju", pace_color),
    ]


def _peringkat(k):
    b = k.bahasa
    hasil = cakupan.peringkat(k.tanya, "capaian", PERINGKAT)
    with_target = [r for r in hasil.baris if r["capaian"] is not None]
    isi = (
        dcc.Graph(
            id={"type": "turun-grafik", "nama": "peringkat"},
            figure=grafik.batang_capaian(with_target, b),
            config={"displayModeBar": False},
        )
        if with_target
        else dmc.Text(t("peringkat_kosong", b), size="lg", id="peringkat-kosong")
    )
    return dmc.Card(
        [
            dmc.Group(
                [
                    dmc.Title(f"{t('peringkat_capaian', b)} {k.tempat.nama}", order=3),
                    kerangka.unduh(k, "coverage", hasil.tingkat, nama="peringkat"),
                ],
                justify="space-between",
            ),
            dmc.Text(t("klik_turun", b), c="dimmed"),
            isi,
        ],
        withBorder=True,
        radius="md",
        padding="lg",
    )
