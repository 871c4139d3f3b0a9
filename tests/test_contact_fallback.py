"""Blank contacts are never a dead end: every card gives a number to call.

Contacts are never a dead end: a blank contact says who fills it in and
gives a number to call now; `make check-data` lists the blank ones."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from macros.tsp import check
from macros.tsp.models.contacts import Contacts, number_views, tel_href
from macros.tsp.models.loader import load_contacts, load_organisation, load_strings
from macros.tsp.models.readiness import blank_contacts, reachable_views
from project import site, safe_load

ORG = load_organisation()
STRINGS = load_strings()
CONTACT_FIELDS = ("name", "phone", "email")


def _contacts(edit=None) -> Contacts:
    """data/contacts.yml with every contact blank and no fallback number, then edit()."""
    data = safe_load((ROOT / "data" / "contacts.yml").read_text(encoding="utf-8"))
    for contact in data["contacts"]:
        contact.update({field: "" for field in CONTACT_FIELDS})
        if contact.get("fallback"):
            contact["fallback"].pop("phone", None)
    data["fallback"].pop("phone", None)
    if edit:
        edit(data)
    return Contacts.model_validate(data)


def _cards(contacts: Contacts, lang: str) -> list:
    """Every contact card of the contact list (Bilaga 4) and the call list (Akut)."""
    views = reachable_views(contacts, ORG, STRINGS, lang)
    render = site().render
    html = render("tsp-contacts.html", lang, numbers=number_views(contacts, lang),
                  contacts=views, review={"date": contacts.last_reviewed,
                                          "owner": contacts.owner(lang)})
    html += render("tsp-contact-cards.html", lang, contacts=views)
    soup = BeautifulSoup(html, "lxml")
    return soup.select("section.tsp-contact") + soup.select("li.tsp-contact-card")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_with_every_contact_blank_every_card_has_a_number_to_call(lang):
    contacts = _contacts()
    cards = _cards(contacts, lang)
    assert len(cards) == 2 * len(contacts.contacts)
    for card in cards:
        calls = card.select("a[href^='tel:']")
        assert calls, card
        text = " ".join(card.get_text(" ").split())
        assert f"{STRINGS.text('contact_filled_by', lang)}: {contacts.owner(lang)}" in text, text
        title = card.find(["h2", "strong"]).get_text(strip=True)
        kind = next(c.kind for c in contacts.contacts if c.title(lang) == title)
        digits = re.sub(r"\D", "", calls[0]["href"])
        if kind == "polisen":
            assert digits.endswith("11414"), card          # the police's own number
        else:
            assert calls[0]["href"] == tel_href(ORG.switchboard), card


def test_ask_the_strategist_only_while_the_strategist_can_be_reached():
    ask = _contacts().fallback.text("sv")

    def texts(contacts):
        return [v["missing"]["text"] for v in reachable_views(contacts, ORG, STRINGS, "sv")
                if v["kind"] == "partiets_sakerhetsansvarig"]

    # Strategist blank: nobody is sent to the strategist; the switchboard instead.
    blank = _contacts()
    assert ask not in texts(blank)
    assert set(texts(blank)) == {STRINGS.text("contact_missing_switchboard", "sv")}

    # Strategist filled in: the party cards ask the strategist, with the strategist's number.
    def fill_strategist(data):
        strategist = next(c for c in data["contacts"] if c["kind"] == "sakerhetsstrateg")
        strategist.update(name="Kim Exempel", phone="0155-123 45")

    filled = _contacts(fill_strategist)
    views = [v for v in reachable_views(filled, ORG, STRINGS, "sv")
             if v["kind"] == "partiets_sakerhetsansvarig"]
    assert views and all(v["missing"]["text"] == ask for v in views)
    assert {v["missing"]["tel"] for v in views} == {tel_href("0155-123 45")}


def test_the_built_contact_pages_give_a_number_on_every_card(site_dir, soup):
    """The published pages with today's data (every contact blank or not)."""
    for lang, root in (("sv", site_dir), ("en", site_dir / "en")):
        for page in ("planen/bilaga-4", "akut"):
            cards = soup(root / page / "index.html").select("section.tsp-contact, li.tsp-contact-card")
            assert cards, page
            assert all(card.select("a[href^='tel:']") for card in cards), (lang, page)


def test_check_data_lists_blank_contacts_with_file_and_line(capsys):
    contacts = load_contacts()
    assert check.main([]) == 0
    out = capsys.readouterr().out
    blank = [c for c in contacts.contacts if not all(getattr(c, f).strip() for f in CONTACT_FIELDS)]
    listed = [line.strip() for line in out.splitlines() if line.strip().startswith("data/contacts.yml:")]
    assert len(listed) == len(blank)
    for contact, line in zip(blank, listed):
        assert re.match(r"^data/contacts\.yml:\d+: ", line) and contact.title("sv") in line
    assert check.main(["--summary"]) == 0
    summary = capsys.readouterr().out
    assert summary.startswith("## ") and summary.count("\n- `data/contacts.yml:") == len(blank)


def test_readiness_names_the_line_of_each_blank_contact(project_copy):
    path = project_copy / "data" / "contacts.yml"
    text = path.read_text(encoding="utf-8")
    # Fill in the first contact: it leaves the report; the second is on its line.
    text = text.replace('    name: ""\n    phone: ""\n    email: ""',
                        '    name: "Alex Exempel"\n    phone: "0155-111 11"\n    email: "alex@exempel.se"', 1)
    path.write_text(text, encoding="utf-8")
    contacts = load_contacts(project_copy)
    report = blank_contacts(project_copy, contacts)
    assert len(report) == len(contacts.contacts) - 1
    second = contacts.contacts[1]
    line = next(i for i, row in enumerate(text.splitlines(), 1) if f"id: {second.id}" in row)
    assert report[0].startswith(f"data/contacts.yml:{line}: {second.title('sv')}:")
