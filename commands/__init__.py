"""The command lines at the top of the layers: python -m etl, metrics and akses run these (each
package's __main__ only forwards here), so no lower layer imports a higher one."""
