"""The question bank validator (data/course.yml): it names file, line and
field for each kind of mistake an editor can make, and the data is escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.course import href, module_context
from macros.tsp import ROOT
from macros.tsp.models.datafile import DataError
from macros.tsp.models.loader import load_all, load_course
from project import LANGUAGES, site, safe_load

from conftest import run_build

COURSE = "data/course.yml"


def line_of(text: str, needle: str, after: str = "") -> int:
    """1-based line of the first needle that comes after `after`."""
    start = text.index(after) + len(after) if after else 0
    return text[:text.index(needle, start)].count("\n") + 1


def edit_course(project: Path, old: str, new: str, after: str = "") -> str:
    """Replace the first `old` that comes after `after` in the project's course.yml."""
    path = project / COURSE
    text = path.read_text(encoding="utf-8")
    at = text.index(old, text.index(after) if after else 0)
    text = text[:at] + new + text[at + len(old):]
    path.write_text(text, encoding="utf-8")
    return text


def problems(project: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_all(project)
    return caught.value.problems


def only(found: list, field: str):
    matches = [p for p in found if p.field == field]
    assert len(matches) == 1, [str(p) for p in found]
    assert matches[0].file == COURSE
    return matches[0]


FIRST_Q = "- id: malet"
FIRST_SEE = "        see: planen/1-inledning.md#mal\n"


def test_real_course_is_valid():
    course = load_course(ROOT)
    written = safe_load((ROOT / "data" / "course.yml").read_text(encoding="utf-8"))
    assert course.modules and len(course.modules) == len(written["modules"])


def test_two_correct_choices(project_copy):
    text = edit_course(
        project_copy,
        '          - text: {sv: "Att planen bara gäller fysiskt våld',
        '          - correct: true\n            text: {sv: "Att planen bara gäller fysiskt våld')
    problem = only(problems(project_copy), "modules[0].questions[0].choices")
    assert problem.line == line_of(text, "choices:", after=FIRST_Q)
    assert "exactly one choice must be correct (found 2)" in problem.message


def test_no_correct_choice(project_copy):
    text = edit_course(project_copy, "            correct: true\n", "")
    problem = only(problems(project_copy), "modules[0].questions[0].choices")
    assert problem.line == line_of(text, "choices:", after=FIRST_Q)
    assert "(found 0)" in problem.message


def test_missing_feedback(project_copy):
    old = ('            feedback: {sv: "Nej. Planen omfattar hot, våld och trakasserier, och du ska '
           'inte behöva hantera dem ensam.", en: "No. The plan covers threats, violence and '
           'harassment, and you should not have to handle them alone."}\n')
    text = edit_course(project_copy, old, "")
    problem = only(problems(project_copy), "modules[0].questions[0].choices[1].feedback")
    assert problem.line == line_of(text, '- text: {sv: "Att planen bara gäller', after=FIRST_Q)
    assert problem.message == "required field is missing"


def test_missing_translation(project_copy):
    text = edit_course(project_copy,
                       'prompt: {sv: "Vad säger planen?", en: "What does the plan say?"}',
                       'prompt: {sv: "Vad säger planen?"}')
    problem = only(problems(project_copy), "modules[0].questions[0].prompt.en")
    assert problem.line == line_of(text, "prompt:", after=FIRST_Q)
    assert problem.message == "missing translation (en)"


def test_link_to_missing_page(project_copy):
    text = edit_course(project_copy, FIRST_SEE,
                       "        see: planen/finns-inte.md\n", after=FIRST_Q)
    problem = only(problems(project_copy), "modules[0].questions[0].see")
    assert problem.line == line_of(text, "see: planen/finns-inte.md")
    assert problem.message == "the page docs/planen/finns-inte.md does not exist"


def test_link_to_page_without_english_twin(project_copy):
    (project_copy / "docs/planen/1-inledning.en.md").unlink()
    found = problems(project_copy)
    problem = only(found, "modules[0].questions[0].see")
    assert problem.message == "the page docs/planen/1-inledning.en.md does not exist"


@pytest.mark.parametrize("target, anchor", [
    ("planen/1-inledning.md", "s9-9"),
    # Bilaga 3 calls routine_table(), which writes steg-<step> for the steps it has only.
    ("planen/bilaga-3.md", "steg-3-9-9"),
    # The routine's ids count only on pages that call the table: 3-hantera links
    # to the steps but does not render it.
    ("planen/3-hantera.md", "steg-3-1-1"),
])
def test_link_to_missing_anchor(project_copy, target, anchor):
    text = edit_course(project_copy, FIRST_SEE,
                       f"        see: {target}#{anchor}\n", after=FIRST_Q)
    problem = only(problems(project_copy), "modules[0].questions[0].see")
    assert problem.line == line_of(text, f"see: {target}#{anchor}")
    assert f"has no heading with the id {{#{anchor}}}" in problem.message


def test_link_to_existing_anchor_is_accepted(project_copy):
    for name in ("1-inledning.md", "1-inledning.en.md"):
        page = project_copy / "docs/planen" / name
        page.write_text(page.read_text(encoding="utf-8") + "\n## Syfte {#s1-syfte}\n",
                        encoding="utf-8")
    edit_course(project_copy, FIRST_SEE,
                "        see: planen/1-inledning.md#s1-syfte\n", after=FIRST_Q)
    assert load_course(project_copy).modules[0].questions[0].see.endswith("#s1-syfte")


def test_link_to_an_id_the_routine_table_writes_is_accepted(project_copy):
    # Bilaga 3 has no {#steg-3-2-4} in its Markdown: routine_table() writes it.
    edit_course(project_copy, FIRST_SEE,
                "        see: planen/bilaga-3.md#steg-3-2-4\n", after=FIRST_Q)
    assert load_course(project_copy).modules[0].questions[0].see.endswith("#steg-3-2-4")


def test_routine_ids_follow_the_routine_data(project_copy):
    # Renumber step 3.2.4 to 3.2.5 in data/routine.yml: links to the new
    # number are valid at once, and the old links are reported.
    routine = project_copy / "data/routine.yml"
    text = routine.read_text(encoding="utf-8")
    routine.write_text(text.replace('  - id: "3.2.4"', '  - id: "3.2.5"'), encoding="utf-8")
    edit_course(project_copy, FIRST_SEE,
                "        see: planen/bilaga-3.md#steg-3-2-5\n", after=FIRST_Q)
    found = [p for p in problems(project_copy) if p.file == COURSE]
    assert found and all("{#steg-3-2-4}" in p.message for p in found), [str(p) for p in found]
    assert "modules[0].questions[0].see" not in [p.field for p in found]


def test_duplicate_question_id(project_copy):
    text = edit_course(project_copy, "- id: forsta-kontakt", "- id: malet")
    problem = only(problems(project_copy), "modules[0].questions[1].id")
    assert problem.line == line_of(text, "- id: malet", after="- id: malet\n")
    assert "used twice" in problem.message


def test_bad_course_stops_the_build(project_copy, tmp_path):
    edit_course(project_copy, "            correct: true\n", "")
    result = run_build(tmp_path / "site", project_copy)
    assert result.returncode != 0
    assert "data/course.yml:" in result.stderr
    assert "modules[0].questions[0].choices: exactly one choice must be correct (found 0)" \
        in result.stderr


def test_data_is_escaped():
    course = load_course(ROOT)
    module = module_context(course, "varfor", "sv", "utbildning/modul-1-varfor/")
    module["questions"][0]["scenario"] = "<script>alert(1)</script>"
    html = site().render("tsp-quiz.html", "sv", module=module)
    soup = BeautifulSoup(html, "lxml")
    # Only the inert words block (partials/tsp-words.html); the payload is text.
    scripts = soup.find_all("script")
    assert all(s.get("type") == "application/json" and "alert" not in s.get_text()
               for s in scripts), scripts
    assert "<script>alert(1)</script>" in soup.select_one(".tsp-question__scenario").get_text()


@pytest.mark.parametrize("path, lang, expected", [
    ("planen/3-hantera.md", "sv", "planen/3-hantera/"),
    ("planen/3-hantera.md#s3-1-3", "en", "en/planen/3-hantera/#s3-1-3"),
    ("planen/bilaga-2/index.md", "en", "en/planen/bilaga-2/"),
    ("index.md", "sv", ""),
])
def test_page_url(path, lang, expected):
    assert LANGUAGES.page_url(path, lang) == expected


def test_href_is_relative_to_the_page():
    assert href(load_course(ROOT), "planen/bilaga-1.md", "en", "en/utbildning/modul-2-riskanalys/") \
        == "../../planen/bilaga-1/"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_feedback_does_not_repeat_the_verdict(lang):
    """The page prints the verdict ("Rätt." / "Inte det bästa svaret …") above the
    feedback, so the feedback must not start with the same word again."""
    data = load_all()
    verdict = {correct: data["strings"].text(key, lang).split(".")[0]
               for correct, key in ((True, "course_right"), (False, "course_wrong"))}
    repeated = [(q.id, choice.feedback(lang))
                for module in data["course"].modules for q in module.questions
                for choice in q.choices
                if choice.feedback(lang).split(".")[0] == verdict[bool(choice.correct)]]
    assert repeated == []
