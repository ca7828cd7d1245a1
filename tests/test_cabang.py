"""Kantor cabang as a place of its own (issue 35, item 2): branch targets loaded with rejects per
row, a branch's capaian against its own target, the ranking, and a branch account's landing and
scope. The weekly seed (seed/README.md) with seed/target_cabang_minggu.csv, on 2024-02-06
(previous 01-30, 4 weeks back 01-09, 329 days = 47 weeks to 31 December):

| branch | its participants, active on 01-09 / 01-30 / 02-06 | 02-06 registered | target |
|---|---|---|---|
| Jakarta Pulo Gadung | P4-P8, P14, P15 = 7 / P4-P7, P9, P10, P15 = 7 / P4-P6, P9-P13, P15 = 9 | 11 (+P8, P14) | 12 |
| Jakarta Rawamangun | P1-P3: 3 / 3 / 3 | 3 | 5 (BPU 4, written 'jakarta  rawamangun') |
| Jakarta Salemba | - / - / P7 (moved to Kenari): 1 | 1 | 1 |
| Jakarta Kemayoran | nobody: no roster row names it (flagged, loaded) | 0 | 50 |

- Pulo Gadung: capaian 9/12 = 75 %, kekurangan 3, change 9-7 = +2, pace (9-7)/4 = 0,5 a week,
  needed 3/47 = 0,0638; reached after ceil(3/0,5 x 7) = 42 days: 2024-03-19, in time;
  projection 9 + 0,5 x 47 = 32,5 -> 33 (DuckDB rounds half away from zero).
- Rawamangun: 3/5 = 60 %, kekurangan 2, pace 0: not reached at this pace. BPU only: 3/4 = 75 %.
- Salemba: 1/1 = 100 %, reached. Kemayoran: 0/50 = 0 %.
- Ranking, highest capaian first: Salemba 100 %, Pulo Gadung 75 %, Rawamangun 60 %, Kemayoran 0 %.
- Pulo Gadung's places: Jakarta Timur (kecamatan Pulogadung) 10 registered (P4-P6, P8-P14),
  8 active; P15's region is unknown: 1 and 1. 10 + 1 = 11 and 8 + 1 = 9, the branch's own.
- The file's other rows: an empty name (cabang_invalid), Salemba again (target_duplicate),
  'banyak' as a target (target_invalid): 8 read, 5 loaded, 3 rejected.
"""

import csv
import datetime as dt
import io

import pytest

from tests.conftest import SEED, bangun_minggu_target

PULO, RAWA, SALEMBA, KEMAYORAN = "Jakarta Pulo Gadung", "Jakarta Rawamangun", "Jakarta Salemba", "Jakarta Kemayoran"


def _bangun() -> None:
    from etl import build

    bangun_minggu_target()
    build.load_reference("target_cabang", SEED / "target_cabang_minggu.csv")


@pytest.fixture
def cabang_dir(data_dir_baru, cetakan):
    """The weekly seed with its region targets and the branch targets (a copy of the run's build)."""
    return cetakan("minggu_cabang", _bangun, data_dir_baru)


def _tanya(cabang=None, segmen=None):
    from metrics import pertanyaan
    from metrics.pembangun import Filter

    return pertanyaan.tanya("ID", dt.date(2024, 2, 6), Filter(segmen=segmen, kantor_cabang=cabang))


def test_the_file_loads_with_rejects_per_row_and_an_unknown_branch_flagged(data_dir, tmp_path):
    from etl import build
    from tests.conftest import MINGGU

    build.load_snapshots([([SEED / name], as_of) for name, as_of in MINGGU])
    s = build.load_reference("target_cabang", SEED / "target_cabang_minggu.csv")
    assert (s["read"], s["loaded"], s["rejected"]) == (8, 5, 3)
    assert s["rejected_by_reason"] == {"cabang_invalid": 1, "target_duplicate": 1, "target_invalid": 1}
    assert s["flagged_by_kind"] == {"cabang_tidak_dikenal": 1}  # Kemayoran: loaded, said

    import warehouse

    assert warehouse.rows("SELECT * FROM target_cabang ORDER BY 1, 3") == [
        (KEMAYORAN, 2024, "SEMUA", 50),
        (PULO, 2024, "SEMUA", 12),
        (RAWA, 2024, "BPU", 4),
        (RAWA, 2024, "SEMUA", 5),  # 'jakarta  rawamangun' as the roster spells it
        (SALEMBA, 2024, "SEMUA", 1),  # the first of the two rows
    ]
    ditolak = warehouse.rows(
        "SELECT baris, alasan FROM baris_ditolak WHERE jenis_berkas = 'target_cabang' ORDER BY baris"
    )
    assert ditolak == [(7, "cabang_invalid"), (8, "target_duplicate"), (9, "target_invalid")]

    # A second file replaces the rows it names and keeps the others
    baru = tmp_path / "baru.csv"
    baru.write_text("cabang,tahun,target\nJakarta Pulo Gadung,2024,20\n", encoding="utf-8")
    assert build.load_reference("target_cabang", baru)["loaded"] == 1
    assert warehouse.rows("SELECT target FROM target_cabang WHERE kantor_cabang = ? AND segmen = 'SEMUA'", [PULO]) == [
        (20,)
    ]
    assert warehouse.rows("SELECT count(*) FROM target_cabang") == [(5,)]


