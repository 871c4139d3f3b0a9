"""The yearly summary page as built: its settings name real fields of the
Bilaga 5 form of the same language, and a bad data/summary.yml is refused
with file and line."""

import json

import pytest

from macros.tsp.models.datafile import DataError
from macros.tsp.models.loader import load_summary


def config(soup, site_dir, prefix):
    page = soup(site_dir / prefix / "sammanstallning" / "index.html")
    block = page.select_one('[data-tsp-component="summary"] script[type="application/json"][data-tsp-words]')
    return page, json.loads(block.string)


@pytest.mark.parametrize("prefix", ["", "en"])
def test_summary_reads_the_fields_the_form_exports(soup, site_dir, prefix):
    page, cfg = config(soup, site_dir, prefix)
    form = soup(site_dir / prefix / "planen" / "bilaga-5" / "index.html").find("form", id="tsp-incident")
    assert (cfg["form"], str(cfg["version"])) == (form["data-tsp-form"], form["data-tsp-version"])
    names = {el["name"] for el in form.find_all(attrs={"name": True})}
    used = cfg["text"] + [cfg["when"], cfg["policeReport"]] + [c["name"] for c in cfg["checks"]] \
        + [m["name"] for m in cfg["meetings"]]
    assert set(used) <= names, set(used) - names
    # Every Ja/Nej question of the form is a routine step of the summary, in its words.
    radios = {f.find("input")["name"]: f.find("legend").get_text(strip=True)
              for f in form.find_all("fieldset", class_="tsp-yes-no")}
    assert {c["name"]: c["text"] for c in cfg["checks"]} == radios
    # The page loads its own script from a file and has no executable inline script.
    # (the build may bundle it as tsp-summary.<hash>.min.js)
    assert page.find("script", src=lambda s: s and "assets/javascripts/tsp-summary." in s and s.endswith(".js"))
    assert page.html["lang"] == (prefix or "sv")


def test_only_the_summary_page_loads_its_script(html_pages, soup, site_dir):
    loading = sorted(str(p.relative_to(site_dir)) for p in html_pages
                     if soup(p).find("script", src=lambda s: s and "/tsp-summary." in s))
    assert loading == ["en/sammanstallning/index.html", "sammanstallning/index.html"]


def test_bad_summary_data_names_file_and_line(project_copy):
    path = project_copy / "data" / "summary.yml"
    text = path.read_text(encoding="utf-8")
    line = next(row for row in text.splitlines() if row.strip().startswith("words: [brev,"))
    path.write_text(text.replace(line, "    words: []", 1), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_summary(project_copy)
    text = str(error.value)
    assert "data/summary.yml:" in text and "channels[3]" in text, text
