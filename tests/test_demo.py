"""The demo data: national, realistic in shape, messy where it should be, loaded by the real loader."""

import pytest

import warehouse
from etl import demo
from metrics import cakupan
from metrics.pertanyaan import tanya


@pytest.mark.slow
def test_small_demo(data_dir):
    summaries = demo.build_demo(scale=0.05, weeks=2, seed=7)
    rosters = [s for s in summaries if s["kind"] == "peserta"]
    assert len(rosters) == 2
    for s in rosters:
        assert s["read"] == s["loaded"] + s["rejected"]
        assert {"nik_invalid", "row_malformed"} <= set(s["rejected_by_reason"])
        assert {"nik_duplicate", "wilayah_invalid", "wilayah_unknown", "segmen_invalid", "sumber_iuran_invalid"} <= set(
            s["flagged_by_kind"]
        )
        assert len(s["files"]) == 2 and s["files"][1]["format"] == "csv.gz"
    provinces = warehouse.rows(
        "SELECT count(DISTINCT kode_provinsi) FROM ringkas_wilayah WHERE kode_provinsi IS NOT NULL"
    )
    assert provinces == [(38,)]
    segments = dict(warehouse.rows("SELECT segmen, sum(terdaftar) FROM ringkas_wilayah GROUP BY 1"))
    assert segments["PU"] > segments["BPU"] > segments["JAKON"] > segments["PMI"] > 0
    national = cakupan.angka_tempat(tanya("ID"))
    assert 0.85 < national["capaian"] < 0.90
    assert warehouse.rows("SELECT count(*) FROM referensi_rw") == [(109,)]  # kelurahan of Jakarta Timur and Pusat
    rentan = dict(
        warehouse.rows("SELECT sumber_iuran, sum(terdaftar) FROM ringkas_wilayah WHERE pekerja_rentan GROUP BY 1")
    )
    assert rentan["APBD"] > rentan["CSR"] > 0  # a few messy rows say "Hibah": LAINNYA
    assert warehouse.rows("SELECT count(*), count(*) FILTER (kode_wilayah = 'ID') FROM referensi_pekerja") == [(39, 1)]
    assert 0.20 < national["cakupan_pekerja"] < 0.45


@pytest.mark.slow
def test_demo_adds_up_at_every_level(data_dir):
    """On messy national data, every level's rows (unknown ones included) add up to the nation."""
    demo.build_demo(scale=0.05, weeks=2, seed=11)
    national = cakupan.angka_tempat(
        tanya("ID"), metrik=["peserta_terdaftar", "peserta_aktif", "baru", "perubahan_minggu"]
    )
    for level in ("provinsi", "kabkota", "kecamatan", "kelurahan", "rw"):
        rows = cakupan.tabel(
            level, tanya("ID"), metrik=["peserta_terdaftar", "peserta_aktif", "perubahan_minggu"]
        ).baris
        for m in ("peserta_terdaftar", "peserta_aktif", "perubahan_minggu"):
            assert sum(r[m] for r in rows) == national[m], (level, m)
    jakarta_timur = cakupan.angka_tempat(tanya("31.75"), metrik=["peserta_aktif"])["peserta_aktif"]
    assert (
        sum(r["peserta_aktif"] for r in cakupan.anak(tanya("31.75"), metrik=["peserta_aktif"]).baris) == jakarta_timur
    )
