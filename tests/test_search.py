"""Search finds pages in the reader's language only (macros/tsp/steps/search_split.py)."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest


def _index(site_dir, prefix):
    return json.loads((site_dir / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_index(site_dir, html_pages):
    swedish, english = _index(site_dir, ""), _index(site_dir, "en")
    sv_pages = {p.parent.relative_to(site_dir).as_posix() for p in html_pages
                if (site_dir / "en") not in p.parents}
    en_pages = {p.parent.relative_to(site_dir / "en").as_posix() for p in html_pages
                if (site_dir / "en") in p.parents}
    def as_dir(loc):
        return loc.split("#")[0].rstrip("/") or "."
    assert {as_dir(d["location"]) for d in swedish["docs"]} == sv_pages
    assert {as_dir(d["location"]) for d in english["docs"]} == en_pages
    assert not any(d["location"].startswith("en/") for d in swedish["docs"])


# The English pages gloss the Swedish term, so a merged index would return
# pages of both languages for it.
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_search_results_stay_in_the_page_language(page, site_url, prefix):
    query = "säkerhetsansvarig"
    page.goto(site_url + prefix + "planen/")
    page.locator("input.md-search__input").focus()
    page.keyboard.type(query)
    links = page.locator(".md-search-result__item a")
    links.first.wait_for(state="visible", timeout=10000)
    hrefs = [urljoin(page.url, h) for h in links.evaluate_all("els => els.map(e => e.href)")]
    assert hrefs
    for href in hrefs:
        path = href[len(site_url) - 1:]
        assert path.startswith("/en/") == (prefix == "en/"), href


def _search(page, site_url, prefix, query):
    page.goto(site_url + prefix + "planen/")
    page.locator("input.md-search__input").focus()
    page.keyboard.type(query)
    links = page.locator(".md-search-result__item a")
    links.first.wait_for(state="visible", timeout=10000)
    return [urljoin(page.url, h)[len(site_url):]
            for h in links.evaluate_all("els => els.map(e => e.href)")]


def test_swedish_index_has_words_without_a_ring_and_dots(site_dir):
    docs = _index(site_dir, "")["docs"]
    with_word = [d for d in docs if "polisanmälan" in (d["title"] + d["text"]).lower()]
    assert with_word
    assert all("polisanmalan" in d["text"] for d in with_word)


def test_polisanmalan_without_swedish_letters_finds_polisanmalan(page, site_url):
    found = _search(page, site_url, "", "polisanmalan")
    assert any(h.startswith(("planen/3-hantera/", "planen/bilaga-3/", "om-nagot-har-hant/"))
               for h in found), found


@pytest.mark.parametrize("query", ["hotbrev", "brevhot", "hot via brev"])
def test_every_name_of_situation_9_finds_it_first(page, site_url, query):
    from macros.tsp.models.situations import load_situations

    ninth = next(s for s in load_situations().situations if s.number == 9)
    found = _search(page, site_url, "", query)
    assert found[0].startswith(ninth.url), found[:3]


@pytest.mark.parametrize("query", ["bombhot", "inrymning", "skärmdump"])
def test_action_pages_rank_above_course_pages(page, site_url, query):
    found = _search(page, site_url, "", query)
    first_course = next((i for i, h in enumerate(found) if h.startswith("utbildning/")), len(found))
    first_action = next(i for i, h in enumerate(found) if h.startswith(("planen/bilaga-2/", "akut/",
                                                                         "om-nagot-har-hant/")))
    assert first_action < first_course, found[:5]
