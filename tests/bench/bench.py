"""`make bench`: the speed budget of issue 8, printed as a table.

Builds the site, serves it gzipped on 127.0.0.1 and measures, for the start
page, the emergency page, a Bilaga 2 page and the form in both languages:
bytes (gzip) and requests on a cold load, bytes from the network on a warm
and an offline load, Lighthouse 12 mobile scores with FCP and LCP; then the
build time next to the same docs built with Material and i18n alone.
A benchmark, not a test: it prints figures and the targets beside them.
"""

from __future__ import annotations

import gzip
import os
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gzip_server import serve  # noqa: E402
from measure import (LIGHTHOUSE, ROOT, baseline_config, build_seconds,  # noqa: E402
                     build_site, lighthouse, page_weights)

PAGES = [
    ("start", ""), ("akut", "akut/"),
    ("bilaga 2 §1", "planen/bilaga-2/1-pagaende-situationer/"), ("form (bilaga 5)", "planen/bilaga-5/"),
]
TARGETS = ("targets: Lighthouse 100/100/100/100 on every page; akut LCP <= 1.2 s and "
           "<= 60 KiB cold; warm/offline 0 B; our machinery <= 25 % of build time")


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def precache_kib(site: Path) -> str:
    """What the service worker downloads once, in the background, gzipped."""
    source = (site / "sw.js").read_text(encoding="utf-8")
    start = source.index("const PRECACHE = ") + len("const PRECACHE = ")
    files = json.JSONDecoder().raw_decode(source, start)[0]["files"]
    total = sum(len(gzip.compress((site / rel).read_bytes(), 6)) for rel, _ in files)
    return f"{len(files)} files, {kib(total)} gzip"


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("tests/bench/node_modules/.bin/lighthouse is missing: run `make bench`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        print("building (median of 3 builds each) ...", flush=True)
        ours, base = build_seconds([ROOT / "mkdocs.yml", baseline_config(tmp)])
        site = tmp / "site"
        build_site(site)
        server, url = serve(site)
        try:
            paths = [(lang, name, ("en/" if lang == "en" else "") + path)
                     for lang in ("sv", "en") for name, path in PAGES]
            print("loading pages in Chromium ...", flush=True)
            weights = page_weights(url, [p for _, _, p in paths])
            rows = []
            for lang, name, path in paths:
                print(f"lighthouse {path or '/'} ...", flush=True)
                lh = lighthouse(url + path)
                w = weights[path]
                rows.append([
                    lang, name, kib(lh["bytes"]), str(lh["requests"]),
                    f'{w["warm"]["bytes"]} B', f'{w["offline"]["bytes"]} B',
                    "/".join(str(lh["scores"][c]) for c in lh["scores"]),
                    f'{lh["fcp"]:.2f} s', f'{lh["lcp"]:.2f} s', " ".join(lh["failed"]) or "-",
                ])
        finally:
            server.shutdown()
        precache = precache_kib(site)

    head = ["lang", "page", "cold (gzip)", "requests", "warm", "offline",
            "LH perf/a11y/bp/seo", "FCP", "LCP", "audits below 1"]
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print(f"service worker precache, once after the first visit: {precache}")
    share = (ours - base) / ours * 100
    print(f"build: {ours:.2f} s whole site, {base:.2f} s Material + i18n alone; "
          f"our macros, data and hooks: {ours / base:.2f}x, {share:.0f} % of build time")
    print(TARGETS)
    print("cold = Lighthouse's own cold load (gzip, page and its workers; the service "
          "worker's background precache is listed above); warm/offline = bytes not "
          "served by the service worker on a later load in Chromium")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          "(Lighthouse's simulated timings grow on a busy machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
