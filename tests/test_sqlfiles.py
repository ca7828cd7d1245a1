"""etl/sqlfiles.py: a SQL file is split into statements as DuckDB parses it (issue 32, item 6), and
each statement gets only the parameters it names. The files here are the tests' own, written into
a temporary etl/sql."""

import duckdb
import pytest

from etl import sqlfiles

# A ';' and a line break inside a text, a comment after code, a line inside a text that starts
# with '--', and a $name only in a comment: the regular expression split the first, kept the
# second's statement joined to the next, dropped the third and passed $lain to a statement
# without it.
CATATAN = """-- Grain: one row per note
CREATE TABLE catatan (n INTEGER, teks VARCHAR);
INSERT INTO catatan VALUES (1, 'satu;
dua'); -- a ';' then a line break inside the text, and this comment after code
INSERT INTO catatan VALUES ($n, '
-- inside the text'); -- $lain is named only in this comment
"""


@pytest.fixture
def sql_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlfiles, "SQL_DIR", tmp_path)
    return tmp_path


def test_a_file_splits_where_duckdb_parses_it(sql_dir):
    (sql_dir / "catatan.sql").write_text(CATATAN, encoding="utf-8")
    con = duckdb.connect()
    assert [sorted(s.named_parameters) for s in sqlfiles.statements(con, "catatan.sql")] == [[], [], ["n"]]
    sqlfiles.run(con, "catatan.sql", {"n": 2, "lain": 9})  # lain: named by no statement, ignored
    assert con.execute("SELECT n, teks FROM catatan ORDER BY n").fetchall() == [
        (1, "satu;\ndua"),
        (2, "\n-- inside the text"),
    ]


def test_a_parameter_not_given_is_named(sql_dir):
    (sql_dir / "catatan.sql").write_text(CATATAN, encoding="utf-8")
    with pytest.raises(ValueError, match=r"etl/sql/catatan\.sql: no value for \$n"):
        sqlfiles.run(duckdb.connect(), "catatan.sql", {"lain": 9})


def test_a_syntax_error_runs_nothing(sql_dir):
    (sql_dir / "rusak.sql").write_text("CREATE TABLE t (x INTEGER);\nSELEC 1;\n", encoding="utf-8")
    con = duckdb.connect()
    with pytest.raises(duckdb.ParserException, match="SELEC"):
        sqlfiles.run(con, "rusak.sql")
    assert con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'").fetchone() == (0,)
