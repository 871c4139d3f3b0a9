"""Bilaga 5's follow-up talks as a calendar file made on the device.

The follow-up talks of Bilaga 5 part 3 as a calendar file (issue 17), both
languages: made on the device, one all-day event for each talk with a date,
named after the talk, with none of the answers and no request."""

from __future__ import annotations

import pytest

from form_helpers import fill, foreign, form_url, say


@pytest.fixture(params=["sv", "en"])
def lang(request) -> str:
    return request.param


def unfold(content: str) -> list[str]:
    """The content lines of an iCalendar file (RFC 5545: CRLF, folded lines continue with a space)."""
    assert "\n" not in content.replace("\r\n", ""), "a line not ended by CRLF"
    assert max(len(line.encode()) for line in content.split("\r\n")) <= 75, "a line not folded"
    return content.replace("\r\n ", "").split("\r\n")


def test_follow_up_talks_go_to_a_calendar_file_without_answers(page, site_url, lang):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(form_url(site_url, lang))
    page.wait_for_selector("#tsp-form-tools:not([hidden])")
    page.wait_for_load_state("networkidle")
    loaded = len(requests)

    page.click("#tsp-export-ics")
    assert page.inner_text("#tsp-form-message") == say("form_ics_none", lang)

    meetings = page.locator("fieldset.tsp-meeting")
    titles = [" ".join(t.split()) for t in meetings.locator("legend").all_inner_texts()]
    dated = {0: "2026-12-31", len(titles) - 1: "2027-01-15"}
    secret = "Närvarande: Namn Namnsson, hemadress"
    names = page.evaluate("""() => [...document.querySelectorAll("fieldset.tsp-meeting")]
        .map(set => [set.querySelector("input[type=date]").name,
                     set.querySelector("textarea").name])""")
    values = {names[i][0]: date for i, date in dated.items()}
    values.update({text: secret for _, text in names})
    fill(page, values)

    with page.expect_download() as download:
        page.click("#tsp-export-ics")
    assert download.value.suggested_filename.endswith(".ics")
    lines = unfold(download.value.path().read_bytes().decode("utf-8"))
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-2:] == ["END:VCALENDAR", ""]
    starts = [line.split(":", 1)[1] for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
    ends = [line.split(":", 1)[1] for line in lines if line.startswith("DTEND;VALUE=DATE:")]
    summaries = [line.split(":", 1)[1] for line in lines if line.startswith("SUMMARY:")]
    assert starts == [d.replace("-", "") for d in dated.values()]
    assert ends == ["20270101", "20270116"], "an all-day event ends the next day"
    assert summaries == [titles[i] for i in dated]
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(dated)
    assert len({line for line in lines if line.startswith("UID:")}) == len(dated)
    assert not [line for line in lines if "Namnsson" in line], "an answer went into the file"
    assert requests[loaded:] == [] and foreign(requests, site_url) == []
