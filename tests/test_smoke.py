"""The harness itself: the site builds and Chromium opens the Swedish start page."""


def test_start_page_is_swedish(site_dir, soup):
    assert soup(site_dir / "index.html").html["lang"] == "sv"
    assert soup(site_dir / "en" / "index.html").html["lang"] == "en"


def test_chromium_opens_start_page(page, site_url):
    page.goto(site_url)
    assert page.locator("h1").first.inner_text().strip() != ""
