"""The printable pages in the built HTML: the Skriv ut index, the Skriv ut
button and PDF link on every printable page (no inline script or style),
and the linked PDF files once macros/tsp/steps/pdf.py has run."""

from __future__ import annotations

import pytest

from macros.tsp.models.loader import load_all, load_printables
from macros.tsp.models.printables import page_path, pdf_path
from project import LANGUAGES

STRINGS = load_all()["strings"]
PRINTABLES = load_printables().printables
LANGS = LANGUAGES.codes


def page_file(site, printable, lang):
    return site / page_path(printable, lang, LANGUAGES) / "index.html"


@pytest.mark.parametrize("lang", LANGS)
def test_index_lists_every_printable_with_print_and_pdf_links(site_dir, soup, lang):
    index = soup(site_dir / LANGUAGES.site_path("skriv-ut", lang) / "index.html")
    items = {li["data-printable"]: li for li in index.select(".tsp-print-list li")}
    assert list(items) == [p.id for p in PRINTABLES]
    for printable in PRINTABLES:
        item = items[printable.id]
        assert item.select_one("a").get_text(strip=True) == printable.title(lang)
        assert item.select_one(".tsp-print-link").get_text(" ", strip=True).startswith(
            STRINGS.text("print", lang))
        assert item.select_one("a.tsp-pdf-link").has_attr("download")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("printable", PRINTABLES, ids=lambda p: p.id)
def test_printable_page_has_print_button_and_pdf_link(site_dir, soup, printable, lang):
    html = soup(page_file(site_dir, printable, lang))
    assert html.html["lang"] == lang
    actions = html.select_one("article .tsp-print-actions")
    button = actions.select_one("button.tsp-print-button")
    assert button["type"] == "button"
    assert button.get_text(strip=True) == STRINGS.text("print", lang)
    link = actions.select_one("a.tsp-pdf-link")
    assert link.has_attr("download")
    assert link.get_text(strip=True) == STRINGS.text("download_pdf", lang)
    # Strict CSP: no inline handlers, scripts or style attributes.
    for element in actions.find_all(True):
        assert not [name for name in element.attrs if name.startswith("on") or name == "style"]
    target = (page_file(site_dir, printable, lang).parent / link["href"]).resolve()
    assert target == (site_dir / pdf_path(printable, lang, LANGUAGES)).resolve()


def test_other_pages_have_no_print_actions(site_dir, soup):
    html = soup(site_dir / "planen" / "3-hantera" / "index.html")
    assert html.select_one(".tsp-print-actions") is None


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_links_point_to_files_that_exist_after_the_pdf_step(site_pdfs, soup, lang):
    for printable in PRINTABLES:
        page = page_file(site_pdfs, printable, lang)
        href = soup(page).select_one("article a.tsp-pdf-link")["href"]
        target = (page.parent / href).resolve()
        assert target.is_file() and target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("lang", LANGS)
def test_paper_form_has_lines_and_boxes_not_inputs(site_dir, soup, lang):
    printable = next(p for p in PRINTABLES if p.id == "incidentrapport")
    paper = soup(page_file(site_dir, printable, lang)).select_one("article .tsp-paper")
    incident = load_all()["incident"]
    assert paper.select("input, textarea") == []
    questions = paper.select(".tsp-print-q[data-question]")
    assert len(questions) >= len(incident.part1.questions)
    assert all(q.select(".tsp-line") or q.select(".tsp-box") for q in questions)


@pytest.mark.parametrize("lang", LANGS)
def test_whole_plan_swaps_bilaga_5_for_its_paper_form(site_dir, soup, lang):
    """tsp-print.js prints the part behind a data-tsp-paper link as that paper page."""
    whole = next(p for p in PRINTABLES if p.id == "hela-planen")
    paper = next(p for p in PRINTABLES if p.id == "incidentrapport")
    page = page_file(site_dir, whole, lang)
    links = soup(page).select(".tsp-plan-toc a[data-tsp-paper]")
    assert len(links) == 1
    part = (page.parent / links[0]["href"]).resolve()
    assert part == (site_dir / LANGUAGES.prefix(lang) / "planen" / "bilaga-5").resolve()
    target = (page.parent / links[0]["data-tsp-paper"] / "index.html").resolve()
    assert target == page_file(site_dir, paper, lang).resolve()
    assert soup(target).select_one("article .tsp-paper") is not None
