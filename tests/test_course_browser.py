"""The course in real Chromium, in both languages: answering with feedback,
module score, opt-in progress, nothing stored without it, the certificate
on one A4 page, and axe before and after answering."""

from __future__ import annotations

import subprocess

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.tsp import ROOT
from macros.tsp.models.loader import load_all
from project import LANGUAGES

DATA = load_all(ROOT)
COURSE, STRINGS = DATA["course"], DATA["strings"]
LANGS = {code: LANGUAGES.prefix(code) for code in LANGUAGES}
FIRST = COURSE.modules[0]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def t(key: str, lang: str, **values) -> str:
    text = STRINGS.text(key, lang)
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def module_url(site_url: str, lang: str, module) -> str:
    return site_url + LANGUAGES.page_url(module.page, lang)


def question_form(page, module, index: int):
    return page.locator(f'form[data-tsp-question="{module.id}-{module.questions[index].id}"]')


def answer(page, module, index: int, choice: int) -> None:
    form = question_form(page, module, index)
    form.locator(f'input[type=radio][value="{choice}"]').check()
    form.get_by_role("button").click()


def wrong_choice(question) -> int:
    return next(i for i, c in enumerate(question.choices) if not c.correct)


def right_choice(question) -> int:
    return next(i for i, c in enumerate(question.choices) if c.correct)


def pass_final_test(page) -> None:
    """Answer every question the certificate page drew right, and mark the test."""
    bank = {q.id: q for m in COURSE.modules for q in m.questions}
    for node in page.locator(".tsp-final-test__question:not([hidden])").all():
        question = bank[node.get_attribute("data-tsp-question")]
        node.locator(f'input[value="{right_choice(question)}"]').check()
    page.locator(".tsp-final-test__check").click()


def stored(page) -> dict:
    return page.evaluate("""() => ({
        local: Object.keys(localStorage), session: Object.keys(sessionStorage),
        cookie: document.cookie})""")


