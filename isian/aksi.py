"""Aksi: dated actions recorded on a place (issue 21), kept in the access store beside the
accounts (jejak/skema.sql: aksi), since officials record them from the dashboard and the
warehouse is only written by loads. The place is checked against the recorder's scope by
metrics/aksi.py before it reaches here; this module keeps the rows and checks their fields.
Only metrics/aksi.py imports it (and the tests): the pages and commands take JENIS, SUMBER_DANA,
Aksi and GalatAksi from there, so the scope check cannot be skipped (.importlinter: isian).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import kode_wilayah
from isian.galat import GalatIsian
from jejak import audit, simpan

# kind -> (Indonesian, English): the kinds of the news behind the product (Inpres 2/2021, a
# regent's instruction, East Jakarta's 1 RW 100 drive, APBD and CSR money, Perisai agents)
JENIS = {
    "instruksi": ("Instruksi kepala daerah", "Head of region's instruction"),
    "sosialisasi": ("Sosialisasi", "Outreach"),
    "pendanaan": ("Pendanaan APBD/CSR", "APBD/CSR funding"),
    "rekrutmen": ("Rekrutmen agen/Perisai", "Recruiting agents (Perisai)"),
    "jemput_bola": ("Jemput bola", "Pick-up drive"),
    "lain": ("Lainnya", "Other"),
}
SUMBER_DANA = ("APBD", "CSR")
JUDUL_MAKS, CATATAN_MAKS = 120, 500


CONTOH_TANGGAL = "tulis tahun-bulan-hari, misalnya 2024-02-06"  # the form and the file take this one form


class GalatAksi(GalatIsian):
    """An action that cannot be recorded as given; the message says why (isian.galat.GalatIsian)."""


@dataclass(frozen=True)
class Aksi:
    id: int
    wilayah: str
    jenis: str
    judul: str
    catatan: str
    mulai: dt.date
    selesai: dt.date | None
    orang: int | None
    sumber_dana: str | None
    rencana: bool
    oleh: str


def _dari_baris(r) -> Aksi:
    return Aksi(
        r["id"], r["wilayah"], r["jenis"], r["judul"], r["catatan"], dt.date.fromisoformat(r["mulai"]),
        dt.date.fromisoformat(r["selesai"]) if r["selesai"] else None, r["orang"], r["sumber_dana"],
        bool(r["rencana"]), r["oleh"],
    )  # fmt: skip


def periksa(
    jenis: str, judul: str, catatan: str, mulai, selesai, orang, sumber_dana
) -> tuple[str, str, str, dt.date, dt.date | None, int | None, str | None]:
    """The fields of an action, checked and normalised; GalatAksi names the first that is wrong."""
    jenis = (jenis or "").strip().lower().replace(" ", "_")
    if jenis not in JENIS:
        raise GalatAksi(f"Jenis aksi '{jenis[:30]}' tidak dikenal: pakai {', '.join(JENIS)}.")
    judul = " ".join((judul or "").split())
    if not judul:
        raise GalatAksi("Judul aksi kosong.")
    if len(judul) > JUDUL_MAKS:
        raise GalatAksi(f"Judul aksi paling panjang {JUDUL_MAKS} karakter.")
    catatan = (catatan or "").strip()
    if len(catatan) > CATATAN_MAKS:
        raise GalatAksi(f"Catatan paling panjang {CATATAN_MAKS} karakter.")
    mulai, selesai = _tanggal(mulai, "mulai"), _tanggal(selesai, "selesai") if selesai else None
    if mulai is None:
        raise GalatAksi(f"Tanggal mulai kosong: {CONTOH_TANGGAL}.")
    if selesai is not None and selesai < mulai:
        raise GalatAksi("Tanggal selesai sebelum tanggal mulai.")
    if orang in (None, ""):
        orang = None
    else:
        try:
            orang = int(str(orang).replace(".", "").strip())
        except ValueError:
            raise GalatAksi(f"Jumlah orang '{str(orang)[:20]}' bukan bilangan bulat.") from None
        if not 0 < orang <= 10_000_000:
            raise GalatAksi("Jumlah orang yang didanai 1 sampai 10 juta.")
    sumber_dana = (sumber_dana or "").strip().upper() or None
    if sumber_dana is not None and sumber_dana not in SUMBER_DANA:
        raise GalatAksi("Sumber dana: APBD atau CSR.")
    return jenis, judul, catatan, mulai, selesai, orang, sumber_dana


def _tanggal(nilai, nama: str) -> dt.date | None:
    if nilai in (None, ""):
        return None
    if isinstance(nilai, dt.date):
        return nilai
    teks = str(nilai).strip()[:10]
    try:  # year-month-day with its dashes only: fromisoformat alone takes '20240201' too
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", teks):
            raise ValueError(teks)
        return dt.date.fromisoformat(teks)
    except ValueError:
        raise GalatAksi(f"Tanggal {nama} '{str(nilai)[:20]}' tidak terbaca: {CONTOH_TANGGAL}.") from None


def tambah(wilayah: str, medan: tuple, rencana: bool, oleh: str, lingkup: str) -> int:
    """Store an action whose place was checked against the recorder's scope; `medan` is
    periksa()'s result. Returns its id."""
    jenis, judul, catatan, mulai, selesai, orang, sumber_dana = medan
    with simpan.buka() as con:
        cur = con.execute(
            "INSERT INTO aksi (wilayah, jenis, judul, catatan, mulai, selesai, orang, sumber_dana, rencana, aktif, "
            "dibuat, oleh) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (wilayah, jenis, judul, catatan, mulai.isoformat(), selesai and selesai.isoformat(), orang, sumber_dana,
             int(rencana), simpan.sekarang().isoformat(), oleh),
        )  # fmt: skip
        nomor = cur.lastrowid
    audit.catat("aksi_tambah", oleh, lingkup, id=nomor, wilayah=wilayah, jenis=jenis, mulai=mulai, rencana=rencana)
    return nomor


