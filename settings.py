"""Settings, read from the environment once per call so tests can change them."""

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Browser code served in place of Dash's (server/statis.py; vendor/build.sh; docs/performance.md, issue 34)
PLOTLY_JS = ROOT / "vendor" / "plotly" / "plotly-cakupan.min.js"
REGENERATOR_JS = ROOT / "vendor" / "regenerator-runtime.min.js"


def data_dir() -> Path:
    """Where the warehouse, keys and demo files live (CAKUPAN_DATA_DIR, default data/)."""
    path = Path(os.environ.get("CAKUPAN_DATA_DIR") or ROOT / "data")
    path.mkdir(parents=True, exist_ok=True)
    return path


def _kunci(env: str, berkas: str) -> bytes:
    """A secret from the environment, else from a file in the data directory made on first use
    (readable by the server's user only); every worker on that directory reads the same one."""
    key = os.environ.get(env)
    if key:
        return key.encode()
    path = data_dir() / berkas
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    except FileExistsError:
        pass
    return path.read_text().strip().encode()


def nik_key() -> bytes:
    """The key for hashing NIK: CAKUPAN_NIK_KEY, else data/nik.key."""
    return _kunci("CAKUPAN_NIK_KEY", "nik.key")


def secret_key() -> bytes:
    """The key that signs session cookies: CAKUPAN_SECRET_KEY, else data/secret.key. Every server
    worker (and every host behind one address) must share it."""
    return _kunci("CAKUPAN_SECRET_KEY", "secret.key")


def session_hours() -> int:
    """A login lasts this many hours (CAKUPAN_SESSION_HOURS, default 8: a working day)."""
    return _int("CAKUPAN_SESSION_HOURS", 8)


def proxy_hops() -> int:
    """Reverse proxies in front of the app whose X-Forwarded-For is trusted (CAKUPAN_PROXY_HOPS,
    default 0): behind nginx, 1, so a login's client address is the browser's, not the proxy's."""
    return _int("CAKUPAN_PROXY_HOPS", 0)


def cookie_secure() -> bool:
    """Send the session cookie over HTTPS only (CAKUPAN_COOKIE_SECURE=1 behind TLS)."""
    return os.environ.get("CAKUPAN_COOKIE_SECURE", "") in ("1", "true", "yes")


def log_path() -> Path:
    """The server's log: requests, logins, loads and exports (no names, no NIK)."""
    path = data_dir() / "log"
    path.mkdir(exist_ok=True)
    return path / "cakupan.log"


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def grace_months() -> int:
    """How many months before the as-of month a last contribution still counts as active."""
    return _int("CAKUPAN_GRACE_MONTHS", 1)


def rw_target() -> int:
    """Participants each RW should have ("1 RW 100 peserta")."""
    return _int("CAKUPAN_RW_TARGET", 100)


def detail_snapshots() -> int:
    """How many recent snapshots keep their person-level table; older ones keep rollups only."""
    return _int("CAKUPAN_DETAIL_SNAPSHOTS", 8)


def ringkas_mingguan() -> int:
    """How many recent snapshots keep a rollup file each (CAKUPAN_RINGKAS_MINGGUAN, default 13, a
    quarter); older ones are compacted that many to a file (warehouse/partisi.py)."""
    return max(1, _int("CAKUPAN_RINGKAS_MINGGUAN", 13))


def load_memory() -> str:
    """DuckDB's memory limit while loading (CAKUPAN_LOAD_MEMORY, default 1.75GB): past it, it spills to
    disk, so a national roster loads on a shared machine."""
    value = os.environ.get("CAKUPAN_LOAD_MEMORY", "1.75GB").strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*(MB|GB|MiB|GiB)", value):
        raise ValueError(f"CAKUPAN_LOAD_MEMORY '{value}': pakai mis. 6GB atau 4096MB")
    return value


