"""The model of data/contacts.yml (Bilaga 4): who to call, and their tel: links.

data/contacts.yml (Bilaga 4): who to call, and phone numbers as tel: links
(macros/tsp/models/phone.py says what can be dialled and mailed)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from .base import Loc, NonEmptyStr, Strict, Text, duplicates
from .phone import dial, mail_address, tel_href
from .routine import Identifier, Routine


def _phone(value: str) -> str:
    """A number that can be dialled (the written form is what the page shows)."""
    value = value.strip()
    if value:
        dial(value)
    return value


def _email(value: str) -> str:
    value = value.strip()
    return mail_address(value) if value else value


# An empty value (`name:` or `name: ""`) means "not filled in yet".
_blank = BeforeValidator(lambda value: "" if value is None else value)
Blankable = Annotated[str, _blank]
Phone = Annotated[str, _blank, AfterValidator(_phone)]
Email = Annotated[str, _blank, AfterValidator(_email)]


class Fallback(Strict):
    """What to do when a contact is not filled in: a text, and a number to tap."""

    text: Text
    phone: Phone = ""


class Contact(Strict):
    id: Identifier
    # A base role of data/routine.yml (checked by kind_problems).
    kind: Identifier
    title: Text
    name: Blankable = ""
    phone: Phone = ""
    email: Email = ""
    # Replaces the file's fallback for this contact.
    fallback: Fallback | None = None


class Number(Strict):
    id: Identifier
    title: Text
    phone: Annotated[NonEmptyStr, AfterValidator(_phone)]


class Contacts(Strict):
    last_reviewed: dt.date
    owner: Text
    fallback: Fallback
    contacts: list[Contact] = Field(min_length=1)
    always: list[Number] = Field(min_length=1)

    def problems(self) -> list[tuple[Loc, str]]:
        found = duplicates(((("contacts", i, "id"), c.id) for i, c in enumerate(self.contacts)),
                           "contact")
        found += duplicates(((("always", i, "id"), n.id) for i, n in enumerate(self.always)),
                            "number")
        return found


def kind_problems(contacts: Contacts, routine: Routine) -> list[tuple[Loc, str]]:
    """Each contact's kind must be a base role of data/routine.yml: one vocabulary of roles."""
    known = [r.id for r in routine.base_roles()]
    return [(("contacts", i, "kind"), f"unknown role '{c.kind}' (the base roles of "
             f"data/routine.yml: {', '.join(known)})")
            for i, c in enumerate(contacts.contacts) if c.kind not in known]


def fallback_view(fallback: Fallback, lang: str) -> dict:
    """The "not filled in" text, with its number (if any) as a tel: link."""
    phone = fallback.phone.strip()
    return {"text": fallback.text(lang), "phone": phone or None,
            "tel": tel_href(phone) if phone else None}


def contact_view(contact: Contact, contacts: Contacts, lang: str) -> dict:
    """One contact in one language; empty fields become None."""
    phone = contact.phone.strip()
    return {
        "id": contact.id,
        "kind": contact.kind,
        "title": contact.title(lang),
        "name": contact.name.strip() or None,
        "phone": phone or None,
        "tel": tel_href(phone) if phone else None,
        "email": contact.email.strip() or None,
        "missing": fallback_view(contact.fallback or contacts.fallback, lang),
    }


def contact_views(contacts: Contacts, lang: str, kinds: list[str] | None = None) -> list[dict]:
    """Contacts in file order, optionally only of some kinds."""
    return [contact_view(c, contacts, lang) for c in contacts.contacts
            if kinds is None or c.kind in kinds]


def number_views(contacts: Contacts, lang: str) -> list[dict]:
    """The always-valid numbers (112, 114 14)."""
    return [{"id": n.id, "title": n.title(lang), "phone": n.phone, "tel": tel_href(n.phone)}
            for n in contacts.always]
