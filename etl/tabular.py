"""What every reader of a tabular file shares: the types, the header, values, totals.

Imports point one way: reader.py (opens a file, reads Parquet) -> delimited.py (CSV) and
workbook.py (XLSX/XLS/ODS) -> this module, which imports none of them (a contract in
.importlinter).

A part is one table of a file: a CSV or Parquet file, or one sheet of a workbook (XLSX, XLS,
ODS). Here are the types a read gives (`Columns` asked for, `FileRead` and its `Part`s, and
`LoadError`), and what the contract (section 1) asks of every kind of file, done once:
- the header is the first of the first 20 rows that names every required column; rows above
  it are title rows, reported (`find_header`, `map_header`);
- values are cleaned the same way everywhere: Unicode spaces and control characters become
  plain spaces, Excel's text wrappers (`="..."`, a leading `'`) are unwrapped, ends trimmed
  (`clean_text`);
- a totals row (`JUMLAH`, `TOTAL` in any cell, no NIK) and the footer rows after it are
  reported, not handed on (`Shaper`).
Every batch a part hands on has `baris` (int64), the row's line in the file or sheet (the
header's own line is counted: header on line 1 means data from line 2; a record spanning lines
has its first line), and one string column per canonical name of the `Columns` spec (null when
the file lacks the column). Unknown columns are never handed on (names are personal data).
A value that went through a number in a text-only column (the NIK, the region code) is handed
on in scientific form with the significant digits the number kept (`3.60101123456000e+15`,
`3.21000000000000e+01`), so the cleaning SQL knows it for a number: a NIK is rejected as
`nik_angka`, a region code read by the only code it can be (`wilayah_angka`, contract section 1
"Region codes stored as a number"). Rows a reader itself cannot hand on are in `Part.rejected`
as (line, reason code, words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

BATCH_ROWS = 200_000
HEADER_SEARCH_ROWS = 20
MAX_LISTED = 50  # ignored columns named in a summary; more are shown as "..."
RESTART = "restart"  # yielded when the fast reader must be redone exactly: drop this part's rows

# Unicode spaces (Zs, line and paragraph separators) and control characters: become spaces.
NOT_PLAIN = r"[\p{Z}\x{0085}\x00-\x1f\x7f]"
# Invisible format marks (zero-width space and joiners, LRM/RLM, soft hyphen, BOM): removed.
INVISIBLE = r"\p{Cf}"
TOTALS = r"(?i)^(sub\s*)?(jumlah|total|grand\s*total)(\s|:|$)"
TOTALS_AWAL = np.frombuffer(b"JjTtSsGg", np.uint8)  # the first letters TOTALS can match


class LoadError(Exception):
    """A whole file cannot be loaded. The message names the file and what to do."""


class NoHeader(LoadError):
    """No header among the first rows; `short` says why in a few words (for a skipped sheet)."""

    def __init__(self, message: str, short: str):
        super().__init__(message)
        self.short = short


@dataclass
class Columns:
    """The columns a kind of file may have: canonical name -> accepted aliases."""

    aliases: dict[str, list[str]]
    required: list[str]
    skip: list[str] = field(default_factory=list)  # recognised but never read (personal data)
    # A number here is handed on in scientific form (see the module's docstring); the first is
    # the person's identity (the NIK), which a totals row lacks.
    text_only: list[str] = field(default_factory=list)

    def lookup(self) -> dict[str, str]:
        names = {}
        for canonical, aliases in self.aliases.items():
            for name in [canonical, *aliases]:
                names[normalise_header(name)] = canonical
        return names

    def output(self) -> list[str]:
        """The canonical columns handed on, in order."""
        return [c for c in self.aliases if c not in self.skip]


def normalise_header(name) -> str:
    """'No. KPJ', 'no_kpj', 'NO KPJ' and 'NO\u00a0KPJ' are one column: no_kpj."""
    name = re.sub(r"[\s\u00a0\u200b\ufeff]+", " ", str(name or "")).strip().strip('"').lower()
    return re.sub(r"[\s._\-]+", "_", name).strip("_")


def output_columns(spec: Columns) -> list[str]:
    return ["baris"] + spec.output()


@dataclass
class Part:
    """One table of a file and what reading it found. Counts are complete once `batches` ends."""

    sheet: str | None = None
    header_line: int = 0
    columns: dict[str, str] = field(default_factory=dict)  # header as written -> canonical
    ignored_columns: list[str] = field(default_factory=list)
    title_rows: list[int] = field(default_factory=list)
    total_rows: list[int] = field(default_factory=list)
    note_rows: list[int] = field(default_factory=list)  # notes under the table (a signature)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)  # (line, reason, words)
    unsaved_formulas: dict[str, int] = field(default_factory=dict)  # column -> cells
    rows: int = 0  # rows handed on
    batches: Callable[[], Iterator] | None = None

    @property
    def read(self) -> int:
        """Data rows: handed on or rejected here (title, totals and blank rows are not data)."""
        return self.rows + len(self.rejected)

    def describe(self) -> dict:
        return {
            "sheet": self.sheet,
            "header_line": self.header_line,
            "columns": self.columns,
            "ignored_columns": self.ignored_columns,
            "read": self.read,
            "title_rows": len(self.title_rows),
            "total_rows": len(self.total_rows),
            "note_rows": len(self.note_rows),
            "unsaved_formulas": self.unsaved_formulas,
        }


@dataclass
class FileRead:
    """What one file is and the parts it holds."""

    path: str
    format: str = ""
    sha256: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    sep_line: bool = False
    parts: list[Part] = field(default_factory=list)
    skipped_sheets: list[dict] = field(default_factory=list)  # {"sheet", "reason"}

    @property
    def read(self) -> int:
        return sum(p.read for p in self.parts)

    def describe(self) -> dict:
        """What the load summary says of the file itself."""
        columns, ignored = {}, []
        for p in self.parts:
            columns.update(p.columns)
            ignored += [c for c in p.ignored_columns if c not in ignored]
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "columns": columns,
            "ignored_columns": ignored,
            "read": self.read,
            "title_rows": sum(len(p.title_rows) for p in self.parts),
            "total_rows": sum(len(p.total_rows) for p in self.parts),
            "note_rows": sum(len(p.note_rows) for p in self.parts),
            "header_line": (self.parts[0].header_line or None) if len(self.parts) == 1 else None,  # 0 for Parquet
            "skipped_sheets": self.skipped_sheets,
        }


def named(error: LoadError, where: str) -> LoadError:
    """The error with the file (or sheet) in front, when its message does not name it yet."""
    return error if str(error).startswith(where) else LoadError(f"{where}: {error}")


# --- the header -----------------------------------------------------------------------


def find_header(rows: list[tuple[int, list[str]]], spec: Columns, where: str) -> tuple[int, list[str]]:
    """The first of up to 20 (line, cells) rows naming every required column: (index, cells).

    Raises LoadError naming the closest row and the columns it lacks."""
    lookup = spec.lookup()
    best, best_found = None, -1
    for index, (line, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        named = {lookup.get(normalise_header(c)) for c in cells} - {None}
        if all(c in named for c in spec.required):
            return index, cells
        found = sum(c in named for c in spec.required)
        if found > best_found:
            best, best_found = (line, cells), found
    if best is None:
        raise NoHeader(f"{where}: tidak ada baris sama sekali. Kirim berkas yang berisi data peserta.", "lembar kosong")
    line, cells = best
    named = {lookup.get(normalise_header(c)) for c in cells}
    missing = [c for c in spec.required if c not in named]
    shown = ", ".join(str(c) for c in cells if str(c).strip())[:300]
    if any(re.search(r"[0-9]{6}", str(c)) for c in cells):  # a row of data, maybe a person's: not shown
        shown = "berisi data, bukan nama kolom: tambahkan baris kolom di atasnya"
    raise NoHeader(
        f"{where}: di {min(len(rows), HEADER_SEARCH_ROWS)} baris pertama tidak ada baris kolom (nama-nama kolom) yang memuat "
        f"kolom wajib {', '.join(repr(c) for c in spec.required)}. Paling dekat baris {line} "
        f"({shown or 'kosong'}), yang tidak punya {', '.join(repr(c) for c in missing)}. Tambahkan kolomnya, "
        "atau ganti namanya dengan salah satu nama yang diterima: "
        + "; ".join(f"{c}: {', '.join([c, *spec.aliases[c]])}" for c in missing),
        f"tidak ada baris kolom dengan {', '.join(spec.required)} (baris {line}: {shown[:80] or 'kosong'})",
    )


def map_header(header: list[str], spec: Columns, part: Part, where: str) -> dict[int, str]:
    """Positions of the header -> canonical names (names excluded); records what was ignored."""
    lookup = spec.lookup()
    found: dict[int, str] = {}
    for i, name in enumerate(header):
        canonical = lookup.get(normalise_header(name))
        if canonical is None:
            if str(name or "").strip() and len(part.ignored_columns) < MAX_LISTED:
                part.ignored_columns.append(str(name)[:100])
            elif str(name or "").strip() and len(part.ignored_columns) == MAX_LISTED:
                part.ignored_columns.append("...")
            continue
        if canonical in found.values():
            raise LoadError(
                f"{where}: kolom '{canonical}' muncul dua kali di baris judul "
                f"(lihat kolom ke-{i + 1}, '{name}'). Hapus salah satunya."
            )
        found[i] = canonical
        part.columns[str(name)] = canonical
    return {i: c for i, c in found.items() if c not in spec.skip}


# --- values ---------------------------------------------------------------------------


def _bytes(column: pa.Array | pa.ChunkedArray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each chunk of a text column as (its bytes, its value offsets), read in place, so a test
    over every byte costs a numpy pass instead of a regex pass (None values have empty spans)."""
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    views = []
    for chunk in chunks:
        if len(chunk) == 0:
            continue
        _, offsets_buf, data_buf = chunk.buffers()
        kind = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        offsets = np.frombuffer(offsets_buf, kind)[chunk.offset : chunk.offset + len(chunk) + 1]
        data = np.frombuffer(data_buf, np.uint8) if data_buf is not None else np.zeros(0, np.uint8)
        views.append((data[offsets[0] : offsets[-1]], offsets - offsets[0]))
    return views


