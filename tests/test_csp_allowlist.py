"""The CSP hook hashes only inline scripts the site's templates wrote
(Material's and this project's); anything else stops the build."""

from __future__ import annotations

import pytest

from macros.tsp.steps import csp
from project import site


def with_csp(html: str, where: str) -> str:
    """The CSP step as the plugin runs it, with the project's renderer."""
    return csp.with_csp(html, site().render, where)

# Material 9.8.1's partials/javascripts/base.html as rendered two levels deep.
MATERIAL_SCOPE = (
    '__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.'
    'charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.'
    'pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+'
    '"."+e,JSON.stringify(_))}catch(e){}}')


def page(body: str) -> str:
    return f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'


def test_material_script_is_hashed():
    html = with_csp(page(f"<script>{MATERIAL_SCOPE}</script>"), "index.md")
    assert csp.sha256_source(MATERIAL_SCOPE).strip("'") in html


def test_an_unknown_inline_script_is_refused():
    with pytest.raises(csp.UnknownScript) as refused:
        with_csp(page("<p>Skriv ut<script>alert(1)</script></p>"), "planen/bilaga-4.md")
    assert str(refused.value) == (
        "csp: planen/bilaga-4.md has script the site did not write: alert(1). Text from data/ or "
        "a page must reach HTML escaped; nothing was hashed or allowed.")


def test_a_known_script_with_a_value_that_breaks_out_is_refused():
    """A `{{ value }}` in a known script may not close its string and add code."""
    broken = MATERIAL_SCOPE.replace('"../.."', '"x",alert(1),"y"')
    with pytest.raises(csp.UnknownScript):
        with_csp(page(f"<script>{broken}</script>"), "index.md")


def test_an_event_handler_is_refused():
    with pytest.raises(csp.UnknownScript) as refused:
        with_csp(page('<img src="x" onerror="alert(1)">'), "404.html")
    assert "<img onerror=…>" in str(refused.value)


def test_json_data_scripts_are_not_code():
    html = with_csp(page('<script type="application/json">{"a": "<b>"}</script>'), "x.md")
    assert "Content-Security-Policy" in html
