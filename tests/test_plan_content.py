"""The plan's main text, start page and task hubs, read from the built HTML.

Expected values come from the source plan and the brief,
never from the output.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.tsp.models.situations import load_situations
from organisation_facts import organisation
from project import LANGUAGES

LANGS = list(LANGUAGES.codes)

# Every numbered heading of the plan: number, id, page.
PLAN_HEADINGS = [
    ("1", "s1", "planen/1-inledning"),
    ("2", "s2", "planen/2-forebyggande-arbete"),
    ("2.1", "s2-1", "planen/2-forebyggande-arbete"),
    ("2.2", "s2-2", "planen/2-forebyggande-arbete"),
    ("3", "s3", "planen/3-hantera"),
    ("3.1", "s3-1", "planen/3-hantera"),
    ("3.1.1", "s3-1-1", "planen/3-hantera"),
    ("3.1.2", "s3-1-2", "planen/3-hantera"),
    ("3.1.3", "s3-1-3", "planen/3-hantera"),
    ("3.2", "s3-2", "planen/3-hantera"),
    ("3.2.1", "s3-2-1", "planen/3-hantera"),
    ("3.2.2", "s3-2-2", "planen/3-hantera"),
    ("3.2.3", "s3-2-3", "planen/3-hantera"),
    ("3.2.4", "s3-2-4", "planen/3-hantera"),
    ("3.3", "s3-3", "planen/3-hantera"),
]

STEPS = ["3.1.1", "3.1.2", "3.1.3", "3.2.1", "3.2.2", "3.2.3", "3.2.4"]

# The situations' pages, in the plan's order (data/situations.yml).
SITUATIONS = [s.page[:-3] for s in load_situations().situations]

# The pages this branch writes.
OWN_PAGES = [
    "", "om-nagot-har-hant", "forebygg", "planen", "planen/1-inledning",
    "planen/2-forebyggande-arbete", "planen/3-hantera", "planen/bilaga-1",
    "planen/om-planen",
]

# Frequent Swedish function words that have no English homograph.
SWEDISH_WORDS = {"och", "att", "är", "som", "inte", "ska", "för", "med", "av",
                 "vid", "eller", "också", "kan", "det", "har", "till", "på"}


def page_file(site_dir: Path, lang: str, page: str) -> Path:
    base = site_dir / LANGUAGES.prefix(lang)
    return base / page / "index.html" if page else base / "index.html"


def article(soup, site_dir, lang, page):
    return soup(page_file(site_dir, lang, page)).select_one("article.md-content__inner")


def resolve(site_dir: Path, source: Path, href: str) -> tuple[str, str]:
    """An internal href on source -> (site path like 'en/planen/', fragment)."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, f"external link {href}"
    target = (source.parent / parts.path).resolve() if parts.path else source
    if target.is_dir() or not target.suffix:
        target = target / "index.html"
    rel = target.relative_to(site_dir.resolve()).parent.as_posix()
    return ("" if rel == "." else rel + "/"), parts.fragment


def links(soup, site_dir, lang, page, scope=None) -> set[tuple[str, str]]:
    """All internal links of a page's article (or of scope inside it), resolved."""
    source = page_file(site_dir, lang, page)
    root = scope if scope is not None else article(soup, site_dir, lang, page)
    found = set()
    for a in root.find_all("a", href=True):
        if "headerlink" in (a.get("class") or []) or a["href"].startswith(("#", "tel:", "mailto:")):
            continue
        found.add(resolve(site_dir, source.resolve(), a["href"]))
    return found


def prefixed(lang: str, page: str) -> str:
    path = page + "/" if page else ""
    return LANGUAGES.site_path(path, lang)


def heading_text(tag) -> str:
    return "".join(t for t in tag.find_all(string=True)
                   if t.parent.name != "a" or "headerlink" not in (t.parent.get("class") or [])).strip()


def clean(tag) -> str:
    """Visible text with whitespace collapsed."""
    return " ".join(tag.get_text().split())


def text_without_swedish(tag) -> str:
    """Text of tag with every element marked lang="sv" left out."""
    copy = tag.__copy__()
    for marked in copy.select('[lang="sv"]'):
        marked.decompose()
    for link in copy.select("a.headerlink"):
        link.decompose()
    return copy.get_text(" ")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("number,anchor,page", PLAN_HEADINGS)
