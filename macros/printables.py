"""data/printables.yml: the documents designed for paper, and the context of
the print partials (overrides/partials/tsp-print-*.html).

Pure functions: data in, dicts out; the markup lives in the partials.
"""

from __future__ import annotations

from pathlib import Path
import re
from dataclasses import replace
from typing import Annotated, Literal, Union

from mkdocs.utils import get_relative_url
from pydantic import Discriminator, Field, PositiveInt, Tag

from .contacts import Contacts, contact_views, number_views
from .datafile import DataError, load_model
from .incident import Incident, blank_checklist, form_view
from .models import Loc, NonEmptyStr, Strict, Text, duplicates
from .render import site_path
from .routine import Identifier, Routine
from .situations import Situations, load_situations

ROOT = Path(__file__).resolve().parent.parent
# Where the PDFs of one language go, relative to that language's site root.
PDF_DIR = "pdf"
# The contacts that fit on a 112 card, besides 112 and 114 14.
CARD_KINDS = ["party_security_officer", "security_strategist", "police"]


class Printable(Strict):
    id: Identifier
    page: NonEmptyStr
    title: Text
    # None: no page limit (the whole plan).
    max_pages: PositiveInt | None = None


class SituationCards(Strict):
    """`- situations: all`: here come the action cards of data/situations.yml."""

    situations: Literal["all"]


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


def _entry_kind(value) -> str:
    return "cards" if isinstance(value, dict) and "situations" in value else "printable"


Entry = Annotated[Union[Annotated[Printable, Tag("printable")],
                        Annotated[SituationCards, Tag("cards")]], Discriminator(_entry_kind)]


class PrintablesFile(Strict):
    printables: list[Entry] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        listed = [p for p in self.printables if isinstance(p, Printable)]
        return Printables(printables=listed).problems() if listed else []


def with_situations(file: PrintablesFile, situations: Situations) -> Printables:
    """The printables in order, the marker replaced by one card per situation."""
    out: list[Printable] = []
    for entry in file.printables:
        if isinstance(entry, SituationCards):
            out += [Printable(id=s.printable.id, page=s.url, title=s.printable.title, max_pages=1)
                    for s in situations.situations if s.printable]
        else:
            out.append(entry)
    return Printables(printables=out)


def missing_pages(printables, docs: Path) -> list[tuple[Loc, str]]:
    """Each printable's page must exist in docs/ (as NAME.md or NAME/index.md)."""
    found = []
    for i, p in enumerate(printables.printables):
        if not isinstance(p, Printable):
            continue
        stem = p.page.rstrip("/")
        if not ((docs / f"{stem}.md").is_file() or (docs / stem / "index.md").is_file()):
            found.append((("printables", i, "page"),
                          f"no page '{p.page}' in docs/ (looked for docs/{stem}.md)"))
    return found


def load_printables(root: Path = ROOT) -> Printables:
    """data/printables.yml with the situations' action cards (data/situations.yml)."""
    situations = load_situations(root)
    rel = "data/printables.yml"

    def checks(file: PrintablesFile) -> list[tuple[Loc, str]]:
        merged = with_situations(file, situations)
        ids = [(("printables",), p.id) for p in merged.printables]
        found = [(loc, message.replace("duplicate printable id", "printable id") +
                  " (data/situations.yml names it too)")
                 for loc, message in duplicates(ids, "printable")]
        return found + missing_pages(file, root / "docs")

    try:
        file = load_model(root / "data" / "printables.yml", PrintablesFile, rel, checks=checks)
    except DataError as error:
        # 'printables[0].printable.colour' -> 'printables[0].colour': the kind of
        # entry is not a field the editor wrote.
        raise DataError(replace(p, field=re.sub(r"^(printables\[\d+\])\.(printable|cards)",
                                                r"\1", p.field))
                        for p in error.problems) from None
    return with_situations(file, situations)


def pdf_path(printable: Printable, lang: str) -> str:
    """Site path of the PDF: 'pdf/112-kort.pdf' or 'en/pdf/112-kort.pdf'."""
    return site_path(f"{PDF_DIR}/{printable.id}.pdf", lang)


def page_path(printable: Printable, lang: str) -> str:
    return site_path(printable.page, lang)


def find(printables: Printables, url: str, lang: str) -> Printable | None:
    """The printable whose built page is at url ('en/planen/bilaga-1/'), if any."""
    return next((p for p in printables.printables if page_path(p, lang) == url), None)


def actions_view(printable: Printable, lang: str, from_url: str) -> dict:
    """The "Skriv ut" button and PDF link of a printable page."""
    return {"id": printable.id, "pdf": get_relative_url(pdf_path(printable, lang), from_url),
            "title": printable.title(lang)}


def printable_views(printables: Printables, lang: str, from_url: str) -> list[dict]:
    """Every printable with links relative to the page at from_url."""
    return [{**actions_view(p, lang, from_url),
             "page": get_relative_url(page_path(p, lang), from_url),
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


def register(env, data: dict, page_lang) -> None:
    """The print macros; data is load_all()'s result, page_lang(env) the page's language."""
    from .render import render

    strings, routine, incident = data["strings"], data["routine"], data["incident"]
    contacts = data["contacts"]
    printables = load_printables()

    @env.macro
    def printables_list():
        """The "Skriv ut" index: every printable with its page, Skriv ut button and PDF link."""
        lang = page_lang(env)
        return render("tsp-print-list.html", strings, lang,
                      items=printable_views(printables, lang, env.page.url))

    @env.macro
    def print_incident_form():
        """Bilaga 5 as a blank paper form: ruled lines to write on, Ja/Nej boxes to tick."""
        lang = page_lang(env)
        return render("tsp-print-incident.html", strings, lang,
                      form=blank_form_view(incident, routine, lang))

    @env.macro
    def print_checklist():
        """Bilaga 5 part 2 on paper: Åtgärd, Ansvar, Ja, Nej, Kommentar."""
        lang = page_lang(env)
        return render("tsp-print-checklist.html", strings, lang,
                      checklist=checklist_view(incident, routine, lang))

    @env.macro
    def print_112_card():
        """The number panels of the 112 card: 112, 114 14 and the key contacts of Bilaga 4."""
        lang = page_lang(env)
        return render("tsp-print-card.html", strings, lang, card=card_view(contacts, lang))
