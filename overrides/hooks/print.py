"""MkDocs hook: gives the theme templates `tsp_print_actions(page)`, the
"Skriv ut" button and PDF link of a page listed in data/printables.yml.

The PDF files themselves are made after the build by `make pdf`
(macros/pdf.py); the links are plain <a href download> from a template, so
mkdocs' link validation does not look for them before they exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from markupsafe import escape  # noqa: E402

from macros.loader import load_strings  # noqa: E402
from macros.printables import actions_view, find, load_printables  # noqa: E402


def on_env(env, config, files):
    root = Path(config.config_file_path).resolve().parent
    printables = load_printables(root)
    strings = load_strings(root)

    def tsp_print_actions(page):
        """None, or the labels and the relative PDF URL of a printable page."""
        lang = getattr(page.file, "locale", None) or "sv"
        printable = find(printables, page.url, lang)
        if printable is None:
            return None
        # The theme environment does not autoescape: escape every value here.
        view = {**actions_view(printable, lang, page.url),
                "print": strings.text("print", lang),
                "download": strings.text("download_pdf", lang)}
        return {key: escape(value) for key, value in view.items()}

    env.globals["tsp_print_actions"] = tsp_print_actions
    return env
