"""python -m metrics export ...: the numbers of the dashboard as CSV or XLSX for analysts;
python -m metrics report ...: the weekly review as one self-contained HTML file;
python -m metrics docs: docs/metrics.md from the declarations;
python -m metrics kirim: the weekly reports due by email (cron or a systemd timer)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import warehouse
from jejak import audit
from metrics import definisi, dokumen, ekspor, lingkup, pembangun, pertanyaan
from metrics.definisi import PertanyaanTidakSah
from metrics.pembangun import Filter
from metrics.periode import BelumAdaData

DOCS = Path(__file__).resolve().parent.parent / "docs" / "metrics.md"


def _snapshot_dan_filter(p: argparse.ArgumentParser) -> None:
    """--as-of and one flag per filter of definisi.SARINGAN (--segmen, --program, ...)."""
    p.add_argument("--as-of", help="tanggal snapshot YYYY-MM-DD; default yang terbaru")
    for s in definisi.SARINGAN:
        p.add_argument(f"--{s.kunci}", choices=list(s.pilihan) if s.pilihan else None, help=s.label[0].lower())


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
        "wilayah menurut segmen, sumber iuran, pekerjaan...; ditolak: baris yang ditolak.",
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
    r.add_argument("--out", required=True, help="berkas .html, atau - untuk stdout")
    sub.add_parser(
        "kirim",
        help="kirim laporan mingguan yang belum terkirim (dan coba lagi yang gagal)",
        description="Untuk cron atau timer systemd: tiap langganan mendapat laporan tanggal data terbaru "
        "satu kali; yang gagal dicoba lagi dengan jeda. Aman dijalankan berkali-kali.",
    )
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
    if args.command == "kirim":
        from laporan import kirim

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
            header, rows = ekspor.isi_berkas(args.jenis, _tanya(args, args.parent), args.level, args.dimensi)
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


def _laporan(args) -> int:
    """The weekly review as a file. Its slides are drawn by layouts/tinjauan.py, the same code as
    the projector route (commands sit above every layer)."""
    from layouts import tinjauan as slides
    from metrics import tinjauan

    try:
        with lingkup.berlaku(lingkup.NASIONAL):
            tj = tinjauan.tinjauan(_tanya(args, args.wilayah))
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
