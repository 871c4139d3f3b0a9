"""What one build knows: the project folder, its languages, the validated data and the renderer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    def load(cls, root: Path, languages: Languages, theme_env, partials: Path) -> Site:
        """Read and validate every data file once (DataError names file and line)."""
        data = load_all(root, languages)
        return cls(root, languages, data, Renderer(theme_env, partials, data["strings"].text))

    def __getattr__(self, name: str) -> Any:
        """site.routine, site.contacts, … for the data files."""
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None

    def lang(self, page) -> str:
        """Language of the page being built."""
        return self.languages.of_page(page)
