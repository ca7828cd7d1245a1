"""What officials fill in from the dashboard: actions on a place (aksi.py), target splits
(pembagian.py) and weekly-report subscriptions with their deliveries (langganan.py), kept in the
access store beside the accounts (jejak/skema.sql; one SQLite file, data/akses.sqlite), since the
warehouse is only written by loads. These modules keep rows and check fields; the scope checks
and the audit of refusals are in metrics/aksi.py, metrics/pembagian.py and metrics/langganan.py,
the one route pages, the mailer and the command lines take (.importlinter, contract isian).
Depends on jejak, kode_wilayah and settings only; each store refuses with isian.galat.GalatIsian;
etl/build.py reads the active splits too (issue 32)."""
