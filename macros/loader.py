"""Where the data files live and how each is read, validated and cached."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .datafile import DataError, load_model
from .course_models import Course, course_model
from .models import Catalogue

ROOT = Path(__file__).resolve().parent.parent


def data_path(name: str, root: Path = ROOT) -> tuple[Path, str]:
    """Absolute path and the data/NAME form used in messages."""
    return root / "data" / name, f"data/{name}"


def load_strings(root: Path = ROOT) -> Catalogue:
    path, rel = data_path("strings.yml", root)
    return load_model(path, Catalogue, rel)


def load_course(root: Path = ROOT) -> Course:
    path, rel = data_path("course.yml", root)
    return load_model(path, course_model(root / "docs"), rel)


def load_all(root: Path = ROOT) -> dict[str, object]:
    """Every data file, validated; all problems of all files in one DataError."""
    loaders = {"strings": load_strings, "course": load_course}
    loaded: dict[str, object] = {}
    problems = []
    for name, load in loaders.items():
        try:
            loaded[name] = load(root)
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    return loaded
