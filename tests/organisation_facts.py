"""The organisation under test, from data/organisation.yml, so no test names one.

The organisation of the site under test (data/organisation.yml), so that
no test names a municipality: the same tests pass for any organisation."""

from __future__ import annotations

import re
from pathlib import Path


from macros.tsp.languages import read_mkdocs_yml
from macros.tsp.models.loader import load_organisation, load_strings
from project import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent


def organisation(root: Path = ROOT):
    return load_organisation(root)


def site_names(root: Path = ROOT) -> dict[str, str]:
    """Site name per language, as mkdocs.yml's i18n languages set it."""
    config = read_mkdocs_yml(root / "mkdocs.yml")
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return {lang["locale"]: lang.get("site_name") or config["site_name"] for lang in i18n["languages"]}


def print_header(lang: str, root: Path = ROOT) -> str:
    """The running header at the top left of every printed sheet."""
    return f"{site_names(root)[lang]} · {organisation(root).name(lang)}"


def print_reference(lang: str, root: Path = ROOT) -> str:
    """The registration number at the top right of every printed sheet."""
    strings = load_strings(root)
    return (f"{strings.text('registration_number_label', lang)} "
            f"{organisation(root).decision.registration_number}")


def margin_pattern(root: Path = ROOT) -> re.Pattern:
    """Everything the print CSS writes in the page margins, both languages."""
    texts = [re.escape(t) for lang in LANGUAGES
             for t in (print_header(lang, root), print_reference(lang, root))]
    return re.compile("|".join(texts + [r"Sida \d+ av \d+", r"Page \d+ of \d+"]))
