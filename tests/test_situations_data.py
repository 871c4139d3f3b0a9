"""data/situations.yml is the one list of situations: a tenth one appears everywhere.

data/situations.yml is the one list of the situations: a copy of the site
with a tenth situation (one data entry, its two pages, and the plan's text of
it in the reference) lists it everywhere the nine appear, prints its card and
lets the course refer to it."""

from __future__ import annotations

import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import run_build
from macros.tsp.models.loader import load_course
from macros.tsp.models.datafile import DataError
from macros.tsp.models.loader import load_printables
from macros.tsp.models.situations import load_situations
from pdf_tools import page_count
from project import safe_dump, safe_load

TENTH_PLAN = """10. Hot via drönare

Om en drönare används för att hota:

- Notera tid och plats
- Gå inte ut för att fånga drönaren
- Larma Polisen, 112

"""
TENTH_DATA = """
  - id: dronare
    number: 10
    page: planen/bilaga-2/10-hot-via-dronare.md
    title: {sv: Hot via drönare, en: Threats by drone}
    short: {sv: Hot via drönare, en: Threat by drone}
    description: {sv: när en drönare används för att hota., en: when a drone is used to threaten.}
    first:
      - {sv: Gå inte ut för att fånga drönaren., en: Do not go out to catch the drone.}
      - {sv: "Larma Polisen, 112.", en: Call the police on 112.}
    printable:
      id: situation-10
      title: {sv: "Åtgärdskort 10: hot via drönare", en: "Action card 10: threats by drone"}
"""
PAGE = """---
render_macros: true
---

# 10. {title}

{{{{ situation_first() }}}}

## {heading} {{#agerande}}

- {line}

{{{{ situation_next() }}}}
"""
SLUG = "planen/bilaga-2/10-hot-via-dronare"
# Where the nine are listed: page -> how many situations it links.
LISTS = ["", "akut", "om-nagot-har-hant", "planen/2-forebyggande-arbete",
         "planen/bilaga-2", "skriv-ut/hela-planen"]


def add_tenth(project: Path) -> None:
    reference = project / "data" / "plan-reference.txt"
    text = reference.read_text(encoding="utf-8")
    bilaga_3 = "\nRutin för hantering av hot- och våldssituationer eller trakasserier riktade mot förtroendevalda\n"
    assert text.count(bilaga_3) == 1
    reference.write_text(text.replace(bilaga_3, "\n" + TENTH_PLAN + bilaga_3), encoding="utf-8")
    situations = project / "data" / "situations.yml"
    situations.write_text(situations.read_text(encoding="utf-8") + TENTH_DATA, encoding="utf-8")
    (project / "docs" / f"{SLUG}.md").write_text(PAGE.format(
        title="Hot via drönare", heading="Om en drönare används för att hota",
        line="Notera tid och plats."), encoding="utf-8")
    (project / "docs" / f"{SLUG}.en.md").write_text(PAGE.format(
        title="Threats by drone", heading="If a drone is used to threaten",
        line="Note the time and place."), encoding="utf-8")
    config = project / "mkdocs.yml"
    nav = "          - planen/bilaga-2/9-brevhot.md\n"
    text = config.read_text(encoding="utf-8")
    assert nav in text
    config.write_text(text.replace(nav, nav + f"          - {SLUG}.md\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def tenth_project(tmp_path_factory) -> Path:
    """A copy of the project with a tenth situation."""
    from project import copy_sources

    project = copy_sources(tmp_path_factory.mktemp("tenth") / "project")
    add_tenth(project)
    return project


@pytest.fixture(scope="module")
def tenth(tenth_project):
    """(project, built site) of the copy with a tenth situation."""
    site = tenth_project.parent / "site"
    result = run_build(site, tenth_project)
    assert result.returncode == 0, result.stderr[-3000:]
    return tenth_project, site


def targets(site: Path, lang: str, page: str, scope: str = "article") -> list[str]:
    base = site if lang == "sv" else site / "en"
    path = base / page / "index.html" if page else base / "index.html"
    article = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select(scope)[-1]
    here = path.parent.relative_to(site).as_posix()
    found = []
    for a in article.find_all("a", href=True):
        href = a["href"].split("#")[0]
        if href and ":" not in href:
            found.append(posixpath.normpath(posixpath.join(here, href)))
    return found


@pytest.mark.build
@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", LISTS)
def test_tenth_situation_is_listed_wherever_the_nine_are(tenth, lang, page):
    _, site = tenth
    prefix = "" if lang == "sv" else "en/"
    found = targets(site, lang, page)
    for situation in load_situations(tenth[0]).situations:
        assert prefix + situation.url.rstrip("/") in found, (page, situation.number)


@pytest.mark.build
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_ninth_leads_to_the_tenth_and_the_tenth_has_its_box(tenth, lang):
    _, site = tenth
    prefix = "" if lang == "sv" else "en/"
    ninth = targets(site, lang, "planen/bilaga-2/9-brevhot", "article .tsp-next")
    assert ninth[-1] == prefix + SLUG
    base = site if lang == "sv" else site / "en"
    page = BeautifulSoup((base / SLUG / "index.html").read_text(encoding="utf-8"), "lxml")
    box = page.select_one(".tsp-first")
    assert box is not None and box.select('a[href="tel:112"]')
    assert ("Gå inte ut" if lang == "sv" else "Do not go out") in box.get_text()
    assert targets(site, lang, SLUG, "article .tsp-next")[-1] == prefix + "planen/bilaga-2"


def test_tenth_situation_has_a_printable_card(tenth, browser, serve_dir):
    from macros.tsp.steps.pdf import print_pdfs

    project, site = tenth
    printables = load_printables(project)
    card = next(p for p in printables.printables if p.id == "situation-10")
    assert card.page == SLUG + "/" and card.max_pages == 1
    index = BeautifulSoup((site / "skriv-ut" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert "Åtgärdskort 10: hot via drönare" in index.get_text()
    page = BeautifulSoup((site / SLUG / "index.html").read_text(encoding="utf-8"), "lxml")
    assert page.select(".tsp-print-actions"), "the card's page has its print button"
    print_pdfs(browser, serve_dir(site), site, [(SLUG + "/", "pdf/situation-10.pdf")])
    assert page_count(site / "pdf" / "situation-10.pdf") == 1


def test_course_may_refer_to_the_tenth_situation_but_not_an_eleventh(tenth_project):
    project = tenth_project
    path = project / "data" / "course.yml"
    original = path.read_text(encoding="utf-8")
    data = safe_load(original)
    data["modules"][0]["questions"][0]["situation"] = 10
    path.write_text(safe_dump(data), encoding="utf-8")
    try:
        load_course(project)
        data["modules"][0]["questions"][0]["situation"] = 11
        path.write_text(safe_dump(data), encoding="utf-8")
        with pytest.raises(DataError) as error:
            load_course(project)
        assert "modules[0].questions[0].situation: there is no situation 11 in data/situations.yml" \
            in str(error.value)
    finally:
        path.write_text(original, encoding="utf-8")


def test_a_situation_the_plan_does_not_have_stops_the_check(project_copy):
    path = project_copy / "data" / "situations.yml"
    path.write_text(path.read_text(encoding="utf-8") + TENTH_DATA, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.tsp.check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    line = path.read_text(encoding="utf-8").splitlines().index("    number: 10") + 1
    assert f"data/situations.yml:{line}: situations[9].number: the plan (data/plan-reference.txt) " \
        "has no situation 10 in Bilaga 2" in result.stderr
    assert "no page docs/planen/bilaga-2/10-hot-via-dronare.md" in result.stderr
