"""python -m metrics export ...: the numbers of the dashboard as CSV or XLSX for analysts;
python -m metrics report ...: the weekly review as one self-contained HTML file;
python -m metrics docs: docs/metrics.md from the declarations;
python -m metrics kirim: the weekly reports due by email (cron or a systemd timer);
python -m metrics bagi ...: a target split over the places below, shown, saved or removed."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import sys
from pathlib import Path

import warehouse
from commands import angka
from jejak import audit
from metrics import definisi, dokumen, ekspor, lingkup, pembagian, pembangun, pertanyaan
from metrics.definisi import PertanyaanTidakSah
from metrics.pembagian import DASAR, GalatPembagian
from metrics.pembangun import Filter
from metrics.periode import BelumAdaData

DOCS = Path(__file__).resolve().parent.parent / "docs" / "metrics.md"


def _snapshot_dan_filter(p: argparse.ArgumentParser) -> None:
    """--as-of and one flag per filter of definisi.SARINGAN (--segmen, --program, ...)."""
    p.add_argument("--as-of", help="tanggal snapshot YYYY-MM-DD; default yang terbaru")
    for s in definisi.SARINGAN:
        p.add_argument(f"--{s.kunci}", choices=list(s.pilihan) if s.pilihan else None, help=s.label[0].lower())


def _banding(p: argparse.ArgumentParser) -> None:
    """--banding DATE and --dengan CODE,CODE: the comparison (metrics/banding.py), as the page's URL."""
    p.add_argument("--banding", help="bandingkan dengan tanggal data ini (YYYY-MM-DD); untuk jenis banding")
    p.add_argument("--dengan", help="bandingkan dengan wilayah ini, kode dipisah koma (1-3); untuk jenis banding")


def _lain(args) -> dict:
    return {k: getattr(args, k) for k in ("banding", "dengan") if getattr(args, k)}


