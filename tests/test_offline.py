"""Offline after one visit: the service worker, its precache and build updates (issue 8)."""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import http.server
import json
import threading

import pytest
from playwright.sync_api import expect

from conftest import ROOT, run_build, wait_until
from macros.tsp.models.loader import load_strings
from macros.tsp.models.situations import load_situations
from macros.tsp.steps.precache import written_manifest

STRINGS = load_strings()

# Every situation of data/situations.yml, by its page.
SITUATIONS = [situation.url for situation in load_situations().situations]
OFFLINE_PAGES = ["", "akut/", "om-nagot-har-hant/", "planen/bilaga-5/", *SITUATIONS]
OFFLINE_PAGES += ["en/" + path for path in OFFLINE_PAGES]
PRECACHE_BUDGET = 600 * 1024  # gzip bytes the first visit may download in the background


def precache_of(site) -> dict:
    """The manifest the build wrote into sw.js."""
    return written_manifest(site)


def sri(path) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def wait_for_offline_copy(page):
    """Until the service worker has precached the build and controls the page."""
    wait_until(page, "navigator.serviceWorker.controller !== null", timeout=60)


def test_manifest_lists_every_file_a_page_loads_with_its_hash(site_dir, soup, html_pages):
    manifest = precache_of(site_dir)
    eager, lazy = dict(manifest["files"]), dict(manifest["lazy"])
    assert not set(eager) & set(lazy)
    listed = {**eager, **lazy}
    for rel, integrity in listed.items():
        assert integrity == sri(site_dir / rel), rel
    for page in html_pages:
        doc = soup(page)
        refs = [el.get("href") or el.get("src") for el in doc.select(
            "link[href], script[src], img[src], a[href]")]
        for ref in refs:
            if ref.startswith(("#", "tel:", "mailto:", "http:", "https:", "data:")):
                continue
            target = (page.parent / ref.split("#")[0].split("?")[0]).resolve()
            if target.is_dir():
                target = target / "index.html"
            if target.is_file() and site_dir.resolve() in target.parents:
                rel = target.relative_to(site_dir.resolve()).as_posix()
                assert rel in listed, (page, ref)
    assert len(manifest["build"]) == 16


def test_first_visit_precaches_the_pages_form_and_search_within_budget(site_dir):
    eager = dict(precache_of(site_dir)["files"])
    needed = {path + "index.html" for path in OFFLINE_PAGES}
    needed |= {"search/search_index.json", "en/search/search_index.json",
               "offline/index.html", "en/offline/index.html",
               "manifest.webmanifest", "en/manifest.webmanifest"}
    assert needed <= set(eager)
    # Material's search worker loads these for Swedish; the other ~30 languages are not listed.
    stemmers = {rel.rsplit("/", 1)[1] for rel in eager if "/lunr/" in rel}
    assert stemmers == {"lunr.stemmer.support.min.js", "lunr.multi.min.js", "lunr.sv.min.js"}
    size = sum(len(gzip.compress((site_dir / rel).read_bytes(), 6)) for rel in eager)
    assert size <= PRECACHE_BUDGET, f"{size / 1024:.0f} KiB gzip"


def test_pdfs_are_cached_when_first_opened_not_at_install(site_pdfs):
    """`make build` prints PDFs after mkdocs: listed for first use, with their hashes."""
    from macros.tsp.steps.pdf import jobs

    manifest = precache_of(site_pdfs)
    lazy = dict(manifest["lazy"])
    pdfs = [pdf for _, pdf in jobs()]
    assert pdfs and all(pdf in lazy for pdf in pdfs)
    assert not [rel for rel, _ in manifest["files"] if rel.endswith(".pdf")]
    for pdf in pdfs:
        assert lazy[pdf] == sri(site_pdfs / pdf), pdf


def test_manifest_links_and_icons_exist(site_dir, soup):
    for lang, root in (("sv", site_dir), ("en", site_dir / "en")):
        link = soup(root / "akut" / "index.html").select_one("link[rel=manifest]")
        assert (root / "akut" / link["href"]).resolve() == (root / "manifest.webmanifest").resolve()
        manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["lang"] == lang
        for icon in manifest["icons"]:
            assert (root / icon["src"]).resolve().is_file(), icon["src"]


