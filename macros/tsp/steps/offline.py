"""Write the service worker's precache manifest once every file is built
(the logic lives in macros/offline.py, shared with the PDF step)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.offline import WORKER, WorkerTemplateError, write_worker  # noqa: E402


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
    try:
        write_worker(site_dir, worker.read_text(encoding="utf-8"))
    except WorkerTemplateError as error:
        raise PluginError(f"offline: {error}") from None
