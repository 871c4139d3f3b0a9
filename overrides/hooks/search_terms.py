"""Swedish search as people type it.

After the index is split per language (search_split.py, priority -150) and
before the offline manifest (-200), the Swedish index learns:
- every word with å, ä or ö also without them ("polisanmälan" is found by
  "polisanmalan", as typed on a keyboard without Swedish letters);
- the other names of each situation (data/situations.yml `search:`, e.g.
  "hotbrev" for Brevhot), on the situation's own page.
Ranking: the action pages carry `search: boost:` in their front matter.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.situations import load_situations  # noqa: E402

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


@event_priority(-160)
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested build of one language: the index is not final yet
    path = Path(config.site_dir) / INDEX
    if not path.is_file():
        return
    root = Path(config.config_file_path).resolve().parent
    extra = {s.url: list(s.search) for s in load_situations(root).situations}
    index = add_terms(json.loads(path.read_text(encoding="utf-8")), extra)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
