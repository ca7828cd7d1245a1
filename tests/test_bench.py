"""The scale benchmark runs end to end at a tiny size and reports every figure (a smoke test:
no timing is asserted; docs/performance.md holds the measured run)."""

import pytest

from bench import skala

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
