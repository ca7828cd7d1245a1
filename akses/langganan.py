"""Langganan: an account's subscription to the weekly report of a place, with filters and a
language, to one or more email addresses; and its deliveries (kiriman), one per snapshot.

Stored in the access store (jejak/skema.sql: langganan, kiriman). The place and filters are
checked against the account's scope by metrics/langganan.py before they reach here; this module
keeps the rows, checks the addresses, and hands out each week's delivery once (klaim), however
many runs ask at the same time (issue 20).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from jejak import audit, simpan

ALAMAT = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
ALAMAT_MAKS = 20  # addresses a subscription sends to
PERCOBAAN_MAKS = 8  # tries of one week's report before it is given up (about a day, see jeda)
MENGIRIM_MENIT = 15  # a claim older than this was left by a run that died: it may be tried again


class GalatLangganan(ValueError):
    """A subscription that cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class Langganan:
    id: int
    pengguna: str
    wilayah: str
    saringan: dict  # {segmen, program, sumber, rentan, cabang}: the URL's text values
    bahasa: str
    kepada: tuple[str, ...]
    aktif: bool
    dibuat: str
    oleh: str


def _dari_baris(r) -> Langganan:
    return Langganan(
        r["id"], r["pengguna"], r["wilayah"], json.loads(r["saringan"]), r["bahasa"],
        tuple(a for a in r["kepada"].split(",") if a), bool(r["aktif"]), r["dibuat"], r["oleh"],
    )  # fmt: skip


def alamat_sah(teks: str | list[str]) -> list[str]:
    """The addresses of a text ('a@x.id, b@y.id' or one per line) or a list, each checked;
    raises GalatLangganan naming the first that is not an address."""
    bagian = re.split(r"[,;\s]+", teks) if isinstance(teks, str) else list(teks)
    alamat = list(dict.fromkeys(a.strip() for a in bagian if a and a.strip()))
    if not alamat:
        raise GalatLangganan("Isi minimal satu alamat email.")
    if len(alamat) > ALAMAT_MAKS:
        raise GalatLangganan(f"Paling banyak {ALAMAT_MAKS} alamat per langganan.")
    for a in alamat:
        if len(a) > 254 or not ALAMAT.match(a):
            raise GalatLangganan(f"'{a[:60]}' bukan alamat email.")
    return alamat


def tambah(pengguna: str, wilayah: str, kepada, saringan: dict, bahasa: str, oleh: str, lingkup: str) -> int:
    """Store a subscription already checked against the account's scope; returns its id."""
    if bahasa not in ("id", "en"):
        raise GalatLangganan("Bahasa laporan: id atau en.")
    alamat = alamat_sah(kepada)
    ada = sama(pengguna, wilayah, saringan, bahasa, alamat)
    if ada is not None:
        raise GalatLangganan(f"Langganan yang sama sudah ada (langganan {ada}).")
    with simpan.buka() as con:
        cur = con.execute(
            "INSERT INTO langganan (pengguna, wilayah, saringan, bahasa, kepada, aktif, dibuat, oleh) "
            "VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
            (pengguna, wilayah, json.dumps(saringan, sort_keys=True), bahasa, ",".join(alamat),
             simpan.sekarang().isoformat(), oleh),
        )  # fmt: skip
        nomor = cur.lastrowid
    # the addresses are counted, not written: the trail names accounts, places and counts only
    audit.catat("langganan_tambah", oleh, lingkup, id=nomor, pengguna=pengguna, wilayah=wilayah, alamat=len(alamat))
    return nomor


def daftar(pengguna: str | None = None, semua: bool = False) -> list[Langganan]:
    """Active subscriptions (all, with semua), of one account or of every account."""
    sql = "SELECT * FROM langganan WHERE (aktif = 1 OR ?) AND (? IS NULL OR pengguna = ?) ORDER BY id"
    with simpan.buka() as con:
        return [_dari_baris(r) for r in con.execute(sql, (int(semua), pengguna, pengguna))]


def ambil(nomor: int) -> Langganan | None:
    with simpan.buka() as con:
        r = con.execute("SELECT * FROM langganan WHERE id = ?", (nomor,)).fetchone()
    return _dari_baris(r) if r else None


