"""Read one input file (CSV, XLSX or Parquet) into Arrow batches of text columns.

Every batch carries `baris`, the line of each row in the file (header = line 1; the row
number for XLSX, the row number from 1 for Parquet), so a rejected row can be found again.
Rows whose field count does not match the header come back in `malformed`. Column names are
mapped to canonical names through the aliases of a `Columns` spec; unknown columns are
ignored and never read into the warehouse.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import hashlib
import re
import shutil
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

BATCH_ROWS = 200_000
DELIMITERS = [",", ";", "|", "\t"]
BOM = b"\xef\xbb\xbf"
RESTART = "restart"  # yielded when the fast reader must be redone exactly: drop this file's rows


class LoadError(Exception):
    """A whole file cannot be loaded. The message names the file and what to do."""


@dataclass
class Columns:
    """The columns a kind of file may have: canonical name -> accepted aliases."""
    aliases: dict[str, list[str]]
    required: list[str]
    skip: list[str] = field(default_factory=list)  # recognised but never read (personal data)

    def lookup(self) -> dict[str, str]:
        names = {}
        for canonical, aliases in self.aliases.items():
            for name in [canonical, *aliases]:
                names[normalise_header(name)] = canonical
        return names


def normalise_header(name: str) -> str:
    """'No. KPJ', 'no_kpj' and 'NO KPJ' are one column: no_kpj."""
    name = str(name or "").replace("\ufeff", "").strip().strip('"').lower()
    return re.sub(r"[\s._\-]+", "_", name).strip("_")


@dataclass
class FileRead:
    """What reading one file found, besides its rows."""
    path: str
    format: str
    sha256: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    columns: dict[str, str] = field(default_factory=dict)   # header as written -> canonical
    ignored_columns: list[str] = field(default_factory=list)
    malformed: list[tuple[int, str]] = field(default_factory=list)  # (line, why)
    rows: int = 0   # rows handed on (well-formed)

    @property
    def read(self) -> int:
        return self.rows + len(self.malformed)

    def describe(self) -> dict:
        """What the load summary says of the file itself."""
        return {"path": self.path, "sha256": self.sha256, "format": self.format,
                "encoding": self.encoding, "delimiter": self.delimiter, "columns": self.columns,
                "ignored_columns": self.ignored_columns, "read": self.read}


def _fingerprint(path: Path) -> tuple[str, bool]:
    """SHA-256 of the file and whether it all decodes as UTF-8, in one read."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 22), b""):
            digest.update(block)
            if utf8:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return digest.hexdigest(), utf8


