"""Phone numbers and e-mail addresses as Swedes write them, checked once.

`dial()` turns a number written the usual Swedish ways (``0155-380 00``,
``0155-38 00 00``, ``+46 (0)155 380 00``, ``08-123 456 78``, ``070-123 45 67``)
into what a phone dials: ``+46155380000``. Short service numbers (112, 114 14,
1177, 113 13, 116 111 …) are dialled as they are, never with a country code:
``tel:+4611414`` does not reach the police. Anything that cannot be dialled,
or mailed, raises ValueError with a message for the person editing the file.
"""

from __future__ import annotations

import re

# Characters people use between the digits of a number.
SEPARATORS = re.compile(r"[\s\-./\u00a0]")
# What a written number may contain at all.
ALLOWED = re.compile(r"^[0-9\s\-./()+\u00a0]+$")
# Swedish short numbers: 3 to 6 digits starting with 11 (112, 11414, 1177, 11313, 116111).
SHORT = re.compile(r"^11[0-9]{1,4}$")
EXAMPLE = "write it like 0155-380 00"

# An address that is safe as `mailto:ADDRESS` without encoding: no '?', '&',
# '%' or spaces, which would add headers (?bcc=) or break the link.
LOCAL_PART = re.compile(r"^[A-Za-z0-9_+'-]+(\.[A-Za-z0-9_+'-]+)*$")
DOMAIN = re.compile(r"^([A-Za-z0-9åäöÅÄÖ]([A-Za-z0-9åäöÅÄÖ-]*[A-Za-z0-9åäöÅÄÖ])?\.)+[A-Za-z]{2,}$")
EMAIL_EXAMPLE = "write it like namn@exempel.se"


def _short(value: str) -> str:
    """Shorten a long value for a message."""
    return value if len(value) <= 60 else value[:57] + "…"


def dial(written: str) -> str:
    """The number a phone dials: '+46155380000', or '11414' for a short number."""
    text = written.strip()
    shown = _short(text)
    if not text or not ALLOWED.match(text) or not re.search(r"[0-9]", text):
        raise ValueError(f"'{shown}' is not a phone number: {EXAMPLE}")
    compact = SEPARATORS.sub("", text)
    # "+46 (0)155 …": the (0) is dialled only from inside Sweden.
    compact = re.sub(r"^(\+[0-9]{1,3})\(0\)", r"\1", compact)
    # "(0155) 380 00": brackets around the area code.
    bracketed = re.fullmatch(r"\((0[0-9]{1,3})\)([0-9]+)", compact)
    if bracketed:
        compact = bracketed.group(1) + bracketed.group(2)
    if "(" in compact or ")" in compact:
        raise ValueError(f"'{shown}' has brackets where none belong: use them only around "
                         f"the area code, like (0155) 380 00 or +46 (0)155 380 00")
    if compact.count("+") > 1 or "+" in compact[1:]:
        raise ValueError(f"'{shown}' has a '+' inside it: '+' may only come first, like +46 155 380 00")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+"):
        return _international(compact[1:], shown)
    if SHORT.match(compact):
        return compact
    if compact.startswith("0"):
        if not 7 <= len(compact) <= 10:
            raise ValueError(f"'{shown}' has {len(compact)} digits; a Swedish number with its "
                             f"area code has 7 to 10: {EXAMPLE}")
        return "+46" + compact[1:]
    raise ValueError(f"'{shown}' cannot be dialled: start with the area code, like 0155-380 00, "
                     f"or write a short number such as 112 or 114 14")


def _international(digits: str, shown: str) -> str:
    if digits.startswith("46"):
        national = digits[2:]
        if SHORT.match(national):
            raise ValueError(f"'{shown}' is a short number: it is dialled without +46, "
                             f"write it like 114 14")
        if national.startswith("0"):
            raise ValueError(f"'{shown}': after +46 the 0 of the area code is left out, "
                             f"like +46 155 380 00 (or +46 (0)155 380 00)")
        if not 6 <= len(national) <= 9:
            raise ValueError(f"'{shown}' has {len(national)} digits after +46; a Swedish "
                             f"number has 6 to 9 there, like +46 155 380 00")
        return "+46" + national
    if not 7 <= len(digits) <= 15:
        raise ValueError(f"'{shown}' has {len(digits)} digits after '+'; an international "
                         f"number has 7 to 15, like +46 155 380 00")
    return "+" + digits


def tel_href(written: str) -> str:
    """`tel:` link of a written number: '0155-380 00' -> 'tel:+4615538000', '114 14' -> 'tel:11414'."""
    return "tel:" + dial(written)


def mail_address(written: str) -> str:
    """The address alone, safe to put after `mailto:`; ValueError says what is wrong."""
    text = written.strip()
    shown = _short(text)
    if text.lower().startswith("mailto:"):
        raise ValueError(f"'{shown}': write the address alone, without 'mailto:'")
    if any(char.isspace() for char in text):
        raise ValueError(f"'{shown}' has a space in it; an e-mail address has none: {EMAIL_EXAMPLE}")
    if "?" in text or "&" in text:
        raise ValueError(f"'{shown}' must be the address alone: nothing like '?bcc=' or '&' "
                         f"after it: {EMAIL_EXAMPLE}")
    if text.count("@") != 1:
        raise ValueError(f"'{shown}' is not an e-mail address: it needs exactly one @, "
                         f"{EMAIL_EXAMPLE}")
    local, domain = text.split("@")
    if not LOCAL_PART.match(local) or not DOMAIN.match(domain) or len(text) > 254:
        raise ValueError(f"'{shown}' is not an e-mail address: {EMAIL_EXAMPLE}")
    return text
