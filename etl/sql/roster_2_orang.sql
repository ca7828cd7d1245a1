-- Grain: one row per person (NIK hash) in the snapshot being loaded (stg.orang).
-- A person's attributes come from their most recently registered active row, else their most
-- recently registered row; the later row in the files wins a tie. Active if any row is active.

CREATE OR REPLACE TABLE stg.urutan AS
SELECT
    berkas_ke,
    baris,
    nik_hash,
    row_number() OVER (
        PARTITION BY nik_hash
        ORDER BY aktif DESC, tanggal_daftar DESC NULLS LAST, berkas_ke DESC, baris DESC
    ) AS urutan,
    count(*) OVER (PARTITION BY nik_hash) AS jumlah_baris
FROM stg.baris
WHERE nik_sah;

CREATE OR REPLACE TABLE stg.orang AS
SELECT
    b.nik_hash, b.kpj, b.tahun_lahir, b.jenis_kelamin, b.segmen,
    b.jkk, b.jkm, b.jht, b.jp, b.jkp,
    b.pekerjaan, b.kode_wilayah, b.kode_provinsi, b.kode_kabkota, b.kode_kecamatan, b.kode_kelurahan,
    b.rw, b.rt, b.kantor_cabang, b.tanggal_daftar, b.status, b.bulan_iuran_terakhir,
    b.sumber_iuran, b.pekerja_rentan, b.aktif,
    u.jumlah_baris::INTEGER AS jumlah_baris
FROM stg.baris b
JOIN stg.urutan u USING (berkas_ke, baris)
WHERE u.urutan = 1;
