"""Script and template syntax typed into any text field of any data file is
either refused with file:line, or ships as inert text on every page.

Every sv/en text of every data file (data/strings.yml included) gets the
payloads appended; every other string field is tried alone: refused by the
checker (an id, a phone number …) or, if accepted, injected too. Then the
site is built once and every built page is parsed.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import run_build
from macros.tsp.models.datafile import DataError
from macros.tsp.models.loader import load_all
from project import safe_load

# Builds a site of its own: not part of `make check`.
pytestmark = pytest.mark.build

PAYLOADS = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "{{ config }}",
            "{% include 'main.html' %}"]
PAYLOAD = " " + " ".join(PAYLOADS)
EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
PLAIN = re.compile(r"^data/[a-z_]+\.yml:[1-9][0-9]*: [^\n]+: [^\n]+$")


PLAN_QUOTES = {"situations.yml", "corrections.yml"}


def leaves(value, path=()):
    """(path, text) of every string in a YAML value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, path + (index,))
    elif isinstance(value, str):
        yield path, value


def set_at(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def write(root: Path, name: str, data) -> None:
    (root / "data" / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                                     width=1000), encoding="utf-8")


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    """(project with payloads in every accepted text field, refusals, built site)."""
    from conftest import ROOT
    import shutil

    root = tmp_path_factory.mktemp("inject") / "project"
    root.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "macros", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, root / name)
    originals = {p.name: safe_load(p.read_text(encoding="utf-8"))
                 for p in sorted((root / "data").glob("*.yml"))}
    chosen: dict[str, list[tuple]] = {name: [] for name in originals}
    refused: dict[tuple, list[str]] = {}
    for name, data in originals.items():
        tried = {}
        for path, text in leaves(data):
            field = path[-1] if isinstance(path[-1], str) else path[-2]
            if name in PLAN_QUOTES:
                # Each kind of text alone: titles are free, quotes must be the plan's.
                field = tuple(part for part in path if isinstance(part, str))
            # The situations quote the plan word for word (checked against
            # data/plan-reference.txt), so their texts are tried like other fields.
            if field in ("sv", "en"):
                chosen[name].append(path)
                continue
            if field not in tried:  # other fields: try the first of each name alone
                attempt = copy.deepcopy(data)
                set_at(attempt, path, text + PAYLOAD)
                write(root, name, attempt)
                try:
                    load_all(root)
                    tried[field] = True
                except DataError as error:
                    tried[field] = False
                    refused[(name, path)] = [str(p) for p in error.problems]
                write(root, name, data)
            if tried[field]:
                chosen[name].append(path)
    for name, data in originals.items():
        if name in PLAN_QUOTES:
            # Quotes and corrections depend on each other: together they would
            # change what the plan says. Each was tried alone above.
            chosen[name] = []
            continue
        changed = copy.deepcopy(data)
        for path in chosen[name]:
            set_at(changed, path, dict(leaves(data))[path] + PAYLOAD)
        write(root, name, changed)
    load_all(root)  # check-data accepts it …
    site = root.parent / "site"
    result = run_build(site, root)  # … so it builds
    assert result.returncode == 0, result.stderr[-3000:]
    return chosen, refused, site


def test_every_text_field_got_the_payloads(injected):
    chosen, refused, _ = injected
    # Each file took the payloads somewhere, or refused every try with file:line
    # (the plan's own words in situations.yml and corrections.yml).
    empty = [name for name in chosen if not chosen[name]]
    assert all(any(file == name for file, _ in refused) for name in empty), (empty, refused.keys())
    assert any(path[0] == "emergency_link" for path in chosen["strings.yml"])


def test_refused_fields_name_file_and_line(injected):
    _, refused, _ = injected
    assert refused  # ids, pages, phone numbers, e-mail addresses, dates
    for (name, path), lines in refused.items():
        # The field's own file, or a file that refers to it (a renamed step id).
        assert lines and all(PLAIN.match(line) for line in lines), (name, path, lines)
        assert any(line.startswith(f"data/{name}:") for line in lines), (name, path, lines)


def test_no_page_runs_the_payloads(injected):
    _, _, site = injected
    pages = sorted(site.rglob("*.html"))
    assert pages
    found = []
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        for script in soup.find_all("script"):
            if (script.get("type") or "").strip().lower() in EXECUTABLE and "alert(" in (script.string or ""):
                found.append(f"{page.relative_to(site)}: <script>{script.string[:60]}")
        for element in soup.find_all(True):
            if any(attr.startswith("on") for attr in element.attrs):
                found.append(f"{page.relative_to(site)}: <{element.name} {list(element.attrs)}>")
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("page", ["index.html", "en/index.html", "404.html",
                                  "planen/bilaga-3/index.html", "planen/bilaga-4/index.html",
                                  "skriv-ut/112-kort/index.html", "utbildning/modul-1-varfor/index.html",
                                  "en/planen/bilaga-5/index.html"])
def test_the_payloads_show_as_text(injected, page):
    """Header link on every page, the print buttons, the tables, the 404 page:
    the typed text is shown literally, so `{{ config }}` was never rendered."""
    _, _, site = injected
    text = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml").get_text()
    for payload in PAYLOADS:
        assert payload in text, (page, payload)


def test_the_print_buttons_show_the_payload_as_text(injected):
    _, _, site = injected
    soup = BeautifulSoup((site / "skriv-ut" / "112-kort" / "index.html").read_text(encoding="utf-8"),
                         "lxml")
    button = soup.select_one(".tsp-print-actions .tsp-print-button")
    assert button.get_text().endswith(PAYLOAD)
    assert not button.find_all(True)


def test_json_strings_for_scripts_carry_the_payload_as_data(injected):
    _, _, site = injected
    soup = BeautifulSoup((site / "planen" / "bilaga-5" / "index.html").read_text(encoding="utf-8"),
                         "lxml")
    block = soup.select_one('[data-tsp-component="incident-form"] script[data-tsp-words]')
    strings = json.loads(block.string)["words"]
    assert all(value.endswith(PAYLOAD) for value in strings.values())