def hapus(nomor: int, oleh: str, lingkup: str) -> None:
    """End a subscription (the row stays, inactive, with its deliveries)."""
    with simpan.buka() as con:
        sql = "UPDATE langganan SET aktif = 0 WHERE id = ? AND aktif = 1 RETURNING pengguna, wilayah"
        r = con.execute(sql, (nomor,)).fetchone()
    if r is None:
        raise GalatLangganan(f"Langganan {nomor} tidak ada atau sudah dihentikan.")
    audit.catat("langganan_hapus", oleh, lingkup, id=nomor, pengguna=r[0], wilayah=r[1])  # the place's admins see it


# --- deliveries ------------------------------------------------------------------------


def jeda(percobaan: int) -> dt.timedelta:
    """How long after the n-th failed try the next one may run: 5, 10, 20 ... minutes, at most 6 hours."""
    return min(dt.timedelta(minutes=5 * 2 ** (percobaan - 1)), dt.timedelta(hours=6))


def _perlu(r, sekarang: dt.datetime) -> bool:
    """Is a delivery row (or none) due for a try now?"""
    if r is None or r["status"] == "menunggu":
        return True
    if r["status"] in ("terkirim", "dilewati", "digantikan"):
        return False
    if r["status"] == "mengirim":
        return sekarang - _waktu(r["terakhir"]) >= dt.timedelta(minutes=MENGIRIM_MENIT)
    return r["berikutnya"] is not None and sekarang >= _waktu(r["berikutnya"])  # gagal


def jatuh_tempo(nomor: int, tanggal: dt.date, sekarang: dt.datetime) -> bool:
    """Is this subscription's report of `tanggal` due (never sent, or a failed try's wait over)?"""
    with simpan.buka() as con:
        r = con.execute(
            "SELECT status, terakhir, berikutnya FROM kiriman WHERE langganan_id = ? AND tanggal_data = ?",
            (nomor, tanggal.isoformat()),
        ).fetchone()
    return _perlu(r, sekarang)


def klaim(nomor: int, tanggal: dt.date, sekarang: dt.datetime) -> bool:
    """Take this subscription's report of `tanggal` for sending, if no run has sent it, none is
    sending it now, it was not skipped, and a failed try's wait is over. Atomic across processes
    (SQLite's write lock): of two runs asking at once, one gets it."""
    with simpan.buka() as con:
        con.execute("BEGIN IMMEDIATE")
        r = con.execute(
            "SELECT status, terakhir, berikutnya FROM kiriman WHERE langganan_id = ? AND tanggal_data = ?",
            (nomor, tanggal.isoformat()),
        ).fetchone()
        if not _perlu(r, sekarang):
            return False
        con.execute(
            "INSERT INTO kiriman (langganan_id, tanggal_data, status, percobaan, terakhir) VALUES (?, ?, 'mengirim', 1, ?) "
            "ON CONFLICT (langganan_id, tanggal_data) DO UPDATE SET status = 'mengirim', "
            "percobaan = percobaan + 1, terakhir = excluded.terakhir",
            (nomor, tanggal.isoformat(), sekarang.isoformat()),
        )
        return True


def selesai(
    nomor: int,
    tanggal: dt.date,
    sekarang: dt.datetime,
    galat: str | None = None,
    ukuran: int | None = None,
    catatan: str | None = None,
) -> str:
    """Record a claimed delivery's outcome: sent (with `catatan`, e.g. the addresses the server
    refused while taking the rest), or failed (tried again later, or given up after
    PERCOBAAN_MAKS tries). Returns the status written."""
    with simpan.buka() as con:
        (percobaan,) = con.execute(
            "SELECT percobaan FROM kiriman WHERE langganan_id = ? AND tanggal_data = ?", (nomor, tanggal.isoformat())
        ).fetchone()
        if galat is None:
            status, berikutnya = "terkirim", None
        else:
            status = "gagal"
            berikutnya = None if percobaan >= PERCOBAAN_MAKS else (sekarang + jeda(percobaan)).isoformat()
        con.execute(
            "UPDATE kiriman SET status = ?, terakhir = ?, berikutnya = ?, galat = ?, ukuran = ? "
            "WHERE langganan_id = ? AND tanggal_data = ?",
            (
                status,
                sekarang.isoformat(),
                berikutnya,
                (galat or catatan or "")[:300] or None,
                ukuran,
                nomor,
                tanggal.isoformat(),
            ),  # fmt: skip
        )
    return status


