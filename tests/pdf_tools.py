"""Small wrappers over poppler-utils (pdfinfo, pdftotext, pdftoppm) for tests."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

from organisation_facts import margin_pattern

# Running header and footer printed on every sheet by the print CSS
# (site and organisation, registration number, page N of M).
MARGIN_TEXT = margin_pattern()


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """pdftotext of the PDF (or some pages), whitespace collapsed to single spaces."""
    # -raw: the order Chromium drew the text in (DOM order), so table cells stay whole.
    args = ["pdftotext", "-raw", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    out = subprocess.run(args + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return normal(out)


def body_text(pdf: Path, page: int) -> str:
    """The text of one page without the running header and footer."""
    return MARGIN_TEXT.sub(" ", text(pdf, page, page)).strip()


def normal(value: str) -> str:
    return " ".join(value.split())


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in PDF points of one page (pdftotext -bbox)."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    soup = BeautifulSoup(out, "lxml")
    return [(w.get_text(), float(w["xmin"]), float(w["ymin"]), float(w["xmax"]), float(w["ymax"]))
            for w in soup.find_all("word")]


class Raster:
    """One PDF page as an 8-bit grey image (pdftoppm -gray, PGM), `scale` pixels a point."""

    def __init__(self, pdf: Path, page: int, scale: int = 2):
        self.scale = scale
        with tempfile.TemporaryDirectory() as tmp:
            prefix = Path(tmp) / "page"
            subprocess.run(["pdftoppm", "-gray", "-r", str(72 * scale), "-f", str(page),
                            "-l", str(page), str(pdf), str(prefix)], check=True)
            data = next(Path(tmp).glob("page*.pgm")).read_bytes()
        magic, width, height, maxval, self.pixels = data.split(maxsplit=4)
        assert magic == b"P5" and int(maxval) == 255
        self.width, self.height = int(width), int(height)

    def dark(self, x: int, y: int) -> bool:
        return self.pixels[y * self.width + x] < 128

    def dark_share(self, x0: float, y0: float, x1: float, y1: float) -> float:
        """Share of dark pixels in a rectangle given in PDF points."""
        s = self.scale
        xs = range(max(int(x0 * s), 0), min(int(x1 * s), self.width))
        ys = range(max(int(y0 * s), 0), min(int(y1 * s), self.height))
        total = len(xs) * len(ys)
        return sum(self.dark(x, y) for y in ys for x in xs) / total if total else 0.0

    def ruled_lines(self, min_share: float = 0.3) -> int:
        """Horizontal lines: groups of adjacent pixel rows that are dark over
        at least min_share of the page width."""
        count, previous = 0, False
        for y in range(self.height):
            row = self.pixels[y * self.width:(y + 1) * self.width]
            ruled = sum(1 for p in row if p < 128) >= min_share * self.width
            if ruled and not previous:
                count += 1
            previous = ruled
        return count


def rule_tops(raster: Raster, min_share: float = 0.5) -> list[float]:
    """The top of each drawn line, in PDF points from the top: groups of pixel
    rows with one unbroken dark run over min_share of the page width (a row
    through a line of large bold text is dark in many short runs, not one)."""
    need = min_share * raster.width
    tops, previous = [], False
    for y in range(raster.height):
        row = raster.pixels[y * raster.width:(y + 1) * raster.width]
        longest = max((len(run) for run in row.translate(_DARK).split(b"\x00")), default=0)
        ruled = longest >= need
        if ruled and not previous:
            tops.append(y / raster.scale)
        previous = ruled
    return tops


# Dark pixels (< 128) to 0x01, light ones to 0x00, for rule_tops.
_DARK = bytes(1 if value < 128 else 0 for value in range(256))


def _margin_font_pt() -> float:
    """The font size of the running header and footer (@page margin boxes)."""
    css = (Path(__file__).resolve().parents[1] / "docs/assets/stylesheets/tsp-print.css").read_text()
    return float(re.search(r"@top-left\s*{[^}]*?font:\s*([\d.]+)pt", css).group(1))


# A4 height and the @page top and bottom margin (16 mm), in points.
A4_HEIGHT_PT = 297 / 25.4 * 72
MARGIN_PT = 16 / 25.4 * 72


def type_sizes(pdf: Path, page: int) -> list[tuple[str, float, float, float]]:
    """(word, size in pt, yMin, yMax) of each word of one page's body (outside
    the running header and footer). pdftotext's box height is the font size
    times the font's ascent plus descent; the footer, printed at the size the
    print CSS gives it, yields that factor, so no font metrics are needed."""
    found = words(pdf, page)
    margin = [w for w in found if w[4] < MARGIN_PT or w[2] > A4_HEIGHT_PT - MARGIN_PT]
    assert margin, f"{pdf.name} page {page}: no running header or footer to measure by"
    factor = (margin[-1][4] - margin[-1][2]) / _margin_font_pt()
    return [(w, (y1 - y0) / factor, y0, y1) for w, x0, y0, x1, y1 in found
            if (w, x0, y0, x1, y1) not in margin]