def test_plan_heading_has_number_and_id(site_dir, soup, lang, number, anchor, page):
    tag = soup(page_file(site_dir, lang, page)).find(id=anchor)
    assert tag is not None, f"#{anchor} missing on {lang} {page}"
    assert tag.name in {"h1", "h2", "h3"}
    assert heading_text(tag).split()[0] == number


@pytest.mark.parametrize("lang", LANGS)
def test_seed_duplicate_2_1_is_now_2_2(site_dir, soup, lang):
    art = article(soup, site_dir, lang, "planen/2-forebyggande-arbete")
    numbers = [heading_text(h).split()[0] for h in art.find_all(["h1", "h2", "h3"])]
    assert numbers == ["2", "2.1", "2.2"]


@pytest.mark.parametrize("lang", LANGS)
def test_guidance_list_in_2_2_links_annexes_and_situations(site_dir, soup, lang):
    heading = soup(page_file(site_dir, lang, "planen/2-forebyggande-arbete")).find(id="s2-2")
    outer = heading.find_next_sibling("ul")
    items = outer.find_all("li", recursive=False)
    assert len(items) == 2
    first = links(soup, site_dir, lang, "planen/2-forebyggande-arbete", items[0])
    second = links(soup, site_dir, lang, "planen/2-forebyggande-arbete", items[1])
    assert first == {(prefixed(lang, "planen/bilaga-1"), "")}
    expected = {(prefixed(lang, p), "") for p in SITUATIONS + ["planen/bilaga-2"]}
    assert second == expected
    assert len(items[1].select("ol > li")) == len(SITUATIONS)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("step", STEPS)
def test_subsection_links_to_its_bilaga_3_step(site_dir, soup, lang, step):
    anchor = "s" + step.replace(".", "-")
    target = "steg-" + step.replace(".", "-")
    heading = soup(page_file(site_dir, lang, "planen/3-hantera")).find(id=anchor)
    section = []
    for sibling in heading.find_next_siblings():
        if sibling.name in {"h1", "h2", "h3"}:
            break
        section.append(sibling)
    found = set()
    for block in section:
        found |= links(soup, site_dir, lang, "planen/3-hantera", block)
    assert (prefixed(lang, "planen/bilaga-3"), target) in found
    assert section[-1].a.get_text().endswith(step)
    bilaga_3 = soup(page_file(site_dir, lang, "planen/bilaga-3"))
    assert bilaga_3.find(id=target) is not None


@pytest.mark.parametrize("lang", LANGS)
def test_bilaga_1_has_six_questions(site_dir, soup, lang):
    heading = soup(page_file(site_dir, lang, "planen/bilaga-1")).find(id="fragor")
    questions = heading.find_next_sibling("ol").find_all("li", recursive=False)
    assert len(questions) == 6
    assert all(q.get_text().strip().split("\n")[0].endswith("?") for q in questions)
    # Question 1 keeps its explanatory sub-sentence.
    assert questions[0].get_text().strip().count("?") == 2


@pytest.mark.parametrize("lang,labels", [
    ("sv", ["Dokumenttyp", "Fastställd av", "Beslutsdatum", "Reviderat",
            "Dokumentansvarig", "Förvaring", "Dnr", "Dokumentinformation"]),
    ("en", ["Document type", "Adopted by", "Date of decision", "Revised",
            "Document owner", "Stored in", "Reference number (Dnr)", "Document information"]),
])
def test_document_facts_on_om_planen(site_dir, soup, lang, labels):
    heading = soup(page_file(site_dir, lang, "planen/om-planen")).find(id="dokumentfakta")
    rows = heading.find_next_sibling("table").select("tbody tr")
    facts = {clean(r.find_all("td")[0]): clean(r.find_all("td")[1]) for r in rows}
    assert list(facts) == labels
    values = list(facts.values())
    # The facts themselves are the same in both languages (the plan's own words).
    for value, fact in zip(values, ["Plan", "Kommunfullmäktige", "2018-06-13", "–",
                                    "Säkerhetsstrateg", "Castor",
                                    organisation().decision.registration_number]):
        assert fact in value
    if lang == "sv":
        assert values[-1] == "Plan med vägledning och rutiner i bilagor"


@pytest.mark.parametrize("lang", LANGS)
def test_om_planen_toc_links_every_section_and_annex(site_dir, soup, lang):
    heading = soup(page_file(site_dir, lang, "planen/om-planen")).find(id="innehall")
    found = links(soup, site_dir, lang, "planen/om-planen", heading.find_next_sibling("ul"))
    for _, anchor, page in PLAN_HEADINGS:
        if anchor not in {"s1", "s2", "s3"}:
            assert (prefixed(lang, page), anchor) in found
    for annex in ["bilaga-1", "bilaga-2", "bilaga-3", "bilaga-4", "bilaga-5"]:
        assert (prefixed(lang, "planen/" + annex), "") in found


