"""Proof of reuse: a second, fictional municipality (tests/fixtures/kommun-exempel)
builds a complete site and PDFs from the same code by changing only its
configuration, data, logo and the plan's own texts, and nothing of the first
municipality is left in it. Built once per session."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, _soup, run_build
from gates.browser import add_axe, axe_violations
from gates.csp import csp_problems
from gates.links import link_problems
from gates.vnu import vnu_errors
from macros.tsp.models.contacts import tel_href
from macros.tsp.models.loader import load_organisation, load_printables
from macros.tsp.steps.pdf import jobs, print_pdfs, served
from project import copy_sources, safe_load

FIXTURE = Path(__file__).parent / "fixtures" / "kommun-exempel"
FIRST = load_organisation(ROOT)
SECOND = load_organisation(FIXTURE)
TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".webmanifest", ".xml", ".svg", ".txt"}


def _project(dest: Path) -> Path:
    """The site's sources, with the fixture laid over them."""
    copy_sources(dest)
    for name in ("data", "docs"):
        shutil.copytree(FIXTURE / name, dest / name, dirs_exist_ok=True)
    edits = safe_load((FIXTURE / "plan-text.yml").read_text(encoding="utf-8"))["replace"]
    for page in (dest / "docs" / "planen").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        for old, new in edits.items():
            text = text.replace(old, new)
        page.write_text(text, encoding="utf-8")
    return dest


@pytest.fixture(scope="session")
def second_site(tmp_path_factory, browser) -> Path:
    """The second municipality's site and every PDF, built once."""
    project = _project(tmp_path_factory.mktemp("kommun-exempel"))
    site = project / "site"
    result = run_build(site, project)
    assert result.returncode == 0, result.stderr[-4000:]
    with served(site) as url:
        print_pdfs(browser, url, site, jobs(project))
    return site


def _forbidden() -> list[str]:
    """What would betray the first municipality: names, short name, registration number."""
    words = {FIRST.short_name, FIRST.decision.registration_number,
             FIRST.email.split("@")[1].split(".")[0]}
    for lang in ("sv", "en"):
        words |= {FIRST.name(lang), FIRST.possessive(lang)}
    return sorted(words, key=len)


def _texts(site: Path):
    for path in sorted(site.rglob("*")):
        if path.suffix in TEXT_SUFFIXES:
            yield path, path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pdf":
            out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                                 capture_output=True, text=True, check=True).stdout
            yield path, out


def test_second_site_is_complete_in_both_languages(second_site):
    sources = [p for p in (ROOT / "docs").rglob("*.md") if not p.name.endswith(".en.md")]
    for prefix in ("", "en/"):
        pages = [p for p in (second_site / prefix).rglob("index.html")
                 if prefix or (second_site / "en") not in p.parents]
        assert len(pages) == len(sources), prefix
        assert (second_site / prefix / "404.html").is_file()
        assert (second_site / prefix / "manifest.webmanifest").is_file()
    printables = load_printables(ROOT).printables
    pdfs = list(second_site.rglob("*.pdf"))
    assert len(pdfs) == 2 * len(printables)


def test_first_municipality_appears_nowhere(second_site):
    forbidden = [word.lower() for word in _forbidden()]
    found = []
    for path, text in _texts(second_site):
        lowered = text.lower()
        found += [f"{path.relative_to(second_site)}: {w!r}" for w in forbidden if w in lowered]
    assert found == []


def test_second_site_shows_its_own_organisation(second_site):
    for lang, root in (("sv", second_site), ("en", second_site / "en")):
        doc = _soup(root / "planen" / "bilaga-4" / "index.html")
        assert doc.select_one(".tsp-footer__org").get_text(strip=True) == SECOND.name(lang)
        assert SECOND.decision.registration_number in doc.select_one(".tsp-footer__decision").get_text()
        assert doc.select_one(".md-logo img")["src"].endswith(SECOND.logo)
        assert doc.select_one("meta[name=theme-color]")["content"] == SECOND.colours.primary
        # Contacts: the one filled in dials itself; the blank ones the
        # switchboard (the coordinator is blank too) or 114 14.
        calls = {s["id"]: [a["href"] for a in s.select("a[href^='tel:']")]
                 for s in doc.select("section.tsp-contact")}
        assert calls == {"kontakt-sakerhetsansvarig_mp": [tel_href("0123-456 11")],
                         "kontakt-sakerhetsansvarig_kd": [tel_href(SECOND.switchboard)],
                         "kontakt-sakerhetssamordnare": [tel_href(SECOND.switchboard)],
                         "kontakt-kommunpolis": [tel_href("114 14")]}
    css = (second_site / "assets/stylesheets/tsp-organisation.css").read_text(encoding="utf-8")
    assert SECOND.colours.primary in css and SECOND.name("sv") in css
    assert (second_site / SECOND.logo).is_file()


def test_second_site_pdfs_carry_its_print_header(second_site):
    for lang, prefix in (("sv", ""), ("en", "en/")):
        pdf = second_site / prefix / "pdf" / "112-kort.pdf"
        first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout
        first = " ".join(first.split())
        assert SECOND.name(lang) in first and SECOND.decision.registration_number in first


def test_second_site_has_no_broken_links(second_site):
    problems = link_problems(second_site)
    assert problems == [], "\n".join(problems[:30])


def test_second_site_has_a_strict_csp_on_every_page(second_site):
    problems = [f"{p.relative_to(second_site)}: {m}" for p in second_site.rglob("*.html")
                for m in csp_problems(_soup(p))]
    assert problems == []


def test_second_site_is_valid_html(second_site):
    errors = vnu_errors(second_site)
    assert errors == [], "\n".join(errors[:30])


@pytest.mark.browser
def test_second_site_passes_axe(page, second_site, serve_dir):
    """The pages the organisation's colour and logo touch most, both languages."""
    url = serve_dir(second_site)
    add_axe(page)
    problems = []
    for prefix in ("", "en/"):
        for path in ("", "akut/", "planen/bilaga-2/6-hot-via-e-post/", "planen/bilaga-4/", "404.html"):
            problems += axe_violations(page, url + prefix + path)
    assert problems == [], "\n".join(problems)
