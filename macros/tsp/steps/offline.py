"""Build step: the service worker's precache manifest, written last.

Write the service worker's precache manifest once every file is built
(the manifest itself is made by steps/precache.py, shared with the PDF step)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .precache import WORKER, WorkerTemplateError, write_worker


def write_manifest(site_dir: Path, languages=None) -> None:
    """site_dir/sw.js with the list of every built file (the tsp plugin runs this last)."""
    worker = site_dir / WORKER
    if not worker.is_file():
        raise PluginError(f"offline: {WORKER} is missing from the built site (docs/{WORKER})")
    try:
        options = {} if languages is None else {
            "prefixes": tuple(languages.prefix(code) for code in languages.others()),
            "search_langs": tuple(languages.codes)}
        write_worker(site_dir, worker.read_text(encoding="utf-8"), **options)
    except WorkerTemplateError as error:
        raise PluginError(f"offline: {error}") from None
