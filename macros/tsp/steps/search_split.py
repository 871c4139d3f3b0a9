"""One search index per language.

mkdocs-static-i18n merges every language into site/search/search_index.json,
so a Swedish search lists English pages too (with "Saknas:" under them).
After i18n has written the merged index (its on_post_build, priority -100)
and before the service worker manifest is made (-200), split it: Swedish
pages stay in search/search_index.json, English pages go to
en/search/search_index.json with locations relative to /en/. English pages
point Material's search at /en/ through `base` (overrides/main.html).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority

INDEX = Path("search") / "search_index.json"


def split_index(index: dict, prefixes: list[str]) -> dict[str, dict]:
    """{"": default-language index, "en/": index of pages under en/, …}."""
    parts = {prefix: [] for prefix in ["", *prefixes]}
    for doc in index["docs"]:
        prefix = next((p for p in prefixes if doc["location"].startswith(p)), "")
        parts[prefix].append({**doc, "location": doc["location"][len(prefix):]})
    return {prefix: {**index, "docs": docs} for prefix, docs in parts.items()}


@event_priority(-150)
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.building:
        return  # a nested build of one language: the merged index is not final yet
    site_dir = Path(config.site_dir)
    prefixes = [f"{lang.locale}/" for lang in i18n.config.languages
                if not lang.default and lang.build]
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    for prefix, index in split_index(merged, prefixes).items():
        target = site_dir / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
