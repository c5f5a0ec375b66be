"""``mrt-guide ce work``: the holder's work history in the CE log, and the months of each kind
of experience it holds (what ``plan --from-log`` counts against an exam's experience step).

The kinds are the dataset's ``experience_kinds`` (the work the eligibility pathways ask for);
periods are whole months, the last one open while it goes on. Stdlib only.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..dataset.index import Dataset, choose
from ..status import GuideError
from ..textsafe import neutral_line
from .ce import EARLIEST, LATEST, today

if TYPE_CHECKING:
    from ..records import CeWorkOut

_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


def kinds(ds: Dataset) -> dict[str, str]:
    """Each kind of experience the pathways ask for: its label, by id."""
    return {k["id"]: k["label"] for k in ds.section("certifications")["experience_kinds"]}


def role_id(ds: Dataset, role: str) -> str:
    """The kind ``role`` names (any case); a usage error suggesting the closest otherwise."""
    known = list(kinds(ds))
    if not known:
        raise GuideError("This dataset names no kinds of experience (certifications.json experience_kinds).")
    return choose("role", role, known)


def index(text: str) -> int:
    """``YYYY-MM`` as a count of months."""
    return int(text[:4]) * 12 + int(text[5:7]) - 1


def shown(count: int) -> str:
    return f"{count // 12:04d}-{count % 12 + 1:02d}"


def parse_month(text: str, what: str, on: dt.date | None = None) -> str:
    """``YYYY-MM`` within the log's years and not after this month; a usage error otherwise."""
    given = text.strip()
    match = _MONTH.fullmatch(given)
    quoted = neutral_line(text, 20)
    if not match or not 1 <= int(match[2]) <= 12:
        raise GuideError(f"Invalid {what} '{quoted}': give a year and month as YYYY-MM, e.g. 2024-09.")
    if int(match[1]) < EARLIEST.year:
        raise GuideError(f"Invalid {what} '{quoted}': before {EARLIEST.year}; check the year.")
    if int(match[1]) > LATEST.year:
        raise GuideError(f"Invalid {what} '{quoted}': after {LATEST.year}; check the year.")
    now = on or today()
    if index(given) > now.year * 12 + now.month - 1:
        raise GuideError(
            f"Invalid {what} '{quoted}': it is after this month; log work done (a period that goes on "
            "has no --end)."
        )
    return given


def period(
    ds: Dataset, role: str, start: str, end: str | None, on: dt.date | None = None
) -> tuple[str, str, str | None]:
    """A period to log, checked: its kind, first and last month."""
    kind = role_id(ds, role)
    first = parse_month(start, "--start", on)
    last = None if end is None else parse_month(end, "--end", on)
    if last is not None and last < first:
        raise GuideError(f"--end {last} comes before --start {first}: give the months in order.")
    return kind, first, last


def _months(start: str, end: str | None, now: int) -> range:
    last = now if end is None else index(end)
    return range(index(start), max(last, index(start) - 1) + 1)


def months(periods: Iterable[Mapping[str, Any]], on: dt.date | None = None) -> dict[str, int]:
    """Months of experience of each kind: every month in a period counts once, however many
    periods of that kind overlap it; an open period counts to this month."""
    now_day = on or today()
    now = now_day.year * 12 + now_day.month - 1
    seen: dict[str, set[int]] = {}
    for p in periods:
        seen.setdefault(str(p["role"]), set()).update(_months(str(p["start"]), p["end"], now))
    return {role: len(found) for role, found in seen.items()}


def work_list(ds: Dataset, periods: list[dict[str, Any]], on: dt.date | None = None) -> CeWorkOut:
    """The log's work periods (each with its months) and the months of each kind."""
    day = on or today()
    now = day.year * 12 + day.month - 1
    labels = kinds(ds)
    totals = months(periods, day)
    return {
        "as_of": shown(now),
        "work": [
            {
                "id": p["id"],
                "role": p["role"],
                "label": labels.get(p["role"]),
                "start": p["start"],
                "end": p["end"],
                "employer": p["employer"],
                "months": len(_months(p["start"], p["end"], now)),
            }
            for p in periods
        ],
        "totals": [
            {"role": role, "label": labels.get(role), "months": totals[role]}
            for role in [*labels, *sorted(set(totals) - set(labels))]
            if role in totals
        ],
    }
