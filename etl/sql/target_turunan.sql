-- Grain: one row per region, year and segment with a derived target: a share of its parent's
-- target from an active split (isian/pembagian.py, issue 21). Rewritten from the access store at
-- the start of every build (etl/build._prepare), so each build serves the splits of its time and
-- a removed split is gone at the next build.
CREATE OR REPLACE TABLE target_turunan (
    kode_wilayah  VARCHAR NOT NULL,
    tahun         SMALLINT NOT NULL,
    segmen        VARCHAR NOT NULL,
    target        BIGINT NOT NULL,        -- persons
    pembagian     INTEGER NOT NULL,       -- the split's id in the access store
    dasar         VARCHAR NOT NULL,       -- pekerja, terdaftar, rw or rata
    oleh          VARCHAR NOT NULL,       -- the account that split it
    kode_induk    VARCHAR NOT NULL,       -- the place whose target was split
    PRIMARY KEY (kode_wilayah, tahun, segmen)
);

-- Grain: one row per region, year and segment with a target that applies: the region's own
-- (the target file's), else a derived one. A region's own target always wins (issue 21), also
-- when it is loaded after the split.
CREATE OR REPLACE VIEW target_berlaku AS
SELECT kode_wilayah, tahun, segmen, target, 'wilayah' AS asal, NULL::INTEGER AS pembagian,
       NULL::VARCHAR AS dasar, NULL::VARCHAR AS oleh
FROM target
UNION ALL
SELECT d.kode_wilayah, d.tahun, d.segmen, d.target, 'turunan' AS asal, d.pembagian, d.dasar, d.oleh
FROM target_turunan d
ANTI JOIN target t USING (kode_wilayah, tahun, segmen);
