"""python -m etl: forwards to commands/etl.py, the command line at the top of the layers."""

import sys

from commands import etl as command
from commands import guard

if __name__ == "__main__":
    sys.exit(guard.run(command.main))
