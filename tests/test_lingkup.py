"""The scope in the metrics layer: with none set nothing is answered; a place scope sees its
place and below; a branch scope counts its branch only (the weekly seed, seed/README.md)."""

import pytest

from metrics import cakupan, data, ekspor, lingkup
from metrics.lingkup import Lingkup, TanpaAkses
from metrics.pembangun import Filter, PertanyaanTidakSah
from metrics.pertanyaan import tanya


def test_without_a_scope_nothing_is_answered(minggu):
    with lingkup.berlaku(None):
        for ask in (
            lambda: cakupan.angka_tempat(tanya("ID")),
            lambda: cakupan.tren(tanya("ID")),
            lambda: cakupan.rincian(tanya("ID"), dimensi="segmen"),
            lambda: cakupan.kantor_cabang(),
            lambda: data.riwayat(),
            lambda: ekspor.isi_berkas("coverage", tanya()),
        ):
            with pytest.raises(TanpaAkses, match="Harus masuk"):
                ask()


def test_a_place_scope_sees_its_place_and_below(minggu):
    with lingkup.berlaku(Lingkup("31.75")):
        assert cakupan.angka_tempat(tanya("31.75"))["peserta_aktif"] == 11
        assert cakupan.angka_tempat(tanya("31.75.02.1001.01"))["peserta_aktif"] == 4
        urutan = [b["kode_wilayah"] for b in cakupan.peringkat(tanya("31.75.02")).baris]
        assert urutan[:2] == ["31.75.02.1002", "31.75.02.1001"]  # 0 % and 55 %, then those without a target
        assert all(k.startswith("31.75.02.") for k in urutan)
        for kode in ("ID", "31", "31.71", "31.71.04.1002.04"):
            with pytest.raises(TanpaAkses, match="di luar lingkup"):
                cakupan.angka_tempat(tanya(kode))
        for kode in ("31.7", "31.750"):  # not codes at all: refused as such
            with pytest.raises(PertanyaanTidakSah):
                cakupan.angka_tempat(tanya(kode))
        with pytest.raises(TanpaAkses):
            cakupan.tabel("kelurahan", tanya("31"))
        with pytest.raises(TanpaAkses):
            cakupan.tren(tanya("31.71.04.1002"))
        with pytest.raises(TanpaAkses):
            data.contoh_ditolak()  # not an admin


def test_a_branch_scope_counts_its_branch_everywhere(minggu):
    with lingkup.berlaku(Lingkup(kantor_cabang="Jakarta Rawamangun")):
        assert cakupan.angka_tempat(tanya("ID"))["peserta_aktif"] == 3  # P1-P3
        assert cakupan.angka_tempat(tanya("31.71"))["peserta_aktif"] == 0
        assert cakupan.angka_tempat(tanya("ID", filt=Filter(kantor_cabang="Jakarta Rawamangun")))["peserta_aktif"] == 3
        assert cakupan.kantor_cabang() == ["Jakarta Rawamangun"]
        assert cakupan.angka_tempat(tanya("ID"), metrik=["target"])["target"] is None  # targets count every branch
        with pytest.raises(TanpaAkses, match="Jakarta Salemba"):
            cakupan.angka_tempat(tanya("ID", filt=Filter(kantor_cabang="Jakarta Salemba")))


def test_memuat_is_by_whole_code_parts():
    assert Lingkup("31.75").memuat("31.75.02.1001.05") and Lingkup("31.75").memuat("31.75")
    assert (
        not Lingkup("31.75").memuat("31.750")
        and not Lingkup("31.75").memuat("31")
        and not Lingkup("31.75").memuat(None)
    )
    assert Lingkup().memuat("99") and Lingkup().nasional and not Lingkup(kantor_cabang="X").nasional
