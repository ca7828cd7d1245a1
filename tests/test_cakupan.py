"""The questions officials ask, on the seed rosters; every expected value is worked by hand in
tests/seed/README.md (the arithmetic is repeated next to each assertion)."""

import datetime as dt

import pytest

import warehouse
from etl import build
from metrics import cakupan, definisi, periode
from metrics.pembangun import Filter, PertanyaanTidakSah
from metrics.pertanyaan import tanya
from tests.conftest import MINGGU, SEED, load
from warehouse import partisi

PG, KENARI, PISANGAN = "31.75.02.1001", "31.71.04.1002", "31.75.02.1002"


def _baris(hasil, kode):
    return next(b for b in hasil.baris if b["kode_wilayah"] == kode)


# --- the seed roster (one snapshot) ----------------------------------------------------


def test_national_headline_on_seed(seed_loaded):
    n = cakupan.angka_tempat(tanya("ID"))
    assert (n["peserta_terdaftar"], n["peserta_aktif"]) == (10, 7)
    assert n["tingkat_aktif"] == pytest.approx(0.7)  # 7 / 10
    assert (n["target"], n["capaian"], n["kekurangan"]) == (10, pytest.approx(0.7), 3)  # 7/10; 10-7
    assert [n[f"aktif_{p}"] for p in ("jkk", "jkm", "jht", "jp", "jkp")] == [7, 6, 1, 1, 0]
    # active: 001 JKK JKM, 002 JKK JKM JHT JP, 003 JKK JKM, 005 JKK JKM, 006 JKK JKM, 007 JKK JKM, 011 JKK
    assert n["baru"] is None and n["perubahan_minggu"] is None  # no earlier snapshot: unknown, not 0


def test_without_targets_and_without_data(data_dir):
    with pytest.raises(periode.BelumAdaData):
        cakupan.angka_tempat(tanya("ID"))
    build.ensure_exists()
    with pytest.raises(periode.BelumAdaData):
        cakupan.angka_tempat(tanya("ID"))
    load([SEED / "roster_kecil.csv"])
    n = cakupan.angka_tempat(tanya("ID"))
    assert (n["peserta_aktif"], n["target"], n["capaian"], n["kekurangan"], n["pekerja"]) == (7, None, None, None, None)


def test_places_without_a_target_say_so(seed_loaded):
    kenari_kec = cakupan.angka_tempat(tanya("31.71.04"))
    assert kenari_kec["peserta_aktif"] == 2
    assert (kenari_kec["target"], kenari_kec["capaian"], kenari_kec["kekurangan"]) == (None, None, None)
    kec = cakupan.angka_tempat(tanya("31.75.02"))
    assert (kec["peserta_aktif"], kec["target"], kec["capaian"], kec["kekurangan"]) == (4, 5, 0.8, 1)  # 4/5


def test_segment_target_is_used_with_a_segment_filter(seed_loaded):
    bpu = cakupan.angka_tempat(tanya("ID", filt=Filter(segmen="BPU")))
    assert (bpu["peserta_terdaftar"], bpu["peserta_aktif"], bpu["target"]) == (3, 3, 4)
    assert bpu["capaian"] == pytest.approx(0.75)  # 3 / 4
    pmi = cakupan.angka_tempat(tanya("ID", filt=Filter(segmen="PMI")))
    assert (pmi["peserta_aktif"], pmi["target"]) == (0, None)  # no PMI target: none invented


def test_children_add_up_with_unknown_rows(seed_loaded):
    prov = cakupan.anak(tanya("ID"), metrik=["peserta_terdaftar", "peserta_aktif"])
    assert len(prov.baris) == 39  # 38 provinces + "Tidak diketahui"
    dki = _baris(prov, "31")
    assert (dki["peserta_terdaftar"], dki["peserta_aktif"]) == (9, 6)
    unknown = prov.baris[-1]
    assert (unknown["kode_wilayah"], unknown["nama_wilayah"], unknown["peserta_aktif"]) == (None, "Tidak diketahui", 1)
    assert sum(b["peserta_aktif"] for b in prov.baris) == 7
    kel = cakupan.anak(tanya("31.75.02"), metrik=["peserta_aktif"])
    assert len(kel.baris) == 8  # 7 kelurahan + unknown (004, 005)
    assert _baris(kel, PG)["peserta_aktif"] == 3
    assert [(b["kode_induk"], b["peserta_aktif"]) for b in kel.baris if not b["diketahui"]] == [("31.75.02", 1)]


