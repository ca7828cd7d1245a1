"""python -m akses: forwards to commands/akses.py, the command line at the top of the layers."""
import sys

from commands import guard
from commands import akses as command

if __name__ == "__main__":
    sys.exit(guard.run(command.main))
