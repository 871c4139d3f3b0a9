"""Building blocks shared by every data model: strict fields, two-language text."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, RootModel, StringConstraints

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Unknown keys are errors, values are never coerced between types."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Text(Strict):
    """A text in both languages: `{sv: …, en: …}`.

    A language added to mkdocs.yml after these two shows the Swedish text until
    the data is translated; Swedish and English are both required.
    """

    sv: NonEmptyStr
    en: NonEmptyStr

    def __call__(self, lang: str) -> str:
        return getattr(self, lang, None) or self.sv


class Catalogue(RootModel[dict[NonEmptyStr, Text]]):
    """data/strings.yml: the words that templates print, keyed by id."""

    def text(self, key: str, lang: str) -> str:
        try:
            return self.root[key](lang)
        except KeyError:
            raise KeyError(f"data/strings.yml has no entry '{key}'") from None

    def filled(self, values: dict[str, dict[str, str]]) -> "Catalogue":
        """A copy with each language's placeholders ({organisation} …) replaced."""
        def fill(text: str, lang: str) -> str:
            for placeholder, value in values[lang].items():
                text = text.replace(placeholder, value)
            return text
        return Catalogue({key: Text(**{lang: fill(text(lang), lang) for lang in Text.model_fields})
                          for key, text in self.root.items()})


Loc = tuple[str | int, ...]


def duplicates(items, what: str) -> list[tuple[Loc, str]]:
    """(loc, id) pairs -> a problem for every id seen before."""
    seen: dict[str, Loc] = {}
    found = []
    for loc, value in items:
        if value in seen:
            found.append((loc, f"duplicate {what} id '{value}' (already used above)"))
        else:
            seen[value] = loc
    return found
