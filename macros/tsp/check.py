"""`make check-data` (`python -m macros.tsp.check`): validate every data file and say plainly what is wrong."""

from __future__ import annotations

import sys

from .models.datafile import DataError
from .models.loader import load_all


def main() -> int:
    try:
        load_all()
    except DataError as error:
        print(f"Found {len(error.problems)} problem(s) in the data files:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("All data files are valid.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
