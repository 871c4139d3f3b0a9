"""The organisation (data/organisation.yml) in everything the theme makes.

Called by the tsp plugin (macros/tsp/plugin.py):

- `theme_globals`: `tsp_org(lang)`, name, decision, colour, switchboard and
  review date for the header, footer, <head> and 404 templates;
- `permalink_title`: Swedish pages get Swedish tooltips on heading permalinks
  (the toc extension has one title for the whole site);
- `NotFoundPages`: the 404 page once per language, site/404.html in the
  default language (the file a static host serves for every missing address)
  and site/LANG/404.html for the others;
- `site_stylesheet`: the organisation's stylesheet (colour, print header),
  which the page bundle carries first (steps/bundles.py);
- `write_assets`: after the build, that stylesheet as its own readable file
  (no page links it), the icons (a white shield on the organisation's
  colour) and one web app manifest per language.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from ..icons import SIZES, write_icons
from ..models.organisation import view

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STYLESHEET = "assets/stylesheets/tsp-organisation.css"
ICONS = "assets/images"
MANIFEST = "manifest.webmanifest"


def theme_globals(site) -> dict[str, Any]:
    organisation = site.organisation

    def tsp_org(lang: str) -> dict[str, Any]:
        """The organisation's facts, HTML-escaped: MkDocs' theme environment
        does not autoescape (the footer prints them on every page)."""
        return {key: escape(value) if isinstance(value, str) else value
                for key, value in view(organisation, lang).items()}

    return {"tsp_org": tsp_org}


def permalink_title(site, config, lang: str) -> None:
    """Set the toc extension's permalink title for the page about to be rendered
    (MkDocs makes a Markdown instance per page from config.mdx_configs)."""
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = site.strings.text("permalink", lang)


class NotFoundPages:
    """static-i18n renders 404.html once per language into the same file:
    keep the default language's at the root and put the others under /LANG/."""

    def __init__(self) -> None:
        self._default: str | None = None

    def __call__(self, output: str, site, config) -> str:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return output
        lang = i18n.current_language
        if site.languages.is_default(lang):
            self._default = output
            return output
        target = Path(config.site_dir) / site.languages.prefix(lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return self._default or output


def css_string(value: str) -> str:
    """A CSS string literal: quotes, backslashes and line breaks escaped."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'


@lru_cache(maxsize=1)
def _templates() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False,
                      undefined=StrictUndefined)
    env.filters["css_string"] = css_string
    return env


def site_names(config, languages) -> dict[str, str]:
    """The site's name per language (i18n `languages: … site_name`)."""
    i18n = config.plugins.get("i18n")
    names = {lang.locale: lang.site_name for lang in i18n.config.languages} if i18n else {}
    return {code: names.get(code) or config.site_name for code in languages}


def stylesheet(organisation, strings, names: dict[str, str], languages) -> str:
    header = {code: f"{names[code]} · {organisation.name(code)}" for code in languages}
    reference = {code: f"{strings.text('registration_number_label', code)} "
                       f"{organisation.decision.registration_number}" for code in languages}
    return _templates().get_template("tsp-organisation.css").render(
        primary=organisation.colours.primary, header=header, reference=reference)


def site_stylesheet(site, config) -> str:
    """The organisation's stylesheet of this build, every language in one."""
    return stylesheet(site.organisation, site.strings, site_names(config, site.languages),
                      site.languages)


def manifest(organisation, strings, site_name: str, lang: str, prefix: str) -> dict:
    """The web app manifest of one language; prefix leads from its folder to the root."""
    return {
        "name": f"{site_name} – {organisation.name(lang)}",
        "short_name": strings.text("manifest_short_name", lang),
        "description": strings.text("manifest_description", lang),
        "lang": lang,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": organisation.colours.primary,
        "icons": [{"src": f"{prefix}{ICONS}/tsp-icon-{size}.png", "sizes": f"{size}x{size}",
                   "type": "image/png", "purpose": "any maskable"} for size in SIZES]
        + [{"src": f"{prefix}{ICONS}/tsp-icon.svg", "sizes": "any", "type": "image/svg+xml"}],
        "shortcuts": [{"name": strings.text("emergency_link", lang), "url": "akut/"}],
    }


def write_assets(site, config, site_dir: Path) -> None:
    """Stylesheet, icons and manifests into the built site (before the offline
    manifest, which must list them too)."""
    organisation, strings, languages = site.organisation, site.strings, site.languages
    names = site_names(config, languages)
    css = site_dir / STYLESHEET
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(site_stylesheet(site, config), encoding="utf-8")
    write_icons(site_dir / ICONS, organisation.initials, organisation.colours.primary,
                organisation.name(languages.default))
    for code in languages:
        folder = languages.prefix(code)
        target = site_dir / folder / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        data = manifest(organisation, strings, names[code], code, "../" * folder.count("/"))
        target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
