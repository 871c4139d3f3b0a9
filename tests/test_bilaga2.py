"""Bilaga 2's overview and situation pages, read from the built HTML.

Bilaga 2: the overview and the nine situation pages, read from the built HTML
in both languages."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import Tag

from macros.tsp.models.loader import load_strings
from macros.tsp.models.situations import load_situations
from project import LANGUAGES

# The situations' page names, in the plan's order (data/situations.yml).
SITUATIONS = [Path(s.page).stem for s in load_situations().situations]
LANGS = list(LANGUAGES.codes)
BASE = "planen/bilaga-2/"
DO_FIRST = {"sv": "Gör först", "en": "Do first"}
GUIDANCE = {lang: load_strings().text("guidance_label", lang) for lang in ("sv", "en")}
# Pages where the plan names the party's safety contact (säkerhetsansvarig) and the
# municipality's security strategist; the first mention links to Bilaga 4.
ROLE_TERMS = {"sv": ["säkerhetsansvarig", "säkerhetsstrateg"],
              "en": ["safety contact", "security strategist"]}
PAGES_WITH_ROLES = SITUATIONS[4:]


def url_of(lang: str, slug: str = "") -> str:
    """Site-relative URL of a Bilaga 2 page (slug '' is the overview)."""
    prefix = LANGUAGES.prefix(lang)
    return f"{prefix}{BASE}{slug + '/' if slug else ''}"


def html_file(site_dir: Path, url: str) -> Path:
    return site_dir / url / "index.html"


def resolve(page_url: str, href: str) -> str:
    """The site-relative URL that a relative href on page_url points at."""
    path = href.split("#")[0]
    joined = posixpath.normpath(posixpath.join(page_url, path))
    return joined + "/" if path.endswith("/") else joined


def article(soup, site_dir: Path, url: str) -> Tag:
    node = soup(html_file(site_dir, url)).select_one("article.md-content__inner")
    assert node is not None, url
    return node


def section(art: Tag, heading_id: str) -> list[Tag]:
    """The elements after the heading with heading_id, up to the next heading
    of the same or a higher level."""
    heading = art.find(id=heading_id)
    assert heading is not None, f"no #{heading_id}"
    level = int(heading.name[1])
    body = []
    for sibling in heading.find_next_siblings():
        if sibling.name in {f"h{n}" for n in range(1, level + 1)}:
            break
        if "tsp-print-actions" in (sibling.get("class") or []):
            continue  # the template's print buttons after the text, not content
        body.append(sibling)
    return body


def items_after(art: Tag, heading_id: str) -> list[str]:
    lists = [el for el in section(art, heading_id) if el.name == "ul"]
    assert len(lists) == 1, f"#{heading_id} should hold one list"
    return [li.get_text(" ", strip=True) for li in lists[0].find_all("li", recursive=False)]


def all_pages():
    return [(lang, slug) for lang in LANGS for slug in [""] + SITUATIONS]


@pytest.mark.parametrize("lang", LANGS)
def test_overview_lists_the_nine_situations_in_order(site_dir, soup, lang):
    url = url_of(lang)
    art = article(soup, site_dir, url)
    lists = art.find_all("ol")
    assert len(lists) == 1
    items = lists[0].find_all("li", recursive=False)
    targets = [resolve(url, li.find("a")["href"]) for li in items]
    assert targets == [url_of(lang, slug) for slug in SITUATIONS]
    for li in items:
        description = li.get_text(" ", strip=True).replace(li.find("a").get_text(strip=True), "")
        assert len(description.strip(" –")) > 10, "each situation needs a one-line description"


@pytest.mark.parametrize("lang", LANGS)
def test_overview_starts_with_the_danger_line_to_akut(site_dir, soup, lang):
    url = url_of(lang)
    art = article(soup, site_dir, url)
    box = art.find("h1").find_next_sibling()
    assert "danger" in box["class"]
    link = box.find("a")
    assert resolve(url, link["href"]) == LANGUAGES.prefix(lang) + "akut/"
    assert "112" in link.get_text()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("number,slug", list(enumerate(SITUATIONS, start=1)))
def test_situation_heading_do_first_and_112(site_dir, soup, lang, number, slug):
    art = article(soup, site_dir, url_of(lang, slug))
    h1 = art.find_all("h1")
    assert len(h1) == 1 and h1[0].get_text(strip=True).startswith(f"{number}. ")
    box = h1[0].find_next_sibling()
    assert "tsp-first" in box["class"], "the page starts with the 'do first' box"
    assert box.select_one(".admonition-title").get_text(strip=True) == DO_FIRST[lang]
    calls = box.select("a.tsp-first__call")
    names_112 = bool(box.select('a[href="tel:112"]:not(.tsp-first__call)'))
    assert len(calls) == names_112, "a box whose sentences name 112 opens with the call button"
    assert len(box.find_all("p")) == 3 + len(calls), "title, [call button], one line, the label"
    if calls:
        assert box.find_all("p")[1].a is calls[0] and calls[0]["href"] == "tel:112"
    assert "tsp-guidance" in box["class"], "the box is the site's selection, marked as guidance"
    assert box.select_one(".tsp-guidance__label").get_text(strip=True) == GUIDANCE[lang]
    assert art.select('a[href="tel:112"]'), "a tappable 112"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SITUATIONS)
def test_every_112_in_running_text_is_a_tel_link(site_dir, soup, lang, slug):
    art = article(soup, site_dir, url_of(lang, slug))
    blocks = [el for el in art.find_all(["p", "li"]) if "112" in el.get_text()]
    assert blocks
    for block in blocks:
        assert block.select('a[href="tel:112"]'), block.get_text(" ", strip=True)


@pytest.mark.parametrize("lang", LANGS)
def test_situation_1_has_the_112_call_script(site_dir, soup, lang):
    art = article(soup, site_dir, url_of(lang, SITUATIONS[0]))
    body = section(art, "ring-112")
    assert any(el.select('a[href="tel:112"]') for el in body)
    items = items_after(art, "ring-112")
    assert len(items) == 5
    if lang == "sv":
        assert items == ["Plats", "Vem du är", "Typ av händelse",
                         "Eventuella skador och omfattning",
                         "Vilket telefonnummer du ringer ifrån"]


@pytest.mark.parametrize("lang", LANGS)
def test_situation_5_checklist(site_dir, soup, lang):
    art = article(soup, site_dir, url_of(lang, SITUATIONS[4]))
    checklist_ids = [el.get("id") for el in section(art, "checklista") if el.name == "h3"]
    assert checklist_ids == ["under-samtalet", "efter-samtalet"]
    questions = items_after(art, "under-samtalet")
    assert len(questions) == 6 and all(q.endswith("?") for q in questions)
    facts = items_after(art, "efter-samtalet")
    assert len(facts) == 6
    if lang == "sv":
        assert [f.split(":")[0] for f in facts] == [
            "Kön", "Dialekt eller brytning", "Tal", "Röst", "Tonfall", "Bakgrundsljud"]


@pytest.mark.parametrize("lang,slug", all_pages())
def test_page_ends_with_afterwards_links(site_dir, soup, lang, slug):
    url = url_of(lang, slug)
    art = article(soup, site_dir, url)
    assert art.find_all("h2")[-1]["id"] == "efterat"
    targets = [resolve(url, a["href"]) for el in section(art, "efterat") for a in el.find_all("a")]
    plan = LANGUAGES.prefix(lang) + "planen/"
    for expected in ("3-hantera/", "bilaga-3/", "bilaga-5/"):
        assert plan + expected in targets
    if slug:
        index = SITUATIONS.index(slug)
        following = SITUATIONS[index + 1] if index + 1 < len(SITUATIONS) else ""
        assert targets[-1] == url_of(lang, following)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", PAGES_WITH_ROLES)
def test_first_mention_of_each_role_links_to_bilaga_4(site_dir, soup, lang, slug):
    url = url_of(lang, slug)
    art = article(soup, site_dir, url)
    for term in ROLE_TERMS[lang]:
        mentions = [s for s in art.find_all(string=True) if term in s.lower()]
        assert mentions, f"{term} not on {url}"
        link = mentions[0].find_parent("a")
        assert link is not None, f"first '{term}' is not a link on {url}"
        assert resolve(url, link["href"]) == LANGUAGES.prefix(lang) + "planen/bilaga-4/"


@pytest.mark.parametrize("slug,terms", [
    ("3-utanfor-arbetsstallet", ["utestängning"]),
    ("4-inom-arbetsstallet", ["utrymning", "inrymning"]),
    ("5-hot-via-telefon", ["säkerhetsansvarig", "säkerhetsstrateg"]),
    ("9-brevhot", ["säkerhetsansvarig", "säkerhetsstrateg"]),
])
def test_english_glosses_the_swedish_terms(site_dir, soup, slug, terms):
    art = article(soup, site_dir, url_of("en", slug))
    emphasised = {em.get_text(strip=True).lower() for em in art.find_all("em")}
    assert set(terms) <= emphasised


@pytest.mark.parametrize("slug", [""] + SITUATIONS)
def test_english_page_is_translated(site_dir, soup, slug):
    sv = article(soup, site_dir, url_of("sv", slug))
    en = article(soup, site_dir, url_of("en", slug))
    assert soup(html_file(site_dir, url_of("en", slug))).html["lang"] == "en"
    assert sv.h1.get_text(strip=True) != en.h1.get_text(strip=True)
    sv_items = {li.get_text(" ", strip=True) for li in sv.find_all("li")}
    en_items = {li.get_text(" ", strip=True) for li in en.find_all("li")}
    assert len(en_items) == len(sv_items) > 0
    assert not sv_items & en_items, "list items left in Swedish"


def test_situation_pages_take_their_box_and_next_link_from_the_data():
    docs = Path(__file__).resolve().parent.parent / "docs" / BASE
    sources = sorted(docs.glob("*.md"))
    assert len(sources) == 2 * (len(SITUATIONS) + 1)
    for source in sources:
        if source.name.startswith("index."):
            continue
        text = source.read_text(encoding="utf-8")
        assert "{{ situation_first() }}" in text and "{{ situation_next() }}" in text, source.name
        assert "tsp-first" not in text, f"{source.name}: a hand-written 'Gör först' box"
