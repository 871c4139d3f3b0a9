"""Every data partial rendered from validated data, without a build.

Render every data partial from validated data, without a build: what the
macros do for the pages, so a test can show that valid data also renders."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from macros import course as course_views
from macros.tsp import ROOT
from macros.tsp.languages import Languages
from macros.tsp.models.contacts import number_views
from macros.tsp.models.incident import form_view
from macros.tsp.models.printables import card_view, checklist_view, printable_views
from macros.tsp.models.readiness import reachable_views
from macros.tsp.models.routine import duties, table_rows
from macros.tsp.render import Renderer


@lru_cache(maxsize=None)
def _theme_env():
    """The theme's Jinja environment of the real project (loaded once)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml")).theme.get_env()


def render_everything(data: dict, root: Path) -> list[str]:
    """HTML of each data partial in each language (URL of a page two levels deep)."""
    strings, routine, contacts = data["strings"], data["routine"], data["contacts"]
    incident, course, printables = data["incident"], data["course"], data["printables"]
    organisation = data["organisation"]
    languages = Languages.from_file(root / "mkdocs.yml")
    render = Renderer(_theme_env(), root / "overrides" / "partials", strings.text)
    review = {"date": routine.last_reviewed, "owner": routine.owner("sv")}
    out = []
    for lang in languages:
        url = "planen/bilaga-3/"
        out += [
            render("tsp-routine-table.html", lang, rows=table_rows(routine, lang),
                   plan_url="../", review=review),
            render("tsp-roles.html", lang, roles=duties(routine, lang),
                   routine_url="../", review=review),
            render("tsp-contacts.html", lang, numbers=number_views(contacts, lang),
                   contacts=reachable_views(contacts, organisation, strings, lang),
                   review=review),
            render("tsp-contact-cards.html", lang,
                   contacts=reachable_views(contacts, organisation, strings, lang)),
            render("tsp-incident-form.html", lang, form=form_view(incident, routine, lang)),
            render("tsp-print-list.html", lang,
                   items=printable_views(printables, lang, url, languages)),
            render("tsp-print-checklist.html", lang,
                   checklist=checklist_view(incident, routine, lang)),
            render("tsp-print-card.html", lang, card=card_view(contacts, lang)),
        ]
        for module in course.modules:
            out.append(render("tsp-quiz.html", lang,
                              module=course_views.module_context(course, module.id, lang, url)))
        for name, context in (("tsp-course-overview.html", course_views.overview_context),
                              ("tsp-answer-key.html", course_views.answer_key_context),
                              ("tsp-session-plan.html", course_views.session_plan_context),
                              ("tsp-cases.html", course_views.cases_context),
                              ("tsp-slides.html", course_views.slides_context)):
            out.append(render(name, lang, **context(course, lang, url)))
    return out
