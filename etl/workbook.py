"""Workbooks as offices keep them (contract section 1): XLSX, XLS and ODS, every sheet.

Read with python-calamine (one reader for the three formats, far faster than openpyxl). Every
sheet whose header (among its first 20 rows) names the required columns is a part of its own;
other sheets are listed in `FileRead.skipped_sheets` with the reason. A merged cell's value is
given to every cell it spans below the header. calamine gives a formula's saved result but
cannot tell a formula with no saved result from an empty cell, so for XLSX the sheet's XML is
streamed once more as bytes and the cells around each formula are looked at (`_formula_cells`).
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import numpy as np
import pyarrow as pa
import python_calamine as calamine

from etl import sniff
from etl.tabular import BATCH_ROWS, FileRead, LoadError, NoHeader, Part, find_header, shaper_for

FORMATS = {"xlsx": "Excel (.xlsx)", "xls": "Excel 97-2003 (.xls)", "ods": "OpenDocument (.ods)"}


def read(path: Path, kind: str, info: FileRead, spec) -> None:
    """Fill `info.parts` (one per roster sheet) and `info.skipped_sheets`."""
    if kind in ("xlsx", "ods"):
        sniff.check_workbook_size(path)
    book = _open(path, kind, info)
    xml = _inspect(path) if kind == "xlsx" else {}
    ods_merges = _ods_merges(path) if kind == "ods" else {}
    reasons = []
    for meta in book.sheets_metadata:
        name = meta.name
        if meta.typ != calamine.SheetTypeEnum.WorkSheet:
            info.skipped_sheets.append({"sheet": name, "reason": "bukan lembar data (lembar grafik atau makro)"})
            continue
        if meta.visible != calamine.SheetVisibleEnum.Visible:
            why = "lembar tersembunyi; tampilkan (Unhide) lalu muat lagi bila isinya daftar peserta"
            info.skipped_sheets.append({"sheet": name, "reason": why})
            reasons.append(f"'{name}': {why}")
            continue
        too_big = _check_extent(xml[name]) if name in xml else None
        if too_big:
            info.skipped_sheets.append({"sheet": name, "reason": too_big})
            reasons.append(f"'{name}': {too_big}")
            continue
        try:
            sheet = book.get_sheet_by_name(name)
            grid = sheet.to_python(skip_empty_area=False)
            merges = sheet.merged_cell_ranges or (ods_merges.get(name, []) if kind == "ods" else [])
        except calamine.CalamineError:
            info.skipped_sheets.append({"sheet": name, "reason": "rusak, tidak bisa dibaca"})
            continue
        part = _sheet_part(grid, merges, xml[name].unsaved if name in xml else set(), name, info, spec)
        if isinstance(part, str):
            info.skipped_sheets.append({"sheet": name, "reason": part})
            reasons.append(f"'{name}': {part}")
        else:
            info.parts.append(part)
    if not info.parts:
        raise LoadError(
            f"{info.path}: tidak ada lembar berisi daftar peserta. "
            + "; ".join(reasons or ["buku kerja tanpa lembar data"])
            + ". Pastikan satu baris kolom di 20 baris pertama memuat "
            + ", ".join(spec.required)
            + "."
        )


def _open(path: Path, kind: str, info: FileRead):
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as e:
        raise LoadError(
            f"{info.path}: buku kerja ini dilindungi sandi. Buka di Excel, hapus sandinya "
            "(File > Info > Protect Workbook), lalu simpan dan muat lagi."
        ) from e
    except Exception as e:  # calamine raises its own and OS errors for a broken file
        raise LoadError(
            f"{info.path}: berkas {FORMATS[kind]} yang rusak atau tidak bisa dibaca. "
            "Buka di Excel atau LibreOffice lalu simpan sebagai Excel Workbook (.xlsx), "
            "atau kirim ulang berkasnya."
        ) from e


def _text(value, number_as_float: bool = False) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without '.0'; in a text-only column a
    number keeps the form it has in Excel (15 significant digits, e.g. 3.60101123456e+15)."""
    kind = type(value)
    if kind is str:
        return value
    if value is None:
        return ""
    if kind is float or kind is int:
        if number_as_float:
            return f"{float(value):.14e}"
        if kind is float and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return str(value)
    if kind is bool:
        return "TRUE" if value else "FALSE"
    if kind is dt.datetime:
        return value.date().isoformat()
    if kind is dt.date:
        return value.isoformat()
    return str(value)


