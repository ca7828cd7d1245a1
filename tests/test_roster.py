"""The roster loader against the data contract, on tests/seed/roster_kecil.csv (answers in seed/README.md)."""

import csv
import datetime as dt
import gzip
import hashlib
import hmac
import io
import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import warehouse
from tests.conftest import NIK_KEY, ROOT, SEED, load

ROSTER = SEED / "roster_kecil.csv"
ALL_FLAGS = {
    "nik_duplicate": 2,
    "wilayah_invalid": 1,
    "wilayah_unknown": 1,
    "rw_invalid": 1,
    "program_invalid": 1,
    "tanggal_daftar_invalid": 1,
    "segmen_invalid": 1,
    "sumber_iuran_invalid": 1,
    "status_unknown": 1,
}


def person(nik_suffix: str) -> dict:
    """The stored person whose NIK is 31750210019000<suffix>, found by its keyed hash."""
    digest = hmac.new(NIK_KEY.encode(), f"31750210019000{nik_suffix}".encode(), hashlib.sha256).hexdigest()
    with warehouse.cursor() as cur:
        cur.execute(
            "SELECT * EXCLUDE (nik_hash) FROM peserta WHERE nik_hash = ('0x' || $h)::UHUGEINT", {"h": digest[:32]}
        )
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, row)) for row in cur.fetchall()]
    assert len(rows) == 1
    return rows[0]


def test_counts_match_hand_worked_answer(data_dir):
    s = load([ROSTER])
    assert (s["read"], s["loaded"], s["rejected"]) == (15, 12, 3)
    assert s["rejected_by_reason"] == {"nik_invalid": 2, "row_malformed": 1}
    assert s["flagged_by_kind"] == ALL_FLAGS
    assert (s["persons"], s["active"]) == (10, 7)
    f = s["files"][0]
    assert f["read"] == f["loaded"] + f["rejected"] == 15
    assert f["delimiter"] == "," and f["encoding"] == "utf-8"


def test_values_are_normalised(data_dir):
    load([ROSTER])
    budi = person("01")  # line 2 wins over the older inactive line 9
    assert (budi["segmen"], budi["kode_wilayah"], budi["rw"], budi["rt"]) == ("BPU", "31.75.02.1001", 5, 3)
    assert (budi["kpj"], budi["jenis_kelamin"], budi["tahun_lahir"], budi["jumlah_baris"]) == ("K001", "L", 1990, 2)
    assert (budi["kode_provinsi"], budi["kode_kabkota"], budi["kode_kecamatan"]) == ("31", "31.75", "31.75.02")
    assert budi["jkk"] and budi["jkm"] and not budi["jht"] and budi["aktif"]
    siti = person("02")
    assert (siti["segmen"], siti["rw"], siti["sumber_iuran"], siti["pekerja_rentan"]) == (
        "PU",
        5,
        "PEMBERI_KERJA",
        False,
    )
    assert siti["tanggal_daftar"] == dt.date(2020, 6, 1) and siti["jenis_kelamin"] == "P"
    assert siti["bulan_iuran_terakhir"] == dt.date(2024, 1, 1) and siti["aktif"]  # within the grace month
    assert [siti[p] for p in ("jkk", "jkm", "jht", "jp", "jkp")] == [True, True, True, True, False]
    andi = person("03")  # the newer active row (line 16) beats line 4
    assert (andi["kpj"], andi["segmen"], andi["aktif"], andi["rw"]) == ("K014", "JAKON", True, 7)
    dewi = person("04")
    assert (dewi["kode_wilayah"], dewi["kode_kelurahan"], dewi["status"], dewi["aktif"]) == (
        "31.75.02",
        None,
        "NONAKTIF",
        False,
    )
    eka = person("05")  # month beats status; unknown kelurahan kept at its kecamatan
    assert (eka["kode_wilayah"], eka["aktif"], eka["sumber_iuran"], eka["pekerja_rentan"]) == (
        "31.75.02",
        True,
        "APBD",
        True,
    )
    fitri = person("06")
    assert (fitri["kode_wilayah"], fitri["kode_provinsi"], fitri["rw"], fitri["tanggal_daftar"]) == (
        None,
        None,
        None,
        None,
    )
    assert (fitri["segmen"], fitri["jkk"], fitri["jkm"], fitri["sumber_iuran"], fitri["pekerja_rentan"]) == (
        "BPU",
        True,
        True,
        "CSR",
        True,
    )
    gita = person("07")
    assert (gita["segmen"], gita["sumber_iuran"], gita["aktif"]) == ("TIDAK_DIKETAHUI", "LAINNYA", True)
    assert person("08")["aktif"] is False  # no month, no status
    assert person("09")["aktif"] is False  # 2023-12 is two months back
    assert person("11")["bulan_iuran_terakhir"] == dt.date(2024, 1, 1)


