"""Biome (pinned in tests/gates/package.json, rules in biome.jsonc) finds nothing in
the site's stylesheets and scripts. The templates in overrides/ are Jinja, which
Biome does not parse; the HTML validator checks what they build."""

import json
import re
import subprocess
from pathlib import Path

from conftest import ROOT

BIOME = ROOT / "tests" / "gates" / "node_modules" / ".bin" / "biome"
ASSETS = ROOT / "docs" / "assets"


def _left_out() -> set[Path]:
    """The files biome.jsonc leaves out ("!path" entries of files.includes)."""
    text = (ROOT / "biome.jsonc").read_text(encoding="utf-8")
    config = json.loads(re.sub(r"^\s*//.*$", "", text, flags=re.MULTILINE))
    return {ROOT / entry[1:] for entry in config["files"]["includes"] if entry.startswith("!")}


def _biome(*args: str) -> subprocess.CompletedProcess:
    if not BIOME.exists():
        raise AssertionError(f"{BIOME} is missing: run `make test` (it runs npm ci)")
    return subprocess.run([str(BIOME), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_biome_finds_nothing_in_the_assets():
    result = _biome("lint", "--error-on-warnings", "--max-diagnostics=none", "--colors=off", "docs/assets")
    assert result.returncode == 0, result.stdout + result.stderr


def test_biome_reads_every_stylesheet_and_script():
    files = {p for p in ASSETS.rglob("*") if p.suffix in (".css", ".js")} - _left_out()
    result = _biome("lint", "--colors=off", "docs/assets")
    checked = re.search(r"Checked (\d+) files?", result.stdout + result.stderr)
    assert checked, result.stdout + result.stderr
    assert int(checked.group(1)) == len(files), sorted(str(p.relative_to(ROOT)) for p in files)
