"""Static Content-Security-Policy gate over one built page."""

from __future__ import annotations

import base64
import hashlib

from bs4 import BeautifulSoup

REQUIRED = {
    "default-src": {"'none'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "form-action": {"'none'"},
    "base-uri": {"'self'"},
    "connect-src": {"'self'"},
    "worker-src": {"'self'"},
}
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


def parse_policy(text: str) -> dict[str, list[str]]:
    policy = {}
    for directive in filter(None, (part.strip() for part in text.split(";"))):
        name, *values = directive.split()
        policy[name.lower()] = values
    return policy


def source_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp_problems(soup: BeautifulSoup) -> list[str]:
    metas = soup.find_all("meta", attrs={"http-equiv": lambda v: v and v.lower() == "content-security-policy"})
    if len(metas) != 1:
        return [f"{len(metas)} CSP <meta> tags (want exactly 1)"]
    meta = metas[0]
    problems = []
    if meta.parent.name != "head":
        problems.append("CSP <meta> is not in <head>")
    if meta.find_all_previous("script"):
        problems.append("a <script> comes before the CSP <meta>")
    policy = parse_policy(meta.get("content", ""))
    for name, values in REQUIRED.items():
        if not values <= set(policy.get(name, [])):
            problems.append(f"{name} lacks {sorted(values)}: {policy.get(name)}")
    for name, values in policy.items():
        if "'unsafe-inline'" in values or "'unsafe-eval'" in values or "*" in values:
            problems.append(f"{name} allows {values}")
    allowed = set(policy.get("script-src", []))
    for script in soup.find_all("script", src=False):
        if (script.get("type") or "").strip().lower() in EXECUTABLE_TYPES:
            if source_hash(script.string or "") not in allowed:
                problems.append(f"inline script not in script-src: {(script.string or '')[:60]!r}")
    for tag in soup.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        if handlers:
            problems.append(f"<{tag.name}> has event handler attributes {handlers} (blocked by the CSP)")
        for name in ("href", "src", "action"):
            if str(tag.get(name, "")).strip().lower().startswith("javascript:"):
                problems.append(f"<{tag.name} {name}> uses a javascript: URL")
    return problems
