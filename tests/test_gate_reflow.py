"""Layouts that survive any font: at 320 px, in DejaVu Sans (the widest common
font) and with the text size doubled, no page scrolls sideways and the header
keeps the emergency link, menu, language and search buttons on the screen.

Every page gets the DejaVu check at 100 % in the site audit (conftest.py); here
one page of each layout gets it at 200 % too, and the 404 page, which the
audit does not visit."""

import pytest

from gates.browser import page_url
from gates.reflow import font_problems, force_widest_font, reflow_problems, set_text_size

ROOT_SIZE = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"


def layout_pages(site_dir):
    """The English start page and one page of each kind of layout: a situation
    hub, the light Akut page, a data table, the form, the whole plan, the
    slides, and the 404 page."""
    paths = ["en/index.html", "en/akut/index.html", "en/om-nagot-har-hant/index.html",
             "en/planen/bilaga-3/index.html", "en/planen/bilaga-5/index.html",
             "en/skriv-ut/hela-planen/index.html", "en/utbildning/presentation/index.html",
             "404.html"]
    pages = [site_dir / p for p in paths]
    missing = [p for p in paths if not (site_dir / p).exists()]
    assert not missing, f"pages gone from the build: {missing}"
    return pages


@pytest.fixture
def widest_font_page(browser, browser_context_args):
    context = browser.new_context(**{**browser_context_args, "reduced_motion": "reduce"})
    force_widest_font(context)
    yield context.new_page()
    context.close()


def test_english_pages_reflow_in_widest_font_at_double_text_size(widest_font_page, site_url,
                                                                  site_dir):
    page = widest_font_page
    pages = layout_pages(site_dir)
    page.goto(page_url(site_url, site_dir, pages[0]))
    assert font_problems(page) == []
    normal = page.evaluate(ROOT_SIZE)
    problems = []
    for percent in (100, 200):
        set_text_size(page, percent)
        for path in pages:
            url = page_url(site_url, site_dir, path)
            problems += reflow_problems(page, url)
            problems += font_problems(page)
        # The text really is that size (rem follows the browser setting).
        assert page.evaluate(ROOT_SIZE) == pytest.approx(normal * percent / 100)
    assert not problems, "\n".join(problems)
