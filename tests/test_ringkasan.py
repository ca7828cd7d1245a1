"""The national headline numbers, on the seed roster and targets."""
import datetime as dt

from metrics import ringkasan


def test_national_numbers(seed_loaded):
    got = ringkasan.nasional()
    assert got == {
        "tanggal_data": dt.date(2024, 2, 6), "peserta_terdaftar": 10, "peserta_aktif": 7,
        "target": 10, "capaian": 0.7, "kekurangan": 3,  # 7 / 10; 10 - 7
    }


def test_without_a_target(data_dir):
    from tests.conftest import SEED, load
    load([SEED / "roster_kecil.csv"])
    got = ringkasan.nasional()
    assert (got["target"], got["capaian"], got["kekurangan"]) == (None, None, None)


def test_empty_warehouse(data_dir):
    from etl import build
    build.ensure_exists()
    assert ringkasan.nasional() is None
