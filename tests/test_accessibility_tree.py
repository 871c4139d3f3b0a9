"""What a screen reader is given: the accessibility tree of each page kind.

Issue 17: Chromium's accessibility tree
(CDP Accessibility.getFullAXTree) of one page of each kind, both languages,
phone and desktop width. No control without a name, no form group without a
name, landmarks of one role told apart by name, headings that do not skip a
level on the way down."""

from __future__ import annotations

import pytest

from project import LANGUAGES

PAGE_KINDS = {
    "start": "",
    "emergency": "akut/",
    "situation": "planen/bilaga-2/1-pagaende-situationer/",
    "form": "planen/bilaga-5/",
    "routine": "planen/bilaga-3/",
    "course module": "utbildning/modul-1-varfor/",
    "statement": "tillganglighet/",
}
WIDTHS = {"phone": 320, "desktop": 1280}

CONTROLS = {"button", "link", "textbox", "checkbox", "radio", "combobox", "searchbox",
            "slider", "spinbutton", "switch", "tab", "menuitem", "listbox", "option"}
GROUPS = {"group", "radiogroup"}
LANDMARKS = {"banner", "navigation", "main", "contentinfo", "complementary", "search",
             "region", "form"}
NAMED_ONLY = {"region", "form"}


def tree(page) -> list[dict]:
    session = page.context.new_cdp_session(page)
    try:
        return session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()


def value(node: dict, key: str) -> str:
    return str((node.get(key) or {}).get("value") or "").strip()


def exposed(nodes: list[dict]) -> list[dict]:
    """The nodes a screen reader meets: not ignored, not under a hidden or
    inert ancestor (the tree marks those ignored)."""
    return [n for n in nodes if not n.get("ignored")]


def problems(nodes: list[dict]) -> list[str]:
    found = []
    shown = exposed(nodes)
    for node in shown:
        role, name = value(node, "role"), value(node, "name")
        if role in CONTROLS and not name:
            found.append(f"{role} without a name (DOM node {node.get('backendDOMNodeId')})")
        if role in GROUPS and not name and node.get("childIds"):
            # A fieldset is a group; without a legend it tells nothing.
            found.append(f"{role} without a name (DOM node {node.get('backendDOMNodeId')})")
    names: dict[str, list[str]] = {}
    for node in shown:
        role, name = value(node, "role"), value(node, "name")
        # A form or region is a landmark only when it has a name (WAI-ARIA).
        if role in LANDMARKS and (name or role not in NAMED_ONLY):
            names.setdefault(role, []).append(name)
    for role, given in names.items():
        if len(given) > 1 and len(set(given)) < len(given):
            found.append(f"{len(given)} {role} landmarks, names not distinct: {given}")
    levels = [int((p.get("value") or {}).get("value") or 0)
              for node in shown if value(node, "role") == "heading"
              for p in node.get("properties", []) if p.get("name") == "level"]
    if levels and levels[0] != 1:
        found.append(f"the first heading is level {levels[0]}, not 1")
    found += [f"heading level {b} after {a}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    return found


@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("lang", LANGUAGES.codes)
def test_screen_readers_get_names_groups_landmarks_and_heading_order(page, site_url, kind, width, lang):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + LANGUAGES.site_path(PAGE_KINDS[kind], lang))
    page.wait_for_load_state("load")
    nodes = tree(page)
    assert any(value(n, "role") == "main" for n in exposed(nodes)), "no main landmark"
    assert problems(nodes) == []
