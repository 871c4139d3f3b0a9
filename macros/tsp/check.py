"""`make check-data`: the data files validated, then the readiness report of blank contacts.

`make check-data`: validate every data file and say plainly what is wrong,
then list the contacts that are still blank (a readiness report, not an error).

    python -m macros.tsp.check             # plain text (make check-data)
    python -m macros.tsp.check --summary   # Markdown, for a CI job summary
"""

from __future__ import annotations

import sys

from . import ROOT
from .models.datafile import DataError
from .models.loader import load_all
from .models.readiness import blank_contacts


def main(argv: list[str] | None = None) -> int:
    summary = "--summary" in (argv if argv is not None else sys.argv[1:])
    try:
        data = load_all()
    except DataError as error:
        print(f"Found {len(error.problems)} problem(s) in the data files:", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    blank = blank_contacts(ROOT, data["contacts"])
    if summary:
        print("## Readiness: contacts\n")
        if blank:
            print(f"{len(blank)} contact(s) not filled in yet; their cards show a number "
                  "to call instead (the switchboard, or 114 14 for the police):\n")
            print("\n".join(f"- `{line}`" for line in blank))
        else:
            print("Every contact is filled in.")
        return 0
    print("All data files are valid.")
    if blank:
        print(f"Readiness: {len(blank)} contact(s) not filled in yet "
              "(their cards show a number to call instead):")
        for line in blank:
            print(f"  {line}")
    else:
        print("Readiness: every contact is filled in.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
