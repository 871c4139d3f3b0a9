"""data/printables.yml: the documents designed for paper, and the context of
the print partials (overrides/partials/tsp-print-*.html).

Pure functions: data in, dicts out; the markup lives in the partials.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import yaml
from mkdocs.utils import get_relative_url
from pydantic import AfterValidator, Field, PositiveInt

from .contacts import Contacts, contact_views, number_views
from .datafile import load_model, quoted
from .incident import Incident, blank_checklist, form_view
from .models import LANGUAGES, Loc, NonEmptyStr, Strict, Text, duplicates
from .render import site_path
from .routine import Identifier, Routine

ROOT = Path(__file__).resolve().parent.parent
# Where the PDFs of one language go, relative to that language's site root.
PDF_DIR = "pdf"
# The contacts that fit on a 112 card, besides 112 and 114 14.
CARD_KINDS = ["party_security_officer", "security_strategist", "police"]
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


# A built page path inside docs/: 'skriv-ut/112-kort/' (no '..', no leading '/').
PAGE_PATTERN = re.compile(r"^([a-z0-9][a-z0-9_-]*/)+$")
MAX_PAGE = 200  # characters; a file name has at most 255 bytes


def _page(value: str) -> str:
    if len(value) > MAX_PAGE or not PAGE_PATTERN.match(value):
        raise ValueError(f"'{quoted(value)}' must be a page path like skriv-ut/112-kort/: "
                         f"lowercase letters, digits, - and _, each part ending in / "
                         f"(at most {MAX_PAGE} characters)")
    return value


class Printable(Strict):
    id: Identifier
    page: Annotated[NonEmptyStr, AfterValidator(_page)]
    title: Text
    # None: no page limit (the whole plan).
    max_pages: PositiveInt | None = None


class Printables(Strict):
    printables: list[Printable] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        found = duplicates(((("printables", i, "id"), p.id)
                            for i, p in enumerate(self.printables)), "printable")
        found += duplicates(((("printables", i, "page"), p.page)
                             for i, p in enumerate(self.printables)), "page")
        return found


def page_source(docs: Path, page: str, lang: str = "sv") -> Path | None:
    """The Markdown file of a page path in a language (NAME.md or NAME/index.md)."""
    stem = page.rstrip("/")
    suffix = ".md" if lang == "sv" else f".{lang}.md"
    for source in (docs / f"{stem}{suffix}", docs / stem / f"index{suffix}"):
        if source.is_file():
            return source
    return None


def _front_matter(source: Path) -> dict:
    match = FRONT_MATTER.match(source.read_text(encoding="utf-8"))
    try:
        meta = yaml.safe_load(match.group(1)) if match else None
    except yaml.YAMLError:
        return {}  # the build reports the page's own front matter
    return meta if isinstance(meta, dict) else {}


def missing_pages(printables: Printables, docs: Path) -> list[tuple[Loc, str]]:
    """Each printable's page must exist in docs/ in both languages and load the
    print script (tsp-print.js), which tells the PDF step the page is ready."""
    found = []
    for i, p in enumerate(printables.printables):
        stem = p.page.rstrip("/")
        for lang in LANGUAGES:
            source = page_source(docs, p.page, lang)
            if source is None:
                suffix = ".md" if lang == "sv" else f".{lang}.md"
                found.append((("printables", i, "page"),
                              f"no page '{p.page}' in docs/ (looked for docs/{stem}{suffix})"))
                break
            if _front_matter(source).get("tsp_light"):
                found.append((("printables", i, "page"),
                              f"'{p.page}' cannot be printed: docs/{source.relative_to(docs).as_posix()} "
                              f"has tsp_light: true, so it loads no print script"))
                break
    return found


def load_printables(root: Path = ROOT) -> Printables:
    return load_model(root / "data" / "printables.yml", Printables, "data/printables.yml",
                      checks=lambda printables: missing_pages(printables, root / "docs"))


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
