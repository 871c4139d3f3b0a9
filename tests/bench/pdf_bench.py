"""Time to print every printable page to PDF with one Chromium.

Builds the site into a temporary folder, then runs macros/tsp/steps/pdf.py on it and
prints the total and the time per PDF (target: under 0.3 s a PDF on average).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import run_build  # noqa: E402
from macros.tsp.steps.pdf import build_pdfs  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = run_build(site)
        if result.returncode != 0:
            print(result.stderr[-2000:])
            return 1
        start = time.perf_counter()
        timings = build_pdfs(site)
        total = time.perf_counter() - start
    for pdf, seconds in sorted(timings, key=lambda t: -t[1]):
        print(f"  {seconds:6.2f} s  {pdf}")
    average = total / len(timings)
    print(f"pdf: {len(timings)} PDFs in {total:.2f} s, {average:.2f} s a PDF "
          f"(one browser, incl. start; target < 0.30 s a PDF)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
