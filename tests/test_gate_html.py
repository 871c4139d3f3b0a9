"""Valid HTML gate: the Nu HTML Checker over the whole built site."""

from gates.edit import add_to_content, load, save
from gates.vnu import vnu_errors


def test_site_is_valid_html(site_dir, html_pages):
    assert html_pages
    errors = vnu_errors(site_dir)
    assert not errors, "\n".join(errors[:50])


def test_gate_catches_invalid_html(site_copy, tmp_path):
    """A duplicate id and a <div> inside a <span> on one page of a copy."""
    broken = tmp_path / "broken"
    broken.mkdir()
    page = broken / "index.html"
    page.write_bytes((site_copy / "en" / "index.html").read_bytes())
    soup = load(page)
    span = soup.new_tag("span", id="tsp-main")
    span.append(soup.new_tag("div"))
    soup.find("article").append(span)
    save(page, soup)
    errors = vnu_errors(broken)
    assert any("Duplicate ID “tsp-main”" in e for e in errors), errors
    assert any("Element “div” not allowed as child of element “span”" in e for e in errors), errors
    assert len(errors) == 2, errors


def test_material_filters_do_not_hide_the_same_error_elsewhere(tmp_path, site_dir):
    """autocomplete on a checkbox that is not Material's toggle still fails."""
    page = tmp_path / "index.html"
    page.write_bytes((site_dir / "index.html").read_bytes())
    add_to_content(page, "input", type="checkbox", id="tsp-x", autocomplete="off")
    errors = vnu_errors(tmp_path)
    assert len(errors) == 1 and "autocomplete" in errors[0], errors
