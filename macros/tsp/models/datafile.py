"""Load a YAML file from data/ into a validated model, keeping line numbers.

Every problem is reported as ``data/FILE.yml:LINE: field.path: what is wrong``
so that the person editing the file (often in a web editor) can find it.
No traceback, no half-built site.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner
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
        # One problem, one line, whatever a key or value holds.
        return (f"{self.file}:{self.line}: {_cap(_visible(self.field), 160)}: "
                f"{_cap(_visible(self.message), 400)}")


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


# Bounds no real data file comes near (course.yml, the largest, is ~80 kB,
# 6 levels deep, ~5 000 nodes): past them a file is damaged, or an attack.
MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NODES = 200_000
MAX_VALUE = 20_000  # characters in one value
MAX_PROBLEMS = 25  # per file; a badly damaged file would print thousands
# Said when a check itself fails on some input (a fault to fix in macros/).
CHECKER_FAULT = "this file could not be checked: please report it to the site's developers"

# What YAML itself refuses to read (yaml.reader.Reader.NON_PRINTABLE), plus the
# Unicode line separators, which YAML counts as line breaks but editors do
# not (every line number after one would be one too high).
_UNSEEN = re.compile("[^\x09\x0A\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
_CHAR_NAMES = {"\x0b": "vertical tab", "\x0c": "form feed", "\x00": "null", "\x08": "backspace",
               "\x1b": "escape", "\x7f": "delete", "\x85": "next line (NEL)",
               "\u2028": "line separator", "\u2029": "paragraph separator",
               "\ufffe": "non-character", "\uffff": "non-character"}


def char_name(char: str) -> str:
    """'\x0b' -> 'U+000B (vertical tab)'."""
    name = _CHAR_NAMES.get(char) or unicodedata.name(char, "control character").lower()
    return f"U+{ord(char):04X} ({name})"


def _visible(text: str) -> str:
    """Text on one line: line breaks and invisible characters written as \\n, U+000B …"""
    text = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return _UNSEEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def quoted(value: object, limit: int = 60) -> str:
    """A value as a message shows it: on one line, shortened."""
    return _cap(_visible(str(value)), limit)


class _Refused(Exception):
    """A YAML feature data files do not use (aliases, tags) or a bound passed."""

    def __init__(self, mark, message: str):
        super().__init__(message)
        self.line = mark.line + 1 if mark is not None else 1
        self.message = message


class _BoundedComposer(Composer):
    """PyYAML's composer, refusing anchors, aliases and tags, and bounding
    depth and size: a recursive alias or an "alias bomb" (357 bytes that
    expand to gigabytes) never gets built."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Refused(event.start_mark,
                           f"'*{quoted(event.anchor, 40)}' is an alias (a copy of another part of "
                           f"the file): data files do not use aliases, write the value out in full")
        if event.anchor is not None:
            raise _Refused(event.start_mark,
                           f"'&{quoted(event.anchor, 40)}' is an anchor: data files do not use "
                           f"anchors or aliases (&name, *name), write each value out in full")
        if event.tag is not None and event.tag != "!":
            tag = event.tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(event.start_mark,
                           f"'{quoted(tag, 40)}' is a YAML tag: data files do not use tags; "
                           f"remove it (put text in quotes instead)")
        self._depth = getattr(self, "_depth", 0) + 1
        self._nodes = getattr(self, "_nodes", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep: "
                               f"check the indentation and the brackets")
            if self._nodes > MAX_NODES:
                raise _Refused(event.start_mark, f"more than {MAX_NODES} values: the file is "
                               f"far larger than any data file needs")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# libyaml's safe loader where PyYAML has it (front matter, tests): the same
# result as yaml.safe_load, many times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

try:
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover (PyYAML built without libyaml)
    CParser = None

if CParser is not None:
    # libyaml scans and parses (10x faster); composing stays in Python, bounded.
    class _Loader(_BoundedComposer, CParser, SafeConstructor, Resolver):
        def __init__(self, text: str):
            CParser.__init__(self, text)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
else:  # pragma: no cover (PyYAML without libyaml)
    class _Loader(Reader, Scanner, Parser, _BoundedComposer, SafeConstructor, Resolver):
        def __init__(self, text: str):
            Reader.__init__(self, text)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)


