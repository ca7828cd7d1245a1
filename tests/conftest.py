"""Every test gets its own data directory and a fixed NIK key."""
import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import warehouse  # noqa: E402
from etl import build  # noqa: E402

SEED = Path(__file__).resolve().parent / "seed"
AS_OF = dt.date(2024, 2, 6)
NIK_KEY = "kunci-uji-cakupan"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("CAKUPAN_DATA_DIR", str(path))
    monkeypatch.setenv("CAKUPAN_NIK_KEY", NIK_KEY)
    for name in ("CAKUPAN_GRACE_MONTHS", "CAKUPAN_RW_TARGET", "CAKUPAN_DETAIL_SNAPSHOTS"):
        monkeypatch.delenv(name, raising=False)
    warehouse.close_readers()
    yield path
    warehouse.close_readers()


def load(paths, as_of=AS_OF) -> dict:
    """Load one snapshot and return its summary."""
    return build.load_snapshots([([Path(p) for p in paths], as_of)])[0]


@pytest.fixture
def seed_loaded(data_dir):
    """The seed roster, targets and RW reference loaded."""
    load([SEED / "roster_kecil.csv"])
    build.load_reference("target", SEED / "target_kecil.csv")
    build.load_reference("rw", SEED / "rw_kecil.csv")
    return data_dir
