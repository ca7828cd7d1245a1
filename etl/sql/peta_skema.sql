-- Grain: one row per region with a boundary loaded by `python -m etl peta` (any level from
-- province to kelurahan). Run with every build (IF NOT EXISTS), so a warehouse made before the
-- map gets the table at its next build without a schema change; a map file replaces the rows
-- of the regions it names.
CREATE TABLE IF NOT EXISTS peta_wilayah (
    kode_wilayah  VARCHAR PRIMARY KEY,    -- Kemendagri code, dotted
    tingkat       TINYINT NOT NULL,       -- 1 provinsi, 2 kab/kota, 3 kecamatan, 4 kelurahan
    geometri      VARCHAR NOT NULL,       -- GeoJSON geometry, WGS84 degrees, simplified, 5 decimals
    label_x       DOUBLE NOT NULL,        -- the centre of the largest circle inside the region (longitude), for its label
    label_y       DOUBLE NOT NULL,        -- latitude
    jari          DOUBLE NOT NULL,        -- that circle's radius in degrees: how big a label fits
    titik         INTEGER NOT NULL,       -- vertices after simplification
    luas          DOUBLE NOT NULL,        -- area in square degrees: which regions are big enough to label
    berkas        VARCHAR NOT NULL,       -- the file it came from
    sumber        VARCHAR NOT NULL        -- the attribution shown under the map (--sumber, else the file's name)
);
