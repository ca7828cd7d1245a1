-- Grain: one row per place at level kelurahan inside the parent, plus rows for participants not known that deep.
WITH dasar AS (
    SELECT kode_kelurahan AS kode, CASE WHEN kode_kelurahan IS NULL THEN coalesce(kode_wilayah, 'ID') END AS induk_tak_diketahui,
        sum(CASE WHEN tanggal_data = $tanggal THEN aktif END)::BIGINT AS aktif,
        sum(CASE WHEN tanggal_data = $sebelumnya THEN aktif END)::BIGINT AS aktif_lalu
    FROM ringkas_wilayah
    WHERE tanggal_data BETWEEN $dari AND $tanggal AND kode_kecamatan = $induk AND segmen = $segmen AND pekerja_rentan = $pekerja_rentan
    GROUP BY ALL
),
anak AS (
    SELECT kode, nama, coalesce(kode_induk, 'ID') AS kode_induk FROM wilayah WHERE tingkat = 4 AND (kode = $induk OR starts_with(kode, $induk || '.'))
),
baris AS (
    SELECT w.kode AS kode_wilayah, w.nama AS nama_wilayah, w.kode_induk, true AS diketahui,
           NULL::SMALLINT AS rw, NULL::INTEGER AS rw_diketahui, NULL::INTEGER AS rw_tercapai, NULL::INTEGER AS kelurahan_referensi_rw, coalesce(d.aktif, 0) AS aktif, coalesce(d.aktif_lalu, 0) AS aktif_lalu
    FROM anak w LEFT JOIN dasar d ON d.kode = w.kode
    UNION ALL
    SELECT NULL, 'Tidak diketahui', d.induk_tak_diketahui, false, NULL, NULL, NULL, NULL, coalesce(d.aktif, 0) AS aktif, coalesce(d.aktif_lalu, 0) AS aktif_lalu
    FROM dasar d WHERE d.kode IS NULL
),
hitung AS (
    SELECT b.kode_wilayah, b.nama_wilayah, b.kode_induk, b.diketahui, b.rw, pkj.tahun_pekerja,
        b.aktif, b.aktif_lalu, b.rw_diketahui, b.rw_tercapai, b.kelurahan_referensi_rw,
        NULL::BIGINT AS target, NULL::VARCHAR AS asal_target, NULL::VARCHAR AS dasar_pembagian, NULL::VARCHAR AS pembagi, NULL::BIGINT AS target_aturan, pkj.pekerja
    FROM baris b
    LEFT JOIN (SELECT NULL::VARCHAR AS kode_wilayah, NULL::BIGINT AS pekerja, NULL::SMALLINT AS tahun_pekerja) pkj ON false
),
metrik AS (
    SELECT kode_wilayah, nama_wilayah, kode_induk, diketahui, rw, tahun_pekerja,
        aktif AS peserta_aktif,
        target AS target,
        (aktif) / nullif(target, 0) AS capaian,
        CASE WHEN target IS NOT NULL THEN greatest(target - aktif, 0) END AS kekurangan,
        aktif - aktif_lalu AS perubahan_minggu,
        (kekurangan) / nullif($minggu_tersisa, 0) AS laju_dibutuhkan
    FROM hitung
)
SELECT m.kode_wilayah, m.nama_wilayah, $tingkat AS tingkat,
       m.kode_induk, CASE WHEN m.kode_induk = 'ID' THEN 'Indonesia' ELSE i.nama END AS nama_induk,
       m.diketahui, m.rw, m.tahun_pekerja, peserta_aktif, target, capaian, kekurangan, perubahan_minggu, laju_dibutuhkan
FROM metrik m
LEFT JOIN wilayah i ON i.kode = m.kode_induk
ORDER BY m.diketahui DESC, m.kode_induk, m.rw, m.kode_wilayah
-- params: ["dari", "induk", "minggu_tersisa", "pekerja_rentan", "sebelumnya", "segmen", "tanggal", "tingkat"]
