"""Where the data files live and how each is read, validated and cached."""

from __future__ import annotations

from pathlib import Path

from .contacts import Contacts
from .datafile import DataError, load_model
from .incident import Incident, step_problems
from .course_models import Course, course_model
from .models import Catalogue
from .printables import load_printables
from .routine import Routine
from .plan import load_corrections
from .situations import load_situations

ROOT = Path(__file__).resolve().parent.parent


def data_path(name: str, root: Path = ROOT) -> tuple[Path, str]:
    """Absolute path and the data/NAME form used in messages."""
    return root / "data" / name, f"data/{name}"


def load_strings(root: Path = ROOT) -> Catalogue:
    path, rel = data_path("strings.yml", root)
    return load_model(path, Catalogue, rel)


def load_routine(root: Path = ROOT) -> Routine:
    path, rel = data_path("routine.yml", root)
    return load_model(path, Routine, rel)


def load_contacts(root: Path = ROOT) -> Contacts:
    path, rel = data_path("contacts.yml", root)
    return load_model(path, Contacts, rel)


def load_incident(root: Path = ROOT, routine: Routine | None = None) -> Incident:
    """data/incident.yml; with routine, its part 2 step ids are checked too."""
    path, rel = data_path("incident.yml", root)
    checks = (lambda incident: step_problems(incident, routine)) if routine else None
    return load_model(path, Incident, rel, checks=checks)


def load_course(root: Path = ROOT, routine: Routine | None = None) -> Course:
    """data/course.yml; its links may point at the ids the routine table writes
    on the pages that call routine_table() (Bilaga 3: #steg-3-1-3)."""
    if routine is None:
        try:
            routine = load_routine(root)
        except DataError:
            routine = None  # reported by load_routine itself in load_all
    # None: the routine did not load, so the ids it would write are not checked.
    anchors = {"routine_table": routine.table_anchors() if routine else None}
    try:
        numbers = frozenset(s.number for s in load_situations(root).situations)
    except DataError:
        numbers = None  # reported by load_situations itself in load_all
    path, rel = data_path("course.yml", root)
    return load_model(path, course_model(root / "docs", anchors, numbers), rel)


def load_all(root: Path = ROOT) -> dict[str, object]:
    """Every data file, validated; all problems of all files in one DataError.

    Keys: strings, routine, contacts, incident, course, corrections, situations, printables. Other helpers (a print page,
    the emergency page) can call this to render from the same validated data.
    """
    loaders = {
        "strings": load_strings,
        "routine": load_routine,
        "contacts": load_contacts,
        "incident": lambda r: load_incident(r, loaded.get("routine")),
        "course": lambda r: load_course(r, loaded.get("routine")),
        "corrections": load_corrections,
        "situations": load_situations,
        "printables": load_printables,
    }
    loaded: dict[str, object] = {}
    problems = []
    for name, load in loaders.items():
        try:
            loaded[name] = load(root)
        except DataError as error:
            # A file read by two loaders (situations by printables) reports once.
            problems.extend(p for p in error.problems if p not in problems)
    if problems:
        raise DataError(problems)
    return loaded
