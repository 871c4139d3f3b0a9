"""The question bank does not give its answers away: the shown order is a
fixed shuffle per question, and the check refuses a bank where one place, or
the longest choice, answers a module or passes the final test."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.course import module_context
from macros.tsp import ROOT
from macros.tsp.models.course import MAX_LONGEST_SHARE, MAX_POSITION_SHARE, pass_chance
from macros.tsp.models.loader import load_course
from project import LANGUAGES

from test_course_data import COURSE, line_of, only, problems

BANK = load_course(ROOT)
CHOICE = "          - text: {"
RIGHT = "            correct: true\n"


def question_block(text: str, qid: str) -> tuple[int, int]:
    start = text.index(f"- id: {qid}\n")
    ends = [text.find(marker, start + 1) for marker in ("\n      - id:", "\n  - id:", "\ncases:")]
    return start, min(e for e in ends if e != -1)


def move_right_answer(project: Path, qid: str, data_index: int) -> str:
    """Make choice `data_index` (its place in the YAML list) the right one."""
    path = project / COURSE
    text = path.read_text(encoding="utf-8")
    start, end = question_block(text, qid)
    block = text[start:end].replace(RIGHT, "", 1)
    at = -1
    for _ in range(data_index + 1):
        at = block.index(CHOICE, at + 1)
    at = block.index("\n", at) + 1
    block = block[:at] + RIGHT + block[at:]
    text = text[:start] + block + text[end:]
    path.write_text(text, encoding="utf-8")
    return text


def shown_at(question, place: int) -> int:
    """The data index of the choice shown at `place`."""
    return question.order()[place]


def test_the_order_is_a_fixed_permutation_of_the_choices():
    for module in BANK.modules:
        for question in module.questions:
            order = question.order()
            assert sorted(order) == list(range(len(question.choices)))
            assert order == question.order()


def test_pages_show_the_choices_in_the_same_order_in_every_language():
    module = BANK.modules[0]
    shown = {lang: module_context(BANK, module.id, lang, "utbildning/")["questions"]
             for lang in LANGUAGES}
    for lang, questions in shown.items():
        for question, context in zip(module.questions, questions):
            assert [c["value"] for c in context["choices"]] == [str(i) for i in question.order()]
            assert [c["text"] for c in context["choices"]] == \
                [question.choices[i].text(lang) for i in question.order()]


def test_the_real_bank_spreads_the_right_answers():
    questions = [q for m in BANK.modules for q in m.questions]
    places = max(len(q.choices) for q in questions)
    for place in range(places):
        assert sum(q.right_place() == place for q in questions) <= MAX_POSITION_SHARE * len(questions)
    for lang in LANGUAGES:
        assert sum(q.right_is_longest(lang) for q in questions) <= MAX_LONGEST_SHARE * len(questions)


def test_a_module_answered_by_one_place_is_refused(project_copy):
    module = BANK.modules[0]
    for question in module.questions:
        text = move_right_answer(project_copy, question.id, shown_at(question, 0))
    problem = only(problems(project_copy), "modules[0].questions")
    assert problem.line == line_of(text, "questions:", after=f"- id: {module.id}\n")
    assert "always choosing choice 1 answers every question of this module" in problem.message


def test_one_place_holding_too_many_right_answers_is_refused(project_copy):
    questions = [(m, q) for m in BANK.modules for q in m.questions]
    limit = int(MAX_POSITION_SHARE * len(questions))
    # Move right answers to the second place until it holds one too many,
    # leaving one question of each module elsewhere.
    moved = sum(q.right_place() == 1 for _, q in questions)
    for module in BANK.modules:
        for question in module.questions[1:]:
            if moved > limit:
                break
            if question.right_place() != 1:
                move_right_answer(project_copy, question.id, shown_at(question, 1))
                moved += 1
    found = [p for p in problems(project_copy) if "choice 2 is the right answer" in p.message]
    assert len(found) == 1, [str(p) for p in found]
    assert f"in {moved} of {len(questions)} questions" in found[0].message
    # It points at the choices of one of the questions to change.
    assert found[0].field.endswith("].choices")
    text = (project_copy / COURSE).read_text(encoding="utf-8")
    assert text.splitlines()[found[0].line - 1].strip() == "choices:"


def test_a_module_answered_by_the_longest_choice_is_refused(project_copy):
    path = project_copy / COURSE
    text = path.read_text(encoding="utf-8")
    module = BANK.modules[0]
    for question in module.questions:
        if question.right_is_longest("sv"):
            continue
        right = next(c for c in question.choices if c.correct)
        longest = max(len(c.text("sv")) for c in question.choices)
        start, end = question_block(text, question.id)
        old = f'sv: "{right.text("sv")}"'
        new = f'sv: "{right.text("sv")}{" Så säger planen." * (longest // 10 + 1)}"'
        text = text[:start] + text[start:end].replace(old, new, 1) + text[end:]
    path.write_text(text, encoding="utf-8")
    found = [p for p in problems(project_copy) if p.field == "modules[0].questions"]
    assert [p.message for p in found] == [
        "always choosing the longest choice (sv) answers every question of this module "
        "right: lengthen a wrong choice"]


def test_a_pass_mark_that_guessing_can_reach_is_refused(project_copy):
    path = project_copy / COURSE
    text = path.read_text(encoding="utf-8")
    text = text.replace("  pass_percent: 85\n", "  pass_percent: 50\n", 1)
    path.write_text(text, encoding="utf-8")
    found = [p for p in problems(project_copy) if p.field == "final_test.pass_percent"]
    assert found, "a pass mark of half is reachable by always choosing one place"
    assert found[0].line == line_of(text, "pass_percent:")
    assert "passes the final test with a chance of" in found[0].message


@pytest.mark.parametrize("right, mark, expected", [
    ([1.0, 1.0, 0.0], 2, 1.0),
    ([1.0, 1.0, 0.0], 3, 0.0),
    ([0.5, 0.5], 1, 0.75),
    ([0.5, 0.5], 2, 0.25),
])
def test_pass_chance(right, mark, expected):
    assert pass_chance(right, mark) == pytest.approx(expected)
