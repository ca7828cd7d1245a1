"""python -m etl load|targets|target-cabang|rw|pekerja|demo: load files into a new warehouse build."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

import warehouse
from commands import angka
from commands import demo as demo_isi
from etl import build, demo, tabular
from metrics import jawaban

# Every build this command makes stores the pages' unfiltered answers (metrics/jawaban.py).
warehouse.on_build(jawaban.hitung)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' bukan tanggal YYYY-MM-DD (contoh: 2024-02-06)") from None


def _toleransi(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = -1
    if not value >= 0:
        raise argparse.ArgumentTypeError(
            f"'{text}' bukan derajat 0 atau lebih (contoh: 0.001; 0 = tanpa penyederhanaan)"
        )
    return value


_n = angka


def _reasons(counts: dict, words: dict) -> str:
    return "; ".join(f"{words.get(k, k)} ({k}) {_n(v)}" for k, v in counts.items()) or "-"


def _part_line(p: dict, words: dict) -> str:
    line = f"dibaca {_n(p['read'])}, dimuat {_n(p['loaded'])}, ditolak {_n(p['rejected'])}"
    if p.get("rejected"):
        line += f" ({_reasons(p['rejected_by_reason'], words)})"
    if p.get("title_rows"):
        line += f"; baris judul dilewati {_n(p['title_rows'])}"
    if p.get("total_rows"):
        line += f"; baris jumlah {_n(p['total_rows'])}"
    if p.get("note_rows"):
        line += f"; baris catatan {_n(p['note_rows'])}"
    return line


def print_summary(summary: dict, out=None) -> None:
    """The summary in words: totals, then every file and sheet (read = loaded + rejected), the
    rows reported as what they are, the skipped sheets and the advice."""
    out = out or sys.stdout  # looked up now: a default bound at import would keep a stream since closed
    title = {
        "peserta": f"Snapshot {summary.get('as_of')}",
        "target": "Target",
        "target_cabang": "Target kantor cabang",
        "rw": "Referensi RW",
        "pekerja": "Referensi pekerja",
    }
    words = summary.get("words", {})
    print(f"{title[summary['kind']]}: {len(summary['files'])} berkas", file=out)
    print(f"  dibaca   {_n(summary['read']):>12}", file=out)
    print(f"  dimuat   {_n(summary['loaded']):>12}", file=out)
    print(f"  ditolak  {_n(summary['rejected']):>12}   ({_reasons(summary['rejected_by_reason'], words)})", file=out)
    if summary["kind"] in ("peserta", "target_cabang"):
        print(f"  ditandai: {_reasons(summary['flagged_by_kind'], words)}", file=out)
    if summary["kind"] == "peserta":
        print(f"  peserta (NIK unik) {_n(summary['persons'])}, aktif {_n(summary['active'])}", file=out)
    for key in ("title_rows", "total_rows", "note_rows"):
        if summary.get(key):
            print(f"  {words.get(key, key)}: {_n(summary[key])}", file=out)
    for f in summary["files"]:
        described = [
            f.get("format") or "",
            f.get("encoding") or "",
            {"\t": "tab"}.get(f.get("delimiter") or "", f.get("delimiter") or ""),
        ]
        print(f"  - {f['path']} ({', '.join(d for d in described if d)})", file=out)
        if f["sheets"]:
            for p in f["sheets"]:
                print(
                    f"      lembar '{p['sheet']}' (baris kolom: baris {p['header_line']}): " + _part_line(p, words),
                    file=out,
                )
        else:
            print(
                "      "
                + (f"(baris kolom: baris {f['header_line']}) " if f.get("header_line") else "")
                + _part_line(f, words),
                file=out,
            )
        for skipped in f.get("skipped_sheets", []):
            print(f"      lembar '{skipped['sheet']}' dilewati: {skipped['reason']}", file=out)
        if f["ignored_columns"]:
            print(f"      kolom diabaikan: {', '.join(f['ignored_columns'])}", file=out)
    for advice in summary.get("advice", []):
        print(f"  Saran: {advice}", file=out)


def print_peta(summary: dict, out=None) -> None:
    """A boundary load in words: features read, stored, rejected and merged; per level the regions
    with a boundary and those still without one; the size sent to the browser."""
    out = out or sys.stdout
    words, p = summary.get("words", {}), summary["peta"]
    f = summary["files"][0]
    print(f"Peta: {f['path']} ({f['format']}, lapisan '{p['lapisan']}', kolom kode '{p['kolom']}')", file=out)
    print(f"  fitur dibaca   {_n(summary['read']):>8}", file=out)
    print(f"  fitur dimuat   {_n(summary['loaded']):>8}   (menjadi {_n(p['wilayah'])} wilayah)", file=out)
    print(
        f"  fitur ditolak  {_n(summary['rejected']):>8}   ({_reasons(summary['rejected_by_reason'], words)})", file=out
    )
    for contoh in p["contoh_ditolak"]:
        print(f"    - {contoh}", file=out)
    if summary["rejected"] > len(p["contoh_ditolak"]):
        print("    - ... (semuanya di halaman Data, unduhan baris ditolak)", file=out)
    if summary["flagged_by_kind"]:
        print(f"  ditandai: {_reasons(summary['flagged_by_kind'], words)}", file=out)
    for nama, t in p["tingkat"].items():
        line = f"  {nama}: {_n(t['wilayah'])} berbatas"
        if t["tanpa_batas"]:
            line += f", {_n(t['tanpa_batas'])} tanpa batas di induk yang dimuat ({', '.join(t['contoh'])}"
            line += ", ...)" if t["tanpa_batas"] > len(t["contoh"]) else ")"
        if t["induk_lain"]:
            line += f"; {_n(t['induk_lain'])} {t['tingkat_induk']} lain tidak ada di berkas"
        print(line, file=out)
    kb = str(p["kb"]).replace(".", ",")
    print(f"  titik: {_n(p['titik_dibaca'])} dibaca, {_n(p['titik_disimpan'])} disimpan ({kb} KB)", file=out)
    if "duration_s" in summary:
        print(f"  waktu: {str(summary['duration_s']).replace('.', ',')} s", file=out)
    for advice in summary.get("advice", []):
        print(f"  Saran: {advice}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etl", description="Memuat data ke gudang data Cakupan.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("load", help="muat daftar peserta (satu snapshot, satu berkas atau lebih)")
    p.add_argument("files", nargs="+", help="CSV/TSV/TXT (boleh .gz), XLSX, XLS, ODS atau Parquet")
    p.add_argument("--as-of", required=True, type=_date, help="tanggal data, YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="cetak ringkasan sebagai satu objek JSON")
    p.add_argument("--tanpa-kirim", action="store_true", help="jangan kirim laporan mingguan langganan sesudahnya")

    references = {
        "targets": ("target", "muat target kepesertaan (CSV)"),
        "target-cabang": ("target_cabang", "muat target kepesertaan per kantor cabang (CSV)"),
        "rw": ("rw", "muat referensi jumlah RW (CSV)"),
        "pekerja": ("pekerja", "muat referensi jumlah penduduk bekerja per wilayah (CSV)"),
    }
    for name, (_kind, help_text) in references.items():
        p = sub.add_parser(name, help=help_text)
        p.add_argument("file")
        p.add_argument("--json", action="store_true")

    p = sub.add_parser("peta", help="muat batas wilayah (GeoJSON, GeoPackage atau shapefile) untuk peta")
    p.add_argument("file", help="GeoJSON, GeoPackage (.gpkg) atau shapefile (.shp), koordinat bujur/lintang")
    p.add_argument("--kode", required=True, help="kolom berisi kode wilayah Kemendagri (bertitik atau tidak)")
    p.add_argument("--lapisan", help="lapisan GeoPackage yang dimuat (bawaan: yang pertama)")
    p.add_argument(
        "--toleransi", type=_toleransi, help="penyederhanaan dalam derajat (bawaan menurut tingkat; 0 = tidak)"
    )
    p.add_argument("--sumber", help="atribusi yang tampil di bawah peta, mis. 'Badan Informasi Geospasial (CC BY 4.0)'")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "segarkan", help="bangun ulang gudang data tanpa berkas: pembagian target yang baru disimpan mulai berlaku"
    )

    p = sub.add_parser("demo", help="buat dan muat data demo nasional")
    p.add_argument("--scale", type=float, default=1.0, help="1 = sekitar 120 ribu peserta")
    p.add_argument("--weeks", type=int, default=demo.WEEKS)
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--json", action="store_true")

    args = parser.parse_args(argv)
    if args.command == "segarkan":
        return _segarkan()
    progress = not args.json
    try:
        if args.command == "load":
            summaries = build.load_snapshots([(args.files, args.as_of)], progress=progress)
        elif args.command == "peta":
            summaries = [build.load_peta(args.file, args.kode, args.lapisan, args.toleransi, args.sumber)]
        elif args.command in references:
            summaries = [build.load_reference(references[args.command][0], args.file)]
        else:
            summaries = demo.build_demo(args.scale, args.weeks, args.seed, progress=progress)
            ditambah = demo_isi.isi()  # the demo's actions (and the admin's report, once the account exists)
    except (tabular.LoadError, ValueError) as e:  # ValueError: a setting that cannot be read
        print(f"Gagal memuat; data yang dilayani tidak berubah.\n{e}", file=sys.stderr)
        if args.json:  # a script reading stdout gets an answer too
            print(json.dumps({"ok": False, "error": str(e)}, ensure_ascii=False))
        return 2
    if args.json:
        print(json.dumps(summaries[0] if len(summaries) == 1 else summaries, ensure_ascii=False))
    else:
        for summary in summaries:
            (print_peta if summary["kind"] == "peta" else print_summary)(summary)
    if args.command == "demo" and not args.json:
        print(f"Aksi demo dicatat: {ditambah['aksi']}; langganan demo: {ditambah['langganan']}.")
    if args.command == "load" and not args.tanpa_kirim:
        _kirim_laporan(args.json)
    return 0


def _segarkan() -> int:
    """A build without a file, for the target splits saved on the dashboard (which starts this
    command itself after a save: a build takes longer than a web request may)."""
    try:
        n = build.refresh()
    except (tabular.LoadError, ValueError) as e:
        print(f"Gagal membangun ulang; data yang dilayani tidak berubah.\n{e}", file=sys.stderr)
        return 2
    print(f"Gudang data dibangun ulang: {_n(n)} target turunan berlaku.")
    return 0


def _kirim_laporan(json_out: bool) -> None:
    """The weekly reports of the new snapshot, after the load has switched (laporan/kirim.py).
    Mail trouble never fails the load: it is said, recorded and tried again by the next run."""
    from laporan import kirim

    try:
        hasil = kirim.jalankan()
    except Exception as e:  # the load is done and served; a report failure must not undo the exit code
        print(
            f"Laporan mingguan tidak terkirim ({type(e).__name__}); dicoba lagi oleh 'python -m metrics kirim'.",
            file=sys.stderr,
        )
        return
    if hasil["terkirim"] or hasil["gagal"] or hasil["galat"]:
        print(kirim.kalimat(hasil), file=sys.stderr if json_out else sys.stdout)
