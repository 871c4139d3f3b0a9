"""The macros that course and trainer pages call (see docs/utbildning/)."""

from __future__ import annotations

from .course import (answer_key_context, cases_context, module_context, overview_context,
                     session_plan_context, slides_context)
from .tsp.site import Site


def register(env, site: Site) -> None:
    course = site.course

    @site.partial_macro(env, "tsp-quiz.html")
    def course_module(lang, url, module_id: str):
        """Key points and scenario questions of one module (data/course.yml)."""
        return {"module": module_context(course, module_id, lang, url)}

    @site.partial_macro(env, "tsp-course-overview.html")
    def course_overview(lang, url):
        """The list of modules with their length and a link to each."""
        return overview_context(course, lang, url)

    @site.partial_macro(env, "tsp-course-progress.html")
    def course_progress(lang, url):
        """The opt-in to keep progress on this device, and the button that clears it."""
        return {}

    @site.partial_macro(env, "tsp-certificate.html")
    def course_certificate(lang, url):
        """Modules done and the printable certificate with the learner's name."""
        return overview_context(course, lang, url)

    @site.partial_macro(env, "tsp-answer-key.html")
    def course_answer_key(lang, url):
        """Every question with its best answer and feedback, for trainers."""
        return answer_key_context(course, lang, url)

    @site.partial_macro(env, "tsp-session-plan.html")
    def course_session_plan(lang, url):
        """The 90-minute introduction course, part by part."""
        return session_plan_context(course, lang, url)

    @site.partial_macro(env, "tsp-cases.html")
    def course_cases(lang, url):
        """Discussion cases with 'what would you do next?' turns."""
        return cases_context(course, lang, url)

    @site.partial_macro(env, "tsp-slides.html")
    def course_slides(lang, url):
        """The presentation: one idea per slide, from the same data."""
        return slides_context(course, lang, url)
