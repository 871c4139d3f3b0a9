"""The project as the tests see it: its languages and URLs, and its data and renderer as a build has them."""

from __future__ import annotations

from functools import lru_cache

from macros.tsp import ROOT
from macros.tsp.languages import Languages
from macros.tsp.site import Site

LANGUAGES = Languages.from_file(ROOT / "mkdocs.yml")


@lru_cache(maxsize=None)
def site() -> Site:
    """Site.from_project(): the tsp plugin's data and renderer, without a build."""
    return Site.from_project(ROOT)
