-- Grain: one row per person (NIK) of the snapshot being loaded ($as_of), written into stg.peserta
-- (the person table's shape, kerangka.peserta), which etl/roster.py stores as the snapshot's partition.
-- A person's attributes come from their most recently registered active row, else their most
-- recently registered row; the later row in the files wins a tie. Active if any row is active
-- (data contract, "Person, not account").
-- The order is the cheap one (issue 33): dedupe on the NIK as a number, rank only the rows of a
-- NIK given more than once (about 3 %), and take the keyed hash of the persons kept only: one
-- HMAC a person, not a row. The NIK never leaves the scratch schema (docs/security.md).
-- Parameters: $as_of DATE, $ipad BLOB, $opad BLOB (HMAC key pads).

-- Grain: one row per loaded row of a NIK with more than one loaded row, ranked within its person
-- (urutan 1: the row chosen), with the person's row count.
CREATE OR REPLACE TABLE stg.ganda AS
WITH jumlah AS (
    SELECT nik, count(*)::INTEGER AS jumlah_baris FROM stg.baris WHERE dimuat GROUP BY nik HAVING count(*) > 1
)
SELECT
    b.*,
    j.jumlah_baris,
    row_number() OVER (
        PARTITION BY b.nik ORDER BY b.aktif DESC, b.tanggal_daftar DESC NULLS LAST, b.berkas_ke DESC, b.baris DESC
    ) AS urutan
FROM stg.baris b
JOIN jumlah j USING (nik)
WHERE b.dimuat;

CREATE OR REPLACE TABLE stg.peserta AS FROM kerangka.peserta LIMIT 0;

INSERT INTO stg.peserta
SELECT
    $as_of::DATE,
    -- HMAC-SHA256 of the NIK's 16 digits as given (lpad: a NIK may start with 0), first 128 bits.
    ('0x' || left(sha256($opad || unhex(sha256($ipad || encode(lpad(nik::VARCHAR, 16, '0'))))), 32))::UHUGEINT,
    kpj, tahun_lahir, jenis_kelamin, segmen,
    jkk, jkm, jht, jp, jkp,
    pekerjaan, kode_wilayah, kode_provinsi, kode_kabkota, kode_kecamatan, kode_kelurahan,
    rw, rt, kantor_cabang, tanggal_daftar, status, bulan_iuran_terakhir,
    sumber_iuran, pekerja_rentan, aktif,
    jumlah_baris
FROM (
    SELECT b.*, 1::INTEGER AS jumlah_baris FROM stg.baris b ANTI JOIN stg.ganda g USING (nik) WHERE b.dimuat
    UNION ALL BY NAME
    SELECT * EXCLUDE (urutan) FROM stg.ganda WHERE urutan = 1
);

-- Grain: one row per roster row merged into a person but not chosen (flag nik_duplicate).
CREATE OR REPLACE TABLE stg.duplikat AS
SELECT berkas_ke, baris, nik_samaran FROM stg.ganda WHERE urutan > 1;

DROP TABLE stg.ganda;
