"""The model of data/situations.yml: the one list of Bilaga 2's situations.

data/situations.yml: the situations of Bilaga 2, the one source of every
list, summary, "next situation" link and action card of the site.

Checked against the plan (macros/tsp/models/plan.py): the numbers are the plan's
situations, the Swedish `first` sentences are the plan's own words, and they
keep every sentence of the situation that says "alltid" or "inte".
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .. import ROOT
from typing import Annotated, Optional

from pydantic import AfterValidator, Field, PositiveInt

from .datafile import DataError, load_model, quoted
from .base import Loc, NonEmptyStr, Strict, Text, duplicates
from .plan import Corrections, Plan, contains, load_plan, read_reference, words
from .routine import Identifier

# Short numbers in the situations' sentences become tel: links (dialled as written).
PHONE = re.compile(r"\b(112)\b")


class Action(Strict):
    sv: NonEmptyStr
    en: NonEmptyStr
    # The site's own explanation of the sentence (shown as marked guidance).
    note: Optional[Text] = None


# A Markdown file inside docs/: planen/bilaga-2/1-pagaende-situationer.md.
PAGE_PATTERN = re.compile(r"^([a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_-]*\.md$")
MAX_PAGE = 200  # a file name has at most 255 bytes


def _page(value: str) -> str:
    if len(value) > MAX_PAGE or not PAGE_PATTERN.match(value):
        raise ValueError(f"'{quoted(value)}' must be a page in docs/ like "
                         f"planen/bilaga-2/1-pagaende-situationer.md (at most {MAX_PAGE} characters)")
    return value


class SituationPrintable(Strict):
    id: Identifier
    title: Text
    # An action card is one sheet; a card with a checklist to write on may take more.
    max_pages: int = Field(default=1, gt=0, le=4)


class Situation(Strict):
    id: NonEmptyStr
    number: PositiveInt
    page: Annotated[NonEmptyStr, AfterValidator(_page)]
    title: Text
    short: Text
    description: Text
    first: list[Action] = Field(min_length=1)
    printable: Optional[SituationPrintable] = None
    search: list[NonEmptyStr] = Field(default_factory=list)

    @property
    def url(self) -> str:
        """Built Swedish page path: 'planen/bilaga-2/9-brevhot/'."""
        return self.page[:-3] + "/"


class Situations(Strict):
    situations: list[Situation] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        items = list(enumerate(self.situations))
        found = duplicates(((("situations", i, "id"), s.id) for i, s in items), "situation")
        found += [(("situations", i, "number"), f"number {s.number} is not in order: "
                   f"situation {i + 1} of the list must be number {i + 1}")
                  for i, s in items if s.number != i + 1]
        found += [(("situations", i, "page"), f"'{s.page}' must be a docs path ending in .md")
                  for i, s in items if not s.page.endswith(".md") or s.page.startswith("/")]
        return found


def plan_problems(situations: Situations, plan: Plan, docs: Path) -> list[tuple[Loc, str]]:
    """The situations against the plan's text and the docs folder."""
    found: list[tuple[Loc, str]] = []
    numbers = plan.situations()
    listed = [s.number for s in situations.situations]
    for number in numbers:
        if number not in listed:
            found.append((("situations",), f"the plan's situation {number} is missing"))
    for i, s in enumerate(situations.situations):
        loc = ("situations", i)
        for lang in ("sv", "en"):
            source = s.page if lang == "sv" else s.page[:-3] + f".{lang}.md"
            if not (docs / source).is_file():
                found.append((loc + ("page",), f"no page docs/{source}"))
        if s.number not in numbers:
            found.append((loc + ("number",), f"the plan (data/plan-reference.txt) has no "
                          f"situation {s.number} in Bilaga 2"))
            continue
        text = plan.words(f"bilaga-2-{s.number}")
        for a, action in enumerate(s.first):
            if not contains(text, words(action.sv)):
                found.append((loc + ("first", a, "sv"),
                              f"'{action.sv}' is not the plan's words in situation {s.number} "
                              f"(quote a sentence of data/plan-reference.txt, or declare a "
                              f"correction in data/corrections.yml)"))
        quoted = [words(action.sv) for action in s.first]
        for must in plan.musts(s.number):
            if not any(contains(q, words(must)) for q in quoted):
                found.append((loc + ("first",), f"leaves out the plan's sentence '{must}' "
                              f"(every 'alltid' and 'inte' of the situation must be kept)"))
    return found


def load_situations(root: Path = ROOT, corrections: Corrections | None = None) -> Situations:
    """data/situations.yml, checked against the plan (with corrections, if
    already loaded, else read from data/corrections.yml)."""
    def checks(situations: Situations) -> list[tuple[Loc, str]]:
        try:
            plan = Plan(read_reference(root), corrections) if corrections else load_plan(root)
        except DataError:
            return []  # reported by data/corrections.yml itself
        return plan_problems(situations, plan, root / "docs")

    return load_model(root / "data" / "situations.yml", Situations, "data/situations.yml",
                      checks=checks)


def segments(text: str) -> list[tuple[str, str]]:
    """'ring Polisen, 112.' -> [('text', 'ring Polisen, '), ('tel', '112'), ('text', '.')]."""
    out = []
    for n, piece in enumerate(PHONE.split(text)):
        if piece:
            out.append(("tel" if n % 2 else "text", piece))
    return out


def docs_link(target: str, from_src: str) -> str:
    """Relative Markdown link from the docs file from_src to the docs file target."""
    return posixpath.relpath(target, posixpath.dirname(from_src) or ".")


def situation_views(situations: Situations, lang: str, from_src: str) -> list[dict]:
    """What the partials print for each situation, links relative to from_src."""
    return [{
        "number": s.number,
        "id": s.id,
        "link": docs_link(s.page, from_src),
        "title": s.title(lang),
        "short": s.short(lang),
        "description": s.description(lang),
        "first": [{"segments": segments(getattr(a, lang, None) or a.sv),
                   "note": a.note(lang) if a.note else None} for a in s.first],
    } for s in situations.situations]


def find(situations: Situations, src: str) -> Optional[Situation]:
    """The situation whose page is the docs file src (either language)."""
    stem = re.sub(r"(\.[a-z]{2})?\.md$", "", src)
    return next((s for s in situations.situations if s.page[:-3] == stem), None)
