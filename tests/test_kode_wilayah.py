"""The region-code type (kode_wilayah): its level, parent, prefixes, RW part and refusals, worked
by hand; its SQL fragments on a few rows; and its SQL macros (kode_wilayah.sql) held to the same
table of codes as the Python type."""

import sqlite3

import duckdb
import pytest

import kode_wilayah
from etl import sqlfiles
from kode_wilayah import KodeTidakSah, KodeWilayah, baca

# (as written, as kept, level, parent, RW number)
SAH = [
    ("ID", "ID", "nasional", None, None),
    ("31", "31", "provinsi", "ID", None),
    ("31.75", "31.75", "kabkota", "31", None),
    ("31.75.02", "31.75.02", "kecamatan", "31.75", None),
    ("31.75.02.1001", "31.75.02.1001", "kelurahan", "31.75.02", None),
    ("31.75.02.1001.05", "31.75.02.1001.05", "rw", "31.75.02.1001", 5),
    ("31.75.02.1001.5", "31.75.02.1001.05", "rw", "31.75.02.1001", 5),  # RW 5 is written 05
    ("31.75.02.1001.005", "31.75.02.1001.05", "rw", "31.75.02.1001", 5),
    ("31.75.02.1001.123", "31.75.02.1001.123", "rw", "31.75.02.1001", 123),
    ("32.10", "32.10", "kabkota", "32", None),  # Majalengka
]
# Codes refused, with the words a page shows
TAK_DIKENAL = (
    "Kode wilayah '{}' tidak dikenal: pakai ID, 31, 31.75, 31.75.02, 31.75.02.1001 atau 31.75.02.1001.05 (RW 05)"
)
TIDAK_SAH = [
    ("31.75.02.1001.1000", TAK_DIKENAL.format("31.75.02.1001.1000")),  # RW 1000: four digits
    ("31.75.02.1001.0", "RW 0 bukan nomor RW 1-999"),
    ("31.75.02.1001.000", "RW 000 bukan nomor RW 1-999"),
    ("31.7", TAK_DIKENAL.format("31.7")),  # a part of the wrong length
    ("3.175", TAK_DIKENAL.format("3.175")),
    ("31.75.2", TAK_DIKENAL.format("31.75.2")),
    ("31.75.02.101", TAK_DIKENAL.format("31.75.02.101")),
    ("3175", TAK_DIKENAL.format("3175")),  # digits without dots are no code
    ("id", TAK_DIKENAL.format("id")),
    (" 31", TAK_DIKENAL.format(" 31")),  # not trimmed: the callers trim what a person typed
    ("", TAK_DIKENAL.format("")),
    (None, TAK_DIKENAL.format("None")),
    ("٣١", TAK_DIKENAL.format("٣١")),  # Arabic-Indic digits: ASCII only, as the SQL macros
]


@pytest.mark.parametrize(("teks", "kode", "tingkat", "induk", "rw"), SAH)
def test_a_code_names_its_level_parent_and_rw(teks, kode, tingkat, induk, rw):
    k = baca(teks)
    assert (k.kode, str(k), k.tingkat, k.rw) == (kode, kode, tingkat, rw)
    assert (k.induk.kode if k.induk else None) == induk
    assert k == KodeWilayah(kode)  # the same place however its RW was written


@pytest.mark.parametrize(("teks", "pesan"), TIDAK_SAH)
def test_a_malformed_code_is_refused_in_both_languages(teks, pesan):
    with pytest.raises(KodeTidakSah) as e:
        baca(teks)
    assert str(e.value) == pesan
    assert e.value.teks("id") == pesan
    assert e.value.teks("en").startswith(("Region code '", "RW 0"))
    assert e.value.teks("en") != pesan


def test_english_words_of_a_refusal():
    with pytest.raises(KodeTidakSah) as e:
        baca("31.7")
    assert e.value.teks("en") == (
        "Region code '31.7' is not a code: use ID, 31, 31.75, 31.75.02, 31.75.02.1001 or 31.75.02.1001.05 (RW 05)"
    )
    with pytest.raises(KodeTidakSah) as e:
        baca("31.75.02.1001.0")
    assert e.value.teks("en") == "RW 0 is not an RW number 1-999"


def test_a_long_code_is_quoted_short():
    with pytest.raises(KodeTidakSah) as e:
        baca("9" * 100)
    assert str(e.value).startswith("Kode wilayah '" + "9" * 39 + "…' tidak dikenal")


def test_prefix_at_each_level():
    rw = baca("31.75.02.1001.05")
    assert [rw.awalan(t).kode for t in kode_wilayah.TINGKAT] == [
        "ID",
        "31",
        "31.75",
        "31.75.02",
        "31.75.02.1001",
        "31.75.02.1001.05",
    ]
    assert baca("31.75").awalan("kabkota") is not None and baca("31.75").awalan("kabkota").kode == "31.75"
    with pytest.raises(KodeTidakSah, match="tidak punya awalan tingkat 'kecamatan'"):
        baca("31.75").awalan("kecamatan")  # below the code: no prefix
    with pytest.raises(KodeTidakSah, match="tidak punya awalan tingkat 'desa'"):
        baca("31.75").awalan("desa")


