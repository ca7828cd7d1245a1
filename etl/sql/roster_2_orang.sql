-- Grain: one row per person (NIK hash) of the snapshot being loaded ($as_of), written straight
-- into peserta in one window pass. A person's attributes come from their most recently
-- registered active row, else their most recently registered row; the later row in the files
-- wins a tie. Active if any row is active. Parameters: $as_of DATE.

INSERT INTO peserta
SELECT
    $as_of::DATE,
    nik_hash, kpj, tahun_lahir, jenis_kelamin, segmen,
    jkk, jkm, jht, jp, jkp,
    pekerjaan, kode_wilayah, kode_provinsi, kode_kabkota, kode_kecamatan, kode_kelurahan,
    rw, rt, kantor_cabang, tanggal_daftar, status, bulan_iuran_terakhir,
    sumber_iuran, pekerja_rentan, aktif,
    (count(*) OVER orang)::INTEGER AS jumlah_baris
FROM stg.baris
WHERE dimuat
WINDOW orang AS (PARTITION BY nik_hash)
QUALIFY row_number() OVER (
    PARTITION BY nik_hash ORDER BY aktif DESC, tanggal_daftar DESC NULLS LAST, berkas_ke DESC, baris DESC
) = 1;

-- Grain: one row per roster row merged into a person but not chosen (flag nik_duplicate): the
-- same order as above, over the few persons with more than one row only.
CREATE OR REPLACE TABLE stg.duplikat AS
SELECT berkas_ke, baris, nik_samaran
FROM stg.baris
WHERE dimuat AND nik_hash IN (SELECT nik_hash FROM peserta WHERE tanggal_data = $as_of AND jumlah_baris > 1)
QUALIFY row_number() OVER (
    PARTITION BY nik_hash ORDER BY aktif DESC, tanggal_daftar DESC NULLS LAST, berkas_ke DESC, baris DESC
) > 1;
