"""The macros the plan's pages call (Bilaga 3, 4, 5, "Vem gör vad?").

The macros are the authors' API: call them from a page that has
`render_macros: true` in its front matter, e.g. `{{ routine_table() }}`.
"""

from __future__ import annotations

from .tsp.models.contacts import number_views
from .tsp.models.organisation import view as organisation_view
from .tsp.models.readiness import reachable_views
from .tsp.models.incident import form_view
from .tsp.models.routine import duties, table_rows
from .tsp.site import Site

ROUTINE_PAGE = "planen/bilaga-3/"
PLAN_PAGE = "planen/3-hantera/"


def review(data, lang: str) -> dict:
    """last_reviewed and owner of a data file, for tsp-review.html."""
    return {"date": data.last_reviewed, "owner": data.owner(lang)}


def register(env, site: Site) -> None:
    strings, routine, contacts, incident = site.strings, site.routine, site.contacts, site.incident
    organisation = site.organisation

    def page_lang() -> str:
        # Not env.conf/env.variables: macros copies those before i18n applies
        # each language's overrides, so they lag one language behind.
        return site.lang(env.page)

    def link(target: str) -> str:
        return site.languages.relative_url(target, page_lang(), env.page.url)

    @env.macro
    def t(key: str) -> str:
        """A word from data/strings.yml in the page's language."""
        return strings.text(key, page_lang())

    @env.macro
    def org(field: str) -> str:
        """A fact of data/organisation.yml in the page's language, e.g.
        `{{ org("name") }}`, `{{ org("registration_number") }}`, `{{ org("switchboard") }}`."""
        facts = organisation_view(organisation, page_lang())
        if field not in facts:
            raise KeyError(f"org(): no field '{field}'; known: {', '.join(facts)}")
        return facts[field]

    @env.macro
    def routine_table():
        """Bilaga 3: the routine table from data/routine.yml, with review date and owner.

        Anchors: `#steg-3-1-1` … on the first row of each step, `#rad-<row id>`
        on every row; each step number links to `3-hantera/#s3-1-1` ….
        """
        lang = page_lang()
        return site.render("tsp-routine-table.html", lang,
                           rows=table_rows(routine, lang), plan_url=link(PLAN_PAGE),
                           review=review(routine, lang))

    @env.macro
    def contact_list():
        """Bilaga 4: 112 and 114 14, then every contact of data/contacts.yml.

        Phone numbers are tel: links in international form, e-mail mailto:
        links; an empty field says who fills it in and gives a number to call now
        (macros/tsp/models/readiness.py).
        """
        lang = page_lang()
        return site.render("tsp-contacts.html", lang,
                           numbers=number_views(contacts, lang),
                           contacts=reachable_views(contacts, organisation, strings, lang),
                           review=review(contacts, lang))

    @env.macro
    def contact_cards(*kinds: str):
        """A compact call list with tel: links (for the emergency page).

        kinds: any of "party_security_officer", "security_strategist",
        "police"; default the party security officers and the strategist.
        """
        lang = page_lang()
        chosen = list(kinds) or ["party_security_officer", "security_strategist"]
        return site.render("tsp-contact-cards.html", lang,
                           contacts=reachable_views(contacts, organisation, strings, lang,
                                                    kinds=chosen))

    @env.macro
    def incident_form():
        """Bilaga 5: the blank incident report form (parts 1–3 and the follow-up)."""
        lang = page_lang()
        return site.render("tsp-incident-form.html", lang,
                           form=form_view(incident, routine, lang))

    @env.macro
    def role_duties():
        """"Vem gör vad?": for each base role the routine rows it owns, alone or jointly."""
        lang = page_lang()
        return site.render("tsp-roles.html", lang,
                           roles=duties(routine, lang), routine_url=link(ROUTINE_PAGE),
                           review=review(routine, lang))
