"""Privacy and CSP in the browser: every page, both languages, in real Chromium.

Fails on any request to another origin, failed request or HTTP error, console
error, cookie, or Content-Security-Policy violation.
"""

from conftest import run_build
from gates.browser import Watch
from gates.edit import add_to_content, load, save


def test_every_page_is_private_and_csp_clean(site_audit):
    assert site_audit["pages"] and not site_audit["privacy"], "\n".join(site_audit["privacy"])


def test_search_works_under_the_csp(page, site_url):
    """Material's search worker fetches search_index.json; results appear."""
    watch = Watch(page, site_url)
    for prefix, query in (("", "tillgänglighet"), ("en/", "accessibility")):
        assert watch.visit(site_url + prefix) == []
        page.locator("input.md-search__input").focus()
        page.keyboard.type(query)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="visible", timeout=10000)
        assert "tillganglighet/" in results.first.locator("a").first.get_attribute("href")
    assert watch.problems == []


def test_language_switcher_works_under_the_csp(page, site_url):
    watch = Watch(page, site_url)
    assert watch.visit(site_url + "planen/3-hantera/") == []
    page.locator(".tsp-language a[hreflang='en']").click()
    page.wait_for_url(site_url + "en/planen/3-hantera/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert watch.problems == []


def test_gate_catches_other_origin_request(page, project_copy, tmp_path, serve_dir):
    page_md = project_copy / "docs" / "akut.md"
    page_md.write_text(page_md.read_text(encoding="utf-8")
                       + '\n<img src="https://example.org/x.png" alt="x">\n', encoding="utf-8")
    built = tmp_path / "built"
    assert run_build(built, project_copy).returncode == 0
    url = serve_dir(built)
    problems = Watch(page, url).visit(url + "akut/")
    assert any("request to another origin: https://example.org/x.png" in p for p in problems), problems


def test_gate_catches_cookie_console_error_and_404(page, site_copy, serve_dir):
    script = site_copy / "assets" / "javascripts" / "tsp-break.js"
    script.write_text('document.cookie = "tracker=1; path=/"; console.error("broken on purpose");')
    add_to_content(site_copy / "akut" / "index.html", "script", src="../assets/javascripts/tsp-break.js")
    add_to_content(site_copy / "akut" / "index.html", "img", src="../assets/images/missing.png", alt="x")
    url = serve_dir(site_copy)
    problems = Watch(page, url).visit(url + "akut/")
    assert any("cookies set: ['tracker']" in p for p in problems), problems
    assert any("console error: broken on purpose" in p for p in problems), problems
    assert any("HTTP 404" in p and "missing.png" in p for p in problems), problems


def test_gate_catches_csp_violation(page, site_copy, serve_dir):
    """An inline script changed after the build no longer matches its hash."""
    path = site_copy / "akut" / "index.html"
    soup = load(path)
    script = next(s for s in soup.find_all("script", src=False) if not s.get("type"))
    script.string = script.string + ";window.tspChanged=1"
    save(path, soup)
    url = serve_dir(site_copy)
    problems = Watch(page, url).visit(url + "akut/")
    assert any("CSP violation: script-src-elem inline" in p for p in problems), problems
