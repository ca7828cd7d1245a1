"""Peta: the deployer's region boundaries (GeoJSON, GeoPackage or shapefile, any level from
province to kelurahan) matched to Kemendagri codes, simplified for the web and stored in the
warehouse (table peta_wilayah, etl/sql/peta_skema.sql) by `python -m etl peta FILE --kode COLUMN`.

Reading is GDAL's, through pyogrio; geometry work is GEOS's, through shapely. Neighbours are
simplified together (shapely.coverage_simplify), so a shared border stays one line and no gap
opens between two regions. Every feature is stored, rejected with a reason (baris_ditolak,
jenis 'peta'), or merged into the region its code names (several features of one code).
Issue 19; codes are read as in data contract section 1 (dotted or plain, Papua codes of 2021).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyogrio
import shapely

from etl import alasan, sqlfiles, tabular

# Simplification per level, in degrees (1e-3 ~ 110 m): about a pixel where that level is drawn,
# a province's kab/kota at ~900 px, a kab/kota's kecamatan, a kecamatan's kelurahan.
TOLERANSI = {1: 0.01, 2: 0.003, 3: 0.001, 4: 0.0002}
DESIMAL = 5  # coordinates kept: 5 decimals of a degree is about 1 m
# Indonesia in longitude and latitude, with a margin: outside it the file is not in degrees.
BATAS_INDONESIA = (90.0, -15.0, 145.0, 10.0)
TINGKAT = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "kelurahan/desa"}
CONTOH = 10  # regions named in the summary when some have no boundary
# A column naming the feature, said beside a reject: the first of these the file has (BIG's
# NAMOBJ and WADM* from the village up, NAME_2 and the like elsewhere)
NAMA_KOLOM = ("NAMOBJ", "NAMA", "NAME", "WADMKD", "WADMKC", "WADMKK", "WADMPR", "NM_")


def load(
    con, path: Path, kolom: str, lapisan: str | None = None, toleransi: float | None = None, sumber: str | None = None
) -> dict:
    """Load one boundary file into peta_wilayah; returns the summary.

    Summary: {kind 'peta', read, loaded, rejected (features), rejected_by_reason, flagged_by_kind,
    files [...], peta {lapisan, tingkat {name: {wilayah, tanpa_batas, contoh, induk_lain}},
    titik_dibaca, titik_disimpan, kb}, words, advice}. Raises LoadError (nothing changes) when the
    file cannot be read, lacks the column, is not in degrees, or no feature names a region."""
    path = Path(path)
    lapisan = _lapisan(path, lapisan)
    kode, geometri, nama_fitur = _baca(path, kolom, lapisan)
    poligon = np.isin(shapely.get_type_id(geometri), (3, 6)) & ~shapely.is_empty(geometri)
    _cek_derajat(path, geometri[poligon])
    con.register(
        "peta_baca",
        pa.table(
            {
                "fitur_ke": np.arange(1, len(kode) + 1),
                "kode_asli": pa.array(kode, pa.string()),
                "nama_fitur": pa.array(nama_fitur, pa.string()),
                "poligon": poligon,
            }
        ),
    )
    con.execute("CREATE OR REPLACE TEMP TABLE peta_mentah AS SELECT * FROM peta_baca").fetchall()
    con.unregister("peta_baca")
    sqlfiles.run(con, "peta.sql")
    cocok = con.execute(
        "SELECT fitur_ke, kode_wilayah, tingkat, dari_kode_lama FROM peta_cek WHERE alasan IS NULL ORDER BY fitur_ke"
    ).fetchall()
    if not cocok:
        alasan_utama = con.execute("SELECT alasan FROM peta_cek GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()
        if alasan_utama and alasan_utama[0] == "bukan_poligon":
            raise tabular.LoadError(
                f"{path.name}: tidak ada fitur berpoligon (semua geometrinya kosong, titik atau garis)."
            )
        raise tabular.LoadError(
            f"{path.name}: tidak satu pun fitur berkode wilayah Kemendagri di kolom '{kolom}' "
            f"(contoh isinya: {', '.join(repr(k) for k in kode[:3])}). Pilih kolom lain dengan --kode."
        )
    wilayah, digabung = _per_wilayah(geometri, cocok)
    baris, titik = _sederhanakan(wilayah, toleransi)
    _simpan(con, path, baris, (sumber or "").strip() or path.name)
    ditolak = _catat_tolakan(con, path)
    ditandai = Counter({"digabung": digabung, "wilayah_lama": sum(1 for r in cocok if r[3])})
    ditandai = {k: v for k, v in sorted(ditandai.items()) if v}
    berkas = {
        "path": str(path),
        "format": pyogrio.read_info(path, layer=lapisan)["driver"],
        "sha256": _sha256(path),
        "read": len(kode),
        "loaded": len(cocok),
        "rejected": sum(ditolak.values()),
        "rejected_by_reason": ditolak,
        "flagged_by_kind": ditandai,
        "sheets": [],
        "skipped_sheets": [],
        "ignored_columns": [],
    }
    tingkat = _tanpa_batas(con, {r[1] for r in baris})
    ringkas = {
        "kind": "peta",
        "read": len(kode),
        "loaded": len(cocok),
        "rejected": berkas["rejected"],
        "rejected_by_reason": ditolak,
        "flagged_by_kind": ditandai,
        "files": [berkas],
        "peta": {
            "kolom": kolom,
            "lapisan": lapisan,
            "wilayah": len(baris),
            "tingkat": tingkat,
            "titik_dibaca": int(shapely.get_num_coordinates(geometri[poligon]).sum()),
            "titik_disimpan": titik,
            "kb": round(sum(len(r[2]) for r in baris) / 1000, 1),
        },
    }
    ringkas["peta"]["contoh_ditolak"] = [
        f"fitur {n}{f' ({nama})' if nama else ''}: {ket}"
        for n, nama, ket in con.execute(
            f"SELECT fitur_ke, nama_fitur, keterangan FROM peta_cek WHERE alasan IS NOT NULL ORDER BY fitur_ke LIMIT {CONTOH}"
        ).fetchall()
    ]
    ringkas["words"] = alasan.words_for("peta", [*ditolak, *ditandai])
    ringkas["advice"] = _saran(ringkas)
    return ringkas


def kode_lapisan(path: Path) -> list[str]:
    """The layers of a file (a GeoPackage may hold several; a GeoJSON or shapefile one)."""
    try:
        return [str(nama) for nama, _jenis in pyogrio.list_layers(path)]
    except (pyogrio.errors.DataSourceError, OSError) as e:
        raise tabular.LoadError(
            f"{Path(path).name}: bukan berkas peta yang terbaca ({_pendek(e)}). "
            "Pakai GeoJSON, GeoPackage (.gpkg) atau shapefile (.shp beserta .shx dan .dbf)."
        ) from None


def _lapisan(path: Path, lapisan: str | None) -> str:
    if not path.exists():
        raise tabular.LoadError(f"{path}: berkas tidak ada. Periksa nama dan foldernya.")
    semua = kode_lapisan(path)
    if lapisan is None:
        if not semua:
            raise tabular.LoadError(f"{path.name}: berkas tidak berisi lapisan peta.")
        return semua[0]
    if lapisan not in semua:
        raise tabular.LoadError(f"{path.name}: lapisan '{lapisan}' tidak ada. Lapisan yang ada: {', '.join(semua)}.")
    return lapisan


def _baca(path: Path, kolom: str, lapisan: str) -> tuple[list[str | None], np.ndarray, list[str | None]]:
    """(the code column as text, one per feature; the geometries, None where a feature has none;
    a name column's text, to say which feature a reject is, where the file has one)."""
    info = pyogrio.read_info(path, layer=lapisan)
    if (
        path.suffix.lower() == ".shp"
        and not path.with_suffix(".dbf").exists()
        and not path.with_suffix(".DBF").exists()
    ):
        raise tabular.LoadError(
            f"{path.name}: berkas {path.with_suffix('.dbf').name} tidak ada di sampingnya; tanpa itu kolom "
            "kodenya tidak terbaca. Salin .shp bersama .shx, .dbf (dan .prj) dari sumbernya."
        )
    if not info.get("geometry_type"):
        raise tabular.LoadError(
            f"{path.name}: tidak berisi geometri (tabel biasa, bukan peta). Pakai GeoJSON, GeoPackage atau shapefile "
            "berisi poligon batas wilayah."
        )
    kolom_ada = [str(k) for k in info["fields"]]
    if kolom not in kolom_ada:
        raise tabular.LoadError(
            f"{path.name}: kolom '{kolom}' tidak ada di lapisan '{lapisan}'. Kolom yang ada: "
            f"{', '.join(kolom_ada) or '(tidak ada)'}. Pilih kolom kode wilayah dengan --kode."
        )
    nama = next((k for n in NAMA_KOLOM for k in kolom_ada if k != kolom and k.upper().startswith(n)), None)
    try:
        meta, _fid, wkb, data = pyogrio.raw.read(path, layer=lapisan, columns=[kolom, *([nama] if nama else [])])
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError) as e:
        raise tabular.LoadError(f"{path.name}: tidak terbaca ({_pendek(e)}).") from None
    if wkb is None:
        raise tabular.LoadError(f"{path.name}: tidak berisi geometri (bukan berkas peta).")
    isi = dict(zip((str(f) for f in meta["fields"]), data, strict=True))  # in the file's order, not the asked one
    kode = [_teks(v) for v in isi[kolom]]
    nama_fitur = [_teks(v) for v in isi[nama]] if nama else [None] * len(kode)
    return kode, shapely.from_wkb(wkb, on_invalid="ignore"), nama_fitur


