"""The built course pages and the menu, read with a parser.

The built course pages, read with a parser: every question of the data is
on its module page in both languages, every Bilaga 2 situation is trained by
at least three questions, links resolve, and nothing needs inline script."""

from __future__ import annotations

import posixpath
from collections import Counter
from pathlib import Path

import pytest

from macros.tsp import ROOT
from macros.tsp.languages import read_mkdocs_yml
from macros.tsp.models.loader import load_course
from macros.tsp.models.situations import load_situations
from project import LANGUAGES

COURSE = load_course(ROOT)
LANGS = {code: LANGUAGES.prefix(code) for code in LANGUAGES}
COURSE_PAGES = ["index", "intyg", "for-utbildare", "diskussionsfall", "presentation", "facit"] \
    + [m.page.split("/")[-1][:-3] for m in COURSE.modules]


def built(site_dir: Path, lang: str, docs_path: str) -> Path:
    stem = docs_path[:-3]
    stem = stem[: -len("index")] if stem.endswith("index") else stem + "/"
    return site_dir / LANGS[lang] / stem / "index.html"


def test_every_bilaga_2_situation_has_three_questions_in_the_data():
    per_situation = Counter(q.situation for m in COURSE.modules for q in m.questions
                            if q.situation)
    assert sorted(per_situation) == [s.number for s in load_situations().situations]
    assert min(per_situation.values()) >= 3


def test_every_module_has_two_questions_and_the_course_takes_about_25_minutes():
    assert 4 <= len(COURSE.modules) <= 5
    assert all(len(m.questions) >= 2 for m in COURSE.modules)
    assert 20 <= sum(m.minutes for m in COURSE.modules) <= 30


@pytest.mark.parametrize("lang", LANGS)
def test_built_pages_count_the_same_questions(site_dir, soup, lang):
    per_situation: Counter = Counter()
    for module in COURSE.modules:
        page = soup(built(site_dir, lang, module.page))
        forms = page.select(f'section[data-tsp-module="{module.id}"] form.tsp-question')
        assert len(forms) == len(module.questions)
        for form, question in zip(forms, module.questions):
            assert form.get("data-tsp-situation") == (
                str(question.situation) if question.situation else None)
            if question.situation:
                per_situation[question.situation] += 1
    assert all(per_situation[s.number] >= 3 for s in load_situations().situations), per_situation


@pytest.mark.parametrize("lang", LANGS)
def test_each_question_is_a_labelled_radio_group_with_one_best_answer(site_dir, soup, lang):
    for module in COURSE.modules:
        page = soup(built(site_dir, lang, module.page))
        for form, question in zip(page.select("form.tsp-question"), module.questions):
            assert form.select_one("fieldset > legend").get_text(strip=True)
            assert question.prompt(lang) in form.select_one("legend").get_text()
            radios = form.select("input[type=radio]")
            assert len(radios) == len(question.choices)
            # Shown in the question's fixed shuffle; the value is the place in the data.
            shown = [question.choices[i] for i in question.order()]
            for radio, index, choice in zip(radios, question.order(), shown):
                label = form.select_one(f'label[for="{radio["id"]}"]')
                assert label.get_text(strip=True) == choice.text(lang)
                assert radio["value"] == str(index)
            answers = form.select("template[data-tsp-correct]")
            assert [t["data-tsp-correct"] == "true" for t in answers] \
                == [c.correct for c in shown]
            assert form.select_one("button[type=submit]").get_text(strip=True)
            assert form.select_one(".tsp-feedback")["aria-live"] == "polite"


@pytest.mark.parametrize("lang", LANGS)
def test_links_on_course_pages_resolve(site_dir, soup, lang):
    for name in COURSE_PAGES:
        path = built(site_dir, lang, f"utbildning/{name}.md")
        page = soup(path)
        content = page.select_one("article")
        # Links inside <template> are parsed as its children by lxml, too.
        for anchor in content.select("a[href]"):
            target = anchor["href"].split("#")[0].split("?")[0]
            if not target or "tsp-pdf-link" in anchor.get("class", []):
                continue  # PDFs exist after `make pdf`: tests/test_print.py
            resolved = (path.parent / target).resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file(), f"{path}: {anchor['href']}"
            if lang == "en":
                assert "/en/" in str(resolved), f"{path} links to Swedish {anchor['href']}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_inline_script_style_or_handlers(site_dir, soup, lang):
    for name in COURSE_PAGES:
        page = soup(built(site_dir, lang, f"utbildning/{name}.md"))
        article = page.select_one("article")
        # Only the components' JSON blocks, which are data and never run.
        assert all(s.get("type") == "application/json" and s.has_attr("data-tsp-words")
                   and not s.has_attr("src") for s in article.select("script"))
        for element in article.find_all(True):
            assert "style" not in element.attrs
            assert not [a for a in element.attrs if a.startswith("on")]


