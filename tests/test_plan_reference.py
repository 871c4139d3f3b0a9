"""The adopted plan, word for word: the Swedish pages and the whole-plan PDF
against data/plan-reference.txt with the corrections of data/corrections.yml;
summaries that keep every "alltid" and "inte"; the site's own words marked."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_build
from macros.tsp.models.loader import load_strings
from macros.tsp.models.plan import load_plan, words
from macros.tsp.models.situations import load_situations
from pdf_tools import MARGIN_TEXT, text
from plan_text import parts, pdf_differences, site_differences
from project import safe_load

PLAN = load_plan()
SITUATIONS = load_situations()
STRINGS = load_strings()
LANGS = ["sv", "en"]
LANG_ROOT = {"sv": "", "en": "en/"}


def article(soup, site_dir: Path, lang: str, page: str):
    path = site_dir / LANG_ROOT[lang] / page / "index.html" if page else \
        site_dir / LANG_ROOT[lang] / "index.html"
    return soup(path).select_one("article.md-content__inner")


def test_swedish_pages_carry_the_plan_word_for_word(site_dir):
    found = site_differences(site_dir, PLAN, SITUATIONS)
    undeclared = {part: diffs for part, diffs in found.items() if diffs}
    assert not undeclared, ("differences from the adopted plan that data/corrections.yml "
                            f"does not declare: {undeclared}")


def test_changing_one_word_of_a_page_fails(site_copy):
    page = site_copy / "planen" / "3-hantera" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "En polisanmälan bör alltid göras." in html
    page.write_text(html.replace("En polisanmälan bör alltid göras.",
                                 "En polisanmälan kan göras.", 1), encoding="utf-8")
    found = site_differences(site_copy, PLAN, SITUATIONS)
    assert found["3"] and "[bör alltid] -> site [kan]" in found["3"][0]
    assert not any(diffs for part, diffs in found.items() if part != "3")


def test_dropping_a_sentence_of_bilaga_4_fails(site_copy):
    page = site_copy / "planen" / "bilaga-4" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("Kontaktlistan uppdateras löpande.", "", 1), encoding="utf-8")
    found = site_differences(site_copy, PLAN, SITUATIONS)
    assert any("Kontaktlistan uppdateras löpande" in d for d in found["bilaga-4"])


def test_changing_one_word_in_the_data_fails(project_copy, tmp_path):
    """Bilaga 3 is printed from data/routine.yml: one word changed there and
    the built page no longer carries the plan."""
    path = project_copy / "data" / "routine.yml"
    text = path.read_text(encoding="utf-8")
    assert "Anmälaren begär att polisanmälan blir åtkomstskyddad" in text
    path.write_text(text.replace("Anmälaren begär att polisanmälan blir åtkomstskyddad",
                                 "Anmälaren kan begära att polisanmälan blir åtkomstskyddad"),
                    encoding="utf-8")
    result = run_build(tmp_path / "site", project_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    found = site_differences(tmp_path / "site", PLAN, SITUATIONS)
    assert found["bilaga-3"] and any("[begär] -> site [kan begära]" in d for d in found["bilaga-3"])


def test_a_situation_quote_that_is_not_the_plans_words_stops_the_check(project_copy):
    path = project_copy / "data" / "situations.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines) if "sv: Lås inte dörrar som leder in" in text)
    lines[line] = lines[line].replace("Lås inte dörrar", "Lås alla dörrar")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.tsp.check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert f"data/situations.yml:{line + 1}: situations[3].first[3].sv: 'Lås alla dörrar" \
        in result.stderr
    assert "leaves out the plan's sentence 'Lås inte dörrar som leder in till byggnaden'" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_a_correction_that_is_not_in_the_plan_stops_the_check(project_copy):
    path = project_copy / "data" / "corrections.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("original: \"Syftet med planen\"", "original: \"Syftet med webben\""),
                    encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.tsp.check"], cwd=project_copy,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert re.search(r"data/corrections\.yml:\d+: corrections\[\d+\]\.original: 'Syftet med webben' "
                     r"is not in Avsnitt 1", result.stderr), result.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_om_planen_lists_every_correction(site_dir, soup, lang):
    corrections = safe_load((ROOT / "data" / "corrections.yml").read_text(encoding="utf-8"))
    items = article(soup, site_dir, lang, "planen/om-planen").select("ul.tsp-corrections > li")
    assert len(items) == len(corrections["corrections"])
    for item, correction in zip(items, corrections["corrections"]):
        text = " ".join(item.get_text(" ").split())
        assert " ".join(correction["original"].split()) in text
        assert " ".join(correction["new"].split()) in text
        assert correction["reason"][lang] in text


def test_whole_plan_pdf_carries_the_plan(browser, site_url, site_dir, tmp_path):
    from macros.tsp.steps.pdf import print_pdfs

    target = "pdf/hela-planen-reference-test.pdf"
    print_pdfs(browser, site_url, site_dir, [("skriv-ut/hela-planen/", target)])
    out = text(site_dir / target)
    (site_dir / target).unlink()
    pdf_words = words(MARGIN_TEXT.sub(" ", out))
    differences = pdf_differences(pdf_words, PLAN, SITUATIONS)
    assert not differences, differences
    # The PDF shows the site's guidance as such.
    assert STRINGS.text("guidance_label", "sv") in " ".join(out.split())


# --- Summaries keep the plan's "alltid" and "inte" --------------------------

def summary_items(soup, site_dir, lang, page):
    heading = article(soup, site_dir, lang, page).find(id="situationer")
    items = heading.find_next("ol").find_all("li", recursive=False)
    assert len(items) == len(SITUATIONS.situations)
    return items


@pytest.mark.parametrize("page", ["akut", "om-nagot-har-hant"])
@pytest.mark.parametrize("situation", SITUATIONS.situations, ids=lambda s: str(s.number))
def test_summaries_keep_every_always_and_never_of_the_plan(site_dir, soup, page, situation):
    item = summary_items(soup, site_dir, "sv", page)[situation.number - 1]
    text = words(item.get_text(" "))
    box = article(soup, site_dir, "sv", situation.url.rstrip("/")).select_one(".tsp-first")
    box_text = words(box.get_text(" "))
    for must in PLAN.musts(situation.number):
        assert _has(text, words(must)), f"{page}, situation {situation.number}: '{must}'"
        assert _has(box_text, words(must)), f"'Gör först' of {situation.number}: '{must}'"


@pytest.mark.parametrize("page", ["akut", "om-nagot-har-hant"])
def test_english_summaries_say_the_same_as_the_data(site_dir, soup, page):
    items = summary_items(soup, site_dir, "en", page)
    for item, situation in zip(items, SITUATIONS.situations):
        text = " ".join(item.get_text(" ").split())
        for action in situation.first:
            assert " ".join(words(action.en)) in " ".join(words(text)), action.en


def test_situation_4_keeps_do_not_lock_next_to_lock_yourself_in(site_dir, soup):
    for page in ["akut", "om-nagot-har-hant"]:
        text = summary_items(soup, site_dir, "sv", page)[3].get_text(" ")
        assert "låser om möjligt in sig" in text and "Lås inte dörrar som leder in till byggnaden" in text


def test_situation_5_box_has_the_bomb_threat_must_in_both_languages(site_dir, soup):
    for lang, sentence in [("sv", "Vid bombhot, kontakta alltid Polisen, 112"),
                           ("en", "In the case of a bomb threat, always contact the police on 112")]:
        box = article(soup, site_dir, lang, "planen/bilaga-2/5-hot-via-telefon").select_one(".tsp-first")
        assert sentence in " ".join(box.get_text(" ").split()).replace(" ,", ",")


def _has(haystack, needle):
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


# --- The site's own words are marked ----------------------------------------

PLAN_PAGES = list(parts(SITUATIONS).values()) + ["planen/bilaga-4", "planen/bilaga-5"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PLAN_PAGES)
def test_guidance_on_plan_pages_carries_its_label(site_dir, soup, lang, page):
    label = STRINGS.text("guidance_label", lang)
    for box in article(soup, site_dir, lang, page).select(".admonition"):
        assert "tsp-guidance" in box["class"], f"an admonition on {page} not marked as guidance"
        title = box.select_one(".admonition-title")
        shown = [title.get_text(strip=True) if title else ""] + \
            [p.get_text(strip=True) for p in box.select(".tsp-guidance__label")]
        if "tsp-first" in box["class"] and title is None:
            continue  # the red "Ring 112" line on the Bilaga 2 overview
        assert label in shown, f"guidance on {lang} {page} without '{label}'"


def test_situation_1_glosses_the_idiom_as_guidance(site_dir, soup):
    for lang in LANGS:
        art = article(soup, site_dir, lang, "planen/bilaga-2/1-pagaende-situationer")
        item = next(li for li in art.select("#agerande ~ ul > li")
                    if "mötes" in li.get_text() or "Go along" in li.get_text())
        note = item.select_one(".tsp-guidance")
        assert note is not None, lang
        assert "avstånd" in note.get_text() or "distance" in note.get_text()
