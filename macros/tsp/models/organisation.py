"""data/organisation.yml: the organisation behind the site, in one place.

Name, decision, colours, switchboard and review date are validated here and
handed to pages (macros), theme templates (macros/tsp/steps/organisation.py),
the print header, the web app manifests and the icons.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field

from .contacts import Phone, tel_href
from .base import Loc, NonEmptyStr, Strict, Text

COLOUR_PATTERN = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
# WCAG 2.1 AA for normal text (1.4.3).
MIN_CONTRAST = 4.5


def _colour(value: str) -> str:
    if not COLOUR_PATTERN.match(value):
        raise ValueError(f"'{value}' is not a colour: write it like \"#1f4e79\" (in quotes)")
    return value.lower()


def luminance(colour: str) -> float:
    """Relative luminance of #rrggbb (WCAG 2.1)."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _url(value: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s/]+(/\S*)?$", value):
        raise ValueError(f"'{value}' is not a web address: write it like https://trygg.exempel.se/")
    return value if value.endswith("/") else value + "/"


def _initials(value: str) -> str:
    if not 1 <= len(value) <= 3 or not value.isalpha():
        raise ValueError(f"'{value}' must be one to three letters, like \"OK\"")
    return value


def _email(value: str) -> str:
    if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
        raise ValueError(f"'{value}' is not an e-mail address: write it like registrator@exempel.se")
    return value


Colour = Annotated[NonEmptyStr, AfterValidator(_colour)]


class Decision(Strict):
    """The council decision that adopted the plan."""

    body: Text
    date: dt.date
    registration_number: NonEmptyStr


class Colours(Strict):
    primary: Colour


class Organisation(Strict):
    name: Text
    possessive: Text
    short_name: NonEmptyStr
    initials: Annotated[NonEmptyStr, AfterValidator(_initials)]
    decision: Decision
    logo: NonEmptyStr | None = None
    colours: Colours
    switchboard: Annotated[Phone, Field(min_length=3)]
    email: Annotated[NonEmptyStr, AfterValidator(_email)]
    site_url: Annotated[NonEmptyStr, AfterValidator(_url)] | None = None
    last_reviewed: dt.date

    def problems(self) -> list[tuple[Loc, str]]:
        found = []
        ratio = contrast(self.colours.primary, WHITE)
        if ratio < MIN_CONTRAST:
            found.append((("colours", "primary"),
                          f"contrast with white is {ratio:.2f}:1, at least {MIN_CONTRAST}:1 "
                          "is needed (white text on it, and links on white): choose a darker colour"))
        return found


def logo_problems(organisation: Organisation, docs: Path) -> list[tuple[Loc, str]]:
    """The logo must be a file below docs/ that a browser shows as an image."""
    if organisation.logo is None:
        return []
    path = docs / organisation.logo
    if path.suffix.lower() not in (".svg", ".png"):
        return [(("logo",), f"'{organisation.logo}' must be an .svg or .png file")]
    if not path.is_file():
        return [(("logo",), f"docs/{organisation.logo} does not exist")]
    return []


# Placeholders data/strings.yml may use; filled in for each language.
def placeholders(organisation: Organisation, lang: str) -> dict[str, str]:
    return {
        "{organisation}": organisation.name(lang),
        "{organisation_possessive}": organisation.possessive(lang),
        "{registration_number}": organisation.decision.registration_number,
    }


def view(organisation: Organisation, lang: str) -> dict:
    """What templates and pages print about the organisation, in one language."""
    decision = organisation.decision
    return {
        "name": organisation.name(lang),
        "possessive": organisation.possessive(lang),
        "short_name": organisation.short_name,
        "initials": organisation.initials,
        "decision_body": decision.body(lang),
        "decision_date": decision.date.isoformat(),
        "registration_number": decision.registration_number,
        "logo": organisation.logo,
        "primary": organisation.colours.primary,
        "switchboard": organisation.switchboard,
        "switchboard_tel": tel_href(organisation.switchboard),
        "email": organisation.email,
        "site_url": organisation.site_url,
        "last_reviewed": organisation.last_reviewed.isoformat(),
    }
