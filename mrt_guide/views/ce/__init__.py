"""The ``ce`` commands' views, one module per document: ``status``, ``activities``,
``credentials``, ``report``. Shared here: the progress bar, amounts in words, the rule lines,
and the words for what the queries return as codes (what is still needed, each check, each note,
each warning). No view imports the store (``tests/test_ce_tags.py`` checks)."""

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


def check_detail(check: Mapping[str, Any], unit: str | None, words: Mapping[str, str]) -> str:
    """A rule's figures in words: "15 of 16 CEUs in the HIM domains (at least 80% of 20)"."""
    earned, required = check["earned"], check["required"]
    text = f"{num(earned)} of {num(required)} {units(unit, required)}"
    said = "" if check["tag"] is None else words.get(check["tag"], check["tag"])
    if check["kind"] == "total":
        return f"{text} in all"
    if check["kind"] == "share":
        return f"{text} {said} (at least {num(check['share'])}% of {num(check['of'])})"
    if check["kind"] == "minimum" or check["window"] is None:
        return f"{text} {said}"
    window = check["window"]
    text += f" {said} over {check['cycles']} cycles, {window['start']} to {window['end']}"
    return text + ("" if window["counted_from"] is None else f" (counted since {window['counted_from']})")


def needed_text(needed: Mapping[str, Any], words: Mapping[str, str]) -> str:
    """What is still needed, in words: "6 more CEUs, at least 2 from AHIMA ..., by 2027-03-12." """
    unit, missing = needed["unit"], needed["missing"]
    short = [f"at least {num(t['missing'])} {words.get(t['tag'], t['tag'])}" for t in needed["tags"]]
    if needed["code"] == "none":
        text = "Nothing more is needed for this cycle."
    elif needed["code"] == "short":
        parts = ", ".join([f"{num(missing)} {units(unit, missing)}", *short])
        text = f"{parts[0].upper()}{parts[1:]}; the cycle ended on {needed['by']}."
    else:
        parts = ", ".join([f"{num(missing)} more {units(unit, missing)}", *short])
        text = f"{parts[0].upper()}{parts[1:]}, by {needed['by']}."
    for later in needed["later"]:
        tag = later["tag"]
        said = "" if tag is None else f" {words.get(tag, tag)}"
        owed = f"{num(later['missing'])} {units(unit, later['missing'])}{said}"
        text += f" Also {owed} by {later['by']}, over {later['cycles']} cycles."
    return text


def warning_text(warning: Mapping[str, Any]) -> str:
    """ "Late since 2026-02-01: <the issuer's rule>" (from, while the day is still ahead)."""
    when = "since" if warning["passed"] else "from"
    return f"{warning['status'].capitalize()} {when} {warning['from']}: {warning['text']}"


def note_text(note: Mapping[str, Any], unit: str | None = None, on: str = "") -> str:
    """A note (a code and its particulars) in words; ``unit``: the cycle's; ``on``: the day asked about."""
    code, issuer, text = note["code"], note["issuer"], note["text"]
    extra = "" if text is None else f" {text}"
    if code == "recorded-dates":
        return "Dates recorded with 'mrt-guide ce cycle set'."
    if code == "follows-recorded":
        return "Follows on from the cycle recorded with 'mrt-guide ce cycle set'."
    if code == "dated-from":
        said = (
            f"Dated from {note['credential']}, earned {note['date']}, the earliest {issuer} credential "
            "in the log; a credential earned later counts from the first cycle that begins after it."
        )
        return said + ("" if text is None else f"{extra} Record them with 'mrt-guide ce cycle set {issuer}'.")
    if code == "required-recorded":
        return "Requirement recorded with 'mrt-guide ce cycle set --required'."
    if code == "counting":
        return (
            f"Time becomes {units(unit, 2)}: one per {num(note['minutes'])} minutes, a remainder of "
            f"{num(note['round_up_from'])} minutes or more counting as one ({note['source']}, "
            f"{note['flag']}); credits given with --ceus count as they are."
        )
    if code == "no-counting":
        return f"The dataset has no counting rule for {issuer}: time counts one {units(unit, 1)} per hour."
    if code == "no-carry-over":
        return f"{units(unit, 2)} beyond the requirement do not carry over to the next cycle."
    if code == "unknown-credential":
        return f"{note['credential']} is in the log but not in this dataset; it is left out."
    if code == "no-rules":
        return f"The dataset has no renewal rules for {issuer}: its cycles are unknown."
    if code == "no-length":
        return f"The dataset gives no cycle length for {note['credential']}: its cycles are unknown."
    if code == "first-cycle-later":
        return f"{issuer}: the first cycle begins {note['date']}, after {on}."
    if code == "no-credentials":
        return "No credentials in the log yet: 'mrt-guide ce credential add RHIT --earned YYYY-MM-DD'."
    if code == "period-unknown":
        return (
            f"{issuer}: the period and its deadline are unknown.{extra} Record the due date (and the "
            f"prorated amount shown for a first period): 'mrt-guide ce cycle set {issuer} --end "
            "YYYY-MM-DD --required N'."
        )
    return text or ""  # "combined", "replaced": the dataset's own words


def check_line(check: Mapping[str, Any], due: str, unit: str | None, words: Mapping[str, str]) -> Inline:
    """A rule's line: met or not, a bar, the figures, its deadline where it is not the cycle's."""
    mark = Span("✓ " if check["ok"] else "✗ ", "official" if check["ok"] else "warn")
    line: list[str | Span] = [
        mark,
        bar(float(check["earned"]), float(check["required"])),
        " ",
        check_detail(check, unit, words),
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