def test_swedish_plan_pages_carry_no_listed_typos(site_dir, soup):
    typos = ["kontakter vid behov", "gruppleddare", "en den tid", "ut säkerhetspolisens",
             "viktig för arbetet ska", "hot-, och", "själva riskbedöma", "du bli utsatt"]
    for page in ["planen/1-inledning", "planen/2-forebyggande-arbete",
                 "planen/3-hantera", "planen/bilaga-1", "planen"]:
        text = article(soup, site_dir, "sv", page).get_text(" ")
        for typo in typos:
            assert typo not in text, f"{typo!r} on {page}"


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_reaches_all_nine_situations(site_dir, soup, lang):
    found = links(soup, site_dir, lang, "")
    for situation in SITUATIONS:
        assert (prefixed(lang, situation), "") in found


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_opens_with_the_right_now_block(site_dir, soup, lang):
    art = article(soup, site_dir, lang, "")
    first_block = art.find("h1").find_next_sibling()
    assert "tsp-now" in first_block.get("class", [])
    found = links(soup, site_dir, lang, "", first_block)
    assert (prefixed(lang, "akut"), "") in found
    assert (prefixed(lang, "om-nagot-har-hant"), "") in found
    assert (prefixed(lang, "planen/bilaga-4"), "") in links(soup, site_dir, lang, "")


@pytest.mark.parametrize("lang", LANGS)
def test_hub_links_into_the_plan(site_dir, soup, lang):
    found = links(soup, site_dir, lang, "om-nagot-har-hant")
    expected = [("akut", ""), ("vem-gor-vad", ""), ("planen/bilaga-5", "")]
    expected += [("planen/3-hantera", a) for a in ["s3-1-1", "s3-1-2", "s3-1-3", "s3-2", "s3-3"]]
    expected += [(s, "") for s in SITUATIONS]
    for page, anchor in expected:
        assert (prefixed(lang, page), anchor) in found


@pytest.mark.parametrize("lang", LANGS)
def test_forebygg_links_into_the_plan(site_dir, soup, lang):
    found = links(soup, site_dir, lang, "forebygg")
    for page, anchor in [("planen/bilaga-1", "fragor"), ("planen/2-forebyggande-arbete", "s2-1"),
                         ("planen/2-forebyggande-arbete", "s2-2")]:
        assert (prefixed(lang, page), anchor) in found


@pytest.mark.parametrize("page", OWN_PAGES)
def test_english_links_stay_in_english(site_dir, soup, page):
    for path, _ in links(soup, site_dir, "en", page):
        assert path.startswith("en/"), path


def without_quotes(tag):
    """The article without the list of corrections, which quotes the plan's
    Swedish words in both languages."""
    copy = tag.__copy__()
    for quoted in copy.select(".tsp-corrections"):
        quoted.decompose()
    return copy


@pytest.mark.parametrize("page", OWN_PAGES)
def test_english_page_is_a_translation(site_dir, soup, page):
    sv = without_quotes(article(soup, site_dir, "sv", page)).get_text(" ", strip=True)
    en = without_quotes(article(soup, site_dir, "en", page)).get_text(" ", strip=True)
    assert difflib.SequenceMatcher(None, sv, en, autojunk=False).ratio() < 0.6
    words = re.findall(r"[^\W\d_]+", text_without_swedish(article(soup, site_dir, "en", page)).lower())
    leftover = sorted(set(words) & SWEDISH_WORDS)
    assert not leftover, f"Swedish words outside lang=sv on en/{page}: {leftover}"
    assert len(words) > 40


GLOSSARY = [("förtroendevald", "elected representative"),
            ("säkerhetsansvarig", "safety contact"),
            ("säkerhetsstrateg", "security strategist"),
            ("kommunchef", "chief executive"),
            ("åtkomstskydd", "access protection"),
            ("inrymning", "shelter in place"), ("utrymning", "evacuation"),
            ("utestängning", "lock-out"),
            ("SKL", "Swedish Association of Local Authorities and Regions")]


