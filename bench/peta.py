"""The map's cost: boundary files for a benchmark, then the map callback's time and payload.

    python bench/peta.py kode SRC.geojson OUT.geojson    # add Kemendagri codes (KODE) by name
    python bench/peta.py kecamatan 31.75 OUT.geojson      # a kab/kota's kecamatan, made up
    python bench/peta.py ukur 35 [--repeat 20]            # time the map of a place's children

`kode` reads a kab/kota file that names its regions (WADMPR province, WADMKK kab/kota, as in
Badan Informasi Geospasial's files and the public copies made from them) and writes the same
features with the Kemendagri code in property KODE, matched by name against the served
warehouse; it prints the names it could not match. `kecamatan` cuts a kab/kota's boundary (from
the served warehouse) into Voronoi cells around made-up seeds, one per kecamatan, with wiggly
borders of about 2.000 vertices each (as dense as a surveyed border): no public file has
kecamatan with Kemendagri codes. `ukur` draws the Ringkasan map section of a place as a page
would (the children's table, the boundaries, the figure) and prints the median of `--repeat`
draws after the first, and the GeoJSON and figure sizes in kilobytes.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _baku(nama: str) -> str:
    nama = nama.upper().replace("KABUPATEN ADMINISTRASI", "").replace("KOTA ADMINISTRASI", "KOTA")
    nama = re.sub(r"^KABUPATEN\s+", "", nama.strip())
    return re.sub(r"[^A-Z]", "", nama)


def kode(src: str, out: str) -> None:
    import warehouse

    prov = {_baku(n): k for k, n in warehouse.rows("SELECT kode, nama FROM wilayah WHERE tingkat = 1")}
    prov.update({"DKIJAKARTA": "31", "DIYOGYAKARTA": "34", "DAERAHISTIMEWAYOGYAKARTA": "34"})
    kab = {}
    for k, n, induk in warehouse.rows("SELECT kode, nama, kode_induk FROM wilayah WHERE tingkat = 2"):
        kab[(induk, _baku(n))] = k
    data = json.loads(Path(src).read_text())
    hilang = []
    for f in data["features"]:
        p = f["properties"]
        induk = prov.get(_baku(p.get("WADMPR", "")))
        nama = _baku(p.get("WADMKK", ""))
        k = kab.get((induk, nama)) or kab.get((induk, "KOTA" + nama.removeprefix("KOTA")))
        if k is None:
            hilang.append(f"{p.get('WADMPR')} / {p.get('WADMKK')}")
        p["KODE"] = k
    Path(out).write_text(json.dumps(data))
    print(f"{len(data['features']) - len(hilang)} of {len(data['features'])} matched; unmatched: {hilang}")


def kecamatan(induk: str, out: str, seed: int = 19) -> None:
    import numpy as np
    import shapely

    import kode_wilayah
    import warehouse
    from metrics import lingkup, peta

    lingkup.pasang(lingkup.NASIONAL)
    kab = peta.batas_anak(kode_wilayah.baca(induk).induk.kode).get(induk)
    if kab is None:
        sys.exit(f"{induk} has no boundary in the served warehouse: load its kab/kota first")
    luar = shapely.from_geojson(json.dumps(kab["geometri"]))
    anak = [k for (k,) in warehouse.rows("SELECT kode FROM wilayah WHERE kode_induk = $k ORDER BY 1", {"k": induk})]
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = luar.bounds
    titik = []
    while len(titik) < len(anak):
        p = shapely.Point(rng.uniform(x0, x1), rng.uniform(y0, y1))
        if luar.contains(p):
            titik.append(p)
    sel = shapely.get_parts(shapely.voronoi_polygons(shapely.MultiPoint(titik), extend_to=luar.envelope))
    lebar = x1 - x0
    # a smooth wiggle that is a function of position only: a border shared by two cells moves the
    # same way in both, so the cells still tile the kab/kota (a surveyed border is not straight)
    fase = rng.uniform(0, 6.3, 4)

    def goyang(xy):
        x, y = xy[:, 0], xy[:, 1]
        a, k = lebar / 150, 60 / lebar
        return np.column_stack(
            [
                x + a * np.sin(k * y + fase[0]) * np.cos(k * 0.7 * x + fase[1]),
                y + a * np.sin(k * x + fase[2]) * np.cos(k * 1.3 * y + fase[3]),
            ]
        )

    fitur = []
    for k, p in zip(anak, titik, strict=True):
        cell = next(c for c in sel if c.contains(p))
        cell = shapely.transform(shapely.segmentize(cell, lebar / 1500), goyang)
        fitur.append(
            {
                "type": "Feature",
                "properties": {"KODE": k},
                "geometry": json.loads(shapely.to_geojson(shapely.intersection(cell, luar))),
            }
        )
    Path(out).write_text(json.dumps({"type": "FeatureCollection", "features": fitur}))
    n = sum(shapely.get_num_coordinates(shapely.from_geojson(json.dumps(f["geometry"]))) for f in fitur)
    print(f"{len(fitur)} kecamatan of {induk}, {n} vertices")


def ukur(kode_tempat: str, repeat: int) -> None:
    import plotly

    from layouts import peta as lp
    from metrics import cakupan, lingkup, peta, wilayah
    from metrics.pertanyaan import tanya

    lingkup.pasang(lingkup.NASIONAL)
    tempat = wilayah.tempat(kode_tempat)

    def gambar():
        rows = cakupan.anak(tanya(kode_tempat), cakupan.ANAK).baris
        return lp.bagian(tempat, rows, "id", "ringkasan-peta")

    pertama = time.perf_counter()
    kartu = gambar()
    pertama = time.perf_counter() - pertama
    kali = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        kartu = gambar()
        json.dumps(kartu.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder)  # what Dash sends
        kali.append(time.perf_counter() - t0)
    fitur = peta.batas_anak(kode_tempat)
    geo = len(json.dumps([f["geometri"] for f in fitur.values()], separators=(",", ":")))
    halaman = len(json.dumps(kartu.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder))
    print(
        f"{tempat.nama}: {len(fitur)} regions; first draw {pertama * 1000:.1f} ms; median of {repeat} after it "
        f"{statistics.median(kali) * 1000:.1f} ms (min {min(kali) * 1000:.1f}, max {max(kali) * 1000:.1f}); "
        f"GeoJSON {geo / 1000:.1f} KB, map section as sent {halaman / 1000:.1f} KB"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="perintah", required=True)
    a = sub.add_parser("kode")
    a.add_argument("src")
    a.add_argument("out")
    a = sub.add_parser("kecamatan")
    a.add_argument("induk")
    a.add_argument("out")
    a = sub.add_parser("ukur")
    a.add_argument("kode")
    a.add_argument("--repeat", type=int, default=20)
    args = p.parse_args()
    if args.perintah == "kode":
        kode(args.src, args.out)
    elif args.perintah == "kecamatan":
        kecamatan(args.induk, args.out)
    else:
        ukur(args.kode, args.repeat)


if __name__ == "__main__":
    main()
