"""Checks across records: unique ids, resolved references, flags that match sources.

Works on validated models, walking the fields that carry ``Key``/``Ref`` markers,
so every fault names the JSON path where it sits.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..suggest import closest
from .faults import Fault, json_path
from .models import FLAG_SOURCE_KIND, Key, Ref

Loc = tuple[int | str, ...]


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
    for name, field in cls.model_fields.items():
        marker = _marker(field.annotation, field.metadata)
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


def _sourced(obj: Any, loc: Loc) -> Iterator[tuple[Loc, str, str]]:
    """Yield (location, source key, flag) for every record that has both."""
    if isinstance(obj, BaseModel):
        fields = type(obj).model_fields
        if "source" in fields and "flag" in fields:
            yield loc, obj.source, obj.flag  # type: ignore[attr-defined]
        for name in fields:
            yield from _sourced(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _sourced(item, (*loc, i))


def check(files: dict[str, tuple[str, BaseModel]]) -> list[Fault]:
    """Cross-record faults of a dataset whose files each validated alone.

    ``files`` maps a file name to (the name to show, its validated model).
    """
    keys: dict[str, dict[str, tuple[str, Loc]]] = {}
    refs: list[tuple[str, Loc, Ref, str]] = []
    faults: list[Fault] = []
    for shown, model in files.values():
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
            else:
                refs.append((shown, loc, marker, value))
    for shown, loc, marker, value in refs:
        known = keys.get(marker.kind, {})
        if value not in known:
            hint = closest(value, list(known))
            fix = f" Did you mean '{hint}'?" if hint else f" Add a {marker.kind} with this id first."
            faults.append(Fault(shown, json_path(loc), f"Unknown {marker.kind} '{value}'.{fix}"))
    sources = {
        s.key: s.kind
        for s in files["sources.json"][1].sources  # type: ignore[attr-defined]
    }
    for shown, model in files.values():
        for loc, source, flag in _sourced(model, ()):
            kind = sources.get(source)
            if kind is not None and FLAG_SOURCE_KIND[flag] != kind:
                faults.append(
                    Fault(
                        shown,
                        json_path((*loc, "flag")),
                        f"Flag '{flag}' does not match source '{source}', which is {kind}. "
                        f"Use flag '{_flag_for(kind)}' or cite a {FLAG_SOURCE_KIND[flag]} source.",
                    )
                )
    faults.extend(_names(files))
    return faults


def _names(files: dict[str, tuple[str, BaseModel]]) -> Iterator[Fault]:
    """Names typed on the command line (ids, aliases, short names) must not clash, ignoring case."""
    shown, certs = files["certifications.json"]
    yield from _clashes(
        shown,
        "certifications",
        [[cert.id, *cert.aliases] for cert in certs.certifications],  # type: ignore[attr-defined]
        lambda j: "id" if j == 0 else f"aliases[{j - 1}]",
    )
    shown, education = files["education.json"]
    yield from _clashes(
        shown,
        "routes",
        [[route.id, route.short] for route in education.routes],  # type: ignore[attr-defined]
        lambda j: ("id", "short")[j],
    )


def _clashes(shown: str, key: str, records: list[list[str]], field: Any) -> Iterator[Fault]:
    owner: dict[str, tuple[int, str]] = {}
    for i, names in enumerate(records):
        for j, name in enumerate(names):
            loc = f"{key}[{i}].{field(j)}"
            first = owner.setdefault(name.casefold(), (i, loc))
            if first[0] != i:
                yield Fault(
                    shown,
                    loc,
                    f"Name '{name}' is already used at {first[1]}; names must be unique, ignoring case.",
                )


def _flag_for(kind: str) -> str:
    return next(flag for flag, k in FLAG_SOURCE_KIND.items() if k == kind)
