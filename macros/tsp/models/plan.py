"""The adopted plan's text and its declared corrections, for checking the site against them.

The adopted plan's own text (data/plan-reference.txt) and the declared
corrections to it (data/corrections.yml).

The reference is the plan as adopted, copied word for word.
Its parts are found by their headings; a correction replaces its `original`
by its `new` text in one part. The Swedish site must carry the corrected text
word for word (tests/test_plan_reference.py), and the situations' quotes in
data/situations.yml must be the plan's words (macros/tsp/models/situations.py).

Words are compared, not punctuation: the reference is a text export of the
plan, whose bullets carry no full stops and whose dashes vary.
"""

from __future__ import annotations

import re
from typing import Callable
from functools import lru_cache
from pathlib import Path

from .. import ROOT

from pydantic import Field

from .datafile import DataError, Problem, load_model
from .base import Loc, NonEmptyStr, Strict, Text

REFERENCE = "data/plan-reference.txt"

# The plan's parts, in order, each found by the line that starts it.
# Bilaga 2's situations ("N. Title" lines) are found between Bilaga 2 and 3.
PART_HEADINGS = [
    ("1", "1. Inledning"),
    ("2", "2. Förebyggande arbete"),
    ("3", "3. Hantera uppkomna hot- och våldssituationer eller trakasserier"),
    ("bilaga-1", "Vägledning för egen riskanalys i vardagen"),
    ("bilaga-2", "Vägledning för hantering av hot- eller våldssituationer"),
    ("bilaga-3", "Rutin för hantering av hot- och våldssituationer eller trakasserier riktade mot förtroendevalda"),
    ("bilaga-4", "Kontaktlista"),
    ("bilaga-5", "Incidentrapport och händelsedokumentation"),
]
SITUATION_LINE = re.compile(r"^(\d+)\.\s+\S")
WORD = re.compile(r"\w+")
MUST = re.compile(r"\b(alltid|inte)\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The words of a text, punctuation dropped: 'Tal; långsamt' -> ['Tal', 'långsamt']."""
    return WORD.findall(text)


def normal(text: str) -> str:
    return " ".join(text.split())


def part_label(part: str, text: Callable[[str], str] | None = None) -> str:
    """'bilaga-2-7' -> 'Bilaga 2, situation 7', with the words of data/strings.yml
    (text(key) in the reader's language; Swedish, the plan's own, when not given)."""
    text = text or SWEDISH_PARTS.get
    match = re.fullmatch(r"bilaga-(\d)(?:-(\d+))?", part)
    if match:
        label = f"{text('plan_part_annex')} {match.group(1)}"
        return label + (f", {text('plan_part_situation')} {match.group(2)}" if match.group(2) else "")
    if part == "front":
        return text("plan_part_front")
    return f"{text('plan_part_section')} {part}"


# The plan's own words for its parts, for messages about data/corrections.yml.
SWEDISH_PARTS = {"plan_part_annex": "Bilaga", "plan_part_section": "Avsnitt",
                 "plan_part_situation": "situation", "plan_part_front": "Försättsblad och innehåll"}


def split_parts(text: str) -> dict[str, list[str]]:
    """{part id: its lines}: 'front' (title, facts, contents), '1', '2', '3',
    'bilaga-1', 'bilaga-2' (its introduction), 'bilaga-2-1' …, 'bilaga-3' …"""
    lines = [line.rstrip() for line in text.splitlines()]
    starts: list[tuple[int, str]] = []
    heading_index = 0
    in_bilaga_2 = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if heading_index < len(PART_HEADINGS) and stripped == PART_HEADINGS[heading_index][1]:
            part = PART_HEADINGS[heading_index][0]
            starts.append((index, part))
            in_bilaga_2 = part == "bilaga-2"
            heading_index += 1
            continue
        match = SITUATION_LINE.match(stripped) if in_bilaga_2 else None
        if match:
            starts.append((index, f"bilaga-2-{match.group(1)}"))
    parts = {"front": lines[:starts[0][0]] if starts else lines}
    for n, (index, part) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        parts[part] = lines[index:end]
    return parts


class Correction(Strict):
    part: NonEmptyStr
    original: NonEmptyStr
    new: str
    reason: Text


class Corrections(Strict):
    corrections: list[Correction] = Field(default_factory=list)


class Plan:
    """The reference text with the corrections applied, by part."""

    def __init__(self, reference: str, corrections: Corrections):
        self.original = {part: normal(" ".join(lines))
                         for part, lines in split_parts(reference).items()}
        self.lines = split_parts(reference)
        self.corrections = corrections
        self.text = dict(self.original)
        self.unmatched: list[tuple[Loc, str]] = []
        for i, c in enumerate(corrections.corrections):
            if c.part not in self.text:
                self.unmatched.append((("corrections", i, "part"),
                                       f"the plan has no part '{c.part}' "
                                       f"(one of {', '.join(self.text)})"))
                continue
            original = normal(c.original)
            if original not in self.text[c.part]:
                self.unmatched.append((("corrections", i, "original"),
                                       f"'{original}' is not in {part_label(c.part)} "
                                       f"of the plan ({REFERENCE})"))
                continue
            self.text[c.part] = self.text[c.part].replace(original, normal(c.new), 1)
            self.lines[c.part] = [line.replace(c.original, c.new, 1) for line in self.lines[c.part]]

    def words(self, part: str) -> list[str]:
        return words(self.text.get(part, ""))

    def situations(self) -> list[int]:
        return sorted(int(p.rsplit("-", 1)[1]) for p in self.text if p.startswith("bilaga-2-"))

    def musts(self, number: int) -> list[str]:
        """The sentences of situation `number` that say 'alltid' or 'inte',
        leaving out the lines that introduce a list ('…inte är möjlig…:')."""
        found = []
        for line in self.corrected_lines(f"bilaga-2-{number}")[1:]:
            text = line.strip().lstrip("-").strip()
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if MUST.search(sentence) and not sentence.endswith(":"):
                    found.append(sentence.rstrip("."))
        return found

    def corrected_lines(self, part: str) -> list[str]:
        """Lines of a part with the corrections that fall inside one line applied."""
        return self.lines.get(part, [])


def contains(haystack: list[str], needle: list[str]) -> bool:
    """needle is a run of consecutive words of haystack."""
    n = len(needle)
    return n > 0 and any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def load_corrections(root: Path = ROOT) -> Corrections:
    return load_model(root / "data" / "corrections.yml", Corrections, "data/corrections.yml",
                      checks=lambda c: Plan(read_reference(root), c).unmatched)


def read_reference(root: Path = ROOT) -> str:
    path = root / REFERENCE
    if not path.is_file():
        raise DataError([Problem(REFERENCE, 1, "(file)", "the file is missing")])
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_plan(root: Path = ROOT) -> Plan:
    return Plan(read_reference(root), load_corrections(root))
