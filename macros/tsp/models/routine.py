"""data/routine.yml (Bilaga 3): roles, steps and rows, and what the pages need from them."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, Field

from .base import Loc, NonEmptyStr, Strict, Text, duplicates

STEP_PATTERN = re.compile(r"^\d+\.\d+\.\d+$")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _step_number(value: str) -> str:
    if not STEP_PATTERN.match(value):
        raise ValueError(f"'{value}' is not a step number: write it like \"3.1.1\"")
    return value


def _identifier(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"'{value}' is not a valid id: use lowercase letters, digits, - and _")
    return value


StepNumber = Annotated[NonEmptyStr, AfterValidator(_step_number)]
Identifier = Annotated[NonEmptyStr, AfterValidator(_identifier)]


class Role(Strict):
    id: Identifier
    name: Text
    # Base roles this combined role consists of ("i samråd", "och/eller").
    members: list[Identifier] = Field(default_factory=list)


class Row(Strict):
    id: Identifier
    action: Text
    responsible: Identifier
    # The sub-list printed under the action (target groups in 3.2.3).
    targets: list[Text] = Field(default_factory=list)


class Step(Strict):
    id: StepNumber
    title: Text
    rows: list[Row] = Field(min_length=1)

    @property
    def slug(self) -> str:
        """'3.1.1' -> '3-1-1' (used in the anchors steg-3-1-1 and s3-1-1)."""
        return self.id.replace(".", "-")


class Routine(Strict):
    last_reviewed: dt.date
    owner: Text
    roles: list[Role] = Field(min_length=1)
    steps: list[Step] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        """Unknown and duplicate ids, which the field types cannot see."""
        found: list[tuple[Loc, str]] = []
        found += duplicates(((("roles", i, "id"), r.id) for i, r in enumerate(self.roles)), "role")
        found += duplicates(((("steps", i, "id"), s.id) for i, s in enumerate(self.steps)), "step")
        found += duplicates(
            ((("steps", i, "rows", j, "id"), row.id)
             for i, s in enumerate(self.steps) for j, row in enumerate(s.rows)), "row")
        base = [r.id for r in self.roles if not r.members]
        for i, role in enumerate(self.roles):
            for k, member in enumerate(role.members):
                if member not in base:
                    found.append((("roles", i, "members", k),
                                  f"unknown base role '{member}' (known: {', '.join(base)})"))
        known = [r.id for r in self.roles]
        for i, step in enumerate(self.steps):
            for j, row in enumerate(step.rows):
                if row.responsible not in known:
                    found.append((("steps", i, "rows", j, "responsible"),
                                  f"unknown role '{row.responsible}' (known: {', '.join(known)})"))
        return found

    # --- what templates need -------------------------------------------------
    def role(self, role_id: str) -> Role:
        return next(r for r in self.roles if r.id == role_id)

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def base_roles(self) -> list[Role]:
        return [r for r in self.roles if not r.members]

    def rows(self) -> list[tuple[Step, Row]]:
        """Every row in order, with its step."""
        return [(s, row) for s in self.steps for row in s.rows]

    def table_anchors(self) -> frozenset[str]:
        """The ids tsp-routine-table.html writes: steg-<step> and rad-<row id>."""
        return frozenset([f"steg-{s.slug}" for s in self.steps]
                         + [f"rad-{row.id}" for _, row in self.rows()])


def row_view(step: Step, row: Row, routine: Routine, lang: str, first: bool) -> dict:
    """One table row in one language."""
    return {
        "id": row.id,
        "step": step.id,
        "slug": step.slug,
        "first": first,
        "span": len(step.rows),
        "action": row.action(lang),
        "targets": [t(lang) for t in row.targets],
        "responsible": routine.role(row.responsible).name(lang),
        "responsible_id": row.responsible,
    }


def table_rows(routine: Routine, lang: str, steps: list[str] | None = None) -> list[dict]:
    """Bilaga 3 rows (optionally only of some steps) in order, in one language."""
    out = []
    for step in routine.steps:
        if steps is not None and step.id not in steps:
            continue
        for j, row in enumerate(step.rows):
            out.append(row_view(step, row, routine, lang, first=(j == 0)))
    return out


def duties(routine: Routine, lang: str) -> list[dict]:
    """For each base role that owns rows, the steps and rows it owns alone or jointly."""
    out = []
    for role in routine.base_roles():
        steps = []
        for step in routine.steps:
            rows = [row_view(step, row, routine, lang, first=False) for row in step.rows
                    if row.responsible == role.id or role.id in routine.role(row.responsible).members]
            if rows:
                steps.append({"id": step.id, "slug": step.slug, "title": step.title(lang), "rows": rows})
        if steps:
            out.append({"id": role.id, "name": role.name(lang), "steps": steps})
    return out
