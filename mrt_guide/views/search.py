"""``mrt-guide search``: matches grouped by section, the words highlighted."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Bullets, Column, Document, Inline, Para, Span, Table, spans

if TYPE_CHECKING:
    from ..records import SearchOut

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


def _words(data: Mapping[str, Any]) -> list[str]:
    """Every word to mark: the searched words and their synonyms."""
    return [w for group in data.get("words") or [[t] for t in data["terms"]] for w in group if w.strip()]


def _line(r: Mapping[str, Any], words: list[str]) -> Inline:
    line: list[str | Span] = [*spans(highlight(r["title"], words))]
    figures = r["figures"]
    if len(figures) == 1 and figures[0]["id"] == r["id"]:
        fig = figures[0]
        line += [": ", Span(fmt.value(fig), "strong"), f" ({fmt.period(fig)}) ", *fmt.cite(fig)]
    else:
        labels = {f["label"] for f in figures}
        extra = [m for m in r["matches"] if m != r["title"] and m not in labels][:1]
        shown = [spans(highlight(m, words)) for m in extra] + [
            [*spans(highlight(f["label"], words)), ": ", Span(fmt.value(f), "strong"), f" ({fmt.period(f)})"]
            for f in figures
        ]
        for n, part in enumerate(shown):
            line += [" — " if n == 0 else "; ", *part]
    line += ["  → ", Span(fmt.command(r["link"]), "code")]
    return line


def build(data: SearchOut) -> Document:
    words = _words(data)
    doc = Document(f"Search: {' '.join(data['terms'])}")
    if not data["results"]:
        hint = f" Close words: {', '.join(data['suggestions'])}." if data["suggestions"] else ""
        return doc.add(Para(f"No match.{hint}"))
    sections: dict[str, list[Mapping[str, Any]]] = {}
    for r in data["results"]:
        sections.setdefault(r["section"], []).append(r)
    commands = sections.pop("commands", [])
    found = [r for r in data["results"] if r["section"] != "commands"]
    counted = (
        f"{fmt.count(len(found), 'match', 'matches')} in {fmt.count(len(sections), 'section', 'sections')}"
    )
    doc.add(Para(f"{counted}.", "muted"))
    if commands:
        doc.add(
            Bullets(
                [[Span(fmt.command(c["link"]), "code"), f"  {c['title']}"] for c in commands],
                title="Commands that answer it",
            )
        )
    for section, results in sections.items():
        doc.add(Bullets([_line(r, words) for r in results], title=f"{section} ({len(results)})"))
    return doc


def records(data: SearchOut) -> Table:
    return Table(
        [Column("id"), Column("Section"), Column("Title"), Column("Command")],
        [[r["id"], r["section"], r["title"], fmt.command(r["link"])] for r in data["results"]],
    )
