"""python -m metrics: forwards to commands/metrics.py, the command line at the top of the layers."""

import sys

from commands import guard
from commands import metrics as command

if __name__ == "__main__":
    sys.exit(guard.run(command.main))
