"""The site's languages and the one rule for their URLs, read from the i18n plugin's configuration.

The default language lives at the site root (`planen/bilaga-3/`), every other
language under its code (`en/planen/bilaga-3/`); Markdown sources follow
static-i18n's suffix structure (`page.md`, `page.en.md`). Python, the theme
templates (`tsp_languages`), the scripts (`data-tsp-*` on <html>) and the tests
all ask this module instead of writing "sv" or "en/" themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from mkdocs.utils import get_relative_url
import yaml
from mkdocs.utils.yaml import get_yaml_loader, yaml_load


# MkDocs' own loader (its !ENV tag and Python names) on libyaml's parser.
MKDOCS_LOADER = get_yaml_loader(getattr(yaml, "CLoader", yaml.Loader))


def read_mkdocs_yml(mkdocs_yml: Path) -> dict:
    """mkdocs.yml as MkDocs reads it, without loading MkDocs' config machinery."""
    with open(mkdocs_yml, encoding="utf-8") as file:
        return yaml_load(file, MKDOCS_LOADER)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool
    # BCP 47 tag the browser formats dates with ('en-GB'); the code if not configured.
    locale: str


class Languages:
    """The built languages, default first."""

    def __init__(self, languages: Iterable[Language]):
        ordered = sorted(languages, key=lambda lang: not lang.default)
        if not ordered or not ordered[0].default or sum(lang.default for lang in ordered) != 1:
            raise ValueError("the i18n plugin must name exactly one default language")
        self.all: tuple[Language, ...] = tuple(ordered)
        self.codes: tuple[str, ...] = tuple(lang.code for lang in ordered)
        self.default: str = ordered[0].code
        self._by_code = {lang.code: lang for lang in ordered}

    # --- where the list comes from ------------------------------------------------
    @classmethod
    def from_entries(cls, entries: Iterable[Any], locales: Mapping[str, str]) -> Languages:
        """From i18n `languages:` entries (config objects or plain dicts)."""
        def get(entry, key, default=None):
            return entry.get(key, default) if isinstance(entry, Mapping) else getattr(entry, key)

        return cls(Language(code=get(e, "locale"), name=get(e, "name"),
                            default=bool(get(e, "default", False)),
                            locale=locales.get(get(e, "locale"), get(e, "locale")))
                   for e in entries if get(e, "build", True))

    @classmethod
    def from_config(cls, config, locales: Mapping[str, str]) -> Languages:
        """From the loaded MkDocs config (during a build)."""
        i18n = config.plugins.get("i18n")
        if i18n is None:
            raise ValueError("mkdocs.yml: plugins: the i18n plugin is missing")
        return cls.from_entries(i18n.config.languages, locales)

    @classmethod
    def from_file(cls, mkdocs_yml: Path) -> Languages:
        """From mkdocs.yml without loading MkDocs (command-line tools, tests);
        read again only when the file changes."""
        stat = Path(mkdocs_yml).stat()
        return cls._read(str(Path(mkdocs_yml).resolve()), stat.st_mtime_ns, stat.st_size)

    @classmethod
    @lru_cache(maxsize=64)
    def _read(cls, mkdocs_yml: str, mtime_ns: int, size: int) -> Languages:
        config = read_mkdocs_yml(Path(mkdocs_yml))
        plugins = {}
        for entry in config.get("plugins", []):
            name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
            plugins[name] = options or {}
        return cls.from_entries(plugins["i18n"]["languages"],
                                plugins.get("tsp", {}).get("locales", {}))

    # --- the rule -----------------------------------------------------------------
    def __iter__(self):
        return iter(self.codes)

    def language(self, code: str) -> Language:
        return self._by_code[code]

    def is_default(self, code: str) -> bool:
        return code == self.default

    def others(self) -> tuple[str, ...]:
        """The languages built under a prefix (all but the default)."""
        return self.codes[1:]

    def prefix(self, code: str) -> str:
        """'' for the default language, 'en/' for English."""
        return "" if self.is_default(code) else f"{code}/"

    def site_path(self, path: str, code: str) -> str:
        """Built URL of a default-language site path: ('planen/bilaga-3/', 'en') -> 'en/planen/bilaga-3/'."""
        return self.prefix(code) + path

    def relative_url(self, target: str, code: str, from_url: str) -> str:
        """Link from the page at from_url to site path target in the same language."""
        return get_relative_url(self.site_path(target, code), from_url or "./")

    def page_url(self, docs_path: str, code: str) -> str:
        """Site URL (directory style) of a docs path:
        ('planen/bilaga-2/index.md#x', 'en') -> 'en/planen/bilaga-2/#x'."""
        path, _, anchor = docs_path.partition("#")
        stem = path[:-3]
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")]
        else:
            stem += "/"
        return self.site_path(stem, code) + (f"#{anchor}" if anchor else "")

    def source(self, docs_page: str, code: str) -> str:
        """Markdown source of a docs page in a language: ('a/b.md', 'en') -> 'a/b.en.md'."""
        return docs_page if self.is_default(code) else f"{docs_page[:-3]}.{code}.md"

    def of_url(self, url: str) -> str:
        """Language of a built page path ('en/planen/bilaga-1/' is English)."""
        first = url.split("/", 1)[0]
        return first if first in self.others() else self.default

    def of_page(self, page) -> str:
        """Language of a page being built (static-i18n sets page.file.locale)."""
        file = getattr(page, "file", None)
        return getattr(file, "locale", None) or self.default

    def homes(self) -> list[tuple[str, str]]:
        """(code, start page as a site path) for each language; 'index.html' for the default."""
        return [(code, self.prefix(code) or "index.html") for code in self.codes]
