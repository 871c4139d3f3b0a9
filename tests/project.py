"""The project as the tests see it: its languages and URLs, and its data and renderer as a build has them."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import yaml

from macros.tsp import ROOT
from macros.tsp.languages import Languages
from macros.tsp.models.datafile import SAFE_LOADER
from macros.tsp.site import Site

LANGUAGES = Languages.from_file(ROOT / "mkdocs.yml")


@lru_cache(maxsize=None)
def site() -> Site:
    """Site.from_project(): the tsp plugin's data and renderer, without a build."""
    return Site.from_project(ROOT)


def copy_sources(dest: Path) -> Path:
    """Into dest, a copy of what a build reads: mkdocs.yml, docs/, overrides/, macros/, data/."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "overrides", "macros", "data"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def safe_dump(data) -> str:
    """YAML as a strategist would write it (unicode, keys in order), by libyaml."""
    return yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                     allow_unicode=True, sort_keys=False, width=1000)


def safe_load(text: str):
    """yaml.safe_load on libyaml's parser, as the site's own loader reads."""
    return yaml.load(text, Loader=SAFE_LOADER)