def read_file(path: Path, spec: Columns, workdir: Path) -> tuple[FileRead, Iterator[pa.Table]]:
    """Open a file and return what it is plus an iterator of batches.

    Batches have `baris` (int64) and one string column per canonical name in the spec
    (null when the file lacks the column). The FileRead is complete once the iterator ends.
    The iterator may yield RESTART: the rows it gave for this file so far must be dropped.
    """
    path = Path(path)
    if not path.exists():
        raise LoadError(f"{path}: berkas tidak ditemukan. Periksa nama dan foldernya.")
    with open(path, "rb") as f:
        magic = f.read(4)
    sha256, utf8 = _fingerprint(path)
    info = FileRead(path=str(path), format="", sha256=sha256)
    if magic[:2] == b"\x1f\x8b":
        plain = Path(tempfile.mkstemp(dir=workdir, suffix=".csv")[1])
        try:
            with gzip.open(path, "rb") as src, open(plain, "wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        except (OSError, EOFError, zlib.error) as e:
            raise LoadError(f"{path}: berkas gzip rusak ({e}). Kirim ulang berkasnya.") from e
        info.format = "csv.gz"
        return info, _read_csv(plain, info, spec, _fingerprint(plain)[1])
    if magic == b"PAR1":
        info.format = "parquet"
        return info, _read_parquet(path, info, spec)
    if magic[:2] == b"PK":
        info.format = "xlsx"
        return info, _read_xlsx(path, info, spec)
    info.format = "csv"
    return info, _read_csv(path, info, spec, utf8)


# --- columns ---------------------------------------------------------------------------

def _map_header(header: list[str], spec: Columns, info: FileRead) -> dict[int, str]:
    """Positions of the header -> canonical names; complains about what cannot work."""
    lookup = spec.lookup()
    found: dict[int, str] = {}
    for i, name in enumerate(header):
        canonical = lookup.get(normalise_header(name))
        if canonical is None:
            if str(name or "").strip():
                info.ignored_columns.append(str(name))
            continue
        if canonical in found.values():
            raise LoadError(
                f"{info.path}: kolom '{canonical}' muncul dua kali di baris judul "
                f"(lihat kolom ke-{i + 1}, '{name}'). Hapus salah satunya."
            )
        found[i] = canonical
        info.columns[str(name)] = canonical
    missing = [c for c in spec.required if c not in found.values()]
    if missing:
        expected = ", ".join(f"'{c}'" for c in missing)
        raise LoadError(
            f"{info.path}: kolom wajib {expected} tidak ada di baris judul "
            f"(yang ada: {', '.join(map(str, header))}). Tambahkan kolomnya, atau ganti "
            f"namanya dengan salah satu nama yang diterima: "
            + "; ".join(f"{c}: {', '.join([c, *spec.aliases[c]])}" for c in missing)
        )
    return {i: c for i, c in found.items() if c not in spec.skip}


def _batch(lines, columns: dict[str, list], spec: Columns) -> pa.Table:
    n = len(lines)
    arrays = [pa.array(lines, pa.int64())]
    for name in spec.aliases:
        if name in spec.skip:
            continue
        values = columns.get(name)
        arrays.append(pa.array(values, pa.string()) if values is not None else pa.nulls(n, pa.string()))
    return pa.table(arrays, names=output_columns(spec))


def output_columns(spec: Columns) -> list[str]:
    return ["baris"] + _canon(spec)


# --- CSV -------------------------------------------------------------------------------

def _first_line(path: Path, encoding: str) -> str:
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        for line in f:
            if line.strip().lstrip("\ufeff"):
                return line.lstrip("\ufeff")
    return ""


def _detect_delimiter(header_line: str) -> str:
    outside = re.sub(r'"[^"]*"', "", header_line)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _read_csv(path: Path, info: FileRead, spec: Columns, utf8: bool) -> Iterator[pa.Table]:
    """UTF-8 (with or without BOM) when the whole file decodes, else Windows-1252."""
    info.encoding = "utf-8" if utf8 else "cp1252"
    first = _first_line(path, info.encoding)
    if not first:
        raise LoadError(f"{info.path}: berkas kosong, tidak ada baris judul. Kirim berkas yang berisi data.")
    info.delimiter = _detect_delimiter(first)
    header = next(csv.reader([first.rstrip("\r\n")], delimiter=info.delimiter))
    positions = _map_header(header, spec, info)
    structure = _scan_records(path, info.delimiter)
    if structure is not None and structure.header_fields == len(header):
        yield from _read_csv_fast(path, info, spec, header, positions, structure)
        if info.rows == int(structure.good.sum()):
            return
        yield RESTART  # e.g. a stray quote inside a field: quote parity misled the scan
    yield from _read_csv_exact(path, info, spec, header, positions)


@dataclass
class _Structure:
    header_line: int
    header_fields: int
    lines: np.ndarray     # start line of each data record
    fields: np.ndarray    # field count of each data record

    @property
    def good(self) -> np.ndarray:
        return self.fields == self.header_fields


def _scan_records(path: Path, delimiter: str, chunk: int = 64 << 20) -> _Structure | None:
    """Start line and field count of every record, quote-aware, in numpy.

    A newline or delimiter counts only outside quotes, i.e. after an even number of quote
    characters. Returns None when the file's quoting is unbalanced; the caller then reads
    it with the exact (slower) reader.
    """
    delim = ord(delimiter)
    lines, fields = [], []
    parity = 0             # quotes seen so far, mod 2
    line_base = 0          # newlines before this chunk
    pend_line, pend_delims, pend_len, pend_first = 1, 0, 0, -1
    with open(path, "rb") as f:
        first_chunk = True
        while True:
            raw = f.read(chunk)
            if not raw:
                break
            if first_chunk and raw.startswith(BOM):
                raw = raw[3:]
            first_chunk = False
            a = np.frombuffer(raw, np.uint8)
            q = np.flatnonzero(a == 34)
            nl = np.flatnonzero(a == 10)
            dl = np.flatnonzero(a == delim)
            term_idx = np.flatnonzero(((parity + np.searchsorted(q, nl)) & 1) == 0)
            term = nl[term_idx]
            dout = dl[((parity + np.searchsorted(q, dl)) & 1) == 0]
            k = len(term)
            if k:
                dcount = np.searchsorted(dout, term)
                ndelim = np.diff(dcount, prepend=0)
                ndelim[0] += pend_delims
                starts = np.concatenate(([0], term[:-1] + 1))
                length = term - starts
                length[0] += pend_len
                start_line = line_base + np.concatenate(([0], term_idx[:-1] + 1)) + 1
                start_line[0] = pend_line
                first_byte = np.where(starts < len(a), a[np.minimum(starts, len(a) - 1)], 0).astype(np.int16)
                if pend_len:
                    first_byte[0] = pend_first
                blank = (length == 0) | ((length == 1) & (first_byte == 13))
                lines.append(start_line[~blank])
                fields.append(ndelim[~blank] + 1)
                pend_line = line_base + term_idx[-1] + 2
                pend_delims = len(dout) - dcount[-1]
                pend_len = len(a) - term[-1] - 1
                pend_first = int(a[term[-1] + 1]) if pend_len else -1
            else:
                if not pend_len and len(a):
                    pend_first = int(a[0])
                pend_delims += len(dout)
                pend_len += len(a)
            parity = (parity + len(q)) & 1
            line_base += len(nl)
    if parity:
        return None
    if pend_len and not (pend_len == 1 and pend_first == 13):
        lines.append(np.array([pend_line]))
        fields.append(np.array([pend_delims + 1]))
    all_lines = np.concatenate(lines) if lines else np.zeros(0, np.int64)
    all_fields = np.concatenate(fields) if fields else np.zeros(0, np.int64)
    if not len(all_lines):
        return None
    return _Structure(int(all_lines[0]), int(all_fields[0]), all_lines[1:], all_fields[1:])


def _malformed_reason(found: int, expected: int) -> str:
    return f"{found} kolom, judul punya {expected}"


def _read_csv_fast(path, info, spec, header, positions, structure: _Structure) -> Iterator[pa.Table]:
    names = [f"c{i}" for i in range(len(header))]
    wanted = [names[i] for i in positions]
    good_lines = structure.lines[structure.good]
    bad = ~structure.good
    info.malformed = [
        (int(line), _malformed_reason(int(n), len(header)))
        for line, n in zip(structure.lines[bad], structure.fields[bad])
    ]
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(
            column_names=names, skip_rows=structure.header_line,
            encoding=info.encoding if info.encoding != "utf-8" else "utf8",
            block_size=16 << 20,
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=info.delimiter, quote_char='"', double_quote=True,
            newlines_in_values=True, ignore_empty_lines=True,
            invalid_row_handler=lambda row: "skip",
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, include_columns=wanted,
            strings_can_be_null=False, quoted_strings_can_be_null=False,
        ),
    )
    done = 0
    for batch in reader:
        n = batch.num_rows
        if done + n > len(good_lines):
            break
        columns = {positions[names.index(w)]: batch.column(w) for w in wanted}
        table = pa.table(
            [pa.array(good_lines[done:done + n], pa.int64())]
            + [columns.get(c, pa.nulls(n, pa.string())) for c in _canon(spec)],
            names=output_columns(spec),
        )
        done += n
        info.rows = done
        yield table


