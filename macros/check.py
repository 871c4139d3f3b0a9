"""`make check-data`: validate every data file and say plainly what is wrong."""

from __future__ import annotations

import sys

from .datafile import DataError
from .loader import load_all
from .summary import load_summary


def main() -> int:
    try:
        load_all()
        load_summary()
    except DataError as error:
        print(f"Found {len(error.problems)} problem(s) in the data files:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("All data files are valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
