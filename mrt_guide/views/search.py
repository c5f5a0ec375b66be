"""``mrt-guide search``: matches grouped by section, the words highlighted."""

from __future__ import annotations

import re
from typing import Any

from . import fmt
from .doc import Bullets, Column, Document, Inline, Para, Span, Table, spans

SNIPPET = 160


def highlight(text: str, terms: list[str]) -> Inline:
    """``text`` with every occurrence of a term marked, cut around the first one if long."""
    pattern = re.compile(
        "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True) if t), re.IGNORECASE
    )
    first = pattern.search(text)
    if first and len(text) > SNIPPET:
        start = max(0, first.start() - SNIPPET // 3)
        text = (
            ("…" if start else "")
            + text[start : start + SNIPPET]
            + ("…" if start + SNIPPET < len(text) else "")
        )
    parts: list[str | Span] = []
    last = 0
    for m in pattern.finditer(text):
        parts += [text[last : m.start()], Span(m.group(0), "match")]
        last = m.end()
    parts.append(text[last:])
    return [p for p in parts if p]


def build(data: dict[str, Any]) -> Document:
    terms = [t for t in data["terms"] if t.strip()]
    doc = Document(f"Search: {' '.join(data['terms'])}")
    if not data["results"]:
        hint = f" Close words: {', '.join(data['suggestions'])}." if data["suggestions"] else ""
        return doc.add(Para(f"No match.{hint}"))
    sections: dict[str, list[dict[str, Any]]] = {}
    for r in data["results"]:
        sections.setdefault(r["section"], []).append(r)
    n = len(data["results"])
    doc.add(
        Para(
            f"{fmt.count(n, 'match', 'matches')} in {fmt.count(len(sections), 'section', 'sections')}.",
            "muted",
        )
    )
    for section, results in sections.items():
        items: list[Inline] = []
        for r in results:
            line: list[str | Span] = [*spans(highlight(r["title"], terms))]
            extra = [m for m in r["matches"] if m != r["title"]][:1]
            for m in extra:
                line += [" — ", *spans(highlight(m, terms))]
            line += ["  → ", Span(fmt.command(r["link"]), "code")]
            items.append(line)
        doc.add(Bullets(items, title=f"{section} ({len(results)})"))
    return doc


def records(data: dict[str, Any]) -> Table:
    return Table(
        [Column("id"), Column("Section"), Column("Title"), Column("Command")],
        [[r["id"], r["section"], r["title"], fmt.command(r["link"])] for r in data["results"]],
    )
