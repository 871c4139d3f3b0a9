"""The organisation (data/organisation.yml) in everything the theme makes.

- Templates get `tsp_org(lang)`: name, decision, colour, switchboard, review
  date (header, footer, <head>, 404).
- Swedish pages get Swedish tooltips on heading permalinks (the toc
  extension has one title for the whole site).
- The 404 page exists once per language: site/404.html in Swedish (the file
  a static host serves for every missing address) and site/en/404.html.
- After the build: the organisation's stylesheet (colour, print header),
  the icons (a white shield on the organisation's colour) and one web app
  manifest per language.
"""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.loader import load_organisation, load_strings  # noqa: E402
from macros.make_icons import SIZES, write_icons  # noqa: E402
from macros.organisation import view  # noqa: E402

TEMPLATES = ROOT / "macros" / "templates"
STYLESHEET = "assets/stylesheets/tsp-organisation.css"
ICONS = "assets/images"
MANIFEST = "manifest.webmanifest"
_not_found: dict[str, str] = {}


def _i18n(config):
    return config.plugins.get("i18n")


def _language(config, page=None) -> str:
    if page is not None and getattr(page.file, "locale", None):
        return page.file.locale
    i18n = _i18n(config)
    return i18n.current_language if i18n is not None else config.theme["language"]


@lru_cache(maxsize=None)
def _load(root: Path):
    organisation = load_organisation(root)
    return organisation, load_strings(root, organisation)


def _data(config):
    return _load(Path(config.config_file_path).resolve().parent)


def on_env(env, config, files):
    organisation, _ = _data(config)
    env.globals["tsp_org"] = lambda lang: view(organisation, lang)
    env.globals["tsp_language_roots"] = language_roots(config)
    return env


def language_roots(config) -> dict[str, str]:
    """Each built language's root below the site: {"sv": "", "en": "en/"}."""
    i18n = _i18n(config)
    if i18n is None:
        return {config.theme["language"]: ""}
    return {lang.locale: "" if lang.default else f"{lang.locale}/"
            for lang in i18n.config.languages if lang.build}


def on_page_markdown(markdown, page, config, files):
    """Heading permalinks titled in the page's language ("Permanent länk")."""
    _, strings = _data(config)
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = strings.text("permalink", _language(config, page))
    return markdown


# After the CSP hook (priority 0), so the copy written here carries its CSP too.
@event_priority(-10)
def on_post_template(output: str, template_name: str, config) -> str:
    """static-i18n renders 404.html once per language into the same file:
    keep the default language's at the root and put the others under /LANG/."""
    if template_name != "404.html":
        return output
    i18n = _i18n(config)
    if i18n is None:
        return output
    lang = i18n.current_language
    default = i18n.default_language
    if lang == default:
        _not_found[default] = output
        return output
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _not_found.get(default, output)


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


def _site_names(config) -> dict[str, str]:
    i18n = _i18n(config)
    names = {lang.locale: lang.site_name or config.site_name
             for lang in (i18n.config.languages if i18n else [])}
    return names or {config.theme["language"]: config.site_name}


def stylesheet(organisation, strings, site_names) -> str:
    header = {lang: f"{site_names.get(lang, next(iter(site_names.values())))} · "
                    f"{organisation.name(lang)}" for lang in ("sv", "en")}
    reference = {lang: f"{strings.text('registration_number_label', lang)} "
                       f"{organisation.decision.registration_number}" for lang in ("sv", "en")}
    return _templates().get_template("tsp-organisation.css").render(
        primary=organisation.colours.primary, header=header, reference=reference)


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


# After static-i18n (-100) and the search split (-150), before the service
# worker's precache list (-200), which must list these files too.
@event_priority(-170)
def on_post_build(config, **kwargs):
    i18n = _i18n(config)
    if i18n is not None and i18n.building:
        return  # a nested build of one language
    organisation, strings = _data(config)
    site_dir = Path(config.site_dir)
    names = _site_names(config)
    css = site_dir / STYLESHEET
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(stylesheet(organisation, strings, names), encoding="utf-8")
    write_icons(site_dir / ICONS, organisation.initials, organisation.colours.primary,
                organisation.name(config.theme["language"]))
    for lang, folder in language_roots(config).items():
        prefix = "../" * folder.count("/")
        target = site_dir / folder / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(manifest(organisation, strings, names[lang], lang, prefix),
                                     ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