def _canon(spec: Columns) -> list[str]:
    return [c for c in spec.aliases if c not in spec.skip]


def _read_csv_exact(path, info, spec, header, positions) -> Iterator[pa.Table]:
    """The csv module, row by row: slower, but exact for any quoting."""
    info.rows = 0
    info.malformed = []
    lines, rows = [], []

    def flush():
        cols = list(zip(*rows)) if rows else [()] * len(header)
        by_name = {c: list(cols[i]) for i, c in positions.items()}
        return _batch(lines, by_name, spec)

    with open(path, encoding="utf-8-sig" if info.encoding == "utf-8" else info.encoding, newline="") as f:
        reader = csv.reader(f, delimiter=info.delimiter)
        seen_header = False
        previous = 0
        for row in reader:
            start, previous = previous + 1, reader.line_num
            if not row:  # a blank line: skipped, not counted
                continue
            if not seen_header:
                seen_header = True
                continue
            if len(row) != len(header):
                info.malformed.append((start, _malformed_reason(len(row), len(header))))
                continue
            lines.append(start)
            rows.append(row)
            if len(rows) >= BATCH_ROWS:
                info.rows += len(rows)
                yield flush()
                lines, rows = [], []
    if rows:
        info.rows += len(rows)
        yield flush()


# --- XLSX and Parquet ------------------------------------------------------------------

