"""Pembagian target: a parent's target split over the places below it on a basis an official
chose (issue 21), kept in the access store (jejak/skema.sql: pembagian, pembagian_baris), since
officials split from the dashboard and the warehouse is only written by builds. Every build
copies the active splits into the warehouse (etl/sql/target_turunan.sql). The shares are worked
out and the place checked against the asker's scope by metrics/pembagian.py before they reach
here; this module keeps the rows. Only metrics/pembagian.py and etl/build.py (which copies the
active splits into every build) import it, besides the tests (.importlinter: isian).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from isian.galat import GalatIsian
from jejak import audit, simpan

# basis -> (Indonesian, English): what a child's share of the parent's target follows
DASAR = {
    "pekerja": ("Penduduk bekerja", "Working population"),
    "terdaftar": ("Peserta terdaftar", "Registered participants"),
    "rw": ("Jumlah RW (1 RW 100)", "Number of RWs (1 RW 100)"),
    "rata": ("Sama rata", "Equal shares"),
}


class GalatPembagian(GalatIsian):
    """A split that cannot be made or removed as asked (isian.galat.GalatIsian)."""


@dataclass(frozen=True)
class Pembagian:
    id: int
    kode_induk: str
    tahun: int
    segmen: str
    dasar: str
    target_induk: int
    dibagi: int
    tanggal_dasar: dt.date | None
    dibuat: dt.datetime
    oleh: str
    baris: tuple[tuple[str, int, int], ...]  # (kode_wilayah, nilai_dasar, target), by code


def simpan_baru(
    kode_induk: str, tahun: int, segmen: str, dasar: str, target_induk: int, dibagi: int,
    tanggal_dasar: dt.date | None, baris: list[tuple[str, int, int]], oleh: str, lingkup: str,
) -> int:  # fmt: skip
    """Store a split worked out by metrics/pembagian.py, retiring the active one of the same
    parent, year and segment (a redo). Returns its id."""
    if dasar not in DASAR:
        raise GalatPembagian(
            f"Dasar pembagian '{dasar[:20]}' tidak dikenal: pakai {', '.join(DASAR)}.",
            f"Split basis '{dasar[:20]}' is not known: use {', '.join(DASAR)}.",
        )
    with simpan.buka() as con:
        lama = [
            r[0]
            for r in con.execute(
                "SELECT id FROM pembagian WHERE kode_induk = ? AND tahun = ? AND segmen = ? AND aktif = 1",
                (kode_induk, tahun, segmen),
            )
        ]
        con.execute(
            "UPDATE pembagian SET aktif = 0 WHERE kode_induk = ? AND tahun = ? AND segmen = ?",
            (kode_induk, tahun, segmen),
        )
        nomor = con.execute(
            "INSERT INTO pembagian (kode_induk, tahun, segmen, dasar, target_induk, dibagi, tanggal_dasar, aktif, "
            "dibuat, oleh) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (kode_induk, tahun, segmen, dasar, target_induk, dibagi, tanggal_dasar and tanggal_dasar.isoformat(),
             simpan.sekarang().isoformat(), oleh),
        ).lastrowid  # fmt: skip
        con.executemany(
            "INSERT INTO pembagian_baris VALUES (?, ?, ?, ?)", [(nomor, k, nilai, t) for k, nilai, t in baris]
        )
    audit.catat(
        "target_bagi", oleh, lingkup, id=nomor, induk=kode_induk, tahun=tahun, segmen=segmen, dasar=dasar,
        target_induk=target_induk, anak=len(baris), menggantikan=lama,
    )  # fmt: skip
    return nomor


def _dari_baris(con, r) -> Pembagian:
    anak = con.execute(
        "SELECT kode_wilayah, nilai_dasar, target FROM pembagian_baris WHERE pembagian_id = ? ORDER BY kode_wilayah",
        (r["id"],),
    ).fetchall()
    return Pembagian(
        r["id"], r["kode_induk"], r["tahun"], r["segmen"], r["dasar"], r["target_induk"], r["dibagi"],
        dt.date.fromisoformat(r["tanggal_dasar"]) if r["tanggal_dasar"] else None,
        dt.datetime.fromisoformat(r["dibuat"]), r["oleh"], tuple(tuple(a) for a in anak),
    )  # fmt: skip


def aktif(kode_induk: str, tahun: int, segmen: str) -> Pembagian | None:
    """The active split of a parent's target for a year and segment, or None."""
    with simpan.buka() as con:
        r = con.execute(
            "SELECT * FROM pembagian WHERE kode_induk = ? AND tahun = ? AND segmen = ? AND aktif = 1",
            (kode_induk, tahun, segmen),
        ).fetchone()
        return _dari_baris(con, r) if r else None


def ambil(nomor: int) -> Pembagian | None:
    """An active split by id, or None."""
    with simpan.buka() as con:
        r = con.execute("SELECT * FROM pembagian WHERE id = ? AND aktif = 1", (nomor,)).fetchone()
        return _dari_baris(con, r) if r else None


def semua() -> list[Pembagian]:
    """Every active split, oldest first."""
    with simpan.buka() as con:
        return [_dari_baris(con, r) for r in con.execute("SELECT * FROM pembagian WHERE aktif = 1 ORDER BY id")]


def hapus(nomor: int, oleh: str, lingkup: str) -> None:
    """Retire a split: its children keep only targets of their own."""
    with simpan.buka() as con:
        sql = "UPDATE pembagian SET aktif = 0 WHERE id = ? AND aktif = 1 RETURNING kode_induk"
        r = con.execute(sql, (nomor,)).fetchone()
    if r is None:
        raise GalatPembagian(
            f"Pembagian {nomor} tidak ada atau sudah dihapus.", f"Split {nomor} does not exist or was removed."
        )
    audit.catat("target_bagi_hapus", oleh, lingkup, id=nomor, induk=r[0])  # the place: its admins see it


def baris_berlaku() -> list[tuple[str, int, str, int, int, str, str, str]]:
    """The derived targets of every active split, for a build: (kode_wilayah, tahun, segmen,
    target, pembagian_id, dasar, oleh, kode_induk)."""
    with simpan.buka() as con:
        return [
            tuple(r)
            for r in con.execute(
                "SELECT b.kode_wilayah, p.tahun, p.segmen, b.target, p.id, p.dasar, p.oleh, p.kode_induk "
                "FROM pembagian p JOIN pembagian_baris b ON b.pembagian_id = p.id WHERE p.aktif = 1 "
                "ORDER BY p.id, b.kode_wilayah"
            )
        ]
