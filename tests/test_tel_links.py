"""Every phone link on the site dials: short numbers (112, 114 14, 1177,
113 13 …) as they are, every other number in international form."""

from __future__ import annotations

import re

# E.164 (+ and 7 to 15 digits), or a Swedish short number: 3 to 6 digits starting with 11.
DIALLABLE = re.compile(r"^tel:(\+[1-9][0-9]{6,14}|11[0-9]{1,4})$")
SHORT = re.compile(r"^11[0-9]{1,4}$")


def tel_links(site_dir, html_pages, soup):
    for path in [*html_pages, site_dir / "404.html"]:
        for link in soup(path).select('a[href^="tel:"]'):
            yield path.relative_to(site_dir).as_posix(), link["href"], link.get_text(" ", strip=True)


def test_every_tel_link_dials(site_dir, html_pages, soup):
    links = list(tel_links(site_dir, html_pages, soup))
    assert any(href == "tel:11414" for _, href, _ in links)  # the police, on Bilaga 4 and Akut
    wrong = []
    for page, href, text in links:
        digits = re.sub(r"[^0-9]", "", text)
        if not DIALLABLE.match(href):
            wrong.append(f"{page}: {href} ({text}) is not a number a phone can dial")
        elif href.startswith("tel:+46") and SHORT.match(href[len("tel:+46"):]):
            wrong.append(f"{page}: {href} ({text}): a short number takes no country code")
        elif SHORT.match(digits) and href != f"tel:{digits}":
            wrong.append(f"{page}: '{text}' must dial tel:{digits}, not {href}")
        elif digits and not SHORT.match(digits):
            # The number shown is the number dialled: the same digits, less the
            # trunk 0 ("0155-380 00", "+46 (0)155 …") and the country code.
            national = re.sub(r"^(00|0)", "", re.sub(r"\(0\)", "", text))
            if not href.endswith(re.sub(r"[^0-9]", "", national).removeprefix("46")):
                wrong.append(f"{page}: '{text}' does not match {href}")
    assert links and not wrong, "\n".join(wrong)
