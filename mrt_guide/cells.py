"""Cells for a spreadsheet, stdlib only and free of the store: text defanged so a spreadsheet
shows it and never runs it, and ``ce report`` as rows (its CSV export and its plain-text
table). The store's CSV (``store/csvio.py``) and the report's view both use it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .amounts import num

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def defang(text: str) -> str:
    """A cell a spreadsheet will show as text, never run. Text that already looks defanged
    gets an apostrophe too, so ``undefang`` gives back exactly what was written."""
    return "'" + text if text.startswith(FORMULA) or _looks_defanged(text) else text


def undefang(text: str) -> str:
    return text[1:] if _looks_defanged(text) else text


def _looks_defanged(text: str) -> bool:
    second = text[1:2]
    return text.startswith("'") and second != "" and (second in FORMULA or second == "'")


def yes(value: bool) -> str:
    return "yes" if value else "no"


REPORT_COLUMNS = [
    "record", "issuer", "cycle_start", "cycle_end", "rule", "ok", "required", "earned", "unit",
    "id", "date", "title", "provider", "minutes", "ceus", "credits", "tags", "for",
    "evidence_file", "evidence_sha256", "evidence_state", "notes",
]  # fmt: skip
"""The audit packet as CSV: a ``total`` row per rule of each cycle, then an ``activity`` row per
activity (the columns that do not apply left empty)."""


def report_rows(data: Mapping[str, Any], *, safe: bool = True) -> Iterator[list[str]]:
    """``ce report`` as rows, header first; ``safe`` defangs text cells for a spreadsheet."""
    text = defang if safe else (lambda s: s)
    yield REPORT_COLUMNS
    blank = dict.fromkeys(REPORT_COLUMNS, "")

    def activity(a: dict[str, Any], issuer: str, start: str, end: str, unit: str) -> list[str]:
        ev = a["evidence"] or {}
        row = {
            **blank,
            "record": "activity",
            "issuer": issuer,
            "cycle_start": start,
            "cycle_end": end,
            "unit": unit,
            "id": str(a["id"]),
            "date": a["date"],
            "title": text(a["title"]),
            "provider": text(a["provider"] or ""),
            "minutes": "" if a["minutes"] is None else str(a["minutes"]),
            "ceus": "" if a["ceus"] is None else num(a["ceus"]),
            "credits": "" if a["credits"] is None else num(a["credits"]),
            "tags": " ".join(a["tags"]),
            "for": " ".join(a["for"]),
            "evidence_file": text(ev.get("file") or ev.get("name") or ""),
            "evidence_sha256": ev.get("sha256") or "",
            "evidence_state": a["evidence_state"] or "",
            "notes": text(a["notes"] or ""),
        }
        return list(row.values())

    for cycle in data["cycles"]:
        unit = cycle["unit"] or ""
        for check in cycle["checks"]:
            row = {
                **blank,
                "record": "total",
                "issuer": cycle["issuer"],
                "cycle_start": cycle["start"],
                "cycle_end": cycle["end"],
                "rule": check["rule"],
                "ok": yes(check["ok"]),
                "required": num(check["required"]),
                "earned": num(check["earned"]),
                "unit": unit,
            }
            yield list(row.values())
        for a in cycle["records"]:
            yield activity(a, cycle["issuer"], cycle["start"], cycle["end"], unit)
    for a in data["uncounted"]:
        yield activity(a, "", "", "", "")
