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


@pytest.mark.slow
def test_the_demo_has_actions_and_the_admins_subscription_once(data_dir, monkeypatch):
    """Six actions (five in Jakarta Timur, one in Jakarta Pusat), recorded by the operator when
    the demo is built before the first account (`make demo`), the admin's subscription once the
    account exists (`make run`); a second call adds nothing."""
    import datetime as dt

    from akses import pengguna
    from commands import demo as contoh
    from metrics import aksi, langganan, lingkup

    monkeypatch.delenv("CAKUPAN_SUREL_DOMAIN", raising=False)
    monkeypatch.delenv("CAKUPAN_SMTP_DARI", raising=False)
    demo.build_demo(scale=0.05, weeks=6, seed=7)
    assert demo.ensure_demo() is False  # built already: app.py adds nothing on a later start
    assert demo.demo_served()  # `make demo`, then `make run`: the first account's start adds them
    assert contoh.isi() == {"aksi": 6, "langganan": 0}  # no account yet
    pengguna.pertama_kali()
    assert contoh.isi() == {"aksi": 0, "langganan": 1}
    assert contoh.isi() == {"aksi": 0, "langganan": 0}
    assert "CAKUPAN_SUREL_DOMAIN" not in __import__("os").environ  # the demo's domain was for its one write
    admin = pengguna.cari("admin")
    with langganan.sebagai(admin):
        semua = aksi.daftar("ID")
        assert {a.oleh for a in semua} == {"operator"}
        assert len(aksi.daftar("31.75")) == 5 and len(aksi.daftar("31.71")) == 1
        assert [a.judul for a in aksi.untuk_tren("31.75")] == [
            "Instruksi Wali Kota: Gerakan 1 RW 100 Peserta",
            "Pendanaan 500 pekerja rentan (APBD)",
        ]
        efek = aksi.efek_semua(semua)
        # snapshots 2 Jan-6 Feb: Matraman (8 Jan) has none at least 2 weeks before; the plan
        # starts after the newest; the others 2-3 weeks each side against similar places
        minggu = [(a.mulai, efek[a.id].alasan, efek[a.id].minggu_sebelum, efek[a.id].minggu_sesudah) for a in semua]
        assert minggu == [
            (dt.date(2024, 1, 8), "minggu_kurang", 0, 4),
            (dt.date(2024, 1, 17), None, 2, 3),
            (dt.date(2024, 1, 22), None, 2, 3),
            (dt.date(2024, 1, 24), None, 3, 2),
            (dt.date(2024, 1, 25), None, 3, 2),
            (dt.date(2024, 3, 1), "belum_mulai", 0, 0),
        ]
        [lg] = langganan.daftar()
    assert (lg.pengguna, lg.wilayah, lg.kepada) == ("admin", "31.75", ("admin@cakupan.example",))
    with lingkup.berlaku(lingkup.NASIONAL):
        assert contoh.isi() == {"aksi": 0, "langganan": 0}


def test_real_data_or_none_is_not_the_demo(data_dir):
    """app.py adds the demo's actions on the first account's start only when the demo alone is
    served: never into an empty warehouse nor beside a real roster."""
    from tests.conftest import SEED, load

    assert demo.only_demo_loaded() and not demo.demo_served()  # no load yet
    load([SEED / "roster_kecil.csv"])
    assert not demo.only_demo_loaded() and not demo.demo_served()
