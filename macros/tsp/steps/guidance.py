"""Build step: every guidance page names its sources and review date.

Build step: the site's own guidance pages (docs/skydda-dig/) each name their
sources and review date in front matter, so that the page can show them
(tsp-guidance-*.html) and the build refuses a page without them.

    tsp_guidance:
      reviewed: 2026-12-02
      sources:
        - name: Skatteverket
          title: Sekretessmarkering
          url: https://skatteverket.se/…
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

# Every guidance page lives here (both languages, suffix structure).
GUIDANCE_DIR = "skydda-dig"
# The publishers a fact on a guidance page may rest on.
PUBLISHERS = {"Polisen", "Skatteverket", "Brå", "IMY", "MSB", "SKR", "Brottsofferjouren"}
# A page reviewed longer ago than this is due for review again.
REVIEW_INTERVAL = dt.timedelta(days=366)


def is_guidance(src_uri: str) -> bool:
    return src_uri.split("/", 1)[0] == GUIDANCE_DIR


def guidance_problems(meta: dict, today: dt.date | None = None, check_age: bool = True) -> list[str]:
    """What is wrong with a guidance page's `tsp_guidance` front matter.

    check_age=False leaves out "reviewed more than a year ago": the tests ask
    for a review, but a late review must not stop the site being published."""
    today = today or dt.date.today()
    block = meta.get("tsp_guidance")
    if not isinstance(block, dict):
        return ["tsp_guidance: missing (a guidance page needs its sources and review date)"]
    problems = []
    extra = sorted(set(block) - {"reviewed", "sources"})
    if extra:
        problems.append(f"tsp_guidance: unknown keys {extra}")
    reviewed = block.get("reviewed")
    if not isinstance(reviewed, dt.date):
        problems.append("tsp_guidance.reviewed: missing or not a date (YYYY-MM-DD)")
    elif reviewed > today:
        problems.append(f"tsp_guidance.reviewed: {reviewed} is in the future")
    elif check_age and today - reviewed > REVIEW_INTERVAL:
        problems.append(f"tsp_guidance.reviewed: {reviewed} is more than a year ago: review the page")
    sources = block.get("sources")
    if not isinstance(sources, list) or not sources:
        return problems + ["tsp_guidance.sources: missing or empty (every fact names its source)"]
    for i, source in enumerate(sources):
        where = f"tsp_guidance.sources[{i}]"
        if not isinstance(source, dict):
            problems.append(f"{where}: want name, title and url")
            continue
        if set(source) != {"name", "title", "url"}:
            problems.append(f"{where}: want exactly name, title and url, got {sorted(source)}")
        if source.get("name") not in PUBLISHERS:
            problems.append(f"{where}.name: {source.get('name')!r} is not one of {sorted(PUBLISHERS)}")
        if not str(source.get("title") or "").strip():
            problems.append(f"{where}.title: empty")
        url = urlsplit(str(source.get("url") or ""))
        if url.scheme != "https" or not url.netloc:
            problems.append(f"{where}.url: {source.get('url')!r} is not an https:// address")
    return problems


def check_page(page) -> None:
    """Stop the build, naming the file, when a guidance page lacks sources or date."""
    if is_guidance(page.file.src_uri):
        problems = guidance_problems(page.meta, check_age=False)
        if problems:
            raise PluginError("\n".join(f"docs/{page.file.src_uri}: {p}" for p in problems))
