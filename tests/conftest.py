"""Every test gets its own data directory and a fixed NIK key.

Warehouses a test only starts from are built once a run, by the first pytest-xdist worker that
needs one, and copied into the test's own data directory (`cetakan`): a copy takes milliseconds,
a build a second (the weekly seed with its stored answers, several), and a test may still write
(accounts, actions, a further load) without touching another test's or worker's data."""

import datetime as dt
import fcntl
import os
import shutil
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


BEBAS = ("CAKUPAN_GRACE_MONTHS", "CAKUPAN_RW_TARGET", "CAKUPAN_DETAIL_SNAPSHOTS")  # settings left at their defaults


def _siapkan(mp: pytest.MonkeyPatch, path: Path) -> None:
    """The settings every test's data directory is built and read with."""
    mp.setenv("CAKUPAN_DATA_DIR", str(path))
    mp.setenv("CAKUPAN_NIK_KEY", NIK_KEY)
    for name in BEBAS:
        mp.delenv(name, raising=False)
    # Builds here store no answers (4 s a build over the whole Kemendagri list) unless the test
    # asks (the weekly seed, tests/test_jawaban.py): stored answers equal the builder's, tested there.
    mp.setattr(warehouse, "_finishers", [])


@pytest.fixture
def data_dir_baru(tmp_path, monkeypatch):
    """A data directory with nothing in it: no warehouse yet, as on a new machine."""
    path = tmp_path / "data"
    _siapkan(monkeypatch, path)
    warehouse.close_readers()
    yield path
    warehouse.close_readers()


@pytest.fixture
def data_dir(data_dir_baru, cetakan):
    """A data directory with an empty warehouse (the regions only), as the app makes at its first
    start (build.ensure_exists): a copy, where making it costs a build and 91.599 regions."""
    return cetakan("kosong", build.ensure_exists, data_dir_baru)


def _salin(asal: Path, tujuan: Path) -> None:
    """Copy a built data folder: everything but the builds older than the served one (only the
    served file is read; a test that keeps builds counts its own)."""
    gudang = asal / "warehouse"
    dilayani = (gudang / warehouse.POINTER).read_text().strip().removesuffix(".duckdb")

    def lewati(folder, names):
        if Path(folder) != gudang:
            return []
        return [n for n in names if n.startswith("cakupan-") and not n.startswith(dilayani)]

    shutil.copytree(asal, tujuan, ignore=lewati, dirs_exist_ok=True)


def _sekali(tmp_path_factory, nama: str, bangun) -> Path:
    """The data folder `bangun(mp, path)` builds, built once a run under that name: the workers
    share the run's temporary folder (xdist gives each its own below it) and take turns on a
    lock, so the second finds it built. Nothing writes it afterwards: tests get copies."""
    dasar = tmp_path_factory.getbasetemp()
    akar = (dasar.parent if os.environ.get("PYTEST_XDIST_WORKER") else dasar) / "cetakan"
    akar.mkdir(exist_ok=True)
    path, selesai = akar / nama / "data", akar / nama / "selesai"
    with open(akar / f"{nama}.lock", "w") as kunci:
        fcntl.flock(kunci, fcntl.LOCK_EX)
        if not selesai.exists():
            shutil.rmtree(path, ignore_errors=True)
            with pytest.MonkeyPatch.context() as mp:
                try:
                    bangun(mp, path)
                finally:
                    warehouse.close_readers()
            selesai.touch()
    return path


@pytest.fixture(scope="session")
def cetakan(tmp_path_factory):
    """salin(nama, bangun, tujuan): the data folder `bangun()` builds with the same settings as
    data_dir, built once a run under that name (_sekali), copied into `tujuan`."""

    def salin(nama: str, bangun, tujuan: Path) -> Path:
        def dengan_setelan(mp, path):
            _siapkan(mp, path)
            bangun()

        asal = _sekali(tmp_path_factory, nama, dengan_setelan)
        warehouse.close_readers()
        shutil.rmtree(tujuan / "warehouse", ignore_errors=True)  # data_dir's empty warehouse
        _salin(asal, tujuan)
        return tujuan

    return salin


def load(paths, as_of=AS_OF) -> dict:
    """Load one snapshot and return its summary."""
    return build.load_snapshots([([Path(p) for p in paths], as_of)])[0]


def _bangun_seed() -> None:
    load([SEED / "roster_kecil.csv"])
    build.load_reference("target", SEED / "target_kecil.csv")
    build.load_reference("rw", SEED / "rw_kecil.csv")


@pytest.fixture
def seed_loaded(data_dir, cetakan):
    """The seed roster, targets and RW reference loaded (a copy of the session's build)."""
    return cetakan("seed", _bangun_seed, data_dir)


MINGGU = [
    ("minggu_1.csv", dt.date(2024, 1, 9)),
    ("minggu_4.csv", dt.date(2024, 1, 30)),
    ("minggu_5.csv", dt.date(2024, 2, 6)),
]


def bangun_minggu_target() -> None:
    """The weekly seed's three snapshots and its targets, with the default settings (for cetakan)."""
    build.load_snapshots([([SEED / name], as_of) for name, as_of in MINGGU])
    build.load_reference("target", SEED / "target_minggu.csv")


def _bangun_minggu(mp: pytest.MonkeyPatch, path: Path) -> None:
    _siapkan(mp, path)
    mp.setenv("CAKUPAN_RW_TARGET", "3")  # as `minggu` serves it: the stored answers hold this target
    mp.setattr(jawaban, "SNAPSHOT_TERBARU", 3)  # all three, to hold every period's kind
    # One build, with the pages' stored answers, as `python -m etl` builds do; other tests'
    # builds store none (a second each), so their questions go to the builder: both paths are tested.
    mp.setattr(warehouse, "_finishers", [jawaban.hitung])
    build.load_snapshots(
        [([SEED / name], as_of) for name, as_of in MINGGU],
        references=[
            ("target", SEED / "target_minggu.csv"),
            ("pekerja", SEED / "pekerja_minggu.csv"),
            ("rw", SEED / "rw_minggu.csv"),
        ],
    )


@pytest.fixture(scope="session")
def _minggu_dir(tmp_path_factory):
    """The weekly seed: three weekly snapshots with targets, workforce and RW reference
    (seed/README.md), built once a run and copied to this worker (its HTTP tests write accounts)."""
    path = tmp_path_factory.mktemp("minggu") / "data"
    _salin(_sekali(tmp_path_factory, "minggu", _bangun_minggu), path)
    return path


@pytest.fixture
def minggu(_minggu_dir, monkeypatch):
    """The weekly seed warehouse, read-only, with the per-RW target set to 3."""
    monkeypatch.setenv("CAKUPAN_DATA_DIR", str(_minggu_dir))
    monkeypatch.setenv("CAKUPAN_RW_TARGET", "3")
    warehouse.close_readers()
    yield _minggu_dir
    warehouse.close_readers()
