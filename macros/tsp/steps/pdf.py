"""The PDFs of the printable pages, printed from a built site with one Chromium.

Print every printable page (data/printables.yml) of a built site to PDF,
in both languages, with ONE headless Chromium for the whole run.

    python -m macros.tsp.steps.pdf [SITE_DIR]      # default: site/

The site is served on 127.0.0.1 (a free port) while printing; the PDFs go to
SITE_DIR/pdf/ID.pdf (Swedish) and SITE_DIR/en/pdf/ID.pdf (English), the
paths the pages' "Ladda ner PDF" links point to. The running header and
footer (document name, Dnr, page N of M) come from the print CSS, so a page
printed from the browser looks the same.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from string import Template

from .. import ROOT
from ..languages import Languages
from ..models.loader import load_printables
from ..models.printables import page_path, pdf_path
from .precache import WORKER, write_worker
from .reproducible import fix_pdf_dates, source_date_epoch

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying the network.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
# tsp-print.js sets this when the page is ready (the whole plan is assembled).
READY = 'html[data-tsp-print="ready"]'
# The print font is used by print styles only: lay the page out for print,
# then wait until every font it asks for has loaded (or failed).
FONTS_LOADED = """async () => {
  document.body.getBoundingClientRect();
  await document.fonts.ready;
  return [...document.fonts].filter(f => f.status === 'error').map(f => f.family);
}"""
# The browser locale of each language's PDFs is the language's `locale`
# (plugins: tsp: locales in mkdocs.yml): dates and any date control print in
# the reader's format (2024-05-31 in Swedish, 31/05/2024 in English).


FONTCONFIG = Path(__file__).resolve().parent / "print-fonts.conf"


def print_env(directory: Path, machine: str | None = None) -> dict[str, str]:
    """The environment to start the printing Chromium in: the machine's font
    configuration (FONTCONFIG_FILE, else /etc/fonts/fonts.conf) with hinting
    off (print-fonts.conf), written into directory."""
    machine = machine or os.environ.get("FONTCONFIG_FILE", "/etc/fonts/fonts.conf")
    conf = Path(directory) / "print-fonts.conf"
    conf.write_text(Template(FONTCONFIG.read_text(encoding="utf-8")).substitute(machine=machine),
                    encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(site_dir: Path):
    """The built site on http://127.0.0.1:PORT/ for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def jobs(root: Path = ROOT) -> list[tuple[str, str]]:
    """(page path, PDF path) for every printable in every language."""
    printables = load_printables(root)
    languages = Languages.from_file(root / "mkdocs.yml")
    return [(page_path(p, lang, languages), pdf_path(p, lang, languages))
            for lang in languages for p in printables.printables]


def print_pdfs(browser, base_url: str, site_dir: Path, todo: list[tuple[str, str]],
               root: Path = ROOT) -> list[tuple[str, float]]:
    """Print each (page, pdf) of todo with one browser, one context (locale)
    per language; returns (pdf, seconds) in the order of todo."""
    languages = Languages.from_file(root / "mkdocs.yml")
    timings = {}
    for lang in languages:
        mine = [(page_url, pdf) for page_url, pdf in todo if languages.of_url(page_url) == lang]
        if mine:
            timings.update(_print_in_locale(browser, base_url, site_dir, mine,
                                            languages.language(lang).locale))
    return [(pdf, timings[pdf]) for _, pdf in todo]


def _print_in_locale(browser, base_url: str, site_dir: Path,
                     todo: list[tuple[str, str]], locale: str) -> dict[str, float]:
    timings = {}
    epoch = source_date_epoch(ROOT)
    # Paper needs no offline cache: the service worker would precache the site.
    context = browser.new_context(service_workers="block", locale=locale)
    # Paper needs no search: skip Material's search index and worker.
    context.route("**/search/**", lambda route: route.abort())
    page = context.new_page()
    try:
        for page_url, pdf in todo:
            start = time.perf_counter()
            # READY is set by the page's script, which runs only once the
            # stylesheet has loaded: no need to wait for images and the load event.
            page.goto(base_url + page_url, wait_until="commit")
            page.wait_for_selector(READY, state="attached", timeout=15000)
            page.emulate_media(media="print")
            failed = page.evaluate(FONTS_LOADED)
            if failed:
                raise RuntimeError(f"{page_url}: fonts did not load: {failed}")
            target = site_dir / pdf
            target.parent.mkdir(parents=True, exist_ok=True)
            data = page.pdf(format="A4", prefer_css_page_size=True,
                            print_background=True, display_header_footer=False,
                            tagged=True, outline=True)
            target.write_bytes(fix_pdf_dates(data, epoch))
            timings[pdf] = time.perf_counter() - start
    finally:
        context.close()
    return timings


def build_pdfs(site_dir: Path) -> list[tuple[str, float]]:
    """Serve site_dir, start one Chromium, print every printable page."""
    from playwright.sync_api import sync_playwright

    site_dir = Path(site_dir).resolve()
    if not (site_dir / "index.html").exists():
        raise SystemExit(f"{site_dir} has no built site: run `mkdocs build` first")
    with served(site_dir) as base_url, sync_playwright() as playwright, \
            tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             env=print_env(Path(tmp)))
        try:
            timings = print_pdfs(browser, base_url, site_dir, jobs())
        finally:
            browser.close()
    refresh_precache(site_dir)
    return timings


def refresh_precache(site_dir: Path) -> None:
    """The PDFs are new files in site/: list them in the service worker too."""
    template = (ROOT / "docs" / WORKER).read_text(encoding="utf-8")
    write_worker(site_dir, template)


def main(argv: list[str]) -> int:
    site_dir = Path(argv[1]) if len(argv) > 1 else Path("site")
    start = time.perf_counter()
    timings = build_pdfs(site_dir)
    total = time.perf_counter() - start
    print(f"{len(timings)} PDFs in {total:.2f} s ({total / max(len(timings), 1):.2f} s a PDF) "
          f"in {site_dir}/pdf and {site_dir}/en/pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
