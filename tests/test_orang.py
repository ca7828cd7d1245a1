"""One row per person in the cheap order of issue 33 (dedupe on the NIK as a number, rank only the
repeated NIKs, hash the persons kept): the contract's person rules and the same keyed hash."""

import hashlib
import hmac

import duckdb

import warehouse
from tests.conftest import NIK_KEY, SEED, load

HEADER = (SEED / "roster_kecil.csv").read_text().splitlines()[0]
ROW = "{nik},A,{kpj},,,PU,JKK,,31.75.02.1001,,,,{daftar},{status},{bulan},,"


def _hash(nik: str) -> str:
    """The stored form of a NIK's keyed hash: HMAC-SHA256's first 128 bits, as UHUGEINT text."""
    return str(int(hmac.new(NIK_KEY.encode(), nik.encode(), hashlib.sha256).hexdigest()[:32], 16))


def _roster(tmp_path, rows: list[dict]):
    path = tmp_path / "orang.csv"
    path.write_text(HEADER + "\n" + "\n".join(ROW.format(**r) for r in rows) + "\n")
    return path


def test_a_nik_starting_with_zero_is_hashed_as_its_16_digits(data_dir, tmp_path):
    load(
        [
            _roster(
                tmp_path,
                [
                    {
                        "nik": "0175021001900001",
                        "kpj": "NOL",
                        "daftar": "2024-01-01",
                        "status": "AKTIF",
                        "bulan": "2024-02",
                    }
                ],
            )
        ]
    )
    [(stored,)] = warehouse.query("SELECT nik_hash::VARCHAR FROM peserta").itertuples(index=False)
    assert stored == _hash("0175021001900001") != _hash("175021001900001")


def test_three_rows_of_one_person_and_one_alone(data_dir, tmp_path):
    # Lines 2-4 are one person: line 3 is the most recently registered but inactive, so line 2
    # (active, registered after line 4) is chosen; lines 3 and 4 are flagged nik_duplicate.
    rows = [
        {"nik": "3175021001900001", "kpj": "AKTIF_BARU", "daftar": "2024-01-01", "status": "AKTIF", "bulan": "2024-02"},
        {"nik": "3175021001900001", "kpj": "TIDAK_AKTIF", "daftar": "2024-02-01", "status": "NONAKTIF", "bulan": ""},
        {"nik": "3175021001900001", "kpj": "AKTIF_LAMA", "daftar": "2023-06-01", "status": "AKTIF", "bulan": "2024-01"},
        {"nik": "3175021001900002", "kpj": "SENDIRI", "daftar": "2022-01-01", "status": "NONAKTIF", "bulan": ""},
    ]
    load([_roster(tmp_path, rows)])
    got = warehouse.query("SELECT nik_hash::VARCHAR h, kpj, aktif, jumlah_baris FROM peserta ORDER BY kpj")
    assert got.values.tolist() == [
        [_hash("3175021001900001"), "AKTIF_BARU", True, 3],
        [_hash("3175021001900002"), "SENDIRI", False, 1],
    ]
    flagged = warehouse.query("SELECT baris FROM contoh_ditandai WHERE jenis = 'nik_duplicate' ORDER BY baris")
    assert flagged.baris.tolist() == [3, 4]
    [(n,)] = warehouse.query("SELECT jumlah FROM jumlah_ditandai WHERE jenis = 'nik_duplicate'").itertuples(index=False)
    assert n == 2


def test_the_nik_as_a_number_is_in_no_column_of_the_served_file(data_dir, tmp_path):
    nik = 3175021001900001
    row = {"nik": str(nik), "kpj": "A", "daftar": "2024-01-01", "status": "AKTIF", "bulan": "2024-02"}
    load([_roster(tmp_path, [row, row])])
    with duckdb.connect(str(warehouse.current_path()), read_only=True) as con:
        columns = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE data_type IN "
            "('BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT', 'DOUBLE') OR data_type LIKE 'DECIMAL%'"
        ).fetchall()
        found = [
            (t, c)
            for t, c in columns
            if con.execute(f'SELECT count(*) FROM "{t}" WHERE "{c}" = ?', [nik]).fetchone()[0]
        ]
        [(persons,)] = con.execute("SELECT count(*) FROM peserta").fetchall()
    assert len(columns) > 5 and found == [] and persons == 1
