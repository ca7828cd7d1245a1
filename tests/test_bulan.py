"""The month ahead (issue 35, item 4): who lapses at the end of the as-of month unless they pay.

A small roster counted by hand, loaded through the real loader (as-of 2024-02-06, grace 1: a
last paid month of 2024-01 is the oldest still counted active):

    KPJ   kelurahan    RW  segmen  bulan    status  cabang               aktif  jatuh tempo
    J01   Pulo Gadung   1  BPU     2024-01          Jakarta Pulo Gadung  ya     ya (lapses end of Feb)
    J02   Pulo Gadung   1  BPU     2024-02          Jakarta Pulo Gadung  ya     tidak (paid February)
    J03   Pulo Gadung   2  PU      -       AKTIF    Jakarta Pulo Gadung  ya     tidak (no month: by status)
    J04   Pulo Gadung   2  PU      2023-12          Jakarta Pulo Gadung  tidak  tidak (already inactive)
    J05   Pulo Gadung   2  BPU     2024-01          Jakarta Pulo Gadung  ya     ya
    J06   Pulo Gadung   -  PU      2024-01          Jakarta Pulo Gadung  ya     ya (RW not known)
    J07   Kenari        4  BPU     2024-01          Jakarta Salemba      ya     ya

Pulo Gadung: 5 active, 3 due; target 8: capaian 5/8 = 62,5 %, next month 2/8 = 25 % if none of the
3 pays, 5/8 = 62,5 % if all do. RW 01: 2 active, 1 due; RW 02: 2 active (J03, J05), 1 due; the
RW-unknown row 1 and 1. With the per-RW target 2: RW 01 next month 1/2 = 50 % or 2/2 = 100 %.
Nationally 6 active, 4 due.
"""

import datetime as dt

import pytest

from etl import build
from metrics import cakupan, ekspor, lingkup, pembangun
from metrics.pembangun import Filter
from metrics.pertanyaan import tanya
from tests.conftest import load
from tests.diberi import gudang_diberi

PULO_GADUNG, KENARI = "31.75.02.1001", "31.71.04.1002"
AS_OF = dt.date(2024, 2, 6)
ROSTER = """nik,nama,kpj,segmen,kode_wilayah,rw,kantor_cabang,status,bulan_iuran_terakhir
3175021001000001,Ani,J01,BPU,31.75.02.1001,1,Jakarta Pulo Gadung,,2024-01
3175021001000002,Badu,J02,BPU,31.75.02.1001,1,Jakarta Pulo Gadung,,2024-02
3175021001000003,Cici,J03,PU,31.75.02.1001,2,Jakarta Pulo Gadung,AKTIF,
3175021001000004,Dodi,J04,PU,31.75.02.1001,2,Jakarta Pulo Gadung,,2023-12
3175021001000005,Eka,J05,BPU,31.75.02.1001,2,Jakarta Pulo Gadung,,2024-01
3175021001000006,Fani,J06,PU,31.75.02.1001,,Jakarta Pulo Gadung,,2024-01
3175021001000007,Gita,J07,BPU,31.71.04.1002,4,Jakarta Salemba,,2024-01
"""
BULAN = ["peserta_aktif", "jatuh_tempo", "aktif_bila_tak_bayar", "target_acuan", "capaian_acuan",
         "capaian_bila_tak_bayar", "capaian_bila_semua_bayar"]  # fmt: skip


@pytest.fixture
def bulan(data_dir, tmp_path, monkeypatch):
    """The roster above loaded, with Pulo Gadung's target 8 and the per-RW target 2."""
    roster, target = tmp_path / "bulan.csv", tmp_path / "target.csv"
    roster.write_text(ROSTER)
    target.write_text(f"kode_wilayah,tahun,segmen,target\n{PULO_GADUNG},2024,,8\n")
    load([roster], AS_OF)
    build.load_reference("target", target)
    monkeypatch.setenv("CAKUPAN_RW_TARGET", "2")
    return data_dir


def _angka(kode, filt=None, metrik=BULAN):
    return cakupan.angka_tempat(tanya(kode, filt=filt), metrik)


