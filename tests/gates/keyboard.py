"""Keyboard and reflow gates: skip link first, visible focus, 320 px without sideways scroll."""

from __future__ import annotations

FOCUS_STATE = """() => {
  const a = document.activeElement;
  const s = getComputedStyle(a);
  const r = a.getBoundingClientRect();
  return {
    tag: a.tagName.toLowerCase(), cls: String(a.className), href: a.getAttribute('href'),
    outline: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
    shadow: s.boxShadow,
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
              r.left < innerWidth && r.top < innerHeight,
  };
}"""

# After following the skip link, is focus past the header and navigation?
FOCUS_AFTER = """target => {
  const el = document.getElementById(target);
  const a = document.activeElement;
  if (!el) return 'skip target #' + target + ' does not exist';
  if (!el.closest('.md-content')) return 'skip target #' + target + ' is not in the content';
  if (a.closest('.md-header, .md-sidebar')) return 'Tab after the skip link lands in ' + a.outerHTML.slice(0, 80);
  return '';
}"""


def _focus_visible(state: dict) -> bool:
    ring = (state["outline"] != "none" and state["outlineWidth"] >= 1) or state["shadow"] != "none"
    return ring and state["onScreen"]


def keyboard_problems(page, url: str, tab_stops: int = 4, load: bool = True) -> list[str]:
    """load=False checks the page as loaded, provided nothing has moved focus yet."""
    page.set_viewport_size({"width": 320, "height": 640})
    if load:
        page.goto(url, wait_until="load")
    problems = []
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        problems.append(f"scrolls sideways at 320 px ({overflow} px too wide)")
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STATE)
    is_skip = "md-skip" in first["cls"].split() and (first["href"] or "").startswith("#")
    if not is_skip:
        problems.append(f"first Tab stop is not a skip link: <{first['tag']} class={first['cls']!r}>")
    elif first["outline"] == "none" and first["shadow"] == "none":
        problems.append("skip link has no visible focus")
    for stop in range(2, tab_stops + 1):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if not _focus_visible(state):
            problems.append(f"Tab stop {stop} <{state['tag']} class={state['cls']!r}> has no visible focus")
    if is_skip:
        page.locator("a.md-skip").first.focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        message = page.evaluate(FOCUS_AFTER, first["href"][1:])
        if message:
            problems.append(message)
    return [f"{url}: {problem}" for problem in problems]
