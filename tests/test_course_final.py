"""In real Chromium, both languages: always choosing one place passes no
module, and the certificate page issues a certificate only after its final
test is passed, at phone and desktop width."""

from __future__ import annotations

import pytest

from test_course_browser import (COURSE, LANGS, assert_no_axe_violations, module_url,
                                 question_form, stored, t)

QUESTIONS = {q.id: q for m in COURSE.modules for q in m.questions}
PLACES = max(len(q.choices) for q in QUESTIONS.values())
POOLS = COURSE.test_pools()
TOTAL = len(POOLS)
PASS = COURSE.final_test.pass_mark(TOTAL)
WIDTHS = {"phone": {"width": 320, "height": 640}, "desktop": {"width": 1280, "height": 900}}


def right_index(question) -> int:
    return next(i for i, c in enumerate(question.choices) if c.correct)


def wrong_index(question) -> int:
    return next(i for i, c in enumerate(question.choices) if not c.correct)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", COURSE.modules, ids=lambda m: m.id)
def test_always_choosing_one_place_passes_no_module(page, site_url, lang, module):
    page.goto(module_url(site_url, lang, module))
    section = page.locator(f'section[data-tsp-module="{module.id}"]')
    total = len(module.questions)
    for place in range(PLACES):
        solved = 0
        for index, question in enumerate(module.questions):
            form = question_form(page, module, index)
            radios = form.locator("input[type=radio]")
            radios.nth(min(place, radios.count() - 1)).check()
            form.get_by_role("button").click()
            solved += question.right_place() == min(place, len(question.choices) - 1)
        assert solved < total
        score = section.locator(".tsp-score").inner_text()
        assert score == t("course_score", lang, solved=solved, first=solved, total=total)
        assert score != t("course_module_done", lang, first=solved, total=total)
        section.get_by_role("button", name=t("course_module_reset", lang)).click()


def certificate_url(site_url: str, lang: str) -> str:
    return site_url + LANGS[lang] + "utbildning/intyg/"


def drawn(page) -> list:
    """The questions of the test on screen, in order."""
    ids = page.locator(".tsp-final-test__question:not([hidden])").evaluate_all(
        "nodes => nodes.map(n => n.dataset.tspQuestion)")
    assert len(ids) == TOTAL
    return [QUESTIONS[i] for i in ids]


def take_test(page, choose) -> int:
    """Answer every drawn question with choose(question, number) -> data index
    and mark the test; returns how many answers were right."""
    score = 0
    for number, question in enumerate(drawn(page)):
        index = choose(question, number)
        page.locator(f'input[name="tsp-test-{question.id}"][value="{index}"]').check()
        score += question.choices[index].correct
    page.get_by_role("button", name=t("course_test_check", lang_of(page))).click()
    return score


def lang_of(page) -> str:
    return page.evaluate("document.documentElement.lang")


def assert_not_issued(page) -> None:
    assert page.locator(".tsp-certificate").is_hidden()
    assert page.locator(".tsp-certificate-form").is_hidden()
    assert page.locator("#tsp-certificate-name").is_hidden()


def assert_issued(page, lang: str, score: int, name: str) -> None:
    page.get_by_label(t("course_your_name", lang)).fill(name)
    certificate = page.locator(".tsp-certificate")
    assert certificate.is_visible()
    assert certificate.locator(".tsp-certificate__name").inner_text() == name
    assert t("course_certificate_score", lang, score=score, total=TOTAL) in certificate.inner_text()
    assert page.get_by_role("button", name=t("course_print_certificate", lang)).is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_states_the_pass_mark_from_the_data(page, site_url, lang):
    page.goto(certificate_url(site_url, lang))
    assert page.locator(".tsp-final-test__mark").inner_text() == \
        t("course_test_pass_mark", lang, total=TOTAL, **{"pass": PASS})
    # One question per situation, each drawn from that situation's questions.
    for question, situation in zip(drawn(page), POOLS):
        assert question in POOLS[situation]
    assert_not_issued(page)


@pytest.mark.parametrize("lang", LANGS)
def test_an_unanswered_test_issues_nothing(page, site_url, lang):
    page.goto(certificate_url(site_url, lang))
    questions = drawn(page)
    page.locator(f'input[name="tsp-test-{questions[0].id}"]').first.check()
    page.get_by_role("button", name=t("course_test_check", lang)).click()
    missing = ", ".join(str(n) for n in range(2, TOTAL + 1))
    assert page.locator(".tsp-final-test__result").inner_text() == \
        t("course_test_unanswered", lang, missing=missing)
    assert_not_issued(page)


@pytest.mark.parametrize("lang", LANGS)
def test_one_right_too_few_issues_nothing_and_offers_a_new_test(page, site_url, lang):
    page.goto(certificate_url(site_url, lang))
    score = take_test(page, lambda q, n: right_index(q) if n < PASS - 1 else wrong_index(q))
    assert score == PASS - 1
    assert page.locator(".tsp-final-test__result").inner_text() == \
        t("course_test_failed", lang, score=score, total=TOTAL, **{"pass": PASS})
    assert_not_issued(page)
    assert page.locator(".tsp-final-test__question:not([hidden]) input:enabled").count() == 0
    page.get_by_role("button", name=t("course_test_new", lang)).click()
    assert page.locator(".tsp-final-test__result").inner_text() == ""
    assert page.locator(".tsp-final-test__question:not([hidden]) input:checked").count() == 0
    assert len(drawn(page)) == TOTAL
    assert_not_issued(page)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("place", range(PLACES))
def test_always_choosing_one_place_fails_the_final_test(page, site_url, lang, place):
    page.goto(certificate_url(site_url, lang))
    score = take_test(page, lambda q, n: q.order()[min(place, len(q.choices) - 1)])
    # The data check bounds the chance that a draw lets this pass; the page
    # must issue exactly when the score reaches the pass mark.
    if score < PASS:
        assert_not_issued(page)
    else:
        assert_issued(page, lang, score, "Alva Testsson")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_passing_issues_the_certificate(page, site_url, lang, width):
    page.set_viewport_size(WIDTHS[width])
    page.goto(certificate_url(site_url, lang))
    score = take_test(page, lambda q, n: right_index(q) if n < PASS else wrong_index(q))
    assert page.locator(".tsp-final-test__result").inner_text() == \
        t("course_test_passed", lang, score=score, total=TOTAL)
    assert page.evaluate("document.activeElement.id") == "tsp-certificate-name"
    assert_issued(page, lang, score, "Åsa Öberg-Testsson")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width]["width"]
    assert stored(page) == {"local": [], "session": [], "cookie": ""}
    assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_page_says_the_test_needs_it(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(certificate_url(site_url, lang))
    assert page.get_by_text(t("course_test_nojs", lang)).is_visible()
    assert page.locator(".tsp-final-test__form").is_hidden()
    assert_not_issued(page)
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", COURSE.modules, ids=lambda m: m.id)
def test_the_progress_opt_in_comes_before_the_questions(page, site_url, lang, module):
    page.goto(module_url(site_url, lang, module))
    optin = page.get_by_label(t("course_progress_optin", lang))
    first = question_form(page, module, 0)
    assert optin.evaluate("(a, b) => !!(a.compareDocumentPosition(b) & 4)", first.element_handle())