@pytest.mark.browser
def test_pages_search_and_form_work_offline_after_one_visit(page, context, site_url, site_dir):
    page.goto(site_url)
    wait_for_offline_copy(page)
    context.set_offline(True)
    for path in OFFLINE_PAGES:
        response = page.goto(site_url + path)
        assert response.ok and response.from_service_worker, path
        expect(page.locator("h1").first).to_be_visible()
        expect(page.locator(".tsp-emergency-link, .tsp-call").first).to_be_visible()
    # A page cached only when first opened, never opened: the offline page says so.
    manifest = precache_of(site_dir)
    never = next(rel for rel, _ in manifest["lazy"] if rel.endswith("/index.html")
                 and rel.split("/", 1)[0] not in manifest["offline"])
    page.goto(site_url + never.removesuffix("index.html"))
    assert page.url.startswith(site_url + manifest["offline"][""].removesuffix("index.html"))
    expect(page.locator(".tsp-offline-missing")).to_be_visible()
    for path, query in (("", "ring 112"), ("en/", "call 112")):
        page.goto(site_url + path)
        page.locator("input.md-search__input").click()
        page.keyboard.type(query)  # Material's search reacts to typing
        expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    page.goto(site_url + "planen/bilaga-5/")
    field = page.locator("#tsp-incident textarea").first
    field.fill("Skrivet utan nätverk")
    expect(field).to_have_value("Skrivet utan nätverk")


@pytest.mark.browser
def test_a_pdf_opened_once_works_offline_and_others_say_they_need_the_network(
        page, context, site_pdfs, site_url):
    from macros.tsp.steps.pdf import jobs

    pdfs = [pdf for _, pdf in jobs() if not pdf.startswith("en/")]
    opened, never = pdfs[0], pdfs[1]
    page.goto(site_url + "offline/")
    wait_for_offline_copy(page)
    fetch_pdf = "async (url) => { const r = await fetch(url); return [r.ok, (await r.arrayBuffer()).byteLength]; }"
    # Opening the PDF (a GET through the worker) caches it.
    assert page.evaluate(fetch_pdf, site_url + opened)[0]
    context.set_offline(True)
    ok, size = page.evaluate(fetch_pdf, site_url + opened)
    assert ok and size == (site_pdfs / opened).stat().st_size

    page.goto(site_url + never)
    assert page.url.startswith(site_url + "offline/")
    expect(page.locator(".tsp-offline-missing")).to_be_visible()
    saved = page.locator(".tsp-offline-pdfs li", has=page.locator(f'a[href$="{opened}"]'))
    missing = page.locator(".tsp-offline-pdfs li", has=page.locator(f'a[href$="{never}"]'))
    expect(saved).to_have_attribute("data-tsp-offline", "saved")
    expect(missing).to_have_attribute("data-tsp-offline", "network")
    expect(missing).to_contain_text(STRINGS.text("offline_needs_network", "sv"))


@pytest.mark.browser
def test_a_warm_load_takes_nothing_from_the_network(page, site_url):
    page.goto(site_url + "akut/")
    wait_for_offline_copy(page)
    from_network = []
    page.on("response", lambda r: None if r.from_service_worker else from_network.append(r.url))
    page.goto(site_url + "en/akut/")
    page.wait_for_load_state("networkidle")
    assert [url for url in from_network if not url.endswith("/sw.js")] == []


def test_pdfs_are_dated_from_the_sources_not_the_clock(site_pdfs):
    """An unchanged PDF keeps its hash across builds (and the reader's cache)."""
    from macros.tsp.steps.pdf import jobs
    from macros.tsp.steps.reproducible import pdf_date, source_date_epoch

    stamp = pdf_date(source_date_epoch(ROOT) or 0)
    for _, pdf in jobs():
        data = (site_pdfs / pdf).read_bytes()
        assert data.count(b"/CreationDate (" + stamp + b")") == 1, pdf
        assert data.count(b"/ModDate (" + stamp + b")") == 1, pdf


