"""What a file really is, whatever its name says, and its text made plain UTF-8.

`kind(path)` looks at the first bytes: `gzip`, `parquet`, `xlsx`, `ods`, `xls`, `text`, or
raises LoadError naming what the file is instead (an HTML page, a PDF, a ZIP, an image, a
Word document, binary data) and how to save it properly. Known binary signatures come from
the `filetype` package; the few it does not know (OLE2 for .xls, HTML and XML text, Parquet)
are checked here.

`unpack_gzip` and `to_utf8` write a plain UTF-8 copy into the load's scratch folder, bounded
by `settings.max_unpacked()` bytes and `settings.max_line()` bytes between line breaks, so
a hostile file cannot fill the disk or the memory (contract section 1: encodings).
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import os
import re
import tempfile
import zipfile
import zlib
from pathlib import Path

import filetype

import settings

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "Buka berkasnya di Excel atau LibreOffice lalu simpan sebagai Excel Workbook (.xlsx) atau CSV UTF-8."
TEXT_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "cp1252")


class NotARoster(Exception):
    """The file is of a kind that holds no table we can read; the message says what it is."""


def kind(path: Path) -> str:
    """The file's real kind from its content: gzip, parquet, xlsx, ods, xls or text.

    Raises NotARoster with what the file is and what to do instead."""
    with open(path, "rb") as f:
        head = f.read(8192)
    if not head:
        raise NotARoster("berkas kosong (0 byte). Kirim berkas yang berisi data peserta.")
    if head[:2] == b"\x1f\x8b":
        return "gzip"
    if head[:4] == b"PAR1":
        return "parquet"
    if head[:8] == OLE2:
        return "xls"
    if head[:2] == b"PK":
        return _zip_kind(path)
    guessed = filetype.guess(head)
    if guessed is not None:
        raise NotARoster(_binary_message(guessed.extension, guessed.mime))
    return _text_kind(head)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in names else ""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError) as e:
        raise NotARoster(
            "berkas ZIP/XLSX yang rusak atau terpotong. "
            "Kirim ulang berkasnya, atau simpan ulang dari Excel sebagai .xlsx."
        ) from e
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        if "xl/workbook.bin" in names:
            raise NotARoster("buku kerja Excel biner (.xlsb). " + SAVE_AS)
        return "xlsx"
    if mimetype == "application/vnd.oasis.opendocument.spreadsheet":
        return "ods"
    if "word/document.xml" in names or mimetype == "application/vnd.oasis.opendocument.text":
        raise NotARoster(
            "dokumen pengolah kata (Word/Writer), bukan lembar kerja. "
            "Salin tabelnya ke Excel lalu simpan sebagai .xlsx atau CSV UTF-8."
        )
    listed = ", ".join(sorted(names)[:3]) + (", ..." if len(names) > 3 else "")
    raise NotARoster(
        f"arsip ZIP berisi {len(names)} berkas ({listed}), bukan lembar kerja. "
        "Ekstrak dulu, lalu muat berkas CSV/XLSX di dalamnya."
    )


def _binary_message(extension: str, mime: str) -> str:
    if extension == "pdf":
        return (
            "dokumen PDF. Tabel di PDF tidak bisa dibaca sebagai daftar peserta: minta berkas aslinya "
            "dalam Excel (.xlsx) atau CSV UTF-8."
        )
    if mime.startswith("image/"):
        return f"gambar ({extension.upper()}), bukan tabel. Minta berkas aslinya dalam Excel (.xlsx) atau CSV UTF-8."
    if extension in ("rar", "7z", "tar", "bz2", "xz", "zst"):
        return f"arsip {extension.upper()}. Ekstrak dulu, lalu muat berkas CSV/XLSX di dalamnya."
    return f"berkas biner ({extension.upper()}, {mime}), bukan tabel. " + SAVE_AS


def _text_kind(head: bytes) -> str:
    """Text of one of the encodings we read; HTML, XML and binary data are refused."""
    encoding = text_encoding(head)
    sample = head.decode(encoding, errors="replace").lstrip("\ufeff \t\r\n").lower()
    if sample.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<body")) or (
        sample.startswith("<") and "<table" in sample
    ):
        raise NotARoster(
            "halaman web (HTML) yang diberi nama lembar kerja; banyak aplikasi web menyimpan "
            '"ekspor ke Excel" seperti ini. ' + SAVE_AS
        )
    if sample.startswith("<?xml"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in sample:
            raise NotARoster("lembar kerja XML Spreadsheet 2003. " + SAVE_AS)
        raise NotARoster("dokumen XML, bukan tabel. " + SAVE_AS)
    if encoding.startswith("utf-8") or encoding == "cp1252":
        controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
        if b"\x00" in head or controls > len(head) // 20:
            raise NotARoster("berkas biner (bukan teks, bukan lembar kerja yang dikenal). " + SAVE_AS)
    return "text"


def text_encoding(head: bytes) -> str:
    """The encoding of a text file from its first bytes: a BOM, else UTF-16 by its zero bytes,
    else UTF-8 (checked in full later), else Windows-1252."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4 and odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"  # "Unicode Text" saved without its BOM
    if len(head) >= 4 and even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return "utf-8"


def _windows_1252(error: UnicodeDecodeError):
    """The five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) decode as the C1
    controls, as browsers (WHATWG) and Windows itself do, instead of stopping the load."""
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("cakupan_1252", _windows_1252)


def _utf8_else_1252(error: UnicodeDecodeError):
    """Bytes that are not UTF-8 in a UTF-8 file (one row pasted from an old system) read as
    Windows-1252, so the rest of the file keeps its UTF-8 (non-breaking spaces included)."""
    return error.object[error.start : error.end].decode("cp1252", errors="cakupan_1252"), error.end


