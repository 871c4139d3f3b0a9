"""The wall-clock time of `make check` and `make test` on this machine.

How long the two loops take: `make check` (target 10 s) and `make test`
(target 3 min, setup already done), as wall-clock seconds on this machine,
with the load average, since a loaded machine stretches both."""

from __future__ import annotations

import os
import subprocess
import sys
import time

TARGETS = {"check": 10, "test": 180}


def timed(target: str) -> tuple[float, int]:
    start = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", target],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, result.returncode


def main() -> int:
    failed = 0
    for target, limit in TARGETS.items():
        load = os.getloadavg()[0]
        seconds, code = timed(target)
        verdict = "ok" if code == 0 and seconds <= limit else ("FAILED" if code else "too slow")
        failed |= code
        print(f"make {target:<6} {seconds:7.1f} s  (target {limit} s, load {load:.1f} at start): {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
