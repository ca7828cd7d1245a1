"""The reader: the fast CSV path agrees with the exact one, and office files come out right."""

import gzip
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from etl import delimited, reader, tabular
from etl.roster import ROSTER
from tests.conftest import SEED


def _read(path: Path, tmp_path):
    """(FileRead, rows of every part) as the staging step would get them."""
    info = reader.read_file(path, ROSTER, tmp_path)
    rows = []
    for part in info.parts:
        got = []
        for batch in part.batches():
            if batch is tabular.RESTART:
                got = []
                continue
            got += batch.to_pylist()
        rows += got
    return info, rows


def _exact(path: Path, tmp_path):
    """The same file through the exact (csv module) reader only."""
    info = tabular.FileRead(path=str(path))
    head = delimited._head(path, info, ROSTER)
    shape = tabular.shaper_for(head.part, ROSTER, head.header, str(path))
    rows = [r for b in delimited._exact(path, info, head, shape) for r in b.to_pylist()]
    return head.part, rows


MESSY = (
    "nik,nama,segmen,kode_wilayah\r\n"
    "\r\n"
    '1,"Nama, dengan koma",PU,31\r\n'
    '2,"Nama\r\ndua baris",BPU,32\r\n'
    '3,"Kutip ""ganda""",PU\r\n'
    "\r\n"
    "4,Empat,PU,33,lebih\r\n"
    "5,Lima,PMI,34"
)


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
def test_structure_scan_is_chunk_independent(tmp_path, chunk):
    path = tmp_path / "messy.csv"
    path.write_bytes(MESSY.encode())
    s = delimited._scan(path, ",", len(MESSY.split("\n")[0]) + 1, 1, 4, chunk=chunk)
    assert s.lines.tolist() == [3, 4, 6, 8, 9]
    assert s.fields.tolist() == [4, 4, 3, 5, 4]


def test_fast_and_exact_agree_on_messy_file(tmp_path):
    path = tmp_path / "messy.csv"
    path.write_bytes(MESSY.encode())
    info, rows = _read(path, tmp_path)
    exact_part, exact_rows = _exact(path, tmp_path)
    expected = [
        (6, "row_malformed", "Jumlah kolom tidak cocok: 3 kolom, judul punya 4"),
        (8, "row_malformed", "Jumlah kolom tidak cocok: 5 kolom, judul punya 4"),
    ]
    assert info.parts[0].rejected == exact_part.rejected == expected
    assert rows == exact_rows
    assert [r["baris"] for r in rows] == [3, 4, 9]
    assert rows[1]["nik"] == "2"


def test_fast_and_exact_agree_on_seed(tmp_path):
    info, rows = _read(SEED / "roster_kecil.csv", tmp_path)
    exact_part, exact_rows = _exact(SEED / "roster_kecil.csv", tmp_path)
    assert rows == exact_rows and info.parts[0].rejected == exact_part.rejected
    assert [r["baris"] for r in rows] == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 17]


def test_quote_inside_a_value_is_kept(tmp_path):
    path = tmp_path / "kutip.csv"
    path.write_text('nik,segmen,kode_wilayah\n1,PU 5",31\n2,BPU,32\n3,PU\n')
    info, rows = _read(path, tmp_path)
    assert [r["baris"] for r in rows] == [2, 3]
    assert rows[0]["segmen"] == 'PU 5"'
    assert info.parts[0].rejected == [(4, "row_malformed", "Jumlah kolom tidak cocok: 2 kolom, judul punya 3")]


def test_a_stray_quote_costs_one_row_not_the_rest_of_the_file(tmp_path):
    good = [f"31750150019000{i:02d},BPU,31.75.01.1001" for i in range(10)]
    path = tmp_path / "kutip_lepas.csv"
    path.write_text("nik,segmen,kode_wilayah\n" + '3175015001900099,"BPU,31.75.01.1001\n' + "\n".join(good) + "\n")
    info, rows = _read(path, tmp_path)
    assert [r["nik"] for r in rows] == [g.split(",")[0] for g in good]
    assert [r["baris"] for r in rows] == list(range(3, 13))
    assert [(line, reason) for line, reason, _ in info.parts[0].rejected] == [(2, "row_malformed")]
    assert "kutip" in info.parts[0].rejected[0][2]


