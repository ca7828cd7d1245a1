-- Grain: one row per place at level rw inside the parent, plus rows for participants not known that deep.
WITH dasar AS (
    SELECT kode_kelurahan AS kode, CASE WHEN kode_kelurahan IS NULL THEN coalesce(kode_wilayah, 'ID') END AS induk_tak_diketahui,
        sum(CASE WHEN tanggal_data = $tanggal THEN aktif END)::BIGINT AS aktif
    FROM ringkas_wilayah
    WHERE tanggal_data BETWEEN $dari AND $tanggal AND kode_kelurahan = $induk
    GROUP BY ALL
),
rw_dasar AS (
    SELECT kode_kelurahan, rw,
        sum(CASE WHEN tanggal_data = $tanggal THEN aktif END)::BIGINT AS aktif
    FROM ringkas_rw
    WHERE tanggal_data BETWEEN $dari AND $tanggal AND (kode_kelurahan = $induk OR starts_with(kode_kelurahan, $induk || '.'))
    GROUP BY ALL
),
anak AS (
    SELECT * FROM (
        SELECT kode_kelurahan, unnest(range(1, jumlah_rw + 1))::SMALLINT AS rw FROM referensi_rw WHERE (kode_kelurahan = $induk OR starts_with(kode_kelurahan, $induk || '.'))
        UNION
        SELECT DISTINCT kode_kelurahan, rw FROM ringkas_rw  -- also RWs emptied since the window began
        WHERE tanggal_data BETWEEN $dari AND $tanggal AND rw IS NOT NULL AND (kode_kelurahan = $induk OR starts_with(kode_kelurahan, $induk || '.'))
    ) WHERE true
),
baris AS (
    SELECT a.kode_kelurahan || '.' || printf('%02d', a.rw) AS kode_wilayah,
           'RW ' || printf('%02d', a.rw) AS nama_wilayah, a.kode_kelurahan AS kode_induk, true AS diketahui,
           a.rw, 1 AS rw_diketahui, (coalesce(d.aktif, 0) >= $target_rw)::INTEGER AS rw_tercapai, NULL::INTEGER AS kelurahan_referensi_rw, coalesce(d.aktif, 0) AS aktif
    FROM anak a LEFT JOIN rw_dasar d USING (kode_kelurahan, rw)
    UNION ALL
    SELECT NULL, 'RW tidak diketahui', d.kode_kelurahan, false, NULL, NULL, NULL, NULL, coalesce(d.aktif, 0) AS aktif
    FROM rw_dasar d WHERE d.rw IS NULL
),
pkj AS (
    SELECT kode_wilayah, arg_max(pekerja, tahun) AS pekerja, max(tahun) AS tahun_pekerja
    FROM referensi_pekerja WHERE tahun <= $tahun GROUP BY ALL
),
hitung AS (
    SELECT b.kode_wilayah, b.nama_wilayah, b.kode_induk, b.diketahui, b.rw, pkj.tahun_pekerja,
        b.aktif, b.rw_diketahui, b.rw_tercapai, b.kelurahan_referensi_rw,
        CASE WHEN b.diketahui THEN $target_rw END AS target, NULL::VARCHAR AS asal_target, NULL::VARCHAR AS dasar_pembagian, NULL::VARCHAR AS pembagi, NULL::BIGINT AS target_aturan, pkj.pekerja
    FROM baris b
    LEFT JOIN pkj ON pkj.kode_wilayah = b.kode_wilayah
),
metrik AS (
    SELECT kode_wilayah, nama_wilayah, kode_induk, diketahui, rw, tahun_pekerja,
        aktif AS peserta_aktif,
        target AS target,
        (aktif) / nullif(target, 0) AS capaian,
        rw_tercapai AS rw_tercapai
    FROM hitung
)
SELECT m.kode_wilayah, m.nama_wilayah, $tingkat AS tingkat,
       m.kode_induk, CASE WHEN m.kode_induk = 'ID' THEN 'Indonesia' ELSE i.nama END AS nama_induk,
       m.diketahui, m.rw, m.tahun_pekerja, peserta_aktif, target, capaian, rw_tercapai
FROM metrik m
LEFT JOIN wilayah i ON i.kode = m.kode_induk
ORDER BY m.diketahui DESC, m.kode_induk, m.rw, m.kode_wilayah
-- params: ["dari", "induk", "tahun", "tanggal", "target_rw", "tingkat"]
