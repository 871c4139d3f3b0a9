"""data/course.yml: the self-service course "Trygg politiker" and the trainer's kit.

Cross-field checks (exactly one correct choice, unique ids, link targets that
exist in both languages, no answer given away by its place or its length) are
reported by ``problems()`` with file and line.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
import math
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
# No place in the shown order may hold more than this share of the right answers,
# and the right answer may be the longest choice in at most this share of questions.
MAX_POSITION_SHARE = 0.4
MAX_LONGEST_SHARE = 0.5
# Answering the final test by one rule (always choice N, always the longest)
# may pass it with at most this probability.
MAX_GUESS_PASS = 0.01


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

    def order(self) -> list[int]:
        """Indexes of the choices in the order they are shown, on screen, in
        print and in every language: a fixed shuffle seeded by the question's id.
        Moving a choice in the data moves it in the shown order too."""
        return sorted(range(len(self.choices)),
                      key=lambda i: hashlib.sha256(f"{self.id}:{i}".encode()).hexdigest())

    def right_place(self) -> int:
        """Where the right answer is shown (0 = first)."""
        right = next((i for i, c in enumerate(self.choices) if c.correct), 0)
        return self.order().index(right)

    def right_is_longest(self, lang: str) -> bool:
        """True when no wrong choice is as long as the right one."""
        lengths = [(len(c.text(lang)), c.correct) for c in self.choices]
        right = max((n for n, correct in lengths if correct), default=0)
        return all(n < right for n, correct in lengths if not correct)


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


class FinalTest(Strict):
    """The certificate's test: one question per situation, drawn from the bank."""

    pass_percent: int = Field(ge=50, le=100)

    def pass_mark(self, count: int) -> int:
        return math.ceil(count * self.pass_percent / 100)


class Course(Strict):
    title: Text
    final_test: FinalTest
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
        if not out:
            out += self.cue_problems()
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
            pages: dict[Path, str] = {}  # each page read once for all its links
            for loc, link in self.links():
                message = link_problem(self.docs_dir, self.languages, link, self.macro_anchors,
                                       pages)
                if message:
                    out.append((loc, message))
        return out


    def questions(self) -> list[tuple[Loc, Question]]:
        return [(("modules", m, "questions", q), question)
                for m, module in enumerate(self.modules)
                for q, question in enumerate(module.questions)]

    def test_pools(self) -> dict[int, list[Question]]:
        """The final test's questions: situation number -> the questions that train it."""
        pools: dict[int, list[Question]] = {}
        for _, question in self.questions():
            if question.situation is not None:
                pools.setdefault(question.situation, []).append(question)
        return dict(sorted(pools.items()))

    def cue_problems(self) -> list[tuple[Loc, str]]:
        """A learner who always picks the same place, or the longest choice,
        must not pass: not a module, not the final test."""
        out: list[tuple[Loc, str]] = []
        languages = list(Text.model_fields)  # the languages every text is written in
        located = self.questions()
        places = max(len(q.choices) for _, q in located)
        for place in range(places):
            hits = [loc for loc, q in located if q.right_place() == place]
            if len(hits) > MAX_POSITION_SHARE * len(located):
                out.append((hits[-1] + ("choices",),
                            f"choice {place + 1} is the right answer in {len(hits)} of "
                            f"{len(located)} questions (at most {MAX_POSITION_SHARE:.0%}): "
                            "move the right answer of this question to another place in its list"))
        for lang in languages:
            hits = [loc for loc, q in located if q.right_is_longest(lang)]
            if len(hits) > MAX_LONGEST_SHARE * len(located):
                out.append((hits[-1] + ("choices",),
                            f"the right answer is the longest choice ({lang}) in {len(hits)} of "
                            f"{len(located)} questions (at most {MAX_LONGEST_SHARE:.0%}): "
                            "give this question a wrong choice at least as long"))
        for m, module in enumerate(self.modules):
            loc = ("modules", m, "questions")
            for place in range(places):
                if all(q.right_place() == place for q in module.questions):
                    out.append((loc, f"always choosing choice {place + 1} answers every question "
                                     "of this module right: move one right answer"))
            for lang in languages:
                if all(q.right_is_longest(lang) for q in module.questions):
                    out.append((loc, f"always choosing the longest choice ({lang}) answers every "
                                     "question of this module right: lengthen a wrong choice"))
        pools = list(self.test_pools().values())
        if pools:
            mark = self.final_test.pass_mark(len(pools))
            rules = [(f"always choice {p + 1}", lambda q, p=p: q.right_place() == p)
                     for p in range(places)]
            rules += [(f"always the longest ({lang})", lambda q, lang=lang: q.right_is_longest(lang))
                      for lang in languages]
            for name, rule in rules:
                chance = pass_chance([sum(map(rule, pool)) / len(pool) for pool in pools], mark)
                if chance > MAX_GUESS_PASS:
                    out.append((("final_test", "pass_percent"),
                                f"answering '{name}' passes the final test with a chance of "
                                f"{chance:.1%} (at most {MAX_GUESS_PASS:.0%}): raise the pass "
                                "mark or vary where the right answers are"))
        return out


def pass_chance(right: list[float], mark: int) -> float:
    """Chance of at least `mark` right answers when question i is right with
    probability right[i] (one question drawn per situation)."""
    scores = [1.0]  # scores[k]: chance of k right so far
    for p in right:
        scores = [(scores[k] if k < len(scores) else 0.0) * (1 - p)
                  + (scores[k - 1] * p if k else 0.0) for k in range(len(scores) + 1)]
    return sum(scores[mark:])


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
                 macro_anchors: Mapping[str, Optional[frozenset[str]]] = {},
                 pages: Optional[dict[Path, str]] = None) -> str:
    """Why path does not resolve in every language, or '' if it does (pages:
    the texts already read, by path, filled in as it reads)."""
    pages = {} if pages is None else pages
    page, anchor = split(path)
    # A file name has at most 255 bytes: longer ones would fail in is_file().
    if (not page.endswith(".md") or page.startswith("/") or ".." in page.split("/")
            or len(path.encode("utf-8")) > MAX_PATH or "\\" in path):
        return f"'{quoted(path)}' must be a docs path like planen/3-hantera.md"
    for lang in languages:
        source = docs_dir / languages.source(page, lang)
        if source not in pages:
            if not source.is_file():
                return f"the page docs/{languages.source(page, lang)} does not exist"
            pages[source] = source.read_text(encoding="utf-8")
        markdown = pages[source]
        written = called_macro_anchors(markdown, macro_anchors)
        if anchor and (written is None or anchor in written):
            continue
        if not heading(markdown, anchor):
            what = f"heading with the id {{#{anchor}}}" if anchor else "level-1 heading (# Title)"
            return f"docs/{languages.source(page, lang)} has no {what}"
    return ""


FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*(\{:?[^}\n]*\})?\s*$", re.MULTILINE)


# Keyed by the page's whole text: a small cache, so a long `make serve` keeps
# few old versions of the pages in memory.
@lru_cache(maxsize=256)
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
