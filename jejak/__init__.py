"""The ground under every layer beside settings: the store of accounts, sessions and the audit
trail (one SQLite file in the data directory) and the audit trail itself."""
