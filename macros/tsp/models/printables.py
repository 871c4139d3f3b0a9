"""The model of data/printables.yml: the documents designed for paper.

data/printables.yml: the documents designed for paper, and the context of
the print partials (overrides/partials/tsp-print-*.html).

Pure functions: data in, dicts out; the markup lives in the partials.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal, Optional

import yaml
from mkdocs.utils import get_relative_url
from pydantic import AfterValidator, Field, PositiveInt

from ..languages import Languages
from .base import Loc, NonEmptyStr, Strict, Text, duplicates
from .contacts import Contacts, contact_views, number_views
from .datafile import SAFE_LOADER, quoted
from .incident import Incident, blank_checklist, form_view
from .routine import Identifier, Routine
from .situations import Situations

# Where the PDFs of one language go, relative to that language's site root.
PDF_DIR = "pdf"
# The contacts that fit on a 112 card, besides 112 and 114 14.
CARD_KINDS = ["partiets_sakerhetsansvarig", "sakerhetsstrateg", "polisen"]
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


class Entry(Strict):
    """One line of data/printables.yml: a printable, or `- situations: all`
    (here come the action cards of data/situations.yml)."""

    id: Optional[Identifier] = None
    page: Optional[Annotated[NonEmptyStr, AfterValidator(_page)]] = None
    title: Optional[Text] = None
    max_pages: Optional[PositiveInt] = None
    situations: Optional[Literal["all"]] = None

    def printable(self) -> Printable:
        return Printable(id=self.id, page=self.page, title=self.title, max_pages=self.max_pages)


class PrintablesFile(Strict):
    printables: list[Entry] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        found: list[tuple[Loc, str]] = []
        listed = []
        for i, entry in enumerate(self.printables):
            loc = ("printables", i)
            if entry.situations:
                found += [(loc + (name,), "an entry `situations: all` has no other fields")
                          for name in ("id", "page", "title", "max_pages")
                          if getattr(entry, name) is not None]
                continue
            missing = [name for name in ("id", "page", "title") if getattr(entry, name) is None]
            found += [(loc + (name,), "required field is missing") for name in missing]
            if not missing:
                listed.append(entry.printable())
        if not found and listed:
            found += Printables(printables=listed).problems()
        return found


def with_situations(file: PrintablesFile, situations: Situations) -> Printables:
    """The printables in order, the marker replaced by one card per situation."""
    out: list[Printable] = []
    for entry in file.printables:
        if entry.situations:
            out += [Printable(id=s.printable.id, page=s.url, title=s.printable.title,
                              max_pages=s.printable.max_pages)
                    for s in situations.situations if s.printable]
        else:
            out.append(entry.printable())
    return Printables(printables=out)


def page_source(docs: Path, page: str, lang: str, languages: Languages) -> Path | None:
    """The Markdown file of a page path in a language (NAME.md or NAME/index.md)."""
    stem = page.rstrip("/")
    for source in (docs / languages.source(f"{stem}.md", lang),
                   docs / languages.source(f"{stem}/index.md", lang)):
        if source.is_file():
            return source
    return None


def _front_matter(source: Path) -> dict:
    match = FRONT_MATTER.match(source.read_text(encoding="utf-8"))
    try:
        meta = yaml.load(match.group(1), Loader=SAFE_LOADER) if match else None
    except yaml.YAMLError:
        return {}  # the build reports the page's own front matter
    return meta if isinstance(meta, dict) else {}


def missing_pages(printables: Printables | PrintablesFile, docs: Path) -> list[tuple[Loc, str]]:
    """Each printable's page must exist in docs/ in both languages and load the
    print script (tsp-print.js), which tells the PDF step the page is ready."""
    languages = Languages.from_file(docs.parent / "mkdocs.yml")
    found = []
    for i, p in enumerate(printables.printables):
        if getattr(p, "situations", None) or p.page is None:
            continue
        stem = p.page.rstrip("/")
        for lang in languages:
            source = page_source(docs, p.page, lang, languages)
            if source is None:
                found.append((("printables", i, "page"),
                              f"no page '{p.page}' in docs/ (looked for "
                              f"docs/{languages.source(stem + '.md', lang)})"))
                break
            if _front_matter(source).get("tsp_light"):
                found.append((("printables", i, "page"),
                              f"'{p.page}' cannot be printed: docs/{source.relative_to(docs).as_posix()} "
                              f"has tsp_light: true, so it loads no print script"))
                break
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
