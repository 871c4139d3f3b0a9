"""Write the service worker's precache manifest once every file is built
(the logic lives in macros/offline.py, shared with the PDF step), and date
the build from its sources (macros/reproducible.py), so that an unchanged
file keeps its hash, and the reader's cache, across deploys."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.offline import WORKER, WorkerTemplateError, write_worker  # noqa: E402
from macros.reproducible import set_source_date_epoch  # noqa: E402


def on_config(config, **kwargs):
    set_source_date_epoch(Path(config.config_file_path).resolve().parent)
    return config


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
        search = config.plugins.get("material/search") or config.plugins.get("search")
        langs = tuple(search.config.lang or ()) if search is not None else ()
        write_worker(site_dir, worker.read_text(encoding="utf-8"), search_langs=langs)
    except WorkerTemplateError as error:
        raise PluginError(f"offline: {error}") from None
