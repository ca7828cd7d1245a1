"""python -m etl: forwards to commands/etl.py, the command line at the top of the layers."""
import sys

from commands import guard
from commands import etl as command

if __name__ == "__main__":
    sys.exit(guard.run(command.main))
