"""Bilaga 3, 4, 5 and "Vem gör vad?" as built, in both languages, against data/*.yml."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from conftest import ROOT, _soup, run_build
from macros.tsp.models.contacts import tel_href
from macros.tsp.models.loader import load_organisation, load_strings
from project import LANGUAGES, safe_load

STRINGS = load_strings()

LANGS = LANGUAGES.codes


def load(name: str, root: Path = ROOT) -> dict:
    return safe_load((root / "data" / name).read_text(encoding="utf-8"))


ROUTINE = load("routine.yml")
CONTACTS = load("contacts.yml")
INCIDENT = load("incident.yml")
ROLE_NAMES = {r["id"]: r["name"] for r in ROUTINE["roles"]}
ROWS = [(step, row) for step in ROUTINE["steps"] for row in step["rows"]]


def page(site: Path, path: str, lang: str) -> Path:
    return site / LANGUAGES.prefix(lang) / path / "index.html"


def text(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def article(site: Path, path: str, lang: str):
    return _soup(page(site, path, lang)).select_one("article")


def same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


# --- Bilaga 3 ----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_routine_table_has_every_row_in_order_with_its_responsible(site_dir, lang):
    rows = article(site_dir, "planen/bilaga-3", lang).select("tr[id^='rad-']")
    assert [r["id"] for r in rows] == [f"rad-{row['id']}" for _, row in ROWS]
    assert len(rows) == sum(len(step["rows"]) for step in ROUTINE["steps"]) > 0
    for tr, (_, row) in zip(rows, ROWS):
        assert text(tr.select_one(".tsp-action")).startswith(" ".join(row["action"][lang].split()))
        assert same(text(tr.select_one(".tsp-responsible")), ROLE_NAMES[row["responsible"]][lang])


@pytest.mark.parametrize("lang", LANGS)
def test_first_row_of_each_step_carries_the_step_anchor_and_links_to_the_plan(site_dir, lang):
    body = article(site_dir, "planen/bilaga-3", lang)
    plan = _soup(page(site_dir, "planen/3-hantera", lang))
    for step in ROUTINE["steps"]:
        slug = step["id"].replace(".", "-")
        cell = body.find(id=f"steg-{slug}")
        assert cell.find_parent("tr")["id"] == f"rad-{step['rows'][0]['id']}"
        link = cell.find("a")
        assert text(link) == step["id"]
        assert link["href"] == f"../3-hantera/#s{slug}"
        assert plan.find(id=f"s{slug}") is not None
        # and back: the plan section links to the step's row
        back = plan.select(f"a[href='../bilaga-3/#steg-{slug}']")
        assert back, f"3-hantera has no link to steg-{slug}"


@pytest.mark.parametrize("lang", LANGS)
def test_target_groups_of_3_2_3_are_a_list(site_dir, lang):
    row = article(site_dir, "planen/bilaga-3", lang).find(id="rad-3-2-3-malgrupper")
    expected = [t[lang] for t in ROUTINE["steps"][5]["rows"][0]["targets"]]
    assert [text(li) for li in row.select("ul li")] == expected


@pytest.mark.parametrize("lang,path", [(lang, path) for lang in LANGS
                                       for path in ("planen/bilaga-3", "planen/bilaga-4",
                                                    "vem-gor-vad")])
def test_review_date_and_owner_shown(site_dir, lang, path):
    review = article(site_dir, path, lang).select_one(".tsp-review")
    source = CONTACTS if path.endswith("bilaga-4") else ROUTINE
    assert review.time["datetime"] == source["last_reviewed"].isoformat()
    assert source["owner"][lang] in text(review)


# --- Bilaga 4 ----------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_contact_shown_and_blanks_marked(site_dir, lang):
    body = article(site_dir, "planen/bilaga-4", lang)
    sections = body.select("section.tsp-contact")
    assert [text(s.h2) for s in sections] == [c["title"][lang] for c in CONTACTS["contacts"]]
    strategist = next(c for c in CONTACTS["contacts"] if c["kind"] == "sakerhetsstrateg")
    for section, contact in zip(sections, CONTACTS["contacts"]):
        fallback = contact.get("fallback") or CONTACTS["fallback"]
        if not (contact["name"] or contact["phone"] or contact["email"]):
            missing = section.select_one(".tsp-missing")
            if contact.get("fallback") or strategist["phone"]:
                assert text(missing).startswith(fallback["text"][lang])
            else:  # never "ask the strategist" while the strategist is blank
                assert text(missing).startswith(STRINGS.text("contact_missing_switchboard", lang))
            # A number to call now (tests/test_contact_fallback.py checks which).
            assert missing.select("a[href^='tel:']")
        assert not [dd for dd in section.select("dd") if not text(dd)], "empty cell"


@pytest.mark.parametrize("lang", LANGS)
def test_fallback_numbers_are_tel_links(site_dir, lang):
    """The switchboard and the police number under an empty contact can be tapped."""
    body = article(site_dir, "planen/bilaga-4", lang)
    hrefs = {section["id"]: [a["href"] for a in section.select(".tsp-missing a")]
             for section in body.select("section.tsp-contact")}
    switchboard = tel_href(load_organisation().switchboard)
    assert hrefs["kontakt-sakerhetsstrateg"] == [switchboard]
    assert hrefs["kontakt-kommunpolis"] == [tel_href("114 14")]
    assert hrefs["kontakt-sakerhetsansvarig_s"] == [switchboard]


@pytest.mark.parametrize("lang", LANGS)
def test_always_valid_numbers_are_tel_links(site_dir, lang):
    links = article(site_dir, "planen/bilaga-4", lang).select(".tsp-numbers a")
    assert [(a["href"], text(a)) for a in links] == [("tel:112", "112"), ("tel:11414", "114 14")]


def test_filled_in_contact_gets_tel_and_mailto_links(project_copy, tmp_path):
    path = project_copy / "data" / "contacts.yml"
    source = path.read_text(encoding="utf-8")
    marker = "    name: \"\"\n    phone: \"\"\n    email: \"\"\n"
    assert source.count(marker) == 8
    path.write_text(source.replace(
        marker, "    name: Anna Andersson\n    phone: \"0155-380 00\"\n"
                "    email: anna@example.se\n", 1), encoding="utf-8")
    result = run_build(tmp_path / "site", project_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    for lang in LANGS:
        card = article(tmp_path / "site", "planen/bilaga-4", lang).select_one("section.tsp-contact")
        assert "Anna Andersson" in text(card)
        assert card.select_one("a[href^='tel:']")["href"] == "tel:+4615538000"
        assert card.select_one("a[href^='mailto:']")["href"] == "mailto:anna@example.se"
        assert card.select_one(".tsp-missing") is None


# --- Bilaga 5 ----------------------------------------------------------------

def form(site_dir, lang):
    return article(site_dir, "planen/bilaga-5", lang).select_one("form#tsp-incident")


@pytest.mark.parametrize("lang", LANGS)
def test_form_is_blank_and_sends_nothing(site_dir, lang):
    f = form(site_dir, lang)
    assert "tsp-form" in f["class"] and f["autocomplete"] == "off"
    assert not f.has_attr("action")
    # Only the form's words for its script: a JSON block, data that never runs.
    assert [(s.get("type"), s.has_attr("data-tsp-words"), s.has_attr("src"))
            for s in f.find_all("script")] == [("application/json", True, False)]
    for field in f.select("textarea, input"):
        assert f.select_one(f"label[for='{field['id']}']") is not None, field["id"]
        assert not field.get_text()
        if field.get("type") == "radio":
            assert field["value"] in ("yes", "no") and not field.has_attr("checked")
        else:
            assert not field.get("value")


@pytest.mark.parametrize("lang", LANGS)
def test_part_1_has_the_ten_questions_with_guidance(site_dir, lang):
    part = form(site_dir, lang).select_one("#del-1")
    questions = INCIDENT["part1"]["questions"]
    assert questions
    labels = part.select("label")
    assert [text(label) for label in labels] == [q["question"][lang] for q in questions]
    assert [text(h) for h in part.select(".tsp-hint")] == [q["guidance"][lang] for q in questions]
    assert len(part.select("textarea")) == len(questions)


@pytest.mark.parametrize("lang", LANGS)
def test_part_2_has_every_checklist_row_and_check(site_dir, lang):
    part = form(site_dir, lang).select_one("#del-2")
    blocks = part.select(".tsp-check-block")
    assert len(blocks) == len(INCIDENT["part2"]["blocks"])
    for block, data in zip(blocks, INCIDENT["part2"]["blocks"]):
        rows = [row for step, row in ROWS if step["id"] in data["steps"]]
        trs = block.select("tbody tr")
        assert [tr["data-row"] for tr in trs] == [row["id"] for row in rows]
        for tr, row in zip(trs, rows):
            assert same(text(tr.select("td")[2]), ROLE_NAMES[row["responsible"]][lang])
        yes_no = [c for c in data["checks"] if c["kind"] == "yes_no"]
        comments = [c for c in data["checks"] if c["kind"] == "comment"]
        fieldsets = block.select("fieldset.tsp-yes-no")
        assert [text(fs.legend) for fs in fieldsets] == [c["text"][lang] for c in yes_no]
        for fs in fieldsets:
            assert len(fs.select("input[type=radio]")) == 2
        assert [text(block.select_one(f"label[for='{t['id']}']")) for t in block.select("textarea")] \
            == [c["text"][lang] for c in comments]
    # Every row of the steps the blocks name, and every check (data/incident.yml).
    named = {step for block in INCIDENT["part2"]["blocks"] for step in block["steps"]}
    checks = [c["kind"] for block in INCIDENT["part2"]["blocks"] for c in block["checks"]]
    assert len(part.select("tbody tr")) == sum(step["id"] in named for step, _ in ROWS)
    assert len(part.select("fieldset")) == checks.count("yes_no")
    assert len(part.select("textarea")) == checks.count("comment")


@pytest.mark.parametrize("lang", LANGS)
def test_part_3_has_its_meetings_and_the_closing_part(site_dir, lang):
    f = form(site_dir, lang)
    meetings = f.select("#del-3 fieldset.tsp-meeting")
    assert len(meetings) == len(INCIDENT["part3"]["meetings"])
    for i, meeting in enumerate(meetings, start=1):
        assert meeting.select_one(f"input[type=date]#p3-followup-{i}-date") is not None
        assert len(meeting.select("textarea")) == 2
    closing = f.select_one("#del-uppfoljning")
    assert len(closing.select("fieldset.tsp-yes-no input[type=radio]")) == 2
    assert [text(closing.select_one(f"label[for='{t['id']}']")) for t in closing.select("textarea")] \
        == [i["text"][lang] for i in INCIDENT["closing"]["improvements"]]


# --- Vem gör vad? --------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_each_base_role_lists_its_rows_linking_to_bilaga_3(site_dir, lang):
    body = article(site_dir, "vem-gor-vad", lang)
    base = [r for r in ROUTINE["roles"] if not r.get("members")]
    members = {r["id"]: r.get("members", []) for r in ROUTINE["roles"]}
    routine_page = _soup(page(site_dir, "planen/bilaga-3", lang))
    here = "http://x/" + LANGUAGES.site_path("vem-gor-vad/", lang)
    for role in base:
        section = body.find(id=f"roll-{role['id']}")
        owned = [row["id"] for _, row in ROWS
                 if row["responsible"] == role["id"] or role["id"] in members[row["responsible"]]]
        if not owned:  # a role only contacts have (polisen): no section of its own
            assert section is None
            continue
        assert text(section.h2) == role["name"][lang]
        links = section.select("li a")
        assert [urlparse(a["href"]).fragment for a in links] == [f"rad-{i}" for i in owned]
        for a in links:
            target = urlparse(urljoin(here, a["href"]))
            assert target.path == "/" + LANGUAGES.site_path("planen/bilaga-3/", lang)
            assert routine_page.find(id=target.fragment) is not None
        assert len(section.select("li")) == len(owned)


# --- one copy of the data ----------------------------------------------------

def test_changing_one_action_changes_every_page_in_that_language_only(project_copy, tmp_path):
    old = "Polisanmälan görs om den utsatte beslutar så"
    new = "Polisanmälan görs när den utsatte har bestämt det"
    english = ROWS[4][1]["action"]["en"]
    path = project_copy / "data" / "routine.yml"
    source = path.read_text(encoding="utf-8")
    assert source.count(old) == 1
    path.write_text(source.replace(old, new), encoding="utf-8")
    result = run_build(tmp_path / "site", project_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    for where in ("planen/bilaga-3", "planen/bilaga-5", "vem-gor-vad"):
        assert new in text(article(site, where, "sv")), where
        assert english in text(article(site, where, "en")), where
    pages = [p for p in site.rglob("index.html")]
    assert not [p for p in pages if old in text(_soup(p))]
    assert not [p for p in pages if new in text(_soup(p)) and p.is_relative_to(site / "en")]


def test_script_and_braces_in_data_come_out_inert(project_copy, tmp_path):
    evil = "<script>alert(1)</script> {{ 7 * 7 }} {% if 1 %}x{% endif %}"
    path = project_copy / "data" / "routine.yml"
    source = path.read_text(encoding="utf-8")
    old = "sv: Det initiala samtalet dokumenteras"
    path.write_text(source.replace(old, f"sv: '{evil}'"), encoding="utf-8")
    contacts = project_copy / "data" / "contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace(
        'name: ""', f"name: '{evil}'", 1), encoding="utf-8")
    result = run_build(tmp_path / "site", project_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    for where in ("planen/bilaga-3", "vem-gor-vad", "planen/bilaga-4"):
        body = article(site, where, "sv")
        assert body.find("script") is None, where
        assert evil in text(body), where
        assert "49" not in text(body)


# --- search ------------------------------------------------------------------

def test_search_finds_polisanmalan_in_the_routine_rows(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    routine = [d for d in index["docs"] if d["location"].startswith("planen/bilaga-3/")]
    found = " ".join(d["text"] for d in routine)
    assert "polisanmälan" in found.lower()
    for _, row in ROWS:
        if "polisanmälan" in row["action"]["sv"].lower():
            assert " ".join(row["action"]["sv"].split()) in found
    # cells are not glued together ("3.1.3Polisanmälan")
    assert "3.1.3Polisanmälan" not in found