@pytest.mark.parametrize("lang", LANGS)
def test_om_planen_explains_the_plans_terms(site_dir, soup, lang):
    glossary = soup(page_file(site_dir, lang, "planen/om-planen")).find(id="ordlista")
    entries = [(dt.get_text(" ", strip=True),
                dt.find_next_sibling("dd").get_text(" ", strip=True))
               for dt in glossary.find_next_sibling("dl").find_all("dt")]
    for swedish, english in GLOSSARY:
        matches = [(t, d) for t, d in entries if swedish.lower() in t.lower()]
        assert matches, swedish
        if lang == "en":
            term, definition = matches[0]
            assert english in term + " " + definition, swedish


def site_pages(site_dir: Path, lang: str) -> list[str]:
    """Every built content page of a language, as a page path ('' = start)."""
    base = site_dir / LANGUAGES.prefix(lang)
    pages = []
    for path in sorted(base.rglob("index.html")):
        rel = path.parent.relative_to(base).as_posix()
        if LANGUAGES.of_url(path.parent.relative_to(site_dir).as_posix() + "/") != lang:
            continue  # a page of another language under the default's root
        pages.append("" if rel == "." else rel)
    return pages


# The slides are a full-screen presentation for the room, not a reading page.
NOT_A_READING_PAGE = {"utbildning/presentation"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_ends_with_a_next_step(site_dir, soup, lang):
    """DESIGN.md: every page ends with the next useful step. The print and PDF
    buttons, and a guidance page's sources and review date, that the template
    adds after the text do not count as content."""
    pages = [p for p in site_pages(site_dir, lang) if p not in NOT_A_READING_PAGE]
    assert len(pages) >= 40
    missing = []
    for page in pages:
        blocks = [b for b in article(soup, site_dir, lang, page).find_all(recursive=False)
                  if not {"tsp-print-actions", "tsp-guidance-sources"} & set(b.get("class") or [])]
        last = blocks[-1]
        if "tsp-next" not in (last.get("class") or []) \
                or not links(soup, site_dir, lang, page, last):
            missing.append(page)
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_start_page_cards_all_link_somewhere(site_dir, soup, lang):
    cards = article(soup, site_dir, lang, "").select(".grid.cards > ul > li")
    default = LANGUAGES.codes[0]
    # As many cards as the start page of the default language: none left out.
    assert cards and len(cards) == len(
        article(soup, site_dir, default, "").select(".grid.cards > ul > li"))
    for card in cards:
        assert card.find("a", href=True), card.get_text(" ", strip=True)
    found = links(soup, site_dir, lang, "", article(soup, site_dir, lang, "").select_one(".grid.cards"))
    assert (prefixed(lang, "utbildning"), "") in found
    assert (prefixed(lang, "skriv-ut"), "") in found


@pytest.mark.parametrize("lang", LANGS)
def test_hubs_link_the_112_script_the_phone_checklist_and_the_paper_forms(site_dir, soup, lang):
    found = links(soup, site_dir, lang, "om-nagot-har-hant")
    assert (prefixed(lang, "planen/bilaga-2/1-pagaende-situationer"), "ring-112") in found
    assert (prefixed(lang, "planen/bilaga-2/5-hot-via-telefon"), "checklista") in found
    assert (prefixed(lang, "skriv-ut/incidentrapport"), "") in found
    assert (prefixed(lang, "skriv-ut/atgardschecklista"), "") in found
    found = links(soup, site_dir, lang, "forebygg")
    assert (prefixed(lang, "planen/bilaga-2/5-hot-via-telefon"), "checklista") in found
    assert (prefixed(lang, "utbildning"), "") in found


@pytest.mark.parametrize("lang", LANGS)
def test_plan_2_1_keeps_its_sentence_and_adds_a_separate_link_to_the_course(site_dir, soup, lang):
    section = soup(page_file(site_dir, lang, "planen/2-forebyggande-arbete")).find(id="s2-1")
    blocks = []
    for sibling in section.find_next_siblings():
        if sibling.name == "h2":
            break
        blocks.append(sibling)
    # The plan's sentence names the website heading in Swedish in both languages.
    sentence = next(b for b in blocks if b.name == "p" and "Trygg och säker politiker" in b.get_text())
    assert not sentence.find("a"), "the plan's own sentence stays as written"
    note = sentence.find_next_sibling()
    assert "admonition" in note.get("class", [])
    source = page_file(site_dir, lang, "planen/2-forebyggande-arbete").resolve()
    targets = {resolve(site_dir, source, a["href"]) for a in note.find_all("a", href=True)}
    assert (prefixed(lang, "utbildning"), "") in targets
