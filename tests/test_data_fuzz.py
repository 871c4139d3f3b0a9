"""Property: whatever happens to a data file, the checker gives either valid
data (that renders) or only plain `data/FILE.yml:LINE: field: message` lines.
Never a traceback, never a hang.

Hypothesis mutates the real files the way editing does: lines deleted,
duplicated, swapped or re-indented, values of another type, keys removed,
references broken, another encoding, junk pasted in, the file cut off.
The checker is called directly (no site build), so each example is fast.

`make test` runs 200 fixed examples; `make fuzz` runs 5 000 random ones
(TSP_FUZZ_EXAMPLES) and prints a summary line.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import time
import traceback
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from macros.tsp.models.datafile import CHECKER_FAULT, DataError
from macros.tsp.models.loader import load_all
from views import render_everything

# ~15 s: left out of `make check` (10 s budget) with the build tests; `make test` runs it.
pytestmark = pytest.mark.build

EXAMPLES = int(os.environ.get("TSP_FUZZ_EXAMPLES", "200"))
RANDOM = "TSP_FUZZ_EXAMPLES" in os.environ
# CPU seconds (not wall-clock, so a loaded machine does not count): far
# above the slowest real check, ~0.3 s.
TIME_BOUND = 5.0
FILES = sorted(p.name for p in (ROOT / "data").glob("*.yml"))
ORIGINAL = {name: (ROOT / "data" / name).read_bytes() for name in FILES}
PLAIN = re.compile(r"^data/[a-z_]+\.yml:[1-9][0-9]*: [^\n]+: [^\n]+$")

# Values of other types, and references that point nowhere.
OTHER_VALUES = ["123", "3.1", "true", "no", "null", "~", "[]", "{}", "[a, b]", "{sv: x}",
                "2026-13-45", "2026-11-21", '""', "- x", "'", '"', "|", ">", "&a", "*a",
                "!!binary aGVq", "{{ x }}", "1e400", "0x1F", ".inf", "9" * 5000]
JUNK = st.text(alphabet=st.sampled_from(
    list("abcö:-#&*!|>%@`'\"{}[],? \t") + ["\x0b", "\x00", "\x1b", "\u2028", "\u2029", "\x85",
                                          "\ufeff", "\r", "\n", "\ud7ff", "\U0001f600"]),
    min_size=1, max_size=20)
ATTACKS = [
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
    "a: &x [*x]\n",
    "a: " + "[" * 3000 + "\n",
    "a: " + "{a: " * 3000 + "\n",
    "a: " + "x" * 30000 + "\n",
    "- " * 2000 + "x\n",
    "a: !!python/object/apply:os.system ['true']\n",
    "%YAML 1.1\n---\na: 1\n---\nb: 2\n",
]


@st.composite
def mutation(draw, lines: list[str]) -> tuple[str, object]:
    """One edit of a list of lines, described for the report."""
    n = len(lines)
    i = draw(st.integers(0, max(n - 1, 0)))
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "reindent", "retype", "remove_key",
                                 "break_reference", "junk", "attack"]))
    if kind == "delete" and n:
        del lines[i]
    elif kind == "duplicate" and n:
        lines.insert(i, lines[i])
    elif kind == "swap" and n:
        j = draw(st.integers(0, n - 1))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "reindent" and n:
        delta = draw(st.sampled_from([-4, -2, -1, 1, 2, 4]))
        lines[i] = (" " * delta + lines[i]) if delta > 0 else lines[i][-delta:]
    elif kind == "retype" and n and ":" in lines[i]:
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {draw(st.sampled_from(OTHER_VALUES))}"
    elif kind == "remove_key" and n:
        indent = len(lines[i]) - len(lines[i].lstrip())
        end = i + 1
        while end < n and (not lines[end].strip()
                           or len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
        del lines[i:end]
    elif kind == "break_reference":
        refs = [k for k, line in enumerate(lines) if re.match(
            r"\s*-?\s*(id|responsible|module|see|page|steps|members|show|kind|situation):", line)]
        if refs:
            k = draw(st.sampled_from(refs))
            key = lines[k].split(":", 1)[0]
            value = draw(st.sampled_from(["nowhere", "planen/nej.md#x", "x" * 300 + ".md",
                                          "skriv-ut/../../", "akut/", '"3.9.9"', "[kommunchef]",
                                          "0", "10", "p" * 300 + "/"]))
            lines[k] = f"{key}: {value}"
    elif kind == "junk" and n:
        junk = draw(JUNK)
        at = draw(st.integers(0, len(lines[i])))
        lines[i] = lines[i][:at] + junk + lines[i][at:]
    elif kind == "attack":
        lines[:] = draw(st.sampled_from(ATTACKS)).splitlines()
    return kind, i


@st.composite
def damaged_file(draw) -> tuple[str, bytes, list]:
    name = draw(st.sampled_from(FILES))
    lines = ORIGINAL[name].decode("utf-8").split("\n")
    done = [draw(mutation(lines)) for _ in range(draw(st.integers(1, 3)))]
    raw = "\n".join(lines).encode("utf-8")
    encoding = draw(st.sampled_from([None] * 6 + ["utf-16", "utf-16-be", "utf-32", "utf-8-sig",
                                                  "latin-1", "cp1252"]))
    if encoding:
        raw = "\n".join(lines).encode(encoding, errors="replace")
        done.append(("encoding", encoding))
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(raw)))
        raw = raw[:cut]
        done.append(("truncate", cut))
    return name, raw, done


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory) -> Path:
    """A project whose data/ the fuzzer may break; code and pages are the real ones."""
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(ROOT / "data", root / "data")
    for name in ("docs", "overrides", "macros", "mkdocs.yml"):
        (root / name).symlink_to(ROOT / name)
    # Warm the caches (templates compiled, string keys scanned) outside the time bound.
    render_everything(load_all(root), root)
    return root


def check_once(root: Path, name: str, raw: bytes) -> tuple[str, list[str], float]:
    """('valid'|'refused'|'traceback'|'hang'|'not plain', details, CPU seconds)."""
    target = root / "data" / name
    target.write_bytes(raw)
    start = time.process_time()
    signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, TIME_BOUND)
    try:
        data = load_all(root)
        render_everything(data, root)
        outcome, details = "valid", []
    except DataError as error:
        lines = [str(p) for p in error.problems]
        bad = [line for line in lines if not PLAIN.match(line)]
        faults = [line for line in lines if CHECKER_FAULT in line]
        if faults:
            outcome, details = "traceback", faults
        elif bad or not lines:
            outcome, details = "not plain", bad or ["(no problem listed)"]
        else:
            outcome, details = "refused", lines
    except Hang:
        outcome, details = "hang", [f"still running after {TIME_BOUND} s of CPU time"]
    except Exception:  # noqa: BLE001 (counted and shown, not raised)
        outcome, details = "traceback", [traceback.format_exc(limit=-6)]
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        target.write_bytes(ORIGINAL[name])
    return outcome, details, time.process_time() - start


def test_any_damage_gives_valid_data_or_plain_lines(fuzz_root):
    counts: Counter = Counter()
    failures: list[str] = []
    slowest = [0.0]

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not RANDOM,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(damaged_file())
    def run(example):
        name, raw, done = example
        outcome, details, seconds = check_once(fuzz_root, name, raw)
        counts[outcome] += 1
        slowest[0] = max(slowest[0], seconds)
        if outcome not in ("valid", "refused") and len(failures) < 5:
            failures.append(f"{outcome}: data/{name} after {done}:\n  " + "\n  ".join(details[:3]))

    run()
    summary = (f"fuzz: {sum(counts.values())} mutations: {counts['valid']} valid, "
               f"{counts['refused']} refused with file:line; {counts['traceback']} tracebacks, "
               f"{counts['hang']} hangs, {counts['not plain']} messages without file:line; "
               f"slowest {slowest[0]:.2f} s of CPU time")
    print("\n" + summary)
    assert not failures, summary + "\n" + "\n".join(failures)
    # The mutations must reach both outcomes, or the property says little.
    assert counts["valid"] and counts["refused"], summary
