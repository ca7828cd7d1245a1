-- Grain: one row per target-file input row, checked (target_cek). Then the good rows replace
-- the targets with the same (kode_wilayah, tahun, segmen).

CREATE OR REPLACE TEMP TABLE target_cek AS
WITH dibaca AS (
    SELECT
        berkas_ke, baris,
        kode_wilayah AS kode_asli,
        trim(coalesce(tahun, '')) AS tahun_asli,
        segmen AS segmen_asli,
        trim(coalesce(target, '')) AS target_asli
    FROM target_mentah
),
dinilai AS (
    SELECT
        *,
        kode_referensi(kode_asli) AS kode_wilayah,
        tahun_baku(tahun_asli) AS tahun,
        CASE WHEN upper(trim(coalesce(segmen_asli, ''))) IN ('', 'SEMUA') THEN 'SEMUA'
             ELSE segmen_baku(segmen_asli) END AS segmen,
        bilangan_bulat(target_asli) AS target
    FROM dibaca
),
beralasan AS (
    SELECT
        *,
        CASE WHEN kode_wilayah IS NULL THEN 'wilayah_invalid'
             WHEN tahun IS NULL THEN 'tahun_invalid'
             WHEN segmen IS NULL THEN 'segmen_invalid'
             WHEN target IS NULL OR target <= 0 THEN 'target_invalid'
             WHEN row_number() OVER (PARTITION BY kode_wilayah, tahun, segmen ORDER BY berkas_ke, baris) > 1
                  THEN 'target_duplicate' END AS alasan
    FROM dinilai
)
SELECT
    *,
    CASE alasan
        WHEN 'wilayah_invalid' THEN 'Kode wilayah ''' || coalesce(kode_asli, '') || ''' tidak ada di daftar Kemendagri'
        WHEN 'tahun_invalid' THEN 'Tahun ''' || tahun_asli || ''' bukan tahun 2000-2100'
        WHEN 'segmen_invalid' THEN 'Segmen tidak dikenal; pakai PU, BPU, JAKON, PMI atau kosong'
        WHEN 'target_invalid' THEN 'Target ''' || target_asli || ''' bukan bilangan bulat positif'
        WHEN 'target_duplicate' THEN 'Wilayah, tahun dan segmen yang sama sudah ada di baris sebelumnya'
    END AS keterangan
FROM beralasan;

DELETE FROM target
WHERE (kode_wilayah, tahun, segmen) IN (SELECT (kode_wilayah, tahun, segmen) FROM target_cek WHERE alasan IS NULL);

INSERT INTO target
SELECT kode_wilayah, tahun, segmen, target FROM target_cek WHERE alasan IS NULL;
