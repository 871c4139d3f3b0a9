"""Build step: the same sources give the same bytes (no dates from the clock).

The same sources give the same bytes: dates in the output come from the
sources, never from the clock.

SOURCE_DATE_EPOCH (the reproducible-builds convention, which MkDocs uses for
the sitemap's <lastmod>) is set, unless given, to the time of the last commit
that changed what the site is built from; a commit that touches only the
README or the tests changes no date. The PDFs carry the same date.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

# What the built site is made of (below the project root).
SOURCES = ("mkdocs.yml", "docs", "data", "overrides", "macros")


def source_date_epoch(root: Path) -> int | None:
    """SOURCE_DATE_EPOCH if set, else the last commit time of SOURCES (None outside git)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given:
        return int(given)
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", *SOURCES],
                             cwd=root, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out) if out.isdigit() else None


def set_source_date_epoch(root: Path) -> int | None:
    """Export SOURCE_DATE_EPOCH for this build (and the PDF step it starts)."""
    epoch = source_date_epoch(root)
    if epoch is not None:
        os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    return epoch


def pdf_date(epoch: int) -> bytes:
    """A PDF date string, D:YYYYMMDDHHmmSS+00'00', in UTC."""
    return time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(epoch)).encode("ascii")


def fix_pdf_dates(data: bytes, epoch: int | None) -> bytes:
    """The PDF with its /CreationDate and /ModDate set to epoch (or the Unix
    epoch when there is none), written in place at the same length so the
    cross-reference offsets stay valid."""
    stamp = pdf_date(epoch or 0)
    for key in (b"/CreationDate (", b"/ModDate ("):
        start = 0
        while (at := data.find(key, start)) != -1:
            begin = at + len(key)
            end = data.find(b")", begin)
            if end - begin == len(stamp):
                data = data[:begin] + stamp + data[end:]
            start = end
    return data
