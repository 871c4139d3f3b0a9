"""The tsp plugin (macros/tsp/): data read once per build, a typed config, the languages from i18n."""

from __future__ import annotations

import builtins
from collections import Counter
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.tsp import ROOT
from macros.tsp.config import TspConfig
from project import LANGUAGES


@pytest.mark.build  # a whole build (~5 s): not part of `make check`
def test_each_data_file_is_read_once_per_build(tmp_path, monkeypatch):
    """Every language, every macro, template and build step works from one read."""
    data_dir = (ROOT / "data").resolve()
    reads: Counter[str] = Counter()

    def count(path) -> None:
        path = Path(path).resolve()
        if path.parent == data_dir:
            reads[path.name] += 1

    real_read_text, real_read_bytes, real_open = Path.read_text, Path.read_bytes, builtins.open

    def read_text(self, *args, **kwargs):
        count(self)
        return real_read_text(self, *args, **kwargs)

    def read_bytes(self):
        count(self)
        return real_read_bytes(self)

    def open_(file, *args, **kwargs):
        if isinstance(file, (str, Path)):
            count(file)
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(builtins, "open", open_)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)

    data_files = sorted(p.name for p in data_dir.glob("*.yml"))
    assert (tmp_path / "site" / "index.html").is_file()
    assert all((tmp_path / "site" / LANGUAGES.prefix(code) / "index.html").is_file()
               for code in LANGUAGES)
    assert {name: reads[name] for name in data_files} == {name: 1 for name in data_files}


def test_config_is_typed():
    config = TspConfig()
    config.load_dict({"enabled": True, "csp": "yes"})
    failed, _ = config.validate()
    assert [name for name, _ in failed] == ["csp"]


def test_languages_come_from_the_i18n_config():
    config = load_config(str(ROOT / "mkdocs.yml"))
    i18n = config.plugins["i18n"].config.languages
    assert LANGUAGES.codes[0] == next(lang.locale for lang in i18n if lang.default)
    assert set(LANGUAGES.codes) == {lang.locale for lang in i18n if lang.build}
    assert all(LANGUAGES.prefix(code) == ("" if lang.default else f"{code}/")
               for lang in i18n for code in [lang.locale])
