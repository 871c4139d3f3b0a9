"""data/printables.yml: the documents designed for paper, and the context of
the print partials (overrides/partials/tsp-print-*.html).

Pure functions: data in, dicts out; the markup lives in the partials.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url
from pydantic import Field, PositiveInt

from ..languages import Languages
from .base import Loc, NonEmptyStr, Strict, Text, duplicates
from .contacts import Contacts, contact_views, number_views
from .incident import Incident, blank_checklist, form_view
from .routine import Identifier, Routine

# Where the PDFs of one language go, relative to that language's site root.
PDF_DIR = "pdf"
# The contacts that fit on a 112 card, besides 112 and 114 14.
CARD_KINDS = ["partiets_sakerhetsansvarig", "sakerhetsstrateg", "polisen"]


class Printable(Strict):
    id: Identifier
    page: NonEmptyStr
    title: Text
    # None: no page limit (the whole plan).
    max_pages: PositiveInt | None = None


class Printables(Strict):
    printables: list[Printable] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        found = duplicates(((("printables", i, "id"), p.id)
                            for i, p in enumerate(self.printables)), "printable")
        found += [(("printables", i, "page"), f"'{p.page}' must be a page path ending in /")
                  for i, p in enumerate(self.printables)
                  if not p.page.endswith("/") or p.page.startswith("/")]
        found += duplicates(((("printables", i, "page"), p.page)
                             for i, p in enumerate(self.printables)), "page")
        return found


def missing_pages(printables: Printables, docs: Path) -> list[tuple[Loc, str]]:
    """Each printable's page must exist in docs/ (as NAME.md or NAME/index.md)."""
    found = []
    for i, p in enumerate(printables.printables):
        stem = p.page.rstrip("/")
        if not ((docs / f"{stem}.md").is_file() or (docs / stem / "index.md").is_file()):
            found.append((("printables", i, "page"),
                          f"no page '{p.page}' in docs/ (looked for docs/{stem}.md)"))
    return found


def pdf_path(printable: Printable, lang: str, languages: Languages) -> str:
    """Site path of the PDF: 'pdf/112-kort.pdf' or 'en/pdf/112-kort.pdf'."""
    return languages.site_path(f"{PDF_DIR}/{printable.id}.pdf", lang)


def page_path(printable: Printable, lang: str, languages: Languages) -> str:
    return languages.site_path(printable.page, lang)


def find(printables: Printables, url: str, lang: str, languages: Languages) -> Printable | None:
    """The printable whose built page is at url ('en/planen/bilaga-1/'), if any."""
    return next((p for p in printables.printables if page_path(p, lang, languages) == url), None)


def actions_view(printable: Printable, lang: str, from_url: str, languages: Languages) -> dict:
    """The "Skriv ut" button and PDF link of a printable page."""
    return {"id": printable.id,
            "pdf": get_relative_url(pdf_path(printable, lang, languages), from_url),
            "title": printable.title(lang)}


def printable_views(printables: Printables, lang: str, from_url: str,
                    languages: Languages) -> list[dict]:
    """Every printable with links relative to the page at from_url."""
    return [{**actions_view(p, lang, from_url, languages),
             "page": get_relative_url(page_path(p, lang, languages), from_url),
             "max_pages": p.max_pages} for p in printables.printables]


def blank_form_view(incident: Incident, routine: Routine, lang: str) -> dict:
    """The whole Bilaga 5 form, for the paper version."""
    return form_view(incident, routine, lang)


def checklist_view(incident: Incident, routine: Routine, lang: str) -> dict:
    """Bilaga 5 part 2 alone: title and blocks (routine rows + checks)."""
    return {"title": incident.part2.title(lang),
            "blocks": blank_checklist(incident, routine, lang)}


def card_view(contacts: Contacts, lang: str) -> dict:
    """The back of the 112 card: always-valid numbers, then the key contacts."""
    return {"numbers": number_views(contacts, lang),
            "contacts": contact_views(contacts, lang, kinds=CARD_KINDS)}
