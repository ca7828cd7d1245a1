-- Grain: one row per snapshot up to $sampai, for one place.
WITH per_snapshot AS (
    SELECT s.tanggal_data,
           coalesce(sum(r.terdaftar_jkm), 0)::BIGINT AS peserta_terdaftar,
           coalesce(sum(r.aktif_jkm), 0)::BIGINT AS peserta_aktif,
           NULL::BIGINT AS baru, NULL::BIGINT AS berhenti
    FROM snapshot s
    LEFT JOIN ringkas_wilayah r ON r.tanggal_data = s.tanggal_data AND kode_kabkota = $induk
    WHERE s.tanggal_data <= $sampai
    GROUP BY s.tanggal_data, s.ada_arus
)
SELECT p.*, NULL::BIGINT AS target, NULL::VARCHAR AS jenis_target,
       (p.peserta_aktif) / nullif(NULL::BIGINT, 0) AS capaian,
       CASE WHEN NULL::BIGINT IS NOT NULL THEN greatest(NULL::BIGINT - p.peserta_aktif, 0) END AS kekurangan,
       p.peserta_aktif - lag(p.peserta_aktif) OVER (ORDER BY p.tanggal_data) AS perubahan
FROM per_snapshot p 
ORDER BY p.tanggal_data
-- params: ["induk", "sampai"]
