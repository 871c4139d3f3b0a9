"""Real editing damage to each data file, and the checker's plain message for it.

Damage that real editing does to a data file, one case each: the checker
answers with the exact plain line, `data/FILE.yml:LINE: field: message`.

The line of each problem is found by searching the edited file, not copied
from the checker's output; the messages are the ones the checker promises.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from data_edit import edit, problems
from macros.tsp.models.loader import load_all
from macros.tsp.models.phone import tel_href


@pytest.fixture
def root(tmp_path) -> Path:
    """A project with a copy of data/ to break; code and pages are the real ones."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    for name in ("docs", "overrides", "macros", "mkdocs.yml"):
        (tmp_path / name).symlink_to(ROOT / name)
    return tmp_path


# One edit to a data file, and the one problem it makes: (file, old text, new
# text, what follows `data/FILE:LINE: `), LINE being the line of the edit.
ONE_EDIT = [
    # invisible characters
    pytest.param("strings.yml", "  sv: Skriv ut\n", '  sv: "Skriv\\vut"\n',
                 "print.sv: contains the invisible character U+000B (vertical tab): remove it",
                 id="a_control_character_written_as_an_escape"),
    pytest.param("strings.yml", "  sv: Skriv ut\n", "\tsv: Skriv ut\n",
                 "(file): a tab in the indentation: indent with spaces only",
                 id="a_tab_in_the_indentation"),
    # aliases, tags, depth, size
    pytest.param("strings.yml", "  sv: Skriv ut\n", "  sv: *text\n",
                 "(file): '*text' is an alias (a copy of another part of the file): data files "
                 "do not use aliases, write the value out in full",
                 id="an_alias_without_anchor"),
    pytest.param("strings.yml", "  sv: Skriv ut\n", "  sv: !!python/name:os.system x\n",
                 "(file): '!!python/name:os.system' is a YAML tag: data files do not use tags; "
                 "remove it (put text in quotes instead)",
                 id="a_yaml_tag"),
    pytest.param("strings.yml", "  sv: Skriv ut\n", "  sv: " + "[" * 5000 + "\n",
                 "(file): nested more than 32 levels deep: check the indentation and the brackets",
                 id="nesting_beyond_sense"),
    pytest.param("strings.yml", "  sv: Skriv ut\n", "  sv: " + "x" * 25_000 + "\n",
                 "print.sv: this value is 25000 characters long; at most 20000 fit in a data file",
                 id="a_value_beyond_sense"),
    # values too long for a file name
    pytest.param("printables.yml", "page: skriv-ut/incidentrapport/", "page: " + "p" * 300 + "/",
                 f"printables[0].page: '{'p' * 59}…' must be a page path like skriv-ut/112-kort/: "
                 f"lowercase letters, digits, - and _, each part ending in / (at most 200 "
                 f"characters)",
                 id="a_printable_page_longer_than_a_file_name"),
    pytest.param("course.yml", "see: planen/1-inledning.md#mal", "see: planen/" + "x" * 300 + ".md",
                 f"modules[0].key_points[0].see: '{('planen/' + 'x' * 300)[:59]}…' must be a "
                 f"docs path like planen/3-hantera.md",
                 id="a_course_link_longer_than_a_file_name"),
    # found by the fuzz test: OSError (file name too long) in the plan check
    pytest.param("situations.yml", "page: planen/bilaga-2/1-pagaende-situationer.md",
                 "page: " + "x" * 300 + ".md",
                 f"situations[0].page: '{'x' * 59}…' must be a page in docs/ like "
                 f"planen/bilaga-2/1-pagaende-situationer.md (at most 200 characters)",
                 id="a_situation_page_longer_than_a_file_name"),
    # messages that were not plain
    pytest.param("strings.yml", "  sv: Skriv ut\n", "  sv: {{ x }}\n",
                 "print.sv: '{{ x }}' is read as a group or list, not text, because it starts "
                 "with a bracket: if it is text, put it all in quotes, like \"{{ x }}\"",
                 id="unquoted_template_braces"),
    # check-data checks what the build needs
    pytest.param("printables.yml", "page: skriv-ut/incidentrapport/", "page: akut/",
                 "printables[0].page: 'akut/' cannot be printed: docs/akut.md has tsp_light: "
                 "true, so it loads no print script",
                 id="a_printable_page_that_cannot_be_printed"),
    pytest.param("printables.yml", "page: skriv-ut/incidentrapport/", "page: ../../etc/",
                 "printables[0].page: '../../etc/' must be a page path like skriv-ut/112-kort/: "
                 "lowercase letters, digits, - and _, each part ending in / (at most 200 "
                 "characters)",
                 id="a_printable_page_outside_docs"),
]


@pytest.mark.parametrize("name, old, new, message", ONE_EDIT)
def test_one_edit_is_one_plain_problem(root, name, old, new, message):
    line = edit(root, name, old, new)
    assert problems(root) == [f"data/{name}:{line}: {message}"]


# --- encodings ---------------------------------------------------------------

