-- Grain: one row per feature of a boundary file (peta_mentah: fitur_ke, kode_asli, nama_fitur, poligon),
-- checked (peta_cek): the Kemendagri code it names, or why it is rejected. Codes are read as
-- everywhere else (kode_wilayah.sql's kode_cari: dotted or plain, a float's '.0' dropped); a code from before the
-- 2022 Papua split is counted as today's (kode_lama) and flagged.

CREATE OR REPLACE TEMP TABLE peta_cek AS
WITH dibaca AS (
    SELECT fitur_ke, kode_asli, nama_fitur, poligon, kode_cari(trim(coalesce(kode_asli, ''))) AS digit
    FROM peta_mentah
),
dibakukan AS (
    SELECT *,
           kode_dari_digit(digit) AS kode_baku
    FROM dibaca
),
dinilai AS (
    SELECT d.*,
           coalesce(w.kode, l.kode) AS kode_wilayah,
           w.kode IS NULL AND l.kode IS NOT NULL AS dari_kode_lama
    FROM dibakukan d
    LEFT JOIN wilayah w ON w.kode = d.kode_baku
    LEFT JOIN kode_lama l ON l.kode_lama = d.kode_baku
)
SELECT
    n.*,
    coalesce(w.tingkat, 0) AS tingkat,
    CASE WHEN kosong(n.kode_asli) THEN 'kode_kosong'
         WHEN n.kode_baku IS NULL THEN 'kode_invalid'
         WHEN n.kode_wilayah IS NULL THEN 'wilayah_invalid'
         WHEN NOT n.poligon THEN 'bukan_poligon' END AS alasan,
    CASE WHEN kosong(n.kode_asli) THEN 'Fitur tanpa kode wilayah'
         WHEN n.kode_baku IS NULL THEN 'Kode ''' || n.kode_asli || ''' bukan kode Kemendagri (2, 4, 6 atau 10 digit)'
         WHEN n.kode_wilayah IS NULL THEN 'Kode ''' || n.kode_asli || ''' tidak ada di daftar Kemendagri'
         WHEN NOT n.poligon THEN 'Geometri kosong atau bukan poligon' END AS keterangan
FROM dinilai n
LEFT JOIN wilayah w ON w.kode = n.kode_wilayah;
