"""MkDocs hook: pages load one stylesheet and one script bundle (macros/bundles.py).

extra_css and extra_javascript stay the list of sources in mkdocs.yml; this
hook takes them over, so Material's base.html links none of them, and gives
the templates `tsp_bundle(page, "css" | "js")`, the URL path of the page's
bundle. The light page (Akut) gets its CSS inline instead, only the rules
that can apply to it. The files are written once the build is done, before the offline
manifest (which lists them) is made.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.bundles import Bundler  # noqa: E402

_bundler: Bundler | None = None


def on_config(config, **kwargs):
    global _bundler
    # A nested build of another language (static-i18n) comes with the lists
    # already taken over: keep the bundler of the first.
    if _bundler is None or config.extra_css or config.extra_javascript:
        material = next(Path(d) for d in config.theme.dirs
                        if (Path(d) / "base.html").is_file() and (Path(d) / "assets").is_dir())
        _bundler = Bundler(Path(config.docs_dir), material,
                           [str(p) for p in config.extra_css],
                           [str(p) for p in config.extra_javascript])
    config.extra_css = []
    config.extra_javascript = []
    return config


def on_env(env, config, files):
    def tsp_bundle(page, kind: str) -> str:
        meta = (page.meta if page is not None else None) or {}
        if kind == "css":
            return _bundler.stylesheet().path
        return _bundler.script(tuple(meta.get("tsp_scripts") or ()),
                               bool(meta.get("tsp_light"))).path

    env.globals["tsp_bundle"] = tsp_bundle
    return env


def on_post_page(output, page, config):
    """The light page (Akut) gets the least CSS it needs inline."""
    if page.meta.get("tsp_light"):
        return _bundler.inline_light_css(output)
    return output


# Before the offline manifest (-200), after static-i18n's builds (-100).
@event_priority(-150)
def on_post_build(config, **kwargs):
    _bundler.write(Path(config.site_dir))
