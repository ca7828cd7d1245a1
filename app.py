"""Cakupan: the Dash app shell. Pages live in layouts/pages; numbers come from metrics/.
Nothing is served without login (server/masuk.py); production runs `wsgi:server` in gunicorn."""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys

import dash
from werkzeug.serving import WSGIRequestHandler

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
    from layouts import kerangka
    from server import masuk, statis, tinjauan, unduh

    app.layout = lambda: kerangka.shell(dash.page_container)  # per request: the account in the header
    unduh.pasang(app.server)
    tinjauan.pasang(app.server)
    masuk.pasang(app)
    statis.pasang(app.server)
    statis.pasang_pengganti(app.server)
    return app


def catat_log() -> None:
    """Requests, logins, loads and exports to data/log/cakupan.log and the console."""
    from jejak.audit import FormatAman

    handlers = [logging.FileHandler(settings.log_path(), encoding="utf-8"), logging.StreamHandler()]
    for handler in handlers:
        handler.setFormatter(FormatAman("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logging.basicConfig(level=logging.INFO, handlers=handlers, force=True)


def akun_pertama(lalu=None, selalu: bool = False) -> None:
    """First start: an admin account with a random password, printed this once. `lalu` (the demo's
    actions, which need the account) runs when the account was made now, or always when `selalu`,
    and before the print, so its log lines do not push the password up: it is the last thing said
    before the address."""
    from akses import pengguna

    sandi = pengguna.pertama_kali()
    if lalu is not None and (sandi or selalu):
        lalu()
    if sandi:
        print(
            "\n  Akun pertama dibuat. Masuk dengan\n"
            f"    nama pengguna: admin\n    kata sandi:    {sandi}\n"
            f"  Kata sandi ini tidak ditampilkan lagi. Ganti dengan: {_python()} -m akses sandi admin\n",
            flush=True,
        )


def isi_demo() -> None:
    """The demo's actions and the admin's subscription (commands/demo.py), said in one line."""
    from commands import demo as contoh

    n = contoh.isi()
    if n["aksi"] or n["langganan"]:
        print(f"  Data demo: {n['aksi']} aksi dan {n['langganan']} langganan laporan mingguan dicatat.", flush=True)


def _python() -> str:
    """This Python as the operator types it here (.venv/bin/python under make run): the venv's,
    where the packages are, not whatever `python` the shell finds (issue 32, item 7)."""
    relatif = os.path.relpath(sys.executable)
    return sys.executable if relatif.startswith("..") else relatif


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Menjalankan dasbor Cakupan.")
    try:
        port = settings.port()
    except ValueError:
        port = None  # checked below by _port, with the message
    parser.add_argument("--host", default=settings.host(), help="default 127.0.0.1 (atau HOST)")
    parser.add_argument("--port", type=_port, default=port, help="default 8050 (atau PORT)")
    parser.add_argument("--no-demo", action="store_true", help="jangan membuat data demo bila gudang kosong")
    args = parser.parse_args(argv)
    if args.port is None:
        parser.error(f"PORT '{os.environ.get('PORT')}' bukan nomor port 1-65535")
    if not args.no_demo:
        import warehouse
        from etl import demo  # first-start bootstrap: the one place the shell calls ETL
        from metrics import jawaban

        warehouse.on_build(jawaban.hitung)  # the demo build stores the pages' answers, as loads do
        demo_baru = demo.ensure_demo()
        # The demo's actions and subscription: on the start that built the demo, or on the first
        # account's start when only the demo is loaded (`make demo`, then `make run`); never on
        # real data, and never again (an action deleted stays deleted).
        demo_isi = demo_baru or demo.demo_served()
    catat_log()
    akun_pertama(lalu=isi_demo if not args.no_demo and demo_isi else None, selalu=not args.no_demo and demo_baru)
    print(f"Cakupan berjalan di {catat_alamat(args.host, args.port)}/", flush=True)
    dash_app = create_app()
    from server import hangat

    hangat.mulai()  # the first views drawn before the first visitor, and after each new build
    dash_app.run(host=args.host, port=args.port, debug=False, request_handler=_Penangan)
    return 0


def catat_alamat(host: str, port: int) -> str:
    """The address this dashboard serves on ('http://127.0.0.1:8060'), kept in the data directory
    for the report emails' links (settings.alamat_web; CAKUPAN_ALAMAT_WEB overrides it). A server
    listening on every interface (0.0.0.0, ::) is named by this machine's name."""
    nama = socket.getfqdn() if host in ("", "0.0.0.0", "::") else host
    alamat = f"http://{f'[{nama}]' if ':' in nama else nama}:{port}"
    (settings.data_dir() / settings.ALAMAT_DISAJIKAN).write_text(alamat + "\n", encoding="utf-8")
    return alamat


def _port(teks: str) -> int:
    """A TCP port, 1-65535; argparse says what is wrong (exit 2), never a traceback."""
    if not teks.isdigit() or not 1 <= int(teks) <= 65535:
        raise argparse.ArgumentTypeError(f"'{teks}' bukan nomor port 1-65535")
    return int(teks)


class _Penangan(WSGIRequestHandler):
    """Werkzeug's own server, saying 'Cakupan' instead of its and Python's versions."""

    def version_string(self) -> str:
        return "Cakupan"


if __name__ == "__main__":
    sys.exit(main())
