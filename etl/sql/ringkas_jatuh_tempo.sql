-- Grain: one row per snapshot ($tanggal) x deepest known region x RW x segmen x kantor_cabang, of
-- the snapshot's active participants (kerangka.ringkas_jatuh_tempo; issue 35, item 4).
-- The rule is the active rule of roster_1_baris.sql one month on: active while the last paid month
-- is on or after the as-of month minus $grace (CAKUPAN_GRACE_MONTHS), so a participant whose last
-- paid month is exactly that month is the last month counted and lapses at the end of the as-of
-- month unless they pay. Active by status alone (no month) is never due: nothing says when it ends.
-- Written into hasil_ringkas_jatuh_tempo; the build stores it as the snapshot's partition.
-- Parameters: $tanggal DATE, $grace INTEGER (months).

CREATE OR REPLACE TEMP TABLE hasil_ringkas_jatuh_tempo AS FROM kerangka.ringkas_jatuh_tempo LIMIT 0;

INSERT INTO hasil_ringkas_jatuh_tempo
SELECT $tanggal::DATE, kode_wilayah, kode_provinsi, kode_kabkota, kode_kecamatan, kode_kelurahan,
       rw, segmen, kantor_cabang,
       count(*),
       count(*) FILTER (bulan_iuran_terakhir = date_trunc('month', $tanggal::DATE) - to_months($grace::INTEGER))
FROM peserta
WHERE tanggal_data = $tanggal AND aktif
GROUP BY ALL
ORDER BY kode_wilayah, rw, segmen;
