"""Run the SQL files in etl/sql (or another by its full path, as kode_wilayah.BERKAS_SQL):
statement by statement, values only as named parameters.

DuckDB's own parser splits a file into statements (DuckDBPyConnection.extract_statements), so a
`;` or `--` inside a string literal and a comment after code are read as SQL reads them (issue 32,
item 6: a regular expression split them before); each statement names the parameters it holds
(duckdb.Statement.named_parameters) and gets those alone.
"""

from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent / "sql"


def statements(con, name: str | Path) -> list:
    """The statements of etl/sql/`name` (a full path stays itself) as `con` parses them
    (duckdb.Statement: .query, the text;
    .named_parameters, the set of $names). Raises duckdb.ParserException for a syntax error
    anywhere in the file, before any statement runs."""
    return con.extract_statements((SQL_DIR / name).read_text(encoding="utf-8"))


def run(con, name: str | Path, params: dict | None = None) -> None:
    """Run etl/sql/`name` on `con`, each statement with only the parameters it names ($name) out of
    `params` (a name no statement uses is ignored). Raises ValueError naming the file and the
    $names a statement holds that `params` lacks; DuckDB's own errors otherwise."""
    params = params or {}
    for statement in statements(con, name):
        missing = statement.named_parameters - params.keys()
        if missing:
            raise ValueError(f"etl/sql/{name}: no value for {', '.join('$' + k for k in sorted(missing))}")
        con.execute(statement, {k: params[k] for k in statement.named_parameters}).fetchall()