class _Logged(http.server.SimpleHTTPRequestHandler):
    """Serves the directory and notes each path a browser took from the network."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.requested.append(self.path.split("?", 1)[0])
        super().do_GET()


@pytest.fixture
def rebuildable_site(project_copy, tmp_path):
    """(project, served_dir, url, requested): a copy of the project built into a
    directory served on 127.0.0.1, to build again while a browser holds the old
    build; requested lists the paths the server answered."""
    served = tmp_path / "served"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Logged, directory=str(served)))
    server.requested = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield project_copy, served, f"http://127.0.0.1:{server.server_address[1]}/", server.requested
    server.shutdown()


def build_version(project, served, version: str, pages=("akut.md", "index.md")) -> str:
    """Stamp version into pages, build (deploy into the served directory), and
    return the new build id."""
    for name in pages:
        path = project / "docs" / name
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if not line.startswith("Byggversion:")]
        path.write_text("\n".join(lines) + f"\n\nByggversion: {version}\n", encoding="utf-8")
    result = run_build(served, project)
    assert result.returncode == 0, result.stderr[-3000:]
    return precache_of(served)["build"]


def wait_for_build(page, build: str):
    """Until the worker of build has installed and dropped every other build."""
    wait_until(page, "caches.keys().then(names => names.filter(n => n.startsWith('tsp-')).join()"
                     f" === 'tsp-{build}')", timeout=60)


@pytest.mark.browser
def test_a_new_build_takes_over_on_the_next_page(page, context, rebuildable_site):
    project, served, url, _ = rebuildable_site
    old_build = build_version(project, served, "A")
    page.goto(url + "akut/")
    wait_for_offline_copy(page)
    expect(page.locator("article")).to_contain_text("Byggversion: A")

    new_build = build_version(project, served, "B")
    assert new_build != old_build
    page.goto(url + "akut/")  # from build A's cache; the browser finds the new worker
    wait_for_build(page, new_build)
    page.goto(url + "akut/")
    expect(page.locator("article")).to_contain_text("Byggversion: B")

    context.set_offline(True)
    for path in ("", "akut/"):
        page.goto(url + path)
        expect(page.locator("article")).to_contain_text("Byggversion: B")


@pytest.mark.browser
def test_an_update_never_reloads_a_form_with_typed_text(context, rebuildable_site):
    project, served, url, _ = rebuildable_site
    build_version(project, served, "A")
    form = context.new_page()
    form.goto(url + "planen/bilaga-5/")
    wait_for_offline_copy(form)
    navigations = []
    form.on("framenavigated", lambda frame: navigations.append(frame.url))
    fields = form.locator("#tsp-incident textarea")
    fields.nth(0).fill("Hotfullt brev i brevlådan")
    fields.nth(1).fill("Halvvägs ifyllt")
    form.evaluate("window.tspSameDocument = true")

    new_build = build_version(project, served, "B")
    other = context.new_page()
    other.goto(url + "akut/")
    wait_for_build(other, new_build)
    other.goto(url + "akut/")
    expect(other.locator("article")).to_contain_text("Byggversion: B")

    # The form's tab is now controlled by the new worker, and untouched.
    assert form.evaluate("navigator.serviceWorker.controller !== null")
    assert form.evaluate("window.tspSameDocument === true")
    assert navigations == []
    expect(fields.nth(0)).to_have_value("Hotfullt brev i brevlådan")
    expect(fields.nth(1)).to_have_value("Halvvägs ifyllt")


@pytest.mark.browser
def test_a_returning_reader_downloads_only_what_changed(page, rebuildable_site):
    project, served, url, requested = rebuildable_site
    build_version(project, served, "A", pages=("akut.md",))
    page.goto(url)
    wait_for_offline_copy(page)
    first_visit = set(requested)
    assert len(first_visit) >= len(precache_of(served)["files"])

    requested.clear()
    new_build = build_version(project, served, "B", pages=("akut.md",))
    page.goto(url)
    wait_for_build(page, new_build)
    # The changed page, the Swedish search index that holds its text, the worker.
    assert sorted(set(requested)) == ["/akut/index.html", "/search/search_index.json", "/sw.js"]
