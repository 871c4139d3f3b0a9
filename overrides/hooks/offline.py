"""Write the service worker's precache manifest once every file is built.

docs/sw.js carries the marker `/* TSP_PRECACHE */ null`; here it becomes the
list of every built file with its SHA-256 (as a Subresource Integrity string)
and a build id derived from all of them. The worker's cache is named after
that id, so two builds never share a cache.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

MARKER = "/* TSP_PRECACHE */ null"
WORKER = "sw.js"
# Source maps are for developers; the gzip copy of the sitemap is for crawlers.
SKIPPED_SUFFIXES = (".map", ".xml.gz")


def precache_entries(site_dir: Path) -> list[tuple[str, str]]:
    """(path below the site root, "sha256-…") for every file the site serves."""
    entries = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel == WORKER or rel.endswith(SKIPPED_SUFFIXES):
            continue
        digest = hashlib.sha256(path.read_bytes()).digest()
        entries.append((rel, "sha256-" + base64.b64encode(digest).decode("ascii")))
    return entries


def build_id(entries: list[tuple[str, str]]) -> str:
    text = "\n".join(f"{rel} {integrity}" for rel, integrity in entries)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# After static-i18n (-100), which builds the other languages and then rewrites
# the search index inside its own on_post_build: only then is every file final.
@event_priority(-200)
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested build of one language: the site is not complete yet
    site_dir = Path(config.site_dir)
    worker = site_dir / WORKER
    if not worker.is_file():
        raise PluginError(f"offline: {WORKER} is missing from the built site (docs/{WORKER})")
    source = worker.read_text(encoding="utf-8")
    if source.count(MARKER) != 1:
        raise PluginError(f"offline: docs/{WORKER} must contain the marker {MARKER!r} once")
    entries = precache_entries(site_dir)
    manifest = {"build": build_id(entries), "files": entries}
    worker.write_text(source.replace(MARKER, json.dumps(manifest, separators=(",", ":"))),
                      encoding="utf-8")
