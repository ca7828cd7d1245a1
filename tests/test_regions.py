"""The Kemendagri reference in the warehouse."""

import warehouse
from etl import build


def test_counts_and_known_names(data_dir):
    build.ensure_exists()
    counts = warehouse.query("SELECT tingkat, count(*) n FROM wilayah GROUP BY 1 ORDER BY 1").n.tolist()
    assert counts == [38, 514, 7285, 83762]
    rows = warehouse.rows(
        "SELECT kode, nama, jenis, kode_induk FROM wilayah WHERE kode IN "
        "('31.71.04.1002', '31.71.04', '31.71', '31.75.02', '31.75', '36.01', '31') ORDER BY kode"
    )
    assert rows == [
        ("31", "Daerah Khusus Ibukota Jakarta", "provinsi", None),
        ("31.71", "Kota Administrasi Jakarta Pusat", "kota", "31"),
        ("31.71.04", "Senen", "kecamatan", "31.71"),
        ("31.71.04.1002", "Kenari", "kelurahan", "31.71.04"),
        ("31.75", "Kota Administrasi Jakarta Timur", "kota", "31"),
        ("31.75.02", "Pulogadung", "kecamatan", "31.75"),
        ("36.01", "Kabupaten Pandeglang", "kabupaten", "36"),
    ]


def test_every_parent_exists(data_dir):
    build.ensure_exists()
    orphans = warehouse.query(
        "SELECT count(*) n FROM wilayah w WHERE kode_induk IS NOT NULL AND kode_induk NOT IN (SELECT kode FROM wilayah)"
    ).n[0]
    assert orphans == 0
