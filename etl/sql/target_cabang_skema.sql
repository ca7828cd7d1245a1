-- Grain: one row per kantor cabang, year and segment with a target (issue 35, item 2). segmen
-- 'SEMUA' = all segments. Run with every build (IF NOT EXISTS), so a warehouse made before branch
-- targets gets the table at its next build without a schema change. A reference table, not
-- history: a branch target file replaces the rows it names (etl/sql/target_cabang.sql).
CREATE TABLE IF NOT EXISTS target_cabang (
    kantor_cabang VARCHAR NOT NULL,       -- as the rosters spell it (spaces made single)
    tahun         SMALLINT NOT NULL,
    segmen        VARCHAR NOT NULL,
    target        BIGINT NOT NULL,        -- persons
    PRIMARY KEY (kantor_cabang, tahun, segmen)
);
