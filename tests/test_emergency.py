"""The emergency entry on every page and the Akut page itself (issue 8)."""

from __future__ import annotations

import gzip
import posixpath

import pytest
from playwright.sync_api import expect

from pathlib import Path

from conftest import ROOT
from macros.tsp.models.situations import load_situations
from project import LANGUAGES, safe_load

STRINGS = safe_load((ROOT / "data" / "strings.yml").read_text(encoding="utf-8"))
# The situations' page names, in the plan's order (data/situations.yml).
SITUATIONS = [Path(s.page).stem for s in load_situations().situations]
LANG_ROOT = {code: LANGUAGES.prefix(code) for code in LANGUAGES}


def site_path(site_dir, page, href):
    """The built file a relative href on page points to."""
    page_url = page.relative_to(site_dir).parent.as_posix()
    target = posixpath.normpath(posixpath.join(page_url, href.split("#")[0]))
    path = site_dir / target
    return path / "index.html" if path.is_dir() else path


def test_every_page_has_the_emergency_link_in_its_language(site_dir, html_pages, soup):
    for page in html_pages:
        doc = soup(page)
        lang = doc.html["lang"]
        links = doc.select("header .tsp-emergency-link")
        assert len(links) == 1, page
        assert links[0].get_text(" ", strip=True).endswith(STRINGS["emergency_link"][lang]), page
        target = site_path(site_dir, page, links[0]["href"])
        assert target == site_dir / LANG_ROOT[lang] / "akut" / "index.html", page


def test_emergency_link_is_the_first_focusable_item_in_the_header(html_pages, soup):
    for page in html_pages:
        header = soup(page).select_one("header.md-header")
        first = header.find(lambda tag: tag.name in ("a", "button", "input", "select", "textarea"))
        assert "tsp-emergency-link" in first.get("class", []), page


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_akut_page_has_call_buttons_script_situations_and_contacts(site_dir, soup, lang):
    page = site_dir / LANG_ROOT[lang] / "akut" / "index.html"
    doc = soup(page)
    assert doc.h1.get_text(strip=True).startswith(STRINGS["emergency_link"][lang])
    calls = [a["href"] for a in doc.select("article a.tsp-call")]
    assert calls == ["tel:112", "tel:11414"]
    script = doc.select("#ring-112 + ol > li")
    assert len(script) == 5
    situations = [li.find("a") for li in doc.select("#situationer + ol > li")]
    targets = [site_path(site_dir, page, a["href"]) for a in situations]
    assert targets == [site_dir / LANG_ROOT[lang] / "planen" / "bilaga-2" / name / "index.html"
                       for name in SITUATIONS]
    contacts = doc.select_one("#kontakter").find_next("p")
    hrefs = [site_path(site_dir, page, a["href"]) for a in contacts.select("a")]
    assert site_dir / LANG_ROOT[lang] / "planen" / "bilaga-4" / "index.html" in hrefs
    # the party security officers and the strategist, from data/contacts.yml
    wanted = [c for c in safe_load((ROOT / "data" / "contacts.yml").read_text())["contacts"]
              if c["kind"] in ("partiets_sakerhetsansvarig", "sakerhetsstrateg")]
    cards = doc.select("#kontakter ~ .tsp-contact-cards .tsp-contact-card")
    assert [c.strong.get_text(strip=True) for c in cards] == [c["title"][lang] for c in wanted]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "planen/3-hantera/", "planen/bilaga-2/6-hot-via-e-post/",
                                  "en/", "en/planen/bilaga-4/", "en/akut/"])
def test_one_keyboard_action_reaches_the_emergency_page(page, site_url, path):
    page.goto(site_url + path)
    page.keyboard.press("Tab")
    if page.evaluate("document.activeElement.classList.contains('md-skip')"):
        page.keyboard.press("Tab")  # the skip link comes first, then the emergency link
    assert page.evaluate("document.activeElement.classList.contains('tsp-emergency-link')")
    page.keyboard.press("Enter")
    lang_root = "en/" if path.startswith("en/") else ""
    page.wait_for_url(site_url + lang_root + "akut/")
    expect(page.locator("a.tsp-call[href='tel:112']")).to_be_visible()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "en/planen/"])
def test_emergency_link_fits_a_320px_screen(page, site_url, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + path)
    box = page.locator(".tsp-emergency-link").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320 and box["y"] >= 0
    search = page.locator("label.md-header__button[for='__search']").bounding_box()
    assert search["x"] + search["width"] <= 320, "the header pushed the search button off screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.browser
@pytest.mark.parametrize("path", ["akut/", "en/akut/"])
def test_light_akut_page_keeps_menu_and_language_choice_without_material_js(page, site_url, path):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site_url + path)
    assert page.locator("script[src*='bundle']").count() == 0
    expect(page.locator("label.md-header__button[for='__search']")).to_be_hidden()
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator("nav.md-nav--primary a[href*='bilaga-4']").first).to_be_visible()
    page.keyboard.press("Escape")
    page.goto(site_url + path)
    other, other_path = ("en", "en/akut/") if path == "akut/" else ("sv", "akut/")
    # The switcher is one link in words ("English" / "Svenska"), no menu.
    page.locator(f".tsp-language a[hreflang='{other}']").click()
    page.wait_for_url(site_url + other_path)


def gzip_weight(site_dir, page, doc) -> int:
    """Gzipped bytes of a page and the stylesheets and scripts it loads."""
    hrefs = [link["href"] for link in doc.select("link[rel=stylesheet]")]
    hrefs += [script["src"] for script in doc.select("script[src]")]
    files = [page] + [site_path(site_dir, page, href) for href in hrefs]
    return sum(len(gzip.compress(path.read_bytes(), 6)) for path in files)


def test_akut_is_the_lightest_page_of_its_language(site_dir, html_pages, soup):
    for lang in ("sv", "en"):
        akut = site_dir / LANG_ROOT[lang] / "akut" / "index.html"
        weights = {page: gzip_weight(site_dir, page, soup(page)) for page in html_pages
                   if soup(page).html["lang"] == lang}
        assert min(weights, key=weights.get) == akut
        assert weights[akut] <= 60 * 1024
