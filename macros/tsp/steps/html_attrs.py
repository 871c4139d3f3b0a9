"""Language facts for the scripts, as data attributes on each page's <html> (partials/tsp-html-attrs.html)."""

from __future__ import annotations

from typing import Callable

from ..languages import Language, Languages


def with_language_attrs(output: str, language: Language, languages: Languages,
                        render: Callable[..., str]) -> str:
    """`<html lang="en" …>` becomes `<html data-tsp-locale="en-GB"
    data-tsp-locales="sv-SE en-GB" lang="en" …>`."""
    at = output.find("<html")
    if at < 0:
        return output
    at += len("<html")
    attrs = str(render("tsp-html-attrs.html", language.code, language=language,
                        locales=[languages.language(code).locale for code in languages])).strip()
    return f"{output[:at]} {attrs}{output[at:]}"