def test_a_stray_quote_pair_does_not_swallow_the_rows_between(tmp_path):
    path = tmp_path / "dua_kutip.csv"
    path.write_text('nik,segmen,kode_wilayah\n1,"BPU,31\n2,PU,32\n3,PU,33"\n4,PU,34\n')
    info, rows = _read(path, tmp_path)
    assert [r["nik"] for r in rows] == ["2", "3", "4"]
    assert [line for line, _, _ in info.parts[0].rejected] == [2]


def test_header_names_are_matched_loosely():
    assert (
        tabular.normalise_header("No. KPJ")
        == tabular.normalise_header("no_kpj")
        == tabular.normalise_header("NO KPJ")
        == "no_kpj"
    )
    assert tabular.normalise_header("\ufeffKode-Wilayah ") == "kode_wilayah"
    assert tabular.normalise_header("KODE\u00a0WILAYAH") == "kode_wilayah"


def test_names_are_never_read(tmp_path):
    _, rows = _read(SEED / "roster_kecil.csv", tmp_path)
    assert "nama" not in rows[0]


@pytest.mark.parametrize(
    "text,delimiter",
    [
        ('nik;nama;segmen;kode_wilayah\n1;"a,b,c";PU;31\n', ";"),
        ("nik|nama|segmen|kode_wilayah\n1|a|PU|31\n", "|"),
        ("nik\tnama\tsegmen\tkode_wilayah\n1\ta\tPU\t31\n", "\t"),
        ("sep=|\nnik|segmen|kode_wilayah\n1|PU|31\n", "|"),
    ],
)
def test_delimiter_is_the_one_that_finds_the_header(tmp_path, text, delimiter):
    path = tmp_path / "d.csv"
    path.write_text(text)
    info, rows = _read(path, tmp_path)
    assert info.delimiter == delimiter and rows[0]["segmen"] == "PU" and rows[0]["kode_wilayah"] == "31"
    assert info.parts[0].title_rows == []


def test_title_rows_above_the_header_are_reported(tmp_path):
    path = tmp_path / "judul.csv"
    path.write_text(
        "DAFTAR PESERTA BPU KECAMATAN MATRAMAN,,,\nPer Januari 2024,,,\n,,,\n"
        "NO,NIK,SEGMEN,KODE WILAYAH\n1,3175015001900001,BPU,31.75.01.1001\n"
    )
    info, rows = _read(path, tmp_path)
    part = info.parts[0]
    assert (part.header_line, part.title_rows, part.read) == (4, [1, 2, 3], 1)
    assert rows[0]["baris"] == 5 and rows[0]["nik"] == "3175015001900001"


def test_no_header_names_the_closest_row_and_what_it_lacks(tmp_path):
    path = tmp_path / "tanpa.csv"
    path.write_text("DAFTAR PESERTA\nNIK,NAMA,KODE\n1,a,31\n")
    with pytest.raises(tabular.LoadError) as e:
        reader.read_file(path, ROSTER, tmp_path)
    text = str(e.value)
    assert (
        "baris 2" in text
        and "'segmen'" in text
        and "'kode_wilayah'" in text
        and "'nik'" not in text.split("tidak punya")[1]
    )


def test_totals_rows_and_their_footer_are_reported_not_read(tmp_path):
    path = tmp_path / "jumlah.csv"
    path.write_text(
        "NO,NIK,NAMA,SEGMEN,KODE_WILAYAH\n"
        "1,3175015001900001,A,BPU,31.75.01.1001\n"
        "Sub Total,,,,\n"
        "2,3175015001900002,B,BPU,31.75.01.1002\n"
        "3,TOTAL,,,\n"  # the label may sit in any column
        ",,2 orang,,\n"  # the footer below it
        "4,,Tanpa NIK,BPU,31.75.01.1001\n"
    )  # a participant row with no NIK: a reject, not a footer
    info, rows = _read(path, tmp_path)
    part = info.parts[0]
    assert part.total_rows == [3, 5, 6]
    assert [r["baris"] for r in rows] == [2, 4, 7]
    assert part.read == 3


def test_a_participant_named_total_is_still_a_participant(tmp_path):
    path = tmp_path / "nama.csv"
    path.write_text("nik,pekerjaan,segmen,kode_wilayah\n3175015001900001,Total Karya,BPU,31\n")
    info, rows = _read(path, tmp_path)
    assert len(rows) == 1 and info.parts[0].total_rows == []