def test_the_command_line_says_what_was_flagged(data_dir, capsys):
    from commands import etl as perintah

    assert perintah.main(["target-cabang", str(SEED / "target_cabang_minggu.csv")]) == 0
    out = capsys.readouterr().out
    assert "Target kantor cabang: 1 berkas" in out
    # no roster yet: every one of the 5 good rows names a branch no roster row holds
    assert "(cabang_tidak_dikenal) 5" in out and "ditolak             3" in out


def test_a_branchs_capaian_against_its_own_target(cabang_dir):
    from metrics import cabang

    m = cabang.angka(_tanya(PULO))
    assert (m["peserta_terdaftar"], m["peserta_aktif"], m["target"]) == (11, 9, 12)
    assert m["capaian"] == pytest.approx(0.75) and m["kekurangan"] == 3
    assert m["perubahan_minggu"] == 2 and m["laju_4mg"] == pytest.approx(0.5)
    assert m["laju_dibutuhkan"] == pytest.approx(3 / 47)
    assert m["perkiraan_tercapai"] == dt.date(2024, 3, 19) and m["tepat_waktu"] is True
    assert m["proyeksi_akhir_tahun"] == 33 and m["vonis"] == "tepat_waktu"
    assert (m["peringkat"], m["jumlah_peringkat"]) == (2, 4)

    r = cabang.angka(_tanya(RAWA))
    assert (r["peserta_aktif"], r["target"], r["capaian"], r["kekurangan"]) == (3, 5, 0.6, 2)
    assert r["vonis"] == "tidak_tercapai"  # pace 0
    assert cabang.angka(_tanya(RAWA, "BPU"))["capaian"] == pytest.approx(0.75)  # its BPU target 4
    assert cabang.angka(_tanya(SALEMBA))["vonis"] == "sudah_tercapai"
    k = cabang.angka(_tanya(KEMAYORAN))
    assert (k["di_daftar"], k["peserta_aktif"], k["capaian"]) == (False, 0, 0.0)


def test_the_ranking_highest_capaian_first(cabang_dir):
    from metrics import cabang

    pr = cabang.peringkat(_tanya())
    assert [(b["peringkat"], b["kantor_cabang"], b["capaian"]) for b in pr.baris] == [
        (1, SALEMBA, 1.0),
        (2, PULO, 0.75),
        (3, RAWA, 0.6),
        (4, KEMAYORAN, 0.0),
    ]
    # a branch without a target comes last, unnumbered
    tanpa = cabang.urut([{"kantor_cabang": "A", "capaian": None}, {"kantor_cabang": "B", "capaian": 0.1}])
    assert [(b["kantor_cabang"], b["peringkat"]) for b in tanpa] == [("B", 1), ("A", None)]


def test_a_branchs_places_add_up_to_the_branch(cabang_dir):
    from metrics import cabang

    for tingkat, kode, nama in (
        ("kabkota", "31.75", "Kota Administrasi Jakarta Timur"),
        ("kecamatan", "31.75.02", "Pulogadung"),
    ):
        baris = cabang.wilayah_cabang(_tanya(PULO), tingkat).baris
        assert [(b["kode_wilayah"], b["nama_wilayah"], b["peserta_terdaftar"], b["peserta_aktif"]) for b in baris] == [
            (kode, nama, 10, 8),
            (None, "Tidak diketahui", 1, 1),  # P15
        ]


def test_a_place_account_sees_no_branch(cabang_dir):
    from metrics import cabang, lingkup

    semua, pulo = _tanya(), _tanya(PULO)  # asked as questions are made elsewhere: the gate is re-checked here
    with lingkup.berlaku(lingkup.Lingkup(wilayah="31.75", nama="kota")):
        with pytest.raises(lingkup.TanpaAkses):
            cabang.peringkat(semua)
        with pytest.raises(lingkup.TanpaAkses):
            cabang.angka(pulo)
        with pytest.raises(lingkup.TanpaAkses):
            cabang.wilayah_cabang(pulo, "kabkota")
    with lingkup.berlaku(lingkup.Lingkup(kantor_cabang=SALEMBA, nama="kc")):
        with pytest.raises(lingkup.TanpaAkses):
            cabang.angka(pulo)  # another branch
        with pytest.raises(lingkup.TanpaAkses):
            cabang.peringkat(semua)  # every branch's numbers
        assert cabang.angka(semua)["kantor_cabang"] == SALEMBA  # its own, forced


