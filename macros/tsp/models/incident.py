"""data/incident.yml (Bilaga 5): the incident report form, built on the routine."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Loc, Strict, Text, duplicates
from .routine import Identifier, Routine, StepNumber, table_rows


class Question(Strict):
    id: Identifier
    question: Text
    guidance: Text


class Part1(Strict):
    title: Text
    questions: list[Question] = Field(min_length=1)


class Check(Strict):
    id: Identifier
    # yes_no: a Ja/Nej question; comment: a free-text prompt.
    kind: Literal["yes_no", "comment"]
    text: Text


class Block(Strict):
    id: Identifier
    steps: list[StepNumber] = Field(min_length=1)
    checks: list[Check] = Field(min_length=1)


class Part2(Strict):
    title: Text
    blocks: list[Block] = Field(min_length=1)


class Meeting(Strict):
    id: Identifier
    title: Text


class MeetingFields(Strict):
    date: Text
    present: Text
    documentation: Text


class Part3(Strict):
    title: Text
    meetings: list[Meeting] = Field(min_length=1)
    fields: MeetingFields


class FormField(Strict):
    id: Identifier
    text: Text


class Closing(Strict):
    title: Text
    routine_applied: FormField
    improvements: list[FormField] = Field(min_length=1)


class Incident(Strict):
    # The largest answers file the form reads; a full report is a few kilobytes.
    import_limit_kb: int = Field(gt=0, le=10240)
    part1: Part1
    part2: Part2
    part3: Part3
    closing: Closing

    def problems(self) -> list[tuple[Loc, str]]:
        """Every form field id must be unique (they become HTML ids)."""
        ids = [(("part1", "questions", i, "id"), q.id) for i, q in enumerate(self.part1.questions)]
        ids += [(("part2", "blocks", b, "checks", i, "id"), c.id)
                for b, block in enumerate(self.part2.blocks) for i, c in enumerate(block.checks)]
        ids += [(("part3", "meetings", i, "id"), m.id) for i, m in enumerate(self.part3.meetings)]
        ids += [(("closing", "routine_applied", "id"), self.closing.routine_applied.id)]
        ids += [(("closing", "improvements", i, "id"), f.id)
                for i, f in enumerate(self.closing.improvements)]
        found = duplicates(ids, "form field")
        found += duplicates(((("part2", "blocks", i, "id"), b.id)
                             for i, b in enumerate(self.part2.blocks)), "block")
        return found


def step_problems(incident: Incident, routine: Routine) -> list[tuple[Loc, str]]:
    """Part 2 may only name steps that exist in data/routine.yml."""
    known = [s.id for s in routine.steps]
    return [(("part2", "blocks", b, "steps", i), f"unknown step '{step}' (known: {', '.join(known)})")
            for b, block in enumerate(incident.part2.blocks)
            for i, step in enumerate(block.steps) if step not in known]


def field_id(part: str, *ids: str) -> str:
    """Form field name/id: ('p2', 'strategist_contacted') -> 'p2-strategist-contacted'."""
    return "-".join((part,) + tuple(i.replace("_", "-") for i in ids))


def form_view(incident: Incident, routine: Routine, lang: str) -> dict:
    """Everything the form partial prints, in one language."""
    return {
        "import_limit_bytes": incident.import_limit_kb * 1024,
        "part1": {
            "title": incident.part1.title(lang),
            "questions": [{"id": field_id("p1", q.id), "question": q.question(lang),
                           "guidance": q.guidance(lang)} for q in incident.part1.questions],
        },
        "part2": {
            "title": incident.part2.title(lang),
            "blocks": [{
                "id": field_id("p2-block", b.id),
                "rows": table_rows(routine, lang, steps=b.steps),
                "checks": [{"id": field_id("p2", c.id), "kind": c.kind, "text": c.text(lang)}
                           for c in b.checks],
            } for b in incident.part2.blocks],
        },
        "part3": {
            "title": incident.part3.title(lang),
            "meetings": [{
                "title": m.title(lang),
                "fields": [{"id": field_id("p3", m.id, key), "label": label(lang), "key": key}
                           for key, label in incident.part3.fields],
            } for m in incident.part3.meetings],
        },
        "closing": {
            "title": incident.closing.title(lang),
            "applied": {"id": field_id("p3", incident.closing.routine_applied.id),
                        "text": incident.closing.routine_applied.text(lang)},
            "improvements": [{"id": field_id("p3", f.id), "text": f.text(lang)}
                             for f in incident.closing.improvements],
        },
    }


def blank_checklist(incident: Incident, routine: Routine, lang: str) -> list[dict]:
    """Part 2 only (for a print page): blocks with their routine rows and checks."""
    return form_view(incident, routine, lang)["part2"]["blocks"]
