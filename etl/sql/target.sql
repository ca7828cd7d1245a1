-- Grain: one row per target-file input row, checked (target_cek). Then the good rows replace
-- the targets with the same (kode_wilayah, tahun, segmen).

CREATE OR REPLACE TEMP TABLE target_cek AS
WITH dibaca AS (
    SELECT
        berkas_ke, baris,
        kode_wilayah AS kode_asli,
        regexp_replace(coalesce(kode_wilayah, ''), '[\s.]', '', 'g') AS kode_digit,
        trim(coalesce(tahun, '')) AS tahun_asli,
        regexp_replace(upper(trim(coalesce(segmen, ''))), '[\s_\-.]+', ' ', 'g') AS segmen_bersih,
        regexp_replace(trim(coalesce(target, '')), '\s', '', 'g') AS target_asli
    FROM target_mentah
),
dinilai AS (
    SELECT
        d.*,
        CASE WHEN d.kode_digit IN ('', 'ID') OR upper(d.kode_digit) = 'ID' THEN 'ID' ELSE w.kode END AS kode_wilayah,
        CASE WHEN regexp_full_match(d.tahun_asli, '[0-9]{4}') AND d.tahun_asli::INTEGER BETWEEN 2000 AND 2100
             THEN d.tahun_asli::SMALLINT END AS tahun,
        CASE d.segmen_bersih
             WHEN '' THEN 'SEMUA' WHEN 'SEMUA' THEN 'SEMUA'
             WHEN 'PU' THEN 'PU' WHEN 'PENERIMA UPAH' THEN 'PU'
             WHEN 'BPU' THEN 'BPU' WHEN 'BUKAN PENERIMA UPAH' THEN 'BPU'
             WHEN 'JAKON' THEN 'JAKON' WHEN 'JASA KONSTRUKSI' THEN 'JAKON'
             WHEN 'PMI' THEN 'PMI' WHEN 'PEKERJA MIGRAN INDONESIA' THEN 'PMI' END AS segmen,
        CASE WHEN regexp_full_match(d.target_asli, '[0-9]+') THEN try_cast(d.target_asli AS BIGINT)
             WHEN regexp_full_match(d.target_asli, '[0-9]{1,3}([.,][0-9]{3})+')
                  THEN try_cast(regexp_replace(d.target_asli, '[.,]', '', 'g') AS BIGINT) END AS target
    FROM dibaca d
    LEFT JOIN wilayah w
      ON w.kode = CASE length(d.kode_digit)
                     WHEN 2 THEN d.kode_digit
                     WHEN 4 THEN concat_ws('.', d.kode_digit[1:2], d.kode_digit[3:4])
                     WHEN 6 THEN concat_ws('.', d.kode_digit[1:2], d.kode_digit[3:4], d.kode_digit[5:6])
                     WHEN 10 THEN concat_ws('.', d.kode_digit[1:2], d.kode_digit[3:4], d.kode_digit[5:6], d.kode_digit[7:10])
                  END
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