def assert_no_axe_violations(page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("lang", LANGS)
def test_wrong_then_right_answer_shows_the_matching_feedback(page, site_url, lang):
    page.goto(module_url(site_url, lang, FIRST))
    question = FIRST.questions[0]
    form = question_form(page, FIRST, 0)
    feedback = form.locator(".tsp-feedback")

    answer(page, FIRST, 0, wrong_choice(question))
    assert t("course_wrong", lang) in feedback.inner_text()
    assert question.choices[wrong_choice(question)].feedback(lang) in feedback.inner_text()
    assert feedback.get_attribute("aria-live") == "polite"
    link = feedback.get_by_role("link")
    # The question's `see:` (planen/1-inledning.md#mal), two levels up.
    assert link.get_attribute("href") == "../../" + LANGUAGES.page_url(question.see, "sv")

    answer(page, FIRST, 0, right_choice(question))
    assert t("course_right", lang) in feedback.inner_text()
    assert question.choices[right_choice(question)].feedback(lang) in feedback.inner_text()
    assert question.choices[wrong_choice(question)].feedback(lang) not in feedback.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_answer_without_choice_asks_for_one(page, site_url, lang):
    page.goto(module_url(site_url, lang, FIRST))
    question_form(page, FIRST, 1).get_by_role("button").click()
    assert question_form(page, FIRST, 1).locator(".tsp-feedback").inner_text().strip() \
        == t("course_choose_first", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_completing_a_module_shows_the_score(page, site_url, lang):
    page.goto(module_url(site_url, lang, FIRST))
    total = len(FIRST.questions)
    answer(page, FIRST, 0, wrong_choice(FIRST.questions[0]))
    score = page.locator(f'section[data-tsp-module="{FIRST.id}"] .tsp-score')
    assert score.inner_text() == t("course_score", lang, solved=0, first=0, total=total)
    for index, question in enumerate(FIRST.questions):
        answer(page, FIRST, index, right_choice(question))
    assert score.inner_text() == t("course_module_done", lang, first=total - 1, total=total)
    # Retry: the module starts again from scratch.
    page.get_by_role("button", name=t("course_module_reset", lang)).click()
    assert score.inner_text() == ""
    assert question_form(page, FIRST, 0).locator(".tsp-feedback").inner_text() == ""


@pytest.mark.parametrize("lang", LANGS)
def test_without_opt_in_nothing_is_stored(page, site_url, lang):
    page.goto(module_url(site_url, lang, FIRST))
    for index, question in enumerate(FIRST.questions):
        answer(page, FIRST, index, right_choice(question))
    page.goto(site_url + LANGS[lang] + "utbildning/intyg/")
    pass_final_test(page)
    page.get_by_label(t("course_your_name", lang)).fill("Alva Testsson")
    assert stored(page) == {"local": [], "session": [], "cookie": ""}
    assert page.context.cookies() == []
    page.reload()
    pass_final_test(page)
    assert page.get_by_label(t("course_your_name", lang)).input_value() == ""


@pytest.mark.parametrize("lang", LANGS)
def test_with_opt_in_progress_survives_a_reload_and_can_be_cleared(page, site_url, lang):
    page.goto(module_url(site_url, lang, FIRST))
    page.get_by_label(t("course_progress_optin", lang)).check()
    for index, question in enumerate(FIRST.questions):
        answer(page, FIRST, index, right_choice(question))
    total = len(FIRST.questions)
    page.reload()
    form = question_form(page, FIRST, 0)
    assert form.locator(f'input[value="{right_choice(FIRST.questions[0])}"]').is_checked()
    assert FIRST.questions[0].choices[right_choice(FIRST.questions[0])].feedback(lang) \
        in form.locator(".tsp-feedback").inner_text()
    assert page.locator(".tsp-score").inner_text() == \
        t("course_module_done", lang, first=total, total=total)
    assert all(key.startswith("tsp-course:") for key in stored(page)["local"])

    page.goto(site_url + LANGS[lang] + "utbildning/")
    done = page.locator(f'li[data-tsp-module="{FIRST.id}"] .tsp-module-status')
    assert done.inner_text() == t("course_status_done", lang, first=total, total=total)

    page.get_by_role("button", name=t("course_progress_clear", lang)).click()
    assert stored(page)["local"] == []
    assert not page.get_by_label(t("course_progress_optin", lang)).is_checked()
    page.reload()
    assert done.inner_text() == ""


@pytest.mark.parametrize("lang", LANGS)
def test_certificate_prints_on_one_a4_page_with_the_name(page, site_url, lang, tmp_path):
    page.goto(site_url + LANGS[lang] + "utbildning/intyg/")
    pass_final_test(page)
    name = "Åsa Öberg-Testsson"
    page.get_by_label(t("course_your_name", lang)).fill(name)
    page.emulate_media(media="print")
    pdf = tmp_path / "intyg.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    assert fields["Pages"].strip() == "1"
    width, height = (float(x) for x in fields["Page size"].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert name in text
    assert t("course_certificate", lang) in text
    assert COURSE.title(lang) in " ".join(text.split())
    assert t("course_your_name", lang) not in text  # the form itself is not printed


COURSE_PAGES = ["", "intyg/", "for-utbildare/", "diskussionsfall/", "presentation/", "facit/"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", COURSE_PAGES)
def test_axe_on_trainer_and_overview_pages(page, site_url, lang, path):
    page.goto(site_url + LANGS[lang] + "utbildning/" + path)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", COURSE.modules, ids=lambda m: m.id)
def test_axe_on_module_pages_before_and_after_answering(page, site_url, lang, module):
    page.goto(module_url(site_url, lang, module))
    assert_no_axe_violations(page)
    answer(page, module, 0, wrong_choice(module.questions[0]))
    answer(page, module, 1, right_choice(module.questions[1]))
    page.get_by_label(t("course_progress_optin", lang)).check()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", LANGS)
def test_presentation_navigates_with_the_keyboard(page, site_url, lang):
    page.goto(site_url + LANGS[lang] + "utbildning/presentation/")
    slides = page.locator(".tsp-slide")
    count = slides.count()
    status = page.locator(".tsp-slides__status")
    page.get_by_role("button", name=t("course_slides_start", lang)).click()
    assert status.inner_text() == t("course_slide_counter", lang, index=1, count=count)
    assert page.locator(".tsp-slide:visible").count() == 1
    page.keyboard.press("ArrowRight")
    page.keyboard.press("PageDown")
    assert status.inner_text() == t("course_slide_counter", lang, index=3, count=count)
    page.keyboard.press("ArrowLeft")
    assert status.inner_text() == t("course_slide_counter", lang, index=2, count=count)
    page.keyboard.press("End")
    assert status.inner_text() == t("course_slide_counter", lang, index=count, count=count)
    assert slides.nth(count - 1).is_visible()
    page.keyboard.press("Home")
    assert slides.nth(0).is_visible()
    assert_no_axe_violations(page)
    page.keyboard.press("Escape")
    assert page.locator(".tsp-slide:visible").count() == count


@pytest.mark.parametrize("lang", LANGS)
def test_module_page_works_at_320px(page, site_url, lang):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(module_url(site_url, lang, FIRST))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    answer(page, FIRST, 0, right_choice(FIRST.questions[0]))
    assert question_form(page, FIRST, 0).locator(".tsp-feedback").is_visible()


def pdf_text(page, tmp_path) -> str:
    page.emulate_media(media="print")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())


@pytest.mark.parametrize("lang", LANGS)
def test_printed_questions_hide_the_answers(page, site_url, lang, tmp_path):
    page.goto(module_url(site_url, lang, FIRST))
    answer(page, FIRST, 0, wrong_choice(FIRST.questions[0]))
    text = pdf_text(page, tmp_path)
    question = FIRST.questions[1]
    assert " ".join(question.prompt(lang).split()) in text
    assert " ".join(question.choices[0].text(lang).split()) in text
    for q in FIRST.questions:
        for choice in q.choices:
            assert " ".join(choice.feedback(lang).split()) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_questions_show_with_choices(browser, site_url, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(module_url(site_url, lang, FIRST))
    form = question_form(page, FIRST, 0)
    assert form.locator("legend").is_visible()
    assert form.locator("input[type=radio]").count() == len(FIRST.questions[0].choices)
    assert form.get_by_role("button").is_hidden()
    assert page.locator(".tsp-course-progress").is_hidden()
    assert page.locator(".tsp-module-reset").is_hidden()
    assert page.get_by_role("link", name=t("course_answer_key", lang)).first.is_visible()
    context.close()


def choose_by_keyboard(page, form, question, index: int) -> None:
    """Tab into the radio group, pick choice `index` (its place in the data)
    with the arrow keys, press Enter."""
    form.locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    for _ in range(question.order().index(index)):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", LANGS)
def test_answering_works_with_the_keyboard_alone(page, site_url, lang):
    page.goto(module_url(site_url, lang, FIRST))
    question = FIRST.questions[0]
    form = question_form(page, FIRST, 0)
    choose_by_keyboard(page, form, question, wrong_choice(question))
    assert question.choices[wrong_choice(question)].feedback(lang) \
        in form.locator(".tsp-feedback").inner_text()
    assert page.evaluate("document.activeElement.type") == "submit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    choose_by_keyboard(page, form, question, right_choice(question))
    assert question.choices[right_choice(question)].feedback(lang) \
        in form.locator(".tsp-feedback").inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_certificate_page_has_no_axe_violations_after_opt_in_and_name(page, site_url, lang):
    page.goto(site_url + LANGS[lang] + "utbildning/intyg/")
    page.get_by_label(t("course_progress_optin", lang)).check()
    pass_final_test(page)
    page.get_by_label(t("course_your_name", lang)).fill("Alva Testsson")
    assert_no_axe_violations(page)
    page.reload()
    pass_final_test(page)
    assert page.get_by_label(t("course_your_name", lang)).input_value() == "Alva Testsson"
    assert page.locator(".tsp-certificate__name").inner_text() == "Alva Testsson"


@pytest.mark.parametrize("lang", LANGS)
def test_an_opt_in_and_name_stored_as_plain_text_are_read_back(page, site_url, lang):
    """Earlier versions stored the opt-in and the name as plain text, not JSON."""
    page.goto(site_url + LANGS[lang] + "utbildning/intyg/")
    page.evaluate("""() => {
        localStorage.setItem("tsp-course:consent", "yes");
        localStorage.setItem("tsp-course:name", "Alva Testsson");
    }""")
    page.reload()
    assert page.get_by_label(t("course_progress_optin", lang)).is_checked()
    pass_final_test(page)
    assert page.get_by_label(t("course_your_name", lang)).input_value() == "Alva Testsson"
