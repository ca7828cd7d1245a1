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


def halaman(client, path: str, search: str = "", headers=None):
    """The Dash Pages callback, posted by hand as any script could: the response holding the page
    for a URL (`path`, `search` with its '?')."""
    body = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"}, {"id": "_pages_store", "property": "data"}],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    return client.post("/_dash-update-component", json=body, headers=headers)
