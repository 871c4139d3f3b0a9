"""The macros the paper versions call (docs/skriv-ut/): print forms, checklists, the 112 card."""

from __future__ import annotations

from .tsp.models.printables import blank_form_view, card_view, checklist_view, printable_views
from .tsp.site import Site


def register(env, site: Site) -> None:
    @site.partial_macro(env, "tsp-print-list.html")
    def printables_list(lang, url):
        """The "Skriv ut" index: every printable with its page, Skriv ut button and PDF link."""
        return {"items": printable_views(site.printables, lang, url, site.languages)}

    @site.partial_macro(env, "tsp-offline-pdfs.html")
    def offline_pdfs(lang, url):
        """The PDFs on the "Without a network" page, each with its offline status."""
        return {"items": printable_views(site.printables, lang, url, site.languages)}

    @site.partial_macro(env, "tsp-print-incident.html")
    def print_incident_form(lang, url):
        """Bilaga 5 as a blank paper form: ruled lines to write on, Ja/Nej boxes to tick."""
        return {"form": blank_form_view(site.incident, site.routine, lang)}

    @site.partial_macro(env, "tsp-print-checklist.html")
    def print_checklist(lang, url):
        """Bilaga 5 part 2 on paper: Åtgärd, Ansvar, Ja, Nej, Kommentar."""
        return {"checklist": checklist_view(site.incident, site.routine, lang)}

    @site.partial_macro(env, "tsp-print-card.html")
    def print_112_card(lang, url):
        """The number panels of the 112 card: 112, 114 14 and the key contacts of Bilaga 4."""
        return {"card": card_view(site.contacts, lang)}
