"""Laporan terjadwal: the weekly report sent by email to each subscription (issue 20)."""
