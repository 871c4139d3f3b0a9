"""Measurements for `make bench`: build time, page weight in Chromium, Lighthouse."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LIGHTHOUSE = ROOT / "tests" / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


# --- Build time -------------------------------------------------------------

class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml; `!ENV [NAME, default]` becomes the default."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def baseline_config(dest: Path) -> Path:
    """mkdocs.yml with Material and i18n alone: no macros, no tsp plugin, no hooks,
    no overrides, none of our stylesheets or scripts (a default Material site)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    config.pop("hooks", None)
    config["theme"].pop("custom_dir", None)
    # A default Material site: none of our stylesheets or scripts.
    config.pop("extra_css", None)
    config.pop("extra_javascript", None)
    ours = ("macros", "tsp")  # the page macros and the site's own plugin
    config["plugins"] = [p for p in config["plugins"]
                         if not (isinstance(p, dict) and set(p) & set(ours)) and p not in ours]
    config["docs_dir"] = str(ROOT / "docs")
    config["strict"] = False  # pages that opt into macros keep raw Jinja here
    path = dest / "mkdocs.baseline.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_site(dest: Path, config: Path | None = None) -> None:
    """The real site, strict, into dest (or the anchor of config, not strict)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    args = ["--strict"] if config is None else ["-f", str(config)]
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", *args, "-d", str(dest)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"site build failed:\n{result.stderr[-3000:]}")


def build_seconds(configs: list[Path], runs: int = 3) -> list[float]:
    """Median wall time of `mkdocs build` for each config (a fresh process each
    run), the configs taking turns so that a busy machine slows all alike."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    times: list[list[float]] = [[] for _ in configs]
    with tempfile.TemporaryDirectory() as out:
        for _ in range(runs):
            for index, config in enumerate(configs):
                start = time.perf_counter()
                result = subprocess.run(
                    [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", out],
                    cwd=ROOT, env=env, capture_output=True, text=True)
                times[index].append(time.perf_counter() - start)
                if result.returncode != 0:
                    raise SystemExit(f"build of {config.name} failed:\n{result.stderr[-3000:]}")
    return [statistics.median(t) for t in times]


# --- Page weight in Chromium -------------------------------------------------

def _load(page, cdp, url: str) -> dict:
    """Bytes on the wire (encoded, i.e. gzip) and requests of one page load."""
    seen: dict[str, dict] = {}
    cdp.on("Network.responseReceived", lambda e: seen.setdefault(e["requestId"], {}).update(
        sw=e["response"].get("fromServiceWorker", False)))
    cdp.on("Network.loadingFinished", lambda e: seen.setdefault(e["requestId"], {}).update(
        bytes=e["encodedDataLength"]))
    cdp.send("Network.enable")
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    network = [r for r in seen.values() if not r.get("sw")]
    return {"requests": len(seen), "bytes": sum(r.get("bytes", 0) for r in network)}


def page_weights(base_url: str, paths: list[str]) -> dict[str, dict]:
    """Cold load (fresh profile), then warm and offline loads once the service
    worker holds the build: bytes taken from the network in each."""
    out = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            context = browser.new_context()
            page = context.new_page()
            cold = _load(page, context.new_cdp_session(page), base_url + path)
            # Not wait_for_function: it evaluates with eval(), which the CSP forbids.
            deadline = time.monotonic() + 60
            while not page.evaluate("navigator.serviceWorker.controller !== null"):
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{path}: the service worker never took control")
                time.sleep(0.1)
            page2 = context.new_page()
            warm = _load(page2, context.new_cdp_session(page2), base_url + path)
            context.set_offline(True)
            page3 = context.new_page()
            offline = _load(page3, context.new_cdp_session(page3), base_url + path)
            out[path] = {"cold": cold, "warm": warm, "offline": offline}
            context.close()
        browser.close()
    return out


# --- Lighthouse ----------------------------------------------------------------

def lighthouse(url: str) -> dict:
    """Lighthouse 12, mobile preset (its default), simulated throttling."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        env = dict(os.environ, CHROME_PATH=CHROMIUM)
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             "--only-categories=" + ",".join(CATEGORIES),
             "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
            env=env, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not report.is_file():
            raise SystemExit(f"lighthouse failed for {url}:\n{result.stderr[-3000:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        "scores": {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES},
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "bytes": audits["total-byte-weight"]["numericValue"],
        "requests": sum(1 for item in audits["network-requests"]["details"]["items"]
                        if not item["url"].startswith("data:")),
        "failed": sorted(a["id"] for a in audits.values()
                         if a.get("score") is not None and a["score"] < 1
                         and a.get("scoreDisplayMode") in ("binary", "numeric")),
    }