def test_rw_rows_include_reference_rws_at_zero(seed_loaded):
    rws = cakupan.anak(tanya(KENARI), metrik=["peserta_terdaftar", "peserta_aktif", "target", "capaian", "kekurangan"])
    # Reference: Kenari has 6 RWs. Roster: RW 3 (007 active, 008), RW 4 (011 active), 009 without RW.
    assert [(b["nama_wilayah"], b["peserta_terdaftar"], b["peserta_aktif"]) for b in rws.baris] == [
        ("RW 01", 0, 0),
        ("RW 02", 0, 0),
        ("RW 03", 2, 1),
        ("RW 04", 1, 1),
        ("RW 05", 0, 0),
        ("RW 06", 0, 0),
        ("RW tidak diketahui", 1, 0),
    ]
    rw3 = rws.baris[2]
    assert (rw3["kode_wilayah"], rw3["target"], rw3["capaian"], rw3["kekurangan"]) == (
        "31.71.04.1002.03",
        100,
        0.01,
        99,
    )  # the per-RW target 100: 1/100; 100-1
    assert rws.baris[-1]["target"] is None


def test_unknown_places_and_questions_are_refused(seed_loaded):
    with pytest.raises(PertanyaanTidakSah, match="tidak ada di daftar"):
        cakupan.angka_tempat(tanya("31.99"))
    with pytest.raises(PertanyaanTidakSah, match="tidak dikenal"):
        cakupan.angka_tempat(tanya("31; DROP TABLE peserta"))
    with pytest.raises(PertanyaanTidakSah, match="Tidak ada snapshot per 2024-02-07"):
        cakupan.angka_tempat(tanya("ID", tanggal="2024-02-07"))
    with pytest.raises(PertanyaanTidakSah, match="segmen"):
        Filter(segmen="INFORMAL")
    with pytest.raises(PertanyaanTidakSah, match="hanya bisa disaring menurut segmen dan program"):
        cakupan.anak(tanya(PG, filt=Filter(sumber_iuran="APBD")))


# --- three weekly snapshots ----------------------------------------------------------


def test_period_of_the_newest_snapshot(minggu):
    p = periode.periode()
    assert (p.tanggal, p.sebelumnya, p.awal) == (dt.date(2024, 2, 6), dt.date(2024, 1, 30), dt.date(2024, 1, 9))
    assert (p.minggu_4mg, p.minggu_tersisa, p.bulan_tersisa) == (4, 47, 11)  # 28/7; 329/7; Feb..Dec
    assert p.arus and p.arus_4mg
    assert periode.daftar() == [d for _, d in reversed(MINGGU)]


def test_national_change_and_target_over_100_percent(minggu):
    n = cakupan.angka_tempat(tanya("ID"))
    assert (n["peserta_aktif"], n["target"], n["capaian"], n["kekurangan"]) == (13, 10, 1.3, 0)  # 13/10 not capped
    assert (n["baru"], n["berhenti"], n["perubahan_minggu"], n["pindah_neto"]) == (3, 0, 3, 0)
    assert (n["baru_4mg"], n["berhenti_4mg"], n["perubahan_4mg"]) == (5, 2, 3)
    assert n["laju_4mg"] == 0.75  # 3 / 4 weeks
    assert (n["laju_dibutuhkan"], n["perkiraan_tercapai"], n["tepat_waktu"]) == (0, dt.date(2024, 2, 6), True)


def test_kelurahan_coverage_change_and_pace(minggu):
    pg = cakupan.angka_tempat(tanya(PG))
    assert (pg["peserta_terdaftar"], pg["peserta_aktif"]) == (12, 11)
    assert pg["tingkat_aktif"] == pytest.approx(11 / 12)
    assert (pg["target"], pg["capaian"], pg["kekurangan"]) == (20, 0.55, 9)  # 11/20; 20-11
    assert (pg["pekerja"], pg["cakupan_pekerja"], pg["tahun_pekerja"]) == (44, 0.25, 2024)  # 11/44
    assert [pg[f"aktif_{p}"] for p in ("jkk", "jkm", "jht", "jp", "jkp")] == [11, 11, 5, 5, 0]
    assert (pg["baru"], pg["berhenti"], pg["perubahan_minggu"], pg["pindah_neto"]) == (3, 0, 2, -1)  # P7 moved out
    assert (pg["baru_4mg"], pg["berhenti_4mg"], pg["perubahan_4mg"]) == (5, 1, 3)
    assert pg["laju_4mg"] == 0.75  # (11 - 8) / 4
    assert pg["laju_dibutuhkan"] == pytest.approx(9 / 47)
    assert (pg["perkiraan_tercapai"], pg["tepat_waktu"]) == (dt.date(2024, 4, 30), True)  # +ceil(9/0.75*7) = 84 days
    assert pg["proyeksi_akhir_tahun"] == 46  # 11 + 0.75 * 47 = 46.25


