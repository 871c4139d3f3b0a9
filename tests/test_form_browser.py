"""Bilaga 5 in real Chromium, both languages (issue 5): fill in by keyboard,
print to PDF, no request and no storage without opt-in, keep on this device,
clear, export/import with validation, checklist progress, axe."""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import wait_until
from form_helpers import (DRAFT_KEY, LONG_ANSWER, STRINGS, answers, fill, fill_by_keyboard,
                          fold, foreign, form_traces, form_url, pdf_page_size, pdf_text,
                          sample_answers, say)

BAD_FILES = {
    "trasig.json": ('{"form": "tsp-incident", "version": 1, "answers": {', "form_import_malformed"),
    "annan.json": (json.dumps({"form": "tsp-quiz", "version": 1, "answers": {}}), "form_import_other"),
    "nyare.json": (json.dumps({"form": "tsp-incident", "version": 2,
                               "answers": {"p1-reporter": "ny"}}), "form_import_newer"),
    "okand-falt.json": (json.dumps({"form": "tsp-incident", "version": 1,
                                    "answers": {"p9-unknown": "x"}}), "form_import_malformed"),
    "fel-svar.json": (json.dumps({"form": "tsp-incident", "version": 1,
                                  "answers": {"p2-police-report": "kanske"}}), "form_import_malformed"),
}

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(params=["sv", "en"])
def lang(request) -> str:
    return request.param


@pytest.fixture
def form(page, site_url, lang):
    """The Bilaga 5 page, loaded, with every request of the session recorded."""
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.goto(form_url(site_url, lang))
    page.wait_for_selector("#tsp-form-tools:not([hidden])")
    return page


def test_keyboard_fill_print_no_request_no_storage(form, site_url, lang, tmp_path):
    page = form
    # Empty answers print as ruled write-in space; the screen tools do not print.
    page.emulate_media(media="print")
    heights = page.evaluate("""() => [...document.querySelectorAll("#tsp-incident textarea")]
        .map(t => t.nextElementSibling.getBoundingClientRect().height)""")
    assert min(heights) > 40, "an empty answer has no write-in space"
    assert page.is_hidden("#tsp-form-tools") and page.is_hidden("#tsp-progress")
    page.emulate_media(media="null")  # back to normal: page.pdf() then uses print CSS

    page.wait_for_load_state("networkidle")
    loaded = len(page.requests)
    typed = fill_by_keyboard(page)
    assert set(typed) == set(answers(page)), "a field was not reached by Tab"
    assert answers(page) == typed
    assert typed["p1-what"].endswith(LONG_ANSWER)
    # The textarea grew with the long answer: nothing hidden behind a scrollbar.
    assert page.evaluate("(t => t.clientHeight >= t.scrollHeight && t.rows * 20 < t.clientHeight)"
                         "(document.getElementById('p1-what'))")

    # The print button opens the print dialog. Counted, not opened: headless
    # Chromium never closes that dialog, and page.pdf() below would then fail
    # with "Page is already being printed".
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed++; }; }")
    page.focus("#tsp-print")
    page.keyboard.press("Enter")
    wait_until(page, "window.printed === 1", timeout=10)

    text = pdf_text(page, tmp_path / "bilaga-5.pdf")
    assert pdf_page_size(tmp_path / "bilaga-5.pdf").endswith("(A4)"), "not A4"
    missing = [name for name, value in typed.items()
               if value not in ("yes", "no") and fold(value) not in text]
    assert missing == [], text[text.find("Uppföljningssamtal 2") - 400:][:800]
    assert say("form_print", lang) not in text, "the screen tools were printed"

    assert foreign(page.requests, site_url) == []
    assert page.requests[loaded:] == [], "a request while filling or printing"
    assert form_traces(page, typed) == [], "stored without the opt-in"
    page.reload()
    assert set(answers(page).values()) == {""}, "a reload kept text without the opt-in"


def test_keep_on_device_reload_and_clear(form, site_url, lang):
    page = form
    assert page.inner_text("#tsp-keep-status") == say("form_status_none", lang)
    page.fill("#p1-reporter", "Utkast som ska finnas kvar")
    page.focus("#tsp-keep")
    page.keyboard.press("Space")
    assert page.inner_text("#tsp-form-message") == say("form_keep_on", lang)
    page.check("#p2-police-report-no")
    assert DRAFT_KEY in page.evaluate("Object.keys(localStorage)")

    page.reload()
    assert page.is_checked("#tsp-keep")
    assert page.input_value("#p1-reporter") == "Utkast som ska finnas kvar"
    assert page.is_checked("#p2-police-report-no")

    # Cancel keeps everything; confirming clears every field and all storage.
    page.click("#tsp-clear")
    assert page.is_visible("#tsp-clear-dialog")
    page.keyboard.press("Escape")
    assert page.input_value("#p1-reporter") == "Utkast som ska finnas kvar"
    page.click("#tsp-clear")
    page.click("#tsp-clear-confirm")
    assert set(answers(page).values()) == {""}
    assert not page.is_checked("#tsp-keep")
    assert page.inner_text("#tsp-form-message") == say("form_cleared", lang)
    assert form_traces(page, {"x": "Utkast som ska finnas kvar"}) == []
    page.reload()
    assert set(answers(page).values()) == {""}

    # Opting out deletes the stored draft at once.
    page.check("#tsp-keep")
    page.fill("#p1-targeted", "Namn på den utsatte")
    assert DRAFT_KEY in page.evaluate("Object.keys(localStorage)")
    page.uncheck("#tsp-keep")
    assert page.inner_text("#tsp-form-message") == say("form_keep_off", lang)
    assert form_traces(page, {"x": "Namn på den utsatte"}) == []
    assert foreign(page.requests, site_url) == []


