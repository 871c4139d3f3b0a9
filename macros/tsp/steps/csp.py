"""A strict Content-Security-Policy <meta> on every page, computed after rendering.

Material's inline scripts differ by page depth (`__md_scope=new URL("../..")`),
so the hashes can only be known once the page is rendered: `on_post_page` scans
the final HTML (attributes read as the stdlib parser reads them, only on the tags
that can matter), hashes each inline executable script (and
each `style` attribute value, which Python-Markdown's table alignment emits, and
each inline <style> element), and inserts one <meta> right after <meta charset>,
before any script. The tsp plugin runs this step last, so it hashes the final HTML.

Only scripts the site itself wrote get a hash. The known inline scripts are
read from the template sources: Material's own (partials/javascripts/*.html)
and this project's (overrides/**/*.html), each `{{ … }}` in them standing for
a value without quotes or brackets. Any other inline script, or an event
handler attribute (`onerror=`), can only come from text that was not escaped:
the build stops and names the page, instead of allowing it.

A <meta> CSP cannot carry `frame-ancestors`, `report-uri` or `sandbox`: those
need a real HTTP header, which a static host like GitHub Pages cannot set.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from html import unescape
from html.parser import attrfind_tolerant
from pathlib import Path
from typing import Callable

import material
from mkdocs.exceptions import PluginError

from .. import ROOT

# Where the inline scripts that may run come from (see known_scripts()).
SCRIPT_SOURCES = (Path(material.__file__).resolve().parent / "templates" / "partials" / "javascripts",
                  ROOT / "overrides")
# What a `{{ value }}` inside a known script may become: no quote, bracket,
# backslash or line break, so it cannot end the string it stands in.
PLACEHOLDER_VALUE = r"""[^"'`<>\\\n]*"""

# Script types a browser executes; JSON and templates are data, not code.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

BASE_POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
    "form-action": ["'none'"],
    "base-uri": ["'self'"],
}

def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


# Comments, <script>/<style> with their raw text (a "<" inside is no tag), the
# end of <head>, and every other start tag; a quoted attribute value may hold ">".
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_MARKUP = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<raw>script|style)(?=[\s/>])(?P<raw_attrs>{_ATTRS})>(?P<body>.*?)</\s*(?P=raw)\s*>"
    r"|(?P<head_end></head\s*>)"
    rf"|<(?P<tag>[a-zA-Z][^\s/>]*)(?P<attrs>{_ATTRS})>",
    re.DOTALL | re.IGNORECASE)
# A tag whose attributes may include `style` or an `on…` handler; other tags
# are not read attribute by attribute (most of a page).
_STYLE_OR_HANDLER = re.compile(r"(?<=[\s\"'/])(?:style|on)", re.IGNORECASE)
# What html.parser skips between a tag's name and its first attribute.
_BEFORE_ATTRIBUTES = re.compile(r"(?:\s|/(?!>))*")


def _attributes(html: str, start: int, end: int) -> list[tuple[str, str | None]]:
    """(name, value) of the attributes in html[start:end], read as html.parser
    reads them: names lowercased, values unquoted and unescaped."""
    attrs = []
    start = _BEFORE_ATTRIBUTES.match(html, start, end).end()
    while start < end and (match := attrfind_tolerant.match(html, start, end)):
        name, rest, value = match.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == value[-1:] and value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs.append((name.lower(), unescape(value) if value else value))
        start = match.end()
    return attrs


class PageScan:
    """Finds inline scripts, inline <style>, style attributes, event handler
    attributes and where the CSP <meta> goes (right after <meta charset>, else
    right after <head>)."""

    def __init__(self, html: str):
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attrs: list[str] = []
        self.handlers: list[str] = []
        self.insert_at: int | None = None
        in_head = False
        for match in _MARKUP.finditer(html):
            kind = match.lastgroup  # the last group of the alternative that matched
            if kind == "attrs":  # a start tag
                name, group = match["tag"].lower(), "attrs"
                if name not in ("head", "meta") and not _STYLE_OR_HANDLER.search(match[group]):
                    continue  # no attribute the policy is about
            elif kind == "body":  # <script> or <style> and its text
                name, group = match["raw"].lower(), "raw_attrs"
            else:  # a comment, or </head>
                in_head = in_head and kind != "head_end"
                continue
            tag_end = match.end(group) + 1
            attrs = _attributes(html, match.start(group), match.end(group))
            values = dict(attrs)
            if values.get("style"):
                self.style_attrs.append(values["style"])
            self.handlers += [f"<{name} {attr}=…>" for attr, _ in attrs if attr.startswith("on")]
            if name == "head" and self.insert_at is None:
                in_head = True
                self.insert_at = tag_end
            elif name == "meta" and in_head and "charset" in values:
                self.insert_at = tag_end
            elif name == "style":
                self.styles.append(match.group("body"))
            elif name == "script" and "src" not in values \
                    and (values.get("type") or "").strip().lower() in EXECUTABLE_TYPES:
                self.scripts.append(match.group("body"))


def policy_for(scan: PageScan) -> str:
    policy = {name: list(values) for name, values in BASE_POLICY.items()}
    policy["script-src"] += sorted({sha256_source(s) for s in scan.scripts})
    # Inline <style> elements (the Akut page's CSS), each by its hash.
    policy["style-src"] += sorted({sha256_source(s) for s in scan.styles})
    if scan.style_attrs:
        # Only these exact attribute values (e.g. `text-align: left;` from a
        # Markdown table), never 'unsafe-inline'.
        policy["style-src-attr"] = ["'unsafe-hashes'"] + sorted(
            {sha256_source(s) for s in scan.style_attrs})
    return "; ".join(" ".join([name, *values]) for name, values in policy.items())


@lru_cache(maxsize=None)
def known_scripts(sources: tuple[Path, ...] = SCRIPT_SOURCES) -> tuple[re.Pattern, ...]:
    """One pattern per inline script written in the template sources."""
    patterns = []
    for folder in sources:
        for path in sorted(folder.rglob("*.html")):
            for body in PageScan(path.read_text(encoding="utf-8")).scripts:
                if "{%" in body or "{#" in body:
                    continue  # a script assembled by template logic is not allowed by shape
                parts = re.split(r"\{\{.*?\}\}", body, flags=re.DOTALL)
                patterns.append(re.compile(PLACEHOLDER_VALUE.join(re.escape(p) for p in parts)))
    return tuple(patterns)


class UnknownScript(PluginError):
    """An inline script or event handler that no template of the site wrote."""


def foreign_code(scan: PageScan) -> list[str]:
    """Inline scripts and handlers the site did not write, shortened for a message."""
    known = known_scripts()
    found = [script for script in scan.scripts if not any(p.fullmatch(script) for p in known)]
    return [" ".join(s.split())[:80] for s in found] + scan.handlers


def with_csp(output: str, render: Callable[..., str], where: str = "page") -> str:
    """The page with its CSP <meta> (overrides/partials/tsp-csp-meta.html) inserted;
    an inline script or handler the site did not write stops the build."""
    scan = PageScan(output)
    if scan.insert_at is None:
        return output
    foreign = foreign_code(scan)
    if foreign:
        raise UnknownScript(
            f"csp: {where} has script the site did not write: {'; '.join(foreign[:3])}. "
            f"Text from data/ or a page must reach HTML escaped; nothing was hashed or allowed.")
    meta = str(render("tsp-csp-meta.html", "", policy=policy_for(scan))).strip()
    return output[:scan.insert_at] + meta + output[scan.insert_at:]
