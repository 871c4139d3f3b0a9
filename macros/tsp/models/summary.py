"""The model of data/summary.yml: the settings of the yearly summary page.

data/summary.yml: how the yearly summary (docs/sammanstallning*.md) counts
exported Bilaga 5 files, and the settings tsp-summary.js gets from it and from
data/incident.yml (which fields the export holds). The counting itself happens
in the browser, and nothing leaves the device.
"""

from __future__ import annotations

from pydantic import Field

from .base import NonEmptyStr, Strict, Text
from .incident import Incident, field_id

# The export format of tsp-incident-form.js (data-tsp-form / data-tsp-version
# on the form in tsp-incident-form.html).
FORM = "tsp-incident"
FORM_VERSION = 1
# Exports are a few kB; anything much larger is not an export.
MAX_FILE_KB = 512


class Category(Strict):
    id: NonEmptyStr
    label: Text
    words: list[NonEmptyStr] = Field(min_length=1)


class Summary(Strict):
    kinds: list[Category] = Field(min_length=1)
    channels: list[Category] = Field(min_length=1)
    ui: dict[NonEmptyStr, Text]

    def problems(self):
        found = []
        for name in ("kinds", "channels"):
            seen = set()
            for i, item in enumerate(getattr(self, name)):
                if item.id in seen:
                    found.append(((name, i, "id"), f"duplicate id '{item.id}'"))
                seen.add(item.id)
        return found


def summary_config(summary: Summary, incident: Incident, lang: str, locale: str) -> dict:
    """What tsp-summary.js needs, in one language: categories, fields, words;
    locale is the BCP 47 tag month names are formatted in ('sv-SE')."""
    def categories(items):
        return [{"id": c.id, "label": c.label(lang), "words": [w.lower() for w in c.words]}
                for c in items]

    checks = [{"name": field_id("p2", c.id), "text": c.text(lang)}
              for b in incident.part2.blocks for c in b.checks if c.kind == "yes_no"]
    applied = incident.closing.routine_applied
    checks.append({"name": field_id("p3", applied.id), "text": applied.text(lang)})
    return {
        "form": FORM, "version": FORM_VERSION, "maxKb": MAX_FILE_KB,
        "locale": locale,
        "text": [field_id("p1", "what"), field_id("p1", "when_where")],
        "when": field_id("p1", "when_where"),
        "policeReport": field_id("p2", "police_report"),
        "checks": checks,
        "meetings": [{"name": field_id("p3", m.id, "date"), "title": m.title(lang)}
                     for m in incident.part3.meetings],
        "kinds": categories(summary.kinds),
        "channels": categories(summary.channels),
        "ui": {key: text(lang) for key, text in summary.ui.items()},
    }