def test_a_file_saved_as_utf16(root):
    path = root / "data" / "contacts.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert problems(root) == ['data/contacts.yml:1: (file): the file is saved as UTF-16 '
                              '(what Notepad calls "Unicode"): save it again as UTF-8']


def test_a_file_cut_in_the_middle_of_a_letter(root):
    path = root / "data" / "routine.yml"
    raw = path.read_bytes()
    cut = raw.index("ö".encode()) + 1  # the first of the two bytes of "ö"
    path.write_bytes(raw[:cut])
    line = raw.count(b"\n", 0, cut) + 1
    assert problems(root) == [f"data/routine.yml:{line}: (file): the file ends in the middle of "
                              f"a letter (such as 'ö'): it was cut off; restore its end from "
                              f"the previous version"]


def test_a_file_saved_as_windows_1252(root):
    path = root / "data" / "routine.yml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("cp1252"))
    first = next(i for i, char in enumerate(text) if ord(char) > 127)
    byte = text[first].encode("cp1252")[0]
    line = text.count("\n", 0, first) + 1
    column = len(text[:first].rsplit("\n", 1)[-1].encode("cp1252")) + 1
    assert problems(root) == [f"data/routine.yml:{line}: (file): byte 0x{byte:02X} in column {column} "
                              f"is not UTF-8: the file was saved in another encoding (such as "
                              f"Windows-1252), or a letter such as 'ö' is broken; save it as "
                              f"UTF-8 and check the letters on this line"]


# --- invisible characters ----------------------------------------------------

def test_a_vertical_tab_pasted_from_word(root):
    old = "sv: Det initiala samtalet dokumenteras"
    line = edit(root, "routine.yml", old, old.replace("initiala ", "initiala\v"))
    text = (root / "data" / "routine.yml").read_text(encoding="utf-8").split("\n")[line - 1]
    column = text.index("\v") + 1
    assert problems(root) == [f"data/routine.yml:{line}: (file): the invisible character "
                              f"U+000B (vertical tab) in column {column} (often pasted from a "
                              f"word processor): delete it"]


def test_line_numbers_stay_right_after_a_line_separator(root):
    """YAML counts U+2028 as a line break, editors do not: a character further
    down is still reported on the editor's line."""
    path = root / "data" / "routine.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    # Two text lines, the second well below the first.
    texts = [n for n, line in enumerate(lines, 1) if "sv: " in line]
    separator, below = texts[1], texts[-1]
    lines[separator - 1] += "\u2028"
    lines[below - 1] += "\v"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert problems(root) == [
        f"data/routine.yml:{separator}: (file): the invisible character U+2028 (line separator) "
        f"in column {len(lines[separator - 1])} (often pasted from a word processor): delete it",
        f"data/routine.yml:{below}: (file): the invisible character U+000B (vertical tab) "
        f"in column {len(lines[below - 1])} (often pasted from a word processor): delete it"]


# --- aliases, tags, depth, size ----------------------------------------------

def test_a_recursive_alias(root):
    path = root / "data" / "strings.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "loop: &x [*x]\n", encoding="utf-8")
    line = text.count("\n") + 1
    assert problems(root) == [f"data/strings.yml:{line}: (file): '&x' is an anchor: data files "
                              f"do not use anchors or aliases (&name, *name), write each value "
                              f"out in full"]


def test_an_alias_bomb_is_refused_at_once(root):
    """357 bytes that expand to 9^9 values: 11 s and 1.4 GB before."""
    bomb = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
            + "".join(f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n"
                      for a, b in zip("abcdefgh", "bcdefghi")))
    (root / "data" / "strings.yml").write_text(bomb, encoding="utf-8")
    start = time.perf_counter()
    found = problems(root)
    assert time.perf_counter() - start < 2
    assert found == ["data/strings.yml:1: (file): '&a' is an anchor: data files do not use "
                     "anchors or aliases (&name, *name), write each value out in full"]


def test_a_file_beyond_sense(root):
    (root / "data" / "strings.yml").write_bytes(b"# x\n" * 300_000)
    assert problems(root) == ["data/strings.yml:1: (file): the file is 1200000 bytes; a data "
                              "file is at most 1000000: is it the right file?"]


# --- messages that were not plain ----------------------------------------------

def test_a_key_with_a_line_break_stays_on_one_line(root):
    line = edit(root, "routine.yml", "responsible: sakerhetsstrateg",
                '"respon\\nsible": sakerhetsstrateg')
    found = problems(root)
    assert (f"data/routine.yml:{line}: steps[1].rows[0].respon\\nsible: unknown field "
            f"(check the spelling, or remove it)") in found


# --- check-data checks what the build needs -------------------------------------

def test_a_missing_ui_string(root):
    path = root / "data" / "strings.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("download_pdf:\n  sv: Ladda ner PDF\n  en: Download PDF\n", ""),
                    encoding="utf-8")
    assert problems(root) == ["data/strings.yml:1: download_pdf: missing entry: "
                              "overrides/partials/tsp-print-list.html, macros/tsp/steps/print_actions.py "
                              "prints it; add it with sv: and en: texts"]


