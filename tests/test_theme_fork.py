"""The theme fork: every Material template overrides/ copies is the one it was made from.

An upgrade of mkdocs-material that changes such a template fails here, by
name, instead of silently breaking search or the header in the built site.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from macros.tsp import ROOT
from project import safe_load

OVERRIDES = ROOT / "overrides"
UPSTREAM = Path(material.__file__).resolve().parent / "templates"
RECORD = safe_load((ROOT / "tests" / "theme_fork.yml").read_text(encoding="utf-8"))
PAIRS = [(override, upstream, digest)
         for override, sources in RECORD["overrides"].items()
         for upstream, digest in sources.items()]


@pytest.mark.parametrize("override, upstream, digest", PAIRS,
                         ids=[f"{o}<-{u}" for o, u, _ in PAIRS])
def test_upstream_template_is_the_one_the_override_was_made_from(override, upstream, digest):
    installed = hashlib.sha256((UPSTREAM / upstream).read_bytes()).hexdigest()
    assert installed == digest, (
        f"mkdocs-material {version('mkdocs-material')} changed {upstream} "
        f"(overrides/{override} was made from {RECORD['material']}): compare the two, "
        f"carry the change over, then update tests/theme_fork.yml")


def test_every_override_of_a_material_template_is_recorded():
    shadowing = sorted(path.relative_to(OVERRIDES).as_posix()
                       for path in OVERRIDES.rglob("*.html")
                       if (UPSTREAM / path.relative_to(OVERRIDES)).is_file())
    assert shadowing == sorted(RECORD["overrides"])


def test_record_names_files_that_exist():
    for override, sources in RECORD["overrides"].items():
        assert (OVERRIDES / override).is_file(), override
        for upstream in sources:
            assert (UPSTREAM / upstream).is_file(), upstream


def test_pages_name_the_search_worker_the_build_has(site_dir, soup, html_pages):
    """main.html takes the worker's hashed name from the build, not a copy of it."""
    for path in html_pages:
        config = json.loads(soup(path).select_one("script#__config").string)
        page_dir = path.parent.relative_to(site_dir).as_posix()
        worker = posixpath.normpath(posixpath.join(page_dir, config["search"]))
        assert (site_dir / worker).is_file(), f"{path}: {config['search']}"
