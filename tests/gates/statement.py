"""Accessibility statement gate: Digg's required content and a footer link to it.

What Digg requires, and a footer link to it
from every page in the page's own language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from project import LANGUAGES

DIGG_FORM = "https://www.digg.se/tdosanmalan"
LOCAL = "http://site.invalid/"
# Section ids are the same in both languages; words are per language.
SECTIONS = {"status": "compliance status", "brister": "known inaccessible content",
            "oskaligt-betungande": "unreasonable burden (12 §)",
            "utanfor-lagen": "content outside the law (9 §)",
            "metod": "method", "okontrollerat": "what is untested",
            "kontakt": "feedback and other formats", "tillsyn": "enforcement"}
WORDS = {
    "sv": {"Trygg och säker politiker": "service",
           "förenlig": "compliance status", "axe": "automated test",
           "tangentbord": "keyboard check", "200 %": "zoom check",
           "skärmläsare": "screen reader check", "annan form": "other formats"},
    "en": {"Safe and secure elected representatives": "service",
           "compliant": "compliance status", "axe": "automated test",
           "keyboard": "keyboard check", "200 %": "zoom check",
           "screen reader": "screen reader check", "another form": "other formats"},
}


def statement_path(site_dir: Path, lang: str) -> Path:
    return site_dir / LANGUAGES.prefix(lang) / "tillganglighet" / "index.html"


def statement_problems(soup: BeautifulSoup, lang: str, public_body: str) -> list[str]:
    """public_body: the organisation's name in lang (data/organisation.yml)."""
    article = soup.find("article")
    text = " ".join(article.get_text(" ").split())
    words = {public_body: "public body", **WORDS[lang]}
    problems = [f"missing {what} ({word!r})" for word, what in words.items() if word not in text]
    problems += [f"missing section #{sid} ({what})" for sid, what in SECTIONS.items()
                 if article.find(id=sid) is None]
    dates = [t.get("datetime") for t in article.find_all("time")]
    if len(dates) < 2 or not all(dates):
        problems.append(f"want <time datetime> for assessment and last update, got {dates}")
    if not article.find("a", href=DIGG_FORM):
        problems.append(f"no link to Digg's form {DIGG_FORM}")
    for scheme in ("mailto:", "tel:"):
        if not article.select(f'a[href^="{scheme}"]'):
            problems.append(f"no {scheme} link for feedback")
    return problems


def footer_problems(site_dir: Path, pages: list[Path], soup) -> list[str]:
    problems = []
    for path in pages:
        page = soup(path)
        rel = path.relative_to(site_dir).as_posix()
        lang = page.html.get("lang")
        links = page.select("footer .md-copyright a.tsp-footer-statement")
        want = statement_path(site_dir, lang).relative_to(site_dir).as_posix()
        if len(links) != 1:
            problems.append(f"{rel}: {len(links)} statement links in the footer")
            continue
        target = urljoin(LOCAL + rel, links[0]["href"])[len(LOCAL):]
        if target + ("index.html" if target.endswith("/") or not target else "") != want:
            problems.append(f"{rel} ({lang}): footer links {target!r}, not {want!r}")
    return problems