def lewati(nomor: int, tanggal: dt.date, sekarang: dt.datetime, alasan: str) -> None:
    """This week's report is not for sending (the account disabled, the place out of its scope)."""
    with simpan.buka() as con:
        con.execute(
            "INSERT INTO kiriman (langganan_id, tanggal_data, status, percobaan, terakhir, galat) "
            "VALUES (?, ?, 'dilewati', 0, ?, ?) ON CONFLICT (langganan_id, tanggal_data) DO NOTHING",
            (nomor, tanggal.isoformat(), sekarang.isoformat(), alasan),
        )


def menunggu(nomor: int, tanggal: dt.date, sekarang: dt.datetime, alasan: str) -> None:
    """This week's report is due but mail cannot go now (not set up, the server unreachable):
    said on the Data page until a run sends it."""
    with simpan.buka() as con:
        con.execute(
            "INSERT INTO kiriman (langganan_id, tanggal_data, status, percobaan, terakhir, galat) "
            "VALUES (?, ?, 'menunggu', 0, ?, ?) ON CONFLICT (langganan_id, tanggal_data) DO UPDATE SET "
            "terakhir = excluded.terakhir, galat = excluded.galat WHERE kiriman.status = 'menunggu'",
            (nomor, tanggal.isoformat(), sekarang.isoformat(), alasan[:300]),
        )


def gantikan(nomor: int, tanggal: dt.date, sekarang: dt.datetime) -> int:
    """A newer snapshot's report replaces this subscription's older ones not sent (waiting or
    failed): they are marked digantikan, never sent late. Returns how many."""
    with simpan.buka() as con:
        return con.execute(
            "UPDATE kiriman SET status = 'digantikan', berikutnya = NULL, terakhir = ?, "
            "galat = 'diganti laporan ' || ? WHERE langganan_id = ? AND tanggal_data < ? "
            "AND status IN ('menunggu', 'gagal', 'mengirim')",
            (sekarang.isoformat(), tanggal.isoformat(), nomor, tanggal.isoformat()),
        ).rowcount


def terakhir(pengguna: str | None = None) -> dict[int, dict]:
    """Each subscription's newest delivery (the newest snapshot, then the newest try)."""
    hasil = {}
    for k in sorted(riwayat_kiriman(10_000, pengguna), key=lambda k: (k["tanggal_data"], k["terakhir"])):
        hasil[k["langganan_id"]] = k
    return hasil


def sama(pengguna: str, wilayah: str, saringan: dict, bahasa: str, kepada: list[str]) -> int | None:
    """The id of an active subscription asking exactly this, if there is one."""
    for lg in daftar(pengguna):
        if (lg.wilayah, lg.saringan, lg.bahasa, sorted(lg.kepada)) == (wilayah, saringan, bahasa, sorted(kepada)):
            return lg.id
    return None


def riwayat_kiriman(batas: int = 200, pengguna: str | None = None) -> list[dict]:
    """The newest deliveries with their subscription: {langganan_id, pengguna, wilayah, tanggal_data,
    status, percobaan, terakhir, berikutnya, galat, ukuran}, failed ones first."""
    sql = """
    SELECT k.langganan_id, l.pengguna, l.wilayah, k.tanggal_data, k.status, k.percobaan, k.terakhir,
           k.berikutnya, k.galat, k.ukuran
    FROM kiriman k JOIN langganan l ON l.id = k.langganan_id
    WHERE ? IS NULL OR l.pengguna = ?
    ORDER BY k.status != 'gagal', k.terakhir DESC LIMIT ?
    """
    with simpan.buka() as con:
        return [dict(r) for r in con.execute(sql, (pengguna, pengguna, batas))]


def _waktu(teks: str) -> dt.datetime:
    return dt.datetime.fromisoformat(teks)
