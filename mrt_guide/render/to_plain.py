"""Tab-separated records: a header line, then one record per line. No color, no boxes."""

from __future__ import annotations

from ..views.doc import Table, plain_text


def _cell(value: object) -> str:
    text = plain_text(value)  # type: ignore[arg-type]
    return " ".join(text.replace("\t", " ").split())


def render(table: Table) -> str:
    lines = ["\t".join(c.header.lower().replace(" ", "_") for c in table.columns)]
    lines += ["\t".join(_cell(cell) for cell in row) for row in table.rows]
    return "\n".join(lines) + "\n"
