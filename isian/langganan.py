"""Langganan: an account's subscription to the weekly report of a place, with filters and a
language, to one or more email addresses; and its deliveries (kiriman), one per snapshot.

Stored in the access store (jejak/skema.sql: langganan, kiriman). The place and filters are
checked against the account's scope by metrics/langganan.py before they reach here; this module
keeps the rows, checks the addresses (their form, their domain against settings.surel_domain,
their number against settings.alamat_maks) and an account's number of subscriptions
(settings.langganan_maks; issue 31), and hands out each week's delivery once (klaim), however
many runs ask at the same time (issue 20).

Each address gets a report of one place, filters, language and snapshot once, whatever the
subscriptions that ask for it (kiriman_alamat, keyed by kunci_kiriman; issue 31): two
subscriptions sharing an address send it one mail. A delivery left 'mengirim' by a run that died
inside the SMTP exchange may have arrived: the next run marks it 'mungkin' (tandai_mungkin) and
never sends it again by itself; an admin asks for it again (minta_ulang: 'ulang'), and the next
run sends it to the same addresses with the same Message-ID.

Only metrics/langganan.py imports it (and the tests): pages, the mailer (laporan/kirim.py) and the
command lines take the checked functions and the delivery bookkeeping from there (.importlinter:
isian).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass

import settings
from isian.galat import GalatIsian
from jejak import audit, simpan

ALAMAT = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
PERCOBAAN_MAKS = 8  # tries of one week's report before it is given up (about a day, see jeda)
SELESAI_ALAMAT = ("mengirim", "terkirim", "mungkin")  # an address row that holds its report: not sent again


class GalatLangganan(GalatIsian):
    """A subscription that cannot be made as asked (isian.galat.GalatIsian)."""


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


def domain_boleh(alamat: str, domain: tuple[str, ...] | None = None) -> bool:
    """Is the address's domain one mail may go to (settings.surel_domain, or `domain`): the domain
    itself or one of its subdomains ('a@kab.example.go.id' under 'example.go.id'), never a domain
    that only ends alike ('a@badexample.go.id')?"""
    domain = settings.surel_domain() if domain is None else domain
    bagian = alamat.rsplit("@", 1)[-1].lower()
    return any(bagian == d or bagian.endswith("." + d) for d in domain)


def periksa_domain(alamat: list[str]) -> None:
    """Refuse (GalatLangganan, both languages) addresses outside the allowed domains, naming up
    to three; or every address, when no domain is allowed (issue 31: the organisation's mail
    server is not at a stranger's service, and regional data goes to no private address)."""
    domain = settings.surel_domain()
    if not domain:
        raise GalatLangganan(
            "Laporan belum boleh dikirim ke domain surel mana pun: pengelola server perlu menetapkan domain "
            "penerima yang diizinkan.",
            "Reports may not be mailed to any domain yet: the server's operator has to set the allowed "
            "recipient domains.",
        )
    luar = [a for a in alamat if not domain_boleh(a, domain)]
    if luar:
        nama = ", ".join(f"'{a[:60]}'" for a in luar[:3]) + (f" (+{len(luar) - 3})" if len(luar) > 3 else "")
        boleh = ", ".join(domain)
        raise GalatLangganan(
            f"{nama} di luar domain yang diizinkan ({boleh}): laporan hanya dikirim ke alamat organisasi.",
            f"{nama} is outside the allowed domains ({boleh}): reports go to the organisation's addresses only.",
        )


def alamat_sah(teks: str | list[str]) -> list[str]:
    """The addresses of a text ('a@x.id, b@y.id' or one per line) or a list, each checked: its
    form, at most settings.alamat_maks of them, each in an allowed domain (periksa_domain).
    Raises GalatLangganan (both languages) naming the first that fails."""
    bagian = re.split(r"[,;\s]+", teks) if isinstance(teks, str) else list(teks)
    alamat = list(dict.fromkeys(a.strip() for a in bagian if a and a.strip()))
    if not alamat:
        raise GalatLangganan("Isi minimal satu alamat email.", "Enter at least one email address.")
    maks = settings.alamat_maks()
    if len(alamat) > maks:
        raise GalatLangganan(
            f"Paling banyak {maks} alamat per langganan ({len(alamat)} diisi).",
            f"At most {maks} addresses per subscription ({len(alamat)} given).",
        )
    for a in alamat:
        if len(a) > 254 or not ALAMAT.match(a):
            raise GalatLangganan(f"'{a[:60]}' bukan alamat email.", f"'{a[:60]}' is not an email address.")
    periksa_domain(alamat)
    return alamat


def tambah(pengguna: str, wilayah: str, kepada, saringan: dict, bahasa: str, oleh: str, lingkup: str) -> int:
    """Store a subscription already checked against the account's scope; returns its id. Refused
    (GalatLangganan, both languages) past settings.langganan_maks active subscriptions of the
    account, counted and written in one BEGIN IMMEDIATE step, so concurrent requests cannot pass it."""
    if bahasa not in ("id", "en"):
        raise GalatLangganan("Bahasa laporan: id atau en.", "Report language: id or en.")
    alamat = alamat_sah(kepada)
    ada = sama(pengguna, wilayah, saringan, bahasa, alamat)
    if ada is not None:
        raise GalatLangganan(
            f"Langganan yang sama sudah ada (langganan {ada}).", f"The same subscription exists (subscription {ada})."
        )
    maks = settings.langganan_maks()
    with simpan.buka_segera() as con:
        (jumlah,) = con.execute(
            "SELECT count(*) FROM langganan WHERE pengguna = ? AND aktif = 1", (pengguna,)
        ).fetchone()
        if jumlah >= maks:
            raise GalatLangganan(
                f"Akun {pengguna} sudah punya {jumlah} langganan, batasnya {maks}: hentikan satu dulu.",
                f"Account {pengguna} already has {jumlah} subscriptions, the limit is {maks}: stop one first.",
            )
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
        raise GalatLangganan(
            f"Langganan {nomor} tidak ada atau sudah dihentikan.",
            f"Subscription {nomor} does not exist or was stopped.",
        )
    audit.catat("langganan_hapus", oleh, lingkup, id=nomor, pengguna=r[0], wilayah=r[1])  # the place's admins see it


# --- deliveries ------------------------------------------------------------------------


def jeda(percobaan: int) -> dt.timedelta:
    """How long after the n-th failed try the next one may run: 5, 10, 20 ... minutes, at most 6 hours."""
    return min(dt.timedelta(minutes=5 * 2 ** (percobaan - 1)), dt.timedelta(hours=6))


def _perlu(r, sekarang: dt.datetime) -> bool:
    """Is a delivery row (or none) due for a try now?"""
    if r is None or r["status"] in ("menunggu", "ulang"):
        return True
    if r["status"] in ("terkirim", "dilewati", "digantikan", "mengirim", "mungkin"):
        return False  # mengirim: a live run's (a dead run's is made 'mungkin' first, tandai_mungkin)
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


# --- one report per address (issue 31) ---------------------------------------------------


def kunci_kiriman(lg: Langganan, cabang: str | None, tanggal: dt.date) -> str:
    """The key of a report as its readers get it: SHA-256 (hex) of the place, the filters (with
    the branch a branch account's report is forced to, `cabang`), the language and the snapshot.
    Two subscriptions with one key send the same mail: an address gets it once."""
    saringan = {**lg.saringan, **({"cabang": cabang} if cabang else {})}
    isi = json.dumps([lg.wilayah, saringan, lg.bahasa, tanggal.isoformat()], sort_keys=True)
    return hashlib.sha256(isi.encode()).hexdigest()


def id_pesan(kunci: str, kepada: list[str], domain: str) -> str:
    """The Message-ID of one delivery: derived from its key and its addresses, so a resend of
    it carries the same id (RFC 5322 3.6.4: one message, one id)."""
    isi = kunci + "|" + ",".join(sorted(a.lower() for a in kepada))
    return f"<{hashlib.sha256(isi.encode()).hexdigest()[:40]}@{domain}>"


def ambil_alamat(
    kunci: str, nomor: int, tanggal: dt.date, alamat: list[str], sekarang: dt.datetime, domain: str
) -> tuple[list[str], str | None]:
    """Take the addresses of subscription `nomor` that have not had report `kunci` (through any
    subscription): each becomes a kiriman_alamat row 'mengirim' of this subscription, with the
    delivery's Message-ID (id_pesan). A row 'ulang' of this subscription (an admin's resend) is
    taken again with its own id. Atomic (BEGIN IMMEDIATE). Returns (addresses, Message-ID); no
    addresses: every one had it already."""
    with simpan.buka_segera() as con:
        rows = {
            r["alamat"]: r
            for r in con.execute(
                "SELECT alamat, status, langganan_id, message_id FROM kiriman_alamat WHERE kunci = ?", (kunci,)
            )
        }
        ulang = [
            a for a in alamat if (r := rows.get(a.lower())) and r["status"] == "ulang" and r["langganan_id"] == nomor
        ]
        if ulang:  # the admin's resend: the same addresses, the same id
            kepada, mid = ulang, rows[ulang[0].lower()]["message_id"]
        else:
            kepada = [a for a in alamat if (r := rows.get(a.lower())) is None or r["status"] not in SELESAI_ALAMAT]
            mid = id_pesan(kunci, kepada, domain) if kepada else None
        for a in kepada:
            con.execute(
                "INSERT INTO kiriman_alamat (kunci, alamat, langganan_id, tanggal_data, status, message_id, terakhir) "
                "VALUES (?, ?, ?, ?, 'mengirim', ?, ?) ON CONFLICT (kunci, alamat) DO UPDATE SET status = 'mengirim', "
                "langganan_id = excluded.langganan_id, message_id = excluded.message_id, terakhir = excluded.terakhir",
                (kunci, a.lower(), nomor, tanggal.isoformat(), mid, sekarang.isoformat()),
            )
    return kepada, mid


def alamat_selesai(kunci: str, kepada: list[str], terkirim: bool, ditolak=()) -> None:
    """The outcome of a delivery's addresses: sent (those the server refused, `ditolak`, are let
    go, as are all of them when it failed: a later try may send them)."""
    lepas = [a.lower() for a in (kepada if not terkirim else ditolak)]
    with simpan.buka() as con:
        if terkirim:
            con.executemany(
                "UPDATE kiriman_alamat SET status = 'terkirim' WHERE kunci = ? AND alamat = ?",
                [(kunci, a.lower()) for a in kepada],
            )
        con.executemany("DELETE FROM kiriman_alamat WHERE kunci = ? AND alamat = ?", [(kunci, a) for a in lepas])


def tandai_mungkin(sekarang: dt.datetime) -> int:
    """Deliveries left 'mengirim' by a run that died (only one run sends at a time: whoever calls
    this holds the sending lock, laporan/kirim.py) may have reached the server: they become
    'mungkin' (possibly delivered), said on the Data page, never sent again by a run on its own.
    Returns how many."""
    alasan = "pengiriman terputus di tengah jalan: mungkin sudah sampai, mungkin belum"
    with simpan.buka() as con:
        di_jalan = "SELECT 1 FROM kiriman_alamat a WHERE a.langganan_id = kiriman.langganan_id AND a.tanggal_data = kiriman.tanggal_data AND a.status = 'mengirim'"
        # no address taken yet: nothing was on the wire, a failed try like any other (tried again now)
        con.execute(
            f"UPDATE kiriman SET status = 'gagal', berikutnya = ?, galat = 'pengiriman terputus sebelum surel dikirim' "
            f"WHERE status = 'mengirim' AND NOT EXISTS ({di_jalan})",
            (sekarang.isoformat(),),
        )
        n = con.execute(
            "UPDATE kiriman SET status = 'mungkin', terakhir = ?, berikutnya = NULL, galat = ? WHERE status = 'mengirim'",
            (sekarang.isoformat(), alasan),
        ).rowcount
        con.execute("UPDATE kiriman_alamat SET status = 'mungkin' WHERE status = 'mengirim'")
        return n


def minta_ulang(nomor: int, oleh: str, lingkup: str) -> str:
    """An admin asks for a delivery marked 'mungkin' of subscription `nomor` (its newest) to be
    sent again: it becomes 'ulang', and the next run sends it once, to the same addresses with the
    same Message-ID. Audited (laporan_kirim_ulang, with the place). Returns its snapshot date;
    GalatLangganan (both languages) when the subscription has none."""
    with simpan.buka_segera() as con:
        r = con.execute(
            "SELECT k.tanggal_data, l.wilayah FROM kiriman k JOIN langganan l ON l.id = k.langganan_id "
            "WHERE k.langganan_id = ? AND k.status = 'mungkin' ORDER BY k.tanggal_data DESC LIMIT 1",
            (nomor,),
        ).fetchone()
        if r is None:
            raise GalatLangganan(
                f"Langganan {nomor} tidak punya kiriman yang mungkin belum sampai.",
                f"Subscription {nomor} has no delivery that may not have arrived.",
            )
        con.execute(
            "UPDATE kiriman SET status = 'ulang', galat = 'dikirim ulang atas permintaan ' || ? "
            "WHERE langganan_id = ? AND tanggal_data = ?",
            (oleh, nomor, r["tanggal_data"]),
        )
        con.execute(
            "UPDATE kiriman_alamat SET status = 'ulang' WHERE langganan_id = ? AND tanggal_data = ? AND status = 'mungkin'",
            (nomor, r["tanggal_data"]),
        )
    audit.catat("laporan_kirim_ulang", oleh, lingkup, id=nomor, wilayah=r["wilayah"], tanggal_data=r["tanggal_data"])
    return r["tanggal_data"]


def diminta_ulang() -> list[tuple[int, dt.date]]:
    """The deliveries an admin asked to send again: (subscription id, snapshot date)."""
    with simpan.buka() as con:
        rows = con.execute("SELECT langganan_id, tanggal_data FROM kiriman WHERE status = 'ulang' ORDER BY 1, 2")
        return [(r[0], dt.date.fromisoformat(r[1])) for r in rows]


def _waktu(teks: str) -> dt.datetime:
    return dt.datetime.fromisoformat(teks)
