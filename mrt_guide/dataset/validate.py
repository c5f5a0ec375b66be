"""Validation: parsed files through the models and the cross-record checks, out comes the
normalised dataset every command reads (the models' own dump, defaults filled) and its index.

Imports pydantic, so only a dataset that is new or changed comes here (``load.py``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from .checks import check
from .faults import Fault, json_path
from .models import model_for
from .sections import SECTIONS

_HINTS = {
    "missing": "Field required: add this key.",
    "extra_forbidden": "Unknown key: remove it, or check its spelling.",
    "bool_type": "Write true or false, without quotes.",
    "list_type": "Write a list: [ ... ].",
    "model_type": "Write an object: { ... }.",
    "dict_type": "Write an object: { ... }.",
    "string_type": "Write text in double quotes.",
}
"""Pydantic messages that say what is wrong but not what to do, reworded."""


def _message(err: Any) -> str:
    kind = err["type"]
    if kind in ("int_type", "float_type") and isinstance(err.get("input"), str):
        return "Write a number, without quotes."
    if kind in ("int_type", "float_type"):
        return "Write a number."
    return _HINTS.get(kind) or str(err["msg"]).removeprefix("Value error, ")


def _without_tags(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """A location without the names pydantic gives the members of a union (``value.int``)."""
    return tuple(
        part for part in loc if part not in ("int", "float") and not str(part).startswith("function-")
    )


def validate(
    parsed: dict[str, Any], shown: dict[str, str]
) -> tuple[dict[str, Any], dict[str, Any], list[Fault]]:
    """Validate ``parsed`` (section name to its JSON; None for an optional file left out).

    Returns the normalised sections, the index (as JSON) and the faults; the first two
    are empty when there is any fault.
    """
    faults: dict[tuple[str, str, str], Fault] = {}
    models: dict[str, tuple[str, BaseModel]] = {}
    for section in SECTIONS:
        if section.name not in parsed:
            continue
        cls = model_for(section.model)
        data = parsed[section.name]
        try:
            model = cls() if data is None else cls.model_validate(data, strict=True)
        except ValidationError as exc:
            for err in exc.errors(include_url=False, include_input=True):
                fault = Fault(shown[section.name], json_path(_without_tags(err["loc"])), _message(err))
                faults.setdefault((fault.file, fault.path, fault.message), fault)
            continue
        models[section.name] = (shown[section.name], model)
    if faults or len(models) != len(SECTIONS):
        return {}, {}, list(faults.values())
    cross, index = check(models)
    if cross:
        return {}, {}, cross
    sections = {name: _ordered(model.model_dump(mode="json")) for name, (_, model) in models.items()}
    return sections, index.as_json(), []


_FIRST, _LAST = ("id", "key"), ("source", "flag")


def _ordered(value: Any) -> Any:
    """The dump with each record's id first and its source and flag last, as people read it
    (pydantic dumps inherited fields first)."""
    if isinstance(value, dict):
        keys = [k for k in _FIRST if k in value]
        keys += [k for k in value if k not in _FIRST and k not in _LAST]
        keys += [k for k in _LAST if k in value]
        return {k: _ordered(value[k]) for k in keys}
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value
