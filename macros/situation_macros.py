"""Page macros for the situations of Bilaga 2: lists, the 'Gör först' box, the next situation.

The macros that print the situations of data/situations.yml (Markdown, so
MkDocs checks the links and the English pages link to English pages)."""

from __future__ import annotations

from .tsp.models.situations import docs_link, find, situation_views
from .tsp.site import Site

OVERVIEW = "planen/bilaga-2/index.md"
STYLES = ("start", "plan", "contents", "overview", "summary")


def register(env, site: Site) -> None:
    situations, strings = site.situations, site.strings

    def here():
        lang = site.lang(env.page)
        src = env.page.file.src_uri
        return lang, src, (lambda key: strings.text(key, lang))

    def markdown(name: str, **context) -> str:
        # The renderer's autoescaped environment, but not site.render(): it drops
        # blank lines and the indent of a nested list, which Markdown needs.
        return site.render.env.get_template(name).render(**context).rstrip() + "\n"

    def current(src: str):
        situation = find(situations, src)
        if situation is None:
            raise ValueError(f"docs/{src} is not the page of a situation in data/situations.yml")
        return situation

    @env.macro
    def situation_list(style: str = "plan", indent: int = 0) -> str:
        """Every situation as a Markdown list item, in the plan's order.

        style: "start" (short labels), "plan" (the plan's headings, numbered),
        "contents" (bullets "N. Title"), "overview" (heading – when),
        "summary" (label: the plan's first sentences). indent: spaces before
        each item, to nest the list in another.
        """
        if style not in STYLES:
            raise ValueError(f"situation_list: style must be one of {STYLES}, not {style!r}")
        lang, src, t = here()
        return markdown("tsp-situations.md", t=t, style=style, indent=" " * indent,
                        situations=situation_views(situations, lang, src))

    @env.macro
    def situation_first() -> str:
        """The "Gör först" box of the situation page being rendered."""
        lang, src, t = here()
        situation = current(src)
        view = next(v for v in situation_views(situations, lang, src)
                    if v["number"] == situation.number)
        numbers = {value for a in view["first"] for kind, value in a["segments"] if kind == "tel"}
        return markdown("tsp-situation-first.md", t=t, situation=view,
                        kind="danger" if numbers else "warning", calls_112="112" in numbers)

    @env.macro
    def situation_next() -> str:
        """"Nästa situation: N. Title", or the overview after the last one."""
        lang, src, t = here()
        situation = current(src)
        views = situation_views(situations, lang, src)
        index = [v["number"] for v in views].index(situation.number)
        following = views[index + 1] if index + 1 < len(views) else None
        return markdown("tsp-situation-next.md", t=t, next=following,
                        overview=docs_link(OVERVIEW, src))
