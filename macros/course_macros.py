"""The macros that course and trainer pages call (see docs/utbildning/)."""

from __future__ import annotations

from .course import (answer_key_context, cases_context, final_test_context, module_context,
                     overview_context, session_plan_context, slides_context)
from .tsp.site import Site

# Macros that show the whole course: name, partial, context (its docstring is the macro's).
WHOLE_COURSE = [
    ("course_overview", "tsp-course-overview.html", overview_context),
    ("course_certificate", "tsp-certificate.html", final_test_context),
    ("course_answer_key", "tsp-answer-key.html", answer_key_context),
    ("course_session_plan", "tsp-session-plan.html", session_plan_context),
    ("course_cases", "tsp-cases.html", cases_context),
    ("course_slides", "tsp-slides.html", slides_context),
]


def register(env, site: Site) -> None:
    course = site.course

    @site.partial_macro(env, "tsp-quiz.html")
    def course_module(lang, url, module_id: str):
        """Key points and scenario questions of one module (data/course.yml)."""
        return {"module": module_context(course, module_id, lang, url)}

    @site.partial_macro(env, "tsp-course-progress.html")
    def course_progress(lang, url):
        """The opt-in to keep progress on this device, and the button that clears it."""
        return {}

    for name, template, context in WHOLE_COURSE:
        def whole_course(lang, url, context=context):
            return context(course, lang, url)

        whole_course.__name__, whole_course.__doc__ = name, context.__doc__
        site.partial_macro(env, template)(whole_course)
