"""The service worker's precache manifest: every built file with its SHA-256.

docs/sw.js carries the marker `/* TSP_PRECACHE */ null`; write_worker replaces
it with the list of files and a build id derived from all of them. The worker's
cache is named after that id, so two builds never share a cache. Written by the
mkdocs hook after the build, and again after the PDFs are printed into site/.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

MARKER = "/* TSP_PRECACHE */ null"
WORKER = "sw.js"
# Source maps are for developers; the gzip copy of the sitemap is for crawlers.
SKIPPED_SUFFIXES = (".map", ".xml.gz")


class WorkerTemplateError(ValueError):
    """docs/sw.js lacks the precache marker (or has it twice)."""


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


def write_worker(site_dir: Path, template: str) -> dict:
    """Write site_dir/sw.js from the template with the manifest of site_dir now."""
    if template.count(MARKER) != 1:
        raise WorkerTemplateError(f"docs/{WORKER} must contain the marker {MARKER!r} once")
    entries = precache_entries(site_dir)
    manifest = {"build": build_id(entries), "files": entries}
    (site_dir / WORKER).write_text(
        template.replace(MARKER, json.dumps(manifest, separators=(",", ":"))), encoding="utf-8")
    return manifest
