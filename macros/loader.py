"""Where the data files live and how each is read, validated and cached."""

from __future__ import annotations

from pathlib import Path

from .contacts import Contacts
from .datafile import CHECKER_FAULT, DataError, Problem, load_model
from .incident import Incident, step_problems
from .course_models import Course, course_model
from .models import Catalogue
from .printables import load_printables
from .routine import Routine
from .string_keys import macro_arguments, missing_strings

ROOT = Path(__file__).resolve().parent.parent


def data_path(name: str, root: Path = ROOT) -> tuple[Path, str]:
    """Absolute path and the data/NAME form used in messages."""
    return root / "data" / name, f"data/{name}"


def load_strings(root: Path = ROOT) -> Catalogue:
    """data/strings.yml, with every entry the templates and macros print."""
    path, rel = data_path("strings.yml", root)
    return load_model(path, Catalogue, rel, checks=lambda strings: missing_strings(strings, root))


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
    path, rel = data_path("course.yml", root)
    return load_model(path, course_model(root / "docs", anchors), rel,
                      checks=lambda course: module_calls(course, root))


def module_calls(course: Course, root: Path) -> list[tuple[tuple, str]]:
    """Every `course_module("id")` in the pages must name a module of data/course.yml."""
    known = {m.id for m in course.modules}
    return [(("modules",), f"no module has the id '{module}', which {page} shows with "
                           f"course_module(\"{module}\")")
            for page, module in macro_arguments(root, "course_module") if module not in known]


def load_all(root: Path = ROOT) -> dict[str, object]:
    """Every data file, validated; all problems of all files in one DataError.

    Keys: strings, routine, contacts, incident, course, printables. Other helpers (a print page,
    the emergency page) can call this to render from the same validated data.
    """
    loaders = {
        "strings": load_strings,
        "routine": load_routine,
        "contacts": load_contacts,
        "incident": lambda r: load_incident(r, loaded.get("routine")),
        "course": lambda r: load_course(r, loaded.get("routine")),
        "printables": load_printables,
    }
    loaded: dict[str, object] = {}
    problems = []
    for name, load in loaders.items():
        try:
            loaded[name] = load(root)
        except DataError as error:
            problems.extend(error.problems)
        except Exception as error:  # noqa: BLE001 (the promise: a line, never a traceback)
            problems.append(Problem(f"data/{name}.yml", 1, "(file)",
                                    f"{CHECKER_FAULT} ({type(error).__name__}: {error})"))
    if problems:
        raise DataError(problems)
    return loaded
