"""Checks across records, and the index they leave behind.

Works on validated models, walking the fields that carry ``Key``/``Ref`` markers,
so every fault names the JSON path where it sits: ids unique per kind, every
reference resolved, every flag matching its source's kind, names typed on the
command line unique, every link naming a command and an argument that exist, and
the assumptions the queries make about how records relate.

The walk also yields the index the commands use: for every kind of keyed record,
where each record sits (section and path), so a lookup by id never searches.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from ..suggest import closest
from .faults import Fault, json_path
from .models import (
    FLAG_SOURCE_KIND,
    CareersFile,
    CertificationsFile,
    EducationFile,
    Key,
    Link,
    PayFile,
    Ref,
    RenewalFile,
    SourcesFile,
    StatesFile,
)
from .sections import ARGUMENTS, COMPLETIONS, LINKABLE

Loc = tuple[int | str, ...]
Files = dict[str, tuple[str, BaseModel]]
"""Section name to (the file's name as shown to the user, its validated model)."""
M = TypeVar("M", bound=BaseModel)


@dataclass
class Index:
    """Where every keyed record sits: ``records[kind][id]`` is ``[section, *path]``; and
    the path and source of every sourced record (a record with ``source`` and ``flag``)."""

    records: dict[str, dict[str, list[int | str]]] = field(default_factory=dict)
    sourced: list[tuple[list[int | str], str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"records": self.records, "sourced": [[path, key] for path, key in self.sourced]}


def _marker(annotation: Any, metadata: list[Any]) -> Key | Ref | None:
    for item in metadata:
        if isinstance(item, (Key, Ref)):
            return item
    for arg in typing.get_args(annotation):
        found = _marker(arg, list(getattr(arg, "__metadata__", ())))
        if found is not None:
            return found
    return None


@functools.cache
def _markers(cls: type[BaseModel]) -> dict[str, Key | Ref]:
    out = {}
    for name, info in cls.model_fields.items():
        marker = _marker(info.annotation, info.metadata)
        if marker is not None:
            out[name] = marker
    return out


def _walk(obj: Any, loc: Loc) -> Iterator[tuple[Loc, Key | Ref, str]]:
    if isinstance(obj, BaseModel):
        markers = _markers(type(obj))
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            marker = markers.get(name)
            if marker is None:
                yield from _walk(value, (*loc, name))
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    yield (*loc, name, i), marker, item
            elif value is not None:
                yield (*loc, name), marker, value
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk(item, (*loc, i))


def _instances(obj: Any, cls: type[M], loc: Loc = ()) -> Iterator[tuple[Loc, M]]:
    """Every instance of ``cls`` inside ``obj``, with its location."""
    if isinstance(obj, cls):
        yield loc, obj
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _instances(getattr(obj, name), cls, (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _instances(item, cls, (*loc, i))


def _sourced(obj: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    """Yield (location, source key, flag) for every record that has both."""
    if isinstance(obj, BaseModel):
        fields = type(obj).model_fields
        if "source" in fields and "flag" in fields:
            yield loc, getattr(obj, "source"), getattr(obj, "flag")  # noqa: B009
        for name in fields:
            yield from _sourced(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _sourced(item, (*loc, i))


def _file(files: Files, section: str, cls: type[M]) -> tuple[str, M]:
    shown, model = files[section]
    if not isinstance(model, cls):
        raise TypeError(f"{section} is not a {cls.__name__}")
    return shown, model


def check(files: Files) -> tuple[list[Fault], Index]:
    """Cross-record faults of a dataset whose files each validated alone, and its index."""
    index = Index()
    keys: dict[str, dict[str, tuple[str, Loc]]] = {}
    refs: list[tuple[str, Loc, Ref, str]] = []
    faults: list[Fault] = []
    for section, (shown, model) in files.items():
        for loc, marker, value in _walk(model, ()):
            if isinstance(marker, Key):
                seen = keys.setdefault(marker.kind, {})
                if value in seen:
                    first_file, first_loc = seen[value]
                    faults.append(
                        Fault(
                            shown,
                            json_path(loc),
                            f"Duplicate {marker.kind} id '{value}'; it is already used at "
                            f"{first_file} {json_path(first_loc)}. Give this record another id.",
                        )
                    )
                else:
                    seen[value] = (shown, loc)
                    index.records.setdefault(marker.kind, {})[value] = [section, *loc[:-1]]
            else:
                refs.append((shown, loc, marker, value))
    for shown, loc, marker, value in refs:
        known = keys.get(marker.kind, {})
        if value not in known:
            hint = closest(value, list(known))
            fix = f" Did you mean '{hint}'?" if hint else f" Add a {marker.kind} with this id first."
            faults.append(Fault(shown, json_path(loc), f"Unknown {marker.kind} '{value}'.{fix}"))
    _, sources_file = _file(files, "sources", SourcesFile)
    kinds = {s.key: s.kind for s in sources_file.sources}
    for section, (shown, model) in files.items():
        for loc, source, flag in _sourced(model, ()):
            index.sourced.append(([section, *loc], source))
            kind = kinds.get(source)
            if kind is not None and FLAG_SOURCE_KIND[flag] != kind:
                faults.append(
                    Fault(
                        shown,
                        json_path((*loc, "flag")),
                        f"Flag '{flag}' does not match source '{source}', which is {kind}. "
                        f"Use flag '{_flag_for(kind)}' or cite a {FLAG_SOURCE_KIND[flag]} source.",
                    )
                )
    for rule in RULES:
        faults.extend(rule(files))
    return faults, index


def _names(files: Files) -> Iterator[Fault]:
    """Names typed on the command line (ids, aliases, short names) must not clash, ignoring case."""
    shown, certs = _file(files, "certifications", CertificationsFile)
    yield from _clashes(
        shown,
        "certifications",
        [[cert.id, *cert.aliases] for cert in certs.certifications],
        lambda j: "id" if j == 0 else f"aliases[{j - 1}]",
    )
    shown, education = _file(files, "education", EducationFile)
    yield from _clashes(
        shown,
        "routes",
        [[route.id, route.short] for route in education.routes],
        lambda j: ("id", "short")[j],
    )


def _clashes(shown: str, key: str, records: list[list[str]], where: Callable[[int], str]) -> Iterator[Fault]:
    owner: dict[str, tuple[int, str]] = {}
    for i, names in enumerate(records):
        for j, name in enumerate(names):
            loc = f"{key}[{i}].{where(j)}"
            first = owner.setdefault(name.casefold(), (i, loc))
            if first[0] != i:
                yield Fault(
                    shown,
                    loc,
                    f"Name '{name}' is already used at {first[1]}; names must be unique, ignoring case.",
                )


def completion_names(files: Files, name: str) -> list[str]:
    """The names completion ``name`` offers in validated ``files``."""
    section, spec = COMPLETIONS[name]
    _, model = files[section.name]
    found: list[str] = []
    for record in getattr(model, spec.path):
        for attr in spec.fields:
            value = getattr(record, attr)
            found += value if isinstance(value, list) else [value]
    return found


def _links(files: Files) -> Iterator[Fault]:
    """Every link names a command that exists, with an argument that command accepts."""
    for shown, model in files.values():
        for loc, link in _instances(model, Link):
            where = json_path((*loc, "command"))
            if link.command not in LINKABLE:
                hint = closest(link.command, sorted(LINKABLE))
                fix = f" Did you mean '{hint}'?" if hint else ""
                yield Fault(shown, where, f"Unknown command '{link.command}'.{fix}")
                continue
            arg_kind = ARGUMENTS.get(link.command)
            if arg_kind is None:
                if link.args:
                    yield Fault(shown, json_path((*loc, "args")), f"'{link.command}' takes no argument.")
                continue
            names = completion_names(files, arg_kind)
            folded = {n.casefold() for n in names}
            for i, arg in enumerate(link.args):
                if arg.casefold() not in folded:
                    hint = closest(arg, names)
                    fix = f" Did you mean '{hint}'?" if hint else ""
                    yield Fault(
                        shown,
                        json_path((*loc, "args", i)),
                        f"'{link.command} {arg}' names no {arg_kind}.{fix}",
                    )


def _issuers_have_credentials(files: Files) -> Iterator[Fault]:
    shown, certs = _file(files, "certifications", CertificationsFile)
    issued = {c.issuer for c in certs.certifications}
    renewal_shown, renewal = _file(files, "renewal", RenewalFile)
    ruled = [(shown, f"recertification[{i}]", r.issuer) for i, r in enumerate(certs.recertification)]
    ruled += [(renewal_shown, f"issuers[{i}]", r.issuer) for i, r in enumerate(renewal.issuers)]
    seen: set[str] = set()
    for where, loc, issuer in ruled:
        if issuer not in issued:
            yield Fault(
                where,
                f"{loc}.issuer",
                f"Issuer '{issuer}' has renewal rules but no certification; "
                "add its certifications or remove these rules.",
            )
        if where == renewal_shown:
            if issuer in seen:
                yield Fault(where, f"{loc}.issuer", f"Issuer '{issuer}' has two sets of rules; keep one.")
            seen.add(issuer)


def _apprentices(files: Files) -> Iterator[Fault]:
    """An apprentice title (CPC-A) is typed like any name: it must be one of its credential's aliases."""
    shown, certs = _file(files, "certifications", CertificationsFile)
    for i, cert in enumerate(certs.certifications):
        if cert.apprentice is not None and cert.apprentice.id not in cert.aliases:
            yield Fault(
                shown,
                f"certifications[{i}].apprentice.id",
                f"'{cert.apprentice.id}' is not an alias of {cert.id}; add it to the aliases "
                f"so that 'certs {cert.apprentice.id}' finds it.",
            )


def _routes(files: Files) -> Iterator[Fault]:
    """The planner picks a route per education level; only associate routes may be several
    (the AS/AAS rule chooses between them), and the rule's two routes are associate ones."""
    shown, education = _file(files, "education", EducationFile)
    seen: dict[str, int] = {}
    for i, route in enumerate(education.routes):
        if route.level != "associate" and route.level in seen:
            yield Fault(
                shown,
                f"routes[{i}].level",
                f"A second {route.level} route (the first is routes[{seen[route.level]}]); "
                "only associate routes may be several.",
            )
        seen.setdefault(route.level, i)
    levels = {r.id: r.level for r in education.routes}
    for name in ("if_bachelor_later", "if_no_bachelor_later"):
        chosen = getattr(education.choice_rule, name)
        if levels.get(chosen, "associate") != "associate":
            yield Fault(shown, f"choice_rule.{name}", f"'{chosen}' is not an associate route.")


def _pay(files: Files) -> Iterator[Fault]:
    shown, pay = _file(files, "pay", PayFile)
    if not any(f.measure == "median" and f.unit == "usd_per_year" for f in pay.figures):
        yield Fault(shown, "figures", "No median annual wage (measure median, unit usd_per_year); add one.")
    units = {f.id: f.unit for f in pay.figures}
    for i, spread in enumerate(pay.spreads):
        if len({units.get(f) for f in spread.figures}) > 1:
            yield Fault(shown, f"spreads[{i}].figures", "A spread's figures must share one unit.")


def _states(files: Files) -> Iterator[Fault]:
    """State codes and names are typed on the command line (unique, ignoring case), and every
    figure for a place says which occupation code it is for, through its source."""
    shown, states = _file(files, "states", StatesFile)
    yield from _clashes(
        shown, "states", [[state.id, state.name] for state in states.states], lambda j: ("id", "name")[j]
    )
    coded: dict[str, str] = {}
    for i, code in enumerate(states.codes):
        for j, source in enumerate(code.figures_from):
            if source in coded:
                yield Fault(
                    shown,
                    f"codes[{i}].figures_from[{j}]",
                    f"Source '{source}' is already given to code {coded[source]}; a source's figures "
                    "are for one code.",
                )
            coded.setdefault(source, code.code or code.title)
    places = [(f"national[{k}]", fig) for k, fig in enumerate(states.national)]
    places += [
        (f"states[{i}].figures[{k}]", fig)
        for i, state in enumerate(states.states)
        for k, fig in enumerate(state.figures)
    ]
    for loc, fig in places:
        if fig.source not in coded:
            yield Fault(
                shown,
                f"{loc}.source",
                f"Say which occupation code the figures of '{fig.source}' are for: add it to "
                "figures_from of one of codes.",
            )


def _careers(files: Files) -> Iterator[Fault]:
    """A career's survey pay is shown as a members' survey: it must be a figure of one."""
    shown, careers = _file(files, "careers", CareersFile)
    _, pay = _file(files, "pay", PayFile)
    surveyed = {f.id for survey in pay.surveys for f in survey.figures}
    for i, career in enumerate(careers.careers):
        for j, fig in enumerate(career.survey_pay):
            if fig not in surveyed:
                yield Fault(
                    shown,
                    f"careers[{i}].survey_pay[{j}]",
                    f"'{fig}' is not a figure of a salary survey in pay.json; name one of those.",
                )


def _flag_for(kind: str) -> str:
    return next(flag for flag, k in FLAG_SOURCE_KIND.items() if k == kind)


RULES: tuple[Callable[[Files], Iterator[Fault]], ...] = (
    _names,
    _links,
    _issuers_have_credentials,
    _apprentices,
    _routes,
    _pay,
    _states,
    _careers,
)
"""Checks of how records relate, each with a reason the queries rely on it."""
