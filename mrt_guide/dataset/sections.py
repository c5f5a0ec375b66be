"""The one table of the dataset's sections.

Each row says, for one data file: the pydantic model it must satisfy, whether it may
be left out (sections added after the first release are optional, so a custom
dataset made for an older release stays valid), which commands show it, and which
names it offers to shell completion.

Loading, validation and completion iterate this table. Above it, the query layer says
which records of each section ``search`` looks through (``queries/search.py FINDS``) and
which parts of the whole guide it feeds (``queries/guide.py PARTS``, drawn by
``views/guide.py VIEWS``); ``tests/test_sections.py`` fails when a section is left out
of any of them. Light: no pydantic, no Rich (completion reads it on every TAB).
"""

from __future__ import annotations


class Complete:
    """Names shell completion offers: ``fields`` of each record under ``path``."""

    __slots__ = ("fields", "name", "path")

    def __init__(self, name: str, path: str, fields: tuple[str, ...]) -> None:
        self.name, self.path, self.fields = name, path, fields


class Section:
    """One data file: ``model`` is its class name in ``mrt_guide.dataset.models``; ``optional``
    files (added after 0.1.0) may be left out and get the model's defaults.

    (Plain classes with ``__slots__``: every command, and every TAB, builds this table.)"""

    __slots__ = ("commands", "complete", "model", "name", "optional")

    def __init__(
        self,
        name: str,
        model: str,
        commands: tuple[str, ...],
        complete: tuple[Complete, ...] = (),
        optional: bool = False,
    ) -> None:
        self.name, self.model, self.commands = name, model, commands
        self.complete, self.optional = complete, optional

    @property
    def file(self) -> str:
        return f"{self.name}.json"


SECTIONS: tuple[Section, ...] = (
    Section(
        "occupation",
        "OccupationFile",
        ("about", "facts"),
    ),
    Section(
        "steps",
        "StepsFile",
        ("steps",),
    ),
    Section(
        "education",
        "EducationFile",
        ("degrees",),
        complete=(Complete("degree", "routes", ("short",)),),
    ),
    Section(
        "certifications",
        "CertificationsFile",
        ("certs",),
        complete=(
            Complete("certification", "certifications", ("id", "aliases")),
            Complete("experience-kind", "experience_kinds", ("id",)),
        ),
    ),
    Section(
        "pay",
        "PayFile",
        ("salary",),
    ),
    Section(
        "outlook",
        "OutlookFile",
        ("outlook",),
    ),
    Section(
        "work",
        "WorkFile",
        ("duties", "skills", "workplaces"),
    ),
    Section(
        "goals",
        "GoalsFile",
        ("plan",),
        complete=(Complete("goal", "goals", ("id",)),),
    ),
    Section(
        "renewal",
        "RenewalFile",
        ("certs",),
        optional=True,
        complete=(Complete("ce-tag", "tags", ("id",)),),
    ),
    Section(
        "states",
        "StatesFile",
        ("salary",),
        complete=(Complete("state", "states", ("id", "name")),),
        optional=True,
    ),
    Section(
        "careers",
        "CareersFile",
        ("careers",),
        complete=(Complete("career", "careers", ("id",)),),
        optional=True,
    ),
    Section(
        "sources",
        "SourcesFile",
        ("sources",),
    ),
)
"""Every section, in the order files are read and reported."""

BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}
FILE_NAMES: tuple[str, ...] = tuple(s.file for s in SECTIONS)
COMPLETIONS: dict[str, tuple[Section, Complete]] = {c.name: (s, c) for s in SECTIONS for c in s.complete}


ARGUMENTS: dict[str, str] = {"certs": "certification", "degrees": "degree", "careers": "career"}
"""Commands whose argument names a record: the completion name whose names it accepts."""
LINKABLE: frozenset[str] = frozenset({c for s in SECTIONS for c in s.commands} | {"guide"})
"""Commands a link in the data or in a query may name."""
