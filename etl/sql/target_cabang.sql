-- Grain: one row per branch-target input row, checked (target_cabang_cek). Then the good rows
-- replace the branch targets with the same (kantor_cabang, tahun, segmen).
-- A name is matched to the newest snapshot's spelling with case and spaces aside ('jakarta
-- rawamangun' is 'Jakarta Rawamangun'); a name no roster row of that snapshot holds is loaded
-- as written and flagged (cabang_tidak_dikenal), not rejected: a target may come before the
-- branch's first roster (docs/format.md, "Target kantor cabang").

CREATE OR REPLACE TEMP TABLE target_cabang_cek AS
WITH dikenal AS (
    SELECT kantor_cabang AS nama, lower(kantor_cabang) AS kunci
    FROM ringkas_wilayah
    WHERE tanggal_data = (SELECT max(tanggal_data) FROM snapshot) AND kantor_cabang IS NOT NULL
    GROUP BY ALL
),
dibaca AS (
    SELECT
        berkas_ke, baris,
        kantor_cabang AS cabang_asli,
        nullif(regexp_replace(trim(coalesce(kantor_cabang, '')), '\s+', ' ', 'g'), '') AS cabang_bersih,
        trim(coalesce(tahun, '')) AS tahun_asli,
        segmen AS segmen_asli,
        trim(coalesce(target, '')) AS target_asli
    FROM target_cabang_mentah
),
dinilai AS (
    SELECT
        d.*,
        coalesce(k.nama, d.cabang_bersih) AS kantor_cabang,
        k.nama IS NULL AS tidak_dikenal,
        tahun_baku(tahun_asli) AS tahun,
        CASE WHEN upper(trim(coalesce(segmen_asli, ''))) IN ('', 'SEMUA') THEN 'SEMUA'
             ELSE segmen_baku(segmen_asli) END AS segmen,
        bilangan_bulat(target_asli) AS target
    FROM dibaca d
    LEFT JOIN dikenal k ON k.kunci = lower(d.cabang_bersih)
),
beralasan AS (
    SELECT
        *,
        CASE WHEN kantor_cabang IS NULL THEN 'cabang_invalid'
             WHEN tahun IS NULL THEN 'tahun_invalid'
             WHEN segmen IS NULL THEN 'segmen_invalid'
             WHEN target IS NULL OR target <= 0 THEN 'target_invalid'
             WHEN row_number() OVER (PARTITION BY kantor_cabang, tahun, segmen ORDER BY berkas_ke, baris) > 1
                  THEN 'target_duplicate' END AS alasan
    FROM dinilai
)
SELECT
    *,
    CASE WHEN alasan IS NULL AND tidak_dikenal THEN 'cabang_tidak_dikenal' END AS tanda,
    CASE alasan
        WHEN 'cabang_invalid' THEN 'Nama kantor cabang kosong'
        WHEN 'tahun_invalid' THEN 'Tahun ''' || tahun_asli || ''' bukan tahun 2000-2100'
        WHEN 'segmen_invalid' THEN 'Segmen tidak dikenal; pakai PU, BPU, JAKON, PMI atau kosong'
        WHEN 'target_invalid' THEN 'Target ''' || target_asli || ''' bukan bilangan bulat positif'
        WHEN 'target_duplicate' THEN 'Kantor cabang, tahun dan segmen yang sama sudah ada di baris sebelumnya'
    END AS keterangan,
    NULL::VARCHAR AS kode_asli  -- baris_ditolak's region code: a branch row has none
FROM beralasan;

DELETE FROM target_cabang
WHERE (kantor_cabang, tahun, segmen) IN
      (SELECT (kantor_cabang, tahun, segmen) FROM target_cabang_cek WHERE alasan IS NULL);

INSERT INTO target_cabang
SELECT kantor_cabang, tahun, segmen, target FROM target_cabang_cek WHERE alasan IS NULL;
