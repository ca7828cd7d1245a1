"""Batas wilayah: the boundaries a deployer loaded (`python -m etl peta`, table peta_wilayah) of
the places below a place, for the map (layouts/peta.py). Without any, a page shows its table and
chart and says how to add a map (issue 19)."""

from __future__ import annotations

import functools
import json

import warehouse
from metrics import lingkup

# Grain: one row per child region of $induk that has a boundary.
BATAS_SQL = """
SELECT p.kode_wilayah, p.geometri, p.label_x, p.label_y, p.jari, p.luas, p.sumber
FROM peta_wilayah p JOIN wilayah w ON w.kode = p.kode_wilayah
WHERE coalesce(w.kode_induk, 'ID') = $induk
ORDER BY p.kode_wilayah
"""
# Grain: one row if the served build has the table (a build from before the map has not).
ADA_SQL = "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'peta_wilayah'"


def batas_anak(induk: str) -> dict[str, dict]:
    """{kode: {"geometri": GeoJSON geometry (dict, WGS84 degrees), "label": (lon, lat) and "jari"
    (degrees): the largest circle inside it, "luas": square degrees, "sumber": its attribution,
    "kotak": (west, south, east, north)}} for the children of place `induk` that have a boundary; {} when none do.
    Raises lingkup.TanpaAkses for a place outside the asker's scope. The dicts are shared: read only."""
    if not lingkup.aktif().memuat(induk):
        raise lingkup.TanpaAkses("Wilayah di luar lingkup akun ini.", "Region outside this account's scope.")
    return _batas(warehouse.current_path(), induk)


@functools.lru_cache(maxsize=512)
def _batas(_path, induk: str) -> dict[str, dict]:
    """Parsed once per served build and place: a page draw reads it from memory."""
    if not warehouse.rows(ADA_SQL)[0][0]:
        return {}
    return {
        kode: {
            "geometri": (geo := json.loads(g)),
            "label": (x, y),
            "jari": jari,
            "luas": luas,
            "sumber": sumber,
            "kotak": _kotak(geo),
        }
        for kode, g, x, y, jari, luas, sumber in warehouse.rows(BATAS_SQL, {"induk": induk})
    }


def _kotak(geometri: dict) -> tuple[float, float, float, float]:
    """(west, south, east, north) of a Polygon or MultiPolygon, in degrees."""
    cincin = (
        geometri["coordinates"] if geometri["type"] == "Polygon" else [r for p in geometri["coordinates"] for r in p]
    )
    xs = [x for r in cincin for x, _y in r]
    ys = [y for r in cincin for _x, y in r]
    return (min(xs), min(ys), max(xs), max(ys))
