"""The least CSS one page needs (the Akut page's inline stylesheet).

The rules of a stylesheet that can apply to one page (for the Akut page,
which gets its CSS inline, the least it needs).

Conservative, like PurgeCSS: a rule is kept when every class, id, element
and attribute name its selector requires occurs in the page. Arguments of
functional pseudo-classes (`:not(.x)`, `:is(h1, h2)`, `:has(…)`) are not
required, so a rule is never dropped because of them. @media and @supports
blocks are filtered inside; other at-rules (@keyframes, @font-face, @page)
are kept whole. Works on minified CSS (macros/tsp/steps/bundles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Callable

_FUNCTIONAL = re.compile(r":{1,2}[a-zA-Z-]+\(")
_PSEUDO = re.compile(r":{1,2}[a-zA-Z-]+")
_ATTR = re.compile(r"\[\s*([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\]\s]*)))?[^\]]*\]")
_TOKEN = re.compile(r"([.#]?)(-?[_a-zA-Z\\][-_a-zA-Z0-9\\]*)")
_FILTERED_AT = ("@media", "@supports")


@dataclass
class PageTokens:
    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attrs: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = PageTokens()

    def handle_starttag(self, tag, attrs):
        self.tokens.tags.add(tag)
        for name, value in attrs:
            self.tokens.attrs.add(name)
            self.tokens.values.add((name, value or ""))
            if name == "class" and value:
                self.tokens.classes.update(value.split())
            elif name == "id" and value:
                self.tokens.ids.add(value)

    handle_startendtag = handle_starttag


def page_tokens(html: str) -> PageTokens:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.tokens


def _strip_functional(selector: str) -> str:
    """The selector without the arguments of :not(), :is(), :has(), ::part() …"""
    out, i = [], 0
    while (match := _FUNCTIONAL.search(selector, i)) is not None:
        out.append(selector[i:match.start()])
        depth, j = 1, match.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j
    out.append(selector[i:])
    return "".join(out)


def selector_applies(selector: str, tokens: PageTokens) -> bool:
    simple = _strip_functional(selector)
    for name, exact, *quoted in _ATTR.findall(simple):
        if name.lower() not in tokens.attrs:
            return False
        # [name=value] (exactly equal): the page has no script that changes it.
        if exact and (name.lower(), "".join(quoted)) not in tokens.values:
            return False
    simple = _PSEUDO.sub(" ", _ATTR.sub(" ", simple))
    simple = re.sub(r"\\.", "x", simple) if "\\" in simple else simple
    for kind, name in _TOKEN.findall(simple):
        if kind == "." and name not in tokens.classes:
            return False
        if kind == "#" and name not in tokens.ids:
            return False
        if kind == "" and name.lower() not in tokens.tags and name not in ("html", "body"):
            return False
    return True


def _blocks(css: str):
    """(prelude, body) of each top-level rule; body without its braces."""
    i, n = 0, len(css)
    while i < n:
        open_at = css.find("{", i)
        if open_at == -1:
            return
        prelude = css[i:open_at].strip()
        if prelude.startswith("@") and ";" in prelude:  # @charset/@import before a rule
            semi = css.index(";", i) + 1
            yield css[i:semi].strip(), None
            i = semi
            continue
        depth, j = 1, open_at + 1
        while j < n and depth:
            char = css[j]
            if char in "\"'":
                j = css.index(char, j + 1)
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            j += 1
        yield prelude, css[open_at + 1:j - 1]
        i = j


def subset(css: str, html: str) -> str:
    """The rules of css that can apply to html."""
    return _subset(css, page_tokens(html))


def _rewrite(css: str, rule) -> str:
    """css with each style rule replaced by rule(prelude, body) ('' drops it),
    also inside @media/@supports (dropped when emptied); other at-rules kept."""
    out = []
    for prelude, body in _blocks(css):
        if body is None:
            out.append(prelude)
        elif prelude.startswith(_FILTERED_AT):
            inner = _rewrite(body, rule)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            out.append(rule(prelude, body))
    return "".join(out)


def _subset(css: str, tokens: PageTokens) -> str:
    return _rewrite(css, _selectors_where(lambda selector: selector_applies(selector, tokens)))


def without_attribute_values(css: str, values: dict[str, set[str]]) -> str:
    """css without the selectors that require `[name=value]` for a name of
    values and a value not in its set: no element ever has it."""
    def possible(selector: str) -> bool:
        for name, exact, *quoted in _ATTR.findall(_strip_functional(selector)):
            if exact and name.lower() in values and "".join(quoted) not in values[name.lower()]:
                return False
        return True

    return _rewrite(css, _selectors_where(possible))


def _selectors_where(keep: Callable[[str], bool]) -> Callable[[str, str], str]:
    """A rule for _rewrite: the rule with the selectors keep() accepts ('' if none)."""
    def rule(prelude: str, body: str) -> str:
        kept = [s for s in _split_selectors(prelude) if keep(s)]
        return f"{','.join(kept)}{{{body}}}" if kept else ""

    return rule


def _split_selectors(prelude: str) -> list[str]:
    """Top-level commas only (not those inside :is(…))."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index].strip())
            start = index + 1
    parts.append(prelude[start:].strip())
    return [p for p in parts if p]


def _declarations(body: str) -> list[str]:
    """The declarations of a rule body, split at top-level semicolons."""
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(body):
        if quote:
            if char == quote and body[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == ";" and depth == 0:
            parts.append(body[start:index])
            start = index + 1
    parts.append(body[start:])
    return [p for p in parts if p.strip()]


_VAR = re.compile(r"var\(\s*(--[-_a-zA-Z0-9]+)")


def page_css(css: str, html: str) -> str:
    """The least CSS of css that html needs: its rules that can apply, without
    the custom properties that none of them (nor a style attribute) uses."""
    return drop_unused_properties(subset(css, html), set(_VAR.findall(html)))


def drop_unused_properties(css: str, used_elsewhere: set[str] = frozenset()) -> str:
    """Without the custom properties (--name: …) that nothing uses."""
    while True:
        used = set(_VAR.findall(css)) | used_elsewhere
        pruned = _prune(css, used)
        if pruned == css:
            return css
        css = pruned


def _prune(css: str, used: set[str]) -> str:
    def rule(prelude: str, body: str) -> str:
        kept = [d for d in _declarations(body)
                if not d.strip().startswith("--") or d.split(":", 1)[0].strip() in used]
        return f"{prelude}{{{';'.join(kept)}}}" if kept else ""

    return _rewrite(css, rule)
