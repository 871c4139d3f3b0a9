"""The accessibility statement (Tillgänglighetsredogörelse), in both languages,
linked from the footer of every page."""

import pytest

from gates.edit import load, save
from gates.statement import DIGG_FORM, footer_problems, statement_path, statement_problems
from organisation_facts import organisation


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_statement_has_what_digg_requires(site_dir, soup, lang):
    page = soup(statement_path(site_dir, lang))
    assert page.html["lang"] == lang
    assert statement_problems(page, lang, organisation().name(lang)) == []


def test_statement_dates_are_the_assessment_date(site_dir, soup):
    for lang in ("sv", "en"):
        dates = [t["datetime"] for t in soup(statement_path(site_dir, lang)).find("article").find_all("time")]
        assert dates == ["2026-11-21", "2026-11-21"]


def test_every_page_links_its_own_language_statement(site_dir, html_pages, soup):
    assert html_pages and footer_problems(site_dir, html_pages, soup) == []


def test_gate_catches_missing_footer_link_and_wrong_language(site_copy):
    sv_page = site_copy / "akut" / "index.html"
    soup = load(sv_page)
    soup.select_one("a.tsp-footer-statement").decompose()
    save(sv_page, soup)
    en_page = site_copy / "en" / "akut" / "index.html"
    soup = load(en_page)
    soup.select_one("a.tsp-footer-statement")["href"] = "../../tillganglighet/"
    save(en_page, soup)
    problems = footer_problems(site_copy, [sv_page, en_page], lambda p: load(p))
    assert len(problems) == 2, problems
    assert "0 statement links" in problems[0] and "not 'en/tillganglighet/index.html'" in problems[1]


def test_gate_catches_statement_without_digg_link_or_dates(site_copy):
    path = statement_path(site_copy, "sv")
    soup = load(path)
    soup.find("a", href=DIGG_FORM).decompose()
    for time in soup.find_all("time"):
        time.unwrap()
    save(path, soup)
    problems = statement_problems(load(path), "sv", organisation().name("sv"))
    assert len(problems) == 2, problems
