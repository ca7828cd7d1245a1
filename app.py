"""Cakupan: the Dash app shell. Pages live in layouts/pages; numbers come from metrics/."""
from __future__ import annotations

import argparse
import sys

import dash
import settings


def create_app() -> dash.Dash:
    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder=str(settings.ROOT / "layouts" / "pages"),
        assets_folder=str(settings.ROOT / "assets"),
        title="Cakupan",
        suppress_callback_exceptions=True,
    )
    from layouts import kerangka, unduh

    app.layout = kerangka.shell(dash.page_container)
    unduh.pasang(app.server)
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
