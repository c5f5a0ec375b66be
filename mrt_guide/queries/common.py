"""The loaded dataset with its indexes, and helpers every query uses."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from ..status import GuideError
from ..suggest import closest

Record = dict[str, Any]


FIGURE_OPTIONAL = ("upper", "qualifier", "year_end", "measure", "article", "note")
FACT_OPTIONAL = {"figures": list, "article": lambda: None, "note": lambda: None}
CLAIM_OPTIONAL = ("value", "correction")
"""Keys the dataset may leave out; JSON output always has them, so its keys are stable.

tests/test_json_contract.py checks these against the pydantic models."""


def records(obj: Any) -> Iterator[Record]:
    """Every JSON object inside ``obj``, depth first, each yielded before its contents
    are visited (so a caller may add keys to it)."""
    if isinstance(obj, dict):
        yield obj
        for value in obj.values():
            yield from records(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from records(item)


def is_figure(record: Record) -> bool:
    return "unit" in record and "value" in record and "id" in record


def _complete(obj: Any) -> None:
    """Give every figure, statement and article claim all of its keys, in place."""
    for rec in records(obj):
        if is_figure(rec):
            for key in FIGURE_OPTIONAL:
                rec.setdefault(key, None)
        elif "text" in rec and "id" in rec and "flag" in rec:
            for key, default in FACT_OPTIONAL.items():
                rec.setdefault(key, default())
        elif "says" in rec:
            for key in CLAIM_OPTIONAL:
                rec.setdefault(key, None)


class Guide:
    """The validated dataset (plain JSON by file name) with lookups by id."""

    def __init__(self, files: dict[str, Any]) -> None:
        _complete(files)
        self.files = files

    def __getitem__(self, section: str) -> Any:
        return self.files[f"{section}.json"]

    @cached_property
    def sources(self) -> dict[str, Record]:
        return {s["key"]: s for s in self["sources"]["sources"]}

    @cached_property
    def figures(self) -> dict[str, Record]:
        return {f["id"]: f for f in figures_in(self.files)}

    @cached_property
    def certifications(self) -> list[Record]:
        return self["certifications"]["certifications"]

    @cached_property
    def routes(self) -> list[Record]:
        return self["education"]["routes"]

    def certification(self, name: str) -> Record:
        """A certification by id or alias, any case; a usage error naming the closest one if unknown."""
        return _find("certification", name, self.certifications, lambda c: [c["id"], *c["aliases"]])

    def route(self, name: str) -> Record:
        """An education route by id or short name (``AAS``, ``bs-him``), any case."""
        return _find("degree", name, self.routes, lambda r: [r["short"], r["id"]])

    def figure_list(self, ids: list[str]) -> list[Record]:
        return [self.figures[i] for i in ids]

    def with_sources(self, result: dict[str, Any]) -> dict[str, Any]:
        """A command's records with the sources they cite, under ``sources``."""
        return {**result, "sources": self.cited(result)}

    def cited(self, *records: Any) -> dict[str, Record]:
        """The sources that ``records`` cite, by key, in the order first cited."""
        keys: dict[str, None] = {}
        for rec in records:
            for key in source_keys(rec):
                keys.setdefault(key, None)
        return {k: self.sources[k] for k in keys}


def figures_in(obj: Any) -> Iterator[Record]:
    """Every figure record inside ``obj``, depth first."""
    return (rec for rec in records(obj) if is_figure(rec))


def source_keys(obj: Any) -> Iterator[str]:
    """The source key of every sourced record inside ``obj``, depth first."""
    return (rec["source"] for rec in records(obj) if isinstance(rec.get("source"), str) and "flag" in rec)


def choose(kind: str, value: str, choices: list[str], listed: list[str] | None = None) -> str:
    """The choice ``value`` names (any case, spaces around ignored); else a usage error naming the closest."""
    wanted = value.strip().casefold()
    for choice in choices:
        if choice.casefold() == wanted:
            return choice
    hint = closest(value.strip(), choices) if wanted else None
    if hint:
        raise GuideError(f"No {kind} '{display(value)}'. Did you mean {hint}?")
    raise GuideError(f"No {kind} '{display(value)}'. Choose one of: {', '.join(listed or choices)}.")


def _find(kind: str, name: str, records: list[Record], names: Any) -> Record:
    by_name = {n: rec for rec in records for n in names(rec)}
    return by_name[choose(kind, name, list(by_name), [names(rec)[0] for rec in records])]


def display(text: str, limit: int = 40) -> str:
    """User input made safe to echo on one line: control characters escaped, long input cut."""
    shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"
