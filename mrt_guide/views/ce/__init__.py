"""The ``ce`` commands' views, one module per document: ``status``, ``activities``,
``credentials``, ``report``. Shared here: the progress bar, amounts in words, the rule lines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...amounts import num as amount_text
from ...amounts import units as units
from .. import fmt
from ..doc import Inline, Span

BAR_CELLS = 16
STATE_WORDS = {
    "complete": ("Complete", "official"),
    "on-track": ("On track", None),
    "behind": ("Behind: fewer credits than the time gone by calls for", "warn"),
    "unmet": ("Ended short", "warn"),
}


def bar(earned: float, required: float) -> Span:
    """A fixed-width progress bar (16 cells, so it fits 40 columns with its figures)."""
    filled = BAR_CELLS if required <= 0 else min(BAR_CELLS, int(BAR_CELLS * earned / required))
    return Span("█" * filled + "░" * (BAR_CELLS - filled), "code")


def num(value: float | None) -> str:
    return "" if value is None else amount_text(value)


def length(a: Mapping[str, Any]) -> str:
    """An activity's length as logged: ``2 h 30 min`` or ``2 CEUs``."""
    if a["minutes"] is None:
        return f"{num(a['ceus'])} credits"
    hours, minutes = divmod(int(a["minutes"]), 60)
    return " ".join(p for p in (f"{hours} h" if hours else "", f"{minutes} min" if minutes else "") if p)


def counted(a: Mapping[str, Any]) -> str:
    return "; ".join(
        f"{c['issuer']} {num(c['credits'])} {units(c['unit'], c['credits'])}" for c in a["counted"]
    )


def tags(a: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    """An activity's marks by their short names (``tag_labels``, from the dataset)."""
    return ", ".join(labels.get(t, t) for t in a["tags"])


def check_line(check: Mapping[str, Any], due: str) -> Inline:
    """A rule's line: met or not, a bar, the figures, its deadline where it is not the cycle's."""
    mark = Span("✓ " if check["ok"] else "✗ ", "official" if check["ok"] else "warn")
    line: list[str | Span] = [
        mark,
        bar(float(check["earned"]), float(check["required"])),
        " ",
        check["detail"],
    ]
    if check["by"] != due:
        line.append(Span(f", by {check['by']}", "strong"))
    if check["source"]:
        line.append(Span(" " + fmt.cite_text(check), "muted"))
    return line


def state(cycle: Mapping[str, Any]) -> Span:
    words, style = STATE_WORDS[cycle["state"]]
    return Span(words, style)  # type: ignore[arg-type]


def dates(cycle: Mapping[str, Any]) -> str:
    how = "recorded" if cycle["dates"] == "recorded" else "computed"
    due = "" if cycle["due"] == cycle["end"] else f", due {cycle['due']}"
    return f"{cycle['start']} to {cycle['end']}{due} ({how})"


def held_line(h: Mapping[str, Any]) -> str:
    """A credential held and the cycle it joins: "CCS joins from 2027-03-13: 30 CEUs"."""
    name = f"{h['credential']} ({h['issuer']}, earned {h['earned']})"
    if h["dates"] == "unknown":
        full = (
            ""
            if h["full_required"] is None
            else (f"; a full period owes {num(h['full_required'])} {units(h['unit'], h['full_required'])}")
        )
        first = ", the first one prorated" if h["prorated"] else ""
        return f"{name}: period and deadline unknown until recorded{first}{full}."
    if h["joins"] is None:
        return f"{name}: counted in no cycle of the log."
    owed = f"{num(h['required'])} {units(h['unit'], h['required'])}"
    others = [c for c in h["with"] if c != h["credential"]]
    also = f" with {', '.join(others)}" if others else ""
    return f"{name}: joins from {h['joins']}{also}: {owed} by {h['due']}."
