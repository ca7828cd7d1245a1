-- The access store (data/akses.sqlite): accounts, server-side sessions and the audit trail.
-- SQLite, not the warehouse: several server workers write logins and exports at once, and a
-- load serves a new warehouse file while users and sessions stay.

-- Grain: one row per account. nama is a login name (an office, not a person's name).
CREATE TABLE IF NOT EXISTS pengguna (
    nama            TEXT PRIMARY KEY,
    hash_sandi      TEXT NOT NULL,            -- werkzeug scrypt hash, never the password
    wilayah         TEXT NOT NULL DEFAULT 'ID',
    kantor_cabang   TEXT,                     -- set: a branch scope
    admin           INTEGER NOT NULL DEFAULT 0,
    aktif           INTEGER NOT NULL DEFAULT 1,
    dibuat          TEXT NOT NULL,
    sandi_diganti   TEXT NOT NULL
);

-- Grain: one row per login. The browser holds the token; only its SHA-256 is kept.
CREATE TABLE IF NOT EXISTS sesi (
    hash_token      TEXT PRIMARY KEY,
    nama            TEXT NOT NULL REFERENCES pengguna (nama),
    dibuat          TEXT NOT NULL,
    kedaluwarsa     TEXT NOT NULL,
    ditutup         TEXT                      -- logout, password reset or account disabled
);

-- Grain: one row per event: login, failed login, logout, load, export, account change.
CREATE TABLE IF NOT EXISTS audit (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    waktu           TEXT NOT NULL,
    oleh            TEXT NOT NULL,
    peristiwa       TEXT NOT NULL,
    lingkup         TEXT,
    rincian         TEXT
);
CREATE INDEX IF NOT EXISTS audit_oleh_waktu ON audit (oleh, peristiwa, waktu);

-- Grain: one row per password check of a login that failed or is under way (issue 31). The row is
-- claimed before the hash is checked, in the same BEGIN IMMEDIATE transaction that counts the
-- rows of the last 15 minutes (akses/pengguna.py periksa_sandi), so concurrent logins in every
-- server worker see each other's checks. A success removes its row; a check that never finished
-- (a worker killed) stays 'menunggu' and counts as a failure. Rows older than the window go.
-- oleh: the account, or the keyed hash of a name that is no account (jejak/audit.py nama_samaran).
CREATE TABLE IF NOT EXISTS percobaan_masuk (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    waktu           TEXT NOT NULL,
    oleh            TEXT NOT NULL,
    alamat          TEXT NOT NULL,            -- the client address (CAKUPAN_PROXY_HOPS)
    hasil           TEXT NOT NULL             -- menunggu (being checked) or gagal
);
CREATE INDEX IF NOT EXISTS percobaan_masuk_alamat ON percobaan_masuk (alamat, waktu);

-- Grain: one row per subscription of an account to the weekly report of a place (issue 20).
-- saringan: the filters as the URL writes them (JSON: segmen, program, sumber, rentan, cabang);
-- kepada: the addresses, comma-separated. Removed subscriptions stay, aktif 0, for the trail.
CREATE TABLE IF NOT EXISTS langganan (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    pengguna        TEXT NOT NULL REFERENCES pengguna (nama),
    wilayah         TEXT NOT NULL,
    saringan        TEXT NOT NULL DEFAULT '{}',
    bahasa          TEXT NOT NULL DEFAULT 'id',
    kepada          TEXT NOT NULL,
    aktif           INTEGER NOT NULL DEFAULT 1,
    dibuat          TEXT NOT NULL,
    oleh            TEXT NOT NULL
);

-- Grain: one row per subscription and snapshot: the report of that week, sent once. status:
-- menunggu (due, mail not set up or unreachable), mengirim (claimed by a run), terkirim (galat:
-- addresses the server refused while taking the rest), gagal (tried again at berikutnya; NULL:
-- given up), dilewati (the account is disabled or the place left its scope), digantikan (a newer
-- snapshot's report went instead), mungkin (a run died inside the SMTP exchange: it may have
-- arrived, never re-sent on its own; issue 31), ulang (an admin asked to send it again).
CREATE TABLE IF NOT EXISTS kiriman (
    langganan_id    INTEGER NOT NULL REFERENCES langganan (id),
    tanggal_data    TEXT NOT NULL,
    status          TEXT NOT NULL,
    percobaan       INTEGER NOT NULL DEFAULT 0,
    terakhir        TEXT NOT NULL,
    berikutnya      TEXT,
    galat           TEXT,
    ukuran          INTEGER,                  -- bytes of the message sent
    PRIMARY KEY (langganan_id, tanggal_data)
);

-- Grain: one row per action (aksi) recorded on a place (issue 21): an instruction, outreach,
-- funding, recruiting agents, a pick-up drive or other, dated. orang: the people it funds, where
-- it funds people; rencana 1: planned (saved from the what-if), not yet done. Removed: aktif 0.
CREATE TABLE IF NOT EXISTS aksi (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    wilayah         TEXT NOT NULL,
    jenis           TEXT NOT NULL,
    judul           TEXT NOT NULL,
    catatan         TEXT NOT NULL DEFAULT '',
    mulai           TEXT NOT NULL,            -- YYYY-MM-DD
    selesai         TEXT,
    orang           INTEGER,
    sumber_dana     TEXT,                     -- APBD or CSR, for funding
    rencana         INTEGER NOT NULL DEFAULT 0,
    aktif           INTEGER NOT NULL DEFAULT 1,
    dibuat          TEXT NOT NULL,
    oleh            TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS aksi_wilayah ON aksi (wilayah, mulai);

-- Grain: one row per target split (pembagian target, issue 21): the target of kode_induk for one
-- year and segment, split over the places one level below on a basis the official chose. Its
-- children's derived targets are in pembagian_baris; a redo makes a new row and retires the old
-- one (aktif 0), a removal retires it. Copied into every warehouse build (etl/sql/target_turunan.sql).
CREATE TABLE IF NOT EXISTS pembagian (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    kode_induk      TEXT NOT NULL,
    tahun           INTEGER NOT NULL,
    segmen          TEXT NOT NULL,            -- SEMUA or a segment, as in the target table
    dasar           TEXT NOT NULL,            -- pekerja, terdaftar, rw or rata (isian/pembagian.py DASAR)
    target_induk    INTEGER NOT NULL,         -- the parent's target when it was split (persons)
    dibagi          INTEGER NOT NULL,         -- what was split: target_induk minus the children's own targets
    tanggal_dasar   TEXT,                     -- the snapshot the basis was read from (YYYY-MM-DD)
    aktif           INTEGER NOT NULL DEFAULT 1,
    dibuat          TEXT NOT NULL,
    oleh            TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pembagian_induk ON pembagian (kode_induk, tahun, segmen, aktif);

-- Grain: one row per child of a split with a derived target (a child whose share is 0, or that
-- has a target of its own, gets none). nilai_dasar: the child's basis (persons, RWs, or 1).
CREATE TABLE IF NOT EXISTS pembagian_baris (
    pembagian_id    INTEGER NOT NULL REFERENCES pembagian (id),
    kode_wilayah    TEXT NOT NULL,
    nilai_dasar     INTEGER NOT NULL,
    target          INTEGER NOT NULL,
    PRIMARY KEY (pembagian_id, kode_wilayah)
);

-- Grain: one row per address and report (issue 31): kunci is the SHA-256 of the place, filters
-- (with a branch account's branch), language and snapshot (isian/langganan.py kunci_kiriman), so
-- an address gets one report once whatever the subscriptions asking for it. status: mengirim (a
-- run is sending it), terkirim, mungkin (a run died inside the SMTP exchange: it may have
-- arrived; never sent again unless an admin asks), ulang (an admin asked: the next run sends it
-- with the same message_id). A failed send removes its rows (a later try takes them again).
CREATE TABLE IF NOT EXISTS kiriman_alamat (
    kunci           TEXT NOT NULL,
    alamat          TEXT NOT NULL,            -- lower case
    langganan_id    INTEGER NOT NULL REFERENCES langganan (id),
    tanggal_data    TEXT NOT NULL,
    status          TEXT NOT NULL,
    message_id      TEXT,
    terakhir        TEXT NOT NULL,
    PRIMARY KEY (kunci, alamat)
);
CREATE INDEX IF NOT EXISTS kiriman_alamat_langganan ON kiriman_alamat (langganan_id, tanggal_data);