def test_an_empty_string_catalogue(root):
    (root / "data" / "strings.yml").write_text("{}\n", encoding="utf-8")
    found = problems(root)
    assert found[0] == ("data/strings.yml:1: action: missing entry: overrides/partials/"
                        "tsp-print-checklist-table.html, overrides/partials/tsp-routine-head.html "
                        "prints it; add it with sv: and en: texts")
    assert found[-1].startswith("data/strings.yml:1: (file): and ")


def test_check_data_names_the_missing_string_and_exits_1(project_copy):
    path = project_copy / "data" / "strings.yml"
    text = path.read_text(encoding="utf-8")
    entry = text.index("emergency_link:")
    path.write_text(text[:entry] + text[entry:].split("\n", 3)[3], encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.tsp.check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/strings.yml:1: emergency_link: missing entry: overrides/404.html, " \
           "overrides/partials/tsp-emergency-link.html, macros/tsp/steps/organisation.py prints " \
           "it; add it with sv: and en: " \
           "texts" in result.stderr
    assert "Traceback" not in result.stderr


# --- contacts --------------------------------------------------------------------

def test_a_number_written_with_country_code_and_trunk_zero_dials(root):
    edit(root, "organisation.yml", 'switchboard: "0155-380 00"', 'switchboard: "+46 (0)155 380 00"')
    organisation = load_all(root)["organisation"]
    assert organisation.switchboard == "+46 (0)155 380 00"
    assert tel_href(organisation.switchboard) == "tel:+4615538000"


@pytest.mark.parametrize("written,message", [
    ("namn@exempel.se?bcc=alla@example.com",
     "'namn@exempel.se?bcc=alla@example.com' must be the address alone: nothing like "
     "'?bcc=' or '&' after it: write it like namn@exempel.se"),
    ("mailto:namn@exempel.se",
     "'mailto:namn@exempel.se': write the address alone, without 'mailto:'"),
    ("namn @exempel.se",
     "'namn @exempel.se' has a space in it; an e-mail address has none: write it like "
     "namn@exempel.se"),
    ("namn.exempel.se",
     "'namn.exempel.se' is not an e-mail address: it needs exactly one @, write it like "
     "namn@exempel.se"),
])
def test_an_email_that_cannot_be_mailed(root, written, message):
    line = edit(root, "contacts.yml", 'email: ""', f'email: "{written}"')
    assert problems(root) == [f"data/contacts.yml:{line}: contacts[0].email: {message}"]


@pytest.mark.parametrize("written,message", [
    ("+46 114 14", "'+46 114 14' is a short number: it is dialled without +46, write it like 114 14"),
    ("+46 0155 380 00", "'+46 0155 380 00': after +46 the 0 of the area code is left out, like "
                        "+46 155 380 00 (or +46 (0)155 380 00)"),
    ("380 00", "'380 00' cannot be dialled: start with the area code, like 0155-380 00, or write "
               "a short number such as 112 or 114 14"),
    ("ring växeln", "'ring växeln' is not a phone number: write it like 0155-380 00"),
    ("0155-380 00 00 00", "'0155-380 00 00 00' has 13 digits; a Swedish number with its area "
                          "code has 7 to 10: write it like 0155-380 00"),
    ("0155-(380) 00", "'0155-(380) 00' has brackets where none belong: use them only around the "
                      "area code, like (0155) 380 00 or +46 (0)155 380 00"),
])
def test_a_number_that_cannot_be_dialled(root, written, message):
    line = edit(root, "contacts.yml", 'phone: ""', f'phone: "{written}"')
    assert problems(root) == [f"data/contacts.yml:{line}: contacts[0].phone: {message}"]


def test_a_module_a_page_shows_is_renamed(root):
    """docs/utbildning/modul-1-varfor.md calls course_module("varfor"): the build needs it."""
    edit(root, "course.yml", "  - id: varfor\n", "  - id: varfor-2\n")
    modules = edit(root, "course.yml", "modules:\n", "modules:\n")
    found = problems(root)
    assert (f"data/course.yml:{modules}: modules: no module has the id 'varfor', which "
            f"docs/utbildning/modul-1-varfor.md shows with course_module(\"varfor\")") in found


def test_an_action_card_id_that_cannot_be_a_file_name(root):
    """data/situations.yml names each situation's printable: its id becomes pdf/ID.pdf."""
    line = edit(root, "situations.yml", "id: situation-1\n", "id: situation 1\n")
    assert (f"data/situations.yml:{line}: situations[0].printable.id: 'situation 1' is not a "
            f"valid id: use lowercase letters, digits, - and _") in problems(root)


def test_a_printable_without_its_page(root):
    """Found by the fuzz test: the situations' cards were merged in before the
    entry's own problems were reported (a ValidationError, not a line)."""
    path = root / "data" / "printables.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    page: skriv-ut/incidentrapport/\n")
    path.write_text(text[:start] + text[start:].split("\n", 1)[1], encoding="utf-8")
    line = text.count("\n", 0, text.index("  - id: incidentrapport")) + 1
    assert problems(root) == [f"data/printables.yml:{line}: printables[0].page: required field "
                              f"is missing"]


