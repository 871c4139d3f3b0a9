"""The macros the plan's pages call (Bilaga 3, 4, 5, "Vem gör vad?").

The macros are the authors' API: call them from a page that has
`render_macros: true` in its front matter, e.g. `{{ routine_table() }}`.
Each one renders a partial (Site.partial_macro) from a context it computes.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .tsp.models.accessibility import statement_items
from .tsp.models.contacts import number_views
from .tsp.models.organisation import view as organisation_view
from .tsp.models.readiness import reachable_views
from .tsp.models.incident import form_view
from .tsp.models.plan import part_label
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

    def link(target: str, lang: str, url: str) -> str:
        return site.languages.relative_url(target, lang, url)

    @env.macro
    def t(key: str) -> Markup:
        """A word from data/strings.yml in the page's language, HTML-escaped
        (macros' Jinja does not autoescape)."""
        # Not env.conf/env.variables: macros copies those before i18n applies
        # each language's overrides, so they lag one language behind.
        return escape(strings.text(key, site.lang(env.page)))

    @env.macro
    def org(field: str) -> str:
        """A fact of data/organisation.yml in the page's language, e.g.
        `{{ org("name") }}`, `{{ org("registration_number") }}`, `{{ org("switchboard") }}`."""
        facts = organisation_view(organisation, site.lang(env.page))
        if field not in facts:
            raise KeyError(f"org(): no field '{field}'; known: {', '.join(facts)}")
        # Escaped: macros' Jinja does not autoescape, and the value lands in Markdown.
        # A fact the organisation left out is empty, so `{% if org(...) %}` skips it.
        value = facts[field]
        return escape(value) if value is not None else ""

    @site.partial_macro(env, "tsp-routine-table.html")
    def routine_table(lang, url):
        """Bilaga 3: the routine table from data/routine.yml, with review date and owner.

        Anchors: `#steg-3-1-1` … on the first row of each step, `#rad-<row id>`
        on every row; each step number links to `3-hantera/#s3-1-1` ….
        """
        return {"rows": table_rows(routine, lang), "plan_url": link(PLAN_PAGE, lang, url),
                "review": review(routine, lang)}

    @site.partial_macro(env, "tsp-contacts.html")
    def contact_list(lang, url):
        """Bilaga 4: 112 and 114 14, then every contact of data/contacts.yml.

        Phone numbers are tel: links in international form, e-mail mailto:
        links; an empty field says who fills it in and gives a number to call now
        (macros/tsp/models/readiness.py).
        """
        return {"numbers": number_views(contacts, lang),
                "contacts": reachable_views(contacts, organisation, strings, lang),
                "review": review(contacts, lang)}

    @site.partial_macro(env, "tsp-contact-cards.html")
    def contact_cards(lang, url, *kinds: str):
        """A compact call list with tel: links (for the emergency page).

        kinds: base role ids of data/routine.yml ("partiets_sakerhetsansvarig",
        "sakerhetsstrateg", "polisen"); default the party security officers and the strategist.
        """
        chosen = list(kinds) or ["partiets_sakerhetsansvarig", "sakerhetsstrateg"]
        return {"contacts": reachable_views(contacts, organisation, strings, lang, kinds=chosen)}

    @site.partial_macro(env, "tsp-incident-form.html")
    def incident_form(lang, url):
        """Bilaga 5: the blank incident report form (parts 1–3 and the follow-up)."""
        return {"form": form_view(incident, routine, lang)}

    @site.partial_macro(env, "tsp-roles.html")
    def role_duties(lang, url):
        """"Vem gör vad?": for each base role the routine rows it owns, alone or jointly."""
        return {"roles": duties(routine, lang), "routine_url": link(ROUTINE_PAGE, lang, url),
                "review": review(routine, lang)}

    @site.partial_macro(env, "tsp-statement-list.html")
    def accessibility_list(lang, url, section, none_key):
        """The accessibility statement: one list of data/accessibility.yml
        (checked, known_issues, untested, burdensome, outside_law), each claim
        with the tests that back it; none_key is the strings.yml text for an empty list."""
        return {"items": statement_items(site.accessibility, section, lang), "none_key": none_key}

    @site.partial_macro(env, "tsp-statement-date.html")
    def accessibility_assessed(lang, url):
        """The date the statement's claims were last checked against the tests."""
        return {"date": site.accessibility.assessed.isoformat()}

    @site.partial_macro(env, "tsp-corrections.html")
    def corrections_list(lang, url):
        """"Om planen": every declared correction of the plan's text (data/corrections.yml)."""
        return {"becomes": strings.text("correction_becomes", lang),
                "corrections": [{"where": part_label(c.part, lambda key: strings.text(key, lang)),
                                 "original": c.original, "new": c.new, "reason": c.reason(lang)}
                                for c in site.corrections.corrections]}