def _tanya(args, kode: str):
    """The question of the command line, asked as the operator (who sees everything)."""
    filt = Filter.dari_teks({s.kunci: getattr(args, s.kunci) for s in definisi.SARINGAN})
    return pertanyaan.tanya(kode, args.as_of, filt)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m metrics", description="Ekspor angka Cakupan.")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser(
        "export",
        help="tulis tabel sebagai CSV (atau XLSX)",
        description="coverage: cakupan per wilayah; rw: program 1 RW 100; budget: anggaran "
        "pekerja rentan; trend: angka satu wilayah di setiap snapshot; rincian: satu "
        "wilayah menurut segmen, sumber iuran, pekerjaan...; ditolak: baris yang ditolak; banding: satu "
        "wilayah pada dua tanggal data (--banding) atau beberapa wilayah (--dengan) beserta selisihnya; cabang: "
        "peringkat kantor cabang terhadap targetnya (--level nasional), atau dengan --cabang angka cabang itu "
        "(nasional) dan kab/kota atau kecamatan pesertanya (--level kabkota|kecamatan); jatuh_tempo: peserta aktif satu wilayah "
        "yang berhenti aktif di akhir bulan bila tidak membayar (KPJ, wilayah, RW, bulan iuran terakhir).",
    )
    e.add_argument("jenis", choices=ekspor.JENIS)
    e.add_argument(
        "--level", choices=definisi.TINGKAT, default="provinsi", help="tingkat baris (tidak dipakai untuk trend)"
    )
    e.add_argument(
        "--parent",
        "--wilayah",
        dest="parent",
        default="ID",
        help="kode wilayah induk (untuk trend: wilayahnya), mis. 31.75; default ID = nasional",
    )
    _snapshot_dan_filter(e)
    e.add_argument("--dimensi", choices=list(pembangun.RINCIAN), default="segmen", help="untuk rincian")
    _banding(e)
    e.add_argument("--out", required=True, help="berkas .csv atau .xlsx, atau - untuk stdout")
    e.add_argument(
        "--excel-id",
        action="store_true",
        help="CSV untuk Excel berbahasa Indonesia: ; antar kolom, koma desimal, dengan BOM",
    )
    r = sub.add_parser(
        "report",
        help="tulis Tinjauan Mingguan sebagai satu berkas HTML mandiri",
        description="Slide dan tabel yang sama dengan /tinjauan, dalam satu berkas HTML yang terbuka "
        "tanpa jaringan (plotly.js tertanam) dan bisa dicetak ke PDF dari peramban.",
    )
    r.add_argument("--wilayah", default="ID", help="kode wilayah, mis. 31.75; default ID = nasional")
    _snapshot_dan_filter(r)
    r.add_argument("--bahasa", choices=["id", "en"], default="id")
    _banding(r)
    r.add_argument("--out", required=True, help="berkas .html, atau - untuk stdout")
    k = sub.add_parser(
        "kirim",
        help="kirim laporan mingguan yang belum terkirim (dan coba lagi yang gagal)",
        description="Untuk cron atau timer systemd: tiap langganan mendapat laporan tanggal data terbaru "
        "satu kali; yang gagal dicoba lagi dengan jeda. Aman dijalankan berkali-kali. Kiriman yang terputus "
        "di tengah jalan (mungkin belum sampai) tidak dikirim lagi kecuali diminta dengan --ulang.",
    )
    k.add_argument(
        "--ulang",
        type=int,
        metavar="NOMOR",
        help="kirim ulang kiriman langganan NOMOR yang mungkin belum sampai (Message-ID yang sama), lalu kirim",
    )
    b = sub.add_parser(
        "bagi",
        help="bagi target wilayah ke wilayah di bawahnya (tampilkan, --simpan atau --hapus)",
        description="Pembagian target (docs/metrics.md): tanpa --simpan hanya ditampilkan. Target sendiri "
        "wilayah di bawah tetap; sisanya dibagi menurut dasar, dibulatkan dengan sisa terbesar.",
    )
    b.add_argument("wilayah", help="kode wilayah induk, mis. 31.75")
    b.add_argument(
        "--dasar",
        choices=list(DASAR),
        help="dasar pembagian; default yang berlaku, atau pekerja bila ada, atau terdaftar",
    )
    b.add_argument("--as-of", help="tanggal snapshot YYYY-MM-DD (tahun target dan dasar); default yang terbaru")
    b.add_argument("--segmen", choices=list(definisi.SEGMEN), help="target segmen ini; default semua segmen")
    aksi = b.add_mutually_exclusive_group()
    aksi.add_argument("--simpan", action="store_true", help="simpan, lalu bangun ulang gudang data agar berlaku")
    aksi.add_argument("--hapus", action="store_true", help="hapus pembagian yang aktif, lalu bangun ulang")
    d = sub.add_parser("docs", help="tulis daftar metrik (docs/metrics.md) dari deklarasinya")
    d.add_argument("--out", default=str(DOCS), help=f"default {DOCS}")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "docs":
        Path(args.out).write_text(dokumen.teks(), encoding="utf-8")
        return 0
    if args.command == "report":
        return _laporan(args)
    if args.command == "bagi":
        return _bagi(args)
    if args.command == "kirim":
        from laporan import kirim

        if args.ulang is not None:  # the operator's resend: audited, then sent by this run
            from metrics import langganan

            try:
                with lingkup.berlaku(dataclasses.replace(lingkup.NASIONAL, nama=f"operator ({getpass.getuser()})")):
                    tanggal = langganan.kirim_ulang(args.ulang)
            except langganan.GalatLangganan as e:
                print(f"Gagal: {e}", file=sys.stderr)
                return 2
            print(f"Langganan {args.ulang}: laporan data per {tanggal} dikirim ulang.")
        hasil = kirim.jalankan()
        print(kirim.kalimat(hasil))
        return 0 if not (hasil["galat"] or hasil["gagal"]) else 1  # a timer's failure shows in its status
    if args.out != "-" and Path(args.out).suffix.lower() not in (".csv", ".xlsx"):
        print(
            f"Gagal mengekspor: {args.out} bukan .csv atau .xlsx. Pakai nama berkas .csv atau .xlsx, "
            "atau - untuk menulis CSV ke layar.",
            file=sys.stderr,
        )
        return 2
    if args.excel_id and Path(args.out).suffix.lower() == ".xlsx":
        print("Gagal mengekspor: --excel-id hanya untuk CSV; berkas .xlsx sudah memakai format Excel.", file=sys.stderr)
        return 2
    try:
        with lingkup.berlaku(lingkup.NASIONAL):  # the operator on the server sees all
            header, rows = ekspor.isi_berkas(
                args.jenis, _tanya(args, args.parent), args.level, args.dimensi, _lain(args)
            )
        ekspor.tulis(header, rows, args.out, args.excel_id)
    except (PertanyaanTidakSah, BelumAdaData, warehouse.WarehouseMissing) as e:
        print(f"Gagal mengekspor: {e}", file=sys.stderr)
        return 2
    except (IsADirectoryError, FileNotFoundError, PermissionError) as e:
        print(_tidak_tertulis(args.out, e), file=sys.stderr)
        return 2
    audit.catat(
        "ekspor",
        lingkup.NASIONAL.nama,
        "ID",
        jenis=args.jenis,
        tingkat=args.level,
        wilayah=args.parent,
        tanggal=args.as_of,
        berkas=Path(args.out).name,
        baris=len(rows),
    )
    if args.out != "-":
        print(f"{len(rows)} baris ditulis ke {args.out}", file=sys.stderr)
    return 0


