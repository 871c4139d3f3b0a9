"""Registers the macros and the data they read with mkdocs-macros."""

from __future__ import annotations

from .course_macros import register_course
from .loader import load_all


def page_lang(env) -> str:
    """Language of the page being rendered (i18n sets page.file.locale).

    Not env.conf/env.variables: macros copies those before i18n applies each
    language's overrides, so they lag one language behind.
    """
    return getattr(env.page.file, "locale", None) or "sv"


def register(env) -> None:
    data = load_all()
    strings = data["strings"]

    @env.macro
    def t(key: str) -> str:
        """A word from data/strings.yml in the page's language."""
        return strings.text(key, page_lang(env))

    register_course(env, data["course"], strings, page_lang)
