"""The built PDFs (macros/tsp/steps/pdf.py, one browser for the whole session): page
counts, no blank last page, every row/question/Ja-Nej pair of the data in the
right language, visible tick boxes and write-in lines, no navigation chrome."""

from __future__ import annotations

import pytest

from macros.tsp.models.loader import load_all, load_printables
from macros.tsp.models.printables import page_path, pdf_path
from macros.tsp.models.routine import table_rows
from organisation_facts import organisation
from project import LANGUAGES
from pdf_tools import Raster, body_text, normal, page_count, text, words

DATA = load_all()
PRINTABLES = {p.id: p for p in load_printables().printables}
LANGS = LANGUAGES.codes
OTHER = {"sv": "en", "en": "sv"}
CASES = [(p, lang) for p in PRINTABLES for lang in LANGS]


def pdf_file(site, printable_id, lang):
    return site / pdf_path(PRINTABLES[printable_id], lang, LANGUAGES)


def part2_expected(lang):
    """Rows, checks and the number of Ja/Nej questions of Bilaga 5 part 2."""
    incident, routine = DATA["incident"], DATA["routine"]
    items, yes_no = [], 0
    for block in incident.part2.blocks:
        items += [row["action"] for row in table_rows(routine, lang, steps=block.steps)]
        items += [check.text(lang) for check in block.checks]
        yes_no += sum(check.kind == "yes_no" for check in block.checks)
    return items, yes_no


def assert_contains_all(content, items):
    missing = [item for item in items if normal(item) not in content]
    assert not missing, missing


@pytest.mark.parametrize("printable_id,lang", CASES)
def test_page_count_and_no_blank_last_page(site_pdfs, printable_id, lang):
    pdf = pdf_file(site_pdfs, printable_id, lang)
    pages = page_count(pdf)
    limit = PRINTABLES[printable_id].max_pages
    assert pages >= 1
    if limit is not None:
        assert pages <= limit, f"{pdf.name} ({lang}) has {pages} pages, at most {limit}"
    assert body_text(pdf, pages), f"last page {pages} of {pdf} is blank"


@pytest.mark.parametrize("lang", LANGS)
def test_part2_checklist_has_every_row_check_and_yes_no_pair(site_pdfs, lang):
    content = text(pdf_file(site_pdfs, "atgardschecklista", lang))
    items, yes_no = part2_expected(lang)
    assert_contains_all(content, items)
    yes, no = DATA["strings"].text("yes", lang), DATA["strings"].text("no", lang)
    # One pair in the table header, one pair for every Ja/Nej question.
    assert content.count(f"{yes} {no}") >= yes_no + 1
    other_items, _ = part2_expected(OTHER[lang])
    assert not [item for item in other_items if item not in items and normal(item) in content]


@pytest.mark.parametrize("lang", LANGS)
def test_blank_form_has_every_question_of_every_part(site_pdfs, lang):
    incident = DATA["incident"]
    content = text(pdf_file(site_pdfs, "incidentrapport", lang))
    items, yes_no = part2_expected(lang)
    items += [q.question(lang) for q in incident.part1.questions]
    items += [q.guidance(lang) for q in incident.part1.questions]
    items += [m.title(lang) for m in incident.part3.meetings]
    items += [label(lang) for _, label in incident.part3.fields]
    items += [incident.closing.routine_applied.text(lang)]
    items += [f.text(lang) for f in incident.closing.improvements]
    items += [incident.part1.title(lang), incident.part2.title(lang), incident.part3.title(lang)]
    assert_contains_all(content, items)
    yes, no = DATA["strings"].text("yes", lang), DATA["strings"].text("no", lang)
    assert content.count(f"{yes} {no}") >= yes_no + 2  # + header + closing question
    other = [q.question(OTHER[lang]) for q in incident.part1.questions]
    assert not [q for q in other if q in content]


@pytest.mark.parametrize("lang", LANGS)
def test_112_card_has_numbers_and_key_contacts(site_pdfs, soup, lang):
    contacts = DATA["contacts"]
    content = text(pdf_file(site_pdfs, "112-kort", lang))
    items = [n.phone for n in contacts.always] + [n.title(lang) for n in contacts.always]
    items += [c.title(lang) for c in contacts.contacts]
    assert_contains_all(content, items)
    # The five things to say come from Bilaga 2 situation 1 (#ring-112), not a copy.
    situation = soup(site_pdfs / page_path(PRINTABLES["situation-1"], lang, LANGUAGES) / "index.html")
    say = [normal(li.get_text()) for li in situation.select("#ring-112 ~ ul")[0].select("li")]
    assert len(say) == 5
    assert_contains_all(content, say)


