"""One search index per language.

mkdocs-static-i18n merges every language into site/search/search_index.json,
so a Swedish search lists English pages too (with "Saknas:" under them).
After i18n has written the merged index (its on_post_build, priority -100)
and before the service worker manifest is made, split it: Swedish pages stay
in search/search_index.json, English pages go to en/search/search_index.json
with locations relative to /en/. English pages point Material's search at
/en/ through `base` (overrides/main.html).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..languages import Languages

INDEX = Path("search") / "search_index.json"


def split_index(index: dict, prefixes: list[str]) -> dict[str, dict]:
    """{"": default-language index, "en/": index of pages under en/, …}."""
    parts = {prefix: [] for prefix in ["", *prefixes]}
    for doc in index["docs"]:
        prefix = next((p for p in prefixes if doc["location"].startswith(p)), "")
        parts[prefix].append({**doc, "location": doc["location"][len(prefix):]})
    return {prefix: {**index, "docs": docs} for prefix, docs in parts.items()}


def split(site_dir: Path, languages: Languages) -> None:
    """Rewrite the merged index of site_dir as one index per language."""
    prefixes = [languages.prefix(code) for code in languages.others()]
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    for prefix, index in split_index(merged, prefixes).items():
        target = site_dir / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
