"""Build step: one stylesheet and one script bundle per page kind.

One stylesheet and one script per page kind, made at build time (a step
of the tsp plugin: it takes over extra_css and extra_javascript).

A page loads Material's stylesheets and ours as ONE minified file (the
organisation's stylesheet, written from data/organisation.yml, first), and
Material's script with ours as ONE minified file, instead of a dozen: fewer
requests on a weak connection. The source files in docs/assets stay as they
are (readable, and served for anyone who wants them).

A page's kind is its front matter: `tsp_scripts: [name, …]` adds those
scripts (the form, the course, the slides) to its bundle; `tsp_light: true`
(the Akut page) gets no Material script, only the offline registration.
Every bundle but the light one starts with the shared core
(assets/javascripts/tsp-core.js, first in extra_javascript): it marks <html>
as having JavaScript before any other script runs, and the other scripts use
its helpers. The light page has no control that needs JavaScript, so its
bundle stays the offline registration alone.
Bundle names carry a hash of their content, so a changed bundle is a new URL.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import rjsmin

from .css_subset import page_css, without_attribute_values

# Material's own files in its theme folder, as base.html names them.
MATERIAL_CSS_RE = re.compile(r"assets/stylesheets/(?:main|palette)\.[0-9a-f]+\.min\.css")
MATERIAL_JS_RE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")
SOURCE_MAP_RE = re.compile(r"^/[/*]# sourceMappingURL=.*$", re.MULTILINE)
# The shared core, first in every bundle.
CORE_SCRIPT = "tsp-core"
# CSS allows @charset only as the very first thing in a file.
CHARSET_RE = re.compile(r'@charset\s+"[^"]*"\s*;', re.IGNORECASE)
CHARSET = '@charset "UTF-8";'
# The one script of a light page: it registers the offline copy.
LIGHT_SCRIPTS = ("tsp-offline",)
# Where a light page's inline stylesheet goes (overrides/main.html).
LIGHT_CSS_MARKER = "/* TSP_LIGHT_CSS */"
# The <body> attributes Material's base.html sets from theme.palette, with its
# defaults; its stylesheets have rules for every colour and scheme.
PALETTE_DEFAULTS = {"scheme": "default", "primary": "indigo", "accent": "indigo"}


@dataclass(frozen=True)
class Bundle:
    path: str  # below the site root
    text: str


def material_files(theme_dir: Path, base_html: str) -> tuple[list[str], str]:
    """Material's stylesheets (main, palette) and script, in base.html's order."""
    css = MATERIAL_CSS_RE.findall(base_html)
    js = MATERIAL_JS_RE.findall(base_html)
    if len(css) != 2 or len(js) != 1:
        raise ValueError("bundles: Material's base.html no longer names main/palette CSS "
                         "and bundle.js as expected")
    return css, js[0]


def palette_values(palette) -> dict[str, set[str]]:
    """{`data-md-color-scheme`: {values}, …} the pages can have: those of each
    palette in mkdocs.yml (a list when readers may switch), as base.html writes them."""
    palettes = [palette] if isinstance(palette, dict) else list(palette or [])
    return {f"data-md-color-{key}": {str(p.get(key) or default).replace(" ", "-") for p in palettes}
            for key, default in PALETTE_DEFAULTS.items()}


def _read(path: Path) -> str:
    return SOURCE_MAP_RE.sub("", path.read_text(encoding="utf-8"))


def _named(folder: str, name: str, suffix: str, text: str) -> Bundle:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return Bundle(f"assets/{folder}/{name}.{digest}.min.{suffix}", text)


class Bundler:
    """Makes and remembers the bundles of one build."""

    def __init__(self, docs_dir: Path, theme_dir: Path, extra_css: list[str],
                 extra_js: list[str], built_css: str = "", palette=None):
        self.docs_dir, self.theme_dir = docs_dir, theme_dir
        self.built_css = built_css
        self.palette = palette_values(palette)
        self.extra_css, self.extra_js = list(extra_css), list(extra_js)
        base_html = (theme_dir / "base.html").read_text(encoding="utf-8")
        self.material_css, self.material_js = material_files(theme_dir, base_html)
        self.made: dict[str, Bundle] = {}
        self._css: Bundle | None = None
        self._scripts: dict[tuple[str, ...], Bundle] = {}

    @classmethod
    def from_config(cls, config, built_css: str = "") -> Bundler:
        """The bundler of this build: sources from docs/ and Material's theme,
        and built_css (made by the build) at the head of the stylesheet."""
        material = next(Path(d) for d in config.theme.dirs
                        if (Path(d) / "base.html").is_file() and (Path(d) / "assets").is_dir())
        return cls(Path(config.docs_dir), material, [str(p) for p in config.extra_css],
                   [str(p) for p in config.extra_javascript], built_css,
                   config.theme.get("palette"))

    def page_bundle(self, page, kind: str) -> str:
        """`tsp_bundle(page, "css" | "js")` in templates: the URL path of the
        page's stylesheet or script bundle."""
        meta = (page.meta if page is not None else None) or {}
        if kind == "css":
            return self.stylesheet().path
        return self.script(tuple(meta.get("tsp_scripts") or ()), bool(meta.get("tsp_light"))).path

    def _source(self, rel: str) -> str:
        for root in (self.docs_dir, self.theme_dir):
            if (root / rel).is_file():
                return _read(root / rel)
        raise FileNotFoundError(f"bundles: {rel} is in neither docs/ nor Material's theme")

    def stylesheet(self) -> Bundle:
        """The built CSS, Material's stylesheets, then extra_css in its order:
        one file for every page, so it is downloaded once for the whole site.
        Without the rules for colour palettes and schemes no page has."""
        if self._css is None:
            parts = [self.built_css,
                     *(self._source(rel) for rel in [*self.material_css, *self.extra_css])]
            css = CHARSET_RE.sub("", rcssmin.cssmin("\n".join(parts)))
            css = without_attribute_values(CHARSET + css, self.palette)
            self._css = _named("stylesheets", "tsp", "css", css)
            self.made[self._css.path] = self._css
        return self._css

    def script(self, scripts: tuple[str, ...], light: bool) -> Bundle:
        """The core, Material's script, the rest of extra_javascript, then the
        page's own scripts."""
        key = ("light",) if light else scripts
        if key in self._scripts:
            return self._scripts[key]
        name = "tsp-" + "-".join(s.removeprefix("tsp-") for s in key) if key else "tsp"
        core = [rel for rel in self.extra_js if Path(rel).stem == CORE_SCRIPT]
        if len(core) != 1:
            raise ValueError(f"bundles: extra_javascript needs assets/javascripts/{CORE_SCRIPT}.js once")
        rest = [rel for rel in self.extra_js if rel not in core]
        if light:
            rels = [rel for rel in rest if Path(rel).stem in LIGHT_SCRIPTS]
        else:
            rels = [*core, self.material_js, *rest,
                    *(f"assets/javascripts/{s}.js" for s in scripts)]
        text = rjsmin.jsmin(";\n".join(self._source(rel) for rel in rels))
        bundle = _named("javascripts", name, "js", text)
        self.made[bundle.path] = self._scripts[key] = bundle
        return bundle

    def inline_light_css(self, html: str) -> str:
        """A light page with the least of the stylesheet it needs inline, in
        place of the marker: no request before the first paint."""
        if html.count(LIGHT_CSS_MARKER) != 1:
            raise ValueError(f"bundles: a light page needs {LIGHT_CSS_MARKER!r} once in its <style>")
        css = page_css(self.stylesheet().text, html).replace("</", "<\\/")
        return html.replace(LIGHT_CSS_MARKER, css)

    def write(self, site_dir: Path) -> list[str]:
        for bundle in self.made.values():
            target = site_dir / bundle.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(bundle.text, encoding="utf-8")
        return sorted(self.made)
