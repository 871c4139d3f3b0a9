"""The accessibility statement's data checked against the tests themselves.

data/accessibility.yml (issue 17): every claim
of the accessibility statement names tests that exist and are not known to
fail, every known issue names a test that is, and the status is not "full"
while anything is untested."""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

from conftest import known_defects
from macros.tsp.models.loader import load_accessibility

ROOT = Path(__file__).resolve().parents[1]
DATA = load_accessibility()


@lru_cache(maxsize=None)
def functions_of(path: str) -> frozenset[str]:
    """The test functions a test file defines."""
    file = ROOT / path
    if not file.is_file():
        return frozenset()
    tree = ast.parse(file.read_text(encoding="utf-8"))
    return frozenset(node.name for node in tree.body
                     if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"))


def exists(test_id: str) -> bool:
    path, name = test_id.split("::")
    return name in functions_of(path)


def test_every_named_test_exists():
    named = [t for claim in DATA.checked for t in claim.tests] + [i.test for i in DATA.known_issues]
    assert named
    assert [t for t in named if not exists(t)] == []


def test_claims_rest_on_tests_that_pass_and_issues_on_tests_that_fail():
    failing = set(known_defects())
    assert [t for claim in DATA.checked for t in claim.tests if t in failing] == [], \
        "a claim rests on a test known to fail: move it to known_issues"
    assert [i.test for i in DATA.known_issues if i.test not in failing] == [], \
        "a known issue's test passes now: the issue is fixed, take it off the statement"


def test_not_fully_compliant_before_a_screen_reader_test():
    if any(u.id == "screen_reader" for u in DATA.untested):
        assert DATA.status != "full"
    assert DATA.status != "full" or not (DATA.known_issues or DATA.untested)
