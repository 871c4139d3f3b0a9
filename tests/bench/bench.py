"""`make bench`: this site side by side with a default Material site.

Builds the site and an anchor (the same docs with Material and i18n alone:
no macros, hooks, overrides, stylesheets or scripts of ours), serves both
gzipped on 127.0.0.1 and measures, for the start page, a situation, Bilaga 5
and Akut in both languages, in one run: bytes (gzip) and requests of a cold
load, Lighthouse 12 mobile scores and LCP; then this site's warm and offline
loads, the service worker's first-visit download, and the build time.
A benchmark, not a test: it prints figures and the targets beside them.
"""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gzip_server import serve  # noqa: E402

from macros.tsp.steps.precache import written_manifest  # noqa: E402
from measure import (LIGHTHOUSE, ROOT, baseline_config, build_seconds,  # noqa: E402
                     build_site, lighthouse, page_weights)

PAGES = [
    ("start", ""), ("situation 1", "planen/bilaga-2/1-pagaende-situationer/"),
    ("Bilaga 5", "planen/bilaga-5/"), ("Akut", "akut/"),
]
TARGETS = ("targets: every page <= the anchor's requests, <= 1.1x its bytes, Lighthouse "
           "100/100/100/100; Akut <= 5 requests, <= 25 KiB, LCP <= 1.0 s; precache <= 600 KiB "
           "gzip; our machinery <= 25 % of build time")


def kib(n: float) -> str:
    return f"{n / 1024:.1f} KiB"


def precache_kib(site: Path) -> str:
    """What the service worker downloads once, in the background, gzipped."""
    manifest = written_manifest(site)
    total = sum(len(gzip.compress((site / rel).read_bytes(), 6)) for rel, _ in manifest["files"])
    return (f"{len(manifest['files'])} files, {kib(total)} gzip "
            f"({len(manifest['lazy'])} more cached when first opened)")


def scores(lh: dict) -> str:
    return "/".join(str(lh["scores"][c]) for c in lh["scores"])


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("tests/bench/node_modules/.bin/lighthouse is missing: run `make bench`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        anchor_config = baseline_config(tmp)
        print("building (median of 3 builds each) ...", flush=True)
        ours, base = build_seconds([ROOT / "mkdocs.yml", anchor_config])
        site, anchor = tmp / "site", tmp / "anchor"
        build_site(site)
        build_site(anchor, anchor_config)
        server, url = serve(site)
        anchor_server, anchor_url = serve(anchor)
        try:
            paths = [(lang, name, ("en/" if lang == "en" else "") + path)
                     for lang in ("sv", "en") for name, path in PAGES]
            print("loading pages in Chromium ...", flush=True)
            weights = page_weights(url, [p for _, _, p in paths])
            rows = []
            for lang, name, path in paths:
                print(f"lighthouse {path or '/'} ...", flush=True)
                a, o = lighthouse(anchor_url + path), lighthouse(url + path)
                w = weights[path]
                rows.append([
                    lang, name,
                    kib(a["bytes"]), kib(o["bytes"]), f'{o["bytes"] / a["bytes"]:.2f}x',
                    str(a["requests"]), str(o["requests"]),
                    scores(a), scores(o), f'{a["lcp"]:.2f} s', f'{o["lcp"]:.2f} s',
                    f'{w["warm"]["bytes"]} B', f'{w["offline"]["bytes"]} B',
                    " ".join(o["failed"]) or "-",
                ])
        finally:
            server.shutdown()
            anchor_server.shutdown()
        precache = precache_kib(site)

    head = ["lang", "page", "anchor KiB", "ours KiB", "ratio", "anchor req", "ours req",
            "anchor LH", "ours LH", "anchor LCP", "ours LCP", "ours warm", "ours offline",
            "our audits below 1"]
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(f"service worker precache, once after the first visit: {precache}")
    share = (ours - base) / ours * 100
    print(f"build: {ours:.2f} s whole site, {base:.2f} s anchor (Material + i18n alone); "
          f"our macros, data and hooks: {ours / base:.2f}x, {share:.0f} % of build time")
    print(TARGETS)
    print("KiB and req = Lighthouse's own cold load (gzip; LH = perf/a11y/best practices/SEO); "
          "warm/offline = bytes not served by the service worker on a later load in Chromium")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          "(Lighthouse's simulated timings grow on a busy machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
