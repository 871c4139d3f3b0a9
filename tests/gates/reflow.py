"""Reflow gate: pages at 320 px with the widest common font and doubled text.

With any font: the widest common font (DejaVu Sans) forced on every
element, and large text (the browser's default font size doubled), at 320 px.

The font is forced through a constructed style sheet, which the page's CSP
(style-src 'self') leaves alone, so the pages are audited as served.
"""

from __future__ import annotations

WIDEST_FONT = "DejaVu Sans"

FORCE_FONT = """(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('*, *::before, *::after { font-family: "%s" !important; }');
  const adopt = () => { document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; };
  document.readyState === 'loading' ? document.addEventListener('DOMContentLoaded', adopt) : adopt();
})();""" % WIDEST_FONT

# True when the font is installed: text measured in it is the same width
# whichever generic family comes after it (serif and monospace differ).
FONT_PRESENT = """family => {
  const c = document.createElement('canvas').getContext('2d');
  const width = fallback => { c.font = `16px "${family}", ${fallback}`;
                              return c.measureText('Emergency – call 112 WWW iii').width; };
  return width('serif') === width('monospace');
}"""

# Every header control that is shown must sit inside the viewport and be the
# element a tap at its centre reaches (not clipped, not covered).
HEADER_CONTROLS = """() => {
  const out = [];
  const controls = document.querySelectorAll(
    '.md-header .tsp-emergency-link, .md-header .md-header__button');
  for (const el of controls) {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    const name = el.className + (el.htmlFor ? ' for=' + el.htmlFor : '');
    if (r.width === 0 || r.height === 0) { out.push(name + ' has no size'); continue; }
    if (r.left < 0 || r.right > innerWidth + 0.5) {
      out.push(`${name} is outside the screen (${Math.round(r.left)}–${Math.round(r.right)} px of ${innerWidth})`);
      continue;
    }
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    if (!hit || !(el === hit || el.contains(hit))) out.push(name + ' is covered or clipped');
  }
  return out;
}"""

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def force_widest_font(context) -> None:
    """Every page of context then renders in DejaVu Sans."""
    context.add_init_script(FORCE_FONT)


def set_text_size(page, percent: int) -> None:
    """The browser's default font size (Chrome's font-size setting) as a share
    of 16 px: rem, em and em-based media queries all follow it."""
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {
        "standard": round(16 * percent / 100), "fixed": round(13 * percent / 100)}})


def font_problems(page) -> list[str]:
    """The forced font must really be there, or the reflow check proves nothing."""
    if not page.evaluate(FONT_PRESENT, WIDEST_FONT):
        return [f"{WIDEST_FONT} is not installed (.ci/system-deps installs fonts-dejavu-core)"]
    used = page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-header') || document.body).fontFamily")
    if WIDEST_FONT not in used:
        return [f"the page does not render in {WIDEST_FONT} (font-family: {used})"]
    return []


def header_problems(page, url: str) -> list[str]:
    """Header controls (emergency link, menu, language, search) pushed off the
    screen or hidden, at the page's current width."""
    return [f"{url}: {problem}" for problem in page.evaluate(HEADER_CONTROLS)]


def reflow_problems(page, url: str, width: int = 320, load: bool = True) -> list[str]:
    """Sideways scroll and hidden header controls at width px."""
    page.set_viewport_size({"width": width, "height": 640})
    if load:
        page.goto(url, wait_until="load")
    overflow = page.evaluate(OVERFLOW)
    problems = [f"{url}: scrolls sideways at {width} px ({overflow} px too wide)"] if overflow > 0 else []
    return problems + header_problems(page, url)
