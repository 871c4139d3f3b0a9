"""Accessibility gate: axe-core (WCAG 2.0/2.1 A and AA) on every page of both
languages, at a mobile and a desktop width, in one browser context."""

from pathlib import Path

from conftest import run_build
from gates.browser import Watch, add_axe, axe_violations
from gates.edit import add_to_content
from gates.keyboard import keyboard_problems

SAMPLE = Path(__file__).parent / "fixtures" / "content-sample.md"


def test_every_page_has_no_axe_violations(site_audit):
    assert site_audit["pages"] and not site_audit["axe"], "\n".join(site_audit["axe"])


def test_gates_pass_on_rich_content(page, project_copy, tmp_path, serve_dir):
    """Tables, admonitions, details, definitions, long words and a form:
    what content pages will hold must pass axe, the CSP and 320 px reflow."""
    for name in ("index.md", "index.en.md"):
        doc = project_copy / "docs" / name
        doc.write_text(doc.read_text(encoding="utf-8") + SAMPLE.read_text(encoding="utf-8"),
                       encoding="utf-8")
    built = tmp_path / "built"
    result = run_build(built, project_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    url = serve_dir(built)
    add_axe(page)
    problems = []
    for prefix in ("", "en/"):
        problems += axe_violations(page, url + prefix)
        problems += Watch(page, url).visit(url + prefix)
        problems += keyboard_problems(page, url + prefix)
        # At 320 px the sample table overflows: its wrapper became a named,
        # focusable region (tsp-scroll-regions.js).
        region = page.locator(".md-typeset__scrollwrap[tabindex='0'][role='region']")
        assert region.get_attribute("aria-labelledby") == "tsp-sample-table"
    assert not problems, "\n".join(problems)
    # Search still works under the CSP on content pages: "polis" finds the table.
    watch = Watch(page, url)
    watch.visit(url)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.locator("input.md-search__input").focus()
    page.keyboard.type("polis")
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10000)
    assert "polisen" in page.locator(".md-search-result__list").inner_text().lower()
    assert watch.visit(url) == []


def test_gate_catches_unlabelled_input_and_missing_alt(page, site_copy, serve_dir):
    path = site_copy / "en" / "akut" / "index.html"
    add_to_content(path, "input", type="text", name="unlabelled")
    add_to_content(path, "img", src="../../assets/images/favicon.png")
    url = serve_dir(site_copy) + "en/akut/"
    add_axe(page)
    found = axe_violations(page, url)
    rules = {line.split(": ", 1)[1].split(" ")[0] for line in found}
    assert rules == {"label", "image-alt"}, found
    assert any("@375px" in line for line in found) and any("@1280px" in line for line in found)


def test_whole_plan_is_audited_once_assembled_at_phone_width(page, site_url, site_dir):
    """skriv-ut/hela-planen/ puts the plan together in the browser: its tables
    are wrapped and reachable by keyboard however fast that happens."""
    add_axe(page)
    for prefix in ("", "en/"):
        url = site_url + prefix + "skriv-ut/hela-planen/"
        page.set_viewport_size({"width": 375, "height": 740})
        page.goto(url, wait_until="load")
        page.wait_for_selector('html[data-tsp-print="ready"]', state="attached")
        tables = page.locator(".tsp-plan-body table:not([class])")
        assert tables.count() > 0
        assert page.locator(".tsp-plan-body .md-typeset__scrollwrap table:not([class])").count() \
            == tables.count(), "a table of the plan is not in a scroll wrapper"
        assert axe_violations(page, url, load=False) == []
