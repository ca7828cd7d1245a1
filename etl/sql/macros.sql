-- Cleaning rules shared by every load; created as TEMP macros on each build connection.

CREATE OR REPLACE TEMP MACRO kosong(s) AS coalesce(trim(s), '') = '';

-- 'RW 05', '005', '5', '5.0' (a number that went through pandas) -> 5 (also 'RT 3' -> 3);
-- NULL unless 1-999.
CREATE OR REPLACE TEMP MACRO nomor_rw(s) AS
    CASE WHEN regexp_full_match(regexp_replace(upper(trim(s)), '^R[WT][\s.:]*|[.,]0+$', '', 'g'), '[0-9]{1,4}')
          AND regexp_replace(upper(trim(s)), '^R[WT][\s.:]*|[.,]0+$', '', 'g')::INTEGER BETWEEN 1 AND 999
         THEN regexp_replace(upper(trim(s)), '^R[WT][\s.:]*|[.,]0+$', '', 'g')::SMALLINT END;

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

-- Region code as digits: '31.75.02.1001', '3175021001 ', '3175021001.0' (pandas' float) -> '3175021001'.
CREATE OR REPLACE TEMP MACRO kode_digit(s) AS
    CASE WHEN regexp_full_match(s, '[0-9]{2,10}\.0+') THEN split_part(s, '.', 1)
         ELSE regexp_replace(coalesce(s, ''), '[\s.]', '', 'g') END;

-- The digits to look a code up by. A dotted code counts only its parts of the right length,
-- from the left ('32.1.1.1001' -> '32': its kabupaten part is not 2 digits), so a lost leading
-- zero never moves a person to another region; a plain code is its digits (a float's '.0' dropped).
CREATE OR REPLACE TEMP MACRO kode_cari(s) AS
    CASE WHEN NOT contains(coalesce(s, ''), '.') OR regexp_full_match(s, '[0-9]{2,10}\.0+') THEN kode_digit(s)
         ELSE replace(regexp_extract(replace(s, ' ', ''),
                      '^([0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?)(?:\.|$)', 1), '.', '') END;

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

-- The only code a number can be (contract section 1, "Region codes stored as a number"), from
-- its decimal text `d`: a whole number is its digits ('3175021001'; no code part is 00, so it
-- is no dotted code that lost its decimals); a two-digit whole part with one or two decimals
-- is a kab/kota code, its trailing zero restored ('32.1' -> '32.10', never '32.01'). Anything
-- else (more decimals: '32.099999'; another whole part: '3.2', '3210.5') has more than one
-- reading or none: NULL.
CREATE OR REPLACE TEMP MACRO kode_dari_angka(d) AS
    CASE WHEN regexp_full_match(d, '[0-9]+') THEN d
         WHEN regexp_full_match(d, '[0-9]{2}\.[0-9]{1,2}') THEN rpad(d, 5, '0') END;

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