class _Reader:
    """Turns a composed YAML node tree into plain data plus a LineMap."""

    def __init__(self, loader, rel: str, text: str):
        self.loader = loader
        self.rel = rel
        self.text = text
        self.lines = LineMap()
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.rel, node.start_mark.line + 1, format_loc(loc), message))

    def source(self, node: yaml.Node) -> str:
        """The text of node as written in the file."""
        return self.text[node.start_mark.index:node.end_mark.index]

    def read(self, node: yaml.Node, loc: Loc) -> Any:
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    # `sv: {{ x }}` is a group whose key is a group; `{{ x }}: 1` a group as key.
                    written = quoted(self.source(node if node.flow_style else key_node), 80)
                    self.problem(node, loc, f"'{written}' is read as a group or list, not text, "
                                 f"because it starts with a bracket: if it is text, put it all "
                                 f"in quotes, like \"{written}\"")
                    return {}
                key = self.scalar(key_node, loc + (quoted(key_node.value, 40),))
                if not isinstance(key, str):
                    self.problems.append(Problem(
                        self.rel, line, format_loc(loc + (quoted(key_node.value, 40),)),
                        f"the name '{quoted(key_node.value)}' is read as {type(key).__name__}, "
                        f"not text: put it in quotes, like \"{quoted(key_node.value)}\""))
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
        return self.scalar(node, loc)

    def scalar(self, node: yaml.Node, loc: Loc) -> Any:
        if len(node.value) > MAX_VALUE:
            self.problem(node, loc, f"this value is {len(node.value)} characters long; "
                         f"at most {MAX_VALUE} fit in a data file")
            return ""
        try:
            value = self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError) as error:
            # e.g. 2026-13-45 looks like a date to YAML but is none.
            self.problem(node, loc, f"'{quoted(node.value)}' cannot be read: {quoted(error, 120)}")
            return node.value
        if isinstance(value, str):
            unseen = _UNSEEN.search(value) or re.search("[\r\x85]", value)
            if unseen:
                # Written as an escape in double quotes ("\v", "\0", "\ud800").
                self.problem(node, loc, f"contains the invisible character "
                             f"{char_name(unseen.group())}: remove it")
        return value


def decode(raw: bytes, rel: str) -> str:
    """The text of a data file, which must be UTF-8; DataError names what is wrong."""
    def refuse(line: int, message: str):
        raise DataError([Problem(rel, line, "(file)", message)])

    if len(raw) > MAX_BYTES:
        refuse(1, f"the file is {len(raw)} bytes; a data file is at most {MAX_BYTES}: "
                  f"is it the right file?")
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        refuse(1, "the file is saved as UTF-32: save it again as UTF-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        refuse(1, "the file is saved as UTF-16 (what Notepad calls \"Unicode\"): "
                  "save it again as UTF-8")
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        if error.reason == "unexpected end of data":
            refuse(line, "the file ends in the middle of a letter (such as 'ö'): it was cut "
                         "off; restore its end from the previous version")
        if b"\x00" in raw:
            refuse(line, "the file is saved as UTF-16 (what Notepad calls \"Unicode\"): "
                         "save it again as UTF-8")
        refuse(line, f"byte 0x{raw[error.start]:02X} in column {column} is not UTF-8: the file "
                     f"was saved in another encoding (such as Windows-1252), or a letter such "
                     f"as 'ö' is broken; save it as UTF-8 and check the letters on this line")
    raise AssertionError("unreachable")


def unseen_characters(text: str, rel: str) -> list[Problem]:
    """Characters nobody can see in an editor: one problem each (file, line)."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            found.append(Problem(rel, number, "(file)",
                                 "a tab in the indentation: indent with spaces only"))
        for match in _UNSEEN.finditer(line):
            found.append(Problem(rel, number, "(file)",
                                 f"the invisible character {char_name(match.group())} in column "
                                 f"{match.start() + 1} (often pasted from a word processor): "
                                 f"delete it"))
    return found


def _limit(problems: list[Problem], rel: str) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    last = problems[MAX_PROBLEMS]
    return problems[:MAX_PROBLEMS] + [Problem(rel, last.line, "(file)",
                                              f"and {rest} more problem(s) from here on")]


def read_yaml(path: Path, rel: str) -> tuple[Any, LineMap]:
    """Plain data and line numbers of one YAML file, or DataError.

    Any bytes give one or the other: the encoding, invisible characters,
    aliases, tags, depth and size are checked before or while composing.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(rel, 1, "(file)", "the file is missing")]) from None
    except IsADirectoryError:
        raise DataError([Problem(rel, 1, "(file)", "is a folder, not a file")]) from None
    return _read_text(raw, rel)


@lru_cache(maxsize=32)
def _read_text(raw: bytes, rel: str) -> tuple[Any, LineMap]:
    # Cached: the build's hooks and macros read the same files (frozen models).
    text = decode(raw, rel)
    # Windows (\r\n) and old Mac (\r) line ends count as one line each, as in editors.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    unseen = unseen_characters(text, rel)
    if unseen:
        raise DataError(_limit(unseen, rel))
    loader = _Loader(text)
    reader = _Reader(loader, rel, text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise DataError([Problem(rel, 1, "(file)", "the file is empty")])
        data = reader.read(node, ())
    except _Refused as refused:
        raise DataError([Problem(rel, refused.line, "(file)", refused.message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        what = quoted(error.problem or "cannot be read", 120)
        raise DataError([Problem(rel, line, "(file)",
                                 f"not valid YAML: {what} (check indentation, "
                                 f"colons and quotes on or just above this line)")]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(rel, 1, "(file)", f"not valid YAML: {quoted(error, 120)}")]) from None
    finally:
        loader.dispose()
    if reader.problems:
        raise DataError(_limit(reader.problems, rel))
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
        raise DataError(_limit([
            Problem(rel, lines.line(e["loc"]), format_loc(e["loc"]), _plain_message(e))
            for e in error.errors()], rel)) from None
    extra = getattr(value, "problems", None)
    found_locs = list(extra()) if extra is not None else []
    if checks is not None:
        found_locs += checks(value)
    if found_locs:
        raise DataError(_limit([Problem(rel, lines.line(loc), format_loc(loc), message)
                                for loc, message in found_locs], rel))
    return value
