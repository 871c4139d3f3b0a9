"""The quality gates (axe, CSP, valid HTML, links, keyboard and 320 px) on the
easy-read, guidance and yearly-summary pages alone, in both languages, and on
the summary page once it shows counts and charts. The whole-site gates run
the same checks over every page; this file is the fast loop for these pages."""

from __future__ import annotations

import json
import shutil

import pytest

from form_helpers import fill, form_url
from gates.browser import Watch, add_axe, axe_violations, page_url
from gates.csp import csp_problems
from gates.keyboard import keyboard_problems
from gates.links import page_links, site_roots
from gates.vnu import vnu_errors
from macros.tsp.steps.guidance import GUIDANCE_DIR


def new_pages(site_dir):
    found = []
    for prefix in ("", "en/"):
        root = site_dir / prefix
        found += [root / "lattlast" / "index.html", root / "sammanstallning" / "index.html"]
        found += sorted((root / GUIDANCE_DIR).rglob("index.html"))
    return found


def test_there_are_new_pages(site_dir):
    pages = new_pages(site_dir)
    assert len(pages) >= 16 and all(p.is_file() for p in pages)


def test_csp_and_links(site_dir, soup):
    problems = []
    roots = site_roots(soup, site_dir)
    for path in new_pages(site_dir):
        problems += [f"{path.relative_to(site_dir)}: {m}" for m in csp_problems(soup(path))]
        problems += page_links(site_dir, path, roots)
    assert not problems, "\n".join(problems)


def test_valid_html(site_dir, tmp_path):
    for path in new_pages(site_dir):
        target = tmp_path / path.relative_to(site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    errors = vnu_errors(tmp_path)
    assert not errors, "\n".join(errors)


def test_axe_privacy_keyboard_and_reflow(browser, browser_context_args, site_url, site_dir):
    context = browser.new_context(**{**browser_context_args, "reduced_motion": "reduce"})
    page = context.new_page()
    add_axe(page)
    watch = Watch(page, site_url)
    problems = []
    for path in new_pages(site_dir):
        url = page_url(site_url, site_dir, path)
        problems += watch.visit(url)
        problems += axe_violations(page, url, load=False)
        problems += keyboard_problems(page, url)
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_gates_hold_on_the_summary_with_results(browser, browser_context_args, site_url, lang):
    """With reports loaded: charts, tables, legend and buttons pass axe, stay
    within 320 px, and the page stays private and CSP-clean."""
    context = browser.new_context(**{**browser_context_args, "reduced_motion": "reduce",
                                     "accept_downloads": True})
    page = context.new_page()
    add_axe(page)
    watch = Watch(page, site_url)
    page.goto(form_url(site_url, lang))
    page.wait_for_selector("#tsp-form-tools:not([hidden])")
    fill(page, {"p1-what": "Hot via e-post och ett brev", "p1-when-where": "2026-04-02",
                "p2-police-report": "yes", "p3-followup-1-date": "2026-04-10"})
    with page.expect_download() as download:
        page.click("#tsp-export-json")
    content = open(download.value.path(), encoding="utf-8").read()
    assert json.loads(content)["form"] == "tsp-incident"

    url = site_url + ("" if lang == "sv" else "en/") + "sammanstallning/"
    problems = watch.visit(url)
    page.locator("#tsp-summary-files").set_input_files(
        [{"name": "r.json", "mimeType": "application/json", "buffer": content.encode()}])
    page.wait_for_selector("#tsp-summary-result:not([hidden])")
    problems += axe_violations(page, url, load=False)
    page.set_viewport_size({"width": 320, "height": 640})
    page.wait_for_timeout(300)  # the charts redraw for the new width (debounced resize)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        problems.append(f"{url} with results: scrolls sideways at 320 px ({overflow} px)")
    problems += [p for p in watch.problems]
    context.close()
    assert not problems, "\n".join(problems)
