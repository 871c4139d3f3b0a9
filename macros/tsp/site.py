"""What one build knows: the project folder, its languages, the validated data and the renderer."""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, Callable

from . import ROOT
from .languages import Languages
from .models.loader import load_all
from .render import Renderer


@dataclass
class Site:
    root: Path
    languages: Languages
    # load_all()'s result: strings, routine, contacts, incident, course, printables.
    data: dict[str, Any]
    render: Renderer

    @classmethod
    def from_config(cls, config, locales: dict[str, str]) -> Site:
        """Read and validate every data file once (DataError names file and line)."""
        root = Path(config.config_file_path).resolve().parent
        languages = Languages.from_config(config, locales)
        data = load_all(root, languages)
        renderer = Renderer(config.theme.get_env(), Path(config.theme.custom_dir) / "partials",
                            data["strings"].text)
        return cls(root, languages, data, renderer)

    @classmethod
    def from_project(cls, root: Path = ROOT) -> Site:
        """The Site a build of root/mkdocs.yml has, without building (tests, tools)."""
        from mkdocs.config import load_config

        config = load_config(str(root / "mkdocs.yml"))
        return cls.from_config(config, config.plugins["tsp"].config.locales)

    def __getattr__(self, name: str) -> Any:
        """site.routine, site.contacts, … for the data files."""
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None

    def lang(self, page) -> str:
        """Language of the page being built."""
        return self.languages.of_page(page)

    def partial_macro(self, env, template: str) -> Callable[[Callable], Callable]:
        """Decorator for a page macro that renders one partial: the decorated function
        gets (lang, page url, *the macro's arguments) and returns the partial's context."""
        def register(context: Callable[..., dict[str, Any]]) -> Callable:
            @wraps(context)
            def macro(*args: Any):
                lang = self.lang(env.page)
                return self.render(template, lang, **context(lang, env.page.url, *args))

            env.macro(macro, context.__name__)
            return macro

        return register
