"""Run the SQL files in etl/sql (or another by its full path, as kode_wilayah.BERKAS_SQL): statement
by statement, values only as named parameters."""

import re
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent / "sql"


def statements(name: str | Path) -> list[str]:
    text = (SQL_DIR / name).read_text()  # a full path stays itself
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in re.split(r";\s*(?:\n|$)", text) if s.strip()]


def run(con, name: str | Path, params: dict | None = None) -> None:
    """Each statement gets only the parameters it names ($name)."""
    params = params or {}
    for sql in statements(name):
        used = {k: v for k, v in params.items() if re.search(rf"\${k}\b", sql)}
        con.execute(sql, used).fetchall()
