"""CSV and other delimited text (contract section 1): encodings, Excel's habits, exact lines.

A file that is UTF-16 ("Unicode Text") or Windows-1252 is first copied as UTF-8. The head of the
file is parsed exactly with the csv module: an Excel `sep=;` first line names the delimiter,
else the delimiter is the one (`,` `;` `|` tab) with which one of the first 20 rows names every
required column; rows above that header are title rows. The data after the header is then
read by one of two readers that give the same rows:
- fast: a numpy pass finds each record's first line and field count (quote-aware), then
  pyarrow parses the text on every core;
- exact: the csv module record by record, used when the fast pass cannot be trusted (unbalanced
  quotes). A stray quote there costs its own line only: a record that runs over several lines
  and does not have the header's field count is given back line by line, its first line
  rejected as `row_malformed`, so the rows after it are still read.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

import settings
from etl import sniff
from etl.tabular import BATCH_ROWS, HEADER_SEARCH_ROWS, RESTART, FileRead, LoadError, Part, find_header, shaper_for

DELIMITERS = [",", ";", "|", "\t"]
MAX_RECORD_LINES = 50  # a quoted value may hold line breaks, but not this many
STRAY_QUOTE = "Tanda kutip tidak berpasangan: baris ini tidak bisa dipisah menjadi kolom"


def read(path: Path, info: FileRead, spec, workdir: Path, utf8: tuple[bool, bool] | None = None) -> None:
    """Fill `info` (encoding, delimiter, one part) for a delimited text file. `utf8`: (all UTF-8,
    has a lone CR) when the caller has already read the file for them."""
    with open(path, "rb") as f:
        head = f.read(8192)
    encoding = sniff.text_encoding(head)
    if encoding != "utf-8":
        valid, lone_cr = False, False
    else:
        valid, lone_cr = utf8 or sniff.plain_utf8(path)[:2]
    info.encoding = "cp1252" if encoding == "utf-8" and not valid else encoding
    if not valid or lone_cr:
        path = sniff.to_utf8(path, encoding, workdir)
    csv.field_size_limit(max(settings.max_line(), 1 << 17))
    head = _head(path, info, spec)
    info.parts = [head.part]
    head.part.batches = lambda: _batches(path, info, spec, head)


class _Unclosed(Exception):
    """A quoted value ran over MAX_RECORD_LINES lines."""


class _Lines:
    """The physical lines of a UTF-8 file: (number, byte offset after it, text). Lines taken
    since `taken` was reset can be given back (`back`) to be read again."""

    def __init__(self, f, number: int = 0, offset: int = 0):
        self.f, self.number, self.offset = f, number, offset
        self.back: list[tuple[int, int, str]] = []
        self.taken: list[tuple[int, int, str]] = []
        self.limit = settings.max_line()

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.back:
            item = self.back.pop()
        else:
            raw = self.f.readline(self.limit + 1)
            if not raw:
                raise StopIteration
            self.number += 1
            if len(raw) > self.limit:
                raise LoadError(str(sniff.long_line_error(self.number, self.limit)))
            self.offset += len(raw)
            text = raw.decode("utf-8")
            item = (self.number, self.offset, text.lstrip("\ufeff") if self.number == 1 else text)
        self.taken.append(item)
        if len(self.taken) > MAX_RECORD_LINES:
            raise _Unclosed
        return item[2]


def _records(lines: _Lines, delimiter: str, width: int | None = None):
    """(first line, byte offset after the record, fields or None for a stray quote) per record."""
    reader = csv.reader(lines, delimiter=delimiter)
    while True:
        lines.taken = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except (_Unclosed, csv.Error):
            row = None
        span = lines.taken
        if not span:
            return
        if row is not None and (
            len(span) == 1 or width is None or (len(row) == width and not _rows_inside(span, delimiter, width))
        ):
            yield span[0][0], span[-1][1], row
            continue
        yield span[0][0], span[0][1], None
        lines.back.extend(reversed(span[1:]))
        reader = csv.reader(lines, delimiter=delimiter)


def _rows_inside(span, delimiter: str, width: int) -> bool:
    """A quoted value that holds whole rows is a stray quote, not a value with line breaks: a
    later line of the record has the delimiters of a row of its own."""
    return width > 2 and any(text.count(delimiter) >= width - 1 for _n, _end, text in span[1:])


def _blank(row) -> bool:
    return not row or all(not c.strip() for c in row)


@dataclass
class _Head:
    part: Part
    header: list[str]
    data_offset: int  # byte offset of the first line after the header
    data_line: int  # number of the header's last line


SEP_LINE = re.compile(r"^\s*sep\s*=\s*(.)\s*$", re.IGNORECASE)


def _head(path: Path, info: FileRead, spec) -> _Head:
    """The header (and with it the delimiter) and the title rows above it."""
    with open(path, "rb") as f:
        first = _Lines(f)
        try:
            line = next(first)
        except StopIteration:
            raise LoadError(
                f"{info.path}: berkas kosong, tidak ada baris judul. Kirim berkas yang berisi data."
            ) from None
        hint = SEP_LINE.match(line.rstrip("\r\n"))
    candidates = [hint.group(1)] if hint else DELIMITERS
    info.sep_line = bool(hint)
    found = []
    for delimiter in candidates:
        rows = _first_rows(path, delimiter, skip=1 if hint else 0)
        try:
            index, header = find_header([(n, r) for n, _, r in rows], spec, info.path)
        except LoadError as e:
            found.append((None, delimiter, rows, e))
            continue
        found.append((index, delimiter, rows, None))
    usable = [f for f in found if f[0] is not None]
    if not usable:
        # The message of the delimiter that splits the first row most, as a person would read it.
        raise max(found, key=lambda f: max((len(r) for _, _, r in f[2][:1]), default=0))[3]
    index, delimiter, rows, _ = min(usable, key=lambda f: (_header_line(f), -len(f[2][f[0]][2])))
    info.delimiter = delimiter
    line, end, header = rows[index]
    # Every line above the header is a title row (blank ones too), but Excel's sep= line.
    part = Part(header_line=line, title_rows=list(range(2 if hint else 1, line)))
    return _Head(part, header, end, _last_line(path, end))


def _header_line(found) -> int:
    index, _, rows, _ = found
    return rows[index][0]


def _first_rows(path: Path, delimiter: str, skip: int) -> list[tuple[int, int, list[str]]]:
    """The first 20 non-blank records as (line, offset after, fields)."""
    rows = []
    with open(path, "rb") as f:
        lines = _Lines(f)
        for _ in range(skip):
            next(lines, None)
        for line, end, row in _records(lines, delimiter):
            if row is not None and not _blank(row):
                rows.append((line, end, row))
            if len(rows) >= HEADER_SEARCH_ROWS:
                break
    return rows


def _last_line(path: Path, offset: int) -> int:
    """How many lines end before byte `offset`."""
    with open(path, "rb") as f:
        return f.read(offset).count(b"\n")


def _batches(path: Path, info: FileRead, spec, head: _Head):
    part = head.part
    shape = shaper_for(part, spec, head.header, info.path)
    structure = _scan(path, info.delimiter, head.data_offset, head.data_line, len(head.header))
    if structure is not None and not len(structure.lines):
        return  # nothing after the header
    named = _named_width(head.header)
    if structure is not None and ((structure.fields >= named) & (structure.fields < structure.width)).any():
        structure = None  # rows without the header's unnamed trailing columns: padded by the exact reader
    if structure is not None:
        yield from _fast(path, info, head, structure, shape)
        if part.rows + len(part.total_rows) == int(structure.good.sum()) - structure.blank:
            return
        yield RESTART  # quote parity misled the scan: read it again exactly
    part.rows, part.rejected, part.total_rows = 0, [], []
    shape.after_total = False
    yield from _exact(path, info, head, shape)


@dataclass
class _Structure:
    lines: np.ndarray  # first line of each data record
    fields: np.ndarray  # field count of each data record
    width: int
    blank: int = 0  # records of empty fields only, dropped by the shaper

    @property
    def good(self) -> np.ndarray:
        return self.fields == self.width


def _scan(
    path: Path, delimiter: str, offset: int, line_before: int, width: int, chunk: int = 64 << 20
) -> _Structure | None:
    """First line and field count of every record after the header, quote-aware, in numpy.

    A newline or delimiter counts only outside quotes, i.e. after an even number of quote
    characters. Returns None when the quoting is unbalanced, or a record spanning lines has the
    wrong field count (a stray quote pair): the exact reader then decides line by line.
    Raises LoadError for a line longer than CAKUPAN_MAX_LINE."""
    delim, limit = ord(delimiter), settings.max_line()
    lines, fields = [], []
    parity = 0
    last_nl = line_before - 1  # global index (0-based) of the newline ending the previous record
    nl_base = line_before  # newlines before this chunk, counted from the file's start
    pend_delims, pend_len, pend_first = 0, 0, -1
    since_nl = 0
    with open(path, "rb") as f:
        f.seek(offset)
        while True:
            raw = f.read(chunk)
            if not raw:
                break
            a = np.frombuffer(raw, np.uint8)
            q = np.flatnonzero(a == 34)
            nl = np.flatnonzero(a == 10)
            gaps = np.diff(nl, prepend=-1 - since_nl) - 1 if len(nl) else np.array([since_nl + len(a)])
            if len(gaps) and gaps.max() > limit:
                raise LoadError(str(sniff.long_line_error(nl_base + int(np.argmax(gaps > limit)) + 1, limit)))
            since_nl = len(a) - nl[-1] - 1 if len(nl) else since_nl + len(a)
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
                term_global = nl_base + term_idx
                previous = np.concatenate(([last_nl], term_global[:-1]))
                start_line = previous + 2
                first_byte = np.where(starts < len(a), a[np.minimum(starts, len(a) - 1)], 0).astype(np.int16)
                if pend_len:
                    first_byte[0] = pend_first
                blank = (length == 0) | ((length == 1) & (first_byte == 13))
                lone = np.flatnonzero((ndelim == 0) & ~blank & (length <= 256))
                for j in lone:  # a line of spaces only is a blank line too
                    if starts[j] >= 0 and not raw[max(starts[j], 0) : term[j]].strip() and (j or not pend_len):
                        blank[j] = True
                joined = (term_global - previous > 1) & ~blank
                if joined.any():
                    if (joined & (ndelim + 1 != width)).any():
                        return None
                    per_line = np.diff(np.searchsorted(dl, nl), prepend=0)  # delimiters on each line
                    for j in np.flatnonzero(joined):
                        inside = (
                            per_line[int(previous[j] - nl_base) + 2 : int(term_global[j] - nl_base) + 1]
                            if previous[j] - nl_base + 2 >= 0
                            else per_line[: int(term_global[j] - nl_base) + 1]
                        )
                        if width > 2 and len(inside) and inside.max() >= width - 1:
                            return None
                lines.append(start_line[~blank])
                fields.append(ndelim[~blank] + 1)
                last_nl = int(term_global[-1])
                pend_delims = len(dout) - dcount[-1]
                pend_len = len(a) - term[-1] - 1
                pend_first = int(a[term[-1] + 1]) if pend_len else -1
            else:
                if not pend_len and len(a):
                    pend_first = int(a[0])
                pend_delims += len(dout)
                pend_len += len(a)
            parity = (parity + len(q)) & 1
            nl_base += len(nl)
    if parity:
        return None
    if pend_len and not (pend_len == 1 and pend_first == 13):
        if nl_base - last_nl > 1 and pend_delims + 1 != width:
            return None
        lines.append(np.array([last_nl + 2]))
        fields.append(np.array([pend_delims + 1]))
    all_lines = np.concatenate(lines) if lines else np.zeros(0, np.int64)
    all_fields = np.concatenate(fields) if fields else np.zeros(0, np.int64)
    return _Structure(all_lines, all_fields, width)


def _named_width(header: list[str]) -> int:
    """Fields up to the header's last named column (Excel saves empty trailing columns too)."""
    named = len(header)
    while named > 1 and not header[named - 1].strip():
        named -= 1
    return named


