"""Exports for analysts (data contract, section 4): one row per region, Indonesian snake_case
headers, `.` as the decimal point, empty cells where a value does not exist, and text that a
spreadsheet would run as a formula neutralised. The dashboard's downloads call the same code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
import unicodedata
from pathlib import Path

from metrics import cakupan, data, definisi, lingkup, pembangun
from metrics.definisi import PertanyaanTidakSah
from metrics.pertanyaan import Pertanyaan

JENIS = ("coverage", "rw", "budget", "trend", "rincian", "ditolak")
KOLOM_WILAYAH = ["tanggal_data", "kode_wilayah", "nama_wilayah", "tingkat", "kode_induk", "nama_induk"]
RW_PER_RW = ["peserta_terdaftar", "peserta_aktif", "target", "capaian", "kekurangan", "rw_tercapai"]
TREN = ["peserta_terdaftar", "peserta_aktif", "target", "capaian", "kekurangan", "baru", "berhenti", "perubahan"]
_BAHAYA = ("=", "+", "-", "@", "\t", "\r")


def aman(teks: str) -> str:
    """Text a spreadsheet would read as a formula gets a leading apostrophe (OWASP CSV injection).
    Spreadsheets skip leading spaces and read full-width signs ('＝', '＋') as their ASCII twins,
    so the test is on the NFKC form without leading whitespace."""
    return "'" + teks if unicodedata.normalize("NFKC", teks).lstrip().startswith(_BAHAYA) else teks


def nilai(nama: str, v):
    """A metric's value as an export cell: percent x 100 and rates to 2 decimals, dates ISO."""
    if v is None:
        return None
    m = definisi.METRIK_MENURUT_NAMA.get(nama)
    fmt = m.format if m else "angka"
    if fmt == "persen":
        return round(v * 100, 2)
    if fmt == "laju":
        return round(v, 2)
    if fmt == "ya_tidak":
        return "ya" if v else "tidak"
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _kolom(nama: str) -> str:
    m = definisi.METRIK_MENURUT_NAMA.get(nama)
    return m.kolom if m else nama


def isi_berkas(
    jenis: str, t: Pertanyaan, tingkat: str = "provinsi", dimensi: str = "segmen"
) -> tuple[list[str], list[list]]:
    """Header and rows of an export, values ready to write: `tingkat` rows inside the question's
    place (coverage, rw, budget), its snapshots (trend), its breakdown by `dimensi` (rincian), or
    every rejected row (ditolak, admins). Raises PertanyaanTidakSah for an unknown jenis."""
    if jenis not in JENIS:
        raise PertanyaanTidakSah(
            f"Jenis ekspor '{definisi.kutip(jenis)}' tidak dikenal; pilih {', '.join(JENIS)}",
            f"Export kind '{definisi.kutip(jenis)}' is not known; choose {', '.join(JENIS)}",
        )
    pembangun.periksa_tingkat(tingkat)  # every kind: the level also names the file
    if jenis == "trend":
        return _tren(t)
    if jenis == "rincian":
        return _rincian(t, dimensi)
    if jenis == "ditolak":
        return _ditolak()
    metrik = RW_PER_RW if (jenis == "rw" and tingkat == "rw") else definisi.EKSPOR[jenis]
    hasil = cakupan.tabel(tingkat, t, metrik)
    header = KOLOM_WILAYAH + [_kolom(m) for m in metrik]
    rows = [
        [
            hasil.periode.tanggal.isoformat(),
            b["kode_wilayah"],
            b["nama_wilayah"],
            b["tingkat"],
            b["kode_induk"],
            b["nama_induk"],
            *(nilai(m, b[m]) for m in metrik),
        ]
        for b in hasil.baris
    ]
    return header, rows


def _tren(t: Pertanyaan) -> tuple[list[str], list[list]]:
    header = ["tanggal_data", "kode_wilayah", "nama_wilayah", "tingkat"] + [_kolom(m) for m in TREN]
    rows = [
        [r["tanggal_data"].isoformat(), t.kode, t.tempat.nama, t.tempat.tingkat, *(nilai(m, r[m]) for m in TREN)]
        for r in cakupan.tren(t)
    ]
    return header, rows


def _rincian(t: Pertanyaan, dimensi: str) -> tuple[list[str], list[list]]:
    header = ["tanggal_data", "kode_wilayah", "nama_wilayah", dimensi, "peserta_terdaftar", "peserta_aktif"]
    rows = [
        [t.tanggal.isoformat(), t.kode, t.tempat.nama, r["nilai"], r["peserta_terdaftar"], r["peserta_aktif"]]
        for r in cakupan.rincian(t, dimensi)
    ]
    return header, rows


def _ditolak() -> tuple[list[str], list[list]]:
    """Every rejected row inside the scope: file, line, reason; the NIK masked and no name (never
    stored). The file's folder on the server only for a national admin (the one who loads)."""
    rows = data.contoh_ditolak()
    if not lingkup.aktif().nasional:
        for r in rows:
            r["berkas"] = r["berkas"].rsplit("/", 1)[-1]
    header = [
        "jenis_berkas",
        "tanggal_data",
        "berkas",
        "baris",
        "alasan",
        "keterangan",
        "nik_samaran",
        "kode_wilayah",
        "segmen",
    ]
    return header, [[nilai("", r[h]) for h in header] for r in rows]


def _sel(v):
    return aman(v) if isinstance(v, str) else v


def tulis_csv(header: list[str], rows: list[list], out) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for row in rows:
        w.writerow(["" if v is None else _sel(v) for v in row])


def csv_teks(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    tulis_csv(header, rows, buf)
    return buf.getvalue()


def xlsx_bytes(header: list[str], rows: list[list], judul: str = "Cakupan") -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(judul[:31])
    ws.append(header)
    for row in rows:
        ws.append([_sel(v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def tulis(header: list[str], rows: list[list], tujuan: str) -> None:
    """Write to a .csv or .xlsx path, or CSV to stdout for '-'."""
    if tujuan == "-":
        tulis_csv(header, rows, sys.stdout)
        return
    path = Path(tujuan)
    if path.suffix.lower() == ".xlsx":
        path.write_bytes(xlsx_bytes(header, rows))
    else:
        with open(path, "w", encoding="utf-8", newline="") as f:
            tulis_csv(header, rows, f)


def nama_berkas(jenis: str, tingkat: str, t: Pertanyaan, akhiran: str = "csv") -> str:
    """A file name that says what is inside: cakupan_coverage_kecamatan_31.75_2024-02-06_BPU.csv;
    the filters in the order of `definisi.SARINGAN`, each by its value or its `berkas` word."""
    bagian = ["cakupan", jenis, tingkat if jenis != "trend" else "tren", t.kode, t.tanggal.isoformat()]
    bagian += [s.berkas[v] if s.berkas else str(v) for s, v in t.filt.terpasang()]
    return "_".join(_kata_berkas(b) for b in bagian) + "." + _kata_berkas(akhiran)


def _kata_berkas(kata: str) -> str:
    """A part of a file name: letters, digits, dots and hyphens only (no path, no control or
    direction characters, whatever a request sent)."""
    return "".join(c if (c.isalnum() and c.isprintable()) or c in ".-" else "-" for c in kata).strip(".") or "-"
