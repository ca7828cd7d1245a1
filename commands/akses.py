"""python -m akses tambah|daftar|nonaktifkan|aktifkan|sandi|audit: accounts, run on the server.

Whoever runs these has the server's files, so they act as the operator; every change is on
the audit trail with the system user's name."""

from __future__ import annotations

import argparse
import getpass
import sys

from akses import pengguna
from jejak import audit


def _operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "operator"


def _lingkup_sah(kode: str) -> None:
    """A scope code must name a region of the Kemendagri reference (when a warehouse exists)."""
    import warehouse
    from metrics import wilayah
    from metrics.definisi import PertanyaanTidakSah

    if kode == "ID" or warehouse.current_path() is None:
        return
    try:
        if wilayah.tempat(kode).tingkat == "rw":
            raise PertanyaanTidakSah("lingkup paling rendah adalah kelurahan")
    except PertanyaanTidakSah as e:
        raise pengguna.GalatPengguna(f"Lingkup {kode}: {e}") from e


def _sandi(args) -> str | None:
    """A password from stdin (--sandi-stdin), else None: a random one is made and printed once.
    An empty stdin is refused: an account whose password nobody knows helps nobody."""
    if not args.sandi_stdin:
        return None
    sandi = sys.stdin.readline().rstrip("\r\n")
    if not sandi:
        raise pengguna.GalatPengguna("--sandi-stdin: tidak ada kata sandi di stdin (baris pertama kosong).")
    return sandi


def _cabang_sah(cabang: str) -> str:
    """A branch scope must name a kantor cabang of the loaded data, as spelled there."""
    import warehouse
    from metrics import cakupan, lingkup

    cabang = " ".join(cabang.split())
    if warehouse.current_path() is None:
        raise pengguna.GalatPengguna(
            "Belum ada data dimuat, jadi kantor cabang tidak bisa diperiksa: muat data peserta dulu (python -m etl load)."
        )
    with lingkup.berlaku(lingkup.NASIONAL):
        dikenal = cakupan.kantor_cabang()
    if cabang not in dikenal:
        mirip = [k for k in dikenal if k.lower() == cabang.lower()]
        saran = (
            f" Maksudnya {mirip[0]}?"
            if mirip
            else f" Yang ada: {', '.join(dikenal[:10])}" + ("..." if len(dikenal) > 10 else "")
        )
        raise pengguna.GalatPengguna(f"Kantor cabang '{cabang}' tidak ada di data.{saran}")
    return cabang


def _nama(text: str) -> str:
    """An account name as typed; bytes that are no text (a broken terminal encoding) are refused."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError("nama pengguna berisi byte yang bukan teks; ketik ulang namanya") from None
    return text


def _batas(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan bilangan bulat") from None
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError("pakai 1 sampai 100.000")
    return value


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m akses", description="Mengelola akun pengguna Cakupan.")
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("tambah", help="tambah akun")
    t.add_argument(
        "nama", type=_nama, help="nama pengguna (kantor atau jabatan, bukan nama orang), mis. kab.pandeglang"
    )
    lingkup_ = t.add_mutually_exclusive_group(required=True)  # national is a choice, never a default
    lingkup_.add_argument(
        "--lingkup",
        help="kode wilayah yang boleh dilihat: ID (nasional), 36, 36.01, 36.01.01 atau 36.01.01.2001",
    )
    lingkup_.add_argument("--cabang", help="lingkup satu kantor cabang (semua wilayah, hanya peserta cabang ini)")
    t.add_argument("--admin", action="store_true", help="boleh melihat data mutu, baris ditolak dan jejak audit")
    t.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari stdin (default: dibuat acak)")
    sub.add_parser("daftar", help="daftar akun")
    for nama, bantuan in (
        ("nonaktifkan", "nonaktifkan akun (sesinya langsung berakhir)"),
        ("aktifkan", "aktifkan lagi"),
    ):
        sub.add_parser(nama, help=bantuan).add_argument("nama", type=_nama)
    s = sub.add_parser("sandi", help="ganti kata sandi (sesi akun berakhir)")
    s.add_argument("nama", type=_nama)
    s.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari stdin (default: dibuat acak)")
    a = sub.add_parser("audit", help="jejak audit terbaru")
    a.add_argument("--batas", type=_batas, default=50)
    args = p.parse_args(argv)
    oleh = _operator()
    try:
        if args.command == "tambah":
            wilayah = args.lingkup or "ID"
            _lingkup_sah(wilayah)
            cabang = _cabang_sah(args.cabang) if args.cabang else None
            sandi = pengguna.tambah(args.nama, wilayah, cabang, args.admin, _sandi(args), oleh=oleh)
            _cetak_sandi(args.nama, sandi, args.sandi_stdin)
        elif args.command == "daftar":
            print(f"{'nama':<24} {'lingkup':<28} {'admin':<6} aktif")
            for u in pengguna.daftar():
                print(f"{u.nama:<24} {u.lingkup:<28} {'ya' if u.admin else '-':<6} {'ya' if u.aktif else 'TIDAK'}")
        elif args.command in ("nonaktifkan", "aktifkan"):
            pengguna.atur_aktif(args.nama, args.command == "aktifkan", oleh=oleh)
            print(f"{args.nama}: {'aktif' if args.command == 'aktifkan' else 'nonaktif, sesinya berakhir'}")
        elif args.command == "sandi":
            _cetak_sandi(args.nama, pengguna.ganti_sandi(args.nama, _sandi(args), oleh=oleh), args.sandi_stdin)
        else:
            for e in audit.jejak(args.batas):
                print(
                    f"{e['waktu']}  {e['oleh']:<16} {e['peristiwa']:<20} {e['lingkup'] or '-':<12} {e['rincian'] or ''}"
                )
    except pengguna.GalatPengguna as e:
        print(f"Gagal: {e}", file=sys.stderr)
        return 2
    return 0


def _cetak_sandi(nama: str, sandi: str, dari_stdin: bool) -> None:
    if dari_stdin:
        print(f"{nama}: kata sandi disimpan.")
    else:
        print(f"{nama}: kata sandi {sandi}\n(ditampilkan sekali ini saja; berikan kepada pemilik akun)")
