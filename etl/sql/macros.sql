-- Cleaning rules shared by every load; created as TEMP macros on each build connection.

CREATE OR REPLACE TEMP MACRO kosong(s) AS coalesce(trim(s), '') = '';

-- A date in one of the contract's forms (section 1), else NULL: YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY,
-- and DD/MM/YY or DD-MM-YY read as Excel reads them (00-29 are 20xx, 30-99 are 19xx). Strict:
-- no other form, no month 13, no 30 February, no year before 1900. (The as-of bound is the caller's.)
CREATE OR REPLACE TEMP MACRO tanggal_teks(s) AS
    CASE WHEN s IS NULL OR length(s) > 10 OR length(s) < 6 THEN NULL
         WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}')
              THEN try_strptime(s, '%Y-%m-%d')::DATE
         WHEN regexp_full_match(s, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{1,2}-[0-9]{1,2}-[0-9]{4}')
              THEN try_strptime(replace(s, '-', '/'), '%d/%m/%Y')::DATE
         WHEN regexp_full_match(s, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}|[0-9]{1,2}-[0-9]{1,2}-[0-9]{2}')
              THEN try_strptime(replace(left(s, length(s) - 3), '-', '/') || '/'
                                || CASE WHEN right(s, 2)::INTEGER < 30 THEN '20' ELSE '19' END || right(s, 2), '%d/%m/%Y')::DATE
    END;

-- tanggal_teks, and NULL for a date before 1900 or after `batas` (the as-of date: a registration
-- or a birth cannot be later than the data).
CREATE OR REPLACE TEMP MACRO tanggal_baku(s, batas) AS
    CASE WHEN tanggal_teks(s) BETWEEN DATE '1900-01-01' AND batas THEN tanggal_teks(s) END;

-- The month of a last contribution: YYYY-MM, or a date whose month is taken; NULL for any other
-- form or a month after the as-of month.
CREATE OR REPLACE TEMP MACRO bulan_baku(s, batas) AS
    CASE WHEN s IS NULL THEN NULL
         WHEN regexp_full_match(s, '[0-9]{4}-[0-9]{1,2}') THEN
              CASE WHEN try_strptime(s, '%Y-%m')::DATE BETWEEN DATE '1900-01-01' AND date_trunc('month', batas)
                   THEN try_strptime(s, '%Y-%m')::DATE END
         ELSE date_trunc('month', tanggal_baku(s, batas))::DATE END;

-- 'Penerima Upah', 'pu', 'P.U', 'B.P.U' -> the code; '' -> ''; anything else -> NULL.
-- Compared without spaces, dots, hyphens or underscores.
CREATE OR REPLACE TEMP MACRO segmen_baku(s) AS
    CASE regexp_replace(upper(trim(coalesce(s, ''))), '[\s_\-.]+', '', 'g')
         WHEN '' THEN ''
         WHEN 'PU' THEN 'PU' WHEN 'PENERIMAUPAH' THEN 'PU'
         WHEN 'BPU' THEN 'BPU' WHEN 'BUKANPENERIMAUPAH' THEN 'BPU'
         WHEN 'JAKON' THEN 'JAKON' WHEN 'JASAKONSTRUKSI' THEN 'JAKON'
         WHEN 'PMI' THEN 'PMI' WHEN 'PEKERJAMIGRANINDONESIA' THEN 'PMI' END;

-- A value that went through a number: scientific form. The reader hands a number cell or a
-- Parquet float in a region code column on so, with the significant digits the number kept
-- (15 for Excel and float64: 32.1 is '3.21000000000000e+01'); a CSV may hold the same form.
CREATE OR REPLACE TEMP MACRO angka_ilmiah(s) AS
    regexp_full_match(coalesce(s, ''), '[-+]?[0-9]+(\.[0-9]*)?[eE][-+]?[0-9]+');

-- A number in scientific form as plain decimal text without trailing zeros ('32.1',
-- '3175021001'), worked out on its digits (no float arithmetic). NULL when its written digits
-- stop before the units ('3.17502E+09': the last digits were lost) or it is too large for a code.
CREATE OR REPLACE TEMP MACRO angka_desimal(s) AS
    CASE WHEN length(ltrim(regexp_replace(split_part(lower(s), 'e', 1), '[^0-9]', '', 'g'), '0'))
              >= length(regexp_replace(split_part(try_cast(s AS DECIMAL(38, 14))::VARCHAR, '.', 1), '^-?0?', ''))
         THEN rtrim(rtrim(try_cast(s AS DECIMAL(38, 14))::VARCHAR, '0'), '.') END;

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
