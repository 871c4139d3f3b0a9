"""The PDFs measured as paper: type size, write-in space, page breaks, tags.

Issue 17: type size on the action cards and
the 112 card, write-in space on the phone checklist, room between the Ja/Nej
boxes, a whole plan with no heading or term cut from what follows it and
no date broken over two lines, and a tag structure in the document's language."""

from __future__ import annotations

import re
import subprocess

import pytest

from macros.tsp.models.loader import load_all, load_printables
from macros.tsp.models.printables import page_path, pdf_path
from pdf_tools import Raster, body_text, normal, page_count, rule_tops, type_sizes, words
from project import LANGUAGES

DATA = load_all()
PRINTABLES = {p.id: p for p in load_printables().printables}
SITUATIONS = [s.printable.id for s in DATA["situations"].situations if s.printable]
LANGS = LANGUAGES.codes
MM = 72 / 25.4  # points in a millimetre

CARD_MIN_PT = 12     # an action card read on a wall or by the phone
NUMBER_MIN_PT = 10   # the numbers to dial on the 112 card
WRITE_MIN_MM = 8     # one handwritten line
LINES_EACH = 2       # lines to write on under each checklist item
TICK_CLEAR_MM = 3    # clear paper between "Ja" and the box of "Nej"
# pdftotext sizes come from box heights rounded to hundredths of a point.
TOLERANCE_PT = 0.2


def pdf_file(site, printable_id, lang):
    return site / pdf_path(PRINTABLES[printable_id], lang, LANGUAGES)


def html_of(site, soup, printable_id, lang, page=None):
    path = page_path(PRINTABLES[printable_id], lang, LANGUAGES)
    if page:
        path = path.replace(PRINTABLES[printable_id].page, page)
    return soup(site / path / "index.html")


@pytest.mark.parametrize("printable_id", SITUATIONS)
@pytest.mark.parametrize("lang", LANGS)
def test_action_cards_are_in_large_type(site_pdfs, printable_id, lang):
    pdf = pdf_file(site_pdfs, printable_id, lang)
    small = [(page, word, round(size, 1)) for page in range(1, page_count(pdf) + 1)
             for word, size, _, _ in type_sizes(pdf, page) if size < CARD_MIN_PT - TOLERANCE_PT]
    assert small == []


@pytest.mark.parametrize("lang", LANGS)
def test_112_card_numbers_are_large(site_pdfs, lang):
    pdf = pdf_file(site_pdfs, "112-kort", lang)
    sizes = type_sizes(pdf, 1)
    for number in DATA["contacts"].always:
        for part in number.phone.split():
            found = [size for word, size, _, _ in sizes if word == part]
            assert found, f"{number.phone} is not on the card"
            assert min(found) >= NUMBER_MIN_PT - TOLERANCE_PT, (number.phone, found)


@pytest.mark.parametrize("lang", LANGS)
def test_phone_checklist_has_lines_to_write_on(site_pdfs, soup, lang):
    html = html_of(site_pdfs, soup, "telefonhot", lang)
    items = html.select("#checklista ~ ul > li")
    assert items
    pdf = pdf_file(site_pdfs, "telefonhot", lang)
    slots = []
    for page in range(1, page_count(pdf) + 1):
        rules = rule_tops(Raster(pdf, page))
        boxes = [(y0, y1) for _, _, y0, y1 in type_sizes(pdf, page)]
        # No line runs through the printed words.
        crossed = [y for y in rules for y0, y1 in boxes if y0 - 1 < y < y1 + 1]
        assert crossed == [], f"page {page}: lines through the text at {crossed}"
        # A gap between two lines with no word in it is space to write in.
        for top, bottom in zip(rules, rules[1:]):
            if not any(top < y0 < bottom for y0, _ in boxes):
                slots.append((page, round((bottom - top) / MM, 1)))
    assert len(slots) >= LINES_EACH * len(items), slots
    assert [s for s in slots if s[1] < WRITE_MIN_MM] == [], slots


