"""Writes roster_lama.xls, an Excel 97-2003 workbook (BIFF8), for the XLS reader's test.

Made once with xlwt (not a project requirement: `pip install xlwt` in a scratch venv, then
`python tests/seed/kantor/buat_xls.py`). Hand-worked answer in tests/seed/README.md.
"""

from pathlib import Path

import xlwt

book = xlwt.Workbook()
sheet = book.add_sheet("Peserta")
rows = [
    ["DAFTAR PESERTA BPU DESA CIKONENG"],
    ["NO", "NIK", "NAMA", "SEGMEN", "KODE_WILAYAH", "RW", "STATUS"],
    [1, "3601011234560001", "Peserta Satu", "BPU", "36.01.01.2001", 2, "AKTIF"],
    [2, "3601011234560002", "Peserta Dua", "BPU", "36.01.01.2001", 2, "NONAKTIF"],
    [3, 3601011234560003, "Peserta Tiga", "BPU", "36.01.01.2001", 3, "AKTIF"],  # a number cell: nik_angka
    ["JUMLAH", "", "", "", "", "", ""],
]
sheet.write_merge(0, 0, 0, 6, rows[0][0])
for r, row in enumerate(rows[1:], start=1):
    for c, value in enumerate(row):
        sheet.write(r, c, value)
book.save(str(Path(__file__).with_name("roster_lama.xls")))
