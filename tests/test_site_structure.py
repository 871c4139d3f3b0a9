"""The built site as a reader gets it: two languages, twins, switcher, no template leftovers."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest


def _swedish_pages(site_dir: Path, html_pages: list[Path]) -> list[Path]:
    en = site_dir / "en"
    return [p for p in html_pages if en not in p.parents]


def _url_of(site_dir: Path, path: Path) -> str:
    rel = path.relative_to(site_dir).parent.as_posix()
    return "/" if rel == "." else f"/{rel}/"


def test_every_swedish_page_has_an_english_twin(site_dir, html_pages):
    swedish = _swedish_pages(site_dir, html_pages)
    assert len(swedish) >= 20
    missing = [str(p.relative_to(site_dir)) for p in swedish
               if not (site_dir / "en" / p.relative_to(site_dir)).exists()]
    assert missing == []


def test_html_lang_matches_language(site_dir, html_pages, soup):
    for path in html_pages:
        expected = "en" if (site_dir / "en") in path.parents else "sv"
        assert soup(path).html.get("lang") == expected, path


def _switcher_links(doc) -> dict[str, str]:
    links = {}
    for a in doc.select(".md-select__link[hreflang]"):
        links[a["hreflang"]] = a["href"]
    return links


def test_language_switcher_stays_on_the_same_page(site_dir, html_pages, soup):
    """One link, to the same page in the other language."""
    for path in _swedish_pages(site_dir, html_pages):
        twin = site_dir / "en" / path.relative_to(site_dir)
        sv_url = _url_of(site_dir, path)
        en_url = _url_of(site_dir, twin)
        for page_path, own_url, other, other_url in ((path, sv_url, "en", en_url),
                                                      (twin, en_url, "sv", sv_url)):
            links = _switcher_links(soup(page_path))
            assert set(links) == {other}, page_path
            assert urljoin(own_url, links[other]) == other_url, page_path


def test_site_name_is_translated(site_dir, soup):
    assert "Trygg och säker politiker" in soup(site_dir / "index.html").title.text
    en_title = soup(site_dir / "en" / "index.html").title.text
    assert "Safe and secure" in en_title and "Trygg" not in en_title


@pytest.mark.parametrize("marker", ["{{", "{%", "{#", "%}", "}}"])
def test_no_template_leftovers_in_visible_text(html_pages, soup, marker):
    offenders = []
    for path in html_pages:
        main = soup(path).select_one("main") or soup(path).body
        if marker in main.get_text():
            offenders.append(str(path))
    assert offenders == []


def test_no_hreflang_link_elements(html_pages, soup):
    """Material would fetch sitemap.xml next to each relative hreflang link (404s)."""
    for path in html_pages:
        assert soup(path).select("head link[hreflang]") == [], path


# Words of the Swedish footer (statement link, labels, prev/next).
SWEDISH_FOOTER_WORDS = ("Dnr", "Tillgänglighet", "Växel", "Senast granskad", "Föregående", "Nästa")


def test_english_footer_has_no_swedish(site_dir, html_pages, soup):
    english = [p for p in html_pages if (site_dir / "en") in p.parents]
    assert len(english) >= 20
    for path in english:
        footer = soup(path).select_one("footer.md-footer")
        words = footer.get_text(" ", strip=True)
        assert not [w for w in SWEDISH_FOOTER_WORDS if w in words], (path, words)