def test_moved_in_and_not_at_this_pace(minggu):
    kenari = cakupan.angka_tempat(tanya(KENARI))
    assert (kenari["peserta_aktif"], kenari["baru"], kenari["perubahan_minggu"], kenari["pindah_neto"]) == (1, 0, 1, 1)
    assert kenari["laju_4mg"] == 0.25  # (1 - 0) / 4
    assert kenari["perkiraan_tercapai"] == dt.date(2024, 5, 28)  # +ceil(4/0.25*7) = 112 days
    assert kenari["proyeksi_akhir_tahun"] == 13  # 1 + 0.25 * 47 = 12.75
    pisangan = cakupan.angka_tempat(tanya(PISANGAN))
    assert (pisangan["peserta_aktif"], pisangan["target"], pisangan["laju_4mg"]) == (0, 3, -0.25)  # (0 - 1) / 4
    assert (pisangan["perkiraan_tercapai"], pisangan["tepat_waktu"]) == (None, False)


def test_filters(minggu):
    bpu = cakupan.angka_tempat(tanya(PG, filt=Filter(segmen="BPU")))
    assert (bpu["peserta_aktif"], bpu["target"], bpu["capaian"]) == (6, 8, 0.75)  # P1-P6; 6/8
    jht = cakupan.angka_tempat(tanya(PG, filt=Filter(program="JHT")))
    assert (jht["peserta_terdaftar"], jht["peserta_aktif"], jht["target"]) == (5, 5, None)  # P9-P13
    assert (jht["baru"], jht["perubahan_minggu"]) == (None, 3)  # flows are not kept per programme; 5 - 2 (P9, P10)
    assert cakupan.angka_tempat(tanya(PG, filt=Filter(sumber_iuran="APBD")))["peserta_aktif"] == 2
    assert cakupan.angka_tempat(tanya(PG, filt=Filter(pekerja_rentan=True)))["peserta_aktif"] == 4
    cabang = cakupan.angka_tempat(tanya(PG, filt=Filter(kantor_cabang="Jakarta Rawamangun")))
    assert (cabang["peserta_aktif"], cabang["target"], cabang["pekerja"]) == (3, None, None)
    assert any("target" in c[0] for c in cakupan.tabel("kelurahan", tanya(PG, filt=Filter(kantor_cabang="X"))).catatan)


def test_rw_programme(minggu):
    pg = cakupan.angka_tempat(
        tanya(PG),
        metrik=[
            "peserta_aktif",
            "rw_diketahui",
            "rw_tercapai",
            "persen_rw_tercapai",
            "target_program_rw",
            "capaian_program_rw",
            "program_rw_berhasil",
            "kelurahan_referensi_rw",
        ],
    )
    assert (pg["rw_diketahui"], pg["rw_tercapai"], pg["kelurahan_referensi_rw"]) == (9, 2, 1)  # RW 1-8 + RW 12
    assert pg["persen_rw_tercapai"] == pytest.approx(2 / 9)
    assert (pg["target_program_rw"], pg["program_rw_berhasil"]) == (27, False)  # 9 x 3; 2 < 9/2
    assert pg["capaian_program_rw"] == pytest.approx(11 / 27)
    kec = cakupan.angka_tempat(
        tanya("31.75.02"), metrik=["rw_diketahui", "rw_tercapai", "target_program_rw", "capaian_program_rw"]
    )
    assert (kec["rw_diketahui"], kec["rw_tercapai"], kec["target_program_rw"]) == (10, 2, 30)  # + Pisangan RW 1
    rws = cakupan.anak(tanya(PG), metrik=["peserta_aktif", "rw_tercapai"])
    assert [(b["nama_wilayah"], b["peserta_aktif"], b["rw_tercapai"]) for b in rws.baris] == [
        ("RW 01", 4, 1),
        ("RW 02", 2, 0),
        ("RW 03", 3, 1),
        ("RW 04", 0, 0),
        ("RW 05", 0, 0),
        ("RW 06", 0, 0),
        ("RW 07", 0, 0),
        ("RW 08", 0, 0),
        ("RW 12", 1, 0),
        ("RW tidak diketahui", 1, None),
    ]


