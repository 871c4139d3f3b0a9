"""The accessibility statement (Tillgänglighetsredogörelse), in both languages,
linked from the footer of every page."""

import pytest

from gates.edit import load, save
from gates.statement import DIGG_FORM, footer_problems, statement_path, statement_problems
from macros.tsp.models.loader import load_accessibility, load_strings
from organisation_facts import organisation

ACCESSIBILITY = load_accessibility()
STRINGS = load_strings()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_statement_has_what_digg_requires(site_dir, soup, lang):
    page = soup(statement_path(site_dir, lang))
    assert page.html["lang"] == lang
    assert statement_problems(page, lang, organisation().name(lang)) == []


def test_statement_dates_are_the_assessment_date(site_dir, soup):
    assessed = ACCESSIBILITY.assessed.isoformat()
    for lang in ("sv", "en"):
        dates = [t["datetime"] for t in soup(statement_path(site_dir, lang)).find("article").find_all("time")]
        assert dates == [assessed, assessed]


# The status as the statement words it (DIGG's model statement).
STATUS = {"sv": {"full": "helt förenlig", "partial": "delvis förenlig", "none": "inte förenlig"},
          "en": {"full": "fully compliant", "partial": "partially compliant", "none": "not compliant"}}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_statement_says_what_the_tests_back(site_dir, soup, lang):
    article = soup(statement_path(site_dir, lang)).find("article")
    text = " ".join(article.get_text(" ").split())
    words = STATUS[lang]
    assert words[ACCESSIBILITY.status] in text
    assert not [w for status, w in words.items() if status != ACCESSIBILITY.status and w in text]
    # Each claim is printed with the tests that back it, in the method section.
    claims = article.select("#metod ~ ul.tsp-statement-list")[0].select("li")
    assert len(claims) == len(ACCESSIBILITY.checked)
    for li, claim in zip(claims, ACCESSIBILITY.checked):
        assert " ".join(li.get_text(" ").split()).startswith(claim.text(lang))
        assert [c.get_text() for c in li.select("code")] == [t.removeprefix("tests/") for t in claim.tests]
    # What is untested is named, and the two DIGG sections say "none" in words.
    untested = article.select("#okontrollerat ~ ul.tsp-statement-list")[0].select("li")
    assert [" ".join(li.get_text(" ").split()) for li in untested] == [u.text(lang) for u in ACCESSIBILITY.untested]
    for section, items, none in (("oskaligt-betungande", ACCESSIBILITY.burdensome, "statement_no_burdensome"),
                                 ("utanfor-lagen", ACCESSIBILITY.outside_law, "statement_no_outside_law")):
        following = article.find(id=section).find_next_sibling()
        if not items:
            assert following.get_text(" ", strip=True) == STRINGS.text(none, lang)


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


def test_a_fact_the_organisation_left_out_prints_nothing(html_pages, soup):
    """data/organisation.yml may leave out a fact (the site's address, say):
    no page then shows Python's None in its place."""
    shown = [str(p) for p in html_pages
             if "(None)" in " ".join(soup(p).get_text(" ").split())]
    assert shown == []
