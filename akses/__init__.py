"""Accounts, sessions and the audit trail (data/akses.sqlite). Depends on settings only."""