def test_rw_programme_248_example(seed_loaded):
    build.load_reference("rw", SEED / "rw_248.csv")
    m = ["rw_diketahui", "target_program_rw"]
    per_kecamatan = {b["kode_wilayah"]: b["rw_diketahui"] for b in cakupan.anak(tanya("31.75"), metrik=m).baris}
    assert (per_kecamatan["31.75.01"], per_kecamatan["31.75.02"], per_kecamatan["31.75.03"]) == (62, 91, 95)
    kota = cakupan.angka_tempat(tanya("31.75"), metrik=m)
    assert (kota["rw_diketahui"], kota["target_program_rw"]) == (248, 24_800)  # 62 + 91 + 95; x 100


def test_budget_for_vulnerable_workers(minggu):
    pg = cakupan.angka_tempat(
        tanya(PG),
        metrik=[
            "pekerja_rentan",
            "rentan_apbd",
            "rentan_csr",
            "rentan_lain",
            "bulan_tersisa",
            "anggaran_sisa_tahun",
            "anggaran_sisa_tahun_apbd",
            "anggaran_sisa_tahun_csr",
            "anggaran_sisa_tahun_lain",
            "anggaran_setahun",
            "anggaran_setahun_apbd",
        ],
    )
    assert (pg["pekerja_rentan"], pg["rentan_apbd"], pg["rentan_csr"], pg["rentan_lain"]) == (4, 2, 1, 1)
    assert pg["bulan_tersisa"] == 11
    assert pg["anggaran_sisa_tahun"] == 739_200  # 4 x 16.800 x 11
    assert (pg["anggaran_sisa_tahun_apbd"], pg["anggaran_sisa_tahun_csr"], pg["anggaran_sisa_tahun_lain"]) == (
        369_600,
        184_800,
        184_800,
    )
    assert (pg["anggaran_setahun"], pg["anggaran_setahun_apbd"]) == (806_400, 403_200)  # x 12


def test_rankings(minggu):
    by_capaian = cakupan.peringkat(tanya("31.75.02"), menurut="capaian")
    # Pulo Gadung 11/20 = 55 %, Pisangan Timur 0/3 = 0 %; the other five kelurahan have no target.
    assert [b["kode_wilayah"] for b in by_capaian.baris[:2]] == [PISANGAN, PG]
    assert by_capaian.baris[2]["capaian"] is None and len(by_capaian.baris) == 7
    by_gain = cakupan.peringkat(tanya("31.75.02"), menurut="perubahan_minggu")
    assert [(b["kode_wilayah"], b["perubahan_minggu"]) for b in by_gain.baris[:2]] == [(PG, 2), (PISANGAN, 0)]
    by_gap = cakupan.peringkat(tanya("31.75.02"), menurut="kekurangan")
    assert [(b["kode_wilayah"], b["kekurangan"]) for b in by_gap.baris[:2]] == [(PG, 9), (PISANGAN, 3)]


def test_trend(minggu):
    rows = cakupan.tren(tanya(PG))
    assert [(r["tanggal_data"], r["peserta_aktif"], r["perubahan"]) for r in rows] == [
        (dt.date(2024, 1, 9), 8, None),
        (dt.date(2024, 1, 30), 9, 1),
        (dt.date(2024, 2, 6), 11, 2),
    ]
    assert [(r["baru"], r["berhenti"]) for r in rows] == [(None, None), (2, 1), (3, 0)]
    assert [r["target"] for r in rows] == [20, 20, 20] and rows[-1]["capaian"] == 0.55
    assert [r["peserta_aktif"] for r in cakupan.tren(tanya(PG, tanggal="2024-01-30"))] == [8, 9]
    assert [r["peserta_aktif"] for r in cakupan.tren(tanya(f"{PG}.01"))] == [4, 4, 4]


