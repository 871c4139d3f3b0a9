"""Keyboard and reflow gates on every page: skip link first, visible focus,
no sideways scrolling at 320 px; and a distinct <title> per page."""

from collections import Counter

from gates.edit import add_to_content, load, save
from gates.keyboard import keyboard_problems


def duplicate_titles(pages, soup) -> list[str]:
    titles = Counter(soup(p).title.get_text(strip=True) for p in pages)
    return [f"{count} pages titled {title!r}" for title, count in titles.items() if count > 1]


def test_every_page_has_skip_link_visible_focus_and_reflows(site_audit):
    assert site_audit["pages"] and not site_audit["keyboard"], "\n".join(site_audit["keyboard"])


def test_page_titles_differ(html_pages, soup):
    assert html_pages and duplicate_titles(html_pages, soup) == []


def test_gate_catches_duplicate_title(site_copy):
    pages = [site_copy / "akut" / "index.html", site_copy / "forebygg" / "index.html"]
    soup = load(pages[1])
    soup.title.string = load(pages[0]).title.get_text()
    save(pages[1], soup)
    assert len(duplicate_titles(pages, lambda p: load(p))) == 1


def test_gate_catches_missing_skip_link_hidden_focus_and_overflow(page, site_copy, serve_dir):
    path = site_copy / "akut" / "index.html"
    soup = load(path)
    soup.find("a", class_="md-skip").decompose()
    save(path, soup)
    (site_copy / "assets" / "stylesheets" / "tsp-break.css").write_text(
        "*:focus, *:focus-visible { outline: none !important; box-shadow: none !important; }\n"
        ".md-typeset { min-width: 900px; }\n")
    add_to_content(path, "link", rel="stylesheet", href="../assets/stylesheets/tsp-break.css")
    problems = keyboard_problems(page, serve_dir(site_copy) + "akut/")
    assert any("first Tab stop is not a skip link" in p for p in problems), problems
    assert any("has no visible focus" in p for p in problems), problems
    assert any("scrolls sideways at 320 px" in p for p in problems), problems
