"""Read one input file into Arrow batches of text columns, part by part.

`read_file` finds what a file is (sniff.py) and hands it to the reader of its kind: Parquet
here, delimited text to delimited.py, workbooks to workbook.py. What a part is, the batches it
hands on and the steps every kind shares (the header, values cleaned, totals set aside) are in
tabular.py, which the readers import and which imports none of them.

Raises LoadError (message names the file and what to do) for a file that cannot be read at all.
"""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from etl import delimited, sniff, tabular, workbook


def read_file(path: Path, spec: tabular.Columns, workdir: Path) -> tabular.FileRead:
    """Open a file: what it is and its parts, each with a `batches()` iterator.

    The header of every part is found here, so a file that cannot work fails before any row is
    staged. A batch iterator may yield tabular.RESTART: drop the rows it gave for that part so far."""
    path = Path(path)
    info = tabular.FileRead(path=str(path))
    try:
        _open(path, info, spec, workdir)
    except tabular.LoadError as e:
        raise tabular.named(e, str(path)) from e
    except sniff.NotARoster as e:
        raise tabular.LoadError(f"{path}: {e}") from e
    except (FileNotFoundError, NotADirectoryError) as e:
        raise tabular.LoadError(
            f"{path}: berkas tidak ditemukan (atau terhapus saat dimuat). Periksa nama dan foldernya."
        ) from e
    except IsADirectoryError as e:
        raise tabular.LoadError(f"{path}: ini folder, bukan berkas. Sebutkan berkas-berkas di dalamnya.") from e
    except PermissionError as e:
        raise tabular.LoadError(f"{path}: berkas tidak boleh dibaca oleh pengguna ini. Periksa izin berkasnya.") from e
    except OSError as e:  # a symlink loop, a disk error: the system's words, never the file's bytes
        raise tabular.LoadError(
            f"{path}: tidak bisa dibuka ({e.strerror or type(e).__name__}). Periksa berkasnya."
        ) from e
    return info


def _open(path: Path, info: tabular.FileRead, spec: tabular.Columns, workdir: Path) -> None:
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(path)
    if not stat.S_ISREG(mode):  # a pipe or a device would block the load forever
        raise sniff.NotARoster(
            "bukan berkas biasa (pipa, soket atau perangkat). Salin isinya ke berkas lalu muat berkas itu."
        )
    kind = sniff.kind(path)
    text = sniff.plain_utf8(path)  # the one full read before parsing: SHA-256, and UTF-8 for text
    info.sha256 = text[2]
    source, packed = path, kind == "gzip"
    if packed:
        source = sniff.unpack_gzip(path, workdir)
        kind = sniff.kind(source)
        if kind == "gzip":
            raise sniff.NotARoster(
                "gzip di dalam gzip (dikompresi dua kali). Buka sekali dengan gunzip, lalu muat hasilnya."
            )
    info.format = {"text": "csv"}.get(kind, kind) + (".gz" if packed else "")
    if kind == "parquet":
        info.parts = [_parquet_part(source, info, spec)]
    elif kind in ("xlsx", "xls", "ods"):
        workbook.read(source, kind, info, spec)
    else:
        delimited.read(source, info, spec, workdir, text[:2] if source == path else None)


# --- Parquet --------------------------------------------------------------------------


def _parquet_text(column: pa.ChunkedArray | pa.Array, name: str, text_only: bool, where: str) -> pa.Array:
    kind = column.type
    if pa.types.is_dictionary(kind):
        column, kind = column.cast(kind.value_type), kind.value_type
    if pa.types.is_nested(kind):
        raise tabular.LoadError(
            f"{where}: kolom '{name}' berisi data bertingkat ({kind}), bukan satu nilai per sel. "
            "Simpan kolom itu sebagai teks lalu ekspor ulang."
        )
    if pa.types.is_binary(kind) or pa.types.is_large_binary(kind) or pa.types.is_fixed_size_binary(kind):
        try:
            return column.cast(pa.string())
        except pa.ArrowInvalid as e:
            raise tabular.LoadError(
                f"{where}: kolom '{name}' berisi data biner, bukan teks UTF-8. "
                "Simpan kolom itu sebagai teks lalu ekspor ulang."
            ) from e
    if pa.types.is_timestamp(kind) or pa.types.is_date64(kind):
        column = column.cast(pa.date32())
    elif pa.types.is_floating(kind) and text_only:
        return scientific(column)
    elif pa.types.is_floating(kind):
        # Integral floats ("3175011001.0") are codes or counts, not decimals.
        if pc.all(pc.equal(pc.floor(column), column)).as_py():
            column = column.cast(pa.int64(), safe=False)
    try:
        return column.cast(pa.string())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as e:
        raise tabular.LoadError(
            f"{where}: kolom '{name}' bertipe {kind} yang tidak bisa dibaca sebagai teks. "
            "Simpan kolom itu sebagai teks lalu ekspor ulang."
        ) from e


SIGNIFICANT = {16: 3, 32: 7, 64: 15}  # decimal digits a float of this many bits keeps (Excel: 15)


def scientific(column: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
    """A float column as text in scientific form with the digits its type keeps ('32.1' as float64
    is '3.21000000000000e+01'; NaN is an empty cell). Formatted once per distinct value, so a
    million rows of a few thousand codes cost a few thousand formats."""
    digits = SIGNIFICANT.get(column.type.bit_width, 15)
    coded = pc.dictionary_encode(column)
    chunks = coded.chunks if isinstance(coded, pa.ChunkedArray) else [coded]
    texts = []
    for chunk in chunks:
        values = chunk.dictionary.to_pylist()
        words = pa.array([None if v is None or v != v else f"{v:.{digits - 1}e}" for v in values], pa.string())
        texts.append(pc.take(words, chunk.indices))
    return pa.chunked_array(texts, pa.string()) if isinstance(coded, pa.ChunkedArray) else texts[0]


def _parquet_part(path: Path, info: tabular.FileRead, spec: tabular.Columns) -> tabular.Part:
    where = info.path
    try:
        parquet = pq.ParquetFile(path)
        header = parquet.schema_arrow.names
    except Exception as e:  # pyarrow raises several kinds for a broken file
        raise tabular.LoadError(
            f"{where}: tidak bisa dibuka sebagai Parquet (rusak atau terpotong). Ekspor ulang berkasnya."
        ) from e
    part = tabular.Part(header_line=0)  # a Parquet file's column names are no row
    tabular.find_header([(0, header)], spec, where)
    positions = tabular.map_header(header, spec, part, where)

    def batches():
        number = 0
        try:
            for batch in parquet.iter_batches(batch_size=tabular.BATCH_ROWS, columns=[header[i] for i in positions]):
                n = batch.num_rows
                columns = {
                    positions[header.index(name)]: tabular.clean_text(
                        _parquet_text(batch.column(name), name, positions[header.index(name)] in spec.text_only, where)
                    )
                    for name in batch.schema.names
                }
                table = pa.table(
                    [pa.array(np.arange(number + 1, number + n + 1), pa.int64())]
                    + [columns.get(c, pa.nulls(n, pa.string())) for c in spec.output()],
                    names=tabular.output_columns(spec),
                )
                number += n
                part.rows += n
                yield table
        except (OSError, pa.ArrowException) as e:
            raise tabular.LoadError(
                f"{where}: berkas Parquet rusak setelah baris {number}. Ekspor ulang berkasnya."
            ) from e

    part.batches = batches
    return part
