"""The macros the paper versions call (docs/skriv-ut/): print forms, checklists, the 112 card."""

from __future__ import annotations

from .tsp.models.printables import blank_form_view, card_view, checklist_view, printable_views
from .tsp.site import Site


def register(env, site: Site) -> None:
    def lang() -> str:
        return site.lang(env.page)

    @env.macro
    def printables_list():
        """The "Skriv ut" index: every printable with its page, Skriv ut button and PDF link."""
        return site.render("tsp-print-list.html", lang(),
                           items=printable_views(site.printables, lang(), env.page.url,
                                                 site.languages))

    @env.macro
    def print_incident_form():
        """Bilaga 5 as a blank paper form: ruled lines to write on, Ja/Nej boxes to tick."""
        return site.render("tsp-print-incident.html", lang(),
                           form=blank_form_view(site.incident, site.routine, lang()))

    @env.macro
    def print_checklist():
        """Bilaga 5 part 2 on paper: Åtgärd, Ansvar, Ja, Nej, Kommentar."""
        return site.render("tsp-print-checklist.html", lang(),
                           checklist=checklist_view(site.incident, site.routine, lang()))

    @env.macro
    def print_112_card():
        """The number panels of the 112 card: 112, 114 14 and the key contacts of Bilaga 4."""
        return site.render("tsp-print-card.html", lang(), card=card_view(site.contacts, lang()))