def test_ancestors_nation_first():
    assert [k.kode for k in baca("31.75.02").leluhur] == ["ID", "31", "31.75"]
    assert [k.kode for k in baca("31.75.02.1001.5").leluhur] == ["ID", "31", "31.75", "31.75.02", "31.75.02.1001"]
    assert baca("ID").leluhur == ()


@pytest.mark.parametrize(
    ("induk", "kode", "mencakup"),
    [
        ("ID", "31.75.02.1001.05", True),
        ("31", "31", True),
        ("31", "31.75", True),
        ("31", "31.75.02.1001.05", True),
        ("31.7", "31.75", None),  # not a code
        ("31.75", "31.76", False),
        ("31.75", "31", False),  # above is not inside
        ("31.75.02.1001", "31.75.02.1001.05", True),
        ("31.75.02.1001", "31.75.02.10011", None),  # not a code
        ("32", "31.75", False),
        ("31.75.02.1001.05", "31.75.02.1001", False),
    ],
)
def test_a_place_holds_itself_and_what_is_below(induk, kode, mencakup):
    try:
        hasil = baca(induk).mencakup(baca(kode))
    except KodeTidakSah:
        hasil = None
    assert hasil is mencakup


def test_digits_and_numbers_to_a_code():
    assert kode_wilayah.dari_digit("3175021001").kode == "31.75.02.1001"
    assert kode_wilayah.dari_digit("317502").kode == "31.75.02"
    assert kode_wilayah.dari_digit("3175").kode == "31.75"
    assert kode_wilayah.dari_digit("31").kode == "31"
    assert [kode_wilayah.dari_digit(d) for d in ("317", "31750210011", "", "31a5")] == [None] * 4
    assert kode_wilayah.dari_angka("32.1").kode == "32.10"  # Majalengka, never 32.01
    assert kode_wilayah.dari_angka("32.01").kode == "32.01"
    assert kode_wilayah.dari_angka("3175021001").kode == "31.75.02.1001"
    assert [kode_wilayah.dari_angka(d) for d in ("3.2", "3210.5", "32.099999", "317")] == [None] * 4


def test_sql_fragments_bind_the_place_and_refuse_anything_else():
    assert kode_wilayah.sql_mencakup("kode_kelurahan", "$induk") == (
        "(kode_kelurahan = $induk OR starts_with(kode_kelurahan, $induk || '.'))"
    )
    assert kode_wilayah.sql_mencakup("w", ":w", sqlite=True) == "(w = :w OR (w >= :w || '.' AND w < :w || '/'))"
    assert kode_wilayah.sql_awalan("kode_kelurahan", "kabkota") == "left(kode_kelurahan, 5)"
    assert kode_wilayah.sql_kode_rw("a.kode_kelurahan", "a.rw") == "a.kode_kelurahan || '.' || printf('%02d', a.rw)"
    for kolom, parameter in [("kode'; DROP TABLE x; --", "$induk"), ("kode", "'31'"), ("kode", "$induk OR 1")]:
        with pytest.raises(ValueError):
            kode_wilayah.sql_mencakup(kolom, parameter)


KODE_TABEL = ["31", "31.75", "31.75.02", "31.75.02.1001", "31.75.02.1001.05", "31.76", "317", "32.75", "31/75"]


@pytest.mark.parametrize(
    ("induk", "hasil"),
    [
        ("31", ["31", "31.75", "31.75.02", "31.75.02.1001", "31.75.02.1001.05", "31.76"]),
        ("31.75", ["31.75", "31.75.02", "31.75.02.1001", "31.75.02.1001.05"]),
        ("31.75.02.1001", ["31.75.02.1001", "31.75.02.1001.05"]),
        ("32", ["32.75"]),
    ],
)
def test_sql_this_place_or_below_in_duckdb_and_sqlite(induk, hasil):
    duck = duckdb.connect()
    duck.execute("CREATE TABLE t (kode VARCHAR)")
    duck.executemany("INSERT INTO t VALUES (?)", [[k] for k in KODE_TABEL])
    sql = f"SELECT kode FROM t WHERE {kode_wilayah.sql_mencakup('kode', '$induk')} ORDER BY kode"
    assert [r[0] for r in duck.execute(sql, {"induk": induk}).fetchall()] == hasil
    lite = sqlite3.connect(":memory:")
    lite.execute("CREATE TABLE t (kode TEXT)")
    lite.executemany("INSERT INTO t VALUES (?)", [[k] for k in KODE_TABEL])
    sql = f"SELECT kode FROM t WHERE {kode_wilayah.sql_mencakup('kode', ':induk', sqlite=True)} ORDER BY kode"
    assert [r[0] for r in lite.execute(sql, {"induk": induk}).fetchall()] == hasil


