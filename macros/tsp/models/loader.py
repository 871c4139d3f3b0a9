"""Where the data files live and how each is read and validated; load_all() reads each file once."""

from __future__ import annotations

from pathlib import Path

from .. import ROOT
from ..languages import Languages
from .accessibility import Accessibility
from .base import Catalogue, Loc, Text, duplicates
from .contacts import Contacts, kind_problems
from .course import Course, course_model
from .datafile import DataError, load_model
from .incident import Incident, step_problems
from .organisation import Organisation, logo_problems, placeholders
from .printables import Printables, PrintablesFile, missing_pages, with_situations
from .routine import Routine
from .plan import load_corrections
from .situations import Situations, load_situations
from .string_keys import macro_arguments, missing_strings
from .summary import Summary


def data_path(name: str, root: Path = ROOT) -> tuple[Path, str]:
    """Absolute path and the data/NAME form used in messages."""
    return root / "data" / name, f"data/{name}"


def load_organisation(root: Path = ROOT) -> Organisation:
    path, rel = data_path("organisation.yml", root)
    return load_model(path, Organisation, rel,
                      checks=lambda organisation: logo_problems(organisation, root / "docs"))


def load_strings(root: Path = ROOT, organisation: Organisation | None = None) -> Catalogue:
    """data/strings.yml with {organisation} and the like filled in from
    data/organisation.yml (read here unless given)."""
    path, rel = data_path("strings.yml", root)
    strings = load_model(path, Catalogue, rel, checks=lambda s: missing_strings(s, root))
    organisation = organisation or load_organisation(root)
    return strings.filled({lang: placeholders(organisation, lang) for lang in Text.model_fields})


def _load_strings_unfilled(root: Path) -> Catalogue:
    """data/strings.yml checked on its own (data/organisation.yml has problems)."""
    path, rel = data_path("strings.yml", root)
    return load_model(path, Catalogue, rel, checks=lambda s: missing_strings(s, root))


def load_routine(root: Path = ROOT) -> Routine:
    path, rel = data_path("routine.yml", root)
    return load_model(path, Routine, rel)


def load_contacts(root: Path = ROOT, routine: Routine | None = None) -> Contacts:
    """data/contacts.yml; with routine, each contact's kind is checked against its roles."""
    path, rel = data_path("contacts.yml", root)
    checks = (lambda contacts: kind_problems(contacts, routine)) if routine else None
    return load_model(path, Contacts, rel, checks=checks)


def load_incident(root: Path = ROOT, routine: Routine | None = None) -> Incident:
    """data/incident.yml; with routine, its part 2 step ids are checked too."""
    path, rel = data_path("incident.yml", root)
    checks = (lambda incident: step_problems(incident, routine)) if routine else None
    return load_model(path, Incident, rel, checks=checks)


def load_printables(root: Path = ROOT, situations: Situations | None = None) -> Printables:
    """data/printables.yml with the situations' action cards (data/situations.yml);
    each printable's page must exist in docs/."""
    situations = situations or load_situations(root)
    path, rel = data_path("printables.yml", root)

    def checks(file: PrintablesFile) -> list[tuple[Loc, str]]:
        if file.problems():
            return []  # an entry without id, page or title: reported, and no card can be made
        merged = with_situations(file, situations)
        ids = [(("printables",), p.id) for p in merged.printables]
        found = [(loc, message.replace("duplicate printable id", "printable id") +
                  " (data/situations.yml names it too)")
                 for loc, message in duplicates(ids, "printable")]
        return found + missing_pages(file, root / "docs")

    return with_situations(load_model(path, PrintablesFile, rel, checks=checks), situations)


def load_accessibility(root: Path = ROOT) -> Accessibility:
    """data/accessibility.yml: the accessibility statement's claims and their tests."""
    path, rel = data_path("accessibility.yml", root)
    return load_model(path, Accessibility, rel)


def load_summary(root: Path = ROOT) -> Summary:
    """data/summary.yml: how the yearly summary counts exported reports."""
    path, rel = data_path("summary.yml", root)
    return load_model(path, Summary, rel)


def load_course(root: Path = ROOT, routine: Routine | None = None,
                languages: Languages | None = None,
                situations: Situations | None = None) -> Course:
    """data/course.yml; its links must resolve in every language, and may point
    at the ids the routine table writes on the pages that call routine_table()
    (Bilaga 3: #steg-3-1-3)."""
    languages = languages or Languages.from_file(root / "mkdocs.yml")
    if routine is None:
        try:
            routine = load_routine(root)
        except DataError:
            routine = None  # reported by load_routine itself in load_all
    # None: the routine did not load, so the ids it would write are not checked.
    anchors = {"routine_table": routine.table_anchors() if routine else None}
    try:
        situations = situations or load_situations(root)
        numbers = frozenset(s.number for s in situations.situations)
    except DataError:
        numbers = None  # reported by load_situations itself in load_all
    path, rel = data_path("course.yml", root)
    return load_model(path, course_model(root / "docs", languages, anchors, numbers), rel,
                      checks=lambda course: module_calls(course, root))


def module_calls(course: Course, root: Path) -> list[tuple[tuple, str]]:
    """Every `course_module("id")` in the pages must name a module of data/course.yml."""
    known = {m.id for m in course.modules}
    return [(("modules",), f"no module has the id '{module}', which {page} shows with "
                           f"course_module(\"{module}\")")
            for page, module in macro_arguments(root, "course_module") if module not in known]


def load_all(root: Path = ROOT, languages: Languages | None = None) -> dict[str, object]:
    """Every data file, validated; all problems of all files in one DataError.

    Keys: organisation, strings, routine, contacts, incident, course, corrections, situations,
    printables, summary, accessibility. Other helpers (a print page,
    the emergency page) can call this to render from the same validated data.
    """
    loaders = {
        "organisation": load_organisation,
        # Without a valid organisation the strings are checked unfilled.
        "strings": lambda r: (load_strings(r, loaded["organisation"]) if "organisation" in loaded
                              else _load_strings_unfilled(r)),
        "routine": load_routine,
        "contacts": lambda r: load_contacts(r, loaded.get("routine")),
        "incident": lambda r: load_incident(r, loaded.get("routine")),
        "corrections": load_corrections,
        "situations": lambda r: load_situations(r, loaded.get("corrections")),
        "course": lambda r: load_course(r, loaded.get("routine"), languages,
                                        loaded.get("situations")),
        "printables": lambda r: load_printables(r, loaded.get("situations")),
        "summary": load_summary,
        "accessibility": load_accessibility,
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
