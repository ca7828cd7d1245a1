"""The fast CSV reader (numpy structure + pyarrow) must agree with the exact csv-module reader."""
from pathlib import Path

import pytest

from etl import reader
from etl.roster import ROSTER
from tests.conftest import SEED


def _read(path: Path, tmp_path):
    info, batches = reader.read_file(path, ROSTER, tmp_path)
    rows = []
    for batch in batches:
        if batch is reader.RESTART:
            rows = []
            continue
        rows += batch.to_pylist()
    return info, rows


def _exact(path: Path, tmp_path):
    info = reader.FileRead(path=str(path), format="csv", encoding="utf-8", delimiter=",")
    import csv
    header = next(csv.reader(open(path)))
    positions = reader._map_header(header, ROSTER, info)
    rows = [r for b in reader._read_csv_exact(path, info, ROSTER, header, positions) for r in b.to_pylist()]
    return info, rows


MESSY = (
    'nik,nama,segmen,kode_wilayah\r\n'
    '\r\n'
    '1,"Nama, dengan koma",PU,31\r\n'
    '2,"Nama\r\ndua baris",BPU,32\r\n'
    '3,"Kutip ""ganda""",PU\r\n'
    '\r\n'
    '4,Empat,PU,33,lebih\r\n'
    '5,Lima,PMI,34'
)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
def test_structure_scan_is_chunk_independent(tmp_path, chunk):
    path = tmp_path / "messy.csv"
    path.write_bytes(MESSY.encode())
    s = reader._scan_records(path, ",", chunk=chunk)
    assert s.header_line == 1 and s.header_fields == 4
    assert s.lines.tolist() == [3, 4, 6, 8, 9]
    assert s.fields.tolist() == [4, 4, 3, 5, 4]


def test_fast_and_exact_agree_on_messy_file(tmp_path):
    path = tmp_path / "messy.csv"
    path.write_bytes(MESSY.encode())
    info, rows = _read(path, tmp_path)
    exact_info, exact_rows = _exact(path, tmp_path)
    assert info.malformed == exact_info.malformed == [(6, "3 kolom, judul punya 4"), (8, "5 kolom, judul punya 4")]
    assert rows == exact_rows
    assert [r["baris"] for r in rows] == [3, 4, 9]
    assert rows[1]["nik"] == "2"


def test_fast_and_exact_agree_on_seed(tmp_path):
    info, rows = _read(SEED / "roster_kecil.csv", tmp_path)
    exact_info, exact_rows = _exact(SEED / "roster_kecil.csv", tmp_path)
    assert rows == exact_rows and info.malformed == exact_info.malformed
    assert [r["baris"] for r in rows] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17]


def test_stray_quote_falls_back_to_exact_reader(tmp_path):
    path = tmp_path / "kutip.csv"
    path.write_text('nik,segmen,kode_wilayah\n1,PU 5",31\n2,BPU,32\n3,PU\n')
    info, rows = _read(path, tmp_path)
    assert [r["baris"] for r in rows] == [2, 3]
    assert rows[0]["segmen"] == 'PU 5"'
    assert info.malformed == [(4, "2 kolom, judul punya 3")]


def test_header_names_are_matched_loosely():
    assert reader.normalise_header("No. KPJ") == reader.normalise_header("no_kpj") == reader.normalise_header("NO KPJ") == "no_kpj"
    assert reader.normalise_header("\ufeffKode-Wilayah ") == "kode_wilayah"


def test_names_are_never_read(tmp_path):
    _, rows = _read(SEED / "roster_kecil.csv", tmp_path)
    assert "nama" not in rows[0]


def test_delimiter_detection():
    assert reader._detect_delimiter('nik;nama;"a,b,c"\n') == ";"
    assert reader._detect_delimiter("nik|nama|segmen\n") == "|"
    assert reader._detect_delimiter("nik\tnama\n") == "\t"
    assert reader._detect_delimiter("nik\n") == ","