def _sheet_part(grid: list[list], merges, unsaved: set, name: str, info: FileRead, spec) -> Part | str:
    """The sheet as a part, or the reason it is skipped."""
    where = f"{info.path} [lembar {name}]"
    texts = [(i + 1, [_text(v) for v in row]) for i, row in enumerate(grid[:200])]
    first = [(n, cells) for n, cells in texts if any(c.strip() for c in cells)]
    if not first:
        return "lembar kosong"
    try:
        index, header = find_header(first, spec, where)
    except NoHeader as e:
        return e.short
    header_row = first[index][0]  # 1-based sheet row
    while header and not str(header[-1]).strip():
        header = header[:-1]
    width = len(header)
    _apply_merges(grid, merges, header_row)
    part = Part(sheet=name, header_line=header_row, title_rows=list(range(1, header_row)))
    shape = shaper_for(part, spec, header, where)
    text_only = {i for i, c in shape.positions.items() if c in spec.text_only}

    def batches():
        lines, rows, faults = [], [], []
        for i in range(header_row, len(grid)):
            row = grid[i]
            if all(v is None or v == "" for v in row):
                continue
            if any(v not in (None, "") for v in row[width:]):
                found = max(j for j, v in enumerate(row) if v not in (None, "")) + 1
                part.rejected.append(
                    (i + 1, "row_malformed", f"Jumlah kolom tidak cocok: {found} kolom, judul punya {width}")
                )
                continue
            rows.append(row[:width] if len(row) >= width else row + [None] * (width - len(row)))
            lines.append(i + 1)
            if unsaved:
                faults.append([header[j] for j in shape.positions if (i, j) in unsaved] or None)
            if len(rows) >= BATCH_ROWS:
                yield _batch(shape, lines, rows, faults or None, width, text_only)
                lines, rows, faults = [], [], []
        if rows:
            yield _batch(shape, lines, rows, faults or None, width, text_only)

    part.batches = batches
    return part


def _batch(shape, lines, rows, faults, width, text_only) -> pa.Table:
    """Cells to text column by column (most cells are already text: they pass as they are)."""
    columns = []
    for j, column in enumerate(zip(*rows)):
        as_float = j in text_only
        columns.append(pa.array([v if v.__class__ is str else _text(v, as_float) for v in column], pa.string()))
    table = pa.table(columns, names=[f"c{i}" for i in range(width)])
    return shape(np.array(lines, np.int64), table, faults=faults)


def _apply_merges(grid: list[list], merges, header_row: int) -> None:
    """A merged cell's value in every cell it spans, for the rows below the header (0-based
    ranges ((first row, first col), (last row, last col)) as calamine gives them)."""
    width = max((len(r) for r in grid[:header_row]), default=0)
    for (r0, c0), (r1, c1) in merges:
        if r0 < header_row or r0 >= len(grid) or c0 >= width:
            continue
        r1, c1 = min(r1, len(grid) - 1), min(c1, width - 1)  # within the sheet's cells: a merge adds no rows
        value = grid[r0][c0] if c0 < len(grid[r0]) else None
        for r in range(r0, r1 + 1):
            row = grid[r]
            if len(row) <= c1:
                row.extend([None] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                row[c] = value


# --- formulas without a saved result (XLSX) ---------------------------------------------
# calamine does not expose formulas. Parsing a sheet's whole XML in Python costs seconds per
# 100 ribu rows, so the sheet is streamed as bytes and only the cells around each `<f` are
# looked at: a formula cell whose `<v>` is missing or empty has no saved result.

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL = re.compile(r"([A-Z]+)([0-9]+)")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>]")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]+<|<(?:\w+:)?is>")
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
BLOCK = 16 << 20


MAX_ROWS, MAX_COLUMNS, MAX_CELLS = 1_048_576, 16_384, 30_000_000  # Excel's own limits; memory


@dataclass
class _SheetXml:
    row_elements: int = 0  # <row> elements (rows may come without numbers)
    last_row: int = 0  # the highest row number given
    columns: int = 1  # the furthest column named by a cell reference (26 when none is past Z)
    unsaved: set = field(default_factory=set)  # 0-based (row, col) of formulas without a result

    @property
    def rows(self) -> int:
        return max(self.row_elements, self.last_row)


def _inspect(path: Path) -> dict[str, _SheetXml]:
    """Sheet name -> its extent and unsaved formulas, from one streamed read of its XML."""
    found = {}
    try:
        with zipfile.ZipFile(path) as z:
            for name, member in _sheet_members(z).items():
                with z.open(member) as xml:
                    found[name] = _inspect_sheet(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError):
        return {}
    return found


_ROW_NUMBER = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]+)"')
_WIDE_REF = re.compile(rb'\br="([A-Z]{2,3})[0-9]')


