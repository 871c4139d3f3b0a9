"""Helpers for the Bilaga 5 browser tests: typed answers, storage, requests."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

from macros.tsp.models.loader import load_strings
from project import LANGUAGES

STRINGS = load_strings()
DRAFT_KEY = "tsp-incident-draft-v1"

# ~1500 characters of ordinary words, each sentence numbered so that a
# missing line in the printout is noticed.
LONG_ANSWER = " ".join(
    f"Mening {i} om hotet: brevet kom till bostaden och lästes av den utsatte på morgonen."
    for i in range(1, 19)
)

# The answers of the form, read in page order by field name.
READ_ANSWERS = """() => {
  const form = document.getElementById("tsp-incident");
  const answers = {};
  for (const el of form.elements) {
    if (el.name && !(el.name in answers)) answers[el.name] = form.elements.namedItem(el.name).value;
  }
  return answers;
}"""

STORED = """async () => ({
  local: Object.entries(localStorage),
  session: Object.entries(sessionStorage),
  idb: (await indexedDB.databases()).map(db => db.name),
})"""


def say(key: str, lang: str, **values) -> str:
    """A message of data/strings.yml with its {placeholders} filled in."""
    return STRINGS.text(key, lang).format(**values)


def form_url(site_url: str, lang: str) -> str:
    return site_url + LANGUAGES.site_path("planen/bilaga-5/", lang)


def answers(page) -> dict[str, str]:
    return page.evaluate(READ_ANSWERS)


def sample_answers(page) -> dict[str, str]:
    """A distinct answer for every field: text, an ISO date or Ja/Nej."""
    kinds = page.evaluate("""() => Object.fromEntries(
        [...document.getElementById("tsp-incident").elements]
          .filter(el => el.name).map(el => [el.name, el.type]))""")
    result = {}
    for i, (name, kind) in enumerate(kinds.items()):
        if kind == "radio":
            result[name] = "yes" if i % 2 else "no"
        elif kind == "date":
            result[name] = f"2026-0{1 + i % 9}-1{i % 10}"
        else:
            result[name] = LONG_ANSWER if name == "p1-what" else f"Svar {i} för {name}: åäö"
    return result


FILL = """answers => {
  const form = document.getElementById("tsp-incident");
  for (const [name, value] of Object.entries(answers)) {
    const field = form.elements.namedItem(name);
    if (field instanceof RadioNodeList) {
      for (const radio of field) radio.checked = radio.value === value;
    } else {
      field.value = value;
    }
    const el = field instanceof RadioNodeList ? field[0] : field;
    el.dispatchEvent(new Event("input", {bubbles: true}));
    el.dispatchEvent(new Event("change", {bubbles: true}));
  }
}"""


def fill(page, values: dict[str, str]) -> None:
    """Set every field at once with input/change events (for the tests that are
    not about the keyboard: fill_by_keyboard covers real typing)."""
    page.evaluate(FILL, values)


def fill_by_keyboard(page) -> dict[str, str]:
    """Walk the form with Tab only, answering each field by typing, Space or arrows.

    Focus starts on the first field; everything after that is keyboard input.
    Returns the expected value of every field by name.
    """
    page.locator("#p1-reporter").focus()
    typed: dict[str, str] = {}
    dates = 0
    for _ in range(300):
        el = page.evaluate("""() => { const e = document.activeElement;
            return {tag: e.tagName, type: e.type, name: e.name,
                    inForm: !!e.closest("#tsp-incident")}; }""")
        if not el["inForm"]:
            break
        name = el["name"]
        if name not in typed:
            if el["tag"] == "TEXTAREA":
                # Real keystrokes for the start of each answer; the rest is
                # inserted as typed text (Playwright types ~25 ms a key here).
                rest = LONG_ANSWER if name == "p1-what" else f"svar om {name} åäö"
                start = f"S{len(typed)} "
                page.keyboard.type(start)
                page.keyboard.insert_text(rest)
                typed[name] = start + rest
            elif el["type"] == "date":
                dates += 1
                # Chromium's default (en-US) date field: month, day, year.
                page.keyboard.type(f"03{dates:02d}2026")
                typed[name] = f"2026-03-{dates:02d}"
            elif el["type"] == "radio":
                # Alternate: Space checks Ja, ArrowRight moves to and checks Nej.
                if len(typed) % 2:
                    page.keyboard.press("Space")
                    typed[name] = "yes"
                else:
                    page.keyboard.press("ArrowRight")
                    typed[name] = "no"
        page.keyboard.press("Tab")
    return typed


def pdf_text(page, path: Path) -> str:
    """Print to PDF (A4 from the page's CSS) and return pdftotext's text, whitespace folded."""
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return fold(out.stdout)


def pdf_page_size(path: Path) -> str:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return next(line for line in out.stdout.splitlines() if line.startswith("Page size"))


def fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def form_traces(page, typed: dict[str, str]) -> list[str]:
    """Everything in browser storage or cookies that belongs to the form."""
    stored = page.evaluate(STORED)
    texts = [v for v in typed.values() if len(v) > 3]
    found = [f"{where}: {key}" for where in ("local", "session")
             for key, value in stored[where]
             if key.startswith("tsp-") or any(t in value for t in texts)]
    found += [f"indexedDB: {name}" for name in stored["idb"]]
    found += [f"cookie: {c['name']}" for c in page.context.cookies()]
    return found


def foreign(urls: list[str], site_url: str) -> list[str]:
    """Requests that are not the site's own files."""
    return [u for u in urls if not u.startswith(site_url)]
