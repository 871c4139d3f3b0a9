"""data/course.yml: the self-service course "Trygg politiker" and the trainer's kit.

Cross-field checks (exactly one correct choice, unique ids, link targets that
exist in both languages) are reported by ``problems()`` with file and line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar, Mapping, Optional

from pydantic import Field

from ..languages import Languages
from .base import NonEmptyStr, Strict, Text
from .datafile import quoted

Loc = tuple[str | int, ...]
Id = NonEmptyStr  # kebab-case ids, checked in problems()
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_PATH = 200  # bytes of a docs path with its anchor


# A page of this site as a docs path, optionally with an anchor:
# `planen/bilaga-2/6-hot-via-e-post.md` or `planen/3-hantera.md#s3-1-3`.
# The link text is the target's heading, so it follows the plan's own words.
DocsPath = NonEmptyStr


class Choice(Strict):
    text: Text
    correct: bool = False
    feedback: Text


class Question(Strict):
    id: Id
    # Number of the Bilaga 2 situation the question trains, if any
    # (one of data/situations.yml, checked in Course.problems()).
    situation: Optional[int] = Field(default=None, ge=1)
    scenario: Text
    prompt: Text
    choices: list[Choice] = Field(min_length=3, max_length=4)
    see: DocsPath


class KeyPoint(Strict):
    """One idea: shown on the module page and as one slide."""

    text: Text
    see: DocsPath


class Module(Strict):
    id: Id
    page: NonEmptyStr  # docs path of the module page, e.g. utbildning/modul-1-varfor.md
    title: Text
    minutes: int = Field(ge=1, le=15)
    key_points: list[KeyPoint] = Field(min_length=1)
    questions: list[Question] = Field(min_length=2)


class SessionPart(Strict):
    """One part of the 90-minute introduction course."""

    id: Id
    title: Text
    minutes: int = Field(ge=1, le=60)
    module: Optional[Id] = None  # its key points become the part's slides
    aims: list[Text] = Field(min_length=1)
    show: list[DocsPath] = Field(default_factory=list)
    discuss: list[Text] = Field(default_factory=list)


class Turn(Strict):
    ask: Text
    answer: Text
    see: DocsPath


class Case(Strict):
    """A discussion case for group work, told in turns."""

    id: Id
    title: Text
    situation: Optional[int] = Field(default=None, ge=1)
    setup: Text
    turns: list[Turn] = Field(min_length=1)


class Course(Strict):
    title: Text
    modules: list[Module] = Field(min_length=1)
    session_plan: list[SessionPart] = Field(min_length=1)
    cases: list[Case] = Field(default_factory=list)

    # Set by course_model(): where link targets are looked up, in which
    # languages, and the ids that macros write from data (macro name -> ids),
    # which no Markdown holds.
    docs_dir: ClassVar[Optional[Path]] = None
    languages: ClassVar[Optional[Languages]] = None
    macro_anchors: ClassVar[Mapping[str, Optional[frozenset[str]]]] = {}
    # The situation numbers of data/situations.yml (None: not checked).
    situation_numbers: ClassVar[Optional[frozenset[int]]] = None

    def links(self) -> list[tuple[Loc, str]]:
        found: list[tuple[Loc, str]] = []
        for m, module in enumerate(self.modules):
            found.append((("modules", m, "page"), module.page))
            for k, point in enumerate(module.key_points):
                found.append((("modules", m, "key_points", k, "see"), point.see))
            for q, question in enumerate(module.questions):
                found.append((("modules", m, "questions", q, "see"), question.see))
        for p, part in enumerate(self.session_plan):
            for s, link in enumerate(part.show):
                found.append((("session_plan", p, "show", s), link))
        for c, case in enumerate(self.cases):
            for t, turn in enumerate(case.turns):
                found.append((("cases", c, "turns", t, "see"), turn.see))
        return found

    def problems(self) -> list[tuple[Loc, str]]:
        out: list[tuple[Loc, str]] = []
        out += _id_problems(("modules",), [m.id for m in self.modules])
        question_ids: list[tuple[Loc, str]] = []
        for m, module in enumerate(self.modules):
            for q, question in enumerate(module.questions):
                loc = ("modules", m, "questions", q)
                question_ids.append((loc + ("id",), question.id))
                correct = sum(1 for c in question.choices if c.correct)
                if correct != 1:
                    out.append((loc + ("choices",),
                                f"exactly one choice must be correct (found {correct})"))
        out += _duplicates(question_ids)
        out += _id_problems(("session_plan",), [p.id for p in self.session_plan])
        out += _id_problems(("cases",), [c.id for c in self.cases])
        module_ids = {m.id for m in self.modules}
        for p, part in enumerate(self.session_plan):
            if part.module is not None and part.module not in module_ids:
                out.append((("session_plan", p, "module"),
                            f"no module has the id '{part.module}'"))
        if self.situation_numbers is not None:
            numbered = [(("modules", m, "questions", q, "situation"), question.situation)
                        for m, module in enumerate(self.modules)
                        for q, question in enumerate(module.questions)]
            numbered += [(("cases", c, "situation"), case.situation)
                         for c, case in enumerate(self.cases)]
            known = ", ".join(str(n) for n in sorted(self.situation_numbers))
            out += [(loc, f"there is no situation {number} in data/situations.yml ({known})")
                    for loc, number in numbered
                    if number is not None and number not in self.situation_numbers]
        if self.docs_dir is not None and self.languages is not None:
            for loc, link in self.links():
                message = link_problem(self.docs_dir, self.languages, link, self.macro_anchors)
                if message:
                    out.append((loc, message))
        return out


def _id_problems(loc: Loc, ids: list[str]) -> list[tuple[Loc, str]]:
    return _duplicates([(loc + (i, "id"), value) for i, value in enumerate(ids)])


def _duplicates(ids: list[tuple[Loc, str]]) -> list[tuple[Loc, str]]:
    out: list[tuple[Loc, str]] = []
    seen: set[str] = set()
    for loc, value in ids:
        if not ID_PATTERN.match(value):
            out.append((loc, f"'{value}' must be lowercase letters, digits and dashes"))
        if value in seen:
            out.append((loc, f"the id '{value}' is used twice; ids must be unique"))
        seen.add(value)
    return out


def split(path: str) -> tuple[str, str]:
    """'planen/3-hantera.md#s3-1' -> ('planen/3-hantera.md', 's3-1')."""
    page, _, anchor = path.partition("#")
    return page, anchor


def link_problem(docs_dir: Path, languages: Languages, path: str,
                 macro_anchors: Mapping[str, Optional[frozenset[str]]] = {}) -> str:
    """Why path does not resolve in every language, or '' if it does."""
    page, anchor = split(path)
    # A file name has at most 255 bytes: longer ones would fail in is_file().
    if (not page.endswith(".md") or page.startswith("/") or ".." in page.split("/")
            or len(path.encode("utf-8")) > MAX_PATH or "\\" in path):
        return f"'{quoted(path)}' must be a docs path like planen/3-hantera.md"
    for lang in languages:
        source = docs_dir / languages.source(page, lang)
        if not source.is_file():
            return f"the page docs/{languages.source(page, lang)} does not exist"
        markdown = source.read_text(encoding="utf-8")
        written = called_macro_anchors(markdown, macro_anchors)
        if anchor and (written is None or anchor in written):
            continue
        if not heading(markdown, anchor):
            what = f"heading with the id {{#{anchor}}}" if anchor else "level-1 heading (# Title)"
            return f"docs/{languages.source(page, lang)} has no {what}"
    return ""


FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(\{:?[^}\n]*\})?\s*$", re.MULTILINE)


def heading(markdown: str, anchor: str = "") -> str:
    """Text of the heading with {#anchor}; for an anchor on another block
    (a table row, a list), or no anchor, the page's level-1 heading."""
    markdown = FRONT_MATTER.sub("", markdown)  # its YAML comments are not headings
    title = ""
    for match in HEADING.finditer(markdown):
        attrs = match.group(2) or ""
        if anchor and re.search(r"#" + re.escape(anchor) + r"(\s|\})", attrs):
            return match.group(1)
        if not title and match.group(0).startswith("# "):
            title = match.group(1)
    if anchor and not re.search(r"(\{:?[^}\n]*#|id=\")" + re.escape(anchor) + r"[\s}\"]", markdown):
        return ""
    return title


def called_macro_anchors(markdown: str,
                         macro_anchors: Mapping[str, Optional[frozenset[str]]]) -> Optional[set[str]]:
    """Ids written by the macros this page calls ({{ routine_table() }} -> steg-3-1-1 …);
    None when a called macro's data did not load (its own file reports why)."""
    found: set[str] = set()
    for name, ids in macro_anchors.items():
        if re.search(r"\{\{-?\s*" + re.escape(name) + r"\s*\(", markdown):
            if ids is None:
                return None
            found |= ids
    return found


def link_label(docs_dir: Path, languages: Languages, path: str, lang: str) -> str:
    """The heading with the anchor; for an id a macro writes (checked by
    link_problem), the page's level-1 heading."""
    page, anchor = split(path)
    markdown = (docs_dir / languages.source(page, lang)).read_text(encoding="utf-8")
    return heading(markdown, anchor) or heading(markdown)


def course_model(docs_dir: Path, languages: Languages,
                 macro_anchors: Mapping[str, Optional[frozenset[str]]] = {},
                 situation_numbers: Optional[frozenset[int]] = None) -> type[Course]:
    """Course whose problems() also check link targets under docs_dir in every
    language (an anchor may also be one of the ids a macro called on the target
    page writes) and situation numbers against data/situations.yml."""
    return type("Course", (Course,), {"docs_dir": docs_dir, "languages": languages,
                                      "macro_anchors": macro_anchors,
                                      "situation_numbers": situation_numbers})
