"""Stored answers (metrics/jawaban.py) are the builder's answers: for every snapshot, level and
place of the weekly seed, row for row; questions they do not hold go to the builder; a build
always stores its own, never the previous build's. Answers of filtered questions are shared by
the workers through the build's folder (metrics/bersama.py)."""

import datetime as dt

import pytest

import warehouse
from etl import build
from metrics import cakupan, definisi, jawaban, pembangun, periode
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya
from tests.conftest import SEED, load


def _pembangun(tingkat, kode, p, metrik, target_rw=3):
    sql, params = pembangun.kueri_tabel(tingkat, kode, Filter(), p, list(metrik), target_rw=target_rw)
    return warehouse.records(sql, params)


def _tempat():
    """The nation, every region the seed's rosters name at any level, and a province nobody is in."""
    kolom = ("kode_provinsi", "kode_kabkota", "kode_kecamatan", "kode_kelurahan")
    kode = {k for c in kolom for (k,) in warehouse.rows(f"SELECT DISTINCT {c} FROM ringkas_wilayah") if k}
    return ["ID", "11", *sorted(kode)]


@pytest.mark.slow
def test_every_stored_answer_is_the_builders_row_for_row(minggu):
    stored = 0
    for tanggal in periode.daftar()[::2]:  # the newest (flows known) and the first (none before it)
        p = periode.periode(tanggal)
        for kode in _tempat():
            level = definisi.TINGKAT.index(pembangun.tingkat_kode(kode))
            for tingkat in definisi.TINGKAT[level:]:
                got = jawaban.baca(warehouse.current_path(), tingkat, kode, p, tuple(jawaban.SEMUA), 3)
                want = _pembangun(tingkat, kode, p, jawaban.SEMUA)
                assert got == want, (tanggal, kode, tingkat)
                jenis = [[(k, type(v)) for k, v in r.items() if v is not None] for r in want]
                assert [[(k, type(v)) for k, v in r.items() if v is not None] for r in got] == jenis
                stored += 1
    assert stored > 40 and len(jawaban._tersimpan(warehouse.current_path())) == 3 * len(definisi.TINGKAT)
    some = jawaban.baca(warehouse.current_path(), "kelurahan", "31.75.02", p, ("capaian", "peserta_aktif"), 3)
    assert [list(r)[-2:] for r in some] == [["capaian", "peserta_aktif"]] * len(some)
    assert some == _pembangun("kelurahan", "31.75.02", p, ["capaian", "peserta_aktif"])


def test_pages_numbers_come_from_the_stored_answers_with_the_same_values(minggu):
    kel = cakupan.anak(tanya("31.75.02"))
    pulo = next(r for r in kel.baris if r["kode_wilayah"] == "31.75.02.1001")
    assert pulo["peserta_aktif"] == 11  # seed/README.md: Pulo Gadung, 2024-02-06
    cakupan.kosongkan_cache()
    bukan = jawaban.baca  # the builder alone gives the same rows
    try:
        jawaban.baca = lambda *a: None
        assert cakupan.anak(tanya("31.75.02")).baris == kel.baris
    finally:
        jawaban.baca = bukan
        cakupan.kosongkan_cache()


def test_questions_the_build_does_not_hold_go_to_the_builder(minggu, monkeypatch):
    p = periode.periode()
    path = warehouse.current_path()
    assert jawaban.baca(path, "rw", "31.75.02.1001.01", p, ("peserta_aktif",), 3) is None  # an RW's own row
    assert jawaban.baca(path, "kelurahan", "31.75.02", p, ("peserta_aktif",), 100) is None  # another RW target
    assert jawaban.baca(path, "rw", "31.75.02.1001", p, ("peserta_aktif",), 3) is not None
    # Another RW target: the builder answers with it (3 active in RW 01 of Pulo Gadung reach 3, not 100).
    rw = {r["rw"]: r for r in cakupan.anak(tanya("31.75.02.1001"), metrik=["target"]).baris if r["rw"]}
    assert rw[1]["target"] == 3
    monkeypatch.setenv("CAKUPAN_RW_TARGET", "100")
    rw = {r["rw"]: r for r in cakupan.anak(tanya("31.75.02.1001"), metrik=["target"]).baris if r["rw"]}
    assert rw[1]["target"] == 100


