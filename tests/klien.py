"""A logged-in HTTP client of the app, for tests that post callbacks as any script could."""

import re

SANDI = "kuda-laut-biru-terbang-7"
ASAL = "http://localhost"  # the test client's own origin (its requests go to http://localhost/)


def baru(server, asal: str | None = ASAL):
    """A Flask test client that sends `Origin` on every request, as a browser does on every POST:
    the server refuses a state-changing request with no Origin or Referer of its own (server/masuk.py).
    `asal=None`: a client that sends none, as a bare script would."""
    client = server.test_client()
    if asal is not None:
        client.environ_base["HTTP_ORIGIN"] = asal
    return client


def masuk(app, nama: str, wilayah: str):
    """A Flask test client logged in as `nama` (made with scope `wilayah` if new)."""
    from akses import pengguna

    if not pengguna.cari(nama):
        pengguna.tambah(nama, wilayah=wilayah, sandi=SANDI)
    client = baru(app.server)
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


# --- the write callbacks (issue 31), posted as the page's buttons post them -------------------


def _kirim(client, outputs: list[tuple[str, str]], inputs: list, state: list[tuple[str, str, object]], ubah: str):
    uit = [{"id": i, "property": p} for i, p in outputs]
    body = {  # one output is written plainly, several between dots (Dash's own encoding)
        "output": ".." + "...".join(f"{i}.{p}" for i, p in outputs) + ".."
        if len(uit) > 1
        else "{}.{}".format(*outputs[0]),
        "outputs": uit if len(uit) > 1 else uit[0],
        "inputs": inputs,
        "state": [{"id": i, "property": p, "value": v} for i, p, v in state],
        "changedPropIds": [ubah],
    }
    return client.post("/_dash-update-component", json=body)


def aksi(client, search: str, hapus: int | None = None, judul: str = "Jemput bola pasar"):
    """The Aksi page's save button, or its 'Hapus' button of action `hapus` (any id: a forged one)."""
    nilai = {"aksi-jenis": "jemput_bola", "aksi-judul": judul, "aksi-mulai": "2024-02-01", "aksi-selesai": "",
             "aksi-orang": "", "aksi-sumber": None, "aksi-catatan": ""}  # fmt: skip
    tombol = [{"id": {"type": "aksi-hapus", "id": hapus}, "property": "n_clicks", "value": 1}] if hapus else []
    return _kirim(
        client,
        [("aksi-pesan", "children"), ("aksi-daftar", "children")],
        [{"id": "aksi-simpan", "property": "n_clicks", "value": None if hapus else 1}, tombol],
        [(k, "value", v) for k, v in nilai.items()] + [("_pages_location", "search", search)],
        f'{{"id":{hapus},"type":"aksi-hapus"}}.n_clicks' if hapus else "aksi-simpan.n_clicks",
    )


def rencana(client, search: str):
    """The what-if's 'save as a plan' button: 5 workers funded from December."""
    return _kirim(
        client,
        [("jika-hasil", "children")],
        [
            {"id": "jika-hitung", "property": "n_clicks", "value": None},
            {"id": "jika-simpan", "property": "n_clicks", "value": 1},
        ],
        [
            ("jika-n", "value", 5),
            ("jika-bulan", "value", "12"),
            ("jika-sumber", "value", "CSR"),
            ("_pages_location", "search", search),
        ],  # fmt: skip
        "jika-simpan.n_clicks",
    )


def target(client, search: str, hapus: bool = False, dasar: str = "rata"):
    """The Target page's save button, or the confirmed removal of the URL's place's split."""
    return _kirim(
        client,
        [
            ("target-pesan", "children"),
            ("target-keadaan", "children"),
            ("target-tunggu", "disabled"),
            ("target-simpan", "children"),
            ("target-hapus-tombol", "disabled"),
        ],  # fmt: skip
        [
            {"id": "target-simpan", "property": "n_clicks", "value": None if hapus else 1},
            {"id": "target-hapus", "property": "submit_n_clicks", "value": 1 if hapus else None},
            {"id": "target-tunggu", "property": "n_intervals", "value": None},
        ],
        [("target-dasar", "value", dasar), ("_pages_location", "search", search)],
        "target-hapus.submit_n_clicks" if hapus else "target-simpan.n_clicks",
    )


def langganan(client, search: str, akun: str | None = None, hapus: int | None = None, alamat="a@kab.example.id"):
    """The Langganan page's subscribe button for account `akun` (an admin's pick), or the stop
    button of subscription `hapus`."""
    tombol = [{"id": {"type": "langganan-hapus", "id": hapus}, "property": "n_clicks", "value": 1}] if hapus else []
    return _kirim(
        client,
        [("langganan-pesan", "children"), ("langganan-daftar", "children"), ("langganan-alamat", "value")],
        [{"id": "langganan-tambah", "property": "n_clicks", "value": None if hapus else 1}, tombol],
        [
            ("langganan-alamat", "value", alamat),
            ("langganan-bahasa", "value", "id"),
            ("langganan-akun", "value", akun),
            ("_pages_location", "search", search),
        ],  # fmt: skip
        f'{{"id":{hapus},"type":"langganan-hapus"}}.n_clicks' if hapus else "langganan-tambah.n_clicks",
    )
