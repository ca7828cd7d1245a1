-- The SQL side of a region code's rules (kode_wilayah/__init__.py is the Python side; the two are
-- held to the same table of codes by tests/test_kode_wilayah.py). Created as TEMP macros on each
-- build connection (etl/build.py), before etl/sql/macros.sql. Shapes: 'ID', '31', '31.75',
-- '31.75.02', '31.75.02.1001', an RW '31.75.02.1001.05'; prefixes of 2, 5, 8 and 13 characters.

-- The level a dotted code names by its shape (KodeWilayah.tingkat); NULL for any other shape or
-- an RW outside 1-999.
CREATE OR REPLACE TEMP MACRO kode_tingkat(k) AS
    CASE WHEN k = 'ID' THEN 'nasional'
         WHEN regexp_full_match(k, '[0-9]{2}') THEN 'provinsi'
         WHEN regexp_full_match(k, '[0-9]{2}\.[0-9]{2}') THEN 'kabkota'
         WHEN regexp_full_match(k, '[0-9]{2}\.[0-9]{2}\.[0-9]{2}') THEN 'kecamatan'
         WHEN regexp_full_match(k, '[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}') THEN 'kelurahan'
         WHEN regexp_full_match(k, '[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}\.[0-9]{1,3}')
              AND try_cast(k[15:] AS INTEGER) BETWEEN 1 AND 999 THEN 'rw' END;

-- The characters of a code's prefix at a level (KodeWilayah.awalan).
CREATE OR REPLACE TEMP MACRO kode_panjang(tingkat) AS
    CASE tingkat WHEN 'provinsi' THEN 2 WHEN 'kabkota' THEN 5 WHEN 'kecamatan' THEN 8 WHEN 'kelurahan' THEN 13 END;

-- The prefix of code k at a level (provinsi to kelurahan); NULL when k is not that deep.
CREATE OR REPLACE TEMP MACRO kode_awalan(k, tingkat) AS
    CASE WHEN length(k) >= kode_panjang(tingkat) THEN left(k, kode_panjang(tingkat)) END;

-- Is code k the place `induk` or below it (KodeWilayah.mencakup)? The nation holds every place.
CREATE OR REPLACE TEMP MACRO kode_mencakup(induk, k) AS
    induk = 'ID' OR k = induk OR starts_with(k, induk || '.');

-- An RW's code from its kelurahan's code and its number: ('31.75.02.1001', 5) -> '31.75.02.1001.05',
-- 123 -> '31.75.02.1001.123' (printf, not lpad: lpad cuts '123' to '12').
CREATE OR REPLACE TEMP MACRO kode_rw(kelurahan, nomor) AS
    kelurahan || '.' || printf('%02d', nomor);

-- 'RW 05', '005', '5', '5.0' (a number that went through pandas) -> 5 (also 'RT 3' -> 3);
-- NULL unless 1-999.
CREATE OR REPLACE TEMP MACRO nomor_rw(s) AS
    CASE WHEN regexp_full_match(regexp_replace(upper(trim(s)), '^R[WT][\s.:]*|[.,]0+$', '', 'g'), '[0-9]{1,4}')
          AND regexp_replace(upper(trim(s)), '^R[WT][\s.:]*|[.,]0+$', '', 'g')::INTEGER BETWEEN 1 AND 999
         THEN regexp_replace(upper(trim(s)), '^R[WT][\s.:]*|[.,]0+$', '', 'g')::SMALLINT END;

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

-- The code of 2, 4, 6 or 10 digits without dots ('3175021001' -> '31.75.02.1001'); NULL for any
-- other (kode_wilayah.dari_digit).
CREATE OR REPLACE TEMP MACRO kode_dari_digit(d) AS
    CASE WHEN regexp_full_match(d, '[0-9]{2}|[0-9]{4}|[0-9]{6}|[0-9]{10}') THEN kode_bertitik(d, length(d)) END;

-- The dotted region code a reference file names: '' or 'ID' = national ('ID'); NULL when unknown.
CREATE OR REPLACE TEMP MACRO kode_referensi(asli) AS
    CASE WHEN upper(kode_digit(asli)) IN ('', 'ID') THEN 'ID'
         ELSE (SELECT w.kode FROM wilayah w
               WHERE w.kode = kode_dari_digit(kode_digit(asli))) END;

