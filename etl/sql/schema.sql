-- The warehouse's tables. Each states its grain. Codes are Kemendagri codes, dotted.
-- Created once in a new warehouse; every later build is a copy that keeps them.

-- Grain: one row, the version of this schema. A warehouse of another version is rebuilt, not patched.
CREATE TABLE IF NOT EXISTS versi_skema (versi INTEGER NOT NULL);

-- Grain: one row per region (provinsi, kabupaten/kota, kecamatan, kelurahan/desa).
CREATE TABLE IF NOT EXISTS wilayah (
    kode        VARCHAR PRIMARY KEY,   -- '31', '31.75', '31.75.02', '31.75.02.1001'
    nama        VARCHAR NOT NULL,
    tingkat     TINYINT NOT NULL,      -- 1 provinsi, 2 kabupaten/kota, 3 kecamatan, 4 kelurahan/desa
    jenis       VARCHAR NOT NULL,      -- provinsi, kabupaten, kota, kecamatan, distrik, kelurahan, desa, desa_adat
    kode_induk  VARCHAR                -- parent code; NULL for a provinsi
);

-- Grain: one row per snapshot (as-of date).
CREATE TABLE IF NOT EXISTS snapshot (
    tanggal_data  DATE PRIMARY KEY,
    dimuat_pada   TIMESTAMP NOT NULL,
    peserta       BIGINT NOT NULL,      -- distinct persons
    peserta_aktif BIGINT NOT NULL,
    ada_rincian   BOOLEAN NOT NULL,     -- person-level rows still kept for this snapshot
    ada_arus      BOOLEAN NOT NULL      -- ringkas_wilayah.baru/berhenti known (previous snapshot's persons were kept)
);

-- History (persons and rollups) lives in Parquet partitions beside the build, written once by the
-- load of their snapshot (warehouse/partisi.py, issue 33). Schema kerangka holds each history
-- table's shape, empty; the views of the same names in main (peserta, ringkas_wilayah,
-- ringkas_rw, ringkas_pekerjaan) read the files `partisi` lists, or the empty shape before any.
CREATE SCHEMA IF NOT EXISTS kerangka;

-- Grain: one row per Parquet file a build serves.
CREATE TABLE IF NOT EXISTS partisi (
    tabel          VARCHAR NOT NULL,      -- peserta, ringkas_wilayah, ringkas_rw, ringkas_pekerjaan, ringkas_jatuh_tempo
    tanggal_awal   DATE NOT NULL,         -- its first and last snapshot
    tanggal_akhir  DATE NOT NULL,
    jumlah_tanggal INTEGER NOT NULL,      -- 1: one snapshot's file; more: compacted rollups
    berkas         VARCHAR PRIMARY KEY,   -- path under <data>/warehouse/partisi/
    baris          BIGINT NOT NULL,
    bita           BIGINT NOT NULL        -- file size, bytes
);

-- Grain: one row per person (keyed NIK hash) per snapshot. Kept for recent snapshots only.
CREATE TABLE IF NOT EXISTS kerangka.peserta (
    tanggal_data      DATE NOT NULL,
    nik_hash          UHUGEINT NOT NULL,  -- first 128 bits of HMAC-SHA256(key, NIK); never the NIK
    kpj               VARCHAR,
    tahun_lahir       SMALLINT,           -- the year only: the full birth date is not needed
    jenis_kelamin     VARCHAR,            -- 'L' / 'P'
    segmen            VARCHAR NOT NULL,   -- PU, BPU, JAKON, PMI, TIDAK_DIKETAHUI
    jkk BOOLEAN NOT NULL, jkm BOOLEAN NOT NULL, jht BOOLEAN NOT NULL,
    jp  BOOLEAN NOT NULL, jkp BOOLEAN NOT NULL,
    pekerjaan         VARCHAR,
    kode_wilayah      VARCHAR,            -- deepest known region; NULL = wilayah tidak diketahui
    kode_provinsi     VARCHAR,
    kode_kabkota      VARCHAR,
    kode_kecamatan    VARCHAR,
    kode_kelurahan    VARCHAR,
    rw                SMALLINT,
    rt                SMALLINT,
    kantor_cabang     VARCHAR,
    tanggal_daftar    DATE,
    status            VARCHAR,            -- AKTIF / NONAKTIF as given
    bulan_iuran_terakhir DATE,            -- first day of the month
    sumber_iuran      VARCHAR,            -- MANDIRI, PEMBERI_KERJA, APBD, CSR, LAINNYA
    pekerja_rentan    BOOLEAN,
    aktif             BOOLEAN NOT NULL,   -- aktif membayar iuran on tanggal_data
    jumlah_baris      INTEGER NOT NULL    -- roster rows merged into this person
);

