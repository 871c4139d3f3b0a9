"""The PDFs are set in the brought font and do not change with the machine's fonts.

The PDFs do not depend on the fonts of the machine that prints them: they
are set in the font the project brings (macros/tsp/steps/fonts.py), and a
machine whose every system font is another one prints the same pages with the
same text on each."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS
from macros.tsp.steps.pdf import jobs, print_env, print_pdfs
from pdf_tools import page_count, text

BROUGHT = "AtkinsonHyperlegible"

# Another machine: every font lookup answers DejaVu Sans Mono first, far
# wider than any sans-serif, and fontconfig's own defaults (full hinting)
# instead of Debian's, so any text that still depends on the machine moves.
OTHER_MACHINE = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <cachedir>{cache}</cachedir>
  <match target="pattern">
    <edit name="family" mode="prepend" binding="strong"><string>DejaVu Sans Mono</string></edit>
  </match>
</fontconfig>
"""
SANS_WIDTH = """() => { const c = document.createElement('canvas').getContext('2d');
  c.font = '16px sans-serif'; return c.measureText('Safe and secure elected representatives').width; }"""


def font_path() -> Path:
    from fontpkg_atkinson_hyperlegible import ROOT

    return Path(ROOT) / "files" / f"{BROUGHT}-Regular.ttf"


def charset(font: Path) -> set[int]:
    """The code points a font file covers (fc-query ships with fontconfig)."""
    ranges = subprocess.run(["fc-query", "--format", "%{charset}", str(font)],
                            capture_output=True, text=True, check=True).stdout.split()
    points = set()
    for item in ranges:
        first, _, last = item.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def lines(pdf: Path, page: int) -> list[str]:
    """The text lines of one page, as drawn (so a moved line break shows)."""
    out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-f", str(page), "-l", str(page),
                          str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [line.strip() for line in out.splitlines() if line.strip()]


def fonts_of(pdf: Path) -> set[str]:
    """Embedded font names, without the subset prefix (ABCDEF+)."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()}


def test_every_pdf_is_set_in_the_brought_font(site_pdfs):
    covered = charset(font_path())
    problems = []
    for _, pdf in jobs():
        path = site_pdfs / pdf
        others = {f for f in fonts_of(path) if not f.startswith(BROUGHT)}
        lacking = sorted({c for c in text(path) if ord(c) > 0x20 and ord(c) not in covered})
        # A character the brought font lacks can only come from
        # another font; anything else in another font is a print style that
        # forgot the brought font.
        if others and not lacking:
            problems.append(f"{pdf}: set in {sorted(others)} besides {BROUGHT}")
        if not any(f.startswith(BROUGHT) for f in fonts_of(path)):
            problems.append(f"{pdf}: does not use {BROUGHT} at all")
    assert not problems, "\n".join(problems)


@pytest.fixture
def other_machine_browser(playwright, tmp_path):
    """Chromium on a machine whose system fonts are all DejaVu Sans Mono, started
    the way macros/tsp/steps/pdf.py starts it."""
    machine = tmp_path / "machine-fonts.conf"
    machine.write_text(OTHER_MACHINE.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                         env=print_env(tmp_path, machine=str(machine)))
    yield browser
    browser.close()


def test_pdfs_are_the_same_with_other_system_fonts(site_pdfs, site_url, browser,
                                                   other_machine_browser, tmp_path):
    # The other machine really has another default font, or this proves nothing.
    widths = []
    for b in (browser, other_machine_browser):
        page = b.new_page()
        page.goto(site_url)
        widths.append(page.evaluate(SANS_WIDTH))
        page.close()
    assert widths[0] != pytest.approx(widths[1], rel=0.02), widths
    # The tightest fits (one-sheet worksheets) and the longest document.
    todo = [job for job in jobs()
            if job[1] in ("en/pdf/riskanalys.pdf", "pdf/telefonhot.pdf", "en/pdf/hela-planen.pdf")]
    assert len(todo) == 3, todo
    print_pdfs(other_machine_browser, site_url, tmp_path, todo)
    for _, pdf in todo:
        here, there = site_pdfs / pdf, tmp_path / pdf
        pages = page_count(here)
        assert page_count(there) == pages, f"{pdf}: {pages} pages here, {page_count(there)} there"
        for number in range(1, pages + 1):
            assert lines(there, number) == lines(here, number), f"{pdf} page {number}"