def test_rejects_are_kept_masked_with_file_and_line(data_dir):
    load([ROSTER])
    rejects = warehouse.query("SELECT baris, alasan, keterangan, nik_samaran, berkas FROM baris_ditolak ORDER BY baris")
    assert rejects.baris.tolist() == [8, 14, 17]
    assert rejects.alasan.tolist() == ["nik_invalid", "row_malformed", "nik_invalid"]
    assert rejects.keterangan.tolist() == [
        "NIK berisi 5 digit, harus 16",
        "Jumlah kolom tidak cocok: 3 kolom, judul punya 17",
        "NIK kosong",
    ]
    assert rejects.nik_samaran[0] == "*****"
    assert set(rejects.berkas) == {str(ROSTER)}


def test_flag_examples_name_line_and_value(data_dir):
    load([ROSTER])
    flags = warehouse.query("SELECT jenis, baris, nilai FROM contoh_ditandai ORDER BY jenis, baris")
    got = {(r.jenis, r.baris): r.nilai for r in flags.itertuples()}
    assert got[("segmen_invalid", 10)] == "Informal"
    assert got[("wilayah_invalid", 6)] == "31.75.02.9999"
    assert got[("wilayah_unknown", 7)] == "99.01"
    assert got[("rw_invalid", 7)] == "abc"
    assert got[("tanggal_daftar_invalid", 7)] == "31/02/2024"
    assert got[("sumber_iuran_invalid", 10)] == "HIBAH"
    assert {k[1] for k in got if k[0] == "nik_duplicate"} == {4, 9}


def test_no_name_or_raw_nik_in_the_warehouse_file(data_dir):
    load([ROSTER])
    raw = warehouse.current_path().read_bytes()
    for secret in (b"3175021001900001", b"3175021001900011", b"Budi Santoso", b"Komang Putri", b"Nik Pendek"):
        assert secret not in raw


def test_grace_setting(data_dir, monkeypatch):
    monkeypatch.setenv("CAKUPAN_GRACE_MONTHS", "0")
    assert load([ROSTER])["active"] == 5  # 7 minus Siti and Komang, whose last month is 2024-01
    assert person("02")["aktif"] is False and person("11")["aktif"] is False


def test_reload_same_date_replaces_and_is_identical(data_dir):
    first = load([ROSTER])
    peserta_1 = warehouse.query(
        "SELECT * EXCLUDE (tanggal_data, nik_hash), nik_hash::VARCHAR h FROM peserta ORDER BY nik_hash"
    )
    second = load([ROSTER])
    peserta_2 = warehouse.query(
        "SELECT * EXCLUDE (tanggal_data, nik_hash), nik_hash::VARCHAR h FROM peserta ORDER BY nik_hash"
    )
    assert {k: first[k] for k in ("read", "loaded", "persons", "active")} == {
        k: second[k] for k in ("read", "loaded", "persons", "active")
    }
    assert peserta_1.equals(peserta_2)
    assert warehouse.query("SELECT count(*) n FROM snapshot").n[0] == 1
    assert warehouse.query("SELECT count(*) n FROM baris_ditolak").n[0] == 3
    assert warehouse.query("SELECT count(*) n FROM riwayat_muat").n[0] == 2


