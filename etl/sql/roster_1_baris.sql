-- Grain: one row per well-formed roster input row, cleaned and checked (stg.baris).
-- Staging only renames, casts and cleans. A valid NIK stays here as its number (nik, BIGINT: 16
-- digits fit), in the load's scratch schema only: roster_2_orang.sql dedupes on it and hashes the
-- persons it keeps (docs/security.md, "The NIK during a load").
-- Uses the macros of macros.sql and kode_wilayah/kode_wilayah.sql (the code rules).
-- Parameters: $as_of DATE, $grace INTEGER (months).

CREATE OR REPLACE TABLE stg.baris AS
WITH
-- Every rule that reads one column is worked out once per distinct value (a roster repeats its
-- codes, dates and words millions of times) and joined back on that value.
-- A code that went through a number (scientific form, from the reader) is read as the only code
-- it can be, kode_baca (contract: "Region codes stored as a number"; NULL: more than one reading,
-- rejected), and shown as the sheet showed it, kode_tampil ('32.1'). Text is read as it is.
angka_wilayah AS (
    SELECT kode_asli, angka, CASE WHEN angka THEN angka_desimal(kode_asli) END AS desimal
    FROM (SELECT kode_asli, angka_ilmiah(kode_asli) AS angka FROM (SELECT DISTINCT kode_wilayah AS kode_asli FROM stg.mentah))
),
peta_wilayah AS (
    SELECT
        kode_asli,
        CASE WHEN angka THEN coalesce(desimal, kode_asli) ELSE kode_asli END AS kode_tampil,
        angka AND kode_baca IS NOT NULL AND contains(desimal, '.') AS wilayah_angka,
        angka AND kode_baca IS NULL AS wilayah_ambigu,
        kode_digit(kode_baca) AS kode_digit,
        kode_cari(kode_baca) AS kode_cari
    FROM (SELECT *, CASE WHEN angka THEN kode_dari_angka(desimal) ELSE kode_asli END AS kode_baca FROM angka_wilayah)
),
wilayah_kandidat AS (
    SELECT
        *,
        regexp_full_match(kode_cari, '[0-9]+') AS kode_angka,
        kode_bertitik(kode_cari, 10) AS k4,
        kode_bertitik(kode_cari, 6) AS k3,
        kode_bertitik(kode_cari, 4) AS k2,
        kode_bertitik(kode_cari, 2) AS k1
    FROM peta_wilayah
),
-- The deepest prefix in today's list; but a code from before the 2022 Papua split (kode_lama)
-- deeper than that goes to today's region it became, at the deepest level it is mapped.
dipetakan AS (
    SELECT
        c.*,
        coalesce(w4.kode, w3.kode, w2.kode, w1.kode) AS kode_sekarang,
        CASE WHEN w4.kode IS NULL AND l4.kode IS NOT NULL THEN l4.kode_lama
             WHEN w4.kode IS NULL AND w3.kode IS NULL AND l3.kode IS NOT NULL THEN l3.kode_lama
             WHEN w4.kode IS NULL AND w3.kode IS NULL AND w2.kode IS NULL AND l2.kode IS NOT NULL THEN l2.kode_lama
        END AS kode_lama,
        CASE WHEN w4.kode IS NULL AND l4.kode IS NOT NULL THEN l4.kode
             WHEN w4.kode IS NULL AND w3.kode IS NULL AND l3.kode IS NOT NULL THEN l3.kode
             WHEN w4.kode IS NULL AND w3.kode IS NULL AND w2.kode IS NULL AND l2.kode IS NOT NULL THEN l2.kode
        END AS kode_baru
    FROM wilayah_kandidat c
    LEFT JOIN wilayah w4 ON w4.kode = c.k4
    LEFT JOIN wilayah w3 ON w3.kode = c.k3
    LEFT JOIN wilayah w2 ON w2.kode = c.k2
    LEFT JOIN wilayah w1 ON w1.kode = c.k1
    LEFT JOIN kode_lama l4 ON l4.kode_lama = c.k4
    LEFT JOIN kode_lama l3 ON l3.kode_lama = c.k3
    LEFT JOIN kode_lama l2 ON l2.kode_lama = c.k2
),
wilayah_baku AS (
    SELECT kode_asli, kode_tampil, wilayah_angka, wilayah_ambigu, kode_digit, kode_lama,
           CASE WHEN kode_angka THEN coalesce(kode_baru, kode_sekarang) END AS kode_wilayah
    FROM dipetakan
),
tanggal_peta AS (
    SELECT s, tanggal_baku(s, $as_of::DATE) AS tanggal
    FROM (SELECT DISTINCT tanggal_lahir AS s FROM stg.mentah UNION SELECT DISTINCT tanggal_daftar FROM stg.mentah)
),
bulan_peta AS (
    SELECT s, bulan_baku(s, $as_of::DATE) AS bulan FROM (SELECT DISTINCT bulan_iuran_terakhir AS s FROM stg.mentah)
),
nomor_peta AS (
    SELECT s, nomor_rw(s) AS nomor FROM (SELECT DISTINCT rw AS s FROM stg.mentah UNION SELECT DISTINCT rt FROM stg.mentah)
),
segmen_peta AS (
    SELECT s, coalesce(nullif(segmen_baku(s), ''), 'TIDAK_DIKETAHUI') AS segmen FROM (SELECT DISTINCT segmen AS s FROM stg.mentah)
),
program_peta AS (
    SELECT s, list_filter(string_split_regex(upper(trim(coalesce(s, ''))), '[,;/+\s]+'), lambda c: c <> '') AS kode_program
    FROM (SELECT DISTINCT program AS s FROM stg.mentah)
),
kata_peta AS (  -- free text: spaces made single once per distinct value
    SELECT s, nullif(regexp_replace(trim(s), '\s+', ' ', 'g'), '') AS kata
    FROM (SELECT DISTINCT pekerjaan AS s FROM stg.mentah UNION SELECT DISTINCT kantor_cabang FROM stg.mentah)
),
status_peta AS (
    SELECT s,
        CASE regexp_replace(upper(trim(coalesce(s, ''))), '[\s_\-]+', '', 'g')
             WHEN 'AKTIF' THEN 'AKTIF' WHEN 'NONAKTIF' THEN 'NONAKTIF' WHEN 'TIDAKAKTIF' THEN 'NONAKTIF'
             END AS status
    FROM (SELECT DISTINCT status AS s FROM stg.mentah)
),
sumber_peta AS (
    SELECT s, regexp_replace(upper(trim(coalesce(s, ''))), '[\s\-]+', '_', 'g') AS sumber_bersih
    FROM (SELECT DISTINCT sumber_iuran AS s FROM stg.mentah)
),
dibaca AS (
    SELECT
        m.berkas_ke,
        m.baris,
        CASE WHEN regexp_full_match(m.nik, '[0-9]{16}') THEN m.nik  -- most NIKs are clean already
             ELSE regexp_replace(regexp_replace(coalesce(m.nik, ''), '\s+', '', 'g'), '^[''"]+|"+$', '', 'g') END AS nik_bersih,
        nullif(trim(m.kpj), '') AS kpj,
        tl.tanggal AS tanggal_lahir,
        CASE WHEN upper(trim(m.jenis_kelamin)) IN ('L', 'LAKI-LAKI', 'LAKI LAKI', 'LAKILAKI', 'PRIA') THEN 'L'
             WHEN upper(trim(m.jenis_kelamin)) IN ('P', 'PEREMPUAN', 'WANITA') THEN 'P' END AS jenis_kelamin,
        m.segmen AS segmen_asli,
        sg.segmen,
        m.program AS program_asli,
        pg.kode_program,
        kp.kata AS pekerjaan,
        w.kode_tampil AS kode_asli,
        w.wilayah_angka,
        w.wilayah_ambigu,
        w.kode_digit,
        w.kode_lama,
        w.kode_wilayah,
        m.rw AS rw_asli,
        nw.nomor AS rw,
        nt.nomor AS rt,
        kc.kata AS kantor_cabang,
        m.tanggal_daftar AS tanggal_daftar_asli,
        td.tanggal AS tanggal_daftar,
        st.status,
        bl.bulan AS bulan_iuran_terakhir,
        m.sumber_iuran AS sumber_asli,
        sb.sumber_bersih,
        CASE WHEN upper(trim(m.pekerja_rentan)) IN ('Y', 'YA', '1', 'TRUE') THEN true
             WHEN upper(trim(m.pekerja_rentan)) IN ('N', 'TIDAK', '0', 'FALSE') THEN false END AS pekerja_rentan
    FROM stg.mentah m
    LEFT JOIN wilayah_baku w ON w.kode_asli IS NOT DISTINCT FROM m.kode_wilayah
    LEFT JOIN tanggal_peta tl ON tl.s IS NOT DISTINCT FROM m.tanggal_lahir
    LEFT JOIN tanggal_peta td ON td.s IS NOT DISTINCT FROM m.tanggal_daftar
    LEFT JOIN bulan_peta bl ON bl.s IS NOT DISTINCT FROM m.bulan_iuran_terakhir
    LEFT JOIN nomor_peta nw ON nw.s IS NOT DISTINCT FROM m.rw
    LEFT JOIN nomor_peta nt ON nt.s IS NOT DISTINCT FROM m.rt
    LEFT JOIN segmen_peta sg ON sg.s IS NOT DISTINCT FROM m.segmen
    LEFT JOIN program_peta pg ON pg.s IS NOT DISTINCT FROM m.program
    LEFT JOIN kata_peta kp ON kp.s IS NOT DISTINCT FROM m.pekerjaan
    LEFT JOIN kata_peta kc ON kc.s IS NOT DISTINCT FROM m.kantor_cabang
    LEFT JOIN status_peta st ON st.s IS NOT DISTINCT FROM m.status
    LEFT JOIN sumber_peta sb ON sb.s IS NOT DISTINCT FROM m.sumber_iuran
),
dinilai AS (
    SELECT
        *,
        regexp_full_match(nik_bersih, '[0-9]{16}') AS nik_sah,
        -- A NIK that went through a number: scientific notation or a decimal ending (contract: nik_angka).
        -- Also a number shown with thousands separators (3.175.015.001.900.000).
        NOT regexp_full_match(nik_bersih, '[0-9]{16}')
            AND regexp_full_match(nik_bersih, '[0-9]+([.,][0-9]*)?[eE][+]?[0-9]+|[0-9]{12,}[.,][0-9]*|[0-9]{1,3}([.,][0-9]{3}){4,}([.,][0-9]+)?') AS nik_angka,
        CASE WHEN bulan_iuran_terakhir IS NOT NULL
                  THEN bulan_iuran_terakhir >= date_trunc('month', $as_of::DATE) - to_months($grace::INTEGER)
             WHEN status IS NOT NULL THEN status = 'AKTIF'
             ELSE false END AS aktif
    FROM dibaca
),
-- Loaded: a good NIK and a region code with at most one reading.
dimuat AS (SELECT *, nik_sah AND NOT wilayah_ambigu AS dimuat FROM dinilai)
SELECT
    berkas_ke,
    baris,
    nik_sah,
    dimuat,
    CASE WHEN dimuat THEN NULL WHEN nik_angka THEN 'nik_angka' WHEN NOT nik_sah THEN 'nik_invalid'
         ELSE 'wilayah_angka_ambigu' END AS alasan,
    CASE WHEN nik_sah THEN nik_bersih::BIGINT END AS nik,  -- 16 digits: leading zeros come back in lpad
    CASE WHEN length(nik_bersih) >= 8 THEN left(nik_bersih, 4) || repeat('*', length(nik_bersih) - 4)
         ELSE repeat('*', length(nik_bersih)) END AS nik_samaran,
    -- A rejected row's region and segment as given, for baris_ditolak (the staged rows are dropped here).
    CASE WHEN NOT dimuat THEN kode_asli END AS kode_ditolak,
    CASE WHEN NOT dimuat THEN segmen_asli END AS segmen_ditolak,
    CASE WHEN dimuat THEN NULL
         WHEN nik_sah THEN 'Kode wilayah ' || kode_asli || ' tersimpan sebagai angka dan tidak bisa dibaca sebagai satu kode pasti: format kolom kode_wilayah sebagai teks'
         WHEN nik_angka THEN 'NIK tersimpan sebagai angka, digit terakhirnya hilang: format kolom NIK sebagai teks'
         WHEN nik_bersih = '' THEN 'NIK kosong'
         WHEN NOT regexp_full_match(nik_bersih, '[0-9]+') THEN 'NIK berisi karakter selain angka'
         ELSE 'NIK berisi ' || length(nik_bersih) || ' digit, harus 16' END AS keterangan,
    kpj,
    year(tanggal_lahir)::SMALLINT AS tahun_lahir,
    jenis_kelamin,
    segmen,
    list_contains(kode_program, 'JKK') AS jkk,
    list_contains(kode_program, 'JKM') AS jkm,
    list_contains(kode_program, 'JHT') AS jht,
    list_contains(kode_program, 'JP') AS jp,
    list_contains(kode_program, 'JKP') AS jkp,
    pekerjaan,
    kode_wilayah,
    kode_awalan(kode_wilayah, 'provinsi') AS kode_provinsi,
    kode_awalan(kode_wilayah, 'kabkota') AS kode_kabkota,
    kode_awalan(kode_wilayah, 'kecamatan') AS kode_kecamatan,
    kode_awalan(kode_wilayah, 'kelurahan') AS kode_kelurahan,
    rw,
    rt,
    kantor_cabang,
    tanggal_daftar,
    status,
    bulan_iuran_terakhir,
    CASE WHEN sumber_bersih = '' THEN NULL
         WHEN sumber_bersih IN ('MANDIRI', 'PEMBERI_KERJA', 'APBD', 'CSR', 'LAINNYA') THEN sumber_bersih
         ELSE 'LAINNYA' END AS sumber_iuran,
    pekerja_rentan,
    aktif,
    -- What the row was flagged for, with the value as given (NULL = not flagged).
    CASE WHEN segmen = 'TIDAK_DIKETAHUI' THEN coalesce(segmen_asli, '') END AS tanda_segmen_invalid,
    CASE WHEN len(list_filter(kode_program, lambda c: c NOT IN ('JKK', 'JKM', 'JHT', 'JP', 'JKP'))) > 0
         THEN program_asli END AS tanda_program_invalid,
    CASE WHEN kode_wilayah IS NOT NULL AND kode_digit(coalesce(kode_lama, kode_wilayah)) <> kode_digit
         THEN kode_asli END AS tanda_wilayah_invalid,
    CASE WHEN kode_lama IS NOT NULL THEN kode_asli END AS tanda_wilayah_lama,
    CASE WHEN wilayah_angka THEN kode_asli END AS tanda_wilayah_angka,
    CASE WHEN kode_wilayah IS NULL THEN coalesce(kode_asli, '') END AS tanda_wilayah_unknown,
    CASE WHEN NOT kosong(rw_asli) AND rw IS NULL THEN rw_asli END AS tanda_rw_invalid,
    CASE WHEN NOT kosong(tanggal_daftar_asli) AND tanggal_daftar IS NULL THEN tanggal_daftar_asli END AS tanda_tanggal_daftar_invalid,
    CASE WHEN sumber_bersih NOT IN ('', 'MANDIRI', 'PEMBERI_KERJA', 'APBD', 'CSR', 'LAINNYA') THEN sumber_asli END AS tanda_sumber_iuran_invalid,
    CASE WHEN bulan_iuran_terakhir IS NULL AND status IS NULL THEN '' END AS tanda_status_unknown
FROM dimuat;

-- The staged text is no longer needed: its memory goes to the window pass and the rollups.
DROP TABLE stg.mentah;