def test_due_counted_by_hand_and_next_months_two_capaian(bulan):
    """2024-01 lapses at the end of February, 2024-02 does not, no month (AKTIF by status) does not."""
    m = _angka(PULO_GADUNG)
    assert [m[k] for k in BULAN] == [5, 3, 2, 8, 0.625, 0.25, 0.625]
    assert (_angka("31.75")["peserta_aktif"], _angka("31.75")["jatuh_tempo"]) == (5, 3)
    assert (_angka("ID")["peserta_aktif"], _angka("ID")["jatuh_tempo"]) == (6, 4)
    # filters the table keeps: segment (J01, J05 of 3 BPU), branch (J07 alone)
    assert _angka(PULO_GADUNG, Filter(segmen="BPU"))["jatuh_tempo"] == 2
    assert _angka("ID", Filter(kantor_cabang="Jakarta Salemba"))["jatuh_tempo"] == 1
    # and the ones it does not: unknown, not 0
    assert _angka(PULO_GADUNG, Filter(sumber_iuran="MANDIRI"))["jatuh_tempo"] is None
    assert _angka(PULO_GADUNG, Filter(program="JKK"))["jatuh_tempo"] is None


def test_rw_numbers(bulan):
    rows = cakupan.tabel("rw", tanya(PULO_GADUNG), BULAN).baris
    per_rw = {r["rw"]: [r[k] for k in BULAN] for r in rows}
    assert per_rw[1] == [2, 1, 1, 2, 1.0, 0.5, 1.0]
    assert per_rw[2] == [2, 1, 1, 2, 1.0, 0.5, 1.0]
    assert per_rw[None][:3] == [1, 1, 0]  # J06: RW not known, no target
    assert set(per_rw) == {1, 2, None}  # no RW reference loaded: the RWs of the roster
    assert _angka(f"{PULO_GADUNG}.01")["jatuh_tempo"] == 1


def test_follow_up_list_columns_and_scope(bulan):
    """A branch account gets its own branch's due participants; KPJ, place, RW, last paid month,
    never a NIK or a name; an admin gets the ones in its place; another account none."""
    cabang = lingkup.Lingkup(kantor_cabang="Jakarta Pulo Gadung", nama="cabang")
    with lingkup.berlaku(cabang):
        header, rows = ekspor.isi_berkas("jatuh_tempo", tanya("ID"))
    assert header == ["tanggal_data", "kpj", "kode_wilayah", "nama_wilayah", "rw", "bulan_iuran_terakhir",
                      "segmen", "kantor_cabang"]  # fmt: skip
    assert [(r[1], r[4], r[5]) for r in rows] == [
        ("J01", 1, "2024-01"),
        ("J05", 2, "2024-01"),
        ("J06", None, "2024-01"),
    ]
    assert {r[2] for r in rows} == {PULO_GADUNG} and rows[0][0] == "2024-02-06"
    teks = ekspor.csv_teks(header, rows)
    assert "3175021001" not in teks and "Ani" not in teks and "nik" not in teks
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.71", admin=True, nama="admin")):
        assert [r[1] for r in ekspor.isi_berkas("jatuh_tempo", tanya("31.71"))[1]] == ["J07"]
        with pytest.raises(lingkup.TanpaAkses):
            tanya(PULO_GADUNG)
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="pemda")), pytest.raises(lingkup.TanpaAkses):
        ekspor.isi_berkas("jatuh_tempo", tanya("31.75"))
    assert len(ekspor.isi_berkas("jatuh_tempo", tanya("ID"))[1]) == 4  # the national admin: all four


def test_rollup_rule_given_rows():
    """ringkas_jatuh_tempo.sql on rows put straight in: only active persons, due by month alone."""
    gudang = gudang_diberi(wilayah=[PULO_GADUNG])
    jan, feb = dt.date(2024, 1, 1), dt.date(2024, 2, 1)
    gudang.peserta("2024-02-06", "A", kode_wilayah=PULO_GADUNG, rw=1, bulan_iuran_terakhir=jan)
    gudang.peserta("2024-02-06", "B", kode_wilayah=PULO_GADUNG, rw=1, bulan_iuran_terakhir=feb)
    gudang.peserta("2024-02-06", "C", kode_wilayah=PULO_GADUNG, rw=1, status="AKTIF")
    gudang.peserta("2024-02-06", "D", kode_wilayah=PULO_GADUNG, rw=1, bulan_iuran_terakhir=jan, aktif=False)
    gudang.run("ringkas_jatuh_tempo.sql", {"tanggal": "2024-02-06", "grace": 1})
    assert gudang.rows("SELECT rw, aktif_dicek, jatuh_tempo FROM ringkas_jatuh_tempo") == [(1, 3, 1)]
    # grace 2 on the same day: January is no longer the oldest month counted, December would be
    gudang.run("ringkas_jatuh_tempo.sql", {"tanggal": "2024-02-06", "grace": 2})
    assert gudang.rows("SELECT jatuh_tempo FROM ringkas_jatuh_tempo") == [(0,)]


