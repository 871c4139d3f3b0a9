"""Link gate: 0 broken internal links or anchors, in HTML and PDF, both languages."""

import pytest

from gates.edit import add_to_content
from gates.links import link_problems, pdf_urls, site_roots


def test_no_broken_links_or_anchors(site_pdfs, soup, html_pages):
    """The PDFs are part of the site: links to them and inside them count."""
    assert html_pages
    problems = link_problems(site_pdfs, site_roots(soup, site_pdfs))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("href, caught", [
    ("../nowhere/", "broken link"),
    ("#no-such-anchor", "missing anchor"),
    ("../tillganglighet/#no-such-anchor", "missing anchor"),
    ("tel:112 ring", "bad tel: link"),
    ("mailto:nobody-at-example", "bad mailto: link"),
])
def test_gate_catches_broken_link(site_copy, href, caught):
    add_to_content(site_copy / "akut" / "index.html", "a", "broken", href=href)
    problems = link_problems(site_copy)
    assert len(problems) == 1 and caught in problems[0], problems


def test_gate_catches_broken_link_in_pdf(site_copy, page, serve_dir):
    """A PDF in the site whose link points to a page that does not exist."""
    add_to_content(site_copy / "akut" / "index.html", "a", "to nowhere", href="../nowhere/")
    page.goto(serve_dir(site_copy) + "akut/")
    pdf = site_copy / "akut" / "akut.pdf"
    page.pdf(path=str(pdf))
    assert any(url.endswith("/nowhere/") for url in pdf_urls(pdf))
    problems = link_problems(site_copy, (page.url.split("akut/")[0],))
    pdf_problems = [p for p in problems if p.startswith("akut/akut.pdf:")]
    assert len(pdf_problems) == 1 and "broken link" in pdf_problems[0] and "nowhere" in pdf_problems[0], problems
