"""python -m akses: forwards to commands/akses.py, the command line at the top of the layers."""

import sys

from commands import akses as command
from commands import guard

if __name__ == "__main__":
    sys.exit(guard.run(command.main))
