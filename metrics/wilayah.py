"""Places: a Kemendagri code (or a kelurahan code plus an RW number), checked against the
reference, with its name, level and the chain of places above it."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import warehouse
from metrics import tersimpan
from metrics.definisi import TINGKAT
from metrics.pembangun import PertanyaanTidakSah, baca_kode

# Grain: one row per region code asked for (in DuckDB or the build's SQLite file).
WILAYAH_SQL = "SELECT kode, nama, kode_induk FROM wilayah WHERE kode = $kode"
# Grain: one row per region of the reference (kept in the build's SQLite file, metrics/tersimpan.py).
SEMUA_SQL = "SELECT kode, nama, kode_induk FROM wilayah"


@dataclass(frozen=True)
class Tempat:
    kode: str  # 'ID', '31', ..., '31.75.02.1001', '31.75.02.1001.05'
    nama: str
    tingkat: str
    kode_induk: str | None

    @property
    def tingkat_anak(self) -> str | None:
        i = TINGKAT.index(self.tingkat)
        return TINGKAT[i + 1] if i + 1 < len(TINGKAT) else None


def tempat(kode: str | None) -> Tempat:
    """The place a code names; refuses codes that are not in the reference."""
    k = baca_kode((kode or "ID").strip())
    if k.nasional:
        return Tempat("ID", "Indonesia", "nasional", None)
    if k.rw is not None:
        tempat(k.induk.kode)
        return Tempat(k.kode, f"RW {k.rw:02d}", "rw", k.induk.kode)
    kode, tingkat = k.kode, k.tingkat
    found = _cari(warehouse.current_path(), kode)
    if not found:
        raise PertanyaanTidakSah(
            f"Kode wilayah {kode} tidak ada di daftar Kemendagri", f"Region code {kode} is not in the Kemendagri list"
        )
    _, nama, induk = found[0]
    return Tempat(kode, nama, tingkat, induk or "ID")


@functools.lru_cache(maxsize=4096)
def _cari(_path, kode: str) -> list[tuple]:
    """A region row, cached per served warehouse file: every page draws its breadcrumb from these.
    Read from the build's SQLite file (0,01 ms) when it has one, else from DuckDB (1,5-2,5 ms)."""
    found = tersimpan.baca(_path, WILAYAH_SQL, {"kode": kode})  # SQLite reads $kode too
    return warehouse.rows(WILAYAH_SQL, {"kode": kode}) if found is None else found


def nama_lengkap(t: Tempat) -> str:
    """A name that says which place it is when forwarded alone: a kecamatan, kelurahan or RW with
    its parent ('Sungai Raya, Kabupaten Kubu Raya': 291 kecamatan names repeat in Kemendagri's list)."""
    if TINGKAT.index(t.tingkat) < TINGKAT.index("kecamatan"):
        return t.nama
    return f"{t.nama}, {tempat(t.kode_induk).nama}"


def jejak(kode: str | None) -> list[Tempat]:
    """The places from Indonesia down to this one (the breadcrumb)."""
    chain = [tempat(kode)]
    while chain[0].kode_induk is not None:
        chain.insert(0, tempat(chain[0].kode_induk))
    return chain
