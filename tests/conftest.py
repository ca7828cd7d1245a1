"""Every test gets its own data directory and a fixed NIK key."""

import datetime as dt
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import warehouse  # noqa: E402
from etl import build  # noqa: E402
from metrics import jawaban  # noqa: E402

SEED = Path(__file__).resolve().parent / "seed"
AS_OF = dt.date(2024, 2, 6)
NIK_KEY = "kunci-uji-cakupan"


@pytest.fixture(autouse=True)
def nasional():
    """Questions asked in tests are asked with the national scope, as the command lines do;
    the access tests set other scopes (or none) themselves."""
    from metrics import lingkup

    with lingkup.berlaku(lingkup.NASIONAL):
        yield


@pytest.fixture(autouse=True)
def _surel_domain(monkeypatch):
    """The tests' addresses are under example.id: the domain mail may go to (issue 31: with no
    setting and no From address, no report is mailed anywhere)."""
    monkeypatch.setenv("CAKUPAN_SUREL_DOMAIN", "example.id")


@pytest.fixture(scope="session")
def dash_app():
    """One app for the whole run, as in production (one per process): Dash hands the callbacks
    declared with @callback to the first app made, so a second one would miss them."""
    import app

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAKUPAN_SECRET_KEY", "kunci-rahasia-uji")
        return app.create_app()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("CAKUPAN_DATA_DIR", str(path))
    monkeypatch.setenv("CAKUPAN_NIK_KEY", NIK_KEY)
    for name in ("CAKUPAN_GRACE_MONTHS", "CAKUPAN_RW_TARGET", "CAKUPAN_DETAIL_SNAPSHOTS"):
        monkeypatch.delenv(name, raising=False)
    # Builds here store no answers (4 s a build over the whole Kemendagri list) unless the test
    # asks (the weekly seed, tests/test_jawaban.py): stored answers equal the builder's, tested there.
    monkeypatch.setattr(warehouse, "_finishers", [])
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


MINGGU = [
    ("minggu_1.csv", dt.date(2024, 1, 9)),
    ("minggu_4.csv", dt.date(2024, 1, 30)),
    ("minggu_5.csv", dt.date(2024, 2, 6)),
]


@pytest.fixture(scope="session")
def _minggu_dir(tmp_path_factory):
    """Built once: three weekly snapshots with targets, workforce and RW reference (seed/README.md)."""
    path = tmp_path_factory.mktemp("minggu") / "data"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAKUPAN_DATA_DIR", str(path))
        mp.setenv("CAKUPAN_NIK_KEY", NIK_KEY)
        mp.setenv("CAKUPAN_RW_TARGET", "3")  # as `minggu` serves it: the stored answers hold this target
        # Its builds store the pages' answers, as `python -m etl` builds do; other tests' builds
        # do not (a second each), so their questions go to the builder: both paths are tested.
        mp.setattr(warehouse, "_finishers", [jawaban.hitung])
        mp.setattr(jawaban, "SNAPSHOT_TERBARU", 3)  # all three, to hold every period's kind
        build.load_snapshots([([SEED / name], as_of) for name, as_of in MINGGU])
        build.load_reference("target", SEED / "target_minggu.csv")
        build.load_reference("pekerja", SEED / "pekerja_minggu.csv")
        build.load_reference("rw", SEED / "rw_minggu.csv")
    return path


@pytest.fixture
def minggu(_minggu_dir, monkeypatch):
    """The weekly seed warehouse, read-only, with the per-RW target set to 3."""
    monkeypatch.setenv("CAKUPAN_DATA_DIR", str(_minggu_dir))
    monkeypatch.setenv("CAKUPAN_RW_TARGET", "3")
    warehouse.close_readers()
    yield _minggu_dir
    warehouse.close_readers()
