"""Load a YAML file from data/ into a validated model, keeping line numbers.

Every problem is reported as ``data/FILE.yml:LINE: field.path: what is wrong``
so that the person editing the file (often in a web editor) can find it.
No traceback, no half-built site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import yaml
from mkdocs.exceptions import PluginError
from pydantic import BaseModel, ValidationError

Loc = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class DataError(PluginError):
    """One or more problems in the data files; stops the build cleanly."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_loc(loc: Loc) -> str:
    """('steps', 3, 'responsible') -> 'steps[3].responsible'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"


class LineMap:
    """The line (1-based) where each key or list item of a YAML file starts."""

    def __init__(self) -> None:
        self._lines: dict[Loc, int] = {}

    def set(self, loc: Loc, line: int) -> None:
        self._lines[loc] = line

    def line(self, loc: Loc) -> int:
        """Line of loc, or of its nearest parent that exists in the file."""
        loc = tuple(loc)
        while loc not in self._lines and loc:
            loc = loc[:-1]
        return self._lines.get(loc, 1)


class _Reader:
    """Turns a composed YAML node tree into plain data plus a LineMap."""

    def __init__(self, loader: yaml.SafeLoader, rel: str):
        self.loader = loader
        self.rel = rel
        self.lines = LineMap()
        self.problems: list[Problem] = []

    def read(self, node: yaml.Node, loc: Loc) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    self.problems.append(Problem(
                        self.rel, line, format_loc(loc + (str(key_node.value),)),
                        f"the name '{key_node.value}' is read as {type(key).__name__}, "
                        f"not text: put it in quotes, like \"{key_node.value}\""))
                    key = str(key_node.value)
                if key in out:
                    self.problems.append(Problem(
                        self.rel, line, format_loc(loc + (key,)),
                        "this key appears twice; keep one"))
                out[key] = self.read(value_node, loc + (key,))
                self.lines.set(loc + (key,), line)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                items.append(self.read(item, loc + (index,)))
                self.lines.set(loc + (index,), item.start_mark.line + 1)
            return items
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError) as error:
            # e.g. 2026-13-45 looks like a date to YAML but is none.
            self.problems.append(Problem(
                self.rel, node.start_mark.line + 1, format_loc(loc),
                f"'{node.value}' cannot be read: {error}"))
            return node.value


def read_yaml(path: Path, rel: str) -> tuple[Any, LineMap]:
    """Plain data and line numbers of one YAML file, or DataError."""
    if not path.is_file():
        raise DataError([Problem(rel, 1, "(file)", "the file is missing")])
    text = path.read_text(encoding="utf-8")
    # libyaml's loader when PyYAML has it: the same nodes and marks, ~10x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError([Problem(rel, 1, "(file)", "the file is empty")])
        reader = _Reader(loader, rel)
        data = reader.read(node, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = error.problem or "cannot be read"
        raise DataError([Problem(rel, line, "(file)",
                                 f"not valid YAML: {what} (check indentation, "
                                 f"colons and quotes on or just above this line)")])
    except yaml.YAMLError as error:
        raise DataError([Problem(rel, 1, "(file)", f"not valid YAML: {error}")])
    finally:
        loader.dispose()
    if reader.problems:
        raise DataError(reader.problems)
    return data, reader.lines


def _plain_message(error: dict[str, Any]) -> str:
    """Pydantic's error in words for someone who is not a programmer."""
    kind = error["type"]
    loc = error["loc"]
    if kind == "missing":
        if loc and loc[-1] in ("sv", "en"):
            return f"missing translation ({loc[-1]})"
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling, or remove it)"
    if kind == "string_type":
        if isinstance(error.get("input"), (int, float)):
            return "must be text: put the value in quotes, like \"3.1\""
        return "must be text"
    if kind == "string_too_short":
        return "must not be empty"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
        return "must be a date written like 2026-11-21"
    if kind in ("list_type",):
        return "must be a list (lines starting with '- ')"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "must be a group of fields (key: value lines)"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind == "literal_error":
        return f"must be one of {error['ctx']['expected']}"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return error["msg"]


def load_model(path: Path, model: type[M], rel: str,
               checks: Callable[[M], list[tuple[Loc, str]]] | None = None) -> M:
    """Read path and validate it as model; raise DataError naming file and line.

    A model may define ``problems() -> list[tuple[Loc, str]]`` for checks that
    span fields (unknown ids, duplicates); those are reported the same way,
    and so are the problems returned by ``checks(value)`` (checks against
    another file, e.g. step ids of data/routine.yml).
    """
    data, lines = read_yaml(path, rel)
    try:
        value = model.model_validate(data)
    except ValidationError as error:
        raise DataError(
            Problem(rel, lines.line(e["loc"]), format_loc(e["loc"]), _plain_message(e))
            for e in error.errors()
        ) from None
    extra = getattr(value, "problems", None)
    found_locs = list(extra()) if extra is not None else []
    if checks is not None:
        found_locs += checks(value)
    if found_locs:
        raise DataError(Problem(rel, lines.line(loc), format_loc(loc), message)
                        for loc, message in found_locs)
    return value
