"""The site's own look and the organisation in it: footer, header, language
switcher, 404 per language, tooltips, colour tokens and their contrast,
icons and manifests, all derived from data/organisation.yml."""

from __future__ import annotations

import functools
import http.server
import json
import re
import struct
import threading
import zlib
from pathlib import Path

import pytest

from conftest import ROOT
from gates.csp import csp_problems
from macros.tsp.models.contacts import tel_href
from macros.tsp.models.loader import load_strings
from macros.tsp.models.organisation import contrast
from organisation_facts import organisation, print_header, print_reference, site_names

ORG = organisation()
STRINGS = load_strings()
LANGS = ("sv", "en")
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def _lang_of(site_dir: Path, path: Path) -> str:
    return "en" if (site_dir / "en") in path.parents else "sv"


def test_footer_names_organisation_decision_number_and_review(site_dir, html_pages, soup):
    assert html_pages
    for path in html_pages:
        lang = _lang_of(site_dir, path)
        doc = soup(path)
        footer = doc.select_one("footer .tsp-footer")
        assert footer.select_one(".tsp-footer__org").get_text(strip=True) == ORG.name(lang), path
        decision = " ".join(footer.select_one(".tsp-footer__decision").get_text(" ").split())
        assert ORG.decision.body(lang) in decision, path
        assert f"{STRINGS.text('registration_number_label', lang)} {ORG.decision.registration_number}" in decision
        assert footer.select_one(".tsp-footer__decision time")["datetime"] == ORG.decision.date.isoformat()
        assert [a["href"] for a in footer.select("a[href^='tel:']")] == [tel_href(ORG.switchboard)], path
        reviewed = footer.select_one(".tsp-footer__reviewed")
        assert STRINGS.text("footer_reviewed", lang) in reviewed.get_text()
        assert reviewed.time["datetime"] == ORG.last_reviewed.isoformat()
        licence = footer.select_one(".tsp-footer__licence").get_text(" ")
        assert "CC BY 4.0" in licence and "EUPL 1.2" in licence
        assert doc.select_one("meta[name=author]")["content"] == ORG.name(lang), path


def test_language_switcher_names_the_other_language_in_words(site_dir, html_pages, soup):
    for path in html_pages:
        lang = _lang_of(site_dir, path)
        links = soup(path).select(".md-header .tsp-language a")
        other = "en" if lang == "sv" else "sv"
        assert [(a.get_text(strip=True), a["lang"], a["hreflang"]) for a in links] == \
            [(LANGUAGE_NAMES[other], other, other)], path


