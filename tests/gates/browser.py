"""Browser gates in real Chromium: privacy/CSP watch, axe, keyboard and reflow."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = [(375, 740), (1280, 800)]

# Registered with page.add_init_script: runs in every document before its own
# scripts, not as inline HTML, so the page's CSP does not apply to it.
CSP_LISTENER = """
window.__tspCsp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__tspCsp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') +
                       ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


def page_url(site_url: str, site_dir: Path, path: Path) -> str:
    rel = path.relative_to(site_dir).as_posix()
    return site_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


class Watch:
    """Collects what a privacy-respecting, CSP-clean page must never do."""

    def __init__(self, page, site_url: str):
        self.page = page
        self.origin = urlsplit(site_url)[:2]
        self.problems: list[str] = []
        self._reported = 0
        page.add_init_script(CSP_LISTENER)
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        # Requests to other origins are aborted so the test never leaves the
        # machine; the pattern spares same-origin requests the round trip.
        origin = re.escape(f"{self.origin[0]}://{self.origin[1]}/")
        page.route(re.compile(rf"^(?!{origin})"), lambda route: route.abort())

    def _foreign(self, url: str) -> bool:
        scheme, netloc = urlsplit(url)[:2]
        return scheme not in ("data", "blob", "about") and (scheme, netloc) != self.origin

    def _request(self, request):
        if self._foreign(request.url):
            self.problems.append(f"request to another origin: {request.url}")

    def _failed(self, request):
        # Leaving a page cancels its unfinished requests (the search worker's
        # index fetch): not a failure of the site.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed request {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def _console(self, message):
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def visit(self, url: str, settle: bool = True) -> list[str]:
        """Load url and return the problems seen since the last visit returned.

        settle=False skips waiting for the network to go quiet (fast loops over
        every page); late events then count for the next visit, still caught.
        """
        self.page.goto(url, wait_until="load")
        if settle:
            self.page.wait_for_load_state("networkidle")
        found = self.problems[self._reported:]
        self._reported = len(self.problems)
        found += [f"CSP violation: {v}" for v in self.page.evaluate("window.__tspCsp || []")]
        cookies = self.page.context.cookies()
        if cookies:
            found.append(f"cookies set: {[c['name'] for c in cookies]}")
            self.page.context.clear_cookies()
        return [f"{url}: {problem}" for problem in found]


# axe-core as bundled by axe-playwright-python (no npm needed).
AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
AXE_RUN = "options => axe.run(document, options)"
# After a resize Material animates the header and drawer: measure contrast
# once those CSS transitions have finished, not halfway through.
SETTLE = """() => new Promise(done => requestAnimationFrame(() =>
  Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))).then(done)))"""


def add_axe(page) -> None:
    """Register axe-core as an init script: the browser injects it into each
    document (outside the page's CSP) instead of Python sending it per page."""
    page.add_init_script(path=str(AXE_JS))


LAYOUT_TAGS = ("table", "form", "fieldset", "details", "dl")


def layout_key(soup) -> tuple:
    """What decides a page's layout: its scripts, the site's components in its
    content (tsp-* blocks) and the kinds of block Material styles apart.
    Pages with the same key, in either language, share one desktop audit."""
    scripts = tuple(sorted(s["src"].rsplit("/", 1)[-1] for s in soup.select("script[src]")))
    article = soup.select_one("article") or soup
    components = {c for el in article.find_all(class_=True) for c in el["class"]
                  if c.startswith("tsp-") and "__" not in c and "--" not in c}
    tags = tuple(t for t in LAYOUT_TAGS if article.find(t))
    return scripts, tuple(sorted(components)), tags


def axe_violations(page, url: str, load: bool = True, widths=WIDTHS) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A+AA rules at a mobile and a desktop width
    (on a page set up with add_axe; load=False audits the page as loaded)."""
    if load:
        page.goto(url, wait_until="load")
    found = []
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    for width, height in widths:
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate(SETTLE)
        for violation in page.evaluate(AXE_RUN, options)["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            found.append(f"{url} @{width}px: {violation['id']} ({violation['impact']}) {targets}")
    return found