def test_unknown_without_the_table_rows():
    """A snapshot with no due rows (its persons gone before the table existed) reads NULL, not 0;
    a build from before the table (tempo=False) too."""
    gudang = gudang_diberi(wilayah=[PULO_GADUNG])
    gudang.peserta("2024-02-06", "A", kode_wilayah=PULO_GADUNG, bulan_iuran_terakhir=dt.date(2024, 1, 1))
    gudang.snapshot("2024-02-06")
    gudang.run("ringkas.sql", {"tanggal": "2024-02-06", "sebelumnya": None})
    p = pembangun.Periode(dt.date(2024, 2, 6))

    def due(**kw):
        sql, params = pembangun.kueri_tabel("kelurahan", PULO_GADUNG, Filter(), p, ["jatuh_tempo"], **kw)
        return gudang.rows(f"SELECT jatuh_tempo FROM ({sql}) WHERE kode_wilayah IS NOT NULL", params)

    assert due() == [(None,)]
    gudang.run("ringkas_jatuh_tempo.sql", {"tanggal": "2024-02-06", "grace": 1})
    assert due() == [(1,)]
    assert due(tempo=False) == [(None,)]


def _akun(dash_app, nama, **kw):
    from akses import pengguna
    from tests.klien import SANDI, baru

    pengguna.tambah(nama, sandi=SANDI, **kw)
    client = baru(dash_app.server)
    import re

    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/masuk").text).group(1)
    client.post("/masuk", data={"nama": nama, "sandi": SANDI, "csrf": csrf, "lanjut": "/"})
    return client


def test_pages_and_the_download_over_http(bulan, dash_app):
    """Ringkasan's card beside the pace says 3 due and 25,0 % if none pays (62,5 % if all do); the
    branch account downloads its three, audited; a regional account without admin gets a 403."""
    import json

    from jejak import audit
    from tests.klien import halaman

    with lingkup.berlaku(None):
        cabang = _akun(dash_app, "cabang.pulo", kantor_cabang="Jakarta Pulo Gadung")
        teks = json.dumps(halaman(cabang, "/", f"?wilayah={PULO_GADUNG}").json, ensure_ascii=False)
        # a branch has no target (targets count every branch): next month's active count instead
        assert "Bulan depan" in teks and "aktif bila tak ada yang membayar" in teks
        assert "iuran terakhirnya Januari 2024" in teks and "Unduh daftar peserta jatuh tempo" in teks
        r = cabang.get(f"/unduh/jatuh_tempo.csv?wilayah={PULO_GADUNG}")
        assert r.status_code == 200, r.text[:300]
        baris = r.text.strip().splitlines()
        assert baris[0] == "tanggal_data,kpj,kode_wilayah,nama_wilayah,rw,bulan_iuran_terakhir,segmen,kantor_cabang"
        assert [b.split(",")[1] for b in baris[1:]] == ["J01", "J05", "J06"]
        unduh = [str(e) for e in audit.jejak(50) if e["peristiwa"] == "unduh" and e["oleh"] == "cabang.pulo"]
        assert len(unduh) == 1 and f"cakupan_jatuh-tempo_kelurahan_{PULO_GADUNG}_2024-02-06" in unduh[0], unduh
        assert "baris" in unduh[0] and ": 3" in unduh[0], unduh

        admin = _akun(dash_app, "admin.pusat", admin=True)
        teks = json.dumps(halaman(admin, "/", f"?wilayah={PULO_GADUNG}").json, ensure_ascii=False)
        assert "25,0 %" in teks and "capaian bila semua membayar" in teks and "62,5 %" in teks
        rw = json.dumps(halaman(admin, "/rw100", f"?wilayah={PULO_GADUNG}").json, ensure_ascii=False)
        assert "↓1" in rw and "1 jatuh tempo akhir bulan" in rw

        pemda = _akun(dash_app, "pemda.timur", wilayah="31.75")
        teks = json.dumps(halaman(pemda, "/", f"?wilayah={PULO_GADUNG}").json, ensure_ascii=False)
        assert "25,0 %" in teks and "Unduh daftar peserta jatuh tempo" not in teks
        assert pemda.get(f"/unduh/jatuh_tempo.csv?wilayah={PULO_GADUNG}").status_code == 403
        assert any(e["peristiwa"] == "unduh_ditolak" for e in audit.jejak(50))


def test_the_review_slide(bulan):
    from layouts import tinjauan as slides
    from metrics import tinjauan

    doc = slides.dokumen(tinjauan.tinjauan(tanya(PULO_GADUNG)), "id")
    bagian = doc.split("<h2>Bulan depan</h2>", 1)[1].split("</section>", 1)[0]
    assert ">3<" in bagian and "25,0 %" in bagian and "62,5 %" in bagian