@pytest.mark.parametrize("printable_id", ["incidentrapport", "atgardschecklista"])
@pytest.mark.parametrize("lang", LANGS)
def test_yes_and_no_boxes_stand_apart(site_pdfs, printable_id, lang):
    yes, no = DATA["strings"].text("yes", lang), DATA["strings"].text("no", lang)
    pdf = pdf_file(site_pdfs, printable_id, lang)
    pairs = []
    for page in range(1, page_count(pdf) + 1):
        found = words(pdf, page)
        for (w1, _, y0, x1, _), (w2, x0, y2, _, y3) in zip(found, found[1:]):
            if (w1, w2) == (yes, no) and abs(y0 - y2) < 2:
                # The box of "Nej" is 1.1 em wide; the word's box is about 1.24 em high.
                box = 0.9 * (y3 - y2)
                pairs.append(round((x0 - x1 - box) / MM, 1))
    assert pairs, "no Ja/Nej pair found"
    assert [gap for gap in pairs if gap < TICK_CLEAR_MM] == [], pairs


def last_line(pdf, page: int) -> str:
    """The lowest line of a page's body, its words joined in reading order."""
    found = type_sizes(pdf, page)
    bottom = max(y1 for *_, y1 in found)
    return " ".join(word for word, _, _, y1 in found if abs(y1 - bottom) < 2)


def plan_parts(site, soup, lang):
    """The parsed pages the whole plan is assembled from, in order."""
    whole = html_of(site, soup, "hela-planen", lang)
    base = site / page_path(PRINTABLES["hela-planen"], lang, LANGUAGES)
    hrefs = list(dict.fromkeys(a["href"].split("#")[0] for a in whole.select(".tsp-plan-toc a")))
    return [soup((base / href / "index.html").resolve()) for href in hrefs]


@pytest.mark.parametrize("lang", LANGS)
def test_whole_plan_keeps_headings_terms_and_dates_whole(site_pdfs, soup, lang):
    parts = plan_parts(site_pdfs, soup, lang)
    headings = {normal(h.get_text(" ", strip=True).rstrip("¶").strip())
                for part in parts for h in part.select("article :is(h2, h3, h4)")}
    glossary = [(normal(dt.get_text()), normal(dd.get_text()))
                for part in parts for dt, dd in
                ((dt, dt.find_next_sibling("dd")) for dt in part.select("article dl dt"))]
    assert headings and glossary
    dates = {d for part in parts for d in re.findall(r"\b\d{4}-\d{2}-\d{2}\b", part.select_one("article").get_text())}
    assert dates
    pdf = pdf_file(site_pdfs, "hela-planen", lang)
    pages = [body_text(pdf, page) for page in range(1, page_count(pdf) + 1)]

    orphans = [(n, last) for n in range(1, len(pages)) if (last := last_line(pdf, n)) in headings]
    assert orphans == [], "a heading ends a page, its text is on the next"

    for term, definition in glossary:
        start = " ".join(definition.split()[:4])
        term_pages = [n for n, body in enumerate(pages, 1) if f"{term} {start}" in body]
        assert term_pages, f"the term {term!r} is not on the page of its definition"

    printed = {w[0].strip(".,;:()") for page in range(1, len(pages) + 1) for w in words(pdf, page)}
    assert dates <= printed, f"broken over two lines: {sorted(dates - printed)}"


@pytest.mark.parametrize("printable_id", PRINTABLES)
@pytest.mark.parametrize("lang", LANGS)
def test_pdfs_are_tagged_in_their_language(site_pdfs, printable_id, lang):
    pdf = pdf_file(site_pdfs, printable_id, lang)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), f"{pdf.name} ({lang}) has no tag structure"
    # The document's language, which a screen reader reads with: /Lang of the
    # catalog and of the Document element (parts in another language carry their own).
    data = pdf.read_bytes()
    catalog = re.search(rb"/Type /Catalog.*?/Lang \(([^)]*)\)>>", data, re.S)
    document = re.search(rb"/S /Document\s*/Lang \(([^)]*)\)", data)
    assert catalog and document, f"{pdf.name} ({lang}) states no language"
    assert (catalog.group(1), document.group(1)) == (lang.encode(), lang.encode())
