"""Render every data partial from validated data, without MkDocs: what the
macros do for the pages, so a test can show that valid data also renders."""

from __future__ import annotations

from pathlib import Path

from macros import course as course_views
from macros.contacts import contact_views, number_views
from macros.incident import form_view
from macros.models import LANGUAGES
from macros.printables import card_view, checklist_view, printable_views
from macros.render import render
from macros.routine import duties, table_rows


def render_everything(data: dict, root: Path) -> list[str]:
    """HTML of each data partial in each language (URL of a page two levels deep)."""
    strings, routine, contacts = data["strings"], data["routine"], data["contacts"]
    incident, course, printables = data["incident"], data["course"], data["printables"]
    review = {"date": routine.last_reviewed, "owner": routine.owner("sv")}
    partials = root / "overrides" / "partials"
    out = []
    for lang in LANGUAGES:
        url = "planen/bilaga-3/"
        out += [
            render("tsp-routine-table.html", strings, lang, rows=table_rows(routine, lang),
                   plan_url="../", review=review),
            render("tsp-roles.html", strings, lang, roles=duties(routine, lang),
                   routine_url="../", review=review),
            render("tsp-contacts.html", strings, lang, numbers=number_views(contacts, lang),
                   contacts=contact_views(contacts, lang), review=review),
            render("tsp-contact-cards.html", strings, lang,
                   contacts=contact_views(contacts, lang)),
            render("tsp-incident-form.html", strings, lang,
                   form=form_view(incident, routine, lang)),
            render("tsp-print-list.html", strings, lang,
                   items=printable_views(printables, lang, url)),
            render("tsp-print-checklist.html", strings, lang,
                   checklist=checklist_view(incident, routine, lang)),
            render("tsp-print-card.html", strings, lang, card=card_view(contacts, lang)),
        ]

        def t(key, lang=lang):
            return strings.text(key, lang)

        for module in course.modules:
            out.append(course_views.render(partials, "tsp-quiz.html", t,
                                           module=course_views.module_context(
                                               course, module.id, lang, url)))
        for name, context in (("tsp-course-overview.html", course_views.overview_context),
                              ("tsp-answer-key.html", course_views.answer_key_context),
                              ("tsp-session-plan.html", course_views.session_plan_context),
                              ("tsp-cases.html", course_views.cases_context),
                              ("tsp-slides.html", course_views.slides_context)):
            out.append(course_views.render(partials, name, t, **context(course, lang, url)))
    return out
