"""The tree keeps its shape: imports point one way (import-linter, contract in .importlinter) and
the code passes ruff's checks (configured in pyproject.toml)."""

import configparser
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def _run(*command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_imports_point_one_way():
    result = _run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    contracts = (ROOT / ".importlinter").read_text().count("[importlinter:contract:")
    assert contracts == 4  # the layers, etl's readers, the officials' stores by one route, no cycle
    assert f"{contracts} kept, 0 broken" in result.stdout  # every contract ran


def test_every_package_in_the_tree_is_in_the_contract():
    contract = (ROOT / ".importlinter").read_text()
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "bench", "scripts"}
    assert all(f"    {p}\n" in contract for p in packages), packages


def test_the_officials_stores_have_one_route():
    """Issue 32, item 4: pages, the mailer, the server and the command lines reach isian/ only
    through metrics (its scope checks and audit); only etl.build, which copies the splits, may
    import a store from etl."""
    contract = configparser.ConfigParser()
    contract.read(ROOT / ".importlinter")
    isian = contract["importlinter:contract:isian"]
    assert isian["type"] == "forbidden"
    assert isian["forbidden_modules"].split() == ["isian"]
    assert set(isian["source_modules"].split()) == {"commands", "server", "laporan", "layouts", "etl"}
    assert isian["ignore_imports"].split() == ["etl.build", "->", "isian.pembagian"]


def test_ruff_lint_and_format():
    lint = _run(str(BIN / "ruff"), "check", ".")
    assert lint.returncode == 0, lint.stdout[-3000:]
    layout = _run(str(BIN / "ruff"), "format", "--check", ".")
    assert layout.returncode == 0, layout.stdout[-3000:]
