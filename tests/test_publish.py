"""Canonical links and the sitemap never point at this machine: a local build
writes none, and a build for publishing stops without the real address."""

import os
import subprocess
import sys
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT
from macros.tsp.steps.publish import check_site_url

LOCAL = ("127.0.0.1", "localhost")


def test_local_build_names_no_local_address(site_dir, html_pages, soup):
    assert html_pages
    for path in html_pages:
        canonical = soup(path).find("link", rel="canonical")
        assert canonical is None or not any(h in canonical["href"] for h in LOCAL), path
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert not any(h in sitemap for h in LOCAL)


@pytest.mark.build  # runs mkdocs itself: not part of `make check`
def test_publishing_build_without_site_url_stops_with_a_plain_message(tmp_path):
    env = {**os.environ, "PUBLISH": "1", "SITE_URL": "", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "needs the site's real address" in result.stderr and "SITE_URL" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists(), "a half-built site"


@pytest.mark.parametrize("site_url", ["", "http://127.0.0.1:8000/", "http://localhost/"])
def test_publishing_refuses_a_local_address(site_url, monkeypatch):
    monkeypatch.setenv("PUBLISH", "1")
    with pytest.raises(PluginError, match="needs the site's real address.*SITE_URL"):
        check_site_url(SimpleNamespace(site_url=site_url))


def test_publishing_accepts_a_real_address(monkeypatch):
    monkeypatch.setenv("PUBLISH", "1")
    assert check_site_url(SimpleNamespace(site_url="https://example.github.io/trygg-politiker/")) is None
