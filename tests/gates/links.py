"""Link gate: every internal link and anchor of the built site resolves.

A crawl of the built site (HTML and PDF) resolving every internal
href/src and #anchor, plus the syntax of tel: and mailto: links."""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

LOCAL = "http://site.invalid/"
URL_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src",
             "source": "src", "iframe": "src", "video": "src", "audio": "src",
             "track": "src", "embed": "src", "object": "data", "form": "action"}
TEL = re.compile(r"^\+?[0-9]+$")
MAILTO = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[A-Za-z]{2,}$")


# lxml's own tree, not BeautifulSoup's (the same parser underneath): the crawl
# reads every page of a site, and this is many times faster.
_HTML = lxml.html.HTMLParser(encoding="utf-8")


@functools.lru_cache(maxsize=None)
def _parse(path: Path):
    return lxml.html.fromstring(path.read_bytes(), parser=_HTML)


@functools.lru_cache(maxsize=None)
def _anchors(path: Path) -> frozenset[str]:
    tree = _parse(path)
    return frozenset(tree.xpath("//@id") + tree.xpath("//a/@name"))


def _target_file(site_dir: Path, url_path: str) -> Path | None:
    target = site_dir / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def check_url(site_dir: Path, where: str, base: str, url: str,
              site_roots: tuple[str, ...] = ()) -> list[str]:
    """Problems with one URL found in `where`, whose own address is `base`."""
    url = url.strip()
    scheme = urlsplit(url).scheme.lower()
    if scheme == "tel":
        number = re.sub(r"[\s\-]", "", unquote(url[4:]))
        return [] if TEL.match(number) else [f"{where}: bad tel: link {url!r}"]
    if scheme == "mailto":
        address = unquote(url[7:]).split("?")[0]
        return [] if MAILTO.match(address) else [f"{where}: bad mailto: link {url!r}"]
    for root in site_roots:
        if url.startswith(root):
            url = LOCAL + url[len(root):]
            break
    absolute = urljoin(base, url)
    if not absolute.startswith(LOCAL):
        return []  # another site, or data:; not fetched (no network in tests)
    parts = urlsplit(absolute)
    target = _target_file(site_dir, parts.path)
    if target is None:
        return [f"{where}: broken link {url!r}"]
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _anchors(target):
        return [f"{where}: missing anchor {url!r}"]
    return []


def site_roots(soup, site_dir: Path) -> tuple[str, ...]:
    """The configured site_url (absolute links to it are internal); a local
    build has none, and writes no canonical link."""
    canonical = soup(site_dir / "index.html").find("link", rel="canonical")
    return (canonical["href"],) if canonical else ()


def page_links(site_dir: Path, path: Path, site_roots=()) -> list[str]:
    rel = path.relative_to(site_dir).as_posix()
    base = LOCAL + rel
    problems = []
    for element in _parse(path).iter(*URL_ATTRS):
        url = element.get(URL_ATTRS[element.tag])
        if url is None:
            continue
        if element.tag == "link" and "canonical" in (element.get("rel") or "").split():
            continue  # the public address, checked as site_url by mkdocs
        problems += check_url(site_dir, rel, base, url, site_roots)
    return problems


def pdf_urls(path: Path) -> list[str]:
    """URI link annotations of a PDF (poppler's `pdfinfo -url`)."""
    out = subprocess.run(["pdfinfo", "-url", str(path)], capture_output=True,
                         text=True, check=True).stdout
    rows = [line.split(None, 2) for line in out.splitlines()[1:] if line.strip()]
    return [row[2] for row in rows if len(row) == 3]


def link_problems(site_dir: Path, site_roots: tuple[str, ...] = ()) -> list[str]:
    _parse.cache_clear()
    _anchors.cache_clear()
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        problems += page_links(site_dir, path, site_roots)
    for path in sorted(site_dir.rglob("*.pdf")):
        rel = path.relative_to(site_dir).as_posix()
        for url in pdf_urls(path):
            problems += check_url(site_dir, rel, LOCAL + rel, url, site_roots)
    return problems
