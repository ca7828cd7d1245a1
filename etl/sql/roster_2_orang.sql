-- Grain: one row per person (NIK hash) in the snapshot being loaded (stg.orang), in one window
-- pass. A person's attributes come from their most recently registered active row, else their
-- most recently registered row; the later row in the files wins a tie. Active if any row is
-- active. berkas_ke and baris name the row chosen, so the other rows of a person are the
-- duplicates (roster.py's flags).

CREATE OR REPLACE TABLE stg.orang AS
SELECT
    berkas_ke, baris,
    nik_hash, kpj, tahun_lahir, jenis_kelamin, segmen,
    jkk, jkm, jht, jp, jkp,
    pekerjaan, kode_wilayah, kode_provinsi, kode_kabkota, kode_kecamatan, kode_kelurahan,
    rw, rt, kantor_cabang, tanggal_daftar, status, bulan_iuran_terakhir,
    sumber_iuran, pekerja_rentan, aktif,
    (count(*) OVER orang)::INTEGER AS jumlah_baris
FROM stg.baris
WHERE nik_sah
WINDOW orang AS (PARTITION BY nik_hash)
QUALIFY row_number() OVER (
    PARTITION BY nik_hash ORDER BY aktif DESC, tanggal_daftar DESC NULLS LAST, berkas_ke DESC, baris DESC
) = 1;
