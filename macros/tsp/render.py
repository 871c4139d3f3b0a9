"""Renders the Jinja partials in overrides/partials with autoescaping on.

Everything that comes from data/ is escaped: a `<script>` or `{{` in a data
field is printed as inert text (the result is never rendered a second time).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.utils import get_relative_url

from .models import Catalogue

PARTIALS = Path(__file__).resolve().parent.parent / "overrides" / "partials"


@lru_cache(maxsize=None)
def environment(partials: Path = PARTIALS) -> Environment:
    return Environment(
        loader=FileSystemLoader(str(partials)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, strings: Catalogue, lang: str, **context) -> Markup:
    """Render partial `name` in `lang`; templates get `t(key)` for catalogue words."""
    template = environment().get_template(name)
    html = template.render(t=lambda key: strings.text(key, lang), lang=lang, **context)
    return Markup(html.strip() + "\n")


def site_path(path: str, lang: str) -> str:
    """The built URL of a Swedish page path in lang: ('planen/bilaga-3/', 'en') -> 'en/planen/bilaga-3/'."""
    return path if lang == "sv" else f"{lang}/{path}"


def relative_url(target: str, lang: str, from_url: str) -> str:
    """Link from the page at from_url to page path target in the same language."""
    return get_relative_url(site_path(target, lang), from_url)