def _inspect_sheet(xml) -> _SheetXml:
    sheet, carry = _SheetXml(), b""
    while True:
        block = xml.read(BLOCK)
        data = carry + block
        if not block:
            cut = len(data)
        else:
            starts = list(_CELL_START.finditer(data, max(0, len(data) - 65536)))
            cut = starts[-1].start() if starts else len(data)
        chunk = data[:cut]
        sheet.row_elements += chunk.count(b"<row") + chunk.count(b":row ")
        last = chunk.rfind(b"<row")
        if last >= 0:
            number = _ROW_NUMBER.match(chunk, last)
            if number:
                sheet.last_row = max(sheet.last_row, int(number.group(1)))
        if _WIDE_REF.search(chunk):
            sheet.columns = max([sheet.columns] + [_column(m) for m in _WIDE_REF.findall(chunk)])
        else:
            sheet.columns = max(sheet.columns, 26)
        sheet.unsaved |= _formula_cells(chunk)
        carry = data[cut:]
        if not block:
            return sheet


def _column(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def _check_extent(sheet: _SheetXml) -> str | None:
    """Why a sheet is too big to read, or None (a cell at XFD1048576 would ask for 549 GB)."""
    if sheet.rows > MAX_ROWS:
        return f"lebih dari {_angka(MAX_ROWS)} baris, batas Excel sendiri: berkasnya rusak atau bukan dari Excel"
    if sheet.columns > MAX_COLUMNS or sheet.rows * sheet.columns > MAX_CELLS:
        return (
            f"terlalu luas ({_angka(sheet.rows)} baris x {_angka(sheet.columns)} kolom berisi sel; "
            + "mungkin ada isian jauh di kanan atau bawah). Hapus baris dan kolom kosong di luar tabel, "
            "atau simpan lembar itu sebagai CSV"
        )
    return None


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _formula_cells(data: bytes) -> set[tuple[int, int]]:
    """0-based (row, col) of the formula cells in `data` (whole cells) with no saved result: no
    `<v>`, or an empty one where the result is not text (an empty text result is a value)."""
    cells = set()
    if b"<f" not in data and b":f" not in data:
        return cells
    for match in _FORMULA.finditer(data):
        starts = list(_CELL_START.finditer(data, max(0, match.start() - 4096), match.start()))
        if not starts:
            continue
        start = starts[-1].start()
        end = _CELL_END.search(data, match.end())
        cell = data[start : end.end() if end else len(data)]
        head = cell[: cell.find(b">") + 1]
        if _VALUE.search(cell) or (b't="str"' in head and re.search(rb"<(?:\w+:)?v\s*/?>", cell)):
            continue
        ref = _REF.search(head)
        if ref:
            cells.add(_position(ref.group(1).decode()))
    return cells


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"


def _ods_merges(path: Path) -> dict[str, list]:
    """Sheet name -> merged ranges ((row, col), (last row, last col)), 0-based, of an ODS file:
    calamine gives none for ODS, so content.xml is streamed for cells that span rows or columns."""
    merges: dict[str, list] = {}
    name, row, col = None, 0, 0
    try:
        with zipfile.ZipFile(path) as z, z.open("content.xml") as content:
            for event, element in ElementTree.iterparse(content, events=("start", "end")):
                tag = element.tag
                if event == "start":
                    if tag == f"{_TABLE}table":
                        name, row = element.get(f"{_TABLE}name"), 0
                        merges[name] = []
                    elif tag == f"{_TABLE}table-row":
                        col = 0
                    continue
                if tag in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    rows = int(element.get(f"{_TABLE}number-rows-spanned", 1))
                    cols = int(element.get(f"{_TABLE}number-columns-spanned", 1))
                    if name is not None and (rows > 1 or cols > 1):
                        merges[name].append(((row, col), (row + rows - 1, col + cols - 1)))
                    col += int(element.get(f"{_TABLE}number-columns-repeated", 1))
                    element.clear()
                elif tag == f"{_TABLE}table-row":
                    row += int(element.get(f"{_TABLE}number-rows-repeated", 1))
                    element.clear()
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError):
        return {}
    return merges


def _sheet_members(z: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part, from the workbook and its relationships."""
    book = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    members = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_REL}id"), "")
        members[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
    return {n: m for n, m in members.items() if m in z.namelist()}


def _position(ref: str) -> tuple[int, int]:
    match = _CELL.match(ref)
    if not match:
        return (-1, -1)
    column = 0
    for ch in match.group(1):
        column = column * 26 + ord(ch) - 64
    return int(match.group(2)) - 1, column - 1
