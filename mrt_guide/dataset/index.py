"""The dataset as the commands see it: validated, normalised records with lookups by id.

Records are plain JSON (dicts and lists), exactly what the models dumped; every
lookup goes through the index that validation built from the models' ``Key``
markers, so nothing here guesses a record's kind from its keys. Stdlib only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from ..status import GuideError

Record = Any
"""A record as the models dumped it: JSON values, typed where a command shows it (`records.py`)."""
Path_ = list[int | str]


class Dataset:
    """The validated dataset: ``section(name)`` for a file's records, lookups by id."""

    def __init__(
        self, sections: dict[str, Any], index: dict[str, Any], directory: Path, bundled: bool
    ) -> None:
        self.sections = sections
        self.directory = directory
        self.bundled = bundled
        self._records: dict[str, dict[str, Path_]] = index["records"]
        self._sourced: list[list[Any]] = index["sourced"]

    def section(self, name: str) -> Any:
        return self.sections[name]

    def at(self, path: Path_) -> Any:
        """The record at ``[section, *path]``."""
        node: Any = self.sections
        for part in path:
            node = node[part]
        return node

    def ids(self, kind: str) -> list[str]:
        return list(self._records.get(kind, {}))

    def get(self, kind: str, key: str) -> Record:
        """The record of ``kind`` with id ``key``; the index guarantees it exists for any reference."""
        return self.at(self._records[kind][key])

    def path(self, kind: str, key: str) -> Path_:
        return list(self._records[kind][key])

    def all(self, kind: str) -> list[Record]:
        """Every record of ``kind``, in file order."""
        return [self.at(p) for p in self._records.get(kind, {}).values()]

    def within(self, kind: str, path: Path_) -> list[Record]:
        """Every record of ``kind`` inside the record at ``path`` (its own included)."""
        n = len(path)
        return [self.at(p) for p in self._records.get(kind, {}).values() if p[:n] == path]

    # lookups the queries use

    @cached_property
    def sources(self) -> dict[str, Record]:
        return {s["key"]: s for s in self.section("sources")["sources"]}

    @cached_property
    def figures(self) -> dict[str, Record]:
        return {key: self.at(p) for key, p in self._records.get("figure", {}).items()}

    @cached_property
    def every_id(self) -> frozenset[str]:
        """The id of every record of every kind (what a reference to a record can say)."""
        return frozenset(key for keys in self._records.values() for key in keys)

    def figure_list(self, ids: list[str]) -> list[Record]:
        return [self.figures[i] for i in ids]

    @property
    def certifications(self) -> list[Record]:
        return self.section("certifications")["certifications"]  # type: ignore[no-any-return]

    @property
    def routes(self) -> list[Record]:
        return self.section("education")["routes"]  # type: ignore[no-any-return]

    def certification(self, name: str) -> Record:
        """A certification by id or alias, any case; a usage error naming the closest one if unknown."""
        return _find("certification", name, self.certifications, lambda c: [c["id"], *c["aliases"]])

    def route(self, name: str) -> Record:
        """An education route by short name or id (``AAS``, ``bs-him``), any case."""
        return _find("degree", name, self.routes, lambda r: [r["short"], r["id"]])

    def issuer(self, issuer_id: str) -> Record:
        return self.get("issuer", issuer_id)

    def renewal_rules(self, issuer_id: str) -> Record | None:
        """An issuer's renewal rules, common to all of its credentials, if the dataset has them."""
        for rules in self.section("certifications")["recertification"]:
            if rules["issuer"] == issuer_id:
                return rules
        return None

    def goal(self, goal_id: str) -> Record:
        return self.get("goal", goal_id)

    def projection(self, projection_id: str) -> Record:
        return self.get("projection", projection_id)

    def factor(self, factor_id: str) -> Record:
        return self.get("factor", factor_id)

    def coursework(self, coursework_id: str | None) -> Record | None:
        return None if coursework_id is None else self.get("coursework", coursework_id)

    def purpose(self, purpose_id: str) -> Record:
        return self.get("purpose", purpose_id)

    # places (states.json, with imported OEWS figures)

    @property
    def states(self) -> list[Record]:
        """Every state with its figures (none for an optional states.json left out)."""
        return self.section("states")["states"]  # type: ignore[no-any-return]

    def state(self, name: str) -> Record:
        """A state by postal code or name, any case (``nj``, ``New Jersey``, ``new-jersey``);
        a usage error naming the closest one if unknown."""
        return _find("state", name, self.states, lambda s: [s["id"], s["name"], s["name"].replace(" ", "-")])

    @cached_property
    def soc_codes(self) -> dict[str, Record]:
        """The occupation code each source's figures are for, by source key."""
        return {key: code for code in self.section("states")["codes"] for key in code["figures_from"]}

    # sources

    def cited(self, *records: Any) -> dict[str, Record]:
        """The sources that ``records`` cite, by key, in the order first cited."""
        keys: dict[str, None] = {}
        for rec in records:
            for key in source_keys(rec):
                keys.setdefault(key, None)
        return {k: self.sources[k] for k in keys if k in self.sources}

    def with_sources(self, result: Mapping[str, Any]) -> dict[str, Any]:
        """A command's records with the sources they cite, under ``sources``."""
        return {**result, "sources": self.cited(result)}

    def sourced_counts(self) -> dict[str, int]:
        """How many sourced records (figures and statements) rest on each source."""
        counts: dict[str, int] = {}
        for path, key in self._sourced:
            if path[0] != "sources":
                counts[key] = counts.get(key, 0) + 1
        return counts


def records(obj: Any) -> Iterator[Record]:
    """Every JSON object inside ``obj``, depth first (iteratively: the whole guide holds
    thousands, and a generator per level would cost more than the walk)."""
    stack = [obj]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            yield node
            stack.extend(reversed(node.values()))
        elif isinstance(node, list):
            stack.extend(reversed(node))


def source_keys(obj: Any) -> Iterator[str]:
    """The source key of every sourced record inside ``obj``, depth first."""
    return (rec["source"] for rec in records(obj) if isinstance(rec.get("source"), str) and "flag" in rec)


def choose(kind: str, value: str, choices: list[str], listed: list[str] | None = None) -> str:
    """The choice ``value`` names (any case, spaces around ignored); else a usage error naming the closest."""
    wanted = value.strip().casefold()
    for choice in choices:
        if choice.casefold() == wanted:
            return choice
    from ..suggest import closest
    from ..textsafe import neutral_line

    hint = closest(value.strip(), choices) if wanted else None
    if hint:
        raise GuideError(f"No {kind} '{neutral_line(value, 40)}'. Did you mean {hint}?")
    raise GuideError(f"No {kind} '{neutral_line(value, 40)}'. Choose one of: {', '.join(listed or choices)}.")


def _find(kind: str, name: str, found: list[Record], names: Any) -> Record:
    by_name = {n: rec for rec in found for n in names(rec)}
    return by_name[choose(kind, name, list(by_name), [names(rec)[0] for rec in found])]
