"""Guidance pages (docs/skydda-dig/): marked as the site's guidance, not the
plan; each names its sources and review date, in both languages, and every
outside link in the text is one of its listed sources."""

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import run_build
from project import safe_load
from macros.tsp.steps.guidance import GUIDANCE_DIR, guidance_problems

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted((DOCS / GUIDANCE_DIR).glob("*.md"))


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"{path}: no front matter"
    return safe_load(text.split("---\n", 2)[1]) or {}


def built(site_dir: Path, path: Path) -> Path:
    """docs/skydda-dig/x.en.md -> SITE/en/skydda-dig/x/index.html."""
    stem = path.name.removesuffix(".md")
    lang = "en" if stem.endswith(".en") else "sv"
    stem = stem.removesuffix(".en")
    rel = Path(GUIDANCE_DIR) if stem == "index" else Path(GUIDANCE_DIR) / stem
    return site_dir / ("en" if lang == "en" else "") / rel / "index.html"


def test_there_are_guidance_pages_in_both_languages():
    sv = {p.name for p in PAGES if not p.name.endswith(".en.md")}
    en = {p.name.replace(".en.md", ".md") for p in PAGES if p.name.endswith(".en.md")}
    assert sv and sv == en


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_guidance_page_has_sources_and_review_date(path):
    assert guidance_problems(front_matter(path)) == []


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_guidance_page_shows_label_sources_and_date(site_dir, soup, path):
    meta = front_matter(path)["tsp_guidance"]
    article = soup(built(site_dir, path)).select_one("article")
    label = article.select_one(".tsp-guidance-label")
    assert label is not None and label.find_next("h1") is not None, "label missing or not above the title"
    listed = [a["href"] for a in article.select(".tsp-guidance-sources li a")]
    assert listed == [s["url"] for s in meta["sources"]]
    time = article.select_one(".tsp-guidance-sources time")
    assert time["datetime"] == meta["reviewed"].isoformat()
    # Every outside link in the text is a listed source, and every source is cited.
    body_links = {a["href"] for a in article.find_all("a", href=True)
                  if urlsplit(a["href"]).scheme in ("http", "https")
                  and not a.find_parent(class_="tsp-guidance-sources")}
    assert body_links == set(listed), (body_links ^ set(listed))


@pytest.mark.parametrize("path", [p for p in PAGES if not p.name.endswith(".en.md")], ids=lambda p: p.name)
def test_both_languages_rest_on_the_same_sources(path):
    twin = path.with_name(path.name.replace(".md", ".en.md"))
    def urls(p):
        return [s["url"] for s in front_matter(p)["tsp_guidance"]["sources"]]
    assert urls(path) == urls(twin)
    assert front_matter(path)["tsp_guidance"]["reviewed"] == front_matter(twin)["tsp_guidance"]["reviewed"]


def test_guidance_is_one_nav_section(site_dir, soup):
    for prefix, title in (("", "Skydda dig"), ("en/", "Protect yourself")):
        page = soup(site_dir / prefix / "index.html")
        labels = [t.get_text(" ", strip=True) for t in page.select(".md-nav--primary .md-nav__item--section > label, .md-nav--primary .md-nav__item--section > .md-nav__link")]
        assert any(title in label for label in labels), labels


GOOD = {"reviewed": dt.date(2026, 12, 2),
        "sources": [{"name": "Polisen", "title": "Näthat", "url": "https://polisen.se/x"}]}


@pytest.mark.parametrize("meta, problem", [
    ({}, "tsp_guidance: missing"),
    ({"tsp_guidance": {"reviewed": GOOD["reviewed"]}}, "tsp_guidance.sources: missing"),
    ({"tsp_guidance": {"sources": GOOD["sources"]}}, "tsp_guidance.reviewed: missing"),
    ({"tsp_guidance": {**GOOD, "sources": []}}, "tsp_guidance.sources: missing or empty"),
    ({"tsp_guidance": {**GOOD, "reviewed": dt.date(2099, 1, 1)}}, "in the future"),
    ({"tsp_guidance": {**GOOD, "reviewed": dt.date(2020, 1, 1)}}, "more than a year ago"),
    ({"tsp_guidance": {**GOOD, "sources": [{"name": "Bloggen", "title": "x", "url": "https://x.se"}]}}, "is not one of"),
    ({"tsp_guidance": {**GOOD, "sources": [{"name": "IMY", "title": "x", "url": "http://imy.se"}]}}, "not an https://"),
])
def test_check_refuses_page_without_sources_or_date(meta, problem):
    found = guidance_problems(meta, today=dt.date(2026, 12, 2))
    assert any(problem in p for p in found), found


def test_a_late_review_does_not_stop_the_build():
    old = {"tsp_guidance": {**GOOD, "reviewed": dt.date(2020, 1, 1)}}
    assert guidance_problems(old, today=dt.date(2026, 12, 2), check_age=False) == []


def test_good_front_matter_passes():
    assert guidance_problems({"tsp_guidance": GOOD}, today=dt.date(2026, 12, 2)) == []


def test_build_stops_on_guidance_page_without_sources(project_copy, tmp_path):
    page = project_copy / "docs" / GUIDANCE_DIR / "nathat.en.md"
    text = page.read_text(encoding="utf-8")
    head, body = text.split("\n  sources:\n", 1)
    page.write_text(head + "\n---\n" + body.split("\n---\n", 1)[1], encoding="utf-8")
    result = run_build(tmp_path / "built", project_copy)
    assert result.returncode != 0
    assert f"docs/{GUIDANCE_DIR}/nathat.en.md: tsp_guidance.sources: missing" in result.stderr + result.stdout
