"""A logged-in HTTP client of the app, for tests that post callbacks as any script could."""

import re

SANDI = "kuda-laut-biru-terbang-7"


def masuk(app, nama: str, wilayah: str):
    """A Flask test client logged in as `nama` (made with scope `wilayah` if new)."""
    from akses import pengguna

    if not pengguna.cari(nama):
        pengguna.tambah(nama, wilayah=wilayah, sandi=SANDI)
    client = app.server.test_client()
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/masuk").text).group(1)
    client.post("/masuk", data={"nama": nama, "sandi": SANDI, "csrf": csrf, "lanjut": "/"})
    return client
