"""Broken copies of data/*.yml: each must stop with `data/FILE.yml:LINE: field: message`.

Each case edits one line of a copy of the real data; the expected line is the
line of that edit in the broken file (found by searching it, not copied from
the output).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_build
from data_edit import edit, problems
from macros.tsp.models.datafile import SAFE_LOADER
from macros.tsp.models.loader import load_all


def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ to break, beside the real docs/ and mkdocs.yml (the course
    bank checks that its link targets exist in every language)."""
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    return tmp_path


def field_at(text: str, line: int) -> str:
    """The deepest field written on a 1-based line of a YAML text ('steps[0].rows[2].id'),
    so a case names its field by the line it edits, not by a position in the data."""
    found: list[str] = []

    def walk(node, path: str) -> None:
        if node.start_mark.line + 1 == line:
            found.append(path)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                inner = f"{path}.{key.value}" if path else str(key.value)
                if key.start_mark.line + 1 == line:
                    found.append(inner)
                walk(value, inner)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                walk(item, f"{path}[{i}]")

    walk(yaml.compose(text, Loader=SAFE_LOADER), "")
    assert found, f"no field on line {line}"
    return max(found, key=len)


# name: (file, old text, new text, which occurrence, field, words in the message,
#        where the problem is reported relative to the edited line). {at} is the
#        field on the edited line (field_at), {parent} the one it belongs to.
CASES = {
    "missing_translation": (
        "routine.yml",
        "          en: The person who has been subjected to threats, violence etc. informs "
        "the party's safety contact.\n", "", 1,
        # reported on the `action:` line, two lines above the removed one
        "{at}", "missing translation (en)", -2),
    "unknown_role": (
        "routine.yml", "responsible: kommunchefen", "responsible: kommunchef", 2,
        "{at}", "unknown role 'kommunchef' (known: utsatt,", 0),
    "duplicate_row_id": (
        "routine.yml", "id: 3-1-1-strateg", "id: 3-1-1-bedomning", 1,
        "{at}", "duplicate row id '3-1-1-bedomning'", 0),
    "duplicate_role_id": (
        "routine.yml", "  - id: kommunchefen", "  - id: sakerhetsstrateg", 1,
        "{at}", "duplicate role id 'sakerhetsstrateg'", 0),
    "unknown_base_role": (
        "routine.yml", "members: [utsatt]", "members: [utsat]", 1,
        "{at}", "unknown base role 'utsat'", 0),
    "wrong_type_list": (
        "routine.yml", "        targets:\n", "        targets: Partikamrater\n        xtargets:\n", 1,
        "{at}", "must be a list", 0),
    "unquoted_step_number": (
        "routine.yml", 'id: "3.2.4"', "id: 3.3", 1,
        "{at}", "put the value in quotes", 0),
    "malformed_step_number": (
        "routine.yml", 'id: "3.2.4"', 'id: "3.2-4"', 1,
        "{at}", "is not a step number", 0),
    "unknown_key": (
        "routine.yml", "responsible: sakerhetsstrateg", "responsibel: sakerhetsstrateg", 1,
        "{parent}.responsibel", "unknown field", 0),
    "empty_required_text": (
        "routine.yml", "sv: Det initiala samtalet dokumenteras", 'sv: ""', 1,
        "{at}", "must not be empty", 0),
    "bad_date": (
        "routine.yml", "last_reviewed: 2026-11-21", "last_reviewed: 2026-13-45", 1,
        "last_reviewed", "cannot be read: month must be in 1..12", 0),
    "date_as_words": (
        "contacts.yml", "last_reviewed: 2026-11-21", "last_reviewed: 21 november 2026", 1,
        "last_reviewed", "must be a date", 0),
    "malformed_yaml": (
        "contacts.yml", "      en: Safety contact (V)", "      en: Safety: contact (V)", 1,
        "(file)", "not valid YAML", 0),
    "bad_phone": (
        "contacts.yml", 'phone: ""', 'phone: "ring mig"', 3,
        "{at}", "is not a phone number", 0),
    "bad_fallback_phone": (
        "contacts.yml", 'phone: "114 14"', 'phone: "växeln"', 1,
        "{at}", "is not a phone number", 0),
    "fallback_unknown_key": (
        "contacts.yml", "      text:\n", "      txt:\n", 1,
        "{parent}.txt", "unknown field", 0),
    "phone_as_number": (
        "contacts.yml", 'phone: "114 14"', "phone: 11414", 2,
        "{at}", "must be text", 0),
    "bad_email": (
        "contacts.yml", 'email: ""', 'email: "namn.kommun.se"', 1,
        "{at}", "is not an e-mail address", 0),
    "unknown_contact_kind": (
        "contacts.yml", "kind: polisen", "kind: polis", 1,
        "{at}", "unknown role 'polis' (the base roles of data/routine.yml: utsatt,", 0),
    "contact_missing_translation": (
        "contacts.yml", "      sv: Säkerhetsansvarig (C)\n", "", 1,
        # reported on the `title:` line just above the removed one
        "{at}", "missing translation (sv)", -1),
    "incident_unknown_step": (
        "incident.yml", 'steps: ["3.2.3"]', 'steps: ["3.9.9"]', 1,
        "{at}", "unknown step '3.9.9'", 0),
    "incident_duplicate_field": (
        "incident.yml", "- id: police_report", "- id: police_contacted", 1,
        "{at}", "duplicate form field id 'police_contacted'", 0),
    "incident_unknown_check_kind": (
        "incident.yml", "kind: comment", "kind: kommentar", 1,
        "{at}", "must be one of", 0),
    "strings_boolean_key": (
        "strings.yml", '"no":', "no:", 1,
        "no", "is read as bool, not text: put it in quotes", 0),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_file_names_file_line_and_field(case, tmp_path):
    name, old, new, nth, field, words, offset = CASES[case]
    root = data_copy(tmp_path)
    original = (root / "data" / name).read_text(encoding="utf-8")
    edited = edit(root, name, old, new, nth)
    line = edited + offset
    if "{" in field:
        at = field_at(original, edited)
        field = field.format(at=at, parent=at.rsplit(".", 1)[0])
    found = problems(root)
    prefix = f"data/{name}:{line}: {field}: "
    matching = [p for p in found if p.startswith(prefix)]
    assert matching, f"expected a problem starting {prefix!r}, got {found}"
    assert any(words in p for p in matching), found


def test_missing_file(tmp_path):
    root = data_copy(tmp_path)
    (root / "data" / "contacts.yml").unlink()
    assert "data/contacts.yml:1: (file): the file is missing" in problems(root)


def test_empty_file(tmp_path):
    root = data_copy(tmp_path)
    (root / "data" / "incident.yml").write_text("# nothing yet\n", encoding="utf-8")
    assert "data/incident.yml:1: (file): the file is empty" in problems(root)


def test_problems_of_several_files_are_reported_together(tmp_path):
    root = data_copy(tmp_path)
    edit(root, "routine.yml", "responsible: kommunchefen", "responsible: kommunchef")
    edit(root, "contacts.yml", "      sv: Säkerhetsansvarig (C)\n", "")
    files = {p.split(":")[0] for p in problems(root)}
    assert files == {"data/routine.yml", "data/contacts.yml"}


def test_real_data_is_valid():
    loaded = load_all()
    assert set(loaded) == {"organisation", "strings", "routine", "contacts", "incident", "course",
                           "corrections", "situations", "printables", "summary", "accessibility"}


def test_check_data_command_prints_one_line_per_problem(project_copy):
    line = edit(project_copy, "routine.yml", "responsible: kommunchefen", "responsible: kommunchef")
    result = subprocess.run([sys.executable, "-m", "macros.tsp.check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"data/routine.yml:{line}: steps[2].rows[0].responsible: unknown role 'kommunchef'" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_data_stops_the_build_without_traceback(project_copy, tmp_path):
    line = edit(project_copy, "routine.yml", "responsible: kommunchefen", "responsible: kommunchef")
    dest = tmp_path / "site"
    result = run_build(dest, project_copy)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"data/routine.yml:{line}: steps[2].rows[0].responsible: unknown role 'kommunchef'" in output
    assert "Traceback" not in output
    assert not (dest / "planen" / "bilaga-3" / "index.html").exists()


def test_check_data_also_checks_the_printables(project_copy):
    """`make check-data` and the build read the same files: printables.yml too."""
    path = project_copy / "data" / "printables.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(i for i, row in enumerate(lines, 1) if row.strip().startswith("- id:"))
    path.write_text("\n".join(lines[:line - 1] + [lines[line - 1] + "\n    colour: red"] + lines[line:]) + "\n",
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.tsp.check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"data/printables.yml:{line + 1}: printables[0].colour: unknown field" in result.stderr


def test_a_printable_page_that_does_not_exist_is_named(project_copy):
    line = edit(project_copy, "printables.yml", "page: skriv-ut/incidentrapport/",
                "page: skriv-ut/incidentrapprt/")
    result = subprocess.run([sys.executable, "-m", "macros.tsp.check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert (f"data/printables.yml:{line}: printables[0].page: no page "
            f"'skriv-ut/incidentrapprt/' in docs/") in result.stderr

