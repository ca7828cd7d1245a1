"""The builder's SQL for a few questions, held against files in tests/emas/ ("golden" files):
a change to what the dashboard asks the warehouse shows as a diff to review. After a change that
is meant, write the files again with CAKUPAN_TULIS_EMAS=1 and read the diff before committing."""

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from metrics import pembangun
from metrics.pembangun import Filter, Periode

EMAS = Path(__file__).resolve().parent / "emas"
P = Periode(dt.date(2024, 2, 6), dt.date(2024, 1, 30), dt.date(2024, 1, 9), arus=True, arus_4mg=True)
KPI = ["peserta_aktif", "target", "capaian", "kekurangan", "perubahan_minggu", "laju_dibutuhkan"]
QUESTIONS = {
    "provinsi_nasional": lambda: pembangun.kueri_tabel("provinsi", "ID", Filter(), P, KPI),
    "kelurahan_bpu_rentan": lambda: pembangun.kueri_tabel(
        "kelurahan", "31.75.02", Filter(segmen="BPU", pekerja_rentan=True), P, KPI
    ),
    "rw_program_rw": lambda: pembangun.kueri_tabel(
        "rw", "31.75.02.1001", Filter(), P, ["peserta_aktif", "target", "capaian", "rw_tercapai"]
    ),
    "tren_kabkota_jkm": lambda: pembangun.tren("31.75", Filter(program="JKM"), dt.date(2024, 2, 6)),
}


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_the_sql_is_the_reviewed_one(name):
    sql, params = QUESTIONS[name]()
    text = sql.rstrip() + "\n-- params: " + json.dumps(sorted(params)) + "\n"
    path = EMAS / f"{name}.sql"
    if os.environ.get("CAKUPAN_TULIS_EMAS") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with CAKUPAN_TULIS_EMAS=1 once"
    assert text == path.read_text(encoding="utf-8"), (
        f"the SQL of {name} changed; see the diff, then CAKUPAN_TULIS_EMAS=1"
    )