-- Grain: one row per rejected input row. No name, NIK masked.
CREATE TABLE IF NOT EXISTS baris_ditolak (
    tanggal_data  DATE,                   -- NULL for targets / RW / workforce files
    jenis_berkas  VARCHAR NOT NULL,       -- peserta, target, rw, pekerja
    berkas        VARCHAR NOT NULL,
    baris         BIGINT NOT NULL,        -- line in the file (row number for XLSX/Parquet)
    alasan        VARCHAR NOT NULL,       -- nik_invalid, row_malformed, ...
    keterangan    VARCHAR NOT NULL,
    nik_samaran   VARCHAR,
    kode_wilayah  VARCHAR,
    segmen        VARCHAR
);

-- Grain: one row per flag kind per snapshot per file: exact counts.
CREATE TABLE IF NOT EXISTS jumlah_ditandai (
    tanggal_data  DATE NOT NULL,
    berkas        VARCHAR NOT NULL,
    jenis         VARCHAR NOT NULL,
    jumlah        BIGINT NOT NULL
);

-- Grain: one row per flagged input row, at most 1000 examples per kind per file. NIK masked.
CREATE TABLE IF NOT EXISTS contoh_ditandai (
    tanggal_data  DATE NOT NULL,
    berkas        VARCHAR NOT NULL,
    baris         BIGINT NOT NULL,
    jenis         VARCHAR NOT NULL,
    nilai         VARCHAR,                -- the value that was flagged, as given
    nik_samaran   VARCHAR
);

-- Grain: one row per load (roster snapshot, targets, RW reference).
CREATE TABLE IF NOT EXISTS riwayat_muat (
    id            INTEGER PRIMARY KEY,
    jenis         VARCHAR NOT NULL,       -- peserta, target, rw, pekerja
    tanggal_data  DATE,
    waktu_mulai   TIMESTAMP NOT NULL,
    durasi_detik  DOUBLE NOT NULL,
    oleh          VARCHAR NOT NULL,
    dibaca        BIGINT NOT NULL,
    dimuat        BIGINT NOT NULL,
    ditolak       BIGINT NOT NULL,
    ringkasan     JSON NOT NULL           -- the load summary, files with SHA-256 included
);

-- Grain: one row per region, year and segment with a target. kode_wilayah 'ID' = national;
-- segmen 'SEMUA' = all segments.
CREATE TABLE IF NOT EXISTS target (
    kode_wilayah  VARCHAR NOT NULL,
    tahun         SMALLINT NOT NULL,
    segmen        VARCHAR NOT NULL,
    target        BIGINT NOT NULL,
    PRIMARY KEY (kode_wilayah, tahun, segmen)
);

-- Grain: one row per region and year with a known working population (penduduk bekerja).
-- kode_wilayah 'ID' = national. The denominator of coverage of the workforce.
CREATE TABLE IF NOT EXISTS referensi_pekerja (
    kode_wilayah  VARCHAR NOT NULL,
    tahun         SMALLINT NOT NULL,
    pekerja       BIGINT NOT NULL,
    PRIMARY KEY (kode_wilayah, tahun)
);

-- Grain: one row per kelurahan with a known number of RWs.
CREATE TABLE IF NOT EXISTS referensi_rw (
    kode_kelurahan VARCHAR PRIMARY KEY,
    jumlah_rw      SMALLINT NOT NULL
);

-- Grain: one row per snapshot x deepest known region x segmen x sumber_iuran x pekerja_rentan
-- x kantor_cabang. Every dashboard number at every level sums from here.
CREATE TABLE IF NOT EXISTS kerangka.ringkas_wilayah (
    tanggal_data   DATE NOT NULL,
    kode_wilayah   VARCHAR,               -- NULL = wilayah tidak diketahui
    kode_provinsi  VARCHAR, kode_kabkota VARCHAR, kode_kecamatan VARCHAR, kode_kelurahan VARCHAR,
    segmen         VARCHAR NOT NULL,
    sumber_iuran   VARCHAR,
    pekerja_rentan BOOLEAN,
    kantor_cabang  VARCHAR,
    terdaftar      BIGINT NOT NULL,
    aktif          BIGINT NOT NULL,
    terdaftar_jkk BIGINT NOT NULL, terdaftar_jkm BIGINT NOT NULL, terdaftar_jht BIGINT NOT NULL,
    terdaftar_jp  BIGINT NOT NULL, terdaftar_jkp BIGINT NOT NULL,
    aktif_jkk BIGINT NOT NULL, aktif_jkm BIGINT NOT NULL, aktif_jht BIGINT NOT NULL,
    aktif_jp  BIGINT NOT NULL, aktif_jkp BIGINT NOT NULL,
    baru           BIGINT,                -- active now, not active in the previous snapshot
    berhenti       BIGINT                 -- active in the previous snapshot, not now (counted where they were)
);

