"""Shared fixtures: the built site, its server and Debian's Chromium.

The real site is built once per session and served on loopback; Playwright
drives Debian's Chromium (browser downloads do not work here)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from project import copy_sources

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


# Fixtures that build the site or start a browser: `make check` (--no-build)
# leaves out every test that uses one, directly or through another fixture.
HEAVY_FIXTURES = {"site_dir", "project_copy", "browser", "playwright", "page", "context"}


# A module marked build as a whole (this line at its top level) is not even
# imported by `make check`: its imports (hypothesis, say) cost time too.
BUILD_MODULE = "pytestmark = pytest.mark.build\n"


def pytest_addoption(parser):
    parser.addoption("--no-build", action="store_true",
                     help="only the tests that need no site build and no browser (make check)")


def pytest_ignore_collect(collection_path, config):
    if (config.getoption("--no-build") and collection_path.suffix == ".py"
            and collection_path.name.startswith("test_")
            and BUILD_MODULE in collection_path.read_text(encoding="utf-8")):
        return True
    return None


# Open defects found when the branches of this round were merged: each line of
# tests/known-defects.txt is `test id  # what is wrong`. Those tests still run,
# and are reported as xfail (or XPASS once fixed) until the defect is mended and
# its line removed. The list is meant to shrink to nothing.
KNOWN_DEFECTS = Path(__file__).with_name("known-defects.txt")


def known_defects() -> dict[str, str]:
    if not KNOWN_DEFECTS.is_file():
        return {}
    found = {}
    for line in KNOWN_DEFECTS.read_text(encoding="utf-8").splitlines():
        test, _, why = line.partition("#")
        if test.strip():
            found[test.strip()] = why.strip() or "open defect"
    return found


# In parallel runs (pytest-xdist, `make test`) each group runs whole on one
# worker: a module with its module fixtures (the broken copies it builds), and
# all users of one costly session fixture, so it is made only once. The workers
# write the groups they collected to GROUPS; the controller hands out the
# longest groups first (by the seconds each test took in the last run, in
# DURATIONS), so no worker is left with a long group at the end.
SHARED_FIXTURES = ("site_audit", "site_pdfs")
GROUPS = "TSP_TEST_GROUPS"
DURATIONS = ROOT / ".venv" / "test-durations.json"
# A test not yet timed counts as this many seconds, by what it starts; only the
# order of the groups depends on it, never a result.
GUESS = {"site_audit": 120.0, "site_pdfs": 30.0, "project_copy": 8.0, "site_copy": 4.0,
         "page": 2.0, "browser": 2.0}


def group_of(item) -> str:
    used = set(getattr(item, "fixturenames", ()))
    name = next((name for name in SHARED_FIXTURES if name in used), None)
    if name is None:
        return item.nodeid.split("::")[0]
    callspec = getattr(item, "callspec", None)  # a fixture in parts: one group a part
    return f"{name}[{callspec.params[name]}]" if callspec and name in callspec.params else name


def guess_seconds(item) -> float:
    used = set(getattr(item, "fixturenames", ()))
    return max([GUESS[name] for name in used & GUESS.keys()] or [0.1])


class _Durations:
    """In the controller: each test's setup, call and teardown seconds, merged
    into DURATIONS when the run ends (a partial run keeps the other tests' times)."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def pytest_runtest_logreport(self, report):
        self.seconds[report.nodeid] = self.seconds.get(report.nodeid, 0.0) + report.duration

    def save(self) -> None:
        import json

        if not self.seconds or not DURATIONS.parent.is_dir():
            return
        try:
            known = json.loads(DURATIONS.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
        known.update({nodeid: round(s, 2) for nodeid, s in self.seconds.items()})
        DURATIONS.write_text(json.dumps(known, indent=0, sort_keys=True), encoding="utf-8")


def pytest_configure(config):
    if not hasattr(config, "workerinput") and config.pluginmanager.hasplugin("xdist"):
        import tempfile

        os.environ[GROUPS] = tempfile.mkdtemp(prefix="tsp-groups-")
        config.pluginmanager.register(_Durations(), "tsp-durations")


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput") and os.environ.get(GROUPS):
        shutil.rmtree(os.environ.pop(GROUPS), ignore_errors=True)
    durations = config.pluginmanager.get_plugin("tsp-durations")
    if durations:
        durations.save()


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    import json
    from collections import OrderedDict

    from xdist.scheduler import LoadScopeScheduling

    class _LongestFirst(OrderedDict):
        """The work queue: a worker asking for work gets the longest group left.
        (The workers' collections stay as they are: the controller sends
        tests to a worker as indices into its own collection.)"""

        def __init__(self, scheduler):
            super().__init__()
            self.scheduler = scheduler
            self.seconds: dict[str, float] | None = None

        def popitem(self, last: bool = True):
            if last:
                return super().popitem(last=True)
            if self.seconds is None:
                self.seconds = self.scheduler.group_seconds()
            group = max(self, key=lambda g: self.seconds.get(g, 0.0))
            return group, self.pop(group)

    class GroupScheduling(LoadScopeScheduling):
        groups: dict[str, list] = {}

        def _load_groups(self) -> None:
            if not self.groups:
                for path in sorted(Path(os.environ[GROUPS]).glob("*.json")):
                    self.groups.update(json.loads(path.read_text(encoding="utf-8")))

        def _split_scope(self, nodeid: str) -> str:
            self._load_groups()
            return self.groups.get(nodeid, [nodeid.split("::")[0]])[0]

        def group_seconds(self) -> dict[str, float]:
            """Seconds per group: the last run's times, else a guess by fixture."""
            self._load_groups()
            try:
                timed = json.loads(DURATIONS.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                timed = {}
            seconds: dict[str, float] = {}
            for nodeid, (group, guess) in self.groups.items():
                seconds[group] = seconds.get(group, 0.0) + timed.get(nodeid, guess)
            return seconds

        def __init__(self, config, log=None):
            super().__init__(config, log)
            self.workqueue = _LongestFirst(self)

    return GroupScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    defects = known_defects()
    for item in items:
        why = defects.get(item.nodeid) or defects.get(item.nodeid.split("[")[0])
        if why:
            item.add_marker(pytest.mark.xfail(reason=why, strict=False))
    if hasattr(config, "workerinput") and os.environ.get(GROUPS):
        import json

        groups = {item.nodeid: [group_of(item), guess_seconds(item)] for item in items}
        (Path(os.environ[GROUPS]) / f"{config.workerinput['workerid']}.json").write_text(
            json.dumps(groups), encoding="utf-8")
    if not config.getoption("--no-build"):
        return
    heavy = [item for item in items if HEAVY_FIXTURES & set(getattr(item, "fixturenames", ()))
             or item.get_closest_marker("build")]
    if heavy:
        config.hook.pytest_deselected(items=heavy)
        items[:] = [item for item in items if item not in heavy]


def run_build(dest: Path, project: Path = ROOT) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of project into dest (never -q: it hides warnings)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
         str(project / "mkdocs.yml"), "-d", str(dest)],
        cwd=project, env=env, capture_output=True, text=True,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The whole site, built once per test session: in a parallel run by the
    first worker that needs it, and copied by the others (each worker may add
    its PDFs to its own copy)."""
    dest = tmp_path_factory.mktemp("site")
    shared = os.environ.get(GROUPS)
    if not shared:
        result = run_build(dest)
        assert result.returncode == 0, result.stderr[-4000:]
        return dest
    import fcntl

    built, failed = Path(shared) / "site", Path(shared) / "site-build-failed.txt"
    with open(Path(shared) / "site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.is_dir() and not failed.exists():
            result = run_build(built)
            if result.returncode != 0:
                shutil.rmtree(built, ignore_errors=True)
                failed.write_text(result.stderr[-4000:], encoding="utf-8")
    assert not failed.exists(), failed.read_text(encoding="utf-8")
    shutil.copytree(built, dest, dirs_exist_ok=True)
    return dest


@pytest.fixture(scope="session")
def html_pages(site_dir) -> list[Path]:
    """Every content page of both languages (404 pages excluded)."""
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


@functools.lru_cache(maxsize=None)
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="session")
def soup():
    """soup(path) -> parsed built HTML, cached."""
    return _soup


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A browser closing a connection early (BrokenPipe) is not a test failure."""


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """The built site served over HTTP on 127.0.0.1 (a free port)."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, tmp_path_factory):
    """Debian's Chromium, with the font settings the PDFs are printed with."""
    from macros.tsp.steps.pdf import print_env

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian chromium)")
    env = print_env(tmp_path_factory.mktemp("fontconfig"))
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS,
            "env": env}


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A throwaway copy of the project sources, to break on purpose."""
    return copy_sources(tmp_path / "project")


@pytest.fixture(scope="session")
def site_pdfs(browser, site_url, site_dir) -> Path:
    """Every printable of data/printables.yml printed to PDF in both languages,
    once per session, with the session's one browser (macros/tsp/steps/pdf.py)."""
    from macros.tsp.steps.pdf import jobs, print_pdfs, refresh_precache

    print_pdfs(browser, site_url, site_dir, jobs())
    refresh_precache(site_dir)
    return site_dir
