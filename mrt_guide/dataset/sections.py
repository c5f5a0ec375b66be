"""The one table of the dataset's sections.

Each row says, for one data file: the pydantic model it must satisfy, whether it may
be left out (sections added after the first release are optional, so a custom
dataset made for an older release stays valid), which commands show it, which of
its records ``search`` looks through (and the command that shows each), which
parts of the whole guide it feeds, and which names it offers to shell completion.

Loading, validation, search, the whole guide and completion all iterate this table;
``tests/test_sections.py`` fails when a section is left out of any of them. Light:
no pydantic, no Rich (completion reads it on every TAB).
"""

from __future__ import annotations


class Find:
    """Records ``search`` looks through: ``path`` inside the section's file (dotted keys;
    ``*`` stands for every item of a list), and how the command that shows them is made:
    ``arg`` is the record field passed to ``command`` as its argument (``certs RHIT``);
    ``link`` names a ``module:function`` of ``mrt_guide.queries`` that makes the link
    instead; ``fields`` limits the search to those fields of the record."""

    __slots__ = ("arg", "command", "fields", "link", "path")

    def __init__(
        self,
        path: str,
        command: str,
        arg: str | None = None,
        link: str | None = None,
        fields: tuple[str, ...] = (),
    ) -> None:
        self.path, self.command, self.arg, self.link, self.fields = path, command, arg, link, fields


class Part:
    """A part of the whole guide: ``query`` (``module:function`` of ``mrt_guide.queries``) gives
    its records, ``view`` draws them: a module of ``mrt_guide.views`` (its ``build``), or
    ``module:function`` for a function returning the part's sections; ``order`` places it."""

    __slots__ = ("key", "order", "query", "view")

    def __init__(self, key: str, order: int, query: str, view: str) -> None:
        self.key, self.order, self.query, self.view = key, order, query, view


class Complete:
    """Names shell completion offers: ``fields`` of each record under ``path``."""

    __slots__ = ("fields", "name", "path")

    def __init__(self, name: str, path: str, fields: tuple[str, ...]) -> None:
        self.name, self.path, self.fields = name, path, fields


class Section:
    """One data file: ``model`` is its class name in ``mrt_guide.dataset.models``; ``optional``
    files (added after 0.1.0) may be left out and get the model's defaults; ``not_in_guide``
    says why the whole guide leaves it out, where it does.

    (Plain classes with ``__slots__``: every command, and every TAB, builds this table.)"""

    __slots__ = ("commands", "complete", "find", "model", "name", "not_in_guide", "optional", "parts")

    def __init__(
        self,
        name: str,
        model: str,
        commands: tuple[str, ...],
        find: tuple[Find, ...] = (),
        parts: tuple[Part, ...] = (),
        complete: tuple[Complete, ...] = (),
        optional: bool = False,
        not_in_guide: str = "",
    ) -> None:
        self.name, self.model, self.commands = name, model, commands
        self.find, self.parts, self.complete = find, parts, complete
        self.optional, self.not_in_guide = optional, not_in_guide

    @property
    def file(self) -> str:
        return f"{self.name}.json"


