"""The one way the site renders a Jinja partial: the theme's environment, autoescaped.

`Renderer` is an overlay of `config.theme.get_env()` (Material's loader and
filters) that looks in overrides/partials first and turns autoescaping on:
everything that comes from data/ is escaped, so a `<script>` or `{{` in a data
field is printed as inert text (the result is never rendered a second time).
Blank lines are dropped, so Markdown keeps a partial's output as one raw HTML block.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from jinja2 import BytecodeCache, ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

Translate = Callable[[str, str], str]


class Renderer:
    """render(name, lang, **context) -> Markup; templates get `t(key)` and `lang`."""

    def __init__(self, theme_env: Environment, partials: Path, translate: Translate):
        self.env = theme_env.overlay(
            loader=ChoiceLoader([FileSystemLoader(str(partials)), theme_env.loader]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self._translate = translate

    def __call__(self, name: str, lang: str, **context: Any) -> Markup:
        html = self.env.get_template(name).render(
            t=lambda key: self._translate(key, lang), lang=lang, **context)
        return Markup("\n".join(line for line in html.splitlines() if line.strip()) + "\n")


class CompiledTemplates(BytecodeCache):
    """The theme templates compiled once per build, not once per language:
    static-i18n builds each language with a fresh theme environment, all alike.
    A template whose source changed (`mkdocs serve`) is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
