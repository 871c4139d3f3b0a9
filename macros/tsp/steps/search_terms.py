"""Build step: the Swedish search index matches words as people type them.

Swedish search as people type it (a build step, after the index is split
per language and before the offline manifest).

The Swedish index learns:
- every word with å, ä or ö also without them ("polisanmälan" is found by
  "polisanmalan", as typed on a keyboard without Swedish letters);
- the other names of each situation (data/situations.yml `search:`, e.g.
  "hotbrev" for Brevhot), on the situation's own page.
Ranking: the action pages carry `search: boost:` in their front matter.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..models.situations import Situations

INDEX = Path("search") / "search_index.json"
PLAIN = str.maketrans("åäöÅÄÖéÉ", "aaoAAOeE")
ACCENTED = re.compile(r"\b\w*[åäöÅÄÖéÉ]\w*\b")


def unaccented(text: str) -> list[str]:
    """The words of text that have å, ä, ö or é, written without them, once each."""
    seen: dict[str, None] = {}
    for word in ACCENTED.findall(text):
        seen.setdefault(word.translate(PLAIN).lower(), None)
    return list(seen)


def add_terms(index: dict, extra: dict[str, list[str]]) -> dict:
    """index with unaccented words added to each document, and extra[location]
    terms added to the document of that page."""
    docs = []
    for doc in index["docs"]:
        added = unaccented(doc.get("title", "") + " " + doc.get("text", ""))
        added += extra.get(doc["location"], [])
        if added:
            doc = {**doc, "text": doc.get("text", "") + "\n<p hidden>" + " ".join(added) + "</p>"}
        docs.append(doc)
    return {**index, "docs": docs}


def add(site_dir: Path, situations: Situations) -> None:
    """Rewrite the Swedish (default language) index in site_dir."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    extra = {s.url: list(s.search) for s in situations.situations}
    index = add_terms(json.loads(path.read_text(encoding="utf-8")), extra)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
