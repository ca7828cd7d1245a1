"""Segmen & Program: who is covered (PU, BPU, Jakon, PMI), by which programme, paid by whom."""

import dash
import dash_mantine_components as dmc
from dash import dcc

from layouts import format as fmt
from layouts import grafik, kerangka
from layouts.teks import pick, t
from metrics import cakupan, definisi

dash.register_page(__name__, path="/segmen", name="Segmen & Program", title=kerangka.judul_tab("segmen"))

PROGRAM = [f"aktif_{p.lower()}" for p in definisi.PROGRAM]


def layout(**query):
    return kerangka.halaman(query, "/segmen", _isi, sampai_rw=False)


def _nama(kamus, kode, b):
    return pick(kamus[kode], b) if kode in kamus else str(kode)


def _kartu(judul, figure, unduhan, id_, kosong: str | None = None):
    """A chart's card; with `kosong` (no one in it) the word instead of an empty chart."""
    isi = (
        dmc.Text(kosong, size="lg", c="dimmed", id=f"{id_}-kosong")
        if kosong
        else dcc.Graph(id=id_, figure=figure, config={"displayModeBar": False})
    )
    return dmc.Card(
        [
            dmc.Group([dmc.Title(judul, order=3), unduhan], justify="space-between"),
            isi,
        ],
        withBorder=True,
        radius="md",
        padding="lg",
    )


def _rincian(k, rows: list[dict], judul: str, nama: str, dimensi: str, kamus: dict | None = None, **unduhan):
    """A breakdown's card: registered and active per value (named from `kamus`), its download."""
    b = k.bahasa
    return _kartu(
        t(judul, b),
        grafik.batang_pasangan(
            [_nama(kamus, r["nilai"], b) if kamus else r["nilai"] for r in rows],
            [r["peserta_terdaftar"] for r in rows],
            [r["peserta_aktif"] for r in rows],
            b,
        ),
        kerangka.unduh(k, "rincian", nama=nama, dimensi=dimensi, **unduhan),
        f"segmen-{nama}",
        None if any(r["peserta_terdaftar"] for r in rows) else t("segmen_kosong", b),
    )


def _program(k):
    """Active persons per programme. Under a programme filter only that programme's bar, with the
    note why: the rollups do not cross programmes, so another's count is unknown (cakupan)."""
    b = k.bahasa
    m = cakupan.angka_tempat(k.tanya, PROGRAM)
    kode = [p for p in definisi.PROGRAM if m[f"aktif_{p.lower()}"] is not None]
    kartu = _kartu(
        t("per_program", b),
        grafik.batang_satu(
            [f"{p} · {pick(definisi.PROGRAM[p], b)}" for p in kode],
            [m[f"aktif_{p.lower()}"] for p in kode],
            b,
            [fmt.angka(m[f"aktif_{p.lower()}"], b) for p in kode],
        ),
        kerangka.unduh(k, "coverage", k.tempat.tingkat, nama="program"),
        "segmen-program",
        None if any(m[f"aktif_{p.lower()}"] for p in kode) else t("segmen_kosong", b),
    )
    kartu.children.extend(kerangka.catatan(cakupan.catatan_program(k.filt), b))
    return kartu


def _isi(k):
    parts = []
    parts.append(_rincian(k, cakupan.rincian(k.tanya, "segmen"), "per_segmen", "segmen", "segmen", definisi.SEGMEN))
    parts.append(_program(k))
    sumber = cakupan.rincian(k.tanya, "sumber_iuran")
    parts.append(_rincian(k, sumber, "per_sumber", "sumber", "sumber_iuran", definisi.SUMBER_IURAN))
    kerja = cakupan.pekerjaan_bpu(k.tanya)
    if kerja is not None:
        parts.append(_rincian(k, kerja, "pekerjaan_bpu", "pekerjaan", "pekerjaan", segmen="BPU"))
    return dmc.SimpleGrid(parts, cols={"base": 1, "xl": 2}, spacing="lg")