codecs.register_error("cakupan_utf8_1252", _utf8_else_1252)


def _scratch(workdir: Path, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(dir=workdir, suffix=suffix)
    os.close(fd)
    return Path(name)


class _Bounded:
    """Writes blocks to a file, stopping past the size bound or a line longer than the line bound."""

    def __init__(self, out):
        self.out = out
        self.size, self.since_newline, self.line = 0, 0, 1
        self.max_size, self.max_line = settings.max_unpacked(), settings.max_line()

    def write(self, block: bytes) -> None:
        self.size += len(block)
        if self.size > self.max_size:
            raise NotARoster(
                f"isinya lebih dari {_size(self.max_size)} setelah dibuka (batas CAKUPAN_MAX_UNPACKED). "
                "Pecah berkasnya per provinsi, atau naikkan batasnya bila berkas ini memang sebesar itu."
            )
        last = block.rfind(b"\n")
        if last < 0:
            self.since_newline += len(block)
        else:
            first = block.find(b"\n")
            longest = max(self.since_newline + first, _longest_line(block, first, last))
            self.since_newline = len(block) - last - 1
            if longest > self.max_line:
                raise long_line_error(self.line, self.max_line)
            self.line += block.count(b"\n")
        if self.since_newline > self.max_line:
            raise long_line_error(self.line, self.max_line)
        self.out.write(block)


def _longest_line(block: bytes, first: int, last: int) -> int:
    if first == last:
        return 0
    return max(len(line) for line in block[first + 1 : last].split(b"\n"))


def long_line_error(line: int, limit: int) -> NotARoster:
    return NotARoster(
        f"baris {line} lebih panjang dari {_size(limit)} tanpa pindah baris (batas CAKUPAN_MAX_LINE): "
        "ini bukan daftar peserta atau berkasnya rusak. Periksa berkasnya atau ekspor ulang; bila "
        "barisnya memang sepanjang itu, naikkan CAKUPAN_MAX_LINE."
    )


def _size(n: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} byte"


def unpack_gzip(path: Path, workdir: Path) -> Path:
    """The decompressed copy of a gzip file, bounded. Raises NotARoster for a broken gzip."""
    plain = _scratch(workdir, ".unpacked")
    try:
        with gzip.open(path, "rb") as src, open(plain, "wb") as dst:
            out = _Bounded(dst)
            for block in iter(lambda: src.read(1 << 20), b""):
                out.write(block)
    except (OSError, EOFError, zlib.error) as e:
        raise NotARoster("berkas gzip rusak atau terpotong. Kirim ulang berkasnya.") from e
    return plain


def to_utf8(path: Path, encoding: str, workdir: Path) -> Path:
    """A UTF-8 copy of a text file (no BOM), bounded, with old Mac line ends (a CR alone) made LF.

    `encoding` 'utf-8' here means UTF-8 with some bytes that are not: those read as Windows-1252."""
    plain = _scratch(workdir, ".utf8")
    errors = {"cp1252": "cakupan_1252", "utf-8": "cakupan_utf8_1252"}.get(encoding, "strict")
    decoder = codecs.getincrementaldecoder(encoding)(errors=errors)
    done, held = 0, ""
    try:
        with open(path, "rb") as src, open(plain, "wb") as dst:
            out = _Bounded(dst)
            first = True
            for block in iter(lambda: src.read(1 << 20), b""):
                text = held + decoder.decode(block)
                done += len(block)
                if first:
                    text, first = text.lstrip("\ufeff"), False
                text, held = (text[:-1], "\r") if text.endswith("\r") else (text, "")
                out.write(_LONE_CR.sub("\n", text).encode("utf-8"))
            out.write(_LONE_CR.sub("\n", held + decoder.decode(b"", final=True)).encode("utf-8"))
    except UnicodeDecodeError as e:
        where = (
            "di akhir berkas (terpotong)"
            if e.end >= len(e.object)
            else f"sekitar byte ke-{done - len(e.object) + e.start + 1}"
        )
        raise NotARoster(f"teks {encoding.upper()} yang rusak {where}. Simpan ulang sebagai CSV UTF-8.") from e
    return plain


_LONE_CR = re.compile("\r(?!\n)")


def plain_utf8(path: Path) -> tuple[bool, bool, str]:
    """(all of it is UTF-8, it has a CR not followed by LF, its SHA-256), in one read of the file."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    digest = hashlib.sha256()
    valid, lone_cr, last = True, False, b""
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 22), b""):
            digest.update(block)
            if valid:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    valid = False
            if not lone_cr and b"\r" in block:
                joined = last + block
                lone_cr = re.search(rb"\r(?!\n)", joined[:-1] if len(joined) > 1 else b"") is not None
            last = block[-1:]
    if last == b"\r":
        lone_cr = True
    if valid:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    return valid, lone_cr, digest.hexdigest()


def workbook_size(path: Path) -> int:
    """Bytes a zipped workbook (xlsx, ods) declares once unpacked; 0 when it is not a zip."""
    try:
        with zipfile.ZipFile(path) as z:
            return sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError):
        return 0


def check_workbook_size(path: Path) -> None:
    if workbook_size(path) > settings.max_unpacked():
        raise NotARoster(
            f"lembar kerja ini berisi lebih dari {_size(settings.max_unpacked())} setelah dibuka "
            "(batas CAKUPAN_MAX_UNPACKED). Pecah berkasnya, atau simpan sebagai CSV."
        )
