"""The presentation in real Chromium, both languages: one counter while
presenting, and the full-screen projector view shows the slide alone."""

from __future__ import annotations

import pytest

from test_course_browser import COURSE, LANGS, assert_no_axe_violations, t


def presentation(page, site_url: str, lang: str):
    page.goto(site_url + LANGS[lang] + "utbildning/presentation/")
    return page.locator(".tsp-slides")


def visible_counters(page) -> int:
    return page.locator(".tsp-slide__counter:visible, .tsp-slides__status:visible").count()


@pytest.mark.parametrize("lang", LANGS)
def test_presenting_shows_one_counter(page, site_url, lang):
    presentation(page, site_url, lang)
    page.get_by_role("button", name=t("course_slides_start", lang)).click()
    assert page.locator(".tsp-slide:visible").count() == 1
    assert visible_counters(page) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_full_screen_shows_the_slide_alone(page, site_url, lang):
    deck = presentation(page, site_url, lang)
    count = page.locator(".tsp-slide").count()
    page.get_by_role("button", name=t("course_slides_fullscreen", lang)).first.click()
    page.wait_for_function("document.fullscreenElement !== null")
    assert page.evaluate("document.fullscreenElement.classList.contains('tsp-slides')")
    assert page.locator(".tsp-slide:visible").count() == 1
    assert deck.get_by_role("button").filter(visible=True).count() == 0
    assert visible_counters(page) == 0
    page.keyboard.press("ArrowRight")
    assert page.locator("#bild-2").is_visible()
    assert page.evaluate("location.hash") == "#bild-2"
    page.evaluate("document.exitFullscreen()")
    page.wait_for_function("document.fullscreenElement === null")
    # Back to the presentation with its controls, on the same slide.
    assert page.locator(".tsp-slides__status").inner_text() == \
        t("course_slide_counter", lang, index=2, count=count)
    assert page.get_by_role("button", name=t("course_slides_exit", lang)).is_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_full_screen_button_is_hidden(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    presentation(page, site_url, lang)
    assert page.get_by_role("button", name=t("course_slides_fullscreen", lang)).count() == 0
    assert page.locator(".tsp-slide:visible").count() == page.locator(".tsp-slide").count()
    context.close()


def slide_text(page, index: int) -> str:
    return page.locator(f"#bild-{index} .tsp-slide__big").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_speaker_view_follows_the_slides_with_notes(page, site_url, lang):
    presentation(page, site_url, lang)
    count = page.locator(".tsp-slide").count()
    with page.expect_popup() as opened:
        page.get_by_role("button", name=t("course_slides_speaker", lang)).first.click()
    speaker = opened.value
    assert speaker.locator("h1").inner_text() == t("course_slide_counter", lang, index=1, count=count)
    assert speaker.get_by_text(t("course_speaker_next", lang)).is_visible()
    assert slide_text(page, 2) in speaker.locator("body").inner_text()
    page.keyboard.press("ArrowRight")
    assert speaker.locator("h1").inner_text() == t("course_slide_counter", lang, index=2, count=count)
    # The second slide opens the first part: its notes are that part's aims.
    aims = [a(lang) for a in COURSE.session_plan[0].aims]
    notes = speaker.locator(".tsp-slide__notes li").all_inner_texts()
    assert notes == aims
    # Keys pressed in the speaker window move the presentation too.
    speaker.keyboard.press("ArrowRight")
    assert page.locator(".tsp-slides__status").inner_text() == \
        t("course_slide_counter", lang, index=3, count=count)
    # The audience's window never shows the notes.
    assert page.locator(".tsp-slide__notes:visible").count() == 0
    assert_no_axe_violations(speaker)