@pytest.mark.parametrize("printable_id", ["riskanalys", "telefonhot"] +
                         [p for p in PRINTABLES if p.startswith("situation-")])
@pytest.mark.parametrize("lang", LANGS)
def test_printed_pages_keep_every_list_item_of_the_page(site_pdfs, soup, printable_id, lang):
    html = soup(site_pdfs / page_path(PRINTABLES[printable_id], lang, LANGUAGES) / "index.html")
    article = html.select_one("article").__copy__()  # the parsed page is shared: edit a copy
    # A guidance box inside an item (the gloss of situation 1) prints its
    # title where Chromium draws it, not in reading order: checked on its own.
    notes = [normal(p.get_text()) for p in article.select("li .tsp-guidance p:not(.admonition-title)")]
    for note in article.select("li .tsp-guidance"):
        note.decompose()
    items = [normal(li.get_text()) for li in article.select("li")]
    assert items
    assert_contains_all(text(pdf_file(site_pdfs, printable_id, lang)), items + notes)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("printable_id, items, count, lines_each", [
    # The worksheet: three ruled lines under each of the six questions.
    ("riskanalys", "#fragor ~ ol > li", 6, 3),
    # The phone checklist: the rest of each item's own line and a full line under it.
    ("telefonhot", "#checklista ~ ul > li", 12, 2),
])
def test_worksheets_have_ruled_space_for_each_item(site_pdfs, soup, lang, printable_id, items,
                                                   count, lines_each):
    html = soup(site_pdfs / page_path(PRINTABLES[printable_id], lang, LANGUAGES) / "index.html")
    assert len(html.select(items)) == count
    pdf = pdf_file(site_pdfs, printable_id, lang)
    # Lines drawn across the text width, on every sheet of the document.
    ruled = sum(Raster(pdf, page).ruled_lines(min_share=0.5) for page in range(1, page_count(pdf) + 1))
    assert ruled >= lines_each * count


@pytest.mark.parametrize("lang", LANGS)
def test_tick_boxes_print_as_clear_squares(site_pdfs, lang):
    pdf = pdf_file(site_pdfs, "atgardschecklista", lang)
    yes = DATA["strings"].text("yes", lang)
    _, yes_no = part2_expected(lang)
    boxes = 0
    for number in range(1, page_count(pdf) + 1):
        raster = Raster(pdf, number)
        for word, x0, y0, x1, y1 in words(pdf, number):
            if word != yes:
                continue
            size = y1 - y0
            # The box stands just left of its word: a dark outline, a light middle.
            outline = raster.dark_share(x0 - 1.6 * size, y0, x0 - 1, y1)
            middle = raster.dark_share(x0 - 0.85 * size, y0 + 0.4 * size, x0 - 0.55 * size, y1 - 0.4 * size)
            if outline > 0.15 and middle < 0.05:
                boxes += 1
    assert boxes >= yes_no


@pytest.mark.parametrize("printable_id,lang", CASES)
def test_no_navigation_chrome_on_paper(site_pdfs, soup, printable_id, lang):
    html = soup(site_pdfs / page_path(PRINTABLES[printable_id], lang, LANGUAGES) / "index.html")
    chrome = [html.select_one("a.md-skip").get_text(strip=True),
              html.select_one(".md-search__input")["placeholder"],
              DATA["strings"].text("download_pdf", lang)]
    chrome += [a.get_text(" ", strip=True) for a in html.select(".md-footer__link")]
    content = text(pdf_file(site_pdfs, printable_id, lang))
    assert not [label for label in chrome if label and label in content]