def _split(tmp_path):
    lines = ROSTER.read_text().splitlines()
    a, b = tmp_path / "bagian_a.csv", tmp_path / "bagian_b.csv"
    a.write_text("\n".join(lines[:9]) + "\n")  # header + lines 2-9
    b.write_text("\n".join([lines[0]] + lines[9:]) + "\n")
    return a, b


def test_several_files_form_one_snapshot(data_dir, tmp_path):
    a, b = _split(tmp_path)
    s = load([a, b])
    assert (s["read"], s["loaded"], s["rejected"], s["persons"], s["active"]) == (15, 12, 3, 10, 7)
    assert [f["read"] for f in s["files"]] == [8, 7]
    assert [f["rejected"] for f in s["files"]] == [1, 2]
    assert s["flagged_by_kind"] == ALL_FLAGS


def test_tie_goes_to_the_later_row(data_dir, tmp_path):
    header = ROSTER.read_text().splitlines()[0]
    row = "3175021001900001,A,{kpj},,,PU,JKK,,31.75.02.1001,,,,2024-01-01,AKTIF,2024-02,,"
    first, second = tmp_path / "1.csv", tmp_path / "2.csv"
    first.write_text(f"{header}\n{row.format(kpj='PERTAMA')}\n")
    second.write_text(f"{header}\n{row.format(kpj='KEDUA')}\n{row.format(kpj='KETIGA')}\n")
    load([first, second])
    assert person("01")["kpj"] == "KETIGA"


def _rewrite(tmp_path, name, delimiter=",", encoding="utf-8", newline="\n", bom=False, header=None):
    rows = list(csv.reader(io.StringIO(ROSTER.read_text())))
    if header:
        rows[0] = header
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    data = (("\ufeff" if bom else "") + out.getvalue()).encode(encoding)
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    return path


ALIASES = [
    "No. NIK",
    "NAMA_LENGKAP",
    "No KPJ",
    "tgl-lahir",
    "JK",
    "Kategori Peserta",
    "Program Diikuti",
    "Jenis Pekerjaan",
    "KD Wilayah",
    "No. RW",
    "no_rt",
    "KC",
    "Tanggal Kepesertaan",
    "Status Kepesertaan",
    "Periode Iuran Terakhir",
    "Pembayar Iuran",
    "Rentan",
]


@pytest.mark.parametrize(
    "name,options",
    [
        ("titik_koma.csv", {"delimiter": ";"}),
        ("pipa.csv", {"delimiter": "|"}),
        ("tab.tsv", {"delimiter": "\t"}),
        ("crlf_bom.csv", {"newline": "\r\n", "bom": True}),
        ("windows.csv", {"encoding": "cp1252", "newline": "\r\n"}),
        ("terkompresi.csv.gz", {"delimiter": ";"}),
        ("alias.csv", {"header": ALIASES}),
    ],
)
def test_csv_variants_give_the_same_answer(data_dir, tmp_path, name, options):
    s = load([_rewrite(tmp_path, name, **options)])
    assert (s["read"], s["loaded"], s["rejected"], s["persons"], s["active"]) == (15, 12, 3, 10, 7)
    assert s["flagged_by_kind"] == ALL_FLAGS
    assert person("01")["rw"] == 5


def test_windows_1252_text_is_decoded(data_dir, tmp_path):
    text = ROSTER.read_text().replace("Pengemudi ojol", "Penjahit – kain batik")
    path = tmp_path / "cp1252.csv"
    path.write_bytes(text.encode("cp1252"))
    s = load([path])
    assert s["files"][0]["encoding"] == "cp1252"
    assert person("01")["pekerjaan"] == "Penjahit – kain batik"


