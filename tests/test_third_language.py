"""A third language costs translations and one line of mkdocs.yml, no code.

The fixture is a copy of the project with German stubbed in: one line in the
i18n plugin's `languages:`, and a `.de.` file beside every Swedish page and
the web app manifest (the Swedish text stands in for the translation; data
texts fall back to Swedish). The cheap gates run on its build: the strict
build, the links and anchors, one search index per language and `lang` on
every page. PDFs are printed after a build (macros/tsp/steps/pdf.py), so a
link to a PDF is checked against the list of PDFs that step prints.
"""

from __future__ import annotations

import filecmp
import json
import posixpath
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from gates.links import link_problems
from macros.tsp.steps.pdf import jobs

# Builds a site of its own: not part of `make check`.
pytestmark = pytest.mark.build

LINE = "        - {locale: de, name: Deutsch}\n"
GERMAN_TITLE = "# Notfall: 112 anrufen"


@pytest.fixture(scope="module")
def third_language(tmp_path_factory):
    """(project copy with German, its built site)."""
    project = tmp_path_factory.mktemp("third-language") / "project"
    project.mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "overrides", "macros", "data"):
        shutil.copytree(ROOT / name, project / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("      languages:\n") + 1
    end = next(i for i in range(start, len(lines))
               if lines[i].strip() and not lines[i].startswith("        "))
    lines.insert(end, LINE)
    config.write_text("".join(lines), encoding="utf-8")
    for source in translatable(project / "docs"):
        shutil.copy2(source, source.with_suffix(".de" + source.suffix))
    # One translated heading, so German search has a page of its own: static-i18n
    # leaves out of a language's index the pages identical to the default's.
    akut = project / "docs" / "akut.de.md"
    text = akut.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)  # front matter has `# comments` too
    title = next(line for line in body.splitlines() if line.startswith("# "))
    akut.write_text(front + "\n---\n" + body.replace(title, GERMAN_TITLE, 1), encoding="utf-8")
    site = project.parent / "site"
    result = run_build(site, project)
    assert result.returncode == 0, result.stderr[-4000:]
    return project, site


def translatable(docs):
    """The Swedish sources a language translates: pages and the web app manifest."""
    return [path for pattern in ("*.md", "manifest.webmanifest")
            for path in sorted(docs.rglob(pattern)) if len(path.suffixes) == 1]


def changed_files(project) -> tuple[list[str], list[str]]:
    """(files that differ from the real project, files only the fixture has)."""
    changed, added = [], []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        changed.extend(prefix + name for name in cmp.diff_files)
        added.extend(prefix + name for name in cmp.left_only)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    for name in ("docs", "overrides", "macros", "data"):
        walk(filecmp.dircmp(project / name, ROOT / name, ignore=["__pycache__"]), f"{name}/")
    if not filecmp.cmp(project / "mkdocs.yml", ROOT / "mkdocs.yml", shallow=False):
        changed.append("mkdocs.yml")
    return changed, added


def test_the_diff_is_translations_and_one_line_of_config(third_language):
    project, _ = third_language
    changed, added = changed_files(project)
    assert changed == ["mkdocs.yml"]
    assert added and all(".de." in path for path in added), added
    assert sorted(added) == sorted(
        f"docs/{path.relative_to(project / 'docs').with_suffix('.de' + path.suffix).as_posix()}"
        for path in translatable(project / "docs"))
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    theirs = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(theirs) == len(ours) + 1 and [line for line in theirs if line not in ours] == [LINE]


def test_every_page_is_built_in_german(third_language):
    project, site = third_language
    sources = [p.relative_to(project / "docs") for p in (project / "docs").rglob("*.de.md")]
    for source in sources:
        stem = source.as_posix()[: -len(".de.md")]
        url = stem[: -len("index")] if stem.endswith("index") else stem + "/"
        page = site / "de" / url / "index.html"
        assert page.is_file(), page
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").html
        assert (html["lang"], html["data-tsp-locale"]) == ("de", "de"), page
        # The scripts read every language of the site from <html>: German too.
        assert "de" in html["data-tsp-locales"].split(), page


def test_links_and_anchors_hold_in_every_language(third_language):
    project, site = third_language
    printed = {pdf for _, pdf in jobs(project)}
    assert any(pdf.startswith("de/") for pdf in printed)

    def printed_later(problem: str) -> bool:
        page, _, rest = problem.partition(": broken link ")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), rest.strip("'")))
        return target in printed

    problems = [p for p in link_problems(site) if not printed_later(p)]
    assert not problems, "\n".join(problems[:20])


def test_search_has_an_index_per_language(third_language):
    _, site = third_language
    index = {prefix: json.loads((site / prefix / "search" / "search_index.json").read_text())["docs"]
             for prefix in ("", "en/", "de/")}
    assert all(index.values())
    assert not any(doc["location"].startswith(("en/", "de/")) for docs in index.values() for doc in docs)
    # The translated page is in German search, and only there.
    assert "akut/" in {doc["location"].split("#")[0] for doc in index["de/"]}
    assert GERMAN_TITLE[2:] in {doc["title"] for doc in index["de/"]}
    assert GERMAN_TITLE[2:] not in {doc["title"] for doc in index[""] + index["en/"]}
