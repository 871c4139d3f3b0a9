"""The Nu HTML Checker (vnu-jar from npm, run with Debian's Java)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "tests" / "gates" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that Material for MkDocs 9.8.1 itself emits, matched on both the
# message and Material's own markup so that the same error elsewhere still fails.
MATERIAL_PATTERNS = [
    # Material's hidden drawer/search/nav toggles: <input class="md-toggle"
    # type="checkbox" autocomplete="off"> (STACK-NOTES point 12).
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle'),
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-nav__toggle md-toggle'),
    # Material's nav-item.html renders tabindex="" on section labels
    # (navigation.sections); browsers ignore an empty tabindex.
    ("Bad value “” for attribute “tabindex” on element “label”", 'class="md-nav__link'),
    # On a section index page (navigation.indexes) Material's toc.html still
    # renders <label class="md-nav__title" for="__toc"> although nav-item.html
    # only renders the __toc checkbox for pages listed as plain links.
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden",
     'class="md-nav__title" for="__toc"'),
]


def from_material(message: dict) -> bool:
    text, extract = message.get("message", ""), message.get("extract", "")
    return any(text.startswith(m) and marker in extract for m, marker in MATERIAL_PATTERNS)


def vnu_errors(target: Path) -> list[str]:
    """Every error in the HTML files under target, less Material's own."""
    if not VNU_JAR.exists():
        raise AssertionError(f"{VNU_JAR} is missing: run `make test` (it runs npm ci)")
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--skip-non-html", str(target)],
        capture_output=True, text=True, timeout=600,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    if result.returncode not in (0, 1) or (result.returncode == 1 and not messages):
        raise AssertionError(f"vnu failed ({result.returncode}): {result.stderr[-2000:]}")
    return [f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m['message']}"
            for m in messages if m.get("type") == "error" and not from_material(m)]
