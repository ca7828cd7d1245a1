"""The page for an address no page has (Dash pages shows the module of this name): in the
official's language, with the way back, instead of Dash's "404 - Page not found"."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import dcc

from layouts import kerangka
from layouts.teks import pick, t

dash.register_page(__name__, path="/404", name="Tidak ditemukan", title=kerangka.judul_tab("tidak_ditemukan"))

KATA = {
    "isi": (
        "Alamat ini tidak ada di Cakupan. Mungkin tautannya terpotong atau sudah lama; pilih halaman dari menu di "
        "atas, atau kembali ke Ringkasan.",
        "This address is not in Cakupan. The link may be cut short or old; pick a page from the menu above, or go "
        "back to Ringkasan.",
    ),
    "kembali": ("Kembali ke Ringkasan", "Back to Ringkasan"),
}


def layout(bahasa: str | None = None, **_query) -> dmc.Stack:
    """What the official reads; `bahasa` from the URL ('en' for English, else Indonesian)."""
    b = "en" if bahasa == "en" else "id"
    return dmc.Stack(
        [
            dmc.Title(t("tidak_ditemukan", b), order=2),
            dmc.Text(pick(KATA["isi"], b)),
            dcc.Link(pick(KATA["kembali"], b), href="/?bahasa=en" if b == "en" else "/"),
        ],
        gap="md",
        p="md",
    )
