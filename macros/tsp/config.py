"""The tsp plugin's settings in mkdocs.yml (`plugins: - tsp: …`), typed like Material's own plugins."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class TspConfig(base.Config):
    enabled = c.Type(bool, default=True)

    # The BCP 47 tag the browser formats dates with, per language code
    # ({en: en-GB}); a language not listed uses its own code ("sv", "de").
    locales = c.Type(dict, default={})

    # Build steps, each on unless switched off here.
    csp = c.Type(bool, default=True)
    search_split = c.Type(bool, default=True)
    offline = c.Type(bool, default=True)
    # One minified stylesheet and one script bundle per page kind (steps/bundles.py).
    bundles = c.Type(bool, default=True)
