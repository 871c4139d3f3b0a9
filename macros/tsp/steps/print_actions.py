"""The 'Skriv ut' button and PDF link of a printable page, for the theme.

`tsp_print_actions(page)` for the theme: the "Skriv ut" button and PDF link
of a page listed in data/printables.yml.

The PDF files themselves are made after the build by `make pdf`
(steps/pdf.py); the links are plain <a href download> from a template, so
mkdocs' link validation does not look for them before they exist.
"""

from __future__ import annotations

from typing import Callable

from markupsafe import escape

from ..models.printables import actions_view, find


def print_actions(site) -> Callable:
    printables, strings, languages = site.printables, site.strings, site.languages

    def tsp_print_actions(page):
        """None, or the labels and the relative PDF URL of a printable page."""
        lang = languages.of_page(page)
        printable = find(printables, page.url, lang, languages)
        if printable is None:
            return None
        # The theme environment does not autoescape: escape every value here.
        view = {**actions_view(printable, lang, page.url, languages),
                "print": strings.text("print", lang),
                "download": strings.text("download_pdf", lang)}
        return {key: escape(value) for key, value in view.items()}

    return tsp_print_actions
