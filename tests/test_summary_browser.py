"""The yearly summary (/sammanstallning/) in real Chromium: three incident
reports filled in and exported from the real Bilaga 5 form, loaded by file
input and by drag and drop, counted, drawn as labelled SVG charts and printed
as counts only; no request leaves the local server, nothing is stored."""

from __future__ import annotations

import json

import pytest

from form_helpers import STORED, fill, fold, form_url, pdf_text
from gates.browser import Watch
from macros.tsp.models.loader import load_incident, load_summary

SUMMARY = load_summary()
INCIDENT = load_incident()
UI = {key: text for key, text in SUMMARY.ui.items()}

# Three incidents: what the reporter typed, and what the summary should make
# of it (kind and channel ids of data/summary.yml, month, Ja/Nej answers).
REPORTS = [
    {"lang": "sv",
     "answers": {"p1-reporter": "Karin Lindqvist, säkerhetsansvarig",
                 "p1-targeted": "Per Andersson, kommunstyrelsen",
                 "p1-what": "Hotfullt mejl om beslutet om skolan. Zebrafink.",
                 "p1-when-where": "2026-03-14 kl 09.10, hemma i Peppargatan",
                 "p2-strategist-contacted": "yes", "p2-police-contacted": "yes",
                 "p2-police-report": "yes", "p2-comment-police": "Anmält av Stina Berg.",
                 "p3-followup-1-date": "2026-03-20", "p3-followup-1-present": "Karin, Per",
                 "p3-routine-applied": "yes",
                 "p3-improvements-routine": "Pelikanen i rutinen behöver ses över."},
     "kinds": {"threat"}, "channels": {"email"}, "month": 3, "within": "yes"},
    {"lang": "sv",
     "answers": {"p1-reporter": "Olle Nyberg",
                 "p1-targeted": "Aisha Karimi, socialnämnden",
                 "p1-what": "Trakasserier i sociala medier, kommentarer på Facebook varje dag.",
                 "p1-when-where": "14 maj 2026, på nätet",
                 "p2-strategist-contacted": "no", "p2-police-contacted": "yes",
                 "p2-police-report": "no", "p2-initial-support": "yes",
                 "p3-followup-1-date": "2026-06-20", "p3-followup-2-date": "2026-07-01",
                 "p3-routine-applied": "no"},
     "kinds": {"harassment"}, "channels": {"social"}, "month": 5, "within": "no"},
    {"lang": "en",
     "answers": {"p1-reporter": "Gunnel Ekdahl",
                 "p1-targeted": "Johan Wester, council",
                 "p1-what": "A man shouted and pushed her at the meeting; violence. Okapi.",
                 "p1-when-where": "3 September 2026, town hall",
                 "p2-police-contacted": "yes"},
     "kinds": {"violence"}, "channels": {"in_person"}, "month": 9, "within": "none"},
]
NAMES = ["Lindqvist", "Andersson", "Nyberg", "Karimi", "Ekdahl", "Wester", "Stina", "Peppargatan"]


def export(page, site_url, report, tmp_path, index) -> str:
    """Fill the real Bilaga 5 form and export it; the JSON file's text."""
    page.goto(form_url(site_url, report["lang"]))
    page.wait_for_selector("#tsp-form-tools:not([hidden])")
    fill(page, report["answers"])
    with page.expect_download() as download:
        page.click("#tsp-export-json")
    path = tmp_path / f"{index}-{download.value.suggested_filename}"
    download.value.save_as(path)
    return path.read_text(encoding="utf-8")


def table_counts(page, title: str) -> dict[str, str]:
    """label -> count cell(s) of the summary table captioned title."""
    return page.evaluate("""title => {
      const table = [...document.querySelectorAll("#tsp-summary-charts table")]
        .find(t => t.caption.textContent === title);
      return Object.fromEntries([...table.tBodies[0].rows].map(r =>
        [r.cells[0].textContent, [...r.cells].slice(1).map(c => c.textContent).join("|")]));
    }""", title)


