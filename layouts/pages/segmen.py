"""Segmen & Program: who is covered (PU, BPU, Jakon, PMI), by which programme, paid by whom."""

import dash
import dash_mantine_components as dmc
from dash import dcc

from layouts import format as fmt
from layouts import grafik, kerangka
from layouts.teks import pick, t
from metrics import cakupan, definisi

dash.register_page(__name__, path="/segmen", name="Segmen & Program", title="Cakupan · Segmen & Program")

PROGRAM = [f"aktif_{p.lower()}" for p in definisi.PROGRAM]


def layout(**query):
    return kerangka.halaman(query, "/segmen", _isi, sampai_rw=False)


def _nama(kamus, kode, b):
    return pick(kamus[kode], b) if kode in kamus else str(kode)


def _kartu(judul, figure, unduhan, id_):
    return dmc.Card(
        [
            dmc.Group([dmc.Title(judul, order=3), unduhan], justify="space-between"),
            dcc.Graph(id=id_, figure=figure, config={"displayModeBar": False}),
        ],
        withBorder=True,
        radius="md",
        padding="lg",
    )


def _isi(k):
    b = k.bahasa
    parts = []
    seg = cakupan.rincian(k.tanya, "segmen")
    parts.append(
        _kartu(
            t("per_segmen", b),
            grafik.batang_pasangan(
                [_nama(definisi.SEGMEN, r["nilai"], b) for r in seg],
                [r["peserta_terdaftar"] for r in seg],
                [r["peserta_aktif"] for r in seg],
                b,
            ),
            kerangka.unduh(k, "rincian", nama="segmen", dimensi="segmen"),
            "segmen-segmen",
        )
    )
    m = cakupan.angka_tempat(k.tanya, PROGRAM)
    parts.append(
        _kartu(
            t("per_program", b),
            grafik.batang_satu(
                [f"{p} · {pick(n, b)}" for p, n in definisi.PROGRAM.items()],
                [m[x] for x in PROGRAM],
                b,
                [fmt.angka(m[x], b) for x in PROGRAM],
            ),
            kerangka.unduh(k, "coverage", k.tempat.tingkat, nama="program"),
            "segmen-program",
        )
    )
    src = cakupan.rincian(k.tanya, "sumber_iuran")
    parts.append(
        _kartu(
            t("per_sumber", b),
            grafik.batang_pasangan(
                [_nama(definisi.SUMBER_IURAN, r["nilai"], b) for r in src],
                [r["peserta_terdaftar"] for r in src],
                [r["peserta_aktif"] for r in src],
                b,
            ),
            kerangka.unduh(k, "rincian", nama="sumber", dimensi="sumber_iuran"),
            "segmen-sumber",
        )
    )
    kerja = cakupan.pekerjaan_bpu(k.tanya)
    if kerja is not None:
        parts.append(
            _kartu(
                t("pekerjaan_bpu", b),
                grafik.batang_pasangan(
                    [r["nilai"] for r in kerja],
                    [r["peserta_terdaftar"] for r in kerja],
                    [r["peserta_aktif"] for r in kerja],
                    b,
                ),
                kerangka.unduh(k, "rincian", nama="pekerjaan", dimensi="pekerjaan", segmen="BPU"),
                "segmen-pekerjaan",
            )
        )
    return dmc.SimpleGrid(parts, cols={"base": 1, "xl": 2}, spacing="lg")
