"""What the theme templates get from the build, as Jinja globals.

Pages reach the string catalogue through the `t` macro; templates such as the
header are rendered by MkDocs, not by macros, so they get globals instead:
`tsp_t(key, lang)` (data/strings.yml), `tsp_languages` (macros/tsp/languages.py),
`tsp_print_actions(page)` (steps/print_actions.py) and `tsp_search_worker`, the
hashed file name of Material's search worker in this build (main.html's config).
"""

from __future__ import annotations

from fnmatch import fnmatch
from typing import Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from .print_actions import print_actions

SEARCH_WORKER = "assets/javascripts/workers/search.*.min.js"


def search_worker(files: Files) -> str:
    """Site path of the search worker the installed Material ships."""
    found = [f.src_uri for f in files if fnmatch(f.src_uri, SEARCH_WORKER)]
    if len(found) != 1:
        raise PluginError(f"tsp: expected one {SEARCH_WORKER} from the theme, found {found}")
    return found[0]


def theme_globals(site, files: Files) -> dict[str, Any]:
    strings = site.strings

    def tsp_t(key: str, lang: str) -> Markup:
        """A word of data/strings.yml, HTML-escaped: MkDocs' theme environment
        does not autoescape, so a `<script>` typed into the data prints as text."""
        return escape(strings.text(key, lang))

    return {
        "tsp_t": tsp_t,
        "tsp_languages": site.languages,
        "tsp_print_actions": print_actions(site),
        "tsp_search_worker": search_worker(files),
    }
