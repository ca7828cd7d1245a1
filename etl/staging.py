"""Copy the rows of input files into a DuckDB staging table, as text, with source and line.

A source (`berkas_ke`) is one part of a file: the file itself, or one sheet of a workbook,
named `path [sheet]` in rejects and flags.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
from tqdm import tqdm

from etl import reader, tabular


@dataclass
class Source:
    """One staged part and the file it belongs to."""

    index: int
    file: int
    part: tabular.Part
    name: str


def source_name(info: tabular.FileRead, part: tabular.Part) -> str:
    return info.path if part.sheet is None else f"{info.path} [{part.sheet}]"


def open_files(paths: list[Path], spec: tabular.Columns, workdir: Path) -> list[tabular.FileRead]:
    """Every file opened and its headers found before any row is staged, so a bad file stops the
    load at once. Raises LoadError."""
    return [reader.read_file(Path(p), spec, workdir) for p in paths]


def stage(
    con,
    infos: list[tabular.FileRead],
    spec: tabular.Columns,
    table: str,
    temporary: bool = False,
    progress: bool = False,
) -> list[Source]:
    """Rows of every part into `table` (berkas_ke, baris, columns...); returns the sources.

    Raises LoadError when a file has no data row at all (a header-only file would empty the
    snapshot it belongs to)."""
    columns = tabular.output_columns(spec)
    con.execute(
        f"CREATE OR REPLACE {'TEMP ' if temporary else ''}TABLE {table} (berkas_ke INTEGER, "
        + ", ".join(f"{c} {'BIGINT' if c == 'baris' else 'VARCHAR'}" for c in columns)
        + ")"
    )
    sources = []
    for file_index, info in enumerate(infos):
        for part in info.parts:
            source = Source(len(sources), file_index, part, source_name(info, part))
            _stage_part(con, source, table, _schema(columns), progress)
            _set_notes_aside(con, source, table, spec)
            sources.append(source)
        if info.read == 0:
            raise tabular.LoadError(
                f"{info.path}: tidak ada baris data, hanya baris judul"
                + (
                    f" ({sum(len(p.total_rows) for p in info.parts)} baris jumlah)"
                    if any(p.total_rows for p in info.parts)
                    else ""
                )
                + ". Berkas kosong tidak dimuat agar data yang ada tidak terhapus; kirim berkas yang berisi peserta."
            )
    return sources


def _schema(columns: list[str]) -> pa.Schema:
    """The staging table's columns as Arrow types: berkas_ke, baris, then every column as text."""
    return pa.schema([("berkas_ke", pa.int32())] + [(c, pa.int64() if c == "baris" else pa.string()) for c in columns])


def _stage_part(con, source: Source, table: str, schema: pa.Schema, progress: bool) -> None:
    bar = tqdm(
        desc=Path(source.name).name,
        unit=" baris",
        file=sys.stderr,
        unit_scale=True,
        leave=False,
        disable=not (progress and sys.stderr.isatty()),
    )
    batches = iter(source.part.batches())
    try:
        while _stream_into(con, source, table, schema, batches, bar):  # the reader asked to start this part again
            con.execute(f"DELETE FROM {table} WHERE berkas_ke = ?", [source.index]).fetchall()
            bar.reset()
    except tabular.LoadError as e:
        raise tabular.named(e, source.name) from e
    except (FileNotFoundError, IsADirectoryError, PermissionError) as e:
        raise tabular.LoadError(
            f"{source.name}: berkas hilang atau tidak bisa dibaca lagi saat dimuat. "
            "Muat ulang setelah berkasnya lengkap."
        ) from e
    except UnicodeDecodeError as e:
        raise tabular.LoadError(
            f"{source.name}: teks berubah saat dimuat (bukan UTF-8 lagi). Muat ulang setelah berkasnya selesai disalin."
        ) from e
    finally:
        bar.close()


def _stream_into(con, source: Source, table: str, schema: pa.Schema, batches, bar) -> bool:
    """One INSERT fed by one Arrow stream of the part's batches (not one INSERT per batch: a
    statement per batch costs more than the copy). True when the reader yielded RESTART."""
    restart = False

    def tagged():
        nonlocal restart
        for batch in batches:
            if batch is tabular.RESTART:
                restart = True
                return
            bar.update(batch.num_rows)
            batch = batch.add_column(0, "berkas_ke", pa.array(np.full(batch.num_rows, source.index, np.int32)))
            yield from batch.cast(schema).to_batches()

    con.register("batch_masuk", pa.RecordBatchReader.from_batches(schema, tagged()))
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM batch_masuk").fetchall()
    finally:
        con.unregister("batch_masuk")
    return restart


MAX_NOTE_ROWS = 10  # a signature block ("Pandeglang, 5 Februari 2024", "Kepala Desa", a name)


def _set_notes_aside(con, source: Source, table: str, spec: tabular.Columns) -> None:
    """The rows under the table with every required column empty (at most 10: a place and date,
    a title, a signature) are notes, not participants: taken out of the staged rows and counted
    in `part.note_rows`. More such rows stay rows, to be rejected with their reason."""
    empty = " AND ".join(f"coalesce({c}, '') = ''" for c in spec.required)
    below = (
        f"SELECT baris FROM {table} WHERE berkas_ke = $i AND {empty} AND baris > "
        f"(SELECT coalesce(max(baris), 0) FROM {table} WHERE berkas_ke = $i AND NOT ({empty}))"
    )
    notes = [line for (line,) in con.execute(below, {"i": source.index}).fetchall()]
    if 0 < len(notes) <= MAX_NOTE_ROWS and len(notes) < source.part.rows:
        con.execute(
            f"DELETE FROM {table} WHERE berkas_ke = $i AND baris IN (SELECT unnest($b))",
            {"i": source.index, "b": notes},
        ).fetchall()
        source.part.note_rows = sorted(notes)
        source.part.rows -= len(notes)


def register_file_names(con, sources: list[Source]) -> None:
    """A view `nama_berkas` (berkas_ke, berkas) for joining staged rows to their source."""
    con.register(
        "nama_berkas",
        pa.table(
            {
                "berkas_ke": pa.array([s.index for s in sources], pa.int32()),
                "berkas": [s.name for s in sources],
            }
        ),
    )


def store_read_rejects(con, kind: str, as_of, sources: list[Source]) -> None:
    """Rows the reader could not hand on (wrong field count, unsaved formulas) into baris_ditolak."""
    rows = [(s.name, line, reason, words) for s in sources for line, reason, words in s.part.rejected]
    if not rows:
        return
    name, line, reason, words = zip(*rows)
    con.register(
        "rusak", pa.table({"berkas": list(name), "baris": list(line), "alasan": list(reason), "ket": list(words)})
    )
    con.execute(
        "INSERT INTO baris_ditolak SELECT ?, ?, berkas, baris, alasan, ket, NULL, NULL, NULL FROM rusak", [as_of, kind]
    ).fetchall()
    con.unregister("rusak")
