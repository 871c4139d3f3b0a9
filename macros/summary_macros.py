"""The macro of the yearly summary page (docs/sammanstallning*.md)."""

from __future__ import annotations

from .tsp.models.summary import summary_config
from .tsp.site import Site


def register(env, site: Site) -> None:
    @env.macro
    def incident_summary():
        """The yearly summary: file picker and drop zone, counts, charts, print."""
        lang = site.lang(env.page)
        return site.render("tsp-summary.html", lang,
                           config=summary_config(site.summary, site.incident, lang))
