"""Content-Security-Policy gate: a strict <meta> CSP on every page of both languages."""

from bs4 import BeautifulSoup

from conftest import run_build
from gates.csp import csp_problems, parse_policy
from gates.edit import load, save


def test_every_page_has_a_strict_csp(html_pages, soup, site_dir):
    problems = [f"{p.relative_to(site_dir)}: {m}" for p in html_pages for m in csp_problems(soup(p))]
    assert html_pages and not problems, "\n".join(problems)


def test_404_page_has_a_strict_csp(site_dir, soup):
    assert csp_problems(soup(site_dir / "404.html")) == []


def test_csp_hashes_differ_by_page_depth(site_dir, soup):
    """Material's inline scripts depend on depth, so the hashes must too."""
    def script_src(path):
        meta = soup(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        return parse_policy(meta["content"])["script-src"]
    assert script_src(site_dir / "index.html") != script_src(site_dir / "planen" / "bilaga-2" / "index.html")


def test_gate_catches_missing_meta_unsafe_inline_and_stale_hash(site_copy):
    page = site_copy / "index.html"
    original = load(page)

    no_meta = BeautifulSoup(str(original), "lxml")
    no_meta.find("meta", attrs={"http-equiv": "Content-Security-Policy"}).decompose()
    assert csp_problems(no_meta) == ["0 CSP <meta> tags (want exactly 1)"]

    unsafe = BeautifulSoup(str(original), "lxml")
    meta = unsafe.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    meta["content"] = meta["content"].replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    assert any("allows" in p and "'unsafe-inline'" in p for p in csp_problems(unsafe))

    edited = BeautifulSoup(str(original), "lxml")
    script = next(s for s in edited.find_all("script", src=False) if not s.get("type"))
    script.string = script.string + ";console.log('changed after build')"
    save(page, edited)
    assert any(p.startswith("inline script not in script-src") for p in csp_problems(load(page)))


def test_gate_catches_event_handler_attribute(site_copy):
    page = site_copy / "index.html"
    edited = load(page)
    button = edited.new_tag("button", type="button", onclick="alert(1)")
    edited.find("article").append(button)
    save(page, edited)
    assert any("event handler" in p for p in csp_problems(load(page)))


def test_build_refuses_an_event_handler_it_did_not_write(project_copy, tmp_path):
    """The CSP hook stops the build (macros/tsp/steps/csp.py), naming the page."""
    page = project_copy / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8")
                    + '\n<button type="button" onclick="alert(1)">x</button>\n', encoding="utf-8")
    result = run_build(tmp_path / "built", project_copy)
    assert result.returncode != 0
    assert ("csp: index.md has script the site did not write: <button onclick=…>"
            in result.stdout + result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
