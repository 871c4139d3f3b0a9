"""Offline after one visit: the service worker, its precache and build updates (issue 8)."""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import json
import threading

import pytest
from playwright.sync_api import expect

from conftest import run_build, wait_until

MARKER = "const PRECACHE = "
OFFLINE_PAGES = ["", "akut/", "planen/bilaga-2/1-pagaende-situationer/", "planen/bilaga-5/",
                 "en/", "en/akut/", "en/planen/bilaga-2/1-pagaende-situationer/",
                 "en/planen/bilaga-5/"]


def precache_of(site) -> dict:
    """The manifest the build wrote into sw.js."""
    source = (site / "sw.js").read_text(encoding="utf-8")
    start = source.index(MARKER) + len(MARKER)
    return json.JSONDecoder().raw_decode(source, start)[0]


def sri(path) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def wait_for_offline_copy(page):
    """Until the service worker has precached the build and controls the page."""
    wait_until(page, "navigator.serviceWorker.controller !== null", timeout=30)


def test_precache_lists_every_built_file_with_its_hash(site_dir):
    manifest = precache_of(site_dir)
    listed = dict(manifest["files"])
    served = {p.relative_to(site_dir).as_posix(): p for p in site_dir.rglob("*") if p.is_file()}
    expected = {rel for rel in served
                if rel != "sw.js" and not rel.endswith((".map", ".xml.gz"))}
    assert set(listed) == expected
    assert {"en/akut/index.html", "search/search_index.json",
            "manifest.webmanifest", "en/manifest.webmanifest"} <= set(listed)
    for rel, integrity in listed.items():
        assert integrity == sri(served[rel]), rel
    assert len(manifest["build"]) == 16


def test_precache_lists_the_pdfs_printed_after_the_build(site_pdfs):
    """`make build` prints PDFs after mkdocs: they must be cached for offline use too."""
    from macros.tsp.steps.pdf import jobs

    listed = dict(precache_of(site_pdfs)["files"])
    pdfs = [pdf for _, pdf in jobs()]
    assert pdfs and all(pdf in listed for pdf in pdfs)
    for pdf in pdfs:
        assert listed[pdf] == sri(site_pdfs / pdf), pdf


def test_manifest_links_and_icons_exist(site_dir, soup):
    for lang, root in (("sv", site_dir), ("en", site_dir / "en")):
        link = soup(root / "akut" / "index.html").select_one("link[rel=manifest]")
        assert (root / "akut" / link["href"]).resolve() == (root / "manifest.webmanifest").resolve()
        manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["lang"] == lang
        for icon in manifest["icons"]:
            assert (root / icon["src"]).resolve().is_file(), icon["src"]


@pytest.mark.browser
def test_pages_search_and_form_load_offline_after_one_visit(page, context, site_url):
    page.goto(site_url)
    wait_for_offline_copy(page)
    context.set_offline(True)
    for path in OFFLINE_PAGES:
        response = page.goto(site_url + path)
        assert response.ok and response.from_service_worker, path
        expect(page.locator("h1").first).to_be_visible()
        expect(page.locator(".tsp-emergency-link")).to_be_visible()
    for path, query in (("", "ring 112"), ("en/", "call 112")):
        page.goto(site_url + path)
        page.locator("input.md-search__input").click()
        page.keyboard.type(query)  # Material's search reacts to typing
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)


@pytest.mark.browser
def test_a_warm_load_takes_nothing_from_the_network(page, site_url):
    page.goto(site_url + "akut/")
    wait_for_offline_copy(page)
    from_network = []
    page.on("response", lambda r: None if r.from_service_worker else from_network.append(r.url))
    page.goto(site_url + "en/akut/")
    page.wait_for_load_state("networkidle")
    assert [url for url in from_network if not url.endswith("/sw.js")] == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def rebuildable_site(project_copy, tmp_path):
    """(project, served_dir, url): a copy of the project built into a directory
    served on 127.0.0.1, to build again while a browser holds the old build."""
    served = tmp_path / "served"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project_copy, served, f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def build_version(project, served, version: str) -> str:
    """Stamp version into two pages, build, and return the new build id."""
    for name in ("akut.md", "index.md"):
        path = project / "docs" / name
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if not line.startswith("Byggversion:")]
        path.write_text("\n".join(lines) + f"\n\nByggversion: {version}\n", encoding="utf-8")
    result = run_build(served, project)
    assert result.returncode == 0, result.stderr[-3000:]
    return precache_of(served)["build"]


@pytest.mark.browser
def test_a_new_build_replaces_the_old_one_whole(page, context, rebuildable_site):
    project, served, url = rebuildable_site
    old_build = build_version(project, served, "A")
    page.goto(url + "akut/")
    wait_for_offline_copy(page)
    expect(page.locator("article")).to_contain_text("Byggversion: A")

    new_build = build_version(project, served, "B")
    assert new_build != old_build
    page.goto(url + "akut/")
    # The new worker precaches build B, takes over and the page reloads itself.
    expect(page.locator("article")).to_contain_text("Byggversion: B", timeout=30_000)
    caches = page.evaluate("caches.keys()")
    assert [name for name in caches if name.startswith("tsp-")] == [f"tsp-{new_build}"]

    context.set_offline(True)
    for path in ("", "akut/"):
        page.goto(url + path)
        expect(page.locator("article")).to_contain_text("Byggversion: B")