def _first_bytes(column) -> np.ndarray:
    """The first byte of every non-empty value (in no particular row order)."""
    return np.concatenate([d[o[:-1][o[1:] > o[:-1]]] for d, o in _bytes(column)] or [np.zeros(0, np.uint8)])


def _last_bytes(column) -> np.ndarray:
    return np.concatenate([d[o[1:][o[1:] > o[:-1]] - 1] for d, o in _bytes(column)] or [np.zeros(0, np.uint8)])


def clean_text(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Every value as the contract reads it: compatibility forms made plain (NFKC: full-width
    digits and letters), invisible marks removed, Unicode spaces and control characters as plain
    spaces, `="..."` and a leading `'` unwrapped, ends trimmed. Clean columns pass untouched:
    whether a step is needed is decided from the column's bytes first (numpy, no regex)."""
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        column = column.cast(pa.string())  # the byte views below read these two layouts only
    if any(((d < 0x20) | (d > 0x7E)).any() for d, _ in _bytes(column)):
        if pc.any(pc.invert(pc.string_is_ascii(column))).as_py():
            column = pc.replace_substring_regex(pc.utf8_normalize(column, "NFKC"), INVISIBLE, "")
        column = pc.replace_substring_regex(column, NOT_PLAIN, " ")
    first = _first_bytes(column)
    if (first == 0x20).any() or (_last_bytes(column) == 0x20).any():
        column = pc.utf8_trim(column, " ")
        first = _first_bytes(column)
    if np.isin(first, np.frombuffer(b"='\"", np.uint8)).any():
        column = pc.replace_substring_regex(column, r'^="(.*)"$', r"\1")
        column = pc.utf8_trim(pc.replace_substring_regex(column, r"^'+", ""), " ")
    return column


class Shaper:
    """Turns tables of all columns as text (c0, c1, ...) into the spec's batches, in order.

    Keeps the totals state across batches: after a totals row, rows whose required columns are
    all empty belong to the totals block (a footer such as '3 orang')."""

    def __init__(
        self,
        part: Part,
        spec: Columns,
        positions: dict[int, str],
        nik_at: int | None,
        required_at: list[int],
        totals: bool = True,
    ):
        self.part, self.spec, self.positions = part, spec, positions
        self.nik_at, self.required_at, self.totals = nik_at, required_at, totals
        self.after_total = False

    def __call__(
        self, lines: np.ndarray, table: pa.Table, drop: np.ndarray | None = None, faults: list | None = None
    ) -> pa.Table:
        """`drop`: blank rows, not counted; `faults`: per row None, or the columns whose formula
        has no saved result (the row is rejected, unless it is a totals row)."""
        columns = [clean_text(table.column(i)) for i in range(table.num_columns)]
        keep = np.ones(len(lines), bool) if drop is None else ~drop
        if self.totals and len(lines):
            totals = self._totals(lines, columns) & keep
            self.part.total_rows += lines[totals].tolist()
            keep &= ~totals
        if faults is not None:
            for i in np.flatnonzero(keep):
                if faults[i]:
                    keep[i] = False
                    self.part.rejected.append(
                        (
                            int(lines[i]),
                            "formula_no_value",
                            "Rumus tanpa hasil tersimpan di kolom: " + ", ".join(faults[i]),
                        )
                    )
                    for column in faults[i]:
                        self.part.unsaved_formulas[column] = self.part.unsaved_formulas.get(column, 0) + 1
        n = int(keep.sum())
        mask = pa.array(keep)
        by_name = {self.positions[i]: columns[i].filter(mask) for i in self.positions if i < len(columns)}
        self.part.rows += n
        return pa.table(
            [pa.array(lines[keep], pa.int64())]
            + [by_name.get(c, pa.nulls(n, pa.string())) for c in self.spec.output()],
            names=output_columns(self.spec),
        )

    def _totals(self, lines: np.ndarray, columns: list) -> np.ndarray:
        labelled = np.zeros(len(lines), bool)
        for column in columns:
            if not np.isin(
                _first_bytes(column), TOTALS_AWAL
            ).any():  # no value can start 'jumlah', 'total', 'sub', 'grand'
                continue
            labelled |= pc.fill_null(pc.match_substring_regex(column, TOTALS), False).to_numpy(zero_copy_only=False)
        if self.nik_at is not None and labelled.any():
            nik = pc.replace_substring_regex(columns[self.nik_at], r"\s", "")
            labelled &= ~pc.fill_null(pc.match_substring_regex(nik, r"^[0-9]{16}$"), False).to_numpy(
                zero_copy_only=False
            )
        empty = np.ones(len(lines), bool)
        for i in self.required_at:
            empty &= pc.fill_null(pc.equal(columns[i], ""), True).to_numpy(zero_copy_only=False)
        breaker = labelled | ~empty
        index = np.where(breaker, np.arange(len(lines)), -1)
        last = np.maximum.accumulate(index)
        footer = empty & ~labelled & np.where(last >= 0, labelled[np.maximum(last, 0)], self.after_total)
        if breaker.any():
            self.after_total = bool(labelled[np.flatnonzero(breaker)[-1]])
        return labelled | footer


def shaper_for(part: Part, spec: Columns, header: list[str], where: str, totals: bool = True) -> Shaper:
    positions = map_header(header, spec, part, where)
    lookup = spec.lookup()
    at = {lookup.get(normalise_header(h)): i for i, h in enumerate(header)}
    nik_at = at.get(spec.text_only[0]) if spec.text_only else None
    return Shaper(part, spec, positions, nik_at, [at[c] for c in spec.required if c in at], totals)
