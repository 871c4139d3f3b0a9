"""The pure functions behind the data macros, without a build."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup

from macros.tsp.models.contacts import Contacts, contact_views, tel_href
from macros.tsp.models.incident import field_id, form_view
from macros.tsp.models.loader import load_all
from macros.tsp.models.routine import duties, table_rows
from project import LANGUAGES, site

DATA = load_all()
ROUTINE = DATA["routine"]


@pytest.mark.parametrize("dialled,href", [
    ("0155-380 00", "tel:+4615538000"),
    ("0155-38 00 00", "tel:+46155380000"),
    ("+46 (0)155 380 00", "tel:+4615538000"),
    ("(0155) 380 00", "tel:+4615538000"),
    ("08-123 456 78", "tel:+46812345678"),
    ("070-123 45 67", "tel:+46701234567"),
    ("+46 70 123 45 67", "tel:+46701234567"),
    ("0046 155 380 00", "tel:+4615538000"),
    # A short number cannot take a country code: tel:+4611414 does not reach the police.
    ("112", "tel:112"),
    ("114 14", "tel:11414"),
    ("1177", "tel:1177"),
    ("113 13", "tel:11313"),
    ("116 111", "tel:116111"),
])
def test_tel_href_is_international_and_short_numbers_stay_as_they_are(dialled, href):
    assert tel_href(dialled) == href


def test_field_id_is_kebab_case_with_part_prefix():
    assert field_id("p2", "strategist_contacted") == "p2-strategist-contacted"
    assert field_id("p3", "followup_1", "date") == "p3-followup-1-date"


def test_table_rows_mark_the_first_row_of_each_step():
    rows = table_rows(ROUTINE, "sv")
    assert len(rows) == sum(len(s.rows) for s in ROUTINE.steps)
    firsts = [r for r in rows if r["first"]]
    assert [r["step"] for r in firsts] == [s.id for s in ROUTINE.steps]
    assert [r["span"] for r in firsts] == [len(s.rows) for s in ROUTINE.steps]
    assert {r["slug"] for r in firsts} >= {"3-1-1", "3-2-4"}


def test_table_rows_of_some_steps_only():
    rows = table_rows(ROUTINE, "en", steps=["3.1.2", "3.1.3"])
    assert [r["step"] for r in rows] == ["3.1.2", "3.1.3", "3.1.3", "3.1.3"]
    assert rows[1]["responsible"] == "The chief executive of the municipality"


def test_duties_include_joint_rows():
    by_role = {d["id"]: d for d in duties(ROUTINE, "sv")}
    assert list(by_role) == ["utsatt", "partiets_sakerhetsansvarig", "sakerhetsstrateg",
                             "kommunchefen"]
    chief = [row["id"] for step in by_role["kommunchefen"]["steps"] for row in step["rows"]]
    assert chief == ["3-1-3-anmalan", "3-1-3-atkomstskydd", "3-1-3-koppling"]
    strategist = [row["id"] for step in by_role["sakerhetsstrateg"]["steps"] for row in step["rows"]]
    assert strategist == ["3-1-2-polis", "3-2-3-malgrupper", "3-2-4-professionellt-stod",
                          "3-2-4-foretagshalsovard"]


def test_empty_contact_fields_become_none_with_who_to_ask():
    contacts = Contacts.model_validate({
        "last_reviewed": dt.date(2026, 1, 1),
        "owner": {"sv": "Ägare", "en": "Owner"},
        "fallback": {"text": {"sv": "Fråga A", "en": "Ask A"}},
        "contacts": [
            {"id": "a", "kind": "polisen", "title": {"sv": "A", "en": "A"}, "name": None},
            {"id": "b", "kind": "sakerhetsstrateg", "title": {"sv": "B", "en": "B"},
             "phone": "0155-380 00",
             "fallback": {"text": {"sv": "Ring B", "en": "Call B"}, "phone": "08-123 45"}},
        ],
        "always": [{"id": "n", "title": {"sv": "N", "en": "N"}, "phone": "112"}],
    })
    first, second = contact_views(contacts, "en")
    assert (first["name"], first["tel"]) == (None, None)
    assert first["missing"] == {"text": "Ask A", "phone": None, "tel": None}
    assert second["tel"] == "tel:+4615538000"
    assert second["missing"] == {"text": "Call B", "phone": "08-123 45", "tel": "tel:+46812345"}
    assert [c["id"] for c in contact_views(contacts, "sv", kinds=["polisen"])] == ["a"]


def test_form_view_counts():
    incident = DATA["incident"]
    form = form_view(incident, ROUTINE, "sv")
    assert len(form["part1"]["questions"]) == len(incident.part1.questions)
    # Part 2 lists every row of the routine steps its blocks name (data/routine.yml).
    named = {step for block in incident.part2.blocks for step in block.steps}
    assert sum(len(b["rows"]) for b in form["part2"]["blocks"]) \
        == sum(len(step.rows) for step in ROUTINE.steps if step.id in named)
    assert len(form["part3"]["meetings"]) == len(incident.part3.meetings)
    assert form["closing"]["applied"]["id"] == "p3-routine-applied"


def test_render_escapes_data():
    html = site().render("tsp-contact-cards.html", "sv", contacts=[{
        "title": "<script>alert(1)</script>", "name": "{{ 7 * 7 }}", "tel": None,
        "phone": None, "missing": {"text": "<b>x</b>", "phone": "<i>1</i>", "tel": "tel:+461"}}])
    soup = BeautifulSoup(html, "lxml")
    assert soup.find("script") is None and soup.find("b") is None and soup.find("i") is None
    assert soup.select_one(".tsp-missing a")["href"] == "tel:+461"
    assert "<script>alert(1)</script>" in soup.get_text()
    assert "{{ 7 * 7 }}" in soup.get_text()


def test_relative_url_stays_in_the_language():
    assert LANGUAGES.relative_url("planen/bilaga-3/", "sv", "vem-gor-vad/") == "../planen/bilaga-3/"
    assert LANGUAGES.relative_url("planen/3-hantera/", "en", "en/planen/bilaga-3/") \
        == "../3-hantera/"
