"""Bilaga 2 on a 320 px phone: 'Gör först' and a tappable 112 on the first screen.

Bilaga 2 on a small phone in real Chromium: the 'do first' box and a tappable
112 are on the first screen, in body-sized text, without sideways scrolling."""

from __future__ import annotations

import pytest

PHONE = {"width": 320, "height": 640}
PAGES = [
    "planen/bilaga-2/1-pagaende-situationer/",
    "planen/bilaga-2/4-inom-arbetsstallet/",
    "en/planen/bilaga-2/8-misstankta-foremal/",
]


@pytest.mark.parametrize("path", PAGES)
def test_do_first_and_112_fit_the_first_phone_screen(page, site_url, path):
    page.set_viewport_size(PHONE)
    page.goto(site_url + path)
    box = page.locator("article .tsp-first")
    call = box.locator('a[href="tel:112"]').first
    assert call.is_visible()
    bounds = call.bounding_box()
    assert bounds is not None and bounds["y"] + bounds["height"] <= PHONE["height"]
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_do_first_text_is_as_large_as_body_text(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "planen/bilaga-2/6-hot-via-e-post/")
    size = "el => parseFloat(getComputedStyle(el).fontSize)"
    first = page.locator("article .tsp-first p:not(.admonition-title):not(.tsp-guidance__label)").evaluate(size)
    body = page.locator("article > p").first.evaluate(size)
    assert first >= body > 0


@pytest.mark.browser
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_situation_pages_use_larger_type_on_screen(page, site_url, prefix):
    """DESIGN.md: a situation is read under stress, so its text is larger than the plan's."""
    page.set_viewport_size({"width": 390, "height": 844})
    size = "px => parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"
    page.goto(site_url + prefix + "planen/3-hantera/")
    plan = page.evaluate(f"({size})()")
    page.goto(site_url + prefix + "planen/bilaga-2/4-inom-arbetsstallet/")
    situation = page.evaluate(f"({size})()")
    assert situation >= plan * 1.1, (plan, situation)