def expected_categories(name: str, lang: str) -> dict[str, str]:
    rows = {c.label(lang): str(sum(c.id in r[name] for r in REPORTS)) for c in getattr(SUMMARY, name)}
    rows[SUMMARY.ui["not_stated"](lang)] = str(sum(not r[name] for r in REPORTS))
    return rows


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_three_exported_reports_are_counted_charted_and_printed(page, site_url, tmp_path, lang):
    watch = Watch(page, site_url)
    files = [export(page, site_url, r, tmp_path, i) for i, r in enumerate(REPORTS)]
    assert all(json.loads(f)["form"] == "tsp-incident" for f in files)

    summary_url = site_url + ("" if lang == "sv" else "en/") + "sammanstallning/"
    assert watch.visit(summary_url) == []
    # Two files by the (keyboard-reachable) file input, the third dropped.
    picker = page.locator("#tsp-summary-files")
    assert picker.evaluate("el => el.tabIndex") >= 0
    picker.set_input_files([{"name": f"rapport-{i}.json", "mimeType": "application/json",
                             "buffer": files[i].encode("utf-8")} for i in (0, 1)])
    page.wait_for_selector("#tsp-summary-result:not([hidden])")
    drop = """([zone, name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, {type: "application/json"}));
      document.getElementById(zone).dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));
    }"""
    page.evaluate(drop, ["tsp-summary-drop", "rapport-2.json", files[2]])
    total = UI["total"](lang).format(count=len(REPORTS))
    page.locator("#tsp-summary-total", has_text=total).wait_for()
    # The same report again is counted once, and said so.
    page.evaluate(drop, ["tsp-summary-drop", "igen.json", files[0]])
    page.locator("#tsp-summary-problems li", has_text="igen.json").wait_for()
    assert page.locator("#tsp-summary-total").inner_text() == total
    assert page.locator("#tsp-summary-year").input_value() == "2026"
    for button, key in (("#tsp-summary-print", "print"), ("#tsp-summary-clear", "clear")):
        assert page.locator(button).inner_text().strip() == UI[key](lang)

    def t(key):
        return SUMMARY.ui[key](lang)
    assert table_counts(page, t("by_kind")) == expected_categories("kinds", lang)
    assert table_counts(page, t("by_channel")) == expected_categories("channels", lang)
    months = table_counts(page, t("by_month"))
    assert list(months.values()) == [str(sum(r["month"] == m for r in REPORTS)) for m in range(1, 13)] + ["0"]
    yes, no = ("Ja", "Nej") if lang == "sv" else ("Yes", "No")
    def answered(name, value):
        return str(sum(r["answers"].get(name) == value for r in REPORTS))
    police = table_counts(page, t("police"))
    assert police == {yes: answered("p2-police-report", "yes"), no: answered("p2-police-report", "no"),
                      t("not_answered"): str(sum("p2-police-report" not in r["answers"] for r in REPORTS))}
    steps = table_counts(page, t("steps"))
    # A row per yes/no check of part 2, and one for "the procedure was applied".
    assert len(steps) == sum(c.kind == "yes_no" for b in INCIDENT.part2.blocks for c in b.checks) + 1
    assert list(steps.values())[0] == "|".join([answered("p2-strategist-contacted", "yes"),
                                                 answered("p2-strategist-contacted", "no"),
                                                 str(sum("p2-strategist-contacted" not in r["answers"] for r in REPORTS))])
    talks = list(table_counts(page, t("meetings")).values())
    def held(n):
        return sum(bool(r["answers"].get(f"p3-followup-{n}-date")) for r in REPORTS)
    meetings = len(INCIDENT.part3.meetings)
    for n in range(1, meetings + 1):
        assert talks[n - 1] == f"{t('held')}: {held(n)}, {t('not_held')}: {len(REPORTS) - held(n)}"
    assert talks[meetings] == ", ".join(f"{t(k)}: {sum(r['within'] == v for r in REPORTS)}" for k, v in
                                 (("within_yes", "yes"), ("within_no", "no"), ("within_unknown", "none")))

    # Six charts, each an image named by its title and counts.
    charts = page.locator("#tsp-summary-charts svg[role='img']")
    assert charts.count() == 6
    for i in range(6):
        name = charts.nth(i).evaluate(
            "el => document.getElementById(el.getAttribute('aria-labelledby')).textContent")
        assert name and any(ch.isdigit() for ch in name), name
        assert charts.nth(i).locator("rect").count() > 0
    kind_chart = charts.nth(0).evaluate(
        "el => document.getElementById(el.getAttribute('aria-labelledby')).textContent")
    assert kind_chart.startswith(t("by_kind"))

    # On screen and on paper: counts only, never a name or an answer.
    screen = fold(page.locator("article").inner_text())
    printed = pdf_text(page, tmp_path / "summary.pdf")
    assert total in printed and t("by_channel") in printed
    texts = NAMES + [v for r in REPORTS for v in r["answers"].values() if len(v) > 3]
    for where in (screen, printed):
        leaked = [x for x in texts if x in where] + [w for w in ("Zebrafink", "Pelikan", "Okapi") if w in where]
        assert leaked == []
    assert t("files_label") not in printed  # the picker is not on paper

    # Nothing stored, nothing sent: every request went to the local server.
    stored = page.evaluate(STORED)
    assert stored == {"local": [], "session": [], "idb": []}
    assert watch.visit(summary_url) == []
    assert watch.problems == []

    # Clear empties the summary.
    page.evaluate(drop, ["tsp-summary-drop", "rapport-0.json", files[0]])
    page.locator("#tsp-summary-result:not([hidden])").wait_for()
    page.click("#tsp-summary-clear")
    assert page.locator("#tsp-summary-result").is_hidden()


def test_bad_files_are_skipped_with_a_reason(page, site_url):
    page.goto(site_url + "sammanstallning/")
    bad = {
        "trasig.json": '{"form": "tsp-incident", ',
        "annan.json": json.dumps({"form": "tsp-quiz", "version": 1, "answers": {}}),
        "nyare.json": json.dumps({"form": "tsp-incident", "version": 99, "answers": {}}),
        "stor.json": " " * (600 * 1024),
    }
    page.locator("#tsp-summary-files").set_input_files(
        [{"name": n, "mimeType": "application/json", "buffer": c.encode()} for n, c in bad.items()])
    page.locator("#tsp-summary-problems li").nth(len(bad) - 1).wait_for()
    problems = page.locator("#tsp-summary-problems li").all_inner_texts()
    assert sorted(p.split(":")[0] for p in problems) == sorted(bad)
    assert page.locator("#tsp-summary-status").inner_text() == UI["skipped"]("sv").format(count=len(bad))
    assert page.locator("#tsp-summary-result").is_hidden()
