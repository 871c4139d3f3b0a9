"""Give theme templates the string catalogue (data/strings.yml).

Pages reach the catalogue through the `t` macro; templates such as the header
are rendered by MkDocs, not by macros, so they get a Jinja global instead:
`tsp_t(key, lang)`. MkDocs' theme environment does not autoescape, so the
global returns escaped text (markupsafe.Markup): a `<script>` typed into
data/strings.yml prints as text on every page, in an attribute too.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from markupsafe import Markup, escape  # noqa: E402

from macros.loader import load_strings  # noqa: E402  (needs ROOT on sys.path)


def on_env(env, config, files):
    strings = load_strings(ROOT)

    def tsp_t(key: str, lang: str) -> Markup:
        """A word of data/strings.yml, HTML-escaped."""
        return escape(strings.text(key, lang))

    env.globals["tsp_t"] = tsp_t
    return env