def _malformed(found: int, expected: int) -> str:
    return f"Jumlah kolom tidak cocok: {found} kolom, judul punya {expected}"


def _fast(path: Path, info: FileRead, head: _Head, structure: _Structure, shape):
    part = head.part
    width = structure.width
    names = [f"c{i}" for i in range(width)]
    good_lines = structure.lines[structure.good]
    bad = ~structure.good
    part.rejected = [
        (int(line), "row_malformed", _malformed(int(n), width))
        for line, n in zip(structure.lines[bad], structure.fields[bad])
    ]
    with pa.OSFile(str(path)) as source:
        source.seek(head.data_offset)
        yield from _fast_batches(source, info, structure, shape, names, good_lines)


def _fast_batches(source, info: FileRead, structure: _Structure, shape, names, good_lines):
    reader = pacsv.open_csv(
        source,
        read_options=pacsv.ReadOptions(column_names=names, block_size=16 << 20),
        parse_options=pacsv.ParseOptions(
            delimiter=info.delimiter,
            quote_char='"',
            double_quote=True,
            newlines_in_values=True,
            ignore_empty_lines=True,
            invalid_row_handler=lambda row: "skip",
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    done = 0
    for batch in reader:
        n = batch.num_rows
        if done + n > len(good_lines):
            break
        table = pa.Table.from_batches([batch])
        lines = good_lines[done : done + n]
        blank = _all_empty(table)
        structure.blank += int(blank.sum())
        done += n
        yield shape(lines, table, drop=blank)


def _all_empty(table: pa.Table) -> np.ndarray:
    """Rows whose every field is empty or spaces: a spreadsheet's blank row saved as CSV."""
    import pyarrow.compute as pc

    empty = np.ones(table.num_rows, bool)
    for column in table.columns:
        empty &= pc.equal(pc.utf8_trim_whitespace(column), "").to_numpy(zero_copy_only=False)
        if not empty.any():
            break
    return empty


def _exact(path: Path, info: FileRead, head: _Head, shape):
    """The csv module, record by record: slower, exact for any quoting, a stray quote costs one line."""
    part = head.part
    width, named = len(head.header), _named_width(head.header)
    lines, rows = [], []

    def flush():
        columns = list(zip(*rows))
        table = pa.table([pa.array(c, pa.string()) for c in columns], names=[f"c{i}" for i in range(width)])
        return shape(np.array(lines, np.int64), table)

    with open(path, "rb") as f:
        f.seek(head.data_offset)
        source = _Lines(f, number=head.data_line, offset=head.data_offset)
        for line, _end, row in _records(source, info.delimiter, width):
            if row is None:
                part.rejected.append((line, "row_malformed", STRAY_QUOTE))
                continue
            if _blank(row):
                continue
            if len(row) != width:
                if not named <= len(row) < width:
                    part.rejected.append((line, "row_malformed", _malformed(len(row), width)))
                    continue
                row = row + [""] * (width - len(row))  # the header's trailing columns have no name
            lines.append(line)
            rows.append(row)
            if len(rows) >= BATCH_ROWS:
                yield flush()
                lines, rows = [], []
    if rows:
        yield flush()
