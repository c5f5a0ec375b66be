"""``mrt-guide data imports``: the official files imported (OEWS, projections), and what each holds."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .doc import Column, Document, Inline, Para, Span, Table

if TYPE_CHECKING:
    from ..records import ImportsOut


def _table(data: Mapping[str, Any]) -> Table:
    rows: list[list[Inline]] = []
    for row in data["imports"]:
        info = row["summary"]
        if info is None:
            rows.append([row["id"], "-", "-", "-", Span("damaged", "warn")])
            continue
        rows.append(
            [
                row["id"],
                info["code"],
                info["archive"] or info["file"],
                f"{info['figures']:,}",
                "ok",
            ]
        )
    columns = [
        Column("id", no_wrap=True),
        Column("Code", no_wrap=True),
        Column("File"),
        Column("Figures", "right"),
        Column("Status"),
    ]
    return Table(columns, rows)


def build(data: ImportsOut) -> Document:
    doc = Document("Imported official files")
    folder = data["folder"] or "(no usable folder: check MRT_GUIDE_HOME)"
    if not data["imports"]:
        doc.add(
            Para(
                f"Nothing imported yet. Download BLS's OEWS pay file from {data['download']} "
                "and run: mrt-guide data import-oews FILE (or, for a newer edition of the "
                "projections: mrt-guide data import-projections FILE)"
            ),
            Para(f"Imports are kept in {folder}.", "muted"),
        )
        return doc
    doc.add(
        Para(
            "An OEWS id is the May survey and what the file covers (national, state, metro or "
            "all); a projections id (ep-2025-35) is the edition's ten-year period."
        ),
        _table(data),
        Para(f"Kept in {folder}.", "muted"),
    )
    for row in data["imports"]:
        if row["problem"]:
            doc.add(
                Para(
                    [
                        Span(f"{row['id']}: ", "strong"),
                        f"{row['problem']}. Import the file again, or run: "
                        f"mrt-guide data imports --remove {row['id']}",
                    ],
                    "warn",
                )
            )
    return doc


def records(data: ImportsOut) -> Table:
    return _table(data)