def _teks(v) -> str | None:
    """A code cell as text: 3175 and 3175.0 (a number column) as '3175'; empty as None."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v).strip() or None


def _cek_derajat(path: Path, geometri: np.ndarray) -> None:
    """Coordinates must be longitude and latitude: a projected file (UTM metres) would draw nowhere."""
    if not len(geometri):
        return
    x0, y0, x1, y1 = shapely.total_bounds(geometri)
    bx0, by0, bx1, by1 = BATAS_INDONESIA
    if x0 < bx0 or y0 < by0 or x1 > bx1 or y1 > by1:
        crs = pyogrio.read_info(path)["crs"] or "tidak disebut"
        raise tabular.LoadError(
            f"{path.name}: koordinatnya bukan bujur/lintang di Indonesia (batas {x0:.1f}, {y0:.1f}, "
            f"{x1:.1f}, {y1:.1f}; CRS {crs}). Ubah dulu ke EPSG:4326, misalnya "
            f"'ogr2ogr -t_srs EPSG:4326 peta-4326.gpkg {path.name}', lalu muat hasilnya."
        )


def _per_wilayah(geometri: np.ndarray, cocok: list[tuple]) -> tuple[dict[str, tuple[int, object]], int]:
    """{kode: (tingkat, one valid geometry)}: several features of one code are merged; returns
    the regions and how many features were merged into another."""
    per_kode: dict[str, list[int]] = {}
    tingkat: dict[str, int] = {}
    for fitur_ke, kode, t, _lama in cocok:
        per_kode.setdefault(kode, []).append(fitur_ke - 1)
        tingkat[kode] = t
    hasil = {}
    for kode, nomor in per_kode.items():
        g = shapely.make_valid(geometri[nomor])
        satu = g[0] if len(g) == 1 else shapely.union_all(g)
        hasil[kode] = (tingkat[kode], _poligon_saja(satu))
    return hasil, sum(len(n) - 1 for n in per_kode.values())


def _poligon_saja(g):
    """make_valid may leave lines or points beside the polygons: keep the polygons."""
    if shapely.get_type_id(g) in (3, 6):
        return g
    bagian = [p for p in shapely.get_parts(g) if shapely.get_type_id(p) in (3, 6)]
    return shapely.union_all(bagian) if bagian else shapely.Polygon()


def _sederhanakan(wilayah: dict, toleransi: float | None) -> tuple[list[tuple], int]:
    """[(kode, tingkat, GeoJSON geometry, label x, label y, label radius, vertices, area)] simplified level by level as one coverage, rounded to
    DESIMAL; and the vertices kept. A region that simplification would empty keeps its own shape."""
    baris, titik = [], 0
    for t in sorted({t for t, _g in wilayah.values()}):
        kode = [k for k, (tk, _g) in wilayah.items() if tk == t]
        asli = np.array([wilayah[k][1] for k in kode], dtype=object)
        tol = TOLERANSI[t] if toleransi is None else toleransi
        halus = shapely.coverage_simplify(asli, tol) if tol > 0 else asli
        halus = shapely.make_valid(shapely.transform(halus, lambda xy: np.round(xy, DESIMAL)))
        # outer rings clockwise, as d3-geo (plotly's map) reads them; the other way round it
        # takes a ring for the rest of the globe and paints the whole map one colour
        halus = shapely.orient_polygons(halus, exterior_cw=True)
        kosong = shapely.is_empty(halus) | (shapely.area(halus) == 0)
        halus[kosong] = asli[kosong]
        for k, g in zip(kode, halus, strict=True):
            g = shapely.orient_polygons(_poligon_saja(g), exterior_cw=True)
            n = int(shapely.get_num_coordinates(g))
            titik += n
            x, y, jari = _tempat_label(g)
            baris.append((k, t, shapely.to_geojson(g), x, y, jari, n, shapely.area(g)))
    return baris, titik


def _tempat_label(g) -> tuple[float, float, float]:
    """Where a label goes: the centre of the largest circle inside the region (its largest part),
    and the circle's radius (GEOS's maximum inscribed circle, the 'pole of inaccessibility')."""
    bagian = max(shapely.get_parts(g), key=shapely.area) if shapely.get_type_id(g) == 6 else g
    x0, y0, x1, y1 = bagian.bounds
    garis = shapely.maximum_inscribed_circle(bagian, max(x1 - x0, y1 - y0) / 200)
    (x, y), _tepi = shapely.get_coordinates(garis)
    return round(float(x), DESIMAL), round(float(y), DESIMAL), float(shapely.length(garis))


def _simpan(con, path: Path, baris: list[tuple], sumber: str) -> None:
    """Replace the boundaries of the regions the file names; other regions keep theirs."""
    kode, tingkat, geometri, x, y, jari, n, luas = zip(*baris)
    con.register(
        "peta_baru",
        pa.table(
            {
                "kode_wilayah": pa.array(kode, pa.string()),
                "tingkat": pa.array(tingkat, pa.int8()),
                "geometri": pa.array(geometri, pa.string()),
                "label_x": pa.array(x, pa.float64()),
                "label_y": pa.array(y, pa.float64()),
                "jari": pa.array(jari, pa.float64()),
                "titik": pa.array(n, pa.int32()),
                "luas": pa.array(luas, pa.float64()),
            }
        ),
    )
    con.execute("DELETE FROM peta_wilayah WHERE kode_wilayah IN (SELECT kode_wilayah FROM peta_baru)").fetchall()
    con.execute(
        "INSERT INTO peta_wilayah SELECT kode_wilayah, tingkat, geometri, label_x, label_y, jari, titik, luas, ?, ? "
        "FROM peta_baru",
        [path.name, sumber],
    ).fetchall()
    con.unregister("peta_baru")


def _catat_tolakan(con, path: Path) -> dict[str, int]:
    """The rejected features into baris_ditolak (the file's earlier rejects replaced): {reason: n}."""
    con.execute("DELETE FROM baris_ditolak WHERE jenis_berkas = 'peta' AND berkas = ?", [str(path)]).fetchall()
    con.execute(
        "INSERT INTO baris_ditolak SELECT NULL, 'peta', ?, fitur_ke, alasan, keterangan, NULL, kode_asli, NULL "
        "FROM peta_cek WHERE alasan IS NOT NULL",
        [str(path)],
    ).fetchall()
    rows = con.execute(
        "SELECT alasan, count(*) FROM peta_cek WHERE alasan IS NOT NULL GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return dict(rows)


def _tanpa_batas(con, tingkat: set[int]) -> dict[str, dict]:
    """Per level in the file: regions with a boundary now, and those without one among the
    children of the parents the file covers (named, the first CONTOH), and parents it does not cover."""
    hasil = {}
    for t in sorted(tingkat):
        wilayah, tanpa, contoh, induk_lain = con.execute(
            """
            WITH anak AS (
                SELECT w.kode, w.nama, coalesce(w.kode_induk, 'ID') AS induk, p.kode_wilayah IS NOT NULL AS ada
                FROM wilayah w LEFT JOIN peta_wilayah p ON p.kode_wilayah = w.kode
                WHERE w.tingkat = $t
            ),
            induk AS (SELECT induk, bool_or(ada) AS tercakup FROM anak GROUP BY induk)
            SELECT
                count(*) FILTER (WHERE ada),
                count(*) FILTER (WHERE NOT ada AND tercakup),
                list(kode || ' ' || nama ORDER BY kode) FILTER (WHERE NOT ada AND tercakup),
                (SELECT count(*) FROM induk WHERE NOT tercakup)
            FROM anak JOIN induk USING (induk)
            """,
            {"t": t},
        ).fetchone()
        hasil[TINGKAT[t]] = {
            "wilayah": wilayah,
            "tanpa_batas": tanpa,
            "contoh": (contoh or [])[:CONTOH],
            "induk_lain": induk_lain if t > 1 else 0,
            "tingkat_induk": TINGKAT.get(t - 1, ""),
        }
    return hasil


def _saran(ringkas: dict) -> list[str]:
    saran = []
    tolak = ringkas["rejected_by_reason"]
    if tolak.get("wilayah_invalid") or tolak.get("kode_invalid"):
        saran.append(
            f"{tolak.get('wilayah_invalid', 0) + tolak.get('kode_invalid', 0)} fitur tidak cocok dengan kode "
            "Kemendagri. Periksa apakah kolom --kode berisi kode Kemendagri (bukan kode BPS); "
            "daftar fiturnya ada di halaman Data dan unduhan baris ditolak."
        )
    for nama, t in ringkas["peta"]["tingkat"].items():
        if t["tanpa_batas"]:
            saran.append(
                f"{t['tanpa_batas']} {nama} belum punya batas (contoh: {', '.join(t['contoh'][:3])}); "
                "petanya menampilkan wilayah itu kosong sampai batasnya dimuat."
            )
    return saran


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def _pendek(e: Exception) -> str:
    """GDAL's first words, without the path and the advice it adds."""
    return str(e).splitlines()[0].split(";")[0].split(": ")[-1][:160]
