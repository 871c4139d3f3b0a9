"""Which strings and data ids the code and pages use, read from the code and pages.

Which entries of data/strings.yml the site prints, and which data ids the
pages name (`course_module("varfor")`), read from the code and pages themselves.

The templates (overrides/**/*.html) and the pages that render macros call `t("key")` or `tsp_t("key", lang)`,
the Python code `strings.text("key", lang)`. A missing entry would stop the
build with a KeyError; `make check-data` reports it with file and line
instead. The list is derived here, so nobody has to keep one by hand.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from jinja2 import nodes

TEMPLATE_FUNCTIONS = {"t", "tsp_t"}
# A file without this text calls none of them (nor strings.text): it is not parsed.
_MAY_CALL = re.compile(r"\b(?:t|tsp_t|text)\s*\(")


_TEMPLATES = jinja2.Environment()
# Pages that render macros use `{## … ##}` comments, so `{#id}` stays Markdown.
_PAGES = jinja2.Environment(comment_start_string="{##", comment_end_string="##}")


# The scans below are pure functions of a file's text, cached by that text: a
# checker run on a copy of the project (the same files) parses nothing twice.
@lru_cache(maxsize=1024)
def _template_keys(source: str, env: jinja2.Environment = _TEMPLATES) -> tuple[frozenset[str], int]:
    """Keys a template asks for, and how many calls have a key not written out."""
    tree = env.parse(source)
    # `{% for key in ["a", "b"] %}{{ t(key) }}`: the loop names the keys.
    loops: dict[str, list[str]] = {}
    for loop in tree.find_all(nodes.For):
        if isinstance(loop.target, nodes.Name) and isinstance(loop.iter, (nodes.List, nodes.Tuple)):
            values = [item.value for item in loop.iter.items
                      if isinstance(item, nodes.Const) and isinstance(item.value, str)]
            loops[loop.target.name] = values
    keys: set[str] = set()
    unknown = 0
    for call in tree.find_all(nodes.Call):
        if not (isinstance(call.node, nodes.Name) and call.node.name in TEMPLATE_FUNCTIONS):
            continue
        first = call.args[0] if call.args else None
        if isinstance(first, nodes.Const) and isinstance(first.value, str):
            keys.add(first.value)
        elif isinstance(first, nodes.Name) and first.name in loops:
            keys.update(loops[first.name])
        else:
            unknown += 1
    return frozenset(keys), unknown


@lru_cache(maxsize=1024)
def _python_keys(source: str) -> frozenset[str]:
    keys = set()
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call) or not call.args:
            continue
        first = call.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        func = call.func
        if (isinstance(func, ast.Attribute) and func.attr == "text"
                and isinstance(func.value, ast.Name) and func.value.id == "strings") \
                or (isinstance(func, ast.Name) and func.id in TEMPLATE_FUNCTIONS):
            keys.add(first.value)
    return frozenset(keys)


@lru_cache(maxsize=8)
def used_keys(root: Path) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """{key: files that print it}, and the files with a call whose key is not
    written out (a scan that cannot see every key)."""
    found: dict[str, list[str]] = {}
    unclear: list[str] = []

    def add(keys, rel):
        for key in keys:
            found.setdefault(key, []).append(rel)

    for path in sorted((root / "overrides").rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        source = path.read_text(encoding="utf-8")
        if not _MAY_CALL.search(source):
            continue
        keys, unknown = _template_keys(source)
        add(keys, rel)
        if unknown:
            unclear.append(rel)
    for path in sorted((root / "docs").rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        if "render_macros: true" not in source or not _MAY_CALL.search(source):
            continue
        try:
            keys, unknown = _template_keys(source, _PAGES)
        except jinja2.TemplateSyntaxError:
            continue  # the build itself reports it, with the page
        add(keys, path.relative_to(root).as_posix())
        if unknown:
            unclear.append(path.relative_to(root).as_posix())
    for folder in (root / "macros",):
        for path in sorted(folder.rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            if _MAY_CALL.search(source):
                add(_python_keys(source), path.relative_to(root).as_posix())
    return {key: tuple(files) for key, files in sorted(found.items())}, tuple(unclear)


def missing_strings(catalogue, root: Path) -> list[tuple[tuple[str, ...], str]]:
    """(loc, message) for every entry the code prints that data/strings.yml lacks."""
    keys, _ = used_keys(root)
    return [((key,), f"missing entry: {', '.join(files)} prints it; add it with sv: and en: texts")
            for key, files in keys.items() if key not in catalogue.root]


@lru_cache(maxsize=8)
def macro_arguments(root: Path, macro: str) -> tuple[tuple[str, str], ...]:
    """(docs page, first argument) of every `{{ macro("…") }}` in the pages."""
    found = []
    for path in sorted((root / "docs").rglob("*.md")):
        source = path.read_text(encoding="utf-8")
        if "render_macros: true" not in source or macro not in source:
            continue
        rel = path.relative_to(root).as_posix()
        found += [(rel, argument) for argument in _first_arguments(source, macro)]
    return tuple(found)


@lru_cache(maxsize=1024)
def _first_arguments(source: str, macro: str) -> tuple[str, ...]:
    """The written-out first argument of each `{{ macro("…") }}` in one page."""
    try:
        tree = _PAGES.parse(source)
    except jinja2.TemplateSyntaxError:
        return ()  # the build itself reports it, with the page
    return tuple(str(call.args[0].value) for call in tree.find_all(nodes.Call)
                 if isinstance(call.node, nodes.Name) and call.node.name == macro and call.args
                 and isinstance(call.args[0], nodes.Const))