@pytest.fixture(scope="module")
def macro():
    """A DuckDB connection with the package's macros, and a two-region reference for kode_referensi."""
    con = duckdb.connect()
    con.execute("CREATE TABLE wilayah AS SELECT * FROM (VALUES ('32'), ('32.10'), ('31.75.02.1001')) w(kode)")
    sqlfiles.run(con, kode_wilayah.BERKAS_SQL)
    yield con
    con.close()


def _sql(con, ekspresi: str, **params):
    return con.execute(f"SELECT {ekspresi}", params).fetchone()[0]


@pytest.mark.parametrize("teks", [t for t, *_ in SAH] + [t for t, _ in TIDAK_SAH if t is not None])
def test_python_and_sql_name_the_same_level(macro, teks):
    try:
        tingkat = baca(teks).tingkat
    except KodeTidakSah:
        tingkat = None
    assert _sql(macro, "kode_tingkat($k)", k=teks) == tingkat


@pytest.mark.parametrize("teks", [t for t, _, tingkat, *_ in SAH if tingkat != "nasional"])
def test_python_and_sql_take_the_same_prefixes(macro, teks):
    k = baca(teks)
    for tingkat in ("provinsi", "kabkota", "kecamatan", "kelurahan"):
        try:
            awalan = k.awalan(tingkat).kode
        except KodeTidakSah:
            awalan = None
        assert _sql(macro, "kode_awalan($k, $t)", k=k.kode, t=tingkat) == awalan, tingkat


@pytest.mark.parametrize(
    ("nomor", "kode"),
    [
        ("5", "31.75.02.1001.05"),
        ("RW 05", "31.75.02.1001.05"),
        ("123", "31.75.02.1001.123"),
        ("1000", None),
        ("0", None),
    ],
)
def test_python_and_sql_write_an_rw_alike(macro, nomor, kode):
    """The roster's RW text (nomor_rw) and the type agree: RW 5 is '05', RW 1000 and 0 are refused."""
    try:
        python = baca(f"31.75.02.1001.{nomor.removeprefix('RW ')}").kode
    except KodeTidakSah:
        python = None
    assert python == kode
    assert _sql(macro, "kode_rw('31.75.02.1001', nomor_rw($n))", n=nomor) == kode


@pytest.mark.parametrize(
    ("desimal", "kode"),
    [
        ("32.1", "32.10"),  # a number cell 32.1 is Majalengka, 32.10 (the number-cell rule)
        ("32.10", "32.10"),
        ("32.01", "32.01"),
        ("3175021001", "31.75.02.1001"),
        ("317502", "31.75.02"),
        ("31", "31"),
        ("3.2", None),
        ("3210.5", None),
        ("32.099999", None),
        ("317", None),
    ],
)
def test_python_and_sql_read_a_number_alike(macro, desimal, kode):
    python = kode_wilayah.dari_angka(desimal)
    assert (python.kode if python else None) == kode
    assert _sql(macro, "kode_dari_digit(kode_cari(kode_dari_angka($d)))", d=desimal) == kode


@pytest.mark.parametrize(
    ("induk", "kode"),
    [
        ("ID", "32.10"),
        ("32", "32"),
        ("32", "32.10"),
        ("32", "33.10"),
        ("32.10", "32.10.01"),
        ("31.75.02.1001.01", "31.75.02.1001.12"),
        ("31.75", "31.75.02.1001.05"),
    ],
)
def test_python_and_sql_hold_the_same_places(macro, induk, kode):
    assert _sql(macro, "kode_mencakup($i, $k)", i=induk, k=kode) is baca(induk).mencakup(KodeWilayah(kode))


def test_the_reference_code_a_file_names(macro):
    assert [_sql(macro, "kode_referensi($s)", s=s) for s in ("", "id", "3210", "32.10", " 32.10 ", "3211", "32.1")] == [
        "ID",
        "ID",
        "32.10",
        "32.10",
        "32.10",
        None,
        None,
    ]


def test_sql_writes_an_rw_code_as_the_type_does():
    """RW 123 keeps its three digits (lpad(x, 2) cut it to '12' in the RW table before)."""
    sql = f"SELECT {kode_wilayah.sql_kode_rw('k', 'rw')} FROM (VALUES ('31.75.02.1001', 5::SMALLINT), ('31.75.02.1001', 123::SMALLINT)) t(k, rw)"
    assert [r[0] for r in duckdb.sql(sql).fetchall()] == ["31.75.02.1001.05", "31.75.02.1001.123"]
    assert [baca(f"31.75.02.1001.{n}").kode for n in (5, 123)] == ["31.75.02.1001.05", "31.75.02.1001.123"]
