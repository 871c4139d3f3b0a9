"""The course and trainer's kit as template contexts: pure functions, data in, dicts out."""

from __future__ import annotations

from typing import Any

from mkdocs.utils import get_relative_url

from .tsp.models.course import Course, Module, Question, link_label

ANSWER_KEY = "utbildning/facit.md"


def href(course: Course, docs_path: str, lang: str, current_url: str) -> str:
    """Link from the page at current_url to docs_path, relative like MkDocs'."""
    return get_relative_url(course.languages.page_url(docs_path, lang), current_url or "./")


def link_context(course: Course, path: str, lang: str, current_url: str) -> dict[str, str]:
    """href and text of a link to a docs path; the text is the target's heading."""
    return {"href": href(course, path, lang, current_url),
            "label": link_label(course.docs_dir, course.languages, path, lang)}


def module_context(course: Course, module_id: str, lang: str, current_url: str) -> dict[str, Any]:
    """Everything the quiz partial shows for one module."""
    module = find_module(course, module_id)
    number = course.modules.index(module) + 1
    return {
        "number": number,
        "id": module.id,
        "title": module.title(lang),
        "minutes": module.minutes,
        "answer_key_href": href(course, ANSWER_KEY, lang, current_url) + f"#facit-{module.id}",
        "key_points": [
            {"text": p.text(lang), "see": link_context(course, p.see, lang, current_url)}
            for p in module.key_points
        ],
        "questions": [
            {
                "id": f"{module.id}-{q.id}",
                "number": i + 1,
                "situation": q.situation,
                "scenario": q.scenario(lang),
                "prompt": q.prompt(lang),
                "see": link_context(course, q.see, lang, current_url),
                "choices": choices_context(q, lang),
            }
            for i, q in enumerate(module.questions)
        ],
    }


def choices_context(question: Question, lang: str) -> list[dict[str, Any]]:
    """The choices in their shown order; the value is the choice's place in the data."""
    return [{"value": str(i), "text": question.choices[i].text(lang),
             "correct": question.choices[i].correct,
             "feedback": question.choices[i].feedback(lang)}
            for i in question.order()]


def final_test_context(course: Course, lang: str, current_url: str) -> dict[str, Any]:
    """The certificate page: the final test (every question of each situation;
    the page shows one of each, drawn at random) and the certificate it issues."""
    pools = course.test_pools()
    count = len(pools)
    return {
        **overview_context(course, lang, current_url),
        "count": count,
        "pass_mark": course.final_test.pass_mark(count),
        "pools": [
            {"situation": situation, "questions": [
                {"id": q.id, "number": number, "scenario": q.scenario(lang),
                 "prompt": q.prompt(lang), "choices": choices_context(q, lang),
                 "right": str(next(i for i, c in enumerate(q.choices) if c.correct))}
                for q in questions]}
            for number, (situation, questions) in enumerate(pools.items(), start=1)
        ],
    }


def find_module(course: Course, module_id: str) -> Module:
    for module in course.modules:
        if module.id == module_id:
            return module
    raise KeyError(f"data/course.yml has no module '{module_id}'")


def overview_context(course: Course, lang: str, current_url: str) -> dict[str, Any]:
    """The modules with their length and a link to each (overview and certificate)."""
    return {
        "modules": [
            {"number": i + 1, "id": m.id, "title": m.title(lang), "minutes": m.minutes,
             "questions": len(m.questions), "href": href(course, m.page, lang, current_url)}
            for i, m in enumerate(course.modules)
        ],
        "total_minutes": sum(m.minutes for m in course.modules),
        "course_title": course.title(lang),
    }


def session_plan_context(course: Course, lang: str, current_url: str) -> dict[str, Any]:
    """The 90-minute introduction course, part by part, with its clock times."""
    parts = []
    start = 0
    for part in course.session_plan:
        module = find_module(course, part.module) if part.module else None
        parts.append({
            "id": part.id, "title": part.title(lang), "minutes": part.minutes,
            "start": start, "end": start + part.minutes,
            "aims": [a(lang) for a in part.aims],
            "show": [link_context(course, s, lang, current_url) for s in part.show]
            + ([{"href": href(course, module.page, lang, current_url), "label": module.title(lang)}]
               if module else []),
            "discuss": [d(lang) for d in part.discuss],
        })
        start += part.minutes
    return {"parts": parts, "total_minutes": start}


def cases_context(course: Course, lang: str, current_url: str) -> dict[str, Any]:
    """Discussion cases with 'what would you do next?' turns."""
    return {"cases": [
        {"id": c.id, "title": c.title(lang), "situation": c.situation, "setup": c.setup(lang),
         "turns": [{"ask": t.ask(lang), "answer": t.answer(lang),
                    "see": link_context(course, t.see, lang, current_url)} for t in c.turns]}
        for c in course.cases
    ]}


def slides_context(course: Course, lang: str, current_url: str) -> dict[str, Any]:
    """One idea per slide: each session part's title, its module's key points
    (the same text as the module page), then its discussion questions; the
    speaker's notes of each slide are its part's aims."""
    slides: list[dict[str, Any]] = [{"kind": "title", "title": course.title(lang), "points": [],
                                    "notes": []}]
    for number, part in enumerate(course.session_plan, start=1):
        aims = [a(lang) for a in part.aims]
        slides.append({"kind": "part", "number": number, "title": part.title(lang),
                       "minutes": part.minutes, "points": aims})
        if part.module:
            for point in find_module(course, part.module).key_points:
                slides.append({"kind": "point", "title": part.title(lang),
                               "text": point.text(lang),
                               "see": link_context(course, point.see, lang, current_url)})
        for question in part.discuss:
            slides.append({"kind": "discuss", "title": part.title(lang), "text": question(lang)})
        for slide in slides:
            slide.setdefault("notes", aims)  # the speaker view shows the part's aims
    for i, slide in enumerate(slides, start=1):
        slide["index"] = i
    return {"slides": slides, "count": len(slides)}


def answer_key_context(course: Course, lang: str, current_url: str) -> dict[str, Any]:
    """Every question with its best answer and feedback, for trainers."""
    return {"modules": [module_context(course, m.id, lang, current_url) for m in course.modules]}