def _bagi(args) -> int:
    """Show the split of a target (as the page does), save it or remove the active one; a save or
    removal is served by the build this command then runs itself."""
    from etl import build
    from metrics import jawaban

    warehouse.on_build(jawaban.hitung)  # its build stores the pages' answers, as every load's does
    operator = dataclasses.replace(lingkup.NASIONAL, nama=f"operator ({getpass.getuser()})")  # as loads record
    try:
        with lingkup.berlaku(operator):
            q = pertanyaan.tanya(args.wilayah, args.as_of, Filter(segmen=args.segmen))
            k = pembagian.keadaan(q)
            if k is not None:
                p = k.pembagian
                print(
                    f"Berlaku: pembagian {p.id} ({DASAR[p.dasar][0]}, oleh {p.oleh}, {p.dibuat:%Y-%m-%d}), "
                    f"{'sudah' if k.berlaku else 'belum'} disajikan"
                    + ("; perlu diulang: jumlahnya tidak lagi sama dengan target induk." if k.perlu_diulang else ".")
                )
            args.dasar = args.dasar or pembagian.dasar_awal(q)
            if args.hapus:
                if k is None:
                    raise GalatPembagian(
                        f"Target {args.wilayah} {q.tanggal.year} belum dibagi: tidak ada yang dihapus."
                    )
                pembagian.hapus(k.pembagian.id)
                print(f"Pembagian {k.pembagian.id} dihapus.")
            else:
                u = pembagian.usulan(q, args.dasar)
                _cetak_usulan(u)
                if not args.simpan:
                    print("Belum disimpan: tambahkan --simpan untuk memakainya.")
                    return 0
                print(f"Pembagian {pembagian.simpan(q, args.dasar)} disimpan.")
        print(f"Gudang data dibangun ulang: {build.refresh()} target turunan berlaku.")
    except (PertanyaanTidakSah, BelumAdaData, GalatPembagian, warehouse.WarehouseMissing) as e:
        print(f"Gagal membagi target: {e}", file=sys.stderr)
        return 2
    return 0


def _cetak_usulan(u) -> None:
    n = angka
    print(
        f"Target {u.kode_induk} {u.tahun} ({u.segmen}): {n(u.target_induk)}; target sendiri di bawahnya "
        f"{n(u.sendiri)}; dibagi {n(u.dibagi)}, dasar: {DASAR[u.dasar][0]}, dibulatkan dengan sisa terbesar."
    )
    print(f"  {'kode':<16}{'wilayah':<28}{'dasar':>12}{'bagian':>9}{'sendiri':>10}{'turunan':>10}")
    for a in u.anak:
        bagian = f"{float(a.bagian) * 100:.1f}".replace(".", ",") + " %" if a.target_sendiri is None else "-"
        print(
            f"  {a.kode:<16}{a.nama[:27]:<28}{n(a.nilai_dasar):>12}{bagian:>9}{n(a.target_sendiri):>10}{n(a.target):>10}"
        )


def _laporan(args) -> int:
    """The weekly review as a file. Its slides are drawn by layouts/tinjauan.py, the same code as
    the projector route (commands sit above every layer)."""
    from layouts import tinjauan as slides
    from metrics import banding, tinjauan

    try:
        with lingkup.berlaku(lingkup.NASIONAL):
            tanya = _tanya(args, args.wilayah)
            bd = banding.baca(tanya, _lain(args), ketat=True)[0] if _lain(args) else None
            tj = tinjauan.tinjauan(tanya, bd)
            doc = slides.dokumen(tj, args.bahasa, mandiri=True)
    except (PertanyaanTidakSah, BelumAdaData, warehouse.WarehouseMissing) as e:
        print(f"Gagal membuat laporan: {e}", file=sys.stderr)
        return 2
    try:
        if args.out == "-":
            sys.stdout.write(doc)
        else:
            Path(args.out).write_text(doc, encoding="utf-8")
    except (IsADirectoryError, FileNotFoundError, PermissionError) as e:
        print(_tidak_tertulis(args.out, e), file=sys.stderr)
        return 2
    audit.catat(
        "laporan",
        lingkup.NASIONAL.nama,
        "ID",
        wilayah=tj.tempat.kode,
        tanggal=tj.periode.tanggal,
        berkas=Path(args.out).name,
    )
    print(f"Tinjauan {tj.tempat.nama} per {tj.periode.tanggal} ditulis ke {args.out}", file=sys.stderr)
    return 0


def _tidak_tertulis(out: str, error: OSError) -> str:
    why = {
        IsADirectoryError: "itu folder",
        FileNotFoundError: "foldernya tidak ada",
        PermissionError: "tidak boleh menulis di sana",
    }[type(error)]
    return f"Gagal menulis {out}: {why}. Pilih nama berkas di folder yang ada dan boleh ditulis."
