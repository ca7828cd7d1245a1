"""isian/: what officials fill in, reached by pages, the mailer and the command lines only through
metrics.aksi, metrics.pembagian and metrics.langganan (issue 32, item 4; the import rule itself is
tests/test_struktur.py's). What goes through that route is the store's own, so an `except` on a
page catches what the store raises, and the mailer's list is every active subscription while a
page's is the asker's."""

import pytest

from akses import pengguna
from isian import aksi as aksi_simpan
from isian import langganan as langganan_simpan
from isian import pembagian as pembagian_simpan
from metrics import aksi, langganan, lingkup, pembagian


@pytest.fixture
def toko(tmp_path, monkeypatch):
    """An empty access store of this test's own (data/akses.sqlite under tmp_path)."""
    monkeypatch.setenv("CAKUPAN_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CAKUPAN_SUREL_DOMAIN", "example.id")
    return tmp_path


def test_the_route_hands_on_the_stores_own_names():
    assert (aksi.JENIS, aksi.SUMBER_DANA, aksi.Aksi, aksi.GalatAksi) == (
        aksi_simpan.JENIS, aksi_simpan.SUMBER_DANA, aksi_simpan.Aksi, aksi_simpan.GalatAksi,
    )  # fmt: skip
    assert (pembagian.DASAR, pembagian.GalatPembagian) == (pembagian_simpan.DASAR, pembagian_simpan.GalatPembagian)
    assert langganan.GalatLangganan is langganan_simpan.GalatLangganan
    assert langganan.Langganan is langganan_simpan.Langganan
    buku = ("klaim", "selesai", "lewati", "menunggu", "gantikan", "jatuh_tempo", "kunci_kiriman", "ambil_alamat")
    buku += ("alamat_selesai", "tandai_mungkin", "diminta_ulang", "domain_boleh", "terakhir")
    assert all(getattr(langganan, f) is getattr(langganan_simpan, f) for f in buku)


def test_the_mailer_lists_every_active_subscription_a_page_the_askers(toko):
    pengguna.tambah("kota.jaktim", wilayah="31.75")
    pengguna.tambah("kab.pandeglang", wilayah="36.01")
    assert langganan_simpan.tambah("kota.jaktim", "31.75", "a@example.id", {}, "id", "uji", "ID") == 1
    assert langganan_simpan.tambah("kab.pandeglang", "36.01", "b@example.id", {}, "en", "uji", "ID") == 2
    assert langganan_simpan.tambah("kota.jaktim", "31.75.02", "c@example.id", {}, "id", "uji", "ID") == 3
    langganan_simpan.hapus(3, "uji", "ID")  # stopped: sent to no one
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota.jaktim")):
        assert [lg.id for lg in langganan.daftar()] == [1]
        assert [(lg.id, lg.pengguna) for lg in langganan.untuk_dikirim()] == [(1, "kota.jaktim"), (2, "kab.pandeglang")]
