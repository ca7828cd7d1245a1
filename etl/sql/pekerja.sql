-- Grain: one row per workforce-reference input row, checked (pekerja_cek). Then the good rows
-- replace the working population of the same (kode_wilayah, tahun).

CREATE OR REPLACE TEMP TABLE pekerja_cek AS
WITH dibaca AS (
    SELECT
        berkas_ke, baris,
        kode_wilayah AS kode_asli,
        trim(coalesce(tahun, '')) AS tahun_asli,
        trim(coalesce(pekerja, '')) AS pekerja_asli
    FROM pekerja_mentah
),
dinilai AS (
    SELECT
        *,
        kode_referensi(kode_asli) AS kode_wilayah,
        tahun_baku(tahun_asli) AS tahun,
        bilangan_bulat(pekerja_asli) AS pekerja
    FROM dibaca
),
beralasan AS (
    SELECT
        *,
        CASE WHEN kode_wilayah IS NULL THEN 'wilayah_invalid'
             WHEN tahun IS NULL THEN 'tahun_invalid'
             WHEN pekerja IS NULL OR pekerja <= 0 THEN 'pekerja_invalid'
             WHEN row_number() OVER (PARTITION BY kode_wilayah, tahun ORDER BY berkas_ke, baris) > 1
                  THEN 'pekerja_duplicate' END AS alasan
    FROM dinilai
)
SELECT
    *,
    CASE alasan
        WHEN 'wilayah_invalid' THEN 'Kode wilayah ''' || coalesce(kode_asli, '') || ''' tidak ada di daftar Kemendagri'
        WHEN 'tahun_invalid' THEN 'Tahun ''' || tahun_asli || ''' bukan tahun 2000-2100'
        WHEN 'pekerja_invalid' THEN 'Jumlah pekerja ''' || pekerja_asli || ''' bukan bilangan bulat positif'
        WHEN 'pekerja_duplicate' THEN 'Wilayah dan tahun yang sama sudah ada di baris sebelumnya'
    END AS keterangan
FROM beralasan;

DELETE FROM referensi_pekerja
WHERE (kode_wilayah, tahun) IN (SELECT (kode_wilayah, tahun) FROM pekerja_cek WHERE alasan IS NULL);

INSERT INTO referensi_pekerja
SELECT kode_wilayah, tahun, pekerja FROM pekerja_cek WHERE alasan IS NULL;