def test_export_clear_import_and_bad_files(form, site_url, lang, tmp_path):
    page = form
    page.wait_for_load_state("networkidle")
    loaded = len(page.requests)
    expected = sample_answers(page)
    fill(page, expected)
    with page.expect_download() as json_download:
        page.click("#tsp-export-json")
    saved = tmp_path / json_download.value.suggested_filename
    json_download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert (data["form"], data["version"], data["lang"]) == ("tsp-incident", 1, lang)
    assert data["answers"] == expected
    assert saved.name.startswith(STRINGS.text("form_file_name", lang))

    with page.expect_download() as text_download:
        page.click("#tsp-export-text")
    markdown = text_download.value.path().read_text(encoding="utf-8")
    assert markdown.startswith("# ")
    for name, value in expected.items():
        if value not in ("yes", "no"):
            assert value in markdown, name
    assert f"{page.inner_text('#p2-police-report-yes + label')}" in markdown

    page.click("#tsp-clear")
    page.click("#tsp-clear-confirm")
    assert set(answers(page).values()) == {""}
    page.set_input_files("#tsp-import", str(saved))
    page.click("#tsp-import-confirm")
    expect(page.locator("#tsp-form-message")).to_contain_text(".json")
    assert page.inner_text("#tsp-form-message") == say("form_imported", lang, file=saved.name)
    assert answers(page) == expected

    # A malformed file, another form's file, a newer version, an unknown field
    # or an impossible answer: a clear message each, and nothing changes.
    for file_name, (content, message) in BAD_FILES.items():
        bad = tmp_path / file_name
        bad.write_text(content, encoding="utf-8")
        page.set_input_files("#tsp-import", str(bad))
        expect(page.locator("#tsp-form-message")).to_contain_text(file_name)
        assert page.inner_text("#tsp-form-message") == say(
            message, lang, file=file_name, version=2, supported=1)
        assert answers(page) == expected, file_name

    assert page.requests[loaded:] == [], "a request while exporting or importing"
    assert foreign(page.requests, site_url) == []


def test_checklist_progress_and_axe(form, lang):
    page = form
    empty = Axe().run(page, options=WCAG)
    assert empty.violations_count == 0, empty.generate_report()

    total = page.locator("#del-2 fieldset.tsp-yes-no").count()
    assert page.inner_text("#tsp-progress-count") == say("form_progress_count", lang, answered=0, total=total)
    page.check("#p2-strategist-contacted-yes")
    page.check("#p2-police-contacted-no")
    assert page.inner_text("#tsp-progress-count") == say("form_progress_count", lang, answered=2, total=total)
    links = page.locator("#tsp-progress-todo a")
    assert links.count() == total - 2
    assert links.first.inner_text() == page.inner_text("#p2-police-report-yes >> xpath=.. >> legend")
    links.first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "p2-police-report-yes"

    fill(page, sample_answers(page))
    assert page.inner_text("#tsp-progress-todo-label") == say("form_progress_done", lang)
    assert page.is_hidden("#tsp-progress-todo")
    filled = Axe().run(page, options=WCAG)
    assert filled.violations_count == 0, filled.generate_report()

    page.focus("#tsp-clear")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "tsp-clear-confirm"
    dialog = Axe().run(page, context="#tsp-clear-dialog", options=WCAG)
    assert dialog.violations_count == 0, dialog.generate_report()


def test_without_javascript_a_clean_blank(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(form_url(site_url, lang))
    assert page.is_hidden("#tsp-form-tools") and page.is_hidden("#tsp-progress")
    assert page.is_visible("#p1-reporter") and page.is_visible(".tsp-form-notice")
    page.emulate_media(media="print")
    assert page.is_hidden(".tsp-form-notice")
    context.close()


# 2026-11-21 17:57:07 in Stockholm, written in each language's own style (en: British).
LOCAL_TIME = {"sv": "2026-11-21 17:57", "en": "21/11/2026, 17:57"}


def test_dates_follow_the_page_language(browser, site_url, lang):
    context = browser.new_context(timezone_id="Europe/Stockholm", locale="en-US",
                                  accept_downloads=True)
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-21T16:57:07Z")
    page.goto(form_url(site_url, lang))
    page.wait_for_selector("#tsp-form-tools:not([hidden])")
    page.check("#tsp-keep")
    page.fill("#p1-reporter", "x")
    assert page.inner_text("#tsp-keep-status") == say("form_status_saved", lang, time="17:57")
    with page.expect_download() as text_download:
        page.click("#tsp-export-text")
    markdown = text_download.value.path().read_text(encoding="utf-8")
    exported = f"{STRINGS.text('form_exported_at', lang)}: {LOCAL_TIME[lang]}"
    assert exported in markdown.splitlines()
    context.close()
