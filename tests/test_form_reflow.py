"""Bilaga 5's tables and targets at phone width and on paper.

Bilaga 5 (and the routine table it shares with Bilaga 3) on a phone and on
paper (issue 17): the action tables become stacked rows, no word is split
across lines inside itself, and every control is a target of at least 24 px."""

from __future__ import annotations

import pytest

from form_helpers import form_url
from project import LANGUAGES

PHONE = {"width": 320, "height": 640}
# A4 less the 15 mm margins of the print stylesheet, in CSS pixels.
PAPER = {"width": round((210 - 2 * 15) / 25.4 * 96), "height": 1000}
TARGET_PX = 24

# Every word of every table cell with more than one line box: a word split
# across lines, in the rows a reader sees. Words end at spaces, slashes and dashes (where a line may
# rightly break); the first and last letters show where the split fell.
SPLIT_WORDS = r"""() => {
  const split = [];
  // Visually hidden header rows (1 px, for screen readers) are not read on screen.
  const shown = cell => cell.parentElement.parentElement.getBoundingClientRect().width > 1;
  for (const cell of [...document.querySelectorAll(".md-content table td, .md-content table th")].filter(shown)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\s\/\-–]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()]
          .filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
}"""

STACKED = """() => [...document.querySelectorAll("table.tsp-check-rows")].every(t =>
  getComputedStyle(t).display === "block"
  && [...t.querySelectorAll("td")].every(td => getComputedStyle(td).display !== "table-cell"))"""

SMALL_TARGETS = """min => [...document.querySelectorAll(
    "#tsp-incident input, #tsp-incident textarea, #tsp-form-tools input, #tsp-form-tools button, "
    + ".tsp-yes-no label")]
  .map(el => [el.id || el.htmlFor || el.textContent.trim(), el.getBoundingClientRect()])
  .filter(([, box]) => box.width < min || box.height < min)
  .map(([name, box]) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`)"""


def pages(site_url: str, lang: str) -> list[str]:
    return [form_url(site_url, lang), site_url + LANGUAGES.site_path("planen/bilaga-3/", lang)]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_phone_width_stacks_rows_and_splits_no_word(page, site_url, lang):
    page.set_viewport_size(PHONE)
    for url in pages(site_url, lang):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], url
        assert page.evaluate(SPLIT_WORDS) == [], url
    page.goto(form_url(site_url, lang))
    assert page.evaluate(STACKED), "the part 2 tables are still tables at 320 px"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_paper_width_splits_no_word(page, site_url, lang):
    page.set_viewport_size(PAPER)
    page.emulate_media(media="print")
    for url in pages(site_url, lang):
        page.goto(url)
        assert page.evaluate(SPLIT_WORDS) == [], url


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
def test_every_control_is_a_24px_target(page, site_url, lang, viewport):
    page.set_viewport_size(viewport)
    page.goto(form_url(site_url, lang))
    page.wait_for_selector("#tsp-form-tools:not([hidden])")
    assert page.evaluate(SMALL_TARGETS, TARGET_PX) == []
