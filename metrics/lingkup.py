"""Who may see what: the scope of the one asking, enforced here for every question.

The web server sets the scope of the logged-in user at the start of each request (from its
server-side session) and clears it at the end; the command lines set the national scope of the
operator. A question asked with no scope set is refused: nothing is answered by default.

A scope is one place (nasional 'ID', or a provinsi / kabupaten-kota / kecamatan / kelurahan
code) or one kantor cabang. A place scope sees that place and everything below it; a branch
scope sees every place, counting only its own branch's participants.
"""

from __future__ import annotations

import contextlib
import contextvars
from dataclasses import dataclass, replace

import kode_wilayah
from jejak import audit
from metrics.definisi import PertanyaanTidakSah, kutip
from metrics.pembangun import Filter


class TanpaAkses(PertanyaanTidakSah):
    """A question asked outside any login, or outside the asker's scope."""


@dataclass(frozen=True)
class Lingkup:
    wilayah: str = "ID"  # the root place this scope sees
    kantor_cabang: str | None = None  # set: only this branch's participants
    admin: bool = False  # loads data, manages users, sees data quality
    nama: str = ""  # who: for the audit trail and the header

    @property
    def nasional(self) -> bool:
        return self.wilayah == "ID" and self.kantor_cabang is None

    @property
    def label(self) -> str:
        return f"cabang:{self.kantor_cabang}" if self.kantor_cabang else self.wilayah

    def memuat(self, kode: str | None) -> bool:
        """Is this place the scope's place or below it?"""
        try:
            tempat = kode_wilayah.baca((kode or "ID").strip())
        except kode_wilayah.KodeTidakSah:
            return self.wilayah == "ID"  # not a code at all: refused further on, by the place, not by the scope
        return kode_wilayah.baca(self.wilayah).mencakup(tempat)


NASIONAL = Lingkup(admin=True, nama="operator")  # the command lines: whoever runs them on the server
_aktif: contextvars.ContextVar[Lingkup | None] = contextvars.ContextVar("lingkup", default=None)


def aktif() -> Lingkup:
    """The scope of this request; refused when nobody is logged in."""
    lingkup = _aktif.get()
    if lingkup is None:
        raise TanpaAkses("Harus masuk (login) dulu.", "Log in first.")
    return lingkup


def pasang(lingkup: Lingkup | None) -> contextvars.Token:
    return _aktif.set(lingkup)


def lepas(token: contextvars.Token) -> None:
    _aktif.reset(token)


@contextlib.contextmanager
def berlaku(lingkup: Lingkup | None):
    """Run a block under this scope (the command lines, tests)."""
    token = pasang(lingkup)
    try:
        yield lingkup
    finally:
        lepas(token)


def periksa(kode: str | None) -> None:
    """Refuse a place outside the scope."""
    lingkup = aktif()
    if not lingkup.memuat(kode):
        kode = kutip(kode or "ID")
        raise TanpaAkses(
            f"Wilayah {kode} di luar lingkup akses Anda ({lingkup.wilayah}).",
            f"Region {kode} is outside your access scope ({lingkup.wilayah}).",
        )


def saring(filt: Filter | None) -> Filter:
    """A branch scope counts only its branch: its filter is forced, another branch is refused."""
    filt = filt or Filter()
    lingkup = aktif()
    if lingkup.kantor_cabang is None:
        return filt
    if filt.kantor_cabang not in (None, lingkup.kantor_cabang):
        cabang = kutip(filt.kantor_cabang)
        raise TanpaAkses(
            f"Kantor cabang {cabang} di luar lingkup akses Anda ({lingkup.kantor_cabang}).",
            f"Branch office {cabang} is outside your access scope ({lingkup.kantor_cabang}).",
        )
    return replace(filt, kantor_cabang=lingkup.kantor_cabang)


def wajib_admin(nasional: bool = False) -> None:
    """Data quality (rejected rows, loads, the audit trail) is for administrators; whole-file
    counts of every region (`nasional`) for national administrators."""
    akun = aktif()
    if not akun.admin:
        raise TanpaAkses("Hanya admin yang boleh melihat data ini.", "Only administrators may see this.")
    if nasional and not akun.nasional:
        raise TanpaAkses(
            "Hanya admin nasional yang boleh melihat data ini.", "Only national administrators may see this."
        )


# --- writes ------------------------------------------------------------------------------
# Writes are scoped like reads, by one rule (issue 31, "Writes are scoped like reads, by rule, in
# one place"): a place is written to (an action recorded or removed, a target split or its
# removal) only inside the writer's scope, and never by a branch account. A branch scope holds
# every place only to read its own branch's participants: it has no place of its own to act for,
# and an action or a split on a place is seen by everyone who sees that place (the trend's
# markers, the Aksi list, the targets), so a branch writing there would act for a region or the
# whole country. A branch acts for its branch: its own subscriptions (a report of its own
# branch's numbers, to itself) are not writes on a place, and are checked by metrics/langganan.py.
TULIS_CABANG = {  # the place writes a branch account may not make: why, in words
    "aksi_tambah": (
        "Akun kantor cabang tidak mencatat atau menghapus aksi: aksi dicatat per wilayah dan tampil bagi semua "
        "yang melihat wilayah itu; kantor cabang bertindak untuk cabangnya, bukan untuk wilayah atau seluruh negeri.",
        "A branch office account does not record or remove actions: actions are recorded per region and shown to "
        "everyone who sees it; a branch acts for its branch, not for a region or the whole country.",
    ),
    "target_bagi": (
        "Akun kantor cabang tidak membagi target: target ditetapkan per wilayah, bukan per cabang.",
        "A branch office account does not split targets: targets are set per region, not per branch.",
    ),
}
TULIS_CABANG["aksi_hapus"] = TULIS_CABANG["aksi_tambah"]
TULIS_CABANG["target_bagi_hapus"] = TULIS_CABANG["target_bagi"]


def alasan_tulis(kode: str | None, apa: str) -> TanpaAkses | None:
    """Why the active scope may not make write `apa` (an event of jejak.audit.PERISTIWA_TULIS) on
    place `kode`, or None when it may: the rule of the block above. A page asks it to show a form
    or a reason; nothing is recorded."""
    if apa not in audit.PERISTIWA_TULIS:
        raise ValueError(f"bukan penulisan yang dikenal: {apa}")
    saya = aktif()
    if saya.kantor_cabang and apa in TULIS_CABANG:
        return TanpaAkses(*TULIS_CABANG[apa])
    try:
        periksa(kode)
    except TanpaAkses as e:
        return e
    return None


def periksa_tulis(kode: str | None, apa: str, **rincian) -> None:
    """Refuse write `apa` on place `kode` unless the rule allows it (alasan_tulis). Every write
    calls it before it changes anything; a refusal is audited (catat_tolak) with the place, so the
    admins whose scope holds the place see the attempt, and raised as lingkup.TanpaAkses."""
    e = alasan_tulis(kode, apa)
    if e is not None:
        catat_tolak(apa, kode, e, **rincian)
        raise e


def catat_tolak(apa: str, kode: str | None, e: PertanyaanTidakSah, **rincian) -> None:
    """Audit a refused write ('tulis_ditolak'): who, with which scope, what (`apa`), on which place
    (quoted: it may be anything a request sent), and why in both languages, as a refused download
    is ('unduh_ditolak', server/unduh.py)."""
    saya = aktif()
    audit.catat(
        "tulis_ditolak", saya.nama, saya.label, jenis=apa, wilayah=kutip(kode or "ID"), alasan=str(e),
        alasan_en=e.teks("en"), **rincian,
    )  # fmt: skip
