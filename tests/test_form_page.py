"""The built Bilaga 5 form pages, read with a parser.

The built Bilaga 5 pages (issue 5): a form that can send nothing, the
script only on these pages, and no inline code for the coming strict CSP."""

from __future__ import annotations

import json

import pytest

from form_helpers import STRINGS

PAGES = {"sv": "planen/bilaga-5/index.html", "en": "en/planen/bilaga-5/index.html"}
# The form's script comes inside the bundle of its page kind (macros/tsp/steps/bundles.py).
SCRIPT = "tsp-incident-form."


def loads_form_script(page) -> bool:
    return any(s["src"].rsplit("/", 1)[-1].startswith(SCRIPT) for s in page.select("script[src]"))


@pytest.mark.parametrize("lang", PAGES)
def test_form_sends_nothing_and_has_no_inline_code(site_dir, soup, lang):
    page = soup(site_dir / PAGES[lang])
    form = page.select_one("form#tsp-incident")
    assert not form.has_attr("action") and form["autocomplete"] == "off"
    assert form.select("button[type=submit], input[type=submit]") == []
    tools = page.select_one("#tsp-form-tools")
    assert tools.has_attr("hidden"), "tools must stay hidden without JavaScript"
    for el in page.select("article *"):
        assert not any(a.startswith("on") for a in el.attrs), el.name
        assert "style" not in el.attrs, el.name
    inline = [s for s in page.select("article script") if not s.has_attr("src")]
    assert [s["type"] for s in inline] == ["application/json"]
    ui = json.loads(inline[0].string)["words"]
    assert ui["form_cleared"] == STRINGS.text("form_cleared", lang)
    assert loads_form_script(page)


def test_script_only_on_bilaga_5(site_dir, soup, html_pages):
    loading = sorted(str(p.relative_to(site_dir)) for p in html_pages
                     if loads_form_script(soup(p)))
    assert loading == sorted(PAGES.values())


@pytest.mark.parametrize("lang", PAGES)
def test_every_control_has_a_label(site_dir, soup, lang):
    page = soup(site_dir / PAGES[lang])
    controls = page.select("#tsp-incident textarea, #tsp-incident input, #tsp-form-tools input")
    assert len(controls) > 30
    for control in controls:
        assert page.select_one(f"label[for='{control['id']}']"), control["id"]
