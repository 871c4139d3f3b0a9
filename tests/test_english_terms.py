"""The English pages' terms, 112 script and paper marks.

English: one term per concept, one 112 script, no idioms a UK reader
stumbles on, Swedish words marked lang="sv", "Reg. no." on English paper."""

from __future__ import annotations

import pytest

from conftest import ROOT
from macros.tsp.models.loader import load_organisation
from pdf_tools import text

REGISTRATION_NUMBER = load_organisation(ROOT).decision.registration_number

# Words the English pages no longer use, and what they say instead.
RETIRED = {
    "security officer": "safety contact (säkerhetsansvarig)",
    "alert 112": "call 112",
    "raise the alarm": "set off an alarm / call for help",
    "break it off": "stop it",
    "routine": "procedure (Bilaga 3)",
    "lockout": "lock-out",
    "sheltering inside": "shelter in place",
    "elected official": "elected representative",
}
# Swedish terms that English pages keep; each occurrence is marked lang="sv".
SWEDISH_TERMS = ["säkerhetsansvarig", "säkerhetsstrateg", "åtkomstskydd", "utestängning",
                 "inrymning", "utrymning", "förtroendevald"]


def english_pages(site_dir):
    return sorted(p for p in (site_dir / "en").rglob("index.html"))


def visible_text(soup, path, drop_swedish=False):
    article = soup(path).select_one("article.md-content__inner")
    if article is None:
        return ""
    copy = article.__copy__()
    for element in copy.select("script, style"):
        element.decompose()
    if drop_swedish:
        for element in copy.select('[lang="sv"]'):
            element.decompose()
    return " ".join(copy.get_text(" ").split())


def test_english_pages_use_one_term_per_concept(site_dir, soup):
    found = []
    for path in english_pages(site_dir):
        body = visible_text(soup, path).lower()
        found += [(path.relative_to(site_dir).as_posix(), word) for word in RETIRED if word in body]
    assert not found, found


def test_swedish_terms_on_english_pages_are_marked(site_dir, soup):
    found = []
    for path in english_pages(site_dir):
        body = visible_text(soup, path, drop_swedish=True).lower()
        found += [(path.relative_to(site_dir).as_posix(), t) for t in SWEDISH_TERMS if t in body]
    assert not found, found


def test_one_english_112_script(site_dir, soup):
    akut = soup(site_dir / "en" / "akut" / "index.html")
    labels = [li.strong.get_text(strip=True) for li in akut.select("#ring-112 + ol > li")]
    situation = soup(site_dir / "en" / "planen" / "bilaga-2" / "1-pagaende-situationer" / "index.html")
    script = [li.get_text(strip=True) for li in situation.find(id="ring-112").find_next("ul").find_all("li")]
    card = soup(site_dir / "en" / "skriv-ut" / "112-kort" / "index.html")
    on_card = [li.get_text(strip=True) for li in card.select("article ul")[0].find_all("li")]
    assert labels == script == on_card and len(script) == 5


@pytest.mark.parametrize("lang,mark,other", [("en", f"Reg. no. {REGISTRATION_NUMBER}", "Dnr"),
                                             ("sv", f"Dnr {REGISTRATION_NUMBER}", "Reg. no.")])
def test_paper_names_the_registration_number_in_the_language(browser, site_url, site_dir, lang,
                                                             mark, other):
    from macros.tsp.steps.pdf import print_pdfs

    prefix = "" if lang == "sv" else "en/"
    target = f"{prefix}pdf/reg-no-test.pdf"
    print_pdfs(browser, site_url, site_dir, [(prefix + "skriv-ut/112-kort/", target)])
    printed = text(site_dir / target)
    (site_dir / target).unlink()
    assert mark in printed and other not in printed
