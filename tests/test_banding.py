"""Banding (issue 35, item 1): one place at two snapshots, or places at one snapshot, side by side,
on the weekly seed (tests/seed/README.md, "minggu_*.csv"); every expected number worked by hand
from the seed's table in the comments."""

import pytest

from metrics import banding
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya

PULO_GADUNG, KENARI, PISANGAN = "31.75.02.1001", "31.71.04.1002", "31.75.02.1002"


def test_pulo_gadung_now_and_four_weeks_back(minggu):
    # 2024-01-09: P1-P9 registered in Pulo Gadung (P9 inactive), P1-P8 active: 9 and 8.
    # 2024-02-06: P1-P6, P8 (inactive), P9-P13 (P7 moved to Kenari): 12 registered, 11 active.
    # Target 20 both times (2024): capaian 8/20 = 40 %, 11/20 = 55 %; kekurangan 12 and 9.
    # The first snapshot has no earlier one: no weekly change, no pace; on 02-06 +2 and 0,75.
    bd = banding.dua_tanggal(tanya(PULO_GADUNG, "2024-02-06"))  # default: 4 weeks back, 2024-01-09
    assert bd.jenis == "tanggal" and [str(s.tanya.tanggal) for s in bd.sisi] == ["2024-01-09", "2024-02-06"]
    lama, baru = (s.angka for s in bd.sisi)
    assert [lama[m] for m in ("peserta_terdaftar", "peserta_aktif", "target_acuan", "kekurangan_acuan")] == [9, 8, 20, 12]
    assert [baru[m] for m in ("peserta_terdaftar", "peserta_aktif", "target_acuan", "kekurangan_acuan")] == [12, 11, 20, 9]
    (d,) = bd.selisih
    # differences, the newer minus the older: 12-9 = +3 registered, 11-8 = +3 active, 20-20 = 0,
    # 55 % - 40 % = +15 percentage points (0,15), 9-12 = -3 short; no change or pace in January.
    assert (d["peserta_terdaftar"], d["peserta_aktif"], d["target_acuan"], d["kekurangan_acuan"]) == (3, 3, 0, -3)
    assert d["capaian_acuan"] == pytest.approx(0.15)
    assert d["perubahan_minggu"] is None and d["laju_4mg"] is None
    assert bd.teks() == {"banding": "2024-01-09"}


def test_an_earlier_snapshot_in_the_url_is_the_same_comparison_either_way(minggu):
    # Asked from 2024-01-30 against 2024-02-06: the older side is still first.
    # 01-30: Pulo Gadung active P1-P7, P9, P10 = 9; change since 01-09 9-8 = +1.
    bd = banding.dua_tanggal(tanya(PULO_GADUNG, "2024-01-30"), "2024-02-06")
    assert [s.angka["peserta_aktif"] for s in bd.sisi] == [9, 11]
    (d,) = bd.selisih
    # 11-9 = +2 active; capaian 55 % - 45 % = +10 points; weekly change +2 - +1 = +1
    assert (d["peserta_aktif"], d["perubahan_minggu"]) == (2, 1) and d["capaian_acuan"] == pytest.approx(0.10)
    assert bd.teks() == {"banding": "2024-02-06"}


def test_two_places_at_one_snapshot_each_against_its_own_target(minggu):
    # 2024-02-06. Pulo Gadung: 12 registered, 11 active, target 20, 55 %, short 9, +2, 0,75 a week.
    # Kenari: P7 only (moved in): 1 registered, 1 active, target 5, 1/5 = 20 %, short 4, +1 (0 -> 1),
    # pace (1-0)/4 = 0,25. Kenari minus Pulo Gadung: -11, -10, -15, 20-55 = -35 points, -5, -1, -0,5.
    bd = banding.beberapa_tempat(tanya(PULO_GADUNG, "2024-02-06"), [KENARI])
    assert bd.jenis == "wilayah" and [s.tanya.kode for s in bd.sisi] == [PULO_GADUNG, KENARI]
    kenari = bd.sisi[1].angka
    assert (kenari["peserta_aktif"], kenari["target_acuan"], kenari["kekurangan_acuan"]) == (1, 5, 4)
    assert kenari["capaian_acuan"] == pytest.approx(0.20)
    (d,) = bd.selisih
    assert [d[m] for m in ("peserta_terdaftar", "peserta_aktif", "target_acuan", "kekurangan_acuan", "perubahan_minggu")] == [
        -11, -10, -15, -5, -1,
    ]  # fmt: skip
    assert d["capaian_acuan"] == pytest.approx(-0.35) and d["laju_4mg"] == pytest.approx(-0.5)
    assert bd.teks() == {"dengan": KENARI}
