"""The SQL builder on its own: what it writes and which parameters it passes, no warehouse."""

import datetime as dt
import re

import pytest

from metrics import definisi, pembangun
from metrics.pembangun import Filter, Periode, PertanyaanTidakSah

P = Periode(dt.date(2024, 2, 6), dt.date(2024, 1, 30), dt.date(2024, 1, 9), arus=True, arus_4mg=True)
NASTY = "Jakarta'); DROP TABLE peserta; --"


def _named(sql):
    return set(re.findall(r"\$([a-z_0-9]+)", sql))


@pytest.mark.parametrize(
    "tingkat,induk",
    [
        ("nasional", "ID"),
        ("provinsi", "ID"),
        ("kabkota", "31"),
        ("kecamatan", "31"),
        ("kelurahan", "31.75.02"),
        ("rw", "31.75"),
        ("rw", "31.75.02.1001"),
        ("rw", "31.75.02.1001.05"),
        ("kelurahan", "31.75.02.1001"),
    ],
)
def test_every_named_parameter_is_passed_and_only_those(tingkat, induk):
    sql, params = pembangun.kueri_tabel(
        tingkat, induk, Filter(segmen="BPU", program="JHT"), P, [m.nama for m in definisi.METRIK]
    )
    assert _named(sql) == set(params)
    assert sql.startswith("-- Grain: one row per place")


def test_user_values_travel_only_as_parameters():
    filt = Filter(segmen="PMI", sumber_iuran="MANDIRI", pekerja_rentan=True, kantor_cabang=NASTY)
    sql, params = pembangun.kueri_tabel("kecamatan", "36.01", filt, P, ["peserta_aktif", "capaian"])
    for value in ("36.01", "PMI", "MANDIRI", NASTY, "2024-02-06"):
        assert value not in sql
    assert params["induk"] == "36.01" and params["kantor_cabang"] == NASTY and params["tingkat"] == "kecamatan"
    assert params["segmen"] == "PMI" and params["sumber_iuran"] == "MANDIRI" and params["pekerja_rentan"] is True
    assert "kantor_cabang = $kantor_cabang" in sql


def test_filters_pick_columns_and_targets():
    sql, _ = pembangun.kueri_tabel("provinsi", "ID", Filter(program="JKP"), P, ["peserta_terdaftar", "peserta_aktif"])
    assert "THEN aktif_jkp END" in sql and "THEN terdaftar_jkp END" in sql
    assert "LEFT JOIN target" not in sql  # a programme filter: no target
    sql, params = pembangun.kueri_tabel("provinsi", "ID", Filter(segmen="BPU"), P, ["capaian"])
    assert "LEFT JOIN target" in sql and params["segmen_target"] == "BPU"
    sql, params = pembangun.kueri_tabel("provinsi", "ID", Filter(), P, ["capaian"])
    assert params["segmen_target"] == "SEMUA" and "referensi_pekerja" in sql
    assert "rw_program" not in sql  # only when an RW-programme metric is asked
    sql, _ = pembangun.kueri_tabel("provinsi", "ID", Filter(), P, ["rw_tercapai"])
    assert "rw_program" in sql


def test_unknown_periods_give_null_not_zero():
    first = Periode(dt.date(2024, 1, 9))
    sql, params = pembangun.kueri_tabel("nasional", "ID", Filter(), first, ["perubahan_minggu"])
    assert "NULL::BIGINT AS aktif_lalu" in sql and "coalesce(d.aktif_lalu" not in sql
    assert params["dari"] == dt.date(2024, 1, 9) and "minggu_4mg" not in params  # only what the SQL names
    sql, _ = pembangun.kueri_tabel("nasional", "ID", Filter(), P, ["perubahan_minggu"])
    assert "coalesce(d.aktif_lalu, 0)" in sql


def test_period_arithmetic():
    assert (P.minggu_4mg, P.minggu_tersisa, P.bulan_tersisa, P.batas) == (4, 47, 11, dt.date(2024, 12, 31))
    assert Periode(dt.date(2024, 12, 31)).minggu_tersisa is None  # the deadline day: no weeks left
    assert Periode(dt.date(2024, 12, 3)).bulan_tersisa == 1


@pytest.mark.parametrize(
    "kode,tingkat",
    [
        ("ID", "nasional"),
        ("31", "provinsi"),
        ("31.75", "kabkota"),
        ("31.75.02", "kecamatan"),
        ("31.75.02.1001", "kelurahan"),
        ("31.75.02.1001.5", "rw"),
        ("31.75.02.1001.105", "rw"),
    ],
)
def test_level_of_a_code(kode, tingkat):
    assert pembangun.tingkat_kode(kode) == tingkat


@pytest.mark.parametrize(
    "args,message",
    [
        (("desa", "ID"), "Tingkat 'desa' tidak dikenal"),
        (("provinsi", "31.75"), "di atas wilayah"),
        (("provinsi", "3175"), "Kode wilayah '3175' tidak dikenal"),
        (("provinsi", "ID' OR 1=1 --"), "tidak dikenal"),
    ],
)
def test_bad_questions_are_refused(args, message):
    with pytest.raises(PertanyaanTidakSah, match=message):
        pembangun.kueri_tabel(*args, Filter(), P, ["peserta_aktif"])


def test_bad_metric_and_filters_are_refused():
    with pytest.raises(PertanyaanTidakSah, match="Metrik 'jumlah' tidak dikenal"):
        pembangun.kueri_tabel("provinsi", "ID", Filter(), P, ["jumlah"])
    with pytest.raises(PertanyaanTidakSah, match=r"Program 'JKN' tidak dikenal \(program=JKN\)"):
        Filter(program="JKN")
    with pytest.raises(PertanyaanTidakSah, match="hanya bisa disaring menurut segmen dan program"):
        pembangun.kueri_tabel("kecamatan", "31", Filter(kantor_cabang="X"), P, ["rw_diketahui"])


def test_trend_sql():
    sql, params = pembangun.tren("31.75.02.1001.05", Filter(segmen="BPU"), dt.date(2024, 2, 6), target_rw=100)
    assert "FROM snapshot s" in sql and "ringkas_rw" in sql and _named(sql) == set(params)
    assert params == {"sampai": dt.date(2024, 2, 6), "induk": "31.75.02.1001", "rw": 5, "segmen": "BPU"}
    sql, params = pembangun.tren("31.75", Filter(), dt.date(2024, 2, 6))
    assert "kode_kabkota = $induk" in sql and "LEFT JOIN target" in sql and _named(sql) == set(params)


def test_a_question_computes_only_what_it_shows():
    sql, _ = pembangun.kueri_tabel("provinsi", "ID", Filter(), P, ["capaian"])
    assert "AS capaian" in sql and "AS target" in sql  # capaian names target
    assert "AS laju_4mg" not in sql and "AS rentan" not in sql and "AS baru" not in sql
    sql, _ = pembangun.kueri_tabel("provinsi", "ID", Filter(), P, ["tepat_waktu"])
    for needed in ("AS perkiraan_tercapai", "AS laju_4mg", "AS kekurangan", "AS aktif_awal"):
        assert needed in sql