def test_xlsx_with_real_date_and_number_cells(data_dir, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["NIK", "Nama", "Segmen", "Kode Wilayah", "Tgl Daftar", "Bulan Iuran Terakhir", "RW"])
    sheet.append(
        ["3175021001900001", "Budi", "BPU", "31.75.02.1001", dt.datetime(2023, 1, 10), dt.datetime(2024, 2, 1), 5]
    )
    sheet.append([None, None, None, None, None, None, None])  # an empty row: skipped
    sheet.append(["12345", "Pendek", "PU", "31.75.02.1001", None, "2024-02", 1])
    sheet.append(["3175021001900002", "Siti", "PU", 3175021001, "01/06/2020", "2023-10", "RW 3"])
    sheet.append([3175021001900003, "Angka", "PU", 3175021001, None, "2024-02", 2])  # a NIK in a number cell
    path = tmp_path / "roster.xlsx"
    book.save(path)
    s = load([path])
    assert (s["read"], s["loaded"], s["rejected"], s["persons"], s["active"]) == (4, 2, 2, 2, 1)
    assert s["rejected_by_reason"] == {"nik_angka": 1, "nik_invalid": 1}
    assert warehouse.query("SELECT baris FROM baris_ditolak ORDER BY baris").baris.tolist() == [4, 6]
    budi = person("01")
    assert (budi["tanggal_daftar"], budi["bulan_iuran_terakhir"], budi["rw"]) == (
        dt.date(2023, 1, 10),
        dt.date(2024, 2, 1),
        5,
    )
    assert person("02")["kode_wilayah"] == "31.75.02.1001"


def test_parquet_with_typed_columns(data_dir, tmp_path):
    table = pa.table(
        {
            "no_nik": pa.array([3175021001900001, 3175021001900002, 123], pa.int64()),
            "segmen": ["BPU", "Bukan Penerima Upah", "PU"],
            "kode_wilayah": ["3175021001", "31.71.04.1002", "31"],
            "tanggal_daftar": pa.array([dt.date(2023, 1, 10), dt.date(2024, 1, 1), None], pa.date32()),
            "status": ["AKTIF", "NONAKTIF", "AKTIF"],
        }
    )
    path = tmp_path / "roster.parquet"
    pq.write_table(table, path)
    s = load([path])
    assert (s["read"], s["loaded"], s["rejected"], s["persons"], s["active"]) == (3, 2, 1, 2, 1)
    assert warehouse.query("SELECT baris FROM baris_ditolak").baris.tolist() == [3]
    assert person("01")["tanggal_daftar"] == dt.date(2023, 1, 10)
    assert person("02")["segmen"] == "BPU"


def _cli(*args, env):
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_cli_json_summary(data_dir):
    import os

    result = _cli("load", str(ROSTER), "--as-of", "2024-02-06", "--json", env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert {"read", "loaded", "rejected", "rejected_by_reason", "flagged_by_kind", "files"} <= set(summary)
    assert (summary["read"], summary["loaded"], summary["rejected"]) == (15, 12, 3)
    assert summary["files"][0]["path"] == str(ROSTER)


def test_missing_required_column_fails_clearly_and_changes_nothing(data_dir, tmp_path):
    import os

    load([ROSTER])
    before = warehouse.current_path()
    bad = tmp_path / "tanpa_segmen.csv"
    bad.write_text("nik,kode_wilayah\n3175021001900001,31.75.02.1001\n")
    result = _cli("load", str(bad), "--as-of", "2024-02-13", env=dict(os.environ))
    assert result.returncode == 2
    assert str(bad) in result.stderr and "'segmen'" in result.stderr and "segmen_kepesertaan" in result.stderr
    assert warehouse.current_path() == before
    assert warehouse.query("SELECT count(*) n FROM snapshot").n[0] == 1


@pytest.mark.slow
def test_bad_date_argument_is_explained(data_dir):
    import os

    result = _cli("load", str(ROSTER), "--as-of", "6/2/2024", env=dict(os.environ))
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr
