"""What the theme templates get from the build, as Jinja globals.

Pages reach the string catalogue through the `t` macro; templates such as the
header are rendered by MkDocs, not by macros, so they get globals instead:
`tsp_t(key, lang)` (data/strings.yml), `tsp_languages` (macros/tsp/languages.py)
and `tsp_print_actions(page)` (steps/print_actions.py).
"""

from __future__ import annotations

from typing import Any

from .print_actions import print_actions


def theme_globals(site) -> dict[str, Any]:
    return {
        "tsp_t": site.strings.text,
        "tsp_languages": site.languages,
        "tsp_print_actions": print_actions(site),
    }
