"""The scripts share one core (assets/javascripts/tsp-core.js) and the
stylesheets one page geometry: read from the sources, no build needed."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from macros.tsp.steps.bundles import CORE_SCRIPT, LIGHT_SCRIPTS

SCRIPTS = ROOT / "docs" / "assets" / "javascripts"
STYLES = ROOT / "docs" / "assets" / "stylesheets"
COMPONENTS = sorted(p.stem for p in SCRIPTS.glob("*.js") if p.stem != CORE_SCRIPT)

# Storage reached without the core: the storage objects themselves, or their methods.
OWN_STORAGE = re.compile(r"\b(?:local|session)Storage\b(?!\")|\.(?:get|set|remove)Item\s*\(")
JS_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def code(path) -> str:
    return JS_COMMENT.sub("", path.read_text(encoding="utf-8"))


def test_the_core_says_the_component_pattern_and_keeps_storage_itself():
    text = (SCRIPTS / f"{CORE_SCRIPT}.js").read_text(encoding="utf-8")
    pattern = JS_COMMENT.match(text.lstrip()).group(0)
    for helper in ("TSP.component(", "TSP.page(", "TSP.words(", "TSP.store(", "TSP.locale("):
        assert helper in pattern, helper
    body = code(SCRIPTS / f"{CORE_SCRIPT}.js")
    for helper in ("component:", "page:", "words:", "store:", "locale:", "locales:", "fill:"):
        assert helper in body, helper


@pytest.mark.parametrize("name", COMPONENTS)
def test_a_script_is_a_component_of_the_core(name):
    """An IIFE that starts through TSP.component/TSP.page and never reaches
    storage itself. The light page's script runs without the core, so it only
    has to leave storage alone."""
    text = code(SCRIPTS / f"{name}.js").strip()
    assert text.startswith("(function () {") and text.endswith("})();"), name
    assert not OWN_STORAGE.search(text), (name, OWN_STORAGE.search(text).group(0))
    if name in LIGHT_SCRIPTS:
        assert "TSP." not in text, name
    else:
        assert re.search(r"\bTSP\.(?:component|page)\(", text), name


@pytest.mark.parametrize("name", COMPONENTS)
def test_a_script_takes_words_and_languages_from_the_page(name):
    """No list of languages or locales written into a script: they come from
    <html> (TSP.locale(), TSP.locales()) or the component's root."""
    text = code(SCRIPTS / f"{name}.js")
    assert not re.search(r"[\"'](?:sv|en)(?:-[A-Z]{2})?[\"']", text), name


def test_one_page_geometry_for_every_sheet_of_paper():
    """One unnamed @page, in tsp-print.css: another would override every PDF's
    margins. A page that needs other geometry uses a named page."""
    unnamed = {}
    for path in sorted(STYLES.glob("*.css")):
        css = CSS_COMMENT.sub("", path.read_text(encoding="utf-8"))
        count = len(re.findall(r"@page\s*[{:]", css))
        if count:
            unnamed[path.name] = count
    assert unnamed == {"tsp-print.css": 1}


@pytest.mark.parametrize("name", COMPONENTS)
def test_only_the_core_marks_javascript_available(name):
    """One JavaScript-available marker, set by the core on <html>: no script
    marks its own element (`tsp-js`, `--js` modifiers)."""
    assert not re.search(r"classList\.add\(\s*\"[\w-]*(?:\btsp-js|--js)\"", code(SCRIPTS / f"{name}.js")), name


def test_controls_that_need_javascript_wait_for_the_marker():
    core = code(SCRIPTS / f"{CORE_SCRIPT}.js")
    assert 'html.classList.add("tsp-js")' in core
    tsp_css = CSS_COMMENT.sub("", (STYLES / "tsp.css").read_text(encoding="utf-8"))
    assert re.search(r"html:not\(\.tsp-js\)\s+\.tsp-js-only\s*\{\s*display:\s*none", tsp_css)
