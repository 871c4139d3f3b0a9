"""The plan's text as the site prints it, for tests/test_plan_reference.py.

The Swedish pages are read with BeautifulSoup, leaving out what the site adds
and marks as its own (guidance boxes, next-step lines, step links, print
buttons); the whole-plan PDF is read with pdftotext. Both are compared, word
for word, with the adopted plan (data/plan-reference.txt) after the declared
corrections (data/corrections.yml).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from bs4 import BeautifulSoup

from macros.tsp.models.plan import Plan, contains, words
from macros.tsp.models.situations import Situations

# What the site adds and marks as its own; none of it is the plan's text.
NOT_THE_PLAN = ", ".join([
    ".tsp-guidance",        # the site's guidance, labelled as such
    ".tsp-next",            # "Nästa steg" navigation at the end of a page
    ".tsp-step-link",       # "Bilaga 3, steg 3.1.1" links under chapter 3
    ".tsp-review",          # last reviewed / owner of a data table
    ".tsp-print-actions",   # "Skriv ut" and PDF buttons
    ".tsp-screen-only",     # words about the screen form
    "a.headerlink", "script", "form button",
])

# Plan parts whose text the site carries in full, and their Swedish pages.
FULL_TEXT = {
    "1": "planen/1-inledning",
    "2": "planen/2-forebyggande-arbete",
    "3": "planen/3-hantera",
    "bilaga-1": "planen/bilaga-1",
    "bilaga-2": "planen/bilaga-2",
    "bilaga-3": "planen/bilaga-3",
}
# Parts that are mostly a template filled in from data (the contact list, the
# incident form): their prose sentences must each be on the page, word for word.
SENTENCES = {
    "bilaga-4": ("planen/bilaga-4", "Kontakt\tNamn"),
    "bilaga-5": ("planen/bilaga-5", "1. Incidentrapport"),
}


def parts(situations: Situations) -> dict[str, str]:
    """Every fully carried part and its page path, the situations included."""
    found = {}
    for part, page in FULL_TEXT.items():  # in the plan's order
        found[part] = page
        if part == "bilaga-2":
            for s in situations.situations:
                found[f"bilaga-2-{s.number}"] = s.page[:-3]
    return found


def page_words(site_dir: Path, page: str) -> list[str]:
    """The words of a Swedish page's article that are the plan's text."""
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "lxml").select_one("article.md-content__inner")
    for element in article.select(NOT_THE_PLAN):
        element.decompose()
    # A numbered list's numbers are drawn by the browser; the plan writes them.
    for ol in article.find_all("ol"):
        start = int(ol.get("start", 1))
        for n, li in enumerate(ol.find_all("li", recursive=False)):
            li.insert(0, f"{start + n} ")
    return words(article.get_text(" "))


def differences(plan_words: list[str], site_words: list[str],
                allow_additions: bool = False) -> list[str]:
    """Each run of words that differs, as 'plan: [...] -> site: [...]'."""
    out = []
    matcher = difflib.SequenceMatcher(None, plan_words, site_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (allow_additions and op == "insert"):
            continue
        before = " ".join(plan_words[max(i1 - 4, 0):i1])
        out.append(f"after '{before}': plan [{' '.join(plan_words[i1:i2])}] "
                   f"-> site [{' '.join(site_words[j1:j2])}]")
    return out


def plan_sentences(plan: Plan, part: str, table_starts: str) -> list[str]:
    """The prose lines of a part before its table or form."""
    lines = []
    for line in plan.corrected_lines(part):
        if line.startswith(table_starts):
            break
        if line.strip():
            lines.append(line.strip())
    return lines


def site_differences(site_dir: Path, plan: Plan, situations: Situations) -> dict[str, list[str]]:
    """{part: differences} over the whole Swedish site; empty lists when it matches."""
    found = {}
    for part, page in parts(situations).items():
        found[part] = differences(plan.words(part), page_words(site_dir, page))
    for part, (page, table_starts) in SENTENCES.items():
        text = page_words(site_dir, page)
        found[part] = [f"missing: '{line}'" for line in plan_sentences(plan, part, table_starts)
                       if not contains(text, words(line))]
    return found


def pdf_differences(pdf_words: list[str], plan: Plan, situations: Situations) -> list[str]:
    """The plan's fully carried parts, in order, against the whole-plan PDF:
    the PDF may add the site's marked guidance, but no plan word may change
    or go missing."""
    plan_words = [w for part in parts(situations) for w in plan.words(part)]
    return differences(plan_words, pdf_words, allow_additions=True)
