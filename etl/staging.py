"""Copy the rows of input files into a DuckDB staging table, as text, with file and line."""
from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
from tqdm import tqdm

from etl import reader


def stage(con, paths: list[Path], spec: reader.Columns, table: str, workdir: Path,
          temporary: bool = False, progress: bool = False) -> list[reader.FileRead]:
    """Rows of every file into `table` (berkas_ke, baris, columns...); returns what each file held."""
    columns = reader.output_columns(spec)
    con.execute(
        f"CREATE OR REPLACE {'TEMP ' if temporary else ''}TABLE {table} (berkas_ke INTEGER, "
        + ", ".join(f"{c} {'BIGINT' if c == 'baris' else 'VARCHAR'}" for c in columns) + ")"
    )
    infos = []
    for index, path in enumerate(paths):
        info, batches = reader.read_file(Path(path), spec, workdir)
        bar = tqdm(desc=Path(path).name, unit=" baris", file=sys.stderr, unit_scale=True, leave=False,
                   disable=not (progress and sys.stderr.isatty()))
        for batch in batches:
            if batch is reader.RESTART:
                con.execute(f"DELETE FROM {table} WHERE berkas_ke = ?", [index]).fetchall()
                bar.reset()
                continue
            batch = batch.add_column(0, "berkas_ke", pa.array([index] * batch.num_rows, pa.int32()))
            con.register("batch_masuk", batch)
            con.execute(f"INSERT INTO {table} SELECT * FROM batch_masuk").fetchall()
            con.unregister("batch_masuk")
            bar.update(batch.num_rows)
        bar.close()
        infos.append(info)
    return infos


def register_file_names(con, infos: list[reader.FileRead]) -> None:
    """A view `nama_berkas` (berkas_ke, berkas) for joining staged rows to their file."""
    con.register("nama_berkas", pa.table({
        "berkas_ke": pa.array(range(len(infos)), pa.int32()),
        "berkas": [i.path for i in infos],
    }))


def store_malformed(con, kind: str, as_of, infos: list[reader.FileRead]) -> None:
    rows = [(i.path, line, why) for i in infos for line, why in i.malformed]
    if not rows:
        return
    path, line, why = zip(*rows)
    con.register("rusak", pa.table({"berkas": list(path), "baris": list(line), "ket": list(why)}))
    con.execute(
        "INSERT INTO baris_ditolak SELECT ?, ?, berkas, baris, 'row_malformed', "
        "'Jumlah kolom tidak cocok: ' || ket, NULL, NULL, NULL FROM rusak", [as_of, kind]
    ).fetchall()
    con.unregister("rusak")
