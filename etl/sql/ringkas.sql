-- Rollups of one snapshot ($tanggal) from the person table; pages read only these. Each is
-- written into a temporary table hasil_<rollup> of the rollup's shape (kerangka.<rollup>), sorted
-- by region code; the build stores it as the snapshot's partition (warehouse/partisi.py), so a
-- question about one place reads only the row groups whose statistics (min/max) hold its code.
-- $sebelumnya is the previous snapshot's date, or NULL when its person rows are not kept
-- (then baru/berhenti are NULL: unknown, not zero).

CREATE OR REPLACE TEMP TABLE hasil_ringkas_wilayah AS FROM kerangka.ringkas_wilayah LIMIT 0;
CREATE OR REPLACE TEMP TABLE hasil_ringkas_rw AS FROM kerangka.ringkas_rw LIMIT 0;
CREATE OR REPLACE TEMP TABLE hasil_ringkas_pekerjaan AS FROM kerangka.ringkas_pekerjaan LIMIT 0;

-- Grain: one row per snapshot x deepest known region x segmen x sumber_iuran x pekerja_rentan
-- x kantor_cabang. A person who left the roster is counted in `berhenti` where they were.
INSERT INTO hasil_ringkas_wilayah
WITH kini AS (
    SELECT * FROM peserta WHERE tanggal_data = $tanggal
),
lalu AS (
    SELECT * FROM peserta WHERE tanggal_data = $sebelumnya
),
per_orang AS (
    SELECT k.kode_wilayah, k.kode_provinsi, k.kode_kabkota, k.kode_kecamatan, k.kode_kelurahan,
           k.segmen, k.sumber_iuran, k.pekerja_rentan, k.kantor_cabang,
           1 AS terdaftar, k.aktif, k.jkk, k.jkm, k.jht, k.jp, k.jkp,
           k.aktif AND NOT coalesce(l.aktif, false) AS baru,
           coalesce(l.aktif, false) AND NOT k.aktif AS berhenti
    FROM kini k LEFT JOIN lalu l USING (nik_hash)
    UNION ALL
    SELECT l.kode_wilayah, l.kode_provinsi, l.kode_kabkota, l.kode_kecamatan, l.kode_kelurahan,
           l.segmen, l.sumber_iuran, l.pekerja_rentan, l.kantor_cabang,
           0, false, false, false, false, false, false,
           false, l.aktif
    FROM lalu l ANTI JOIN kini k USING (nik_hash)
)
SELECT
    $tanggal::DATE, kode_wilayah, kode_provinsi, kode_kabkota, kode_kecamatan, kode_kelurahan,
    segmen, sumber_iuran, pekerja_rentan, kantor_cabang,
    sum(terdaftar), count(*) FILTER (aktif),
    count(*) FILTER (terdaftar = 1 AND jkk), count(*) FILTER (terdaftar = 1 AND jkm),
    count(*) FILTER (terdaftar = 1 AND jht), count(*) FILTER (terdaftar = 1 AND jp),
    count(*) FILTER (terdaftar = 1 AND jkp),
    count(*) FILTER (aktif AND jkk), count(*) FILTER (aktif AND jkm), count(*) FILTER (aktif AND jht),
    count(*) FILTER (aktif AND jp), count(*) FILTER (aktif AND jkp),
    CASE WHEN $sebelumnya IS NOT NULL THEN count(*) FILTER (baru) END,
    CASE WHEN $sebelumnya IS NOT NULL THEN count(*) FILTER (berhenti) END
FROM per_orang
GROUP BY ALL
ORDER BY kode_wilayah, segmen;

-- Grain: one row per snapshot x kelurahan x RW (NULL = not known) x segmen.
INSERT INTO hasil_ringkas_rw
SELECT $tanggal::DATE, kode_kelurahan, rw, segmen, count(*), count(*) FILTER (aktif),
       count(*) FILTER (jkk), count(*) FILTER (jkm), count(*) FILTER (jht),
       count(*) FILTER (jp), count(*) FILTER (jkp),
       count(*) FILTER (aktif AND jkk), count(*) FILTER (aktif AND jkm), count(*) FILTER (aktif AND jht),
       count(*) FILTER (aktif AND jp), count(*) FILTER (aktif AND jkp)
FROM peserta
WHERE tanggal_data = $tanggal AND kode_kelurahan IS NOT NULL
GROUP BY ALL
ORDER BY kode_kelurahan, rw;

-- Grain: one row per snapshot x deepest known region x segmen x pekerjaan.
INSERT INTO hasil_ringkas_pekerjaan
SELECT $tanggal::DATE, kode_wilayah, kode_provinsi, kode_kabkota, kode_kecamatan, kode_kelurahan,
       segmen, coalesce(pekerjaan, 'Tidak diisi'), count(*), count(*) FILTER (aktif)
FROM peserta
WHERE tanggal_data = $tanggal
GROUP BY ALL
ORDER BY kode_wilayah, segmen;