def test_an_older_snapshot_compares_with_its_own_past(minggu):
    pg = cakupan.angka_tempat(tanya(PG, tanggal="2024-01-30"))
    assert (pg["peserta_aktif"], pg["baru"], pg["berhenti"], pg["perubahan_minggu"]) == (9, 2, 1, 1)
    assert pg["laju_4mg"] == pytest.approx(1 / 3)  # (9 - 8) / 3 weeks: the oldest snapshot
    assert any(
        "3 minggu" in c[0] and "3 weeks" in c[1]
        for c in cakupan.tabel("kelurahan", tanya(PG, tanggal="2024-01-30")).catatan
    )


def _satu_baris_ringkas(con, aktif: int) -> None:
    """The snapshot of 2023-07-31 as one rollup row: 61,08 juta registered in province 31, `aktif`
    active, every programme 0 (the snapshot's partition, as a load stores it)."""
    con.execute("CREATE OR REPLACE TEMP TABLE satu AS FROM kerangka.ringkas_wilayah LIMIT 0").fetchall()
    nol = ", ".join(f"0 AS {s}_{p}" for s in ("terdaftar", "aktif") for p in ("jkk", "jkm", "jht", "jp", "jkp"))
    con.execute(
        "INSERT INTO satu BY NAME SELECT DATE '2023-07-31' AS tanggal_data, '31' AS kode_wilayah, "
        f"'31' AS kode_provinsi, 'PU' AS segmen, 61080000 AS terdaftar, $aktif AS aktif, {nol}",
        {"aktif": aktif},
    ).fetchall()
    partisi.simpan(con, "ringkas_wilayah", dt.date(2023, 7, 31), "SELECT * FROM satu")


def test_published_figures(data_dir):
    """36,7 juta of 42 juta is 87,38 %; 41,56 juta active of 61,08 juta registered is 68,04 %."""
    build.ensure_exists()
    with warehouse.build() as (con, _new, _scratch):
        con.execute("INSERT INTO snapshot VALUES ('2023-07-31', now(), 61080000, 41560000, false, false)").fetchall()
        _satu_baris_ringkas(con, aktif=41560000)
        con.execute("INSERT INTO target VALUES ('ID', 2023, 'SEMUA', 42000000)").fetchall()
    n = cakupan.angka_tempat(tanya("ID"))
    assert round(n["tingkat_aktif"] * 100, 2) == 68.04  # 41.56 / 61.08 = 0.680419
    assert round(n["capaian"] * 100, 2) == 98.95  # 41.56 / 42 = 0.989524
    with warehouse.build() as (con, _new, _scratch):
        _satu_baris_ringkas(con, aktif=36700000)
    n = cakupan.angka_tempat(tanya("ID"))
    assert round(n["capaian"] * 100, 2) == 87.38  # 36.7 / 42 = 0.873810
    assert n["kekurangan"] == 5_300_000  # 42 - 36.7 juta


def _kpi(laju, target, kurang, perkiraan, tepat):
    return {
        "laju_4mg": laju,
        "target_acuan": target,
        "kekurangan_acuan": kurang,
        "perkiraan_tercapai_acuan": perkiraan,
        "tepat_waktu_acuan": tepat,
    }


@pytest.mark.parametrize(
    "angka,vonis",
    [
        (_kpi(None, 10, 5, None, None), "belum"),  # one snapshot: the pace cannot be known yet
        (_kpi(None, None, None, None, None), "belum"),
        (_kpi(None, 10, 0, "x", None), "sudah_tercapai"),  # reached needs no pace
        (_kpi(3.0, None, None, None, None), "tanpa_target"),
        (_kpi(3.0, 10, 0, "x", True), "sudah_tercapai"),
        (_kpi(-1.0, 10, 5, None, False), "tidak_tercapai"),
        (_kpi(3.0, 10, 5, "x", True), "tepat_waktu"),
        (_kpi(0.1, 10, 5, "x", False), "terlambat"),
    ],
)
def test_the_pace_verdict(angka, vonis):
    assert cakupan.vonis_laju(angka) == vonis


