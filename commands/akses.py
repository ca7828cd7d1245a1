"""python -m akses tambah|daftar|nonaktifkan|aktifkan|sandi|audit|langganan: accounts and their
weekly-report subscriptions, run on the server.

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
    lg = sub.add_parser("langganan", help="langganan laporan mingguan lewat surel").add_subparsers(
        dest="aksi", required=True
    )
    lt = lg.add_parser("tambah", help="akun berlangganan laporan mingguan satu wilayah di lingkupnya")
    lt.add_argument("nama", type=_nama, help="akun yang berlangganan (laporan dibuat dalam lingkupnya)")
    lt.add_argument("--wilayah", required=True, help="kode wilayah laporan, mis. 31.75")
    lt.add_argument("--kepada", required=True, help="alamat surel, dipisah koma")
    lt.add_argument("--bahasa", choices=["id", "en"], default="id")
    for kunci in ("segmen", "program", "sumber", "rentan", "cabang"):
        lt.add_argument(f"--{kunci}", help="saringan, seperti di alamat dasbor")
    ld = lg.add_parser("daftar", help="langganan aktif dan pengiriman terakhirnya")
    ld.add_argument("nama", nargs="?", type=_nama)
    lh = lg.add_parser("hapus", help="hentikan langganan")
    lh.add_argument("id", type=int)
    ak = sub.add_parser("aksi", help="aksi yang tercatat: impor dari CSV, daftar dan efeknya").add_subparsers(
        dest="aksi", required=True
    )
    ai = ak.add_parser(
        "impor", help="catat aksi dari CSV: kode_wilayah, jenis, judul, mulai[, selesai, catatan, orang, sumber_dana]"
    )
    ai.add_argument("file")
    ad = ak.add_parser("daftar", help="aksi suatu wilayah dan di bawahnya, dengan efeknya")
    ad.add_argument("--wilayah", default="ID")
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
        elif args.command == "langganan":
            return _langganan(args)
        elif args.command == "aksi":
            return _aksi(args)
        else:
            for e in audit.jejak(args.batas):
                print(
                    f"{e['waktu']}  {e['oleh']:<16} {e['peristiwa']:<20} {e['lingkup'] or '-':<12} {e['rincian'] or ''}"
                )
    except pengguna.GalatPengguna as e:
        print(f"Gagal: {e}", file=sys.stderr)
        return 2
    return 0


def _langganan(args) -> int:
    """Subscriptions, checked in the subscribing account's scope (metrics/langganan.py)."""
    from metrics import langganan, lingkup
    from metrics.definisi import PertanyaanTidakSah

    operator = lingkup.Lingkup(admin=True, nama=_operator())  # the server's operator: every account
    try:
        with lingkup.berlaku(operator):
            if args.aksi == "tambah":
                saringan = {k: getattr(args, k) for k in ("segmen", "program", "sumber", "rentan", "cabang")}
                nomor = langganan.tambah(args.nama, args.wilayah, args.kepada, saringan, args.bahasa)
                print(f"Langganan {nomor}: {args.nama}, wilayah {args.wilayah}, laporan tiap data baru dimuat.")
            elif args.aksi == "daftar":
                kiriman = langganan.terakhir(args.nama)
                print(f"{'id':>4}  {'akun':<20} {'wilayah':<14} {'bahasa':<6} {'alamat':>6}  terakhir")
                for lg in langganan.daftar():
                    if args.nama and lg.pengguna != args.nama:
                        continue
                    k = kiriman.get(lg.id)
                    akhir = (
                        f"{k['tanggal_data']} {k['status']}" + (f" ({k['galat']})" if k and k["galat"] else "")
                        if k
                        else "-"
                    )
                    print(f"{lg.id:>4}  {lg.pengguna:<20} {lg.wilayah:<14} {lg.bahasa:<6} {len(lg.kepada):>6}  {akhir}")
            else:
                langganan.hapus(args.id)
                print(f"Langganan {args.id} dihentikan.")
    except (langganan.GalatLangganan, PertanyaanTidakSah) as e:  # TanpaAkses is a PertanyaanTidakSah
        print(f"Gagal: {e}", file=sys.stderr)
        return 2
    return 0


def _aksi(args) -> int:
    """Actions (metrics/aksi.py), as the server's operator: every place."""
    from layouts import aksi as kata
    from metrics import aksi, lingkup
    from metrics.definisi import PertanyaanTidakSah

    with lingkup.berlaku(lingkup.Lingkup(admin=True, nama=_operator())):
        try:
            if args.aksi == "impor":
                ids, galat = aksi.impor(args.file)
                print(f"{len(ids)} aksi dicatat, {len(galat)} baris ditolak.")
                for g in galat:
                    print(f"  {g}", file=sys.stderr)
                return 0 if not galat else 2
            daftar = aksi.daftar(args.wilayah)
            efek = aksi.efek_semua(daftar)
            for a in daftar:
                print(f"{a.id:>4}  {a.mulai}  {a.wilayah:<14} {a.jenis:<12} {a.judul}")
                print(f"      {kata.efek(efek[a.id], 'id')}")
        except (aksi.GalatAksi, PertanyaanTidakSah) as e:
            print(f"Gagal: {e}", file=sys.stderr)
            return 2
    return 0


def _cetak_sandi(nama: str, sandi: str, dari_stdin: bool) -> None:
    if dari_stdin:
        print(f"{nama}: kata sandi disimpan.")
    else:
        print(f"{nama}: kata sandi {sandi}\n(ditampilkan sekali ini saja; berikan kepada pemilik akun)")
