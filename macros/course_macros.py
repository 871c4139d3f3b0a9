"""The macros that course and trainer pages call (see docs/utbildning/)."""

from __future__ import annotations

from .course import (answer_key_context, cases_context, module_context, overview_context,
                     render, session_plan_context, slides_context)
from .loader import ROOT

PARTIALS = ROOT / "overrides" / "partials"


def register_course(env, course, strings, page_lang) -> None:
    def here():
        lang = page_lang(env)
        return lang, env.page.url, (lambda key: strings.text(key, lang))

    @env.macro
    def course_module(module_id: str) -> str:
        """Key points and scenario questions of one module (data/course.yml)."""
        lang, url, t = here()
        return render(PARTIALS, "tsp-quiz.html", t,
                      module=module_context(course, module_id, lang, url))

    @env.macro
    def course_overview() -> str:
        """The list of modules with their length and a link to each."""
        lang, url, t = here()
        return render(PARTIALS, "tsp-course-overview.html", t,
                      **overview_context(course, lang, url))

    @env.macro
    def course_progress() -> str:
        """The opt-in to keep progress on this device, and the button that clears it."""
        lang, url, t = here()
        return render(PARTIALS, "tsp-course-progress.html", t)

    @env.macro
    def course_certificate() -> str:
        """Modules done and the printable certificate with the learner's name."""
        lang, url, t = here()
        return render(PARTIALS, "tsp-certificate.html", t,
                      **overview_context(course, lang, url))

    @env.macro
    def course_answer_key() -> str:
        """Every question with its best answer and feedback, for trainers."""
        lang, url, t = here()
        return render(PARTIALS, "tsp-answer-key.html", t,
                      **answer_key_context(course, lang, url))

    @env.macro
    def course_session_plan() -> str:
        """The 90-minute introduction course, part by part."""
        lang, url, t = here()
        return render(PARTIALS, "tsp-session-plan.html", t,
                      **session_plan_context(course, lang, url))

    @env.macro
    def course_cases() -> str:
        """Discussion cases with 'what would you do next?' turns."""
        lang, url, t = here()
        return render(PARTIALS, "tsp-cases.html", t, **cases_context(course, lang, url))

    @env.macro
    def course_slides() -> str:
        """The presentation: one idea per slide, from the same data."""
        lang, url, t = here()
        return render(PARTIALS, "tsp-slides.html", t, **slides_context(course, lang, url))
