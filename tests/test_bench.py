"""The scale and load benchmarks run end to end at a tiny size and report every figure (smoke
tests: no timing is asserted; docs/performance.md holds the measured runs)."""

import duckdb
import pytest

from bench import load, skala

pytestmark = pytest.mark.slow  # runs the scale benchmark end to end: left out of make test-quick


def test_the_scale_benchmark_runs_and_reports(tmp_path, capsys):
    out = tmp_path / "skala.json"
    [hasil] = skala.main(
        [
            "--sizes",
            "0.01",
            "--repeat",
            "1",
            "--calls",
            "2",
            "--sessions",
            "2",
            "--seconds",
            "2",
            "--workers",
            "1",
            "--think",
            "0.2",
            "--work",
            str(tmp_path / "kerja"),
            "--out",
            str(out),
        ]
    )
    assert hasil["rows"] == 10_000 and hasil["persons"] < 10_000 <= hasil["persons"] * 1.03  # 2 % second accounts
    for key in ("floor_s", "load_s", "ratio", "load_gb", "roster_s", "rollups_s", "refresh_s", "warehouse_mb"):
        assert hasil[key] > 0, key
    assert len(hasil["callbacks"]) == 13 and all(len(v) == 4 for v in hasil["callbacks"].values())
    c = hasil["concurrency"]
    assert c["requests"] > 0 and c["errors"] == 0, c["error_examples"]
    assert c["burst_requests"] == 2 and c["burst_p95_ms"] > 0  # each session's first view, all at t = 0
    t = hasil["concurrency_think"]
    assert t["think_s"] == 0.2 and t["requests"] > 0 and t["errors"] == 0  # counts depend on the machine's load
    assert out.exists() and "| juta rows |" in capsys.readouterr().out


def test_the_load_benchmark_reports_cpu_and_wall(tmp_path, capsys):
    runs = load.main(["--rows", "2000", "--repeat", "1", "--work", str(tmp_path)])
    assert set(runs) == {"floor", "contract", "contract_per_row", "load"}
    for name, [run] in runs.items():
        assert run.wall > 0 and run.cpu > 0 and run.peak_gb > 0, name
    out = capsys.readouterr().out
    assert "cpu ratio" in out and "1.00x      1.00x" in out  # the floor is its own unit


def test_the_weekly_history_loads_every_week_into_one_folder(tmp_path, monkeypatch, capsys):
    weeks = load.main(["--minggu", "2", "--baris", "2000", "--churn", "0.5", "--work", str(tmp_path)])
    assert [(w["checkout"], w["as_of"]) for w in weeks] == [("load", "2024-02-06"), ("load", "2024-02-13")]
    for week in weeks:
        assert week["cpu"] > 0 and week["floor_cpu"] > 0 and week["written"] > 0 and week["disk"] > 0
    monkeypatch.setenv("CAKUPAN_DATA_DIR", str(tmp_path / "data-load"))
    import warehouse

    with duckdb.connect(str(warehouse.current_path()), read_only=True) as con:
        snapshots = con.execute("SELECT tanggal_data::VARCHAR FROM snapshot ORDER BY 1").fetchall()
        # Churn 0.5 of 2.000: week 2 numbers its persons from 1.000, so NIKs 1.000-1.999 are in both.
        [(both,)] = con.execute(
            "SELECT count(*) FROM (SELECT nik_hash FROM peserta GROUP BY nik_hash HAVING count(*) = 2)"
        ).fetchall()
    assert snapshots == [("2024-02-06",), ("2024-02-13",)]
    assert 900 < both <= 1000  # the 3 % repeated rows leave a few of those 1.000 out of a week
    assert "written MB" in capsys.readouterr().out