@pytest.mark.parametrize("lang", LANGS)
def test_whole_plan_has_title_page_contents_and_every_part(site_pdfs, soup, lang):
    html = soup(site_pdfs / page_path(PRINTABLES["hela-planen"], lang, LANGUAGES) / "index.html")
    pdf = pdf_file(site_pdfs, "hela-planen", lang)
    content = text(pdf)
    parts = {a["href"].split("#")[0] for a in html.select(".tsp-plan-toc a")}
    assert len(parts) >= 15
    base = site_pdfs / page_path(PRINTABLES["hela-planen"], lang, LANGUAGES)
    for href in parts:
        part = soup((base / href / "index.html").resolve())
        assert normal(part.select_one("article h1").get_text(" ", strip=True).rstrip("¶")) in content
    # Title page: the document facts of Om planen (Dnr, decision date, ...).
    about = soup(site_pdfs / page_path(PRINTABLES["hela-planen"], lang, LANGUAGES).replace(
        "skriv-ut/hela-planen/", "planen/om-planen/") / "index.html")
    facts = [normal(td.get_text()) for td in about.select("#dokumentfakta ~ table")[0].select("td")]
    assert organisation().decision.registration_number in facts
    assert_contains_all(text(pdf, 1, 1), facts)
    assert page_count(pdf) > len(parts)


# Date placeholders Chromium draws in an empty <input type="date">.
DATE_PLACEHOLDERS = ["mm/dd/yyyy", "dd/mm/yyyy", "åååå-mm-dd", "yyyy-mm-dd"]


@pytest.mark.parametrize("lang", LANGS)
def test_whole_plan_prints_bilaga_5_as_the_paper_form(site_pdfs, soup, lang):
    incident = DATA["incident"]
    content = text(pdf_file(site_pdfs, "hela-planen", lang))
    assert not [p for p in DATE_PLACEHOLDERS if p in content.lower()]
    # The paper form: every question, row and check, Ja/Nej boxes in rows.
    items, yes_no = part2_expected(lang)
    items += [q.question(lang) for q in incident.part1.questions]
    items += [m.title(lang) for m in incident.part3.meetings]
    items += [incident.closing.routine_applied.text(lang)]
    assert_contains_all(content, items)
    yes, no = DATA["strings"].text("yes", lang), DATA["strings"].text("no", lang)
    assert content.count(f"{yes} {no}") >= yes_no + 2  # + header + closing question
    # Bilaga 5's own heading and introduction stay; the screen form's notice goes.
    bilaga5 = soup(site_pdfs / page_path(PRINTABLES["hela-planen"], lang, LANGUAGES).replace(
        "skriv-ut/hela-planen/", "planen/bilaga-5/") / "index.html")
    intro = bilaga5.select_one("article h1 + p")
    assert_contains_all(content, [intro.get_text(" ", strip=True)])
    screen = [bilaga5.select_one(".tsp-form-notice").get_text(" ", strip=True)]
    screen += [el.get_text(" ", strip=True) for el in bilaga5.select("article .tsp-screen-only")]
    assert screen
    assert not [words for words in screen if normal(words) in content]


SITUATIONS = [p for p in PRINTABLES if p.startswith("situation-")] + ["telefonhot"]


@pytest.mark.parametrize("printable_id", SITUATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_situation_cards_leave_out_the_next_situation_line(site_pdfs, soup, printable_id, lang):
    html = soup(site_pdfs / page_path(PRINTABLES[printable_id], lang, LANGUAGES) / "index.html")
    # The last paragraph of the page is the link to the next situation.
    last = html.select("article > p")[-1]
    assert "tsp-next" in last.get("class", [])
    line = normal(last.get_text(" ", strip=True))
    assert line
    assert line not in text(pdf_file(site_pdfs, printable_id, lang))


LOCALE_SCRIPT = """
document.body.textContent = navigator.language + " " + new Date(2024, 4, 31).toLocaleDateString();
document.documentElement.setAttribute("data-tsp-print", "ready");
"""


def test_pdfs_print_in_the_locale_of_their_language(browser, serve_dir, tmp_path):
    from macros.tsp.steps.pdf import print_pdfs

    for folder in (tmp_path, tmp_path / "en"):
        folder.mkdir(exist_ok=True)
        (folder / "locale.js").write_text(LOCALE_SCRIPT, encoding="utf-8")
        (folder / "index.html").write_text(
            '<!doctype html><html><body><script src="locale.js"></script></body></html>',
            encoding="utf-8")
    todo = [("", "pdf/sv.pdf"), ("en/", "en/pdf/en.pdf")]
    print_pdfs(browser, serve_dir(tmp_path), tmp_path, todo)
    assert normal(text(tmp_path / "pdf" / "sv.pdf")) == "sv-SE 2024-05-31"
    assert normal(text(tmp_path / "en" / "pdf" / "en.pdf")) == "en-GB 31/05/2024"
