"""Break a built page on purpose: parse it, change it, write it back."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def load(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def save(path: Path, soup: BeautifulSoup) -> None:
    path.write_text(str(soup), encoding="utf-8")


def add_to_content(path: Path, tag: str, text: str | None = None, **attrs) -> None:
    """Append <tag attrs>text</tag> to the page's article."""
    soup = load(path)
    element = soup.new_tag(tag, attrs={k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.string = text
    soup.find("article").append(element)
    save(path, soup)
