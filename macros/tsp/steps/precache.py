"""The service worker's manifest: each file the pages load, with its hash.

The service worker's manifest: every file the pages load, with its SHA-256,
split into what the first visit downloads and what is cached when first opened.

docs/sw.js carries the marker `/* TSP_PRECACHE */ null`; write_worker replaces
it with {"build", "files", "lazy", "offline"}:
- files: fetched once after the first visit (the pages a reader needs in an
  incident, the form, styles, scripts, the search of the site's languages);
  kept small (at most 600 KiB gzip, tests/test_offline.py);
- lazy: cached the first time the reader opens one (PDFs, the print font,
  the training material, the print pages, the reading pages);
- offline: the page shown, per language, when a lazy file is opened offline.
Each file carries its own hash, so a new build reuses every unchanged file
from the reader's cache. Written by the tsp plugin after the build, and
again after the PDFs are printed into site/.
"""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import re
from pathlib import Path

import rjsmin

MARKER = "/* TSP_PRECACHE */ null"
WORKER = "sw.js"
# Source maps are for developers; the gzip copy of the sitemap is for crawlers.
SKIPPED_SUFFIXES = (".map", ".xml.gz")
# Cached when first opened (patterns below the site root, every language):
# what a reader does not need in an incident. The first visit keeps the rest:
# the start page, Akut, the situations, the routine, roles and contacts, the
# form, the easy-read page and the search.
ON_FIRST_USE = (
    "*.pdf",
    "sitemap.xml",
    # The print font: the browser fetches it only to print.
    "assets/fonts/*",
    # Training and print pages, with their script bundles (steps/bundles.py).
    "utbildning/*",
    "skriv-ut/*",
    "assets/javascripts/tsp-course.*.min.js",
    "assets/javascripts/tsp-slides.*.min.js",
    # Reading for calmer days: prevention, protection, the plan's background,
    # the summary of past incidents (with its script) and the accessibility
    # statement.
    "forebygg/*",
    "skydda-dig/*",
    "planen/1-inledning/*",
    "planen/2-forebyggande-arbete/*",
    "planen/bilaga-1/*",
    "planen/om-planen/*",
    "sammanstallning/*",
    "assets/javascripts/tsp-summary.*.min.js",
    "tillganglighet/*",
)
# Files no page of the site loads, left out of the manifest (the network
# serves them to anyone who asks): Material's own files and ours, which pages
# load inside the bundles, and the word splitters for Japanese and Thai.
NOT_LOADED = (
    "assets/stylesheets/main.*.css",
    "assets/stylesheets/palette.*.css",
    "assets/javascripts/bundle.*.js",
    "assets/javascripts/lunr/*.js",
)
# Our source files (tsp-NAME.css|js, no hash).
SOURCE_RE = re.compile(r"assets/(?:stylesheets|javascripts)/tsp[a-z0-9-]*\.(?:css|js)")
STEMMERS = "assets/javascripts/lunr/min/lunr.*.min.js"
# Loaded by Material's search worker whenever a language besides English is on.
STEMMER_BASE = ("stemmer.support", "multi")
# The page that says what is available offline, per language prefix.
OFFLINE_PAGE = "offline/index.html"


class WorkerTemplateError(ValueError):
    """docs/sw.js lacks the precache marker (or has it twice)."""


def integrity(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def site_entries(site_dir: Path) -> list[tuple[str, str]]:
    """(path below the site root, "sha256-…") for every file the site serves."""
    entries = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel == WORKER or rel.endswith(SKIPPED_SUFFIXES):
            continue
        entries.append((rel, integrity(path)))
    return entries


def kind(rel: str, prefixes: tuple[str, ...], search_langs: tuple[str, ...]) -> str | None:
    """"files" (fetched at install), "lazy" (cached when first opened) or
    None (no page loads it: not in the manifest)."""
    if fnmatch.fnmatch(rel, STEMMERS):
        name = rel.rsplit("/", 1)[1][len("lunr."):-len(".min.js")]
        used = {lang for lang in search_langs if lang != "en"}
        return "files" if name in used or (used and name in STEMMER_BASE) else None
    if SOURCE_RE.fullmatch(rel) or any(fnmatch.fnmatch(rel, p) for p in NOT_LOADED):
        return None
    for prefix in ("", *prefixes):
        if rel.startswith(prefix) and any(
                fnmatch.fnmatch(rel[len(prefix):], pattern) for pattern in ON_FIRST_USE):
            return "lazy"
    return "files"


def build_id(entries: list[tuple[str, str]]) -> str:
    text = "\n".join(f"{rel} {integrity}" for rel, integrity in entries)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def manifest_of(site_dir: Path, prefixes: tuple[str, ...] = ("en/",),
                search_langs: tuple[str, ...] = ("sv", "en")) -> dict:
    """The worker's manifest for the site in site_dir now."""
    entries = site_entries(site_dir)
    kinds = {rel: kind(rel, prefixes, search_langs) for rel, _ in entries}
    files = [e for e in entries if kinds[e[0]] == "files"]
    lazy = [e for e in entries if kinds[e[0]] == "lazy"]
    offline = {prefix.rstrip("/"): prefix + OFFLINE_PAGE for prefix in ("", *prefixes)
               if (site_dir / prefix / OFFLINE_PAGE).is_file()}
    return {"build": build_id(entries), "files": files, "lazy": lazy, "offline": offline}


def write_worker(site_dir: Path, template: str, **options) -> dict:
    """Write site_dir/sw.js from the template with the manifest of site_dir now."""
    if template.count(MARKER) != 1:
        raise WorkerTemplateError(f"docs/{WORKER} must contain the marker {MARKER!r} once")
    manifest = manifest_of(site_dir, **options)
    # Minified like the page scripts: every first visit downloads the worker.
    worker = rjsmin.jsmin(template.replace(MARKER, json.dumps(manifest, separators=(",", ":"))))
    (site_dir / WORKER).write_text(worker, encoding="utf-8")
    return manifest


WRITTEN = re.compile(r"const PRECACHE\s*=\s*")


def written_manifest(site_dir: Path) -> dict:
    """The manifest write_worker put into site_dir/sw.js (`const PRECACHE = {…}`)."""
    source = (site_dir / WORKER).read_text(encoding="utf-8")
    found = WRITTEN.search(source)
    if found is None:
        raise WorkerTemplateError(f"{WORKER} holds no `const PRECACHE = ` manifest")
    return json.JSONDecoder().raw_decode(source, found.end())[0]
