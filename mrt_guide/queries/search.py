"""``mrt-guide search``: find any record by a word, and the command that shows it in full.

What is searched comes from the section table (``dataset/sections.py``): each
section names its searchable records and the command that shows them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

from ..dataset.index import Dataset, Record
from ..dataset.sections import SECTIONS, Find
from .links import Link, link

# Keys whose values are codes, not words a reader would search for.
_SKIP = {"source", "flag", "unit", "measure", "kind", "url", "level", "qualifier"}


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if key not in _SKIP:
                yield from _strings(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from _strings(item)


def _title(rec: Record) -> str:
    for key in ("title", "name", "label", "text", "employer", "industry"):
        if isinstance(rec.get(key), str):
            return str(rec[key])
    return str(rec.get("id") or rec.get("key") or "")


def located(node: Any, parts: list[str], path: list[int | str]) -> Iterator[tuple[Record, list[int | str]]]:
    """The records at a ``Find`` path (``a.*.b``), each with its path from the section."""
    if node is None:  # an optional record the dataset leaves out
        return
    if not parts:
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield item, [*path, i]
        elif isinstance(node, dict):
            yield node, path
        return
    head, *rest = parts
    if head == "*":
        for i, item in enumerate(node):
            yield from located(item, rest, [*path, i])
    else:
        yield from located(node[head], rest, [*path, head])


def _link(ds: Dataset, find: Find, rec: Record, path: list[int | str]) -> Link:
    if find.link:
        module, function = find.link.split(":")
        made: Link = getattr(importlib.import_module(f"mrt_guide.queries.{module}"), function)(ds, rec, path)
        return made
    return link(find.command, *([str(rec[find.arg])] if find.arg else []))


def units(ds: Dataset) -> Iterator[tuple[str, Link, Record]]:
    """Every searchable record: (the command that shows it, the link to it, the record)."""
    for section in SECTIONS:
        for find in section.find:
            parts = find.path.split(".") if find.path else []
            for rec, path in located(ds.section(section.name), parts, [section.name]):
                shown = {k: rec[k] for k in find.fields} if find.fields else rec
                yield find.command, _link(ds, find, rec, path), shown


def search(ds: Dataset, terms: list[str]) -> dict[str, Any]:
    wanted = [t.casefold() for t in terms if t.strip()]
    results = []
    for section, found_link, rec in units(ds):
        rec_id = str(rec.get("id") or rec.get("key") or "")
        texts = [rec_id, *_strings(rec)]
        folded = [t.casefold() for t in texts]
        if all(any(w in f for f in folded) for w in wanted):
            matches = [t for t, f in zip(texts, folded, strict=True) if any(w in f for w in wanted)]
            if len(matches) > 1 and matches[0] == rec_id:
                matches = matches[1:]  # the id matched too, but the words say more
            results.append(
                {
                    "section": section,
                    "id": rec_id,
                    "title": _title(rec),
                    "link": found_link,
                    "matches": list(dict.fromkeys(matches)),
                }
            )
    return {"terms": terms, "results": results, "suggestions": [] if results else suggestions(ds, wanted)}


def suggestions(ds: Dataset, wanted: list[str]) -> list[str]:
    """Words of the dataset close to each searched word."""
    import difflib

    vocabulary = {
        w.casefold()
        for _, _, rec in units(ds)
        for text in _strings(rec)
        for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)
    }
    found: list[str] = []
    for word in wanted:
        found += difflib.get_close_matches(word, sorted(vocabulary), n=3, cutoff=0.75)
    return list(dict.fromkeys(found))
