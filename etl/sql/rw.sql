-- Grain: one row per RW-reference input row, checked (rw_cek). Then the good rows replace
-- the reference of their kelurahan.

CREATE OR REPLACE TEMP TABLE rw_cek AS
WITH dibaca AS (
    SELECT
        berkas_ke, baris,
        kode_wilayah AS kode_asli,
        kode_digit(kode_wilayah) AS kode_digit,
        trim(coalesce(jumlah_rw, '')) AS jumlah_asli
    FROM rw_mentah
),
dinilai AS (
    SELECT
        d.*,
        w.kode AS kode_kelurahan,
        CASE WHEN regexp_full_match(d.jumlah_asli, '[0-9]{1,3}') AND d.jumlah_asli::INTEGER BETWEEN 1 AND 999
             THEN d.jumlah_asli::SMALLINT END AS jumlah_rw
    FROM dibaca d
    LEFT JOIN wilayah w
      ON w.tingkat = 4
     AND w.kode = kode_bertitik(d.kode_digit, 10)
),
beralasan AS (
    SELECT
        *,
        CASE WHEN kode_kelurahan IS NULL THEN 'wilayah_invalid'
             WHEN jumlah_rw IS NULL THEN 'jumlah_rw_invalid'
             WHEN row_number() OVER (PARTITION BY kode_kelurahan ORDER BY berkas_ke, baris) > 1
                  THEN 'rw_duplicate' END AS alasan
    FROM dinilai
)
SELECT
    *,
    CASE alasan
        WHEN 'wilayah_invalid' THEN 'Kode ''' || coalesce(kode_asli, '') || ''' bukan kelurahan/desa di daftar Kemendagri (10 digit)'
        WHEN 'jumlah_rw_invalid' THEN 'Jumlah RW ''' || jumlah_asli || ''' bukan angka 1-999'
        WHEN 'rw_duplicate' THEN 'Kelurahan yang sama sudah ada di baris sebelumnya'
    END AS keterangan
FROM beralasan;

DELETE FROM referensi_rw WHERE kode_kelurahan IN (SELECT kode_kelurahan FROM rw_cek WHERE alasan IS NULL);

INSERT INTO referensi_rw SELECT kode_kelurahan, jumlah_rw FROM rw_cek WHERE alasan IS NULL;
