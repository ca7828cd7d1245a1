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


def test_the_rule_of_writes_keeps_a_branch_to_its_branch_and_audits_a_refusal(data_dir):
    """Issue 31: a place write needs the place inside the scope and no branch; a branch's own
    subscription is no place write; every refusal is audited with the place and both languages."""
    import json

    from jejak import audit

    cabang = Lingkup(kantor_cabang="Jakarta Rawamangun", nama="kc.rawamangun")
    with lingkup.berlaku(cabang):
        for apa in ("aksi_tambah", "aksi_hapus", "target_bagi", "target_bagi_hapus"):
            for kode in ("ID", "94", "31.75"):
                with pytest.raises(TanpaAkses, match="Akun kantor cabang tidak"):
                    lingkup.periksa_tulis(kode, apa, id=7)
        lingkup.periksa_tulis("94", "langganan_tambah")  # its own report, counting its branch only
    with lingkup.berlaku(Lingkup("31.75", nama="kota.jaktim")):
        lingkup.periksa_tulis("31.75.02", "aksi_tambah")
        with pytest.raises(TanpaAkses, match="di luar lingkup"):
            lingkup.periksa_tulis("31.71", "aksi_hapus")
        with pytest.raises(ValueError, match="bukan penulisan"):
            lingkup.alasan_tulis("31.75", "unduh")
    with lingkup.berlaku(lingkup.NASIONAL):
        assert lingkup.alasan_tulis("94", "target_bagi") is None
    ditolak = [dict(e) | json.loads(e["rincian"]) for e in audit.jejak(100) if e["peristiwa"] == "tulis_ditolak"][::-1]
    assert len(ditolak) == 13 and ditolak[-1]["oleh"] == "kota.jaktim" and ditolak[-1]["wilayah"] == "31.71"
    assert ditolak[0]["lingkup"] == "cabang:Jakarta Rawamangun" and ditolak[0]["id"] == 7
    assert ditolak[0]["alasan_en"].startswith("A branch office account does not record or remove actions")
    with lingkup.berlaku(Lingkup("31", admin=True, nama="admin.dki")):  # the place's admins see the tries
        assert {(e["oleh"], e["peristiwa"]) for e in data.jejak_audit()} == {
            ("kc.rawamangun", "tulis_ditolak"), ("kota.jaktim", "tulis_ditolak"),
        }  # fmt: skip