def _csv(teks: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(teks)))


def test_a_branch_account_lands_on_its_page_and_sees_no_other_branch(cabang_dir, dash_app):
    from akses import pengguna
    from jejak import audit
    from metrics import lingkup
    from tests.klien import SANDI, baru, halaman
    from tests.test_keadaan import _cari, _teks

    with lingkup.berlaku(None):
        pengguna.tambah("kc.pulo", kantor_cabang=PULO, sandi=SANDI)
        kc = baru(dash_app.server)
        import re

        csrf = re.search(r'name="csrf" value="([^"]+)"', kc.get("/masuk").text).group(1)
        r = kc.post("/masuk", data={"nama": "kc.pulo", "sandi": SANDI, "csrf": csrf, "lanjut": "/"})
        assert r.status_code == 302 and r.headers["Location"] == "/cabang"  # its branch's page

        page = halaman(kc, "/cabang", "?snapshot=2024-02-06").json
        assert _cari(page, "cabang-judul")["children"] == f"Kantor cabang {PULO}"
        assert _cari(page, "cabang-capaian")["children"] == "75,0 %"
        assert _cari(page, "cabang-peringkat-ke")["children"] == "Peringkat 2 dari 4 kantor cabang yang punya target"
        assert "di mana pun mereka tinggal" in _cari(page, "cabang-cakupan")["children"]

        # another branch in the link: its own is shown, and the page says why
        page = halaman(kc, "/cabang", f"?snapshot=2024-02-06&cabang={SALEMBA}").json
        assert _cari(page, "cabang-judul")["children"] == f"Kantor cabang {PULO}"
        assert SALEMBA in _teks(_cari(page, "alamat-ganti"))
        assert _cari(page, "cabang-capaian")["children"] == "75,0 %" and "100,0 %" not in _teks(page)  # not Salemba's

        # downloads: its own branch's numbers and places; another branch's and the ranking refused
        r = kc.get("/unduh/cabang.csv?snapshot=2024-02-06")
        assert r.status_code == 200, r.text[:300]
        rows = _csv(r.text)
        assert [(x["kantor_cabang"], x["peserta_aktif"], x["target"], x["capaian_persen"]) for x in rows] == [
            (PULO, "9", "12", "75.0")
        ]
        r = kc.get("/unduh/cabang.csv?snapshot=2024-02-06&tingkat=kecamatan")
        assert [(x["kode_wilayah"], x["peserta_aktif"]) for x in _csv(r.text)] == [("31.75.02", "8"), ("", "1")]
        assert kc.get(f"/unduh/cabang.csv?cabang={SALEMBA}").status_code == 403
        assert kc.get(f"/unduh/cabang.xlsx?cabang={SALEMBA}&tingkat=kabkota").status_code == 403
    jejak = [e for e in audit.jejak(500) if e["oleh"] == "kc.pulo"]
    assert [e["peristiwa"] for e in jejak if e["peristiwa"].startswith("unduh")] == [
        "unduh_ditolak", "unduh_ditolak", "unduh", "unduh",
    ]  # fmt: skip


def test_a_national_account_sees_the_ranking_and_any_branch(cabang_dir, dash_app):
    from metrics import lingkup
    from tests.klien import halaman, masuk
    from tests.test_keadaan import _cari, _teks

    with lingkup.berlaku(None):
        pusat = masuk(dash_app, "cabang.pusat", "ID")
        page = halaman(pusat, "/cabang", "?snapshot=2024-02-06").json
        tabel = _teks(_cari(page, "cabang-peringkat"))
        assert tabel.index(SALEMBA) < tabel.index(PULO) < tabel.index(RAWA) < tabel.index(KEMAYORAN)
        assert "tidak ada di daftar peserta" in tabel  # Kemayoran
        r = pusat.get("/unduh/cabang.csv?snapshot=2024-02-06")
        assert [(x["peringkat"], x["kantor_cabang"], x["capaian_persen"]) for x in _csv(r.text)] == [
            ("1", SALEMBA, "100.0"), ("2", PULO, "75.0"), ("3", RAWA, "60.0"), ("4", KEMAYORAN, "0.0"),
        ]  # fmt: skip
        page = halaman(pusat, "/cabang", f"?snapshot=2024-02-06&cabang={RAWA}").json
        assert _cari(page, "cabang-capaian")["children"] == "60,0 %"

        kota = masuk(dash_app, "cabang.kota", "31.75")  # a place account: refused, in words
        page = halaman(kota, "/cabang", "?snapshot=2024-02-06").json
        assert "hanya akun nasional dan akun kantor cabang" in _teks(_cari(page, "halaman-tolak"))
        assert kota.get("/unduh/cabang.csv").status_code == 403
