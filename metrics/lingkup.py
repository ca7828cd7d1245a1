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
        kode = (kode or "ID").strip()
        return self.wilayah == "ID" or kode == self.wilayah or kode.startswith(self.wilayah + ".")


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
