"""Editing a copy of data/ and reading the checker's plain messages for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.tsp.models.datafile import DataError
from macros.tsp.models.loader import load_all


def edit(root: Path, name: str, old: str, new: str, nth: int = 1) -> int:
    """Replace the nth occurrence of old in data/name with new; the 1-based line of the edit."""
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    start = -1
    for _ in range(nth):
        start = text.index(old, start + 1)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text.count("\n", 0, start) + 1


def problems(root: Path) -> list[str]:
    """The checker's problems for the project at root, each on one line."""
    with pytest.raises(DataError) as caught:
        load_all(root)
    found = [str(p) for p in caught.value.problems]
    assert all("\n" not in line for line in found), found
    return found
