"""Cakupan: the Dash app shell. Pages live in layouts/pages; numbers come from metrics/."""
from __future__ import annotations

import argparse
import sys

import dash
import dash_mantine_components as dmc
from dash import html

import settings


def create_app() -> dash.Dash:
    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder=str(settings.ROOT / "layouts" / "pages"),
        title="Cakupan",
        suppress_callback_exceptions=True,
    )
    app.layout = dmc.MantineProvider(
        dmc.AppShell(
            [
                dmc.AppShellHeader(
                    dmc.Group(
                        [dmc.Title("Cakupan", order=1, size="h2"),
                         dmc.Text("Kepesertaan BPJS Ketenagakerjaan", size="lg", c="dimmed")],
                        h="100%", px="lg",
                    ),
                ),
                dmc.AppShellMain(html.Div(dash.page_container, style={"padding": "24px"})),
            ],
            header={"height": 64},
        ),
        forceColorScheme="light",
    )
    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Menjalankan dasbor Cakupan.")
    parser.add_argument("--host", default=settings.host(), help="default 127.0.0.1 (atau HOST)")
    parser.add_argument("--port", type=int, default=settings.port(), help="default 8050 (atau PORT)")
    parser.add_argument("--no-demo", action="store_true", help="jangan membuat data demo bila gudang kosong")
    args = parser.parse_args(argv)
    if not args.no_demo:
        from etl import demo  # first-start bootstrap: the one place the shell calls ETL

        demo.ensure_demo()
    print(f"Cakupan berjalan di http://{args.host}:{args.port}/", flush=True)
    create_app().run(host=args.host, port=args.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