SECTIONS: tuple[Section, ...] = (
    Section(
        "occupation",
        "OccupationFile",
        ("about", "facts"),
        find=(
            Find("", "about", fields=("title", "also_called")),
            Find("summary", "about"),
            Find("specialties", "about"),
            Find("classification", "about"),
        ),
        parts=(Part("facts", 50, "facts:facts", "facts"), Part("about", 100, "work:about", "about")),
    ),
    Section(
        "steps",
        "StepsFile",
        ("steps",),
        find=(Find("steps", "steps"),),
        parts=(Part("steps", 200, "steps:steps", "steps"),),
    ),
    Section(
        "education",
        "EducationFile",
        ("degrees",),
        find=(
            Find("routes", "degrees", arg="short"),
            Find("coursework", "degrees"),
            Find("requirement", "degrees"),
            Find("choice_rule", "degrees"),
            Find("accreditation", "degrees"),
            Find("high_school", "degrees"),
            Find("bls_entry", "degrees"),
            Find("where_to_study", "degrees"),
        ),
        parts=(Part("degrees", 300, "education:degrees", "degrees"),),
        complete=(Complete("degree", "routes", ("short",)),),
    ),
    Section(
        "certifications",
        "CertificationsFile",
        ("certs",),
        find=(
            Find("certifications", "certs", arg="id"),
            Find("benefits", "certs"),
            Find("issuers", "certs"),
            Find("recertification.*.rules", "certs", link="certs:rule_link"),
        ),
        parts=(
            Part("certifications", 400, "certs:certs", "certs"),
            Part("certification_details", 410, "certs:details", "certs:details"),
        ),
        complete=(Complete("certification", "certifications", ("id", "aliases")),),
    ),
    Section(
        "pay",
        "PayFile",
        ("salary",),
        find=(
            Find("figures", "salary", link="pay:figure_link"),
            Find("factors", "salary"),
            Find("surveys", "salary"),
        ),
        parts=(
            Part("salary", 500, "pay:salary", "salary"),
            Part("salary_history", 510, "pay:history", "salary:history"),
        ),
    ),
    Section(
        "outlook",
        "OutlookFile",
        ("outlook",),
        find=(
            Find("trend", "outlook"),
            Find("comparison", "outlook"),
            Find("drivers", "outlook"),
            Find("projections", "outlook"),
            Find("employment", "outlook"),
        ),
        parts=(Part("outlook", 600, "outlook:outlook", "outlook"),),
    ),
    Section(
        "work",
        "WorkFile",
        ("duties", "skills", "workplaces"),
        find=(
            Find("duties_intro", "duties"),
            Find("duties", "duties"),
            Find("definition", "duties"),
            Find("tasks.items", "duties"),
            Find("bls_duties.items", "duties"),
            Find("skills_intro", "skills"),
            Find("skills", "skills"),
            Find("qualities.items", "skills"),
            Find("environment", "workplaces"),
            Find("settings", "workplaces"),
            Find("employer_shares", "workplaces"),
            Find("industries", "workplaces"),
        ),
        parts=(
            Part("duties", 700, "work:duties", "duties"),
            Part("skills", 710, "work:skills", "skills"),
            Part("workplaces", 720, "work:workplaces", "workplaces"),
        ),
    ),
    Section(
        "goals",
        "GoalsFile",
        ("plan",),
        find=(Find("goals", "plan", link="plan:goal_link"),),
        complete=(Complete("goal", "goals", ("id",)),),
        not_in_guide="a plan is personal: it needs the reader's own starting point",
    ),
    Section(
        "renewal",
        "RenewalFile",
        ("certs",),
        find=(
            Find("issuers.*.shares", "certs", link="certs:renewal_link"),
            Find("issuers.*.minimums", "certs", link="certs:renewal_link"),
            Find("issuers.*.combined", "certs", link="certs:renewal_link"),
            Find("issuers.*.rules", "certs", link="certs:renewal_link"),
        ),
        optional=True,
        not_in_guide="its rules are shown with each issuer's credentials",
    ),
    Section(
        "states",
        "StatesFile",
        ("salary",),
        find=(
            Find("states", "salary", link="places:state_link", fields=("id", "name", "note")),
            Find("national", "salary", link="places:states_link"),
        ),
        parts=(Part("states", 520, "places:states", "places:part"),),
        complete=(Complete("state", "states", ("id", "name")),),
        optional=True,
    ),
    Section(
        "careers",
        "CareersFile",
        ("careers",),
        find=(Find("careers", "careers", arg="id"),),
        parts=(Part("careers", 730, "careers:careers", "careers"),),
        complete=(Complete("career", "careers", ("id",)),),
        optional=True,
    ),
    Section(
        "sources",
        "SourcesFile",
        ("sources",),
        find=(Find("sources", "sources"),),
        parts=(Part("source_list", 900, "sources:sources", "sources:part"),),
    ),
)
"""Every section, in the order files are read and reported."""

BY_NAME: dict[str, Section] = {s.name: s for s in SECTIONS}
FILE_NAMES: tuple[str, ...] = tuple(s.file for s in SECTIONS)
COMPLETIONS: dict[str, tuple[Section, Complete]] = {c.name: (s, c) for s in SECTIONS for c in s.complete}


def parts() -> list[tuple[Section, Part]]:
    """The whole guide's parts in reading order."""
    return sorted(((s, p) for s in SECTIONS for p in s.parts), key=lambda sp: sp[1].order)


ARGUMENTS: dict[str, str] = {"certs": "certification", "degrees": "degree", "careers": "career"}
"""Commands whose argument names a record: the completion name whose names it accepts."""
LINKABLE: frozenset[str] = frozenset({c for s in SECTIONS for c in s.commands} | {"guide"})
"""Commands a link in the data or in a query may name."""