def zona():
    """The time zone the dashboard writes clock times in (CAKUPAN_ZONA, default Asia/Jakarta: WIB;
    Asia/Makassar is WITA, Asia/Jayapura WIT). A zoneinfo.ZoneInfo; ValueError for an unknown name."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    nama = os.environ.get("CAKUPAN_ZONA", "").strip() or "Asia/Jakarta"
    try:
        return ZoneInfo(nama)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"CAKUPAN_ZONA '{nama}' tidak dikenal: pakai mis. Asia/Jakarta, Asia/Makassar") from None


def host() -> str:
    return os.environ.get("HOST", "127.0.0.1")


def port() -> int:
    return _int("PORT", 8050)


_UNITS = {"B": 1, "KB": 1 << 10, "KIB": 1 << 10, "MB": 1 << 20, "MIB": 1 << 20, "GB": 1 << 30, "GIB": 1 << 30}


def _bytes(name: str, default: str) -> int:
    """A size setting such as '20GB' or '1MB', in bytes (binary units: 1MB = 1.048.576 bytes)."""
    value = os.environ.get(name, "").strip() or default
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?", value, re.IGNORECASE)
    if not match:
        raise ValueError(f"{name} '{value}': pakai mis. 20GB, 512MB atau 1MB")
    return int(float(match.group(1)) * _UNITS[(match.group(2) or "B").upper()])


def max_unpacked() -> int:
    """The most bytes one input file may hold once unpacked (a gzip, a workbook's XML), in bytes
    (CAKUPAN_MAX_UNPACKED, default 20GB: twice the national roster), so a hostile file cannot
    fill the disk."""
    return _bytes("CAKUPAN_MAX_UNPACKED", "20GB")


def max_line() -> int:
    """The longest line an input text file may have, in bytes (CAKUPAN_MAX_LINE, default 1MB; a
    roster row is under 1 KB), so one endless line cannot take the memory."""
    return _bytes("CAKUPAN_MAX_LINE", "1MB")


@dataclass(frozen=True)
class Smtp:
    """Where the weekly reports are sent from (laporan/kirim.py)."""

    host: str
    port: int
    keamanan: str  # starttls (upgrade after connecting, port 587), tls (TLS from the start, 465), tanpa
    pengguna: str | None
    sandi: str | None
    dari: str  # the From address
    ca: str | None  # a CA bundle to trust instead of the system's (a private mail server)
    timeout: float


def smtp() -> Smtp | None:
    """The mail settings, or None when CAKUPAN_SMTP_HOST is not set (reports wait, unsent).

    CAKUPAN_SMTP_HOST, CAKUPAN_SMTP_PORT (default by security: 587, 465, 25),
    CAKUPAN_SMTP_KEAMANAN (starttls, tls or tanpa; default starttls), CAKUPAN_SMTP_PENGGUNA and
    CAKUPAN_SMTP_SANDI (or CAKUPAN_SMTP_SANDI_FILE, a file holding it), CAKUPAN_SMTP_DARI (the
    From address; default cakupan@ the host), CAKUPAN_SMTP_CA, CAKUPAN_SMTP_TIMEOUT (seconds,
    default 20). ValueError for a value that cannot be right."""
    host_ = os.environ.get("CAKUPAN_SMTP_HOST", "").strip()
    if not host_:
        return None
    keamanan = os.environ.get("CAKUPAN_SMTP_KEAMANAN", "").strip().lower() or "starttls"
    if keamanan not in ("starttls", "tls", "tanpa"):
        raise ValueError(f"CAKUPAN_SMTP_KEAMANAN '{keamanan}': pakai starttls, tls atau tanpa")
    sandi = os.environ.get("CAKUPAN_SMTP_SANDI") or None
    berkas = os.environ.get("CAKUPAN_SMTP_SANDI_FILE", "").strip()
    if berkas:
        try:
            sandi = Path(berkas).read_text(encoding="utf-8").strip()
        except OSError as e:
            raise ValueError(f"CAKUPAN_SMTP_SANDI_FILE {berkas} tidak terbaca: {e.strerror}") from None
    pengguna = os.environ.get("CAKUPAN_SMTP_PENGGUNA", "").strip() or None
    if pengguna and keamanan == "tanpa":
        raise ValueError(
            "CAKUPAN_SMTP_PENGGUNA tanpa enkripsi: kata sandi akan terkirim terbuka. Pakai starttls atau tls."
        )
    try:
        timeout = float(os.environ.get("CAKUPAN_SMTP_TIMEOUT", "") or 20)
    except ValueError:
        raise ValueError("CAKUPAN_SMTP_TIMEOUT: detik, mis. 20") from None
    try:
        port_ = _int("CAKUPAN_SMTP_PORT", {"starttls": 587, "tls": 465, "tanpa": 25}[keamanan])
    except ValueError:
        raise ValueError(f"CAKUPAN_SMTP_PORT '{os.environ.get('CAKUPAN_SMTP_PORT')}': nomor port, mis. 587") from None
    # an address needs a domain: a bare IP or a one-word host is no mail domain
    domain = host_ if "." in host_ and not host_.replace(".", "").isdigit() else "localhost"
    return Smtp(
        host=host_,
        port=port_,
        keamanan=keamanan,
        pengguna=pengguna,
        sandi=sandi,
        dari=os.environ.get("CAKUPAN_SMTP_DARI", "").strip() or f"cakupan@{domain}",
        ca=os.environ.get("CAKUPAN_SMTP_CA", "").strip() or None,
        timeout=timeout,
    )


ALAMAT_DISAJIKAN = "alamat_web"  # in data_dir(): the address `python app.py` serves on, written at its start


def alamat_publik() -> str:
    """CAKUPAN_ALAMAT_WEB without a trailing '/', or '' when not set: read on every POST (the
    origin check), so no file behind it."""
    return os.environ.get("CAKUPAN_ALAMAT_WEB", "").strip().rstrip("/")


def alamat_web() -> str:
    """The dashboard's address as officials open it, without a trailing '/': the link in a report's
    email and an origin a POST may come from. CAKUPAN_ALAMAT_WEB (e.g. https://cakupan.example.go.id)
    when set; else the address `python app.py` last started serving on (its --host and --port, kept
    in data_dir()/alamat_web: reports are mailed by other processes, a load or the timer, that do
    not know the port; issue 32, item 7); else http://HOST:PORT."""
    publik = alamat_publik()
    if publik:
        return publik
    try:
        disajikan = (data_dir() / ALAMAT_DISAJIKAN).read_text(encoding="utf-8").strip()
    except OSError:
        disajikan = ""
    return (disajikan or f"http://{host()}:{port()}").rstrip("/")


def surel_domain() -> tuple[str, ...]:
    """The domains a weekly report may be mailed to (issue 31): CAKUPAN_SUREL_DOMAIN, comma-separated
    (e.g. 'example.go.id,bpjsketenagakerjaan.go.id'; a domain allows its subdomains too). Unset:
    the From address's domain only (CAKUPAN_SMTP_DARI), the organisation's own; with neither set,
    none: no report leaves for any address until the operator names where mail may go. Lower
    case, without a leading '@' or '.'."""
    teks = os.environ.get("CAKUPAN_SUREL_DOMAIN", "").strip()
    if not teks:
        dari = os.environ.get("CAKUPAN_SMTP_DARI", "").strip()
        teks = dari.rsplit("@", 1)[1] if "@" in dari else ""
    return tuple(dict.fromkeys(d.strip().lower().lstrip("@.") for d in re.split(r"[,;\s]+", teks) if d.strip()))


def langganan_maks() -> int:
    """Active subscriptions one account may hold (CAKUPAN_LANGGANAN_MAKS, default 10; issue 31)."""
    return _int("CAKUPAN_LANGGANAN_MAKS", 10)


def alamat_maks() -> int:
    """Addresses one subscription may send to (CAKUPAN_ALAMAT_MAKS, default 10; issue 31)."""
    return _int("CAKUPAN_ALAMAT_MAKS", 10)
