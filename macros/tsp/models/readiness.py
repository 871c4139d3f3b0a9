"""Contacts that are never a dead end, and the list of contacts still blank.

A blank contact (data/contacts.yml) shows who fills it in and a number that
works now: its own fallback number; for the police 114 14; else the security
strategist's; else the organisation's switchboard (data/organisation.yml).
"Ask the strategist" is never shown while the strategist is blank.
"""

from __future__ import annotations

from .contacts import Contacts, contact_views, tel_href
from .datafile import read_yaml
from .base import Catalogue
from .organisation import Organisation

STRATEGIST = "sakerhetsstrateg"
POLICE = "polisen"
# The police's national number for what is not an emergency: works everywhere.
POLICE_NUMBER = "114 14"
FIELDS = ("name", "phone", "email")


def _strategist(views: list[dict]) -> dict | None:
    """The first strategist that has a number to call, if any."""
    return next((v for v in views if v["kind"] == STRATEGIST and v["tel"]), None)


def reachable_views(contacts: Contacts, organisation: Organisation, strings: Catalogue,
                    lang: str, kinds: list[str] | None = None) -> list[dict]:
    """contact_views() in which every blank number has a number to call instead."""
    everyone = contact_views(contacts, lang)
    strategist = _strategist(everyone)
    switchboard = {"text": strings.text("contact_missing_switchboard", lang),
                   "phone": organisation.switchboard,
                   "tel": tel_href(organisation.switchboard)}
    by_id = {c.id: c for c in contacts.contacts}
    views = []
    for view in everyone:
        if kinds is not None and view["kind"] not in kinds:
            continue
        missing = dict(view["missing"], filled_by=contacts.owner(lang))
        if not missing["tel"] and view["kind"] == POLICE:
            if by_id[view["id"]].fallback is None:
                missing["text"] = strings.text("contact_missing_police", lang)
            missing.update(phone=POLICE_NUMBER, tel=tel_href(POLICE_NUMBER))
        elif not missing["tel"]:
            if by_id[view["id"]].fallback is None and strategist and view is not strategist:
                # The file's fallback ("ask the strategist") with the strategist's number.
                missing.update(phone=strategist["phone"], tel=strategist["tel"])
            elif by_id[view["id"]].fallback is None:
                missing.update(switchboard)
            else:
                # A contact's own fallback text, with the switchboard to call.
                missing.update(phone=switchboard["phone"], tel=switchboard["tel"])
        views.append(dict(view, missing=missing))
    return views


def blank_contacts(root, contacts: Contacts) -> list[str]:
    """One line per contact with blank fields: `data/contacts.yml:LINE: title (sv): fields`."""
    rel = "data/contacts.yml"
    _, lines = read_yaml(root / "data" / "contacts.yml", rel)
    report = []
    for index, contact in enumerate(contacts.contacts):
        blank = [field for field in FIELDS if not getattr(contact, field).strip()]
        if blank:
            line = lines.line(("contacts", index))
            report.append(f"{rel}:{line}: {contact.title('sv')}: {', '.join(blank)} not filled in")
    return report