def daftar(wilayah: str | None = None, bawah: bool = False) -> list[Aksi]:
    """Active actions, oldest first: all, of one place, or (bawah) of a place and those below it."""
    if wilayah is None:
        sql, p = "SELECT * FROM aksi WHERE aktif = 1 ORDER BY mulai, id", ()
    elif bawah and wilayah != "ID":
        sql, p = (
            f"SELECT * FROM aksi WHERE aktif = 1 AND {kode_wilayah.sql_mencakup('wilayah', ':wilayah', sqlite=True)} "
            "ORDER BY mulai, id",
            {"wilayah": wilayah},
        )
    elif bawah:
        sql, p = "SELECT * FROM aksi WHERE aktif = 1 ORDER BY mulai, id", ()
    else:
        sql, p = "SELECT * FROM aksi WHERE aktif = 1 AND wilayah = ? ORDER BY mulai, id", (wilayah,)
    with simpan.buka() as con:
        return [_dari_baris(r) for r in con.execute(sql, p)]


def versi() -> tuple[int, int]:
    """(active actions, newest id): changes whenever one is recorded or removed, so a page kept
    for its build (layouts/kerangka.halaman) is drawn again with its markers."""
    with simpan.buka() as con:
        n, m = con.execute("SELECT count(*), coalesce(max(id), 0) FROM aksi WHERE aktif = 1").fetchone()
    return n, m


def ambil(nomor: int) -> Aksi | None:
    with simpan.buka() as con:
        r = con.execute("SELECT * FROM aksi WHERE id = ? AND aktif = 1", (nomor,)).fetchone()
    return _dari_baris(r) if r else None


def hapus(nomor: int, oleh: str, lingkup: str) -> None:
    """Retire an action; audited with its place, so the admins whose scope holds it see the removal."""
    with simpan.buka() as con:
        r = con.execute("UPDATE aksi SET aktif = 0 WHERE id = ? AND aktif = 1 RETURNING wilayah", (nomor,)).fetchone()
    if r is None:
        raise GalatAksi(f"Aksi {nomor} tidak ada atau sudah dihapus.")
    audit.catat("aksi_hapus", oleh, lingkup, id=nomor, wilayah=r[0])
