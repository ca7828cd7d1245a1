"""Ringkasan: where the nation stands against its target, for the newest snapshot."""
import dash
import dash_mantine_components as dmc
from dash import html

from layouts import format as fmt
from metrics import cakupan, periode
from metrics.periode import BelumAdaData

dash.register_page(__name__, path="/", name="Ringkasan", title="Cakupan · Ringkasan")


def _kartu(label: str, value: str, note: str, id_: str):
    return dmc.Card(
        [
            dmc.Text(label, size="lg", c="dimmed", fw=500),
            dmc.Text(value, id=id_, fz=44, fw=700, lh=1.1),
            dmc.Text(note, size="md", c="dimmed"),
        ],
        withBorder=True, radius="md", padding="lg",
    )


def layout(**_query):
    try:
        angka = cakupan.tempat("ID", metrik=["peserta_terdaftar", "peserta_aktif", "target", "capaian", "kekurangan"])
    except BelumAdaData:
        return dmc.Alert(
            "Belum ada snapshot peserta. Muat data dengan 'python -m etl load BERKAS --as-of YYYY-MM-DD' "
            "atau buat data demo dengan 'python -m etl demo'.",
            title="Belum ada data", color="yellow", id="ringkasan-kosong",
        )
    tanggal = periode.periode().tanggal
    target_note = f"target tahun {tanggal.year}" if angka["target"] else "belum ada target nasional"
    return dmc.Stack(
        [
            dmc.Title("Indonesia", order=2),
            dmc.Text(f"Data per {fmt.tanggal(tanggal)}", size="lg", id="ringkasan-tanggal"),
            dmc.SimpleGrid(
                [
                    _kartu("Peserta aktif", fmt.angka(angka["peserta_aktif"]), "aktif membayar iuran", "ringkasan-aktif"),
                    _kartu("Target", fmt.angka(angka["target"]), target_note, "ringkasan-target"),
                    _kartu("Capaian", fmt.persen(angka["capaian"]), "peserta aktif / target", "ringkasan-capaian"),
                    _kartu("Kekurangan", fmt.angka(angka["kekurangan"]), "menuju target", "ringkasan-kekurangan"),
                ],
                cols={"base": 1, "sm": 2, "lg": 4}, spacing="lg",
            ),
            dmc.Text(f"Peserta terdaftar: {fmt.angka(angka['peserta_terdaftar'])}", size="lg"),
        ],
        gap="md",
    )
