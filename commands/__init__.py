"""The command lines at the top of the layers: python -m etl, metrics and akses run these (each
package's __main__ only forwards here), so no lower layer imports a higher one."""


def angka(nilai: int | None) -> str:
    """A count as the command lines print it: 1.234.567; '-' for none."""
    return "-" if nilai is None else f"{nilai:,}".replace(",", ".")