@pytest.mark.parametrize("lang", LANGS)
def test_answer_key_lists_every_question_with_its_best_answer(site_dir, soup, lang):
    page = soup(built(site_dir, lang, "utbildning/facit.md"))
    best = [li.get_text(" ", strip=True) for li in page.select(".tsp-answer-key__best")]
    expected = [c.text(lang) for m in COURSE.modules for q in m.questions
                for c in q.choices if c.correct]
    assert len(best) == len(expected)
    assert all(text in found for text, found in zip(expected, best))


@pytest.mark.parametrize("lang", LANGS)
def test_slides_carry_the_module_key_points(site_dir, soup, lang):
    page = soup(built(site_dir, lang, "utbildning/presentation.md"))
    slides = page.select(".tsp-slide")
    texts = [s.select_one(".tsp-slide__big").get_text(strip=True) for s in slides]
    for part in COURSE.session_plan:
        assert part.title(lang) in texts
        if part.module:
            module = next(m for m in COURSE.modules if m.id == part.module)
            for point in module.key_points:
                assert point.text(lang) in texts
    counters = [s.select_one(".tsp-slide__counter").get_text(strip=True) for s in slides]
    assert counters == [f"{i} / {len(slides)}" for i in range(1, len(slides) + 1)]


@pytest.mark.parametrize("lang", LANGS)
def test_session_plan_takes_90_minutes(site_dir, soup, lang):
    page = soup(built(site_dir, lang, "utbildning/for-utbildare.md"))
    parts = page.select(".tsp-session-part")
    assert len(parts) == len(COURSE.session_plan)
    assert sum(p.minutes for p in COURSE.session_plan) == 90
    for part, html in zip(COURSE.session_plan, parts):
        assert part.title(lang) in html.select_one("h2").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_discussion_cases_hide_the_plans_answer_in_details(site_dir, soup, lang):
    page = soup(built(site_dir, lang, "utbildning/diskussionsfall.md"))
    cases = page.select(".tsp-case")
    assert len(cases) == len(COURSE.cases)
    assert {c.situation for c in COURSE.cases} >= {1, 5, 7, 8}
    for case, html in zip(COURSE.cases, cases):
        answers = html.select("details.tsp-case__answer")
        assert len(answers) == len(case.turns)
        assert all(d.select_one("summary").get_text(strip=True) for d in answers)


def _first_page(entry) -> str:
    """The docs path an entry of mkdocs.yml's nav opens with."""
    if isinstance(entry, str):
        return entry
    value = next(iter(entry.values()))
    return value if isinstance(value, str) else _first_page(value[0])


def test_primary_nav_follows_mkdocs_yml_in_both_languages(site_dir, soup):
    """The menu shows mkdocs.yml's nav in its order (the course after the roles
    is decided there), each section titled in the page's language."""
    config = read_mkdocs_yml(ROOT / "mkdocs.yml")
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    translations = {lang["locale"]: lang.get("nav_translations", {}) for lang in i18n["languages"]}
    wanted = [(next(iter(e)) if isinstance(e, dict) else None,
               built(site_dir, "sv", _first_page(e)).parent.relative_to(site_dir).as_posix())
              for e in config["nav"]]
    for lang in LANGS:
        page = soup(site_dir / LANGS[lang] / "index.html")
        items = page.select(".md-nav--primary > .md-nav__list > .md-nav__item")
        shown = [(item.select_one("label, a").get_text(strip=True),
                  posixpath.normpath(item.select_one("a[href]")["href"])) for item in items]
        assert [href for _, href in shown] == [href for _, href in wanted], lang
        for (title, _), (label, _) in zip(wanted, shown):
            if title is not None:
                assert label == translations.get(lang, {}).get(title, title), lang


@pytest.mark.parametrize("lang", LANGS)
def test_course_links_into_the_plan_land_on_their_anchor_and_name_it(site_dir, soup, lang):
    """A course link into the plan lands on its anchor; the link text is that
    heading, or the page's title without an anchor or when the id is on a
    table cell (Bilaga 3)."""
    checked = 0
    for name in COURSE_PAGES:
        path = built(site_dir, lang, f"utbildning/{name}.md")
        # Links the course partials write from data (inside a tsp- block).
        for anchor in soup(path).select('article [class*="tsp-"] a[href*="planen/"]'):
            if anchor.find_parent(class_="tsp-print-list"):
                continue  # titled by data/printables.yml, tested in test_print.py
            target, _, fragment = anchor["href"].partition("#")
            resolved = (path.parent / target).resolve() / "index.html"
            page = soup(resolved)
            landing = page.find(id=fragment) if fragment else page.select_one("article h1")
            assert landing is not None, f"{path}: {anchor['href']}"
            if landing.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                expected = landing
            else:
                expected = page.select_one("article h1")
            words = "".join(expected.find_all(string=True, recursive=False)).strip() \
                or expected.get_text(" ", strip=True)
            assert words in anchor.get_text(" ", strip=True), f"{path}: {anchor['href']}"
            checked += 1
    assert checked >= 20