def test_permalink_tooltips_speak_the_page_language(site_dir, html_pages, soup):
    seen = set()
    for path in html_pages:
        lang = _lang_of(site_dir, path)
        for link in soup(path).select("a.headerlink"):
            assert link["title"] == STRINGS.text("permalink", lang), path
            seen.add(lang)
    assert seen == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_is_in_the_readers_language_header_and_menu_too(site_dir, soup, lang):
    path = site_dir / ("en/" if lang == "en" else "") / "404.html"
    doc = soup(path)
    assert doc.html["lang"] == lang
    assert doc.h1.get_text(strip=True) == STRINGS.text("not_found_title", lang)
    assert doc.select_one(".tsp-emergency-link").get_text(" ", strip=True).endswith(
        STRINGS.text("emergency_link", lang))
    assert doc.select_one(".tsp-site-name__full").get_text(strip=True) == site_names()[lang]
    # The menu: the same first entries as the start page of that language.
    start = soup(site_dir / ("en/" if lang == "en" else "") / "index.html")
    top = ".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link"
    menu = [a.get_text(" ", strip=True) for a in doc.select(top)]
    assert len(menu) >= 5 and set(menu) <= {a.get_text(" ", strip=True) for a in start.select(top)}
    prefix = "/en/" if lang == "en" else "/"
    targets = [a["href"] for a in doc.select(".tsp-not-found li a")]
    assert targets[0] == prefix + "akut/"
    assert csp_problems(doc) == []


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves 404.html for a missing address, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def static_host(site_dir):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_NotFoundHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.browser
def test_a_missing_english_address_gets_the_english_404(page, static_host):
    page.goto(static_host + "en/no-such-page/")
    page.wait_for_url("**/en/404.html")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == STRINGS.text("not_found_title", "en")
    page.goto(static_host + "no-such-page/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == STRINGS.text("not_found_title", "sv")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [320, 1280])
def test_header_shows_the_site_name_whole(page, site_url, lang, width):
    """At 320 px the short name on a row of its own; wider, the full name; never cut."""
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(site_url + ("en/" if lang == "en" else "") + "planen/bilaga-2/6-hot-via-e-post/")
    name = page.locator(".md-header__topic").first
    shown = name.evaluate("""el => {
        const span = el.querySelector('.md-ellipsis');
        return {text: span.innerText.trim(), cut: span.scrollWidth > span.clientWidth,
                visible: getComputedStyle(el).opacity !== '0'};
    }""")
    want = site_names()[lang] if width > 720 else STRINGS.text("site_short_name", lang)
    assert shown == {"text": want, "cut": False, "visible": True}
    # Every header control stays inside the page.
    overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 0


TOKEN = re.compile(r"(--tsp-[a-z0-9-]+)\s*:\s*(#[0-9a-fA-F]{6})\s*;")


def _tokens() -> dict[str, str]:
    css = (ROOT / "docs" / "assets" / "stylesheets" / "tsp.css").read_text(encoding="utf-8")
    root = css[css.index(":root {"):css.index("}", css.index(":root {"))]
    tokens = dict(TOKEN.findall(root))
    tokens["--tsp-color-primary"] = ORG.colours.primary  # from the organisation
    return tokens


# (foreground, background, minimum): text 4.5:1, focus ring and borders 3:1.
CONTRAST_PAIRS = [
    ("--tsp-color-text", "--tsp-color-background", 4.5),
    ("--tsp-color-text-muted", "--tsp-color-background", 4.5),
    ("--tsp-color-text", "--tsp-color-surface", 4.5),
    ("--tsp-color-primary", "--tsp-color-background", 4.5),
    ("--tsp-color-on-primary", "--tsp-color-primary", 4.5),
    ("--tsp-color-on-primary", "--tsp-color-danger", 4.5),
    ("--tsp-color-on-primary", "--tsp-color-danger-dark", 4.5),
    ("--tsp-color-on-footer", "--tsp-color-footer", 4.5),
    ("--tsp-color-border", "--tsp-color-background", 3),
    ("--tsp-focus-color", "--tsp-color-primary", 3),
    ("--tsp-focus-color", "--tsp-color-footer", 3),
    ("--tsp-focus-edge", "--tsp-color-background", 3),
    ("--tsp-focus-color", "--tsp-color-danger", 3),
    ("--tsp-color-danger-dark", "--tsp-color-danger-surface", 4.5),
    ("--tsp-color-text", "--tsp-color-danger-surface", 4.5),
    ("--tsp-color-text", "--tsp-color-success-surface", 4.5),
    ("--tsp-color-success", "--tsp-color-background", 4.5),
    ("--tsp-color-info", "--tsp-color-background", 4.5),
    ("--tsp-color-text", "--tsp-color-info-surface", 4.5),
    ("--tsp-chart-none", "--tsp-color-background", 4.5),
]


@pytest.mark.parametrize("fg, bg, minimum", CONTRAST_PAIRS)
def test_colour_tokens_have_enough_contrast(fg, bg, minimum):
    tokens = _tokens()
    assert contrast(tokens[fg], tokens[bg]) >= minimum, (fg, tokens[fg], bg, tokens[bg])


def test_colours_are_defined_once():
    """No stylesheet but tsp.css writes a colour for focus rings, links or buttons."""
    offenders = []
    for css in (ROOT / "docs" / "assets" / "stylesheets").glob("*.css"):
        if css.name == "tsp.css":
            continue
        text = css.read_text(encoding="utf-8")
        for rule in re.finditer(r"([^{}]+)\{([^{}]*)\}", text):
            selector, body = rule.group(1), rule.group(2)
            if re.search(r":focus|:hover", selector) and re.search(r"#[0-9a-fA-F]{3,6}\b", body):
                offenders.append(f"{css.name}: {selector.strip()}")
    assert offenders == []


def _png_pixels(data: bytes) -> tuple[int, list[bytes]]:
    width = struct.unpack(">I", data[16:20])[0]
    start = data.index(b"IDAT") + 4
    length = struct.unpack(">I", data[start - 8:start - 4])[0]
    raw = zlib.decompress(data[start:start + length])
    stride = 1 + 3 * width
    assert all(raw[i * stride] == 0 for i in range(width))  # unfiltered rows
    return width, [raw[i * stride + 1:(i + 1) * stride] for i in range(width)]


def test_icons_are_a_shield_in_the_organisation_colour(site_dir):
    primary = bytes(int(ORG.colours.primary[i:i + 2], 16) for i in (1, 3, 5))
    for size in (192, 512):
        width, rows = _png_pixels((site_dir / f"assets/images/tsp-icon-{size}.png").read_bytes())
        assert width == size

        def at(x: float, y: float) -> bytes:
            row = rows[int(y * size)]
            i = int(x * size) * 3
            return row[i:i + 3]
        assert at(0.05, 0.05) == primary                  # background
        # The shield is white from its top to near its tip down the middle
        # (a target would have rings of colour there), and narrows to a point.
        assert all(at(0.5, y) == b"\xff\xff\xff" for y in (0.25, 0.35, 0.5, 0.6, 0.75, 0.8))
        assert at(0.3, 0.3) == b"\xff\xff\xff" and at(0.3, 0.8) == primary
        assert at(0.5, 0.92) == primary
    svg = (site_dir / "assets/images/tsp-icon.svg").read_text(encoding="utf-8")
    assert f">{ORG.initials}</text>" in svg and ORG.colours.primary in svg


def test_favicon_and_logo_come_from_the_organisation(site_dir, soup):
    doc = soup(site_dir / "index.html")
    assert doc.select_one("link[rel=icon]")["href"].endswith("assets/images/tsp-icon.svg")
    logo = doc.select_one(".md-header .md-logo img")
    want = ORG.logo or "assets/images/tsp-icon.svg"
    assert logo["src"].endswith(want) and logo["alt"] == ""
    assert doc.select_one("meta[name=theme-color]")["content"] == ORG.colours.primary


@pytest.mark.parametrize("lang", LANGS)
def test_manifest_of_each_language_from_the_organisation(site_dir, lang):
    root = site_dir / ("en" if lang == "en" else "")
    manifest = json.loads((root / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == f"{site_names()[lang]} – {ORG.name(lang)}"
    assert manifest["theme_color"] == ORG.colours.primary and manifest["lang"] == lang
    assert manifest["shortcuts"][0]["name"] == STRINGS.text("emergency_link", lang)
    for icon in manifest["icons"]:
        assert (root / icon["src"]).resolve().is_file(), icon


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_print_header_comes_from_the_organisation(page, site_url, tmp_path, lang):
    """The running header and registration number on paper (tsp-print.css
    reads them from the organisation's stylesheet)."""
    import subprocess

    page.goto(site_url + ("en/" if lang == "en" else "") + "skriv-ut/112-kort/")
    pdf = tmp_path / "card.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True,
                           text=True, check=True).stdout
    first = " ".join(first.split())
    assert print_header(lang) in first and print_reference(lang) in first
