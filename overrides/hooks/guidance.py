"""Stop the build when a guidance page (docs/skydda-dig/) lacks its sources or
review date: the rule lives in macros/guidance.py, shared with the tests."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.guidance import guidance_problems, is_guidance  # noqa: E402  (needs ROOT on sys.path)


def on_page_markdown(markdown, page, config, files):
    if is_guidance(page.file.src_uri):
        problems = guidance_problems(page.meta)
        if problems:
            raise PluginError("\n".join(f"docs/{page.file.src_uri}: {p}" for p in problems))
    return markdown