@pytest.fixture
def site_copy(site_pdfs, tmp_path) -> Path:
    """A throwaway copy of the built site with its PDFs, to break on purpose."""
    dest = tmp_path / "site-copy"
    shutil.copytree(site_pdfs, dest)
    return dest


@pytest.fixture
def serve_dir():
    """serve_dir(path) -> URL of path served on 127.0.0.1 until the test ends."""
    servers = []

    def serve(directory: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()


# The page audit in parts, each a group of its own that a worker runs whole,
# side by side with the others.
AUDIT_PARTS = 2


def audit_plan(site_dir: Path, html_pages: list[Path]) -> list[tuple[Path, list]]:
    """(page, widths) for every page: axe at phone width on every page, at
    desktop width on the first page of each layout."""
    from gates.browser import WIDTHS, layout_key

    plan, layouts = [], set()
    for path in html_pages:
        key = layout_key(_soup(path))
        plan.append((path, WIDTHS if key not in layouts else WIDTHS[:1]))
        layouts.add(key)
    return plan


@pytest.fixture(scope="session", params=range(AUDIT_PARTS), ids=lambda i: f"part{i + 1}")
def site_audit(request, browser, browser_context_args, site_url, site_dir, html_pages):
    """One pass of real Chromium over every page of one part (every
    AUDIT_PARTS-th page): privacy/CSP watch, axe (audit_plan), keyboard and
    320 px reflow in the widest common font (DejaVu Sans, whatever the
    machine's default is). {gate: [problems]} for the gate tests."""
    from gates.browser import Watch, add_axe, axe_violations, page_url
    from gates.keyboard import keyboard_problems
    from gates.reflow import force_widest_font, header_problems

    # Reduced motion: the site's CSS then drops Material's transitions, so axe
    # measures settled colours without waiting for animations.
    context = browser.new_context(**{**browser_context_args, "reduced_motion": "reduce"})
    force_widest_font(context)
    page = context.new_page()
    add_axe(page)
    watch = Watch(page, site_url)
    found = {"privacy": [], "axe": [], "keyboard": [], "pages": []}
    for path, widths in audit_plan(site_dir, html_pages)[request.param::AUDIT_PARTS]:
        url = page_url(site_url, site_dir, path)
        found["pages"].append(path)
        found["privacy"] += watch.visit(url, settle=False)
        if page.locator(".tsp-plan-toc").count():  # audit the whole plan once assembled
            page.wait_for_selector('html[data-tsp-print="ready"]', state="attached")
        found["axe"] += axe_violations(page, url, load=False, widths=widths)
        found["keyboard"] += keyboard_problems(page, url, load=False)
        found["keyboard"] += header_problems(page, url)
    found["privacy"] += watch.visit(site_url)  # also waits for late requests
    context.close()
    return found


def wait_until(page, expression: str, timeout: float = 30.0, interval: float = 0.1):
    """Poll a JS expression with page.evaluate until it is truthy.

    Not page.wait_for_function: Playwright runs its predicate through eval(),
    which the site's Content-Security-Policy (rightly) forbids.
    """
    import time

    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(interval)
