-- Cleaning rules shared by every load; created as TEMP macros on each build connection.

CREATE OR REPLACE TEMP MACRO kosong(s) AS coalesce(trim(s), '') = '';

-- 'RW 05', '005', '5' -> 5 (also 'RT 3' -> 3); NULL unless 1-999.
CREATE OR REPLACE TEMP MACRO nomor_rw(s) AS
    CASE WHEN regexp_full_match(regexp_replace(upper(trim(s)), '^R[WT][\s.:]*', ''), '[0-9]{1,4}')
          AND regexp_replace(upper(trim(s)), '^R[WT][\s.:]*', '')::INTEGER BETWEEN 1 AND 999
         THEN regexp_replace(upper(trim(s)), '^R[WT][\s.:]*', '')::SMALLINT END;

CREATE OR REPLACE TEMP MACRO tanggal_baku(s) AS
    try_strptime(trim(s), ['%Y-%m-%d', '%d/%m/%Y', '%d-%m-%Y', '%Y-%m-%d %H:%M:%S'])::DATE;

-- 'Penerima Upah', 'pu', 'P.U' -> 'PU'; '' -> ''; anything else -> NULL.
CREATE OR REPLACE TEMP MACRO segmen_baku(s) AS
    CASE regexp_replace(upper(trim(coalesce(s, ''))), '[\s_\-.]+', ' ', 'g')
         WHEN '' THEN ''
         WHEN 'PU' THEN 'PU' WHEN 'PENERIMA UPAH' THEN 'PU'
         WHEN 'BPU' THEN 'BPU' WHEN 'BUKAN PENERIMA UPAH' THEN 'BPU'
         WHEN 'JAKON' THEN 'JAKON' WHEN 'JASA KONSTRUKSI' THEN 'JAKON'
         WHEN 'PMI' THEN 'PMI' WHEN 'PEKERJA MIGRAN INDONESIA' THEN 'PMI' END;

-- Region code as digits: '31.75.02.1001', '3175021001 ' -> '3175021001'.
CREATE OR REPLACE TEMP MACRO kode_digit(s) AS regexp_replace(coalesce(s, ''), '[\s.]', '', 'g');

-- The dotted code of the first n digits (n = 2, 4, 6 or 10); NULL when there are fewer.
CREATE OR REPLACE TEMP MACRO kode_bertitik(d, n) AS
    CASE WHEN length(d) < n THEN NULL
         WHEN n = 2 THEN d[1:2]
         WHEN n = 4 THEN concat_ws('.', d[1:2], d[3:4])
         WHEN n = 6 THEN concat_ws('.', d[1:2], d[3:4], d[5:6])
         WHEN n = 10 THEN concat_ws('.', d[1:2], d[3:4], d[5:6], d[7:10]) END;

-- A positive whole number as people write it: '42000000', '42.000.000', '42,000,000', '1 000'; else NULL.
CREATE OR REPLACE TEMP MACRO bilangan_bulat(s) AS
    CASE WHEN regexp_full_match(regexp_replace(trim(coalesce(s, '')), '\s', '', 'g'), '[0-9]+')
              THEN try_cast(regexp_replace(trim(s), '\s', '', 'g') AS BIGINT)
         WHEN regexp_full_match(regexp_replace(trim(coalesce(s, '')), '\s', '', 'g'), '[0-9]{1,3}([.,][0-9]{3})+')
              THEN try_cast(regexp_replace(trim(s), '[\s.,]', '', 'g') AS BIGINT) END;

-- A year 2000-2100 as text -> SMALLINT, else NULL.
CREATE OR REPLACE TEMP MACRO tahun_baku(s) AS
    CASE WHEN regexp_full_match(trim(coalesce(s, '')), '[0-9]{4}') AND trim(s)::INTEGER BETWEEN 2000 AND 2100
         THEN trim(s)::SMALLINT END;

-- The dotted region code a reference file names: '' or 'ID' = national ('ID'); NULL when unknown.
CREATE OR REPLACE TEMP MACRO kode_referensi(asli) AS
    CASE WHEN upper(kode_digit(asli)) IN ('', 'ID') THEN 'ID'
         ELSE (SELECT w.kode FROM wilayah w
               WHERE w.kode = kode_bertitik(kode_digit(asli), length(kode_digit(asli)))) END;
