"""Registers the macros and the data they read with mkdocs-macros.

The macros are the authors' API: call them from a page that has
`render_macros: true` in its front matter, e.g. `{{ routine_table() }}`.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .contacts import contact_views, number_views
from .incident import form_view
from .course_macros import register_course
from .loader import load_all
from .printables import register as register_printables
from .render import relative_url, render
from .routine import duties, table_rows

ROUTINE_PAGE = "planen/bilaga-3/"
PLAN_PAGE = "planen/3-hantera/"


def page_lang(env) -> str:
    """Language of the page being rendered (i18n sets page.file.locale).

    Not env.conf/env.variables: macros copies those before i18n applies each
    language's overrides, so they lag one language behind.
    """
    return getattr(env.page.file, "locale", None) or "sv"


def review(data, lang: str) -> dict:
    """last_reviewed and owner of a data file, for tsp-review.html."""
    return {"date": data.last_reviewed, "owner": data.owner(lang)}


def register(env) -> None:
    data = load_all()
    strings = data["strings"]
    routine = data["routine"]
    contacts = data["contacts"]
    incident = data["incident"]

    def link(target: str) -> str:
        return relative_url(target, page_lang(env), env.page.url)

    @env.macro
    def t(key: str) -> Markup:
        """A word from data/strings.yml in the page's language, HTML-escaped
        (macros' Jinja does not autoescape)."""
        return escape(strings.text(key, page_lang(env)))

    @env.macro
    def routine_table():
        """Bilaga 3: the routine table from data/routine.yml, with review date and owner.

        Anchors: `#steg-3-1-1` … on the first row of each step, `#rad-<row id>`
        on every row; each step number links to `3-hantera/#s3-1-1` ….
        """
        lang = page_lang(env)
        return render("tsp-routine-table.html", strings, lang,
                      rows=table_rows(routine, lang), plan_url=link(PLAN_PAGE),
                      review=review(routine, lang))

    @env.macro
    def contact_list():
        """Bilaga 4: 112 and 114 14, then every contact of data/contacts.yml.

        Phone numbers are tel: links in international form, e-mail mailto:
        links; an empty field says plainly who to ask instead.
        """
        lang = page_lang(env)
        return render("tsp-contacts.html", strings, lang,
                      numbers=number_views(contacts, lang),
                      contacts=contact_views(contacts, lang),
                      review=review(contacts, lang))

    @env.macro
    def contact_cards(*kinds: str):
        """A compact call list with tel: links (for the emergency page).

        kinds: any of "party_security_officer", "security_strategist",
        "police"; default the party security officers and the strategist.
        """
        lang = page_lang(env)
        chosen = list(kinds) or ["party_security_officer", "security_strategist"]
        return render("tsp-contact-cards.html", strings, lang,
                      contacts=contact_views(contacts, lang, kinds=chosen))

    @env.macro
    def incident_form():
        """Bilaga 5: the blank incident report form (parts 1–3 and the follow-up)."""
        lang = page_lang(env)
        return render("tsp-incident-form.html", strings, lang,
                      form=form_view(incident, routine, lang))

    @env.macro
    def role_duties():
        """"Vem gör vad?": for each base role the routine rows it owns, alone or jointly."""
        lang = page_lang(env)
        return render("tsp-roles.html", strings, lang,
                      roles=duties(routine, lang), routine_url=link(ROUTINE_PAGE),
                      review=review(routine, lang))

    register_printables(env, data, page_lang)
    register_course(env, data["course"], strings, page_lang)
