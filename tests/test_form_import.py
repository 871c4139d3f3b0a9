"""Opening a saved answers file on Bilaga 5, in real Chromium.

Issue 17, both languages: a file
over the limit is refused before it is read and the page keeps answering; a
partial file changes only its own fields, after the reader has seen which;
values that look like markup stay text; saving on the device is left as it was."""

from __future__ import annotations

import json
import time

import pytest
from playwright.sync_api import expect

from form_helpers import DRAFT_KEY, answers, form_url, say
from macros.tsp.models.loader import load_incident

LIMIT_KB = load_incident().import_limit_kb
# The 5 MB file that froze the tab, as a well-formed answers file.
LARGE_BYTES = 5 * 1024 * 1024
# A refusal must come well before a person would think the page hung.
RESPONSIVE_SECONDS = 3.0

# Counts every read of a file's content, so a refusal can prove it read nothing.
COUNT_READS = """(() => {
  window.tspReads = 0;
  for (const name of ["text", "arrayBuffer", "stream"]) {
    const original = Blob.prototype[name];
    Blob.prototype[name] = function () { window.tspReads++; return original.apply(this, arguments); };
  }
  const readAs = FileReader.prototype.readAsText;
  FileReader.prototype.readAsText = function () { window.tspReads++; return readAs.apply(this, arguments); };
})()"""

MARKUP = {
    "p1-reporter": '<img src="x" onerror="window.tspInjected = 1">',
    "p1-what": "<script>window.tspInjected = 2</script> & <b>fet</b>",
    "p3-followup-1-present": '"><svg onload="window.tspInjected = 3">',
}


def answers_file(tmp_path, name: str, values: dict[str, str], padding: int = 0):
    data = {"form": "tsp-incident", "version": 1, "answers": values}
    if padding:
        data["answers"] = {**values, "p1-what": "x" * padding}
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture(params=["sv", "en"])
def lang(request) -> str:
    return request.param


@pytest.fixture
def form(page, site_url, lang):
    page.add_init_script(COUNT_READS)
    page.goto(form_url(site_url, lang))
    page.wait_for_selector("#tsp-form-tools:not([hidden])")
    return page


def stored_draft(page) -> str | None:
    return page.evaluate(f"localStorage.getItem({DRAFT_KEY!r})")


def test_a_file_over_the_limit_is_refused_unread_and_saving_stays_on(form, lang, tmp_path):
    page = form
    assert page.get_attribute("#tsp-import", "data-tsp-max-bytes") == str(LIMIT_KB * 1024)
    page.check("#tsp-keep")
    page.fill("#p1-reporter", "Utkastet som ska finnas kvar")
    assert "Utkastet som ska finnas kvar" in stored_draft(page)
    before = answers(page)

    large = answers_file(tmp_path, "stor.json", {"p1-reporter": "från filen"}, padding=LARGE_BYTES)
    assert large.stat().st_size > LIMIT_KB * 1024
    reads = page.evaluate("window.tspReads")
    started = time.monotonic()
    page.set_input_files("#tsp-import", str(large))
    expect(page.locator("#tsp-form-message")).to_have_text(
        say("form_import_too_large", lang, file=large.name, limit=LIMIT_KB),
        timeout=RESPONSIVE_SECONDS * 1000)
    # The page answers at once: a script turn and a typed key both get through.
    page.fill("#p1-targeted", "skrivet efteråt")
    assert time.monotonic() - started < RESPONSIVE_SECONDS, "the page was blocked"
    assert page.evaluate("window.tspReads") == reads, "the file was read although it is too large"

    assert page.is_hidden("#tsp-import-dialog")
    assert page.is_checked("#tsp-keep"), "a refused import unticked saving"
    assert answers(page) == {**before, "p1-targeted": "skrivet efteråt"}
    assert "skrivet efteråt" in stored_draft(page), "saving stopped after the refusal"
    assert page.inner_text("#tsp-keep-status") != say("form_status_none", lang)


def test_a_partial_file_asks_first_and_keeps_the_fields_it_lacks(form, lang, tmp_path):
    page = form
    page.fill("#p1-reporter", "Skrivet för hand")
    page.fill("#p1-targeted", "Finns inte i filen")
    partial = answers_file(tmp_path, "del.json",
                           {"p1-reporter": "Från filen", "p2-police-report": "yes"})

    # Asked, told what changes, and cancelling changes nothing.
    page.set_input_files("#tsp-import", str(partial))
    expect(page.locator("#tsp-import-dialog")).to_be_visible()
    assert page.inner_text("#tsp-import-summary") == say(
        "form_import_summary", lang, file=partial.name, count=2, replaced=1)
    listed = page.locator("#tsp-import-fields li").all_inner_texts()
    reporter = page.inner_text("label[for=p1-reporter]").strip()
    police = page.inner_text("#p2-police-report-yes >> xpath=.. >> legend").strip()
    replaces = say("form_import_replaces", lang)
    assert listed == [f"{reporter} ({replaces})", police]
    assert page.input_value("#p1-reporter") == "Skrivet för hand", "changed before the answer"
    page.keyboard.press("Escape")
    assert page.inner_text("#tsp-form-message") == say("form_import_cancelled", lang, file=partial.name)
    assert page.input_value("#p1-reporter") == "Skrivet för hand"
    assert not page.is_checked("#p2-police-report-yes")

    before = answers(page)
    page.set_input_files("#tsp-import", str(partial))
    page.click("#tsp-import-confirm")
    assert page.inner_text("#tsp-form-message") == say("form_imported", lang, file=partial.name)
    assert answers(page) == {**before, "p1-reporter": "Från filen", "p2-police-report": "yes"}
    assert page.input_value("#p1-targeted") == "Finns inte i filen"

    # The same file again changes nothing, and says so without asking.
    page.set_input_files("#tsp-import", str(partial))
    expect(page.locator("#tsp-form-message")).to_have_text(
        say("form_import_same", lang, file=partial.name))
    assert page.is_hidden("#tsp-import-dialog")


def test_values_that_look_like_markup_stay_text(form, lang, tmp_path):
    page = form
    page.check("#tsp-keep")
    elements = page.evaluate("document.querySelectorAll('img, script, svg, b').length")
    markup = answers_file(tmp_path, "markup.json", MARKUP)
    page.set_input_files("#tsp-import", str(markup))
    page.click("#tsp-import-confirm")
    assert {name: page.input_value(f"#{name}") for name in MARKUP} == MARKUP
    # The print copies hold the same characters as text.
    copies = page.evaluate("""names => names.map(n =>
        document.getElementById(n).nextElementSibling.textContent)""", list(MARKUP))
    assert copies == list(MARKUP.values())
    page.reload()
    page.wait_for_selector("#tsp-form-tools:not([hidden])")
    assert {name: page.input_value(f"#{name}") for name in MARKUP} == MARKUP
    assert page.evaluate("window.tspInjected") is None, "a value ran as script"
    assert page.evaluate("document.querySelectorAll('img, script, svg, b').length") == elements