def _cell_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path, info: FileRead, spec: Columns) -> Iterator[pa.Table]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a broken file
        raise LoadError(f"{info.path}: tidak bisa dibuka sebagai XLSX ({e}). Simpan ulang dari Excel sebagai .xlsx.") from e
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header, header_row = None, 0
        for header_row, row in enumerate(rows, start=1):
            if any(v not in (None, "") for v in row):
                header = [_cell_text(v) or "" for v in row]
                break
        if header is None:
            raise LoadError(f"{info.path}: lembar pertama kosong. Taruh data peserta di lembar pertama.")
        while header and not header[-1]:
            header.pop()
        positions = _map_header(header, spec, info)
        lines, values = [], {c: [] for c in positions.values()}
        for number, row in enumerate(rows, start=header_row + 1):
            cells = [_cell_text(v) for v in row]
            if not any(c not in (None, "") for c in cells):
                continue
            if any(c not in (None, "") for c in cells[len(header):]):
                info.malformed.append((number, _malformed_reason(len(cells), len(header))))
                continue
            cells += [None] * (len(header) - len(cells))
            lines.append(number)
            for i, c in positions.items():
                values[c].append(cells[i] or "")
            if len(lines) >= BATCH_ROWS:
                info.rows += len(lines)
                yield _batch(lines, values, spec)
                lines, values = [], {c: [] for c in positions.values()}
        if lines:
            info.rows += len(lines)
            yield _batch(lines, values, spec)
    finally:
        book.close()


def _as_text(column: pa.ChunkedArray | pa.Array) -> pa.Array:
    kind = column.type
    if pa.types.is_timestamp(kind):
        column = column.cast(pa.date32())
    elif pa.types.is_floating(kind):
        # Integral floats ("3175011234567890.0") are codes, not decimals.
        import pyarrow.compute as pc
        whole = pc.all(pc.equal(pc.floor(column), column)).as_py()
        if whole:
            column = column.cast(pa.int64(), safe=False)
    return column.cast(pa.string())


def _read_parquet(path: Path, info: FileRead, spec: Columns) -> Iterator[pa.Table]:
    try:
        parquet = pq.ParquetFile(path)
    except Exception as e:
        raise LoadError(f"{info.path}: tidak bisa dibuka sebagai Parquet ({e}).") from e
    header = parquet.schema_arrow.names
    positions = _map_header(header, spec, info)
    number = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=[header[i] for i in positions]):
        n = batch.num_rows
        by_name = {positions[header.index(name)]: _as_text(batch.column(name)) for name in batch.schema.names}
        table = pa.table(
            [pa.array(np.arange(number + 1, number + n + 1), pa.int64())]
            + [by_name.get(c, pa.nulls(n, pa.string())) for c in _canon(spec)],
            names=output_columns(spec),
        )
        number += n
        info.rows += n
        yield table
