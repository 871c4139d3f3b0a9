"""The Akut page close to the physical limit: its HTML, the least CSS it
needs inline, one small script; the call button in the first paint."""

from __future__ import annotations

import gzip
import re

import pytest
from playwright.sync_api import expect

from conftest import ROOT
from macros.tsp.steps.css_subset import page_tokens, selector_applies

PAGES = ["akut/", "en/akut/"]
BUDGET = 25 * 1024  # gzip bytes of everything a cold load fetches
MAX_REQUESTS = 5


def cold_files(site_dir, soup, path):
    """The files a cold load of the page fetches: the page, its scripts and
    icon, the web app manifest and the service worker it registers."""
    page = site_dir / path / "index.html"
    doc = soup(page)
    hrefs = [s["src"] for s in doc.select("script[src]")]
    hrefs += [link["href"] for link in doc.select("link[rel=icon], link[rel=manifest], "
                                                  "link[rel=stylesheet]")]
    return [page, *((page.parent / href).resolve() for href in hrefs), site_dir / "sw.js"]


@pytest.mark.parametrize("path", PAGES)
def test_akut_fits_its_byte_and_request_budget(site_pdfs, soup, path):
    # The published site (with its PDFs, whose entries the worker lists).
    files = cold_files(site_pdfs, soup, path)
    assert len(files) <= MAX_REQUESTS, files
    size = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
    assert size <= BUDGET, f"{size / 1024:.1f} KiB gzip"


@pytest.mark.parametrize("path", PAGES)
def test_akut_has_nothing_render_blocking(site_dir, soup, path):
    doc = soup(site_dir / path / "index.html")
    assert doc.select("link[rel=stylesheet]") == []
    for script in doc.head.select("script[src]"):
        assert script.has_attr("defer") or script.has_attr("async"), script
    csp = doc.select_one("meta[http-equiv=Content-Security-Policy]")["content"]
    style_src = next(d for d in csp.split(";") if d.strip().startswith("style-src "))
    assert "unsafe-inline" not in style_src and "'sha256-" in style_src


def test_the_subset_keeps_what_a_page_can_use_and_drops_the_rest():
    tokens = page_tokens('<body data-x="a"><nav class="md-nav md-nav--primary" id="n">'
                         '<a href="#">x</a></nav></body>')
    assert selector_applies(".md-nav--primary > a:hover", tokens)
    assert selector_applies("nav:not(.md-search) a::before", tokens)
    assert selector_applies('[data-x="a"] #n', tokens)
    assert not selector_applies('[data-x="b"] #n', tokens)
    assert not selector_applies(".md-search a", tokens)
    assert not selector_applies("table td", tokens)


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_the_call_button_is_in_the_first_paint(page, site_url, path):
    """With every other request refused, the page still shows the red call
    button in the first screen of a 320 px phone: nothing else is needed."""
    page.set_viewport_size({"width": 320, "height": 640})
    page.route("**/*", lambda route: route.continue_()
               if route.request.resource_type == "document" else route.abort())
    page.goto(site_url + path)
    call = page.locator("a.tsp-call[href='tel:112']")
    expect(call).to_be_visible()
    box = call.bounding_box()
    assert box["y"] + box["height"] <= 640 and box["x"] >= 0 and box["x"] + box["width"] <= 320
    colour = call.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == emergency_colour()


def custom_property(name: str) -> str:
    """The value docs/assets/stylesheets give the custom property name, with
    every var() in it replaced by that property's own value."""
    for css in sorted((ROOT / "docs" / "assets" / "stylesheets").glob("*.css")):
        found = re.search(rf"(?<![\w-]){re.escape(name)}:\s*([^;]+);", css.read_text(encoding="utf-8"))
        if found:
            return re.sub(r"var\((--[\w-]+)\)", lambda m: custom_property(m.group(1)),
                          found.group(1).strip())
    raise AssertionError(f"no {name} in docs/assets/stylesheets")


def emergency_colour() -> str:
    """The call button's background (--tsp-emergency-bg, tsp-emergency.css) in rgb() form."""
    value = custom_property("--tsp-emergency-bg")
    found = re.fullmatch(r"#([0-9a-fA-F]{6})", value)
    assert found, f"--tsp-emergency-bg is {value!r}, not a #rrggbb colour"
    r, g, b = (int(found.group(1)[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgb({r}, {g}, {b})"
