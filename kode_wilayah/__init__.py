"""A Kemendagri region code as one value: its level, parent, prefixes and RW part, and the SQL
fragments that match a code column. The one place for the code rules in Python; their SQL side
(reading a code from roster text, a number or digits) is kode_wilayah.sql beside this file, run
on every build connection (etl/build.py). The lowest layer: imports nothing of ours.

The shapes (Permendagri 72/2019 on codes and data of administrative regions; the RW part is
ours, the kelurahan's code plus the RW number, at least two digits):

    'ID'                national          '31.75.02'          kecamatan
    '31'                provinsi          '31.75.02.1001'     kelurahan / desa
    '31.75'             kab/kota          '31.75.02.1001.05'  an RW of that kelurahan (1-999)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

TINGKAT = ("nasional", "provinsi", "kabkota", "kecamatan", "kelurahan", "rw")
NASIONAL = "ID"
PANJANG = {"provinsi": 2, "kabkota": 5, "kecamatan": 8, "kelurahan": 13}  # characters of a code's prefix
POLA = {
    "nasional": r"ID",
    "provinsi": r"[0-9]{2}",
    "kabkota": r"[0-9]{2}\.[0-9]{2}",
    "kecamatan": r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}",
    "kelurahan": r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}",
    "rw": r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}\.[0-9]{1,3}",
}
RW_TERBESAR = 999
DIGIT = {2: "provinsi", 4: "kabkota", 6: "kecamatan", 10: "kelurahan"}  # a code's digits without dots
BERKAS_SQL = Path(__file__).resolve().parent / "kode_wilayah.sql"
_NAMA_SQL = re.compile(r"[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)?")  # a column, maybe table-qualified
_PARAMETER_SQL = re.compile(r"[$:][a-z_][a-z_0-9]*|\?[0-9]+")


class KodeTidakSah(ValueError):
    """A code that is not a Kemendagri code of one of TINGKAT's shapes. str() is the Indonesian
    message; `teks(bahasa)` the page's language (as metrics.definisi.PertanyaanTidakSah, which the
    metrics raise in its place)."""

    def __init__(self, pesan: str, en: str):
        super().__init__(pesan)
        self.en = en

    def teks(self, bahasa: str) -> str:
        return self.en if bahasa == "en" else str(self)


def _kutip(nilai: object, panjang: int = 40) -> str:
    """As metrics.definisi.kutip (this package imports nothing of ours): a long or multi-line
    value is never echoed back whole."""
    teks = "".join("?" if (ord(c) < 32 or 127 <= ord(c) < 160) else c for c in str(nilai))
    return teks if len(teks) <= panjang else teks[: panjang - 1] + "…"


@dataclass(frozen=True)
class KodeWilayah:
    """One region code, checked when made: KodeWilayah('31.75') or baca('31.75'). An RW's number is
    written with at least two digits ('31.75.02.1001.5' is kept as '31.75.02.1001.05').
    Raises KodeTidakSah for any other shape, or an RW outside 1-999."""

    kode: str
    tingkat: str = field(init=False, compare=False)

    def __post_init__(self):
        teks = self.kode if isinstance(self.kode, str) else ""
        tingkat = next((t for t, pola in POLA.items() if re.fullmatch(pola, teks)), None)
        if tingkat is None:
            raise KodeTidakSah(
                f"Kode wilayah '{_kutip(self.kode)}' tidak dikenal: pakai ID, 31, 31.75, 31.75.02, 31.75.02.1001 "
                "atau 31.75.02.1001.05 (RW 05)",
                f"Region code '{_kutip(self.kode)}' is not a code: use ID, 31, 31.75, 31.75.02, 31.75.02.1001 "
                "or 31.75.02.1001.05 (RW 05)",
            )
        if tingkat == "rw":
            nomor = teks[PANJANG["kelurahan"] + 1 :]
            if not 1 <= int(nomor) <= RW_TERBESAR:
                raise KodeTidakSah(f"RW {nomor} bukan nomor RW 1-999", f"RW {nomor} is not an RW number 1-999")
            teks = f"{teks[: PANJANG['kelurahan']]}.{int(nomor):02d}"
        object.__setattr__(self, "kode", teks)
        object.__setattr__(self, "tingkat", tingkat)

    def __str__(self) -> str:
        return self.kode

    @property
    def nasional(self) -> bool:
        return self.tingkat == "nasional"

    @property
    def digit(self) -> str:
        """The code's digits without dots ('31.75.02.1001' -> '3175021001'; '' for the nation), the
        form a NIK starts with and dari_digit reads back."""
        return "" if self.nasional else self.kode.replace(".", "")

    @property
    def rw(self) -> int | None:
        """An RW's number (5 for '31.75.02.1001.05'); None for a region."""
        return int(self.kode[PANJANG["kelurahan"] + 1 :]) if self.tingkat == "rw" else None

    def awalan(self, tingkat: str) -> KodeWilayah:
        """The place at `tingkat` that holds this one (itself at its own level): '31.75.02'
        .awalan('provinsi') is '31'. Raises KodeTidakSah for a level below this code's."""
        if tingkat not in TINGKAT or TINGKAT.index(tingkat) > TINGKAT.index(self.tingkat):
            raise KodeTidakSah(
                f"Kode {self.kode} ({self.tingkat}) tidak punya awalan tingkat '{_kutip(tingkat)}'",
                f"Code {self.kode} ({self.tingkat}) has no prefix at level '{_kutip(tingkat)}'",
            )
        if tingkat == self.tingkat:
            return self
        return KodeWilayah(NASIONAL if tingkat == "nasional" else self.kode[: PANJANG[tingkat]])

    @property
    def induk(self) -> KodeWilayah | None:
        """The place one level up (an RW's kelurahan, a province's 'ID'); None for the nation."""
        i = TINGKAT.index(self.tingkat)
        return self.awalan(TINGKAT[i - 1]) if i else None

    @property
    def leluhur(self) -> tuple[KodeWilayah, ...]:
        """Every place above this one, the nation first: '31.75' -> (ID, 31)."""
        return tuple(self.awalan(t) for t in TINGKAT[: TINGKAT.index(self.tingkat)])

    def mencakup(self, lain: KodeWilayah) -> bool:
        """Is `lain` this place or below it? The nation holds every place."""
        return self.nasional or lain.kode == self.kode or lain.kode.startswith(self.kode + ".")