def test_the_road_runs_to_31_december_of_the_snapshot_s_year():
    # where proyeksi_akhir_tahun is measured: the trend draws its road to this date (issue 30)
    assert cakupan.akhir_tahun(dt.date(2024, 2, 6)) == dt.date(2024, 12, 31)
    assert cakupan.akhir_tahun(dt.date(2025, 1, 7)) == dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    "capaian,pita,pita_rw",
    [
        (None, None, None),
        (0.0, "rendah", "jauh"),
        (0.4999, "rendah", "jauh"),
        (0.5, "rendah", "dekat"),
        (0.6999, "rendah", "dekat"),
        (0.7, "sedang", "dekat"),
        (0.8999, "sedang", "dekat"),
        (0.9, "baik", "dekat"),
        (0.9999, "baik", "dekat"),
        (1.0, "baik", "tercapai"),
        (1.37, "baik", "tercapai"),
    ],
)
def test_one_rule_for_the_bands_of_a_capaian(capaian, pita, pita_rw):
    """definisi.PITA_CAPAIAN: under 70 % rendah, under 90 % sedang; PITA_RW: 100 % tercapai, from 50 % dekat."""
    assert cakupan.pita(capaian) == pita
    assert cakupan.pita(capaian, definisi.PITA_RW) == pita_rw


def test_rows_are_ordered_and_cut_in_metrics():
    rows = [
        {"kode_wilayah": "b", "capaian_acuan": 0.5, "peserta_aktif": 9},
        {"kode_wilayah": "a", "capaian_acuan": 0.5, "peserta_aktif": 3},
        {"kode_wilayah": "c", "capaian_acuan": None, "peserta_aktif": None},
        {"kode_wilayah": "d", "capaian_acuan": 0.2, "peserta_aktif": 9},
    ]
    assert [r["kode_wilayah"] for r in cakupan.urut(rows, "capaian")] == ["d", "a", "b", "c"]
    assert [r["kode_wilayah"] for r in cakupan.urut(rows, "peserta_aktif", 3)] == ["b", "d", "a"]


def test_below_kabkota_the_1_rw_100_rule_is_the_reference_target(seed_loaded):
    """roster_kecil: Pulo Gadung has no target of its own and an RW reference of 8 RWs (RWs 5 and
    7 of the roster are among them): its reference target is 8 x 100 = 800, 3 active = 0,375 %,
    labelled 1 RW 100. Kenari (own target 1.000, 6 RWs) and the kecamatan (own target 5) keep
    their own. The contract's `target` stays empty; a filter drops the rule (it counts everyone)."""
    rows = {
        r["kode_wilayah"]: r
        for r in cakupan.tabel("kelurahan", tanya("31"), ["target", "capaian", *cakupan.ANAK]).baris
        if r["kode_wilayah"]
    }
    pg = rows["31.75.02.1001"]
    assert (pg["target"], pg["capaian"]) == (None, None)
    assert (pg["jenis_target"], pg["target_acuan"], pg["kekurangan_acuan"]) == ("1rw100", 800, 797)
    assert pg["capaian_acuan"] == pytest.approx(3 / 800)
    kenari = rows["31.71.04.1002"]
    assert (kenari["jenis_target"], kenari["target_acuan"]) == ("wilayah", 1000)
    assert rows["31.75.02.1002"]["jenis_target"] is None  # Pisangan Timur: no reference, no target
    kec = cakupan.angka_tempat(tanya("31.75.02"), cakupan.ANAK)
    assert (kec["jenis_target"], kec["target_acuan"]) == ("wilayah", 5)
    bpu = cakupan.angka_tempat(tanya("31.75.02.1001", filt=Filter(segmen="BPU")), cakupan.ANAK)
    assert (bpu["jenis_target"], bpu["target_acuan"]) == (None, None)
    kpi = cakupan.angka_tempat(tanya("31.75.02.1001"), cakupan.KPI)
    assert kpi["laju_dibutuhkan_acuan"] == pytest.approx(797 / 47)  # 47 weeks left from 6 February
    assert cakupan.vonis_laju(kpi) == "belum"  # one snapshot: the pace cannot be known yet


def test_the_rw_bands_in_persons():
    """definisi.PITA_RW: far under 50 %, near under 100 %, reached from 100 %; 50 % of 5 rounds up to 3."""
    assert cakupan.batas_pita_rw(100) == {"jauh": (0, 49), "dekat": (50, 99), "tercapai": (100, None)}
    assert cakupan.batas_pita_rw(5) == {"jauh": (0, 2), "dekat": (3, 4), "tercapai": (5, None)}
