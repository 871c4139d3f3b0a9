"""data/organisation.yml: checked like the other data, and named nowhere else.

data/organisation.yml is checked like the other data files: plain
messages with file and line, never a traceback, never a half-built site.
Its names stand there and in the plan's own texts only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from data_edit import edit, problems
from macros.tsp.models.loader import load_organisation, load_strings


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.mark.parametrize("old, new, field, message", [
    ('primary: "#1f4e79"', 'primary: "#ffcc00"', "colours.primary", "contrast with white is 1.51:1"),
    ('primary: "#1f4e79"', 'primary: "blue"', "colours.primary", "is not a colour"),
    ("# logo: assets/images/logo.svg", "logo: assets/images/logo.svg", "logo",
     "docs/assets/images/logo.svg does not exist"),
    ("email: registrator@", "email: registrator.", "email", "is not an e-mail address"),
    ("initials: OK", "initials: O.K.", "initials", "one to three letters"),
    ('switchboard: "0155-380 00"', 'switchboard: "växeln"', "switchboard", "is not a phone number"),
    ("date: 2018-06-13", "date: 2018-13-06", "decision.date", "cannot be read"),
])
def test_bad_value_is_named_with_file_and_line(root, old, new, field, message):
    line = edit(root, "organisation.yml", old, new)
    found = problems(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"data/organisation.yml:{line}: {field}: "), found
    assert message in found[0]


def test_missing_translation_is_named(root):
    edit(root, "organisation.yml", f"  en: {load_organisation().name('en')}\n", "")
    found = problems(root)
    assert any(p.startswith("data/organisation.yml:") and "name.en: missing translation (en)" in p
               for p in found), found


def test_missing_file_stops_with_a_plain_message(root):
    (root / "data" / "organisation.yml").unlink()
    assert problems(root) == ["data/organisation.yml:1: (file): the file is missing"]


def test_strings_are_filled_from_the_organisation():
    organisation = load_organisation()
    strings = load_strings()
    for lang in ("sv", "en"):
        issuer = strings.text("course_certificate_issuer", lang)
        assert organisation.name(lang) in issuer
        assert organisation.decision.registration_number in issuer
        assert "{" not in strings.text("course_certificate_text", lang)


def test_the_organisation_is_named_only_in_its_file_and_the_plan():
    """Its names, registration number and mail domain stand in data/organisation.yml
    and the plan's own texts, nowhere in code, templates, styles, tests or other pages."""
    organisation = load_organisation()
    words = {organisation.short_name, organisation.decision.registration_number,
             organisation.email.split("@")[1].split(".")[0]}
    words |= {organisation.name(lang) for lang in ("sv", "en")}
    allowed = {ROOT / "data" / "organisation.yml", ROOT / "data" / "plan-reference.txt"}
    skip = {ROOT / "docs" / "planen", ROOT / "tests" / "fixtures"}
    places = [ROOT / name for name in ("macros", "overrides", "docs", "tests", "data", ".github",
                                       ".ci", "Makefile", "mkdocs.yml")]
    found = []
    for place in places:
        for path in [place] if place.is_file() else sorted(place.rglob("*")):
            if (not path.is_file() or path in allowed or "node_modules" in path.parts
                    or "__pycache__" in path.parts or any(s in path.parents for s in skip)):
                continue
            text = path.read_text(encoding="utf-8", errors="ignore").lower()
            found += [f"{path.relative_to(ROOT)}: {w}" for w in words if w.lower() in text]
    assert found == []
