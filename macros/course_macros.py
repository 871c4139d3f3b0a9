"""The macros that course and trainer pages call (see docs/utbildning/)."""

from __future__ import annotations

from .course import (answer_key_context, cases_context, module_context, overview_context,
                     session_plan_context, slides_context)
from .tsp.site import Site


def register(env, site: Site) -> None:
    course = site.course

    def here():
        return site.lang(env.page), env.page.url

    @env.macro
    def course_module(module_id: str) -> str:
        """Key points and scenario questions of one module (data/course.yml)."""
        lang, url = here()
        return site.render("tsp-quiz.html", lang,
                           module=module_context(course, module_id, lang, url))

    @env.macro
    def course_overview() -> str:
        """The list of modules with their length and a link to each."""
        lang, url = here()
        return site.render("tsp-course-overview.html", lang,
                           **overview_context(course, lang, url))

    @env.macro
    def course_progress() -> str:
        """The opt-in to keep progress on this device, and the button that clears it."""
        lang, url = here()
        return site.render("tsp-course-progress.html", lang)

    @env.macro
    def course_certificate() -> str:
        """Modules done and the printable certificate with the learner's name."""
        lang, url = here()
        return site.render("tsp-certificate.html", lang,
                           **overview_context(course, lang, url))

    @env.macro
    def course_answer_key() -> str:
        """Every question with its best answer and feedback, for trainers."""
        lang, url = here()
        return site.render("tsp-answer-key.html", lang,
                           **answer_key_context(course, lang, url))

    @env.macro
    def course_session_plan() -> str:
        """The 90-minute introduction course, part by part."""
        lang, url = here()
        return site.render("tsp-session-plan.html", lang,
                           **session_plan_context(course, lang, url))

    @env.macro
    def course_cases() -> str:
        """Discussion cases with 'what would you do next?' turns."""
        lang, url = here()
        return site.render("tsp-cases.html", lang, **cases_context(course, lang, url))

    @env.macro
    def course_slides() -> str:
        """The presentation: one idea per slide, from the same data."""
        lang, url = here()
        return site.render("tsp-slides.html", lang, **slides_context(course, lang, url))
