"""Lättläst: /lattlast/ and /en/lattlast/ exist, are easy to read (LIX), keep
the plan's "always" and "never", and are one tap from the start and Akut pages."""

import pytest

from readability import lix, main_blocks

LIX_MAX_SV = 30
PAGES = {"sv": "lattlast/index.html", "en": "en/lattlast/index.html"}

# The plan's "always" and "never" that a summary must keep (seed 003, Bilaga 2
# and 3.1): each must be in the easy-read text of its language.
MUST_SAY = {
    "sv": [
        "Ring alltid 112 om du eller någon annan är i fara.",
        "Hotar någon med en bomb? Ring alltid 112.",
        "Lås dörrarna in till huset.",
        "Lås inte dörrarna in till huset.",
        "Lägg inte på.",
        "Rör det inte.",
        "Spara hotet. Ta bort det inte.",
        "Säg alltid till polisen att det har med ditt jobb som politiker att göra.",
        "bestämmer alltid själv om det ska bli en anmälan till polisen.",
        "Du ska inte vara ensam efter det som har hänt.",
    ],
    "en": [
        "Always call 112 if you or someone else is in danger.",
        "Is it a bomb threat? Always call 112.",
        "Lock the doors into the building.",
        "Do not lock the doors into the building.",
        "Do not hang up.",
        "Do not touch it.",
        "Keep the threat. Do not delete it.",
        "Always tell the police it has to do with your work as a politician.",
        "always decide if it is reported to the police.",
        "You should not be alone after what has happened.",
    ],
}


def test_swedish_easy_read_has_lix_at_most_30(site_dir, soup):
    score, words, sentences, long_words = lix(main_blocks(soup(site_dir / PAGES["sv"])))
    assert words > 200, "the page lost its text"
    assert score <= LIX_MAX_SV, f"LIX {score:.1f} ({words} words, {sentences} sentences, {long_words} long)"


def test_lix_of_known_text():
    """Two sentences of eight words, one long word (> 6 letters): 4 + 12.5."""
    assert lix(["Ring polisen nu. Skriv ner vad som hände."])[0] == 4 + 100 * 1 / 8
    assert lix(["Dokumentationen kommer. Säkerhetsansvarig ringer."])[0] == 2 + 100 * 2 / 4


def test_plan_text_would_fail_the_lix_limit(site_dir, soup):
    """The check can fail: the plan's own chapter 3 reads far above 30."""
    score = lix(main_blocks(soup(site_dir / "planen/3-hantera/index.html")))[0]
    assert score > LIX_MAX_SV


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_easy_read_keeps_the_plans_always_and_never(site_dir, soup, lang):
    text = " ".join(main_blocks(soup(site_dir / PAGES[lang])))
    missing = [line for line in MUST_SAY[lang] if line not in text]
    assert not missing, missing


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_easy_read_page_is_in_its_language_and_dials(site_dir, soup, lang):
    page = soup(site_dir / PAGES[lang])
    assert page.html["lang"] == lang
    hrefs = {a["href"] for a in page.select("article a[href^='tel:']")}
    assert hrefs == {"tel:112", "tel:11414"}


@pytest.mark.parametrize("source", ["index.html", "akut/index.html",
                                    "en/index.html", "en/akut/index.html"])
def test_start_and_emergency_pages_link_the_easy_read_page(site_dir, soup, source):
    article = soup(site_dir / source).select_one("article")
    targets = [(site_dir / source).parent.joinpath(a["href"]).resolve()
               for a in article.find_all("a", href=True) if "lattlast" in a["href"]]
    lang_root = site_dir / ("en" if source.startswith("en/") else "")
    assert (lang_root / "lattlast").resolve() in targets, targets
