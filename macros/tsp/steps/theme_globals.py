"""Give theme templates the string catalogue (data/strings.yml).

Pages reach the catalogue through the `t` macro; templates such as the header
are rendered by MkDocs, not by macros, so they get a Jinja global instead:
`tsp_t(key, lang)`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.loader import load_strings  # noqa: E402  (needs ROOT on sys.path)


def on_env(env, config, files):
    strings = load_strings(ROOT)
    env.globals["tsp_t"] = strings.text
    return env