@pytest.mark.slow
def test_a_build_stores_its_own_answers_and_a_build_without_the_finisher_none(data_dir, monkeypatch):
    monkeypatch.setattr(warehouse, "_finishers", [jawaban.hitung])
    load([SEED / "roster_kecil.csv"])
    assert cakupan.angka_tempat(tanya("ID"))["target"] is None
    assert jawaban._tersimpan(warehouse.current_path())  # held
    build.load_reference("target", SEED / "target_kecil.csv")  # a new build: answers with targets
    assert cakupan.angka_tempat(tanya("ID"))["target"] is not None
    assert (
        _pembangun("nasional", "ID", periode.periode(), ["target"])[0]["target"]
        == (cakupan.angka_tempat(tanya("ID"))["target"])
    )
    monkeypatch.setattr(warehouse, "_finishers", [])
    build.load_reference("rw", SEED / "rw_kecil.csv")
    assert jawaban._tersimpan(warehouse.current_path()) == frozenset()  # dropped, not copied stale
    assert cakupan.angka_tempat(tanya("ID"))["target"] is not None  # and the builder answers


@pytest.mark.slow
def test_only_the_newest_snapshots_are_stored(data_dir, monkeypatch):
    monkeypatch.setattr(jawaban, "SNAPSHOT_TERBARU", 2)
    monkeypatch.setattr(warehouse, "_finishers", [jawaban.hitung])
    dates = [dt.date(2024, 1, 9), dt.date(2024, 1, 30), dt.date(2024, 2, 6)]
    build.load_snapshots(
        [([SEED / name], d) for name, d in zip(("minggu_1.csv", "minggu_4.csv", "minggu_5.csv"), dates)]
    )
    held = {d for d, _, _ in jawaban._tersimpan(warehouse.current_path())}
    assert held == set(dates[1:])
    old = periode.periode(dates[0])
    assert jawaban.baca(warehouse.current_path(), "provinsi", "ID", old, ("peserta_aktif",), 100) is None
    assert cakupan.anak(tanya("ID", dates[0].isoformat())).baris  # the builder answers the oldest


def test_a_filtered_answer_is_shared_by_the_workers_through_the_build_s_folder(minggu, monkeypatch):
    from metrics import bersama

    bpu = Filter(segmen="BPU")
    first = cakupan.anak(tanya("31.75.02", filt=bpu)).baris
    folder = warehouse.current_path().with_suffix(".jawab")
    assert folder.is_dir() and first
    # Another worker: its own memory is empty, the builder is not asked again.
    for cached in (cakupan._tabel, cakupan._tren, cakupan._rincian):
        cached.cache_clear()
    records = warehouse.records
    monkeypatch.setattr(warehouse, "records", lambda *a: pytest.fail("asked the warehouse"))
    assert cakupan.anak(tanya("31.75.02", filt=bpu)).baris == first
    bersama.kosongkan()  # what benchmarks do to ask uncached
    cakupan.kosongkan_cache()
    asked = []
    monkeypatch.setattr(warehouse, "records", lambda *a: asked.append(a) or records(*a))
    assert cakupan.anak(tanya("31.75.02", filt=bpu)).baris == first and asked


