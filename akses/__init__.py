"""Accounts and sessions (data/akses.sqlite). Depends on settings, kode_wilayah (a scope is a
region code) and jejak (the store and the audit trail) only. What officials record from the
dashboard (actions, splits, subscriptions) is in isian/."""