def test_blank_spreadsheet_rows_are_skipped_and_not_counted(tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_text("nik,segmen,kode_wilayah\n1,PU,31\n,,\n , ,\n2,PU,32\n")
    info, rows = _read(path, tmp_path)
    assert [r["baris"] for r in rows] == [2, 5] and info.parts[0].read == 2


def test_values_are_cleaned_the_same_way_in_every_column(tmp_path):
    path = tmp_path / "bersih.csv"
    path.write_bytes(
        "nik;segmen;kode_wilayah;rw\n"
        '="3175015001900001";="BPU";="3175011001";="05"\n'
        "'3175015001900002;\u00a0BPU\u00a0;\u200b31.75.01.1001\u2009;RW\u00a005\n"
        "\x1f3175015001900003;BPU\x1f;31.75.01.1001;\u20035\u3000\n".encode()
    )
    _, rows = _read(path, tmp_path)
    assert [r["nik"] for r in rows] == ["3175015001900001", "3175015001900002", "3175015001900003"]
    assert [r["segmen"] for r in rows] == ["BPU"] * 3
    assert [r["kode_wilayah"] for r in rows] == ["3175011001", "31.75.01.1001", "31.75.01.1001"]
    assert [r["rw"] for r in rows] == ["05", "RW 05", "5"]


def test_utf16_unicode_text_with_and_without_bom(tmp_path):
    text = "NIK\tSEGMEN\tKODE_WILAYAH\tPEKERJAAN\r\n3175015001900001\tBPU\t31.75.01.1001\tPenjahit – batik\r\n"
    for name, data in [
        ("bom.txt", b"\xff\xfe" + text.encode("utf-16-le")),
        ("tanpa_bom.txt", text.encode("utf-16-le")),
        ("be.txt", b"\xfe\xff" + text.encode("utf-16-be")),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        info, rows = _read(path, tmp_path)
        assert info.delimiter == "\t" and info.encoding.startswith("utf-16")
        assert rows[0]["nik"] == "3175015001900001" and rows[0]["pekerjaan"] == "Penjahit – batik"


def test_windows_1252_bytes_without_a_character_do_not_stop_the_load(tmp_path):
    path = tmp_path / "cp1252.csv"
    path.write_bytes(b"nik,segmen,kode_wilayah,pekerjaan\n3175015001900001,BPU,31,Caf\xe9 \x81\x8d\x90\n")
    info, rows = _read(path, tmp_path)
    assert info.encoding == "cp1252" and rows[0]["pekerjaan"].startswith("Café")


@pytest.mark.parametrize(
    "name,data,says",
    [
        ("html.xls", b"<html><body><table><tr><td>NIK</td></tr></table></body></html>", "HTML"),
        ("spasi_html.xls", b"\xef\xbb\xbf\r\n  <!DOCTYPE html><html><table></table></html>", "HTML"),
        ("laporan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "gambar"),
        ("acak.csv", bytes(range(256)) * 8, "biner"),
        ("kosong.csv", b"", "kosong"),
        (
            "xml.xls",
            b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>',
            "XML Spreadsheet 2003",
        ),
    ],
)
def test_files_that_are_not_what_they_say(tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(tabular.LoadError) as e:
        reader.read_file(path, ROSTER, tmp_path)
    text = str(e.value)
    assert str(path) in text and says in text
    assert "<td>" not in text and "\x00" not in text and "obj" not in text


def test_a_zip_that_is_not_a_workbook_lists_what_it_holds(tmp_path):
    path = tmp_path / "kiriman.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("roster_jawa.csv", "nik\n")
    with pytest.raises(tabular.LoadError, match="arsip ZIP berisi 1 berkas \\(roster_jawa.csv\\)"):
        reader.read_file(path, ROSTER, tmp_path)


def test_a_directory_and_a_missing_file_are_named(tmp_path):
    with pytest.raises(tabular.LoadError, match="folder"):
        reader.read_file(tmp_path, ROSTER, tmp_path)
    with pytest.raises(tabular.LoadError, match="tidak ditemukan"):
        reader.read_file(tmp_path / "tidak_ada.csv", ROSTER, tmp_path)


def test_an_endless_line_stops_with_its_line_number(tmp_path, monkeypatch):
    monkeypatch.setenv("CAKUPAN_MAX_LINE", "64KB")
    path = tmp_path / "panjang.csv"
    path.write_bytes(b"nik,segmen,kode_wilayah\n1,PU,31\n" + b"x" * 200_000 + b"\n2,PU,31\n")
    with pytest.raises(tabular.LoadError, match="baris 3 lebih panjang dari 64 KB"):
        info = reader.read_file(path, ROSTER, tmp_path)
        for part in info.parts:
            list(part.batches())
    import duckdb

    from etl import staging

    with pytest.raises(tabular.LoadError) as e:  # as the load says it: the file first
        staging.stage(duckdb.connect(), [reader.read_file(path, ROSTER, tmp_path)], ROSTER, "t")
    assert str(e.value).startswith(f"{path}: baris 3 lebih panjang")


def test_a_gzip_bomb_stops_early(tmp_path, monkeypatch):
    monkeypatch.setenv("CAKUPAN_MAX_LINE", "1MB")
    path = tmp_path / "bom.csv.gz"
    path.write_bytes(gzip.compress(b"nik,segmen,kode_wilayah\n" + b"0" * (50 << 20), 9))
    with pytest.raises(tabular.LoadError, match="baris 2 lebih panjang dari 1 MB"):
        reader.read_file(path, ROSTER, tmp_path)
    assert sum(f.stat().st_size for f in tmp_path.iterdir()) < (3 << 20)  # nothing near 50 MB was written


def test_the_unpacked_size_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setenv("CAKUPAN_MAX_UNPACKED", "1MB")
    path = tmp_path / "besar.csv.gz"
    path.write_bytes(gzip.compress(b"nik,segmen,kode_wilayah\n" + b"3175015001900001,PU,31\n" * 100_000))
    with pytest.raises(tabular.LoadError, match="lebih dari 1 MB setelah dibuka"):
        reader.read_file(path, ROSTER, tmp_path)


def test_parquet_nested_and_binary_columns(tmp_path):
    nested = tmp_path / "bertingkat.parquet"
    pq.write_table(pa.table({"nik": [["3175015001900001"]], "segmen": ["BPU"], "kode_wilayah": ["31"]}), nested)
    with pytest.raises(tabular.LoadError, match="kolom 'nik' berisi data bertingkat"):
        _read(nested, tmp_path)
    raw = tmp_path / "biner.parquet"
    pq.write_table(
        pa.table({"nik": pa.array([b"\xff\xfe"], pa.binary()), "segmen": ["BPU"], "kode_wilayah": ["31"]}), raw
    )
    with pytest.raises(tabular.LoadError, match="kolom 'nik' berisi data biner"):
        _read(raw, tmp_path)
    text = tmp_path / "teks_biner.parquet"
    pq.write_table(
        pa.table(
            {
                "nik": pa.array([b"3175015001900001"], pa.binary()),
                "segmen": ["BPU"],
                "kode_wilayah": ["31"],
                "lain": [{"a": 1}],
            }
        ),
        text,
    )
    _, rows = _read(text, tmp_path)
    assert rows[0]["nik"] == "3175015001900001"  # an unneeded nested column is never read


def test_a_stray_quote_before_whole_rows_costs_one_row(tmp_path):
    """Two stray quotes ten rows apart would make one record of the right width: a later line
    with a row's worth of delimiters shows it is rows, not a value with line breaks."""
    rows = [f"31750150019000{i:02d},K{i},BPU,3175011001,5,AKTIF,Jl. A" for i in range(1, 41)]
    rows[9] = rows[9].replace("Jl. A", '"Blok A no 3')
    rows[19] = rows[19].replace("Jl. A", '"Blok C')
    path = tmp_path / "dua_kutip_jauh.csv"
    path.write_text("NIK,KPJ,SEGMEN,KODE_WILAYAH,RW,STATUS,ALAMAT\n" + "\n".join(rows) + "\n")
    info, got = _read(path, tmp_path)
    assert [line for line, _, _ in info.parts[0].rejected] == [11, 21]
    assert len(got) == 38 and info.parts[0].read == 40


def test_line_ends_cr_alone_crlf_and_lf_mixed(tmp_path):
    path = tmp_path / "campur.csv"
    path.write_bytes(b"nik,segmen,kode_wilayah\r\n1,PU,31\r2,PU,32\r\n3,PU,33\n")
    info, rows = _read(path, tmp_path)
    assert [r["nik"] for r in rows] == ["1", "2", "3"] and [r["baris"] for r in rows] == [2, 3, 4]
    mac = tmp_path / "mac.csv"
    mac.write_bytes(b"nik,segmen,kode_wilayah\r1,PU,31\r2,PU,32\r")
    _, rows = _read(mac, tmp_path)
    assert [r["nik"] for r in rows] == ["1", "2"]


def test_a_line_of_spaces_is_a_blank_line(tmp_path):
    path = tmp_path / "spasi.csv"
    path.write_text("nik,segmen,kode_wilayah\n1,PU,31\n   \n\t\n2,PU,32\n")
    info, rows = _read(path, tmp_path)
    assert [r["baris"] for r in rows] == [2, 5] and info.parts[0].rejected == []


def test_one_windows_1252_row_in_a_utf8_file_keeps_the_utf8(tmp_path):
    path = tmp_path / "campur_kode.csv"
    path.write_bytes(
        "nik,segmen,kode_wilayah,pekerjaan\n\u00a03175015001900001\u00a0,BPU,31,Penjahit\n".encode()
        + b"3175015001900002,BPU,31,Andr\xe9\n"
    )
    _, rows = _read(path, tmp_path)
    assert [r["nik"] for r in rows] == ["3175015001900001", "3175015001900002"] and rows[1]["pekerjaan"] == "André"


def test_unnamed_trailing_header_columns_may_be_missing_from_rows(tmp_path):
    path = tmp_path / "ekor.csv"
    path.write_text("nik,segmen,kode_wilayah,,\n1,PU,31\n2,PU,32,,\n3,PU\n")
    info, rows = _read(path, tmp_path)
    assert [r["nik"] for r in rows] == ["1", "2"]
    assert [(line, reason) for line, reason, _ in info.parts[0].rejected] == [(4, "row_malformed")]


def test_clean_text_reads_bytes_of_slices_chunks_and_nulls_right():
    """The numpy guards of clean_text see exactly the values of a column: a slice's hidden
    neighbours do not count, nulls stay null, chunks are each looked at."""
    import pyarrow as pa

    raw = pa.array(["  kiri", "bersih", None, "kanan ", '="0012"', "'3175", "x\u00a0y", "ok"])
    assert tabular.clean_text(raw).to_pylist() == ["kiri", "bersih", None, "kanan", "0012", "3175", "x y", "ok"]
    clean_slice = raw.slice(1, 1)  # its neighbours have spaces: nothing to do for 'bersih'
    assert tabular.clean_text(clean_slice).to_pylist() == ["bersih"]
    assert tabular.clean_text(raw.slice(3, 1)).to_pylist() == ["kanan"]
    chunked = pa.chunked_array([pa.array(["a", "b"]), pa.array(["\uff13\uff11", None])])
    assert tabular.clean_text(chunked).to_pylist() == ["a", "b", "31", None]
    assert tabular.clean_text(pa.array([None, None], pa.string())).to_pylist() == [None, None]
    assert tabular.clean_text(pa.array([], pa.string())).to_pylist() == []


def test_floats_in_a_text_only_column_keep_the_digits_their_type_keeps():
    """A NIK or region code that went through a float is handed on in scientific form with the
    digits its type keeps (15 for float64, Excel's too; 7 for float32), so float noise reads as
    the number Excel shows and the SQL knows it for a number; NaN is an empty cell."""
    floats = pa.array([32.1, 32.099999999999994, float("nan"), None, 3175021001.0, 32.1])
    assert reader.scientific(floats).to_pylist() == [
        "3.21000000000000e+01",
        "3.21000000000000e+01",
        None,
        None,
        "3.17502100100000e+09",
        "3.21000000000000e+01",
    ]
    assert reader.scientific(pa.array([32.1, 3175021001.0], pa.float32())).to_pylist() == [
        "3.210000e+01",
        "3.175021e+09",
    ]
    chunked = pa.chunked_array([pa.array([33.2]), pa.array([31.75, 33.2])])
    assert reader.scientific(chunked).to_pylist() == [
        "3.32000000000000e+01",
        "3.17500000000000e+01",
        "3.32000000000000e+01",
    ]


def test_region_code_number_cells_are_handed_on_as_numbers(tmp_path):
    """Number cells in kode_wilayah come out in scientific form; text cells as they are."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["nik", "segmen", "kode_wilayah"])
    book.active.append(["3210010001000001", "BPU", 32.1])
    book.active.append(["3201010001000004", "BPU", "32.01"])
    book.active.append(["3210010001000002", "BPU", 3210011001])
    book.save(tmp_path / "kode.xlsx")
    _, rows = _read(tmp_path / "kode.xlsx", tmp_path)
    assert [r["kode_wilayah"] for r in rows] == ["3.21000000000000e+01", "32.01", "3.21001100100000e+09"]
