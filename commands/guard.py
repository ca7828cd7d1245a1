"""The guard around every command line (python -m etl, metrics, akses): a failure is a message
and exit code 2, a closed pipe (`... --out - | head`) ends quietly, never a traceback on screen.
An unexpected error's traceback goes to the server log (settings.log_path()) for whoever fixes it."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Callable

import settings


def run(main: Callable[[list[str] | None], int], argv: list[str] | None = None) -> int:
    """main(argv)'s exit code; 2 with a message for any error it did not handle itself."""
    try:
        code = main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        print("\nDibatalkan; data lama tetap dipakai.", file=sys.stderr)
        return 130
    except Exception as e:  # the last guard: whatever a command did not foresee
        where = _log(e)
        print(
            f"Gagal: kesalahan tak terduga ({type(e).__name__}). Data lama tetap dipakai. "
            f"Rincian teknis dicatat di {where}; kirimkan ke pengelola Cakupan.",
            file=sys.stderr,
        )
        return 2


def _quiet_stdout() -> None:
    """The reader of our output went away: point stdout at /dev/null so the exit flush is silent."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _log(error: Exception) -> str:
    try:
        path = settings.log_path()
        with open(path, "a", encoding="utf-8") as f:
            f.write("".join(traceback.format_exception(type(error), error, error.__traceback__)))
        return str(path)
    except Exception:  # the log itself is out of reach: say so rather than fail again
        return "(log tidak bisa ditulis)"