@functools.lru_cache(maxsize=65_536)
def baca(kode: str) -> KodeWilayah:
    """The code `kode` names, exactly as written (no spaces trimmed); KodeTidakSah otherwise."""
    return KodeWilayah(kode)


def dari_digit(digit: str) -> KodeWilayah | None:
    """The code of 2, 4, 6 or 10 digits without dots ('3175021001' -> 31.75.02.1001); None for
    any other. SQL: kode_bertitik(d, length(d))."""
    if not re.fullmatch(r"[0-9]+", digit or "") or len(digit) not in DIGIT:
        return None
    return KodeWilayah(".".join(digit[a:b] for a, b in ((0, 2), (2, 4), (4, 6), (6, 10)) if a < len(digit)))


def dari_angka(desimal: str) -> KodeWilayah | None:
    """The only code a number can be, from its plain decimal text (data contract section 1,
    "Region codes stored as a number"): a whole number is its digits (dari_digit); a two-digit
    whole part with one or two decimals is a kab/kota code, its trailing zero restored ('32.1' ->
    32.10 Majalengka, never 32.01). None for anything else. SQL: kode_dari_angka."""
    if re.fullmatch(r"[0-9]+", desimal or ""):
        return dari_digit(desimal)
    if re.fullmatch(r"[0-9]{2}\.[0-9]{1,2}", desimal or ""):
        return KodeWilayah(desimal.ljust(PANJANG["kabkota"], "0"))
    return None


def _periksa_sql(kolom: str, *parameter: str) -> None:
    """Fragments take our column names and placeholders only; a value always travels bound."""
    if not _NAMA_SQL.fullmatch(kolom) or not all(_PARAMETER_SQL.fullmatch(p) for p in parameter):
        raise ValueError(f"not a column name or a placeholder: {kolom!r} {parameter!r}")


def sql_di_bawah(kolom: str, parameter: str, sqlite: bool = False) -> str:
    """SQL true when code column `kolom` is strictly below the place bound to `parameter`
    ('$induk', ':lingkup', '?4'). DuckDB: starts_with; SQLite: a range an index can use (every
    code starting 'p.' sorts from 'p.' up to, not including, 'p/')."""
    _periksa_sql(kolom, parameter)
    if sqlite:
        return f"({kolom} >= {parameter} || '.' AND {kolom} < {parameter} || '/')"
    return f"starts_with({kolom}, {parameter} || '.')"


def sql_mencakup(kolom: str, parameter: str, sqlite: bool = False) -> str:
    """SQL true when code column `kolom` is the place bound to `parameter` or below it (the
    nation is the caller's: it holds every row, so no condition at all)."""
    return f"({kolom} = {parameter} OR {sql_di_bawah(kolom, parameter, sqlite)})"


def sql_awalan(kolom: str, tingkat: str) -> str:
    """SQL for the prefix at `tingkat` (provinsi to kelurahan) of a code column holding codes at
    that level or below: left(kode_kelurahan, 5) is the kab/kota."""
    _periksa_sql(kolom)
    return f"left({kolom}, {PANJANG[tingkat]})"


def sql_kode_rw(kolom_kelurahan: str, kolom_rw: str) -> str:
    """SQL for an RW's code from its kelurahan's code and its number: '31.75.02.1001' and 5 ->
    '31.75.02.1001.05', 123 -> '31.75.02.1001.123' (as KodeWilayah writes it; lpad would cut 123 to
    '12')."""
    _periksa_sql(kolom_kelurahan)
    _periksa_sql(kolom_rw)
    return f"{kolom_kelurahan} || '.' || printf('%02d', {kolom_rw})"
