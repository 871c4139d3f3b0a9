"""The model of data/accessibility.yml: the accessibility statement's claims.

What the statement claims, and which tests back each claim
(tests/test_accessibility_data.py checks that they exist)."""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import Strict, Text

# tests/FILE.py::test_name, as pytest and tests/known-defects.txt write it.
TestId = Annotated[str, StringConstraints(pattern=r"^tests/[a-z0-9_]+\.py::test_[a-z0-9_]+$")]


class Checked(Strict):
    text: Text
    tests: list[TestId] = Field(min_length=1)


class KnownIssue(Strict):
    text: Text
    # The test that fails while the issue is open (listed in tests/known-defects.txt).
    test: TestId


class Untested(Strict):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    text: Text


class Accessibility(Strict):
    status: Literal["full", "partial", "none"]
    assessed: datetime.date
    checked: list[Checked] = Field(min_length=1)
    known_issues: list[KnownIssue] = []
    untested: list[Untested] = []
    # DIGG's model statement: content exempt as an unreasonable burden (12 §)
    # and content outside the law (9 §); empty lists print "none".
    burdensome: list[Text] = []
    outside_law: list[Text] = []

    def problems(self):
        """A site with open issues or untested areas is not fully compliant."""
        if self.status == "full" and (self.known_issues or self.untested):
            return [(("status",), "'full' although known_issues or untested are listed")]
        return []


def statement_items(data: Accessibility, section: str, lang: str) -> list[dict]:
    """One list of the statement in one language: {text, tests} per item."""
    if section not in SECTIONS:
        raise ValueError(f"accessibility_list: no section '{section}' (known: {', '.join(SECTIONS)})")
    items = []
    for item in getattr(data, section):
        text = item(lang) if isinstance(item, Text) else item.text(lang)
        tests = getattr(item, "tests", None) or ([item.test] if hasattr(item, "test") else [])
        items.append({"text": text, "tests": [t.removeprefix("tests/") for t in tests]})
    return items


SECTIONS = ("checked", "known_issues", "untested", "burdensome", "outside_law")
