"""The wall-clock time of `make check` and `make test` on this machine.

How long the two loops take: `make check` (target 10 s) and `make test`
(target 3 min, setup already done), as wall-clock seconds on this machine,
with the load average at the start, since a loaded machine stretches both.

Both targets record each run in .venv/suite-times.tsv (the Makefile's `timed`).
This prints the last recorded run of each; it runs `make check` itself when
none is recorded (seconds), and `make test` only with `--run` (minutes).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMES = ROOT / ".venv" / "suite-times.tsv"
TARGETS = {"check": 10, "test": 180}


def recorded() -> dict[str, tuple[float, int, float, str]]:
    """{target: (seconds, exit code, load at start, when)} of the last run of each."""
    last = {}
    if TIMES.is_file():
        for line in TIMES.read_text(encoding="utf-8").splitlines():
            name, start, end, code, load = line.split("\t")
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(float(start)))
            last[name] = (float(end) - float(start), int(code), float(load), when)
    return last


def main(argv: list[str]) -> int:
    for target in TARGETS:
        if target not in recorded() and (target == "check" or "--run" in argv):
            subprocess.run(["make", "--no-print-directory", target], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    last = recorded()
    failed = 0
    for target, limit in TARGETS.items():
        if target not in last:
            print(f"make {target:<6}   no run recorded: run `make {target}` "
                  f"(or `python {Path(__file__).relative_to(ROOT)} --run`)")
            continue
        seconds, code, load, when = last[target]
        verdict = "ok" if code == 0 and seconds <= limit else ("FAILED" if code else "too slow")
        failed |= code != 0
        print(f"make {target:<6} {seconds:7.1f} s  (target {limit} s, load {load:.1f} at start, "
              f"{when}): {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
