"""Accounts, sessions and the audit trail (data/akses.sqlite). Depends on settings only. What
officials record from the dashboard (actions, splits, subscriptions) is in isian/."""