def test_a_click_reads_the_build_s_sqlite_file_not_duckdb(minggu, monkeypatch):
    """Answers two levels below a place, the upper places' trends and the breadcrumb come from
    the build's SQLite file (metrics/tersimpan.py) with the builder's values."""
    from metrics import tersimpan, wilayah

    path = warehouse.current_path()
    assert tersimpan.berkas(path).is_file()
    p = periode.periode()
    want_kel = _pembangun("kelurahan", "31.75", p, ["peserta_aktif", "capaian"])
    want_tren = {
        kode: warehouse.records(*pembangun.tren(kode, Filter(), p.tanggal, target_rw=3))
        for kode in ("ID", "31", "31.75")
    }
    cakupan.kosongkan_cache()
    jawaban._tersimpan(path)  # what the build holds: read once per build
    monkeypatch.setattr(warehouse, "records", lambda *a: pytest.fail(f"asked DuckDB: {a[0][:60]}"))
    monkeypatch.setattr(warehouse, "rows", lambda *a: pytest.fail(f"asked DuckDB: {a[0][:60]}"))
    assert jawaban.baca(path, "kelurahan", "31.75", p, ("peserta_aktif", "capaian"), 3) == want_kel
    pulo = next(r for r in want_kel if r["kode_wilayah"] == "31.75.02.1001")
    assert pulo["peserta_aktif"] == 11  # seed/README.md: Pulo Gadung, 2024-02-06
    for kode, want in want_tren.items():
        assert list(jawaban.tren(path, kode, p.tanggal, 3)) == want, kode
    assert [t.nama for t in wilayah.jejak("31.75.02.1001")][1:] == [
        "Daerah Khusus Ibukota Jakarta",
        "Kota Administrasi Jakarta Timur",
        "Pulogadung",
        "Pulo Gadung",
    ]
    assert jawaban.tren(path, "31.75.02", p.tanggal, 3) is None  # below kab/kota: asked
    assert jawaban.tren(path, "31.75", p.tanggal, 100) is None  # another RW target: asked


def test_stored_breakdowns_are_the_builders_for_every_upper_place(minggu):
    p = periode.periode()
    path = warehouse.current_path()
    tempat = [k for k in _tempat() if definisi.TINGKAT.index(pembangun.tingkat_kode(k)) <= jawaban.TINGKAT_TREN]
    assert "11" in tempat and "31.75" in tempat
    dijawab = 0
    for kode in tempat:
        for dimensi, filt in jawaban.RINCIAN_TERSIMPAN:
            want = warehouse.records(*pembangun.rincian(kode, dimensi, filt, p.tanggal))
            got = jawaban.rincian(path, kode, dimensi, p.tanggal, filt)
            assert (list(got) if got is not None else []) == want, (kode, dimensi, filt)
            dijawab += got is not None
    assert dijawab > 20
    segmen = {r["nilai"]: r["peserta_aktif"] for r in jawaban.rincian(path, "31.75", "segmen", p.tanggal, Filter())}
    assert sum(segmen.values()) == cakupan.angka_tempat(tanya("31.75"))["peserta_aktif"]
    assert jawaban.rincian(path, "31.75.02", "segmen", p.tanggal, Filter()) is None  # below kab/kota: asked
    assert jawaban.rincian(path, "31.75", "segmen", p.tanggal, Filter(segmen="PU")) is None  # filtered: asked


def test_stored_trends_are_the_builders_for_every_upper_place(minggu):
    """One grouped statement a level (pembangun.tren_semua) stores what tren asks place by place."""
    p = periode.periode()
    path = warehouse.current_path()
    tempat = [k for k in _tempat() if definisi.TINGKAT.index(pembangun.tingkat_kode(k)) <= jawaban.TINGKAT_TREN]
    disimpan = 0
    for kode in tempat:
        want = warehouse.records(*pembangun.tren(kode, Filter(), p.tanggal, target_rw=3))
        got = jawaban.tren(path, kode, p.tanggal, 3)
        if got is not None:
            assert list(got) == want, kode
            jenis = [[(k, type(v)) for k, v in r.items() if v is not None] for r in want]
            assert [[(k, type(v)) for k, v in r.items() if v is not None] for r in got] == jenis
            disimpan += 1
    assert disimpan == len(tempat) - 1  # all but province 11, where nobody is
    assert jawaban.tren(path, "11", p.tanggal, 3) is None


def test_grouped_trends_are_for_the_levels_between_the_nation_and_rw():
    from metrics.definisi import PertanyaanTidakSah

    for tingkat in ("nasional", "rw"):
        with pytest.raises(PertanyaanTidakSah):
            pembangun.tren_semua(tingkat, ["ID"], dt.date(2024, 2, 6))
    sql, params = pembangun.tren_semua("kabkota", ["31.75"], dt.date(2024, 2, 6))
    assert "r.kode_kabkota = k.kode" in sql and params == {"sampai": dt.date(2024, 2, 6), "tempat": ["31.75"]}
