"""One stylesheet and one script bundle per page kind (macros/tsp/steps/bundles.py)."""

from __future__ import annotations

from conftest import ROOT

SOURCES = ROOT / "docs" / "assets" / "javascripts"


def loaded(page, site_dir, path):
    doc_dir = (site_dir / path).parent
    css = [(doc_dir / link["href"]).resolve() for link in page.select("link[rel=stylesheet]")]
    js = [(doc_dir / script["src"]).resolve() for script in page.select("script[src]")]
    return css, js


def test_every_page_loads_one_stylesheet_and_at_most_one_script(site_dir, soup, html_pages):
    stylesheets = set()
    for path in html_pages:
        page = soup(path)
        css, js = loaded(page, site_dir, path)
        assert len(js) <= 1, path
        if path.parent.name == "akut":  # its CSS inline (tests/test_emergency_weight.py)
            assert css == [] and len(page.select("style")) == 1, path
            continue
        assert len(css) == 1, path
        assert all(f.is_file() for f in css + js), path
        stylesheets |= set(css)
    assert len(stylesheets) == 1  # downloaded once for the whole site


def test_a_page_script_is_only_in_the_bundles_of_pages_that_ask_for_it(site_dir):
    """Course code only on course pages, form code only on the form, and so on."""
    import rjsmin

    bundles = sorted(site_dir.glob("assets/javascripts/tsp*.min.js"))
    for name in ("tsp-incident-form", "tsp-course", "tsp-slides", "tsp-offline-page"):
        code = rjsmin.jsmin((SOURCES / f"{name}.js").read_text(encoding="utf-8"))
        holding = [b.name for b in bundles if code in b.read_text(encoding="utf-8")]
        assert holding and all(b.startswith(name + ".") for b in holding), (name, holding)


def test_every_script_bundle_but_the_light_one_starts_with_the_core(site_dir, soup, html_pages):
    """The core (tsp-core.js) runs first: it marks <html> as having JavaScript
    and holds the helpers every other script uses."""
    import rjsmin

    core = rjsmin.jsmin((SOURCES / "tsp-core.js").read_text(encoding="utf-8"))
    bundles = set()
    for path in html_pages:
        bundles |= set(loaded(soup(path), site_dir, path)[1])
    light = {b for b in bundles if b.name.startswith("tsp-light.")}
    assert light and len(bundles) > len(light)
    for bundle in sorted(bundles):
        text = bundle.read_text(encoding="utf-8")
        if bundle in light:
            assert core not in text, bundle.name
        else:
            assert text.startswith(core), bundle.name
    # The root 404's own script comes after the bundle, so the core is there first.
    page = soup(site_dir / "404.html")
    scripts = [s["src"] for s in page.select("script[src]")]
    assert len(scripts) == 2 and "tsp-not-found" in scripts[1], scripts


def test_the_light_page_bundle_has_no_material_script(site_dir, soup):
    page = soup(site_dir / "akut" / "index.html")
    _, js = loaded(page, site_dir, site_dir / "akut" / "index.html")
    assert [f.name.split(".", 1)[0] for f in js] == ["tsp-light"]
    assert len(js[0].read_bytes()) < 2048


def test_bundles_are_minified_and_carry_no_source_map_comment(site_dir):
    bundles = sorted(site_dir.glob("assets/*/tsp*.min.*"))
    assert bundles
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        assert "sourceMappingURL" not in text, bundle.name
        assert "\n\n" not in text, bundle.name