-- Grain: one row per snapshot x kelurahan x RW x segmen. rw NULL = participants of the kelurahan
-- whose RW is not known, so the rows of a kelurahan add up to its ringkas_wilayah counts.
CREATE TABLE IF NOT EXISTS kerangka.ringkas_rw (
    tanggal_data   DATE NOT NULL,
    kode_kelurahan VARCHAR NOT NULL,
    rw             SMALLINT,
    segmen         VARCHAR NOT NULL,
    terdaftar      BIGINT NOT NULL,
    aktif          BIGINT NOT NULL,
    terdaftar_jkk BIGINT NOT NULL, terdaftar_jkm BIGINT NOT NULL, terdaftar_jht BIGINT NOT NULL,
    terdaftar_jp  BIGINT NOT NULL, terdaftar_jkp BIGINT NOT NULL,
    aktif_jkk BIGINT NOT NULL, aktif_jkm BIGINT NOT NULL, aktif_jht BIGINT NOT NULL,
    aktif_jp  BIGINT NOT NULL, aktif_jkp BIGINT NOT NULL
);

-- Grain: one row per snapshot x deepest known region x segmen x pekerjaan.
CREATE TABLE IF NOT EXISTS kerangka.ringkas_pekerjaan (
    tanggal_data   DATE NOT NULL,
    kode_wilayah   VARCHAR,
    kode_provinsi  VARCHAR, kode_kabkota VARCHAR, kode_kecamatan VARCHAR, kode_kelurahan VARCHAR,
    segmen         VARCHAR NOT NULL,
    pekerjaan      VARCHAR NOT NULL,
    terdaftar      BIGINT NOT NULL,
    aktif          BIGINT NOT NULL
);

-- Grain: one row per snapshot x deepest known region x RW x segmen x kantor_cabang, of the active
-- participants (issue 35, item 4: the month ahead). jatuh_tempo: those whose last paid month is the
-- oldest one still counted active (as-of month minus CAKUPAN_GRACE_MONTHS, roster_1_baris.sql),
-- who become inactive at the end of the as-of month unless they pay. Active by status alone (no
-- month) is never counted as due. Written by etl/sql/ringkas_jatuh_tempo.sql.
CREATE TABLE IF NOT EXISTS kerangka.ringkas_jatuh_tempo (
    tanggal_data   DATE NOT NULL,
    kode_wilayah   VARCHAR,               -- NULL = wilayah tidak diketahui
    kode_provinsi  VARCHAR, kode_kabkota VARCHAR, kode_kecamatan VARCHAR, kode_kelurahan VARCHAR,
    rw             SMALLINT,              -- NULL = RW not known
    segmen         VARCHAR NOT NULL,
    kantor_cabang  VARCHAR,
    aktif_dicek    BIGINT NOT NULL,       -- active participants of the row (adds up to ringkas_wilayah.aktif)
    jatuh_tempo    BIGINT NOT NULL        -- of them, due: inactive at the end of the month unless they pay
);

-- Grain: one row per kantor cabang, year and segment with a target (issue 35, item 2). segmen
-- 'SEMUA' = all segments. A warehouse made before branch targets gets the table at its next build
-- (this file runs on every build; IF NOT EXISTS). A reference table, not
-- history: a branch target file replaces the rows it names (etl/sql/target_cabang.sql).
CREATE TABLE IF NOT EXISTS target_cabang (
    kantor_cabang VARCHAR NOT NULL,       -- as the rosters spell it (spaces made single)
    tahun         SMALLINT NOT NULL,
    segmen        VARCHAR NOT NULL,
    target        BIGINT NOT NULL,        -- persons
    PRIMARY KEY (kantor_cabang, tahun, segmen)
);
