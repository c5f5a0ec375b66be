"""The continuing-education log's answers: input checked, cycles dated, credits counted and
the issuer's rules applied, as JSON-ready records (the ``ce`` commands' ``--json``).

Every rule comes from the dataset (``renewal.json`` through ``queries.renewal``, the
credentials' CEUs and cycle lengths from ``certifications.json``); this module only
applies them to the activities in the log. Stdlib only, no I/O: the store reads and
writes, the commands wire the two together.

What the log assumes where the issuers' rules leave a gap (all said in the output):

- An issuer's cycles are dated from its earliest credential in the log. A credential
  earned later counts from the first cycle that begins on or after the day it was earned.
  Where the issuer sets the exact dates itself (AHIMA's modified cycles), ``ce cycle set``
  records them, and they replace the computed ones.
- A cycle's last day is the day before the cycle length has passed from its first day
  (``exam-date``), or 31 December (``calendar-year``).
- Time is turned into credits by the issuer's counting rule where the dataset has one
  (AHIMA: whole hours, a remainder of 45 minutes or more counting as one); otherwise one
  credit per hour. ``--ceus`` records the credits a certificate awards, counted as they are.
- An activity counts once toward its issuer's cycle, whichever of that issuer's
  credentials it is reported for.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, cast

from ..amounts import num as num
from ..amounts import units as units
from ..dataset.index import Dataset, Record
from ..status import GuideError
from ..textsafe import neutral_line, unsafe
from .figures import months_of

if TYPE_CHECKING:
    from ..records import (
        CeActivity,
        CeCredential,
        CeCredentialsOut,
        CeCycle,
        CeFee,
        CeHeld,
        CeHolder,
        CeListOut,
        CeReportActivity,
        CeReportCycle,
        CeReportOut,
        CeStatusOut,
    )
from .renewal import combined_requirement
from .renewal import rules as renewal_rules
from .renewal import tags as tag_records

TAGS = ("in_domain", "ahima_source", "category_a", "in_person")
"""The marks the log's CSV has a column for. What each means, whether it is marked by
default and which issuers count it are records in the dataset (``renewal.json`` ``tags``,
``tag_records``); ``tests/test_ce_tags.py`` keeps the two in step."""


def tag_words(ds: Dataset) -> dict[str, str]:
    """Each mark's words in a rule's line ("in the HIM domains"), by id."""
    return {t["id"]: t["words"] for t in tag_records(ds)}


def tag_labels(ds: Dataset) -> dict[str, str]:
    """Each mark's short name in a list of activities ("HIM domains"), by id."""
    return {t["id"]: t["short"] for t in tag_records(ds)}


def tag_id(ds: Dataset, name: str) -> str:
    """A mark's id from any case, with - for _ (``--tag ahima-source``); the closest suggested."""
    from ..dataset.index import choose

    known = [t["id"] for t in tag_records(ds)]
    return choose("tag", name.strip().replace("-", "_"), known)


CYCLE_CHOICES = ("current", "previous", "all")
STATES = ("complete", "on-track", "behind", "unmet")
"""complete: every rule due this cycle is met; on-track: not yet, but at least the share of
the requirement that the time gone by calls for (rounded down); behind: less than that;
unmet: the cycle has ended short."""

EARLIEST = dt.date(1930, 1, 1)
LATEST = dt.date(2199, 12, 31)
"""The latest date any option or file may give (a cycle end, ``--on``): later is a typo."""
MAX_MINUTES = 100 * 60
MAX_CREDITS = 100.0
LIMITS = {
    "title": 300,
    "provider": 200,
    "notes": 2000,
    "approval": 100,
    "name": 200,
    "member-id": 100,
    "employer": 200,
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def today() -> dt.date:
    return dt.date.today()


def clean(value: float) -> float | int:
    """A number for JSON: an int when whole."""
    value = round(float(value), 4)
    return int(value) if value.is_integer() else value


# checking what the user typed


def parse_date(text: str, what: str, *, future: bool = False, sheet: bool = False) -> dt.date:
    """``YYYY-MM-DD`` as a date; a one-line usage error naming ``what`` otherwise. Dates before
    1930, after 2199, or after today unless ``future``, are refused as typos. ``sheet`` (a CSV
    cell) also takes the forms spreadsheets write back: ``YYYY/MM/DD`` and ``M/D/YYYY`` (month
    first, as US spreadsheets do); a two-digit year or a day-first date is refused."""
    shown = neutral_line(text, 40)
    given = text.strip()
    if sheet:
        given = _sheet_date(given, what, shown)
    if not _DATE.fullmatch(given):
        forms = "YYYY-MM-DD, YYYY/MM/DD or M/D/YYYY" if sheet else "YYYY-MM-DD"
        raise GuideError(f"Invalid {what} '{shown}': give a date as {forms}, e.g. 2026-03-13.")
    try:
        day = dt.date.fromisoformat(given)
    except ValueError as exc:
        raise GuideError(f"Invalid {what} '{shown}': {exc}.") from None
    if day < EARLIEST:
        raise GuideError(f"Invalid {what} '{shown}': before {EARLIEST.year}; check the year.")
    if not future and day > today():
        raise GuideError(f"Invalid {what} '{shown}': it is in the future; log what is done.")
    if day > LATEST:
        raise GuideError(f"Invalid {what} '{shown}': after {LATEST.year}; check the year.")
    return day


_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})", re.ASCII)
_MONTH_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)
_SHORT_YEAR = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}", re.ASCII)


def _sheet_date(given: str, what: str, shown: str) -> str:
    """A date as a spreadsheet writes it back, as ``YYYY-MM-DD`` (anything else unchanged)."""
    if match := _SLASHED.fullmatch(given):
        year, month, day = match.groups()
    elif match := _MONTH_FIRST.fullmatch(given):
        month, day, year = match.groups()
        if int(month) > 12:
            raise GuideError(
                f"Invalid {what} '{shown}': M/D/YYYY is read month first (as US spreadsheets write it) "
                "and this one is day first; write it as YYYY-MM-DD."
            )
    elif _SHORT_YEAR.fullmatch(given):
        raise GuideError(
            f"Invalid {what} '{shown}': a two-digit year is ambiguous; write the date as YYYY-MM-DD."
        )
    else:
        return given
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _number(text: str, what: str) -> float:
    try:
        if not text.isascii() or "_" in text:  # float() also reads other scripts' digits and 1_000
            raise ValueError(text)
        value = float(text.strip().replace(",", "."))
    except ValueError:
        raise GuideError(f"Invalid {what} '{neutral_line(text, 40)}': give a number, e.g. 1.5.") from None
    if not math.isfinite(value):
        raise GuideError(f"Invalid {what} '{neutral_line(text, 40)}': give a number, e.g. 1.5.")
    return value


def parse_amount(
    hours: str | None,
    minutes: str | None,
    ceus: str | None,
    names: tuple[str, str, str] = ("--hours", "--minutes", "--ceus"),
) -> tuple[int | None, float | None]:
    """The activity's length in minutes, or the credits its certificate awards: exactly one of
    the three is given (``names`` says how the message calls them)."""
    h_name, m_name, c_name = names
    given = {k: v for k, v in ((h_name, hours), (m_name, minutes), (c_name, ceus)) if v is not None}
    if not given:
        raise GuideError(f"Give the activity's length ({h_name} or {m_name}) or its credits ({c_name}).")
    if len(given) > 1:
        raise GuideError(f"Give one of {h_name}, {m_name} or {c_name}, not {' and '.join(given)}.")
    ((what, text),) = given.items()
    shown = neutral_line(text, 40)
    value = _number(text, what)
    if value <= 0:
        raise GuideError(f"Invalid {what} '{shown}': it must be more than 0.")
    if what == c_name:
        return None, parse_credits(text, what)
    if what == m_name and not value.is_integer():
        raise GuideError(f"Invalid {what} '{shown}': give whole minutes.")
    if value > MAX_MINUTES:  # before multiplying: 1e308 hours is no number of minutes
        value = MAX_MINUTES + 1
    mins = round(value * 60) if what == h_name else int(value)
    if mins < 1:
        raise GuideError(f"Invalid {what} '{shown}': less than a minute.")
    if mins > MAX_MINUTES:
        raise GuideError(
            f"Invalid {what} '{shown}': longer than one activity runs ({MAX_MINUTES // 60} hours at "
            "most); check the number or split the activity."
        )
    return mins, None


def parse_credits(text: str, what: str) -> float:
    """A number of credits (CEUs or CE hours): more than 0, at most ``MAX_CREDITS``."""
    shown = neutral_line(text, 40)
    value = _number(text, what)
    if value <= 0:
        raise GuideError(f"Invalid {what} '{shown}': it must be more than 0.")
    if value > MAX_CREDITS:
        raise GuideError(
            f"Invalid {what} '{shown}': more than one activity earns ({num(MAX_CREDITS)} at most); "
            "check the number or split the activity."
        )
    return round(value, 2)


def parse_text(text: str | None, what: str, *, required: bool = False) -> str | None:
    """Text for the log: trimmed, no control or invisible characters, within its limit."""
    field = what.lstrip("-")
    if text is None or not text.strip():
        if required:
            raise GuideError(f"Missing {what}: give the activity's {field}.")
        return None
    bad = unsafe(text)
    if bad is not None:
        raise GuideError(f"Invalid {what}: it contains the control or invisible character {bad}.")
    cleaned = text.strip()
    limit = LIMITS[field]
    if len(cleaned) > limit:
        raise GuideError(f"Invalid {what}: {len(cleaned)} characters; at most {limit}.")
    return cleaned


def credential_id(ds: Dataset, name: str) -> str:
    """A credential's id from any case or alias (CTR finds ODS); the closest suggested otherwise."""
    return str(ds.certification(name)["id"])


def issuer_of(ds: Dataset, cred: str) -> str | None:
    try:
        return str(ds.certification(cred)["issuer"])
    except GuideError:
        return None


def issuer_id(ds: Dataset, name: str) -> str:
    from ..dataset.index import choose

    return choose("issuer", name, [i["id"] for i in ds.section("certifications")["issuers"]])


def targets(ds: Dataset, held: dict[str, str], given: list[str] | None) -> list[str]:
    """The credentials an activity is reported for: those named (each held), or every held
    credential when they are all of one issuer."""
    if not held:
        raise GuideError(
            "Add your credential first, e.g. 'mrt-guide ce credential add RHIT --earned 2025-03-13'."
        )
    if given:
        found = []
        for name in given:
            cred = credential_id(ds, name)
            if cred not in held:
                raise GuideError(
                    f"{cred} is not in the log; add it first: 'mrt-guide ce credential add {cred} "
                    "--earned YYYY-MM-DD'."
                )
            found.append(cred)
        return sorted(set(found))
    issuers = {issuer_of(ds, c) for c in held}
    if len(issuers) > 1:
        options = " or ".join(f"--for {c}" for c in held)
        raise GuideError(f"Say which credential the activity counts for: {options}.")
    return sorted(held)


def tags_for(ds: Dataset, creds: list[str], marked: dict[str, bool | None]) -> list[str]:
    """An activity's tags: those marked yes, and the defaults (``default`` in the data) not
    marked no, where a rule of one of its issuers counts them (in_domain means nothing to
    NCRA)."""
    counted: set[str] = set()
    for issuer in {issuer_of(ds, c) for c in creds} - {None}:
        found = renewal_rules(ds, str(issuer)) or {}
        counted |= {r["tag"] for r in [*found.get("shares", []), *found.get("minimums", [])]}
    defaults = {t["id"] for t in tag_records(ds) if t["default"]}
    known = [t["id"] for t in tag_records(ds)]
    order = known + [t for t in marked if t not in known]
    return [t for t in order if marked.get(t) or (marked.get(t) is None and t in defaults and t in counted)]


# cycles


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` that many months on; the month's last day where it is shorter (29 February)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(f"no date {months} months after {day}")  # pragma: no cover - 28 always exists


def _cycle_end(start: dt.date, months: int, calendar_year: bool, first: bool) -> dt.date:
    if not calendar_year:
        return add_months(start, months) - dt.timedelta(days=1)
    years = max(1, months // 12)
    # a first cycle ends on 31 December of the exam year plus the length; later ones, which
    # begin on 1 January, at the end of their last calendar year
    return dt.date(start.year + years - (0 if first else 1), 12, 31)


def due_date(end: dt.date, due: str) -> dt.date:
    return dt.date(end.year + 1, 1, 31) if due == "january-31-after" else end


def cycle_dates(
    anchor: dt.date, months: int, calendar_year: bool, recorded: dict[str, Any] | None, until: dt.date
) -> list[tuple[dt.date, dt.date, bool]]:
    """``(start, end, recorded)`` of each cycle from ``anchor`` until three past the one that
    holds ``until``. A recorded cycle replaces the computed one it overlaps (the days of that
    one before the recorded start belong to no cycle: no short cycle is invented owing a full
    requirement); the ones after follow on from its end."""
    out: list[tuple[dt.date, dt.date, bool]] = []
    rec_start = rec_end = None
    if recorded is not None:
        rec_start = dt.date.fromisoformat(recorded["start"])
        rec_end = (
            dt.date.fromisoformat(recorded["end"])
            if recorded["end"]
            else _cycle_end(rec_start, months, calendar_year, first=rec_start <= anchor)
        )
    start, first = anchor, True
    if rec_start is not None and rec_start <= anchor:
        start = rec_start
    beyond = 0
    while beyond < 4 and len(out) < 500:
        if rec_start is not None and rec_end is not None and start == rec_start:
            end, from_record = rec_end, True
        else:
            end, from_record = _cycle_end(start, months, calendar_year, first), False
            if rec_start is not None and start < rec_start <= end:
                # the issuer's recorded cycle replaces this one: the days before it are no
                # cycle of their own owing a full requirement (the issuer's record decides)
                start, first = rec_start, False
                continue
        out.append((start, end, from_record))
        start, first = end + dt.timedelta(days=1), False
        if start > until:
            beyond += 1
    return out


def credits(activity: Record, counting: Record | None) -> float:
    """What an activity counts for in an issuer's unit: the certificate's credits as they are;
    time by the issuer's counting rule (whole units, a remainder from the threshold up
    counting as one), else one per hour."""
    if activity["ceus"] is not None:
        return float(activity["ceus"])
    minutes = int(activity["minutes"])
    if counting is None:
        return minutes / 60
    per = int(counting["minutes_per_unit"]["value"])
    whole, rest = divmod(minutes, per)
    return float(whole + (1 if rest >= int(counting["round_up_from"]["value"]) else 0))


Activities = list[Record] | dict[str, list[Record]]
"""The log's activities, sorted by date: all of them (each names its credentials under ``for``),
or already split by issuer."""


class Issuer:
    """One issuer's part of the log: its rules, the held credentials, its cycles and activities."""

    __slots__ = (
        "activities",
        "anchor",
        "credits",
        "creds",
        "cycles",
        "dates",
        "id",
        "months",
        "recorded",
        "rules",
        "unknown",
        "words",
    )  # fmt: skip

    def __init__(
        self,
        ds: Dataset,
        issuer: str,
        creds: dict[str, dt.date],
        recorded: dict[str, Any] | None,
        activities: Activities,
        until: dt.date,
    ) -> None:
        self.id = issuer
        self.rules = renewal_rules(ds, issuer)
        self.words = tag_words(ds)
        self.creds = creds
        self.recorded = recorded
        if isinstance(activities, dict):
            self.activities = activities.get(issuer, [])
        else:
            self.activities = [a for a in activities if not creds.keys().isdisjoint(a["for"])]
        self.dates = [a["date"] for a in self.activities]  # sorted: the store lists by date
        self.credits = [credits(a, (self.rules or {}).get("counting")) for a in self.activities]
        self.anchor = min(creds, key=lambda c: (creds[c], c))
        self.months = months_of(ds.certification(self.anchor)["renewal"]["cycle"])
        self.cycles: list[dict[str, Any]] = []
        # AAPC: the period ends on the membership due date, which only the issuer knows, and
        # the first one owes a prorated total it does not publish: unknown until recorded
        self.unknown = bool(self.rules and self.rules.get("ends_on_membership_date")) and recorded is None
        if self.rules is None or self.months is None or self.unknown:
            return
        calendar_year = self.rules["anchor"] == "calendar-year"
        dated = cycle_dates(self.creds[self.anchor], self.months, calendar_year, recorded, until)
        for number, (start, end, from_record) in enumerate(dated):
            self.cycles.append(self._cycle(ds, number, start, end, from_record))

    def _cycle(
        self, ds: Dataset, number: int, start: dt.date, end: dt.date, from_record: bool
    ) -> dict[str, Any]:
        rules = self.rules or {}
        held = [c for c, earned in self.creds.items() if earned <= start] or [self.anchor]
        need = combined_requirement(ds, held)
        required = float(need["total"])
        recorded_required = from_record and self.recorded is not None and self.recorded["required"]
        if recorded_required:
            required = float(self.recorded["required"])  # type: ignore[index]
        combined = rules.get("combined")
        if len(need["credentials"]) > 1 and combined is not None:
            origin: Record = combined
        else:
            origin = ds.certification(need["credentials"][0])["renewal"]["ceus"]
        return {
            "number": number,
            "start": start,
            "end": end,
            "due": due_date(end, rules["due"]),
            "recorded": from_record,
            "required_recorded": bool(recorded_required),
            "credentials": need["credentials"],
            "replaced": need["replaced"],
            "how": need["how"],
            "derived": need["derived"],
            "required": required,
            "source": origin["source"],
            "flag": origin["flag"],
        }

    def current(self, on: dt.date) -> int | None:
        for i, c in enumerate(self.cycles):
            if c["start"] <= on <= c["end"]:
                return i
        return None

    def span(self, start: dt.date, end: dt.date) -> range:
        """The positions of the activities dated ``start`` to ``end``, both included."""
        if end < start:
            return range(0)
        lo = bisect.bisect_left(self.dates, start.isoformat())
        return range(lo, bisect.bisect_right(self.dates, end.isoformat(), lo))

    def within(self, start: dt.date, end: dt.date) -> list[Record]:
        """The activities dated ``start`` to ``end``, both included."""
        found = self.span(start, end)
        return self.activities[found.start : found.stop]

    def total(self, found: range, tag: str | None = None) -> float:
        """What the activities at ``found`` count for (those marked ``tag`` only, if given)."""
        if tag is None:
            return sum(self.credits[found.start : found.stop])
        acts, creds = self.activities, self.credits
        return sum(creds[i] for i in found if tag in acts[i]["tags"])

    def reach(self) -> int:
        """How many cycles a rule of this issuer counts across (2 for NCRA's in-person hours)."""
        return max((int(m["over_cycles"]) for m in (self.rules or {}).get("minimums", [])), default=1)

    def credit(self, activity: Record) -> float:
        return credits(activity, (self.rules or {}).get("counting"))


def issuers(
    ds: Dataset,
    held: dict[str, str],
    recorded: dict[str, dict[str, Any]],
    activities: Activities,
    until: dt.date,
) -> tuple[list[Issuer], list[str]]:
    """The issuers of the held credentials, and notes on credentials or rules the dataset lacks."""
    by_issuer: dict[str, dict[str, dt.date]] = {}
    notes = []
    for cred, earned in held.items():
        issuer = issuer_of(ds, cred)
        if issuer is None:
            notes.append(f"{cred} is in the log but not in this dataset; it is left out.")
            continue
        by_issuer.setdefault(issuer, {})[cred] = dt.date.fromisoformat(earned)
    found = []
    for issuer, creds in sorted(by_issuer.items()):
        one = Issuer(ds, issuer, creds, recorded.get(issuer), activities, until)
        if one.rules is None:
            notes.append(f"The dataset has no renewal rules for {issuer}: its cycles are unknown.")
        elif one.months is None:
            notes.append(f"The dataset gives no cycle length for {one.anchor}: its cycles are unknown.")
        found.append(one)
    return found, notes


def since(
    ds: Dataset, held: dict[str, str], recorded: dict[str, dict[str, Any]], on: dt.date, which: str
) -> dt.date | None:
    """The first day whose activities a command needs (None: all of them): the start of the
    current cycle at each issuer (``current``), of the one before (``previous``), and further
    back where a rule counts across cycles (``report-current``, ``report-previous``)."""
    if which == "all":
        return None
    found, _ = issuers(ds, held, recorded, [], on)
    back = {"current": 0, "previous": 1, "report-current": 0, "report-previous": 1}[which]
    starts = []
    for iss in found:
        index = iss.current(on)
        if index is None:
            continue
        extra = iss.reach() - 1 if which.startswith("report") else 0
        starts.append(iss.cycles[max(index - back - extra, 0)]["start"])
    return min(starts, default=on)


def reads(
    ds: Dataset, held: dict[str, str], recorded: dict[str, dict[str, Any]], on: dt.date
) -> dict[str, tuple[list[str], dt.date]]:
    """What ``ce status`` reads at each issuer: its credentials, and the first day needed (the
    previous cycle's start, or earlier where a rule counts across cycles)."""
    found, _ = issuers(ds, held, recorded, [], on)
    out = {}
    for iss in found:
        index = iss.current(on)
        if index is None:
            continue
        starts = [iss.cycles[max(index - 1, 0)]["start"]]
        for minimum in (iss.rules or {}).get("minimums", []):
            for i in {max(index - 1, 0), index}:
                window = _window(iss, i, int(minimum["over_cycles"]), minimum["applies_from"])
                if window is not None:
                    starts.append(_counts_from(iss, i, window[0], minimum["applies_from"]))
        out[iss.id] = (sorted(iss.creds), min(starts))
    return out


def _applies(applies_from: str | None, start: dt.date, end: dt.date) -> bool:
    return applies_from is None or end >= dt.date.fromisoformat(applies_from)


def evaluate(iss: Issuer, index: int, on: dt.date) -> dict[str, Any]:
    """Cycle ``index`` of ``iss`` as of ``on``: credits earned, every rule checked, its state,
    what is still needed in words, warnings and notes."""
    rules = iss.rules or {}
    cyc = iss.cycles[index]
    start, end, due = cyc["start"], cyc["end"], cyc["due"]
    unit = rules.get("unit")
    upto = min(end, on)
    acts = iss.span(start, upto)
    earned = iss.total(acts)
    required = cyc["required"]

    checks = [
        _check(
            "total", None, earned, required, due,
            f"{num(earned)} of {num(required)} {units(unit, required)} in all",
            cyc["source"], cyc["flag"],
        )
    ]  # fmt: skip
    for share in rules.get("shares", []):
        if not _applies(share["applies_from"], start, end):
            continue
        pct = float(share["share"]["value"])
        need = required * pct / 100
        have = iss.total(acts, share["tag"])
        detail = (
            f"{num(have)} of {num(need)} {units(unit, need)} {iss.words.get(share['tag'], share['tag'])} "
            f"(at least {num(pct)}% of {num(required)})"
        )
        checks.append(
            _check(share["id"], share["tag"], have, need, due, detail, share["source"], share["flag"])
        )
    for minimum in rules.get("minimums", []):
        amount = float(minimum["amount"]["value"])
        over = int(minimum["over_cycles"])
        if over == 1:
            if not _applies(minimum["applies_from"], start, end):
                continue
            have = iss.total(acts, minimum["tag"])
            said = iss.words.get(minimum["tag"], minimum["tag"])
            detail = f"{num(have)} of {num(amount)} {units(unit, amount)} {said}"
            checks.append(
                _check(
                    minimum["id"],
                    minimum["tag"],
                    have,
                    amount,
                    due,
                    detail,
                    minimum["source"],
                    minimum["flag"],
                )
            )
            continue
        window = _window(iss, index, over, minimum["applies_from"])
        if window is None:
            continue
        w_start, w_end, w_due = window
        w_upto = min(w_end, on)
        w_from = _counts_from(iss, index, w_start, minimum["applies_from"])
        have = iss.total(iss.span(w_from, w_upto), minimum["tag"])
        said = iss.words.get(minimum["tag"], minimum["tag"])
        detail = (
            f"{num(have)} of {num(amount)} {units(unit, amount)} {said} "
            f"over {over} cycles, {w_start.isoformat()} to {w_end.isoformat()}"
        )
        if w_from < w_start:
            detail += f" (counted since {w_from.isoformat()})"
        checks.append(
            _check(
                minimum["id"],
                minimum["tag"],
                have,
                amount,
                w_due,
                detail,
                minimum["source"],
                minimum["flag"],
                over,
            )
        )
    now = [c for c in checks if c["by"] == due.isoformat()]
    remaining = max([0.0] + [float(c["required"]) - float(c["earned"]) for c in now])
    met = all(c["ok"] for c in now)
    span = (end - start).days + 1
    elapsed = min(max((on - start).days + 1, 0), span) / span
    expected = math.floor(required * elapsed)
    if met:
        state = "complete"
    elif on > end:
        state = "unmet"
    elif earned >= expected:
        state = "on-track"
    else:
        state = "behind"
    out = {
        "id": f"{iss.id}-{start.isoformat()}",
        "issuer": iss.id,
        "credentials": cyc["credentials"],
        "start": start.isoformat(),
        "end": end.isoformat(),
        "due": due.isoformat(),
        "dates": "recorded" if cyc["recorded"] else "computed",
        "unit": unit,
        "required": clean(required),
        "earned": clean(earned),
        "remaining": clean(remaining),
        "expected": expected,
        "state": state,
        "activities": len(acts),
        "checks": checks,
    }
    out["needed"] = _needed(out, now, [c for c in checks if c not in now], iss.words)
    out["warnings"] = _warnings(iss, cyc, out, on)
    out["notes"] = _notes(iss, cyc)
    return out


def _check(
    rule: str, tag: str | None, earned: float, required: float, by: dt.date, detail: str,
    source: str | None, flag: str | None, cycles: int = 1,
) -> dict[str, Any]:  # fmt: skip
    return {
        "rule": rule,
        "tag": tag,
        "cycles": cycles,
        "ok": earned + 1e-9 >= required,
        "earned": clean(earned),
        "required": clean(required),
        "by": by.isoformat(),
        "detail": detail,
        "source": source,
        "flag": flag,
    }


def _window(
    iss: Issuer, index: int, over: int, applies_from: str | None
) -> tuple[dt.date, dt.date, dt.date] | None:
    """The ``over`` consecutive cycles a multi-cycle minimum counts across, for cycle ``index``:
    windows begin with the first cycle that starts on or after ``applies_from`` and follow
    on, one after another. None when the rule does not reach this cycle yet."""
    since = None if applies_from is None else dt.date.fromisoformat(applies_from)
    months = iss.months or 24

    def full_start(c: dict[str, Any]) -> dt.date:
        # where the cycle would begin had it run its full length (a first cycle begins on
        # the exam day, later than that): NCRA's windows are whole calendar cycles
        return (
            max(add_months(c["end"] + dt.timedelta(days=1), -months), EARLIEST)
            if ((iss.rules or {}).get("anchor") == "calendar-year")
            else c["start"]
        )

    eligible = [i for i, c in enumerate(iss.cycles) if since is None or full_start(c) >= since]
    if not eligible or index < eligible[0]:
        return None
    first = eligible[0] + (index - eligible[0]) // over * over
    last = min(first + over - 1, len(iss.cycles) - 1)
    return full_start(iss.cycles[first]), iss.cycles[last]["end"], iss.cycles[last]["due"]


def _counts_from(iss: Issuer, index: int, window_start: dt.date, applies_from: str | None) -> dt.date:
    """The first day whose hours count toward a window: its start, or, for the first window,
    the day the rule began (NCRA lets in-person education attended since then count)."""
    if applies_from is None:
        return window_start
    since = dt.date.fromisoformat(applies_from)
    first = window_start < add_months(since, iss.months or 24)
    return min(window_start, since) if first else window_start


def _needed(
    cycle: dict[str, Any], now: list[dict[str, Any]], later: list[dict[str, Any]], words: dict[str, str]
) -> str:
    """What is still needed, in words: "6 more CEUs, at least 2 from AHIMA ..., by 2027-03-12." """
    unit = cycle["unit"]
    short = [
        f"at least {num(c['required'] - c['earned'])} {words.get(c['tag'], c['tag'])}"
        for c in now
        if c["tag"] is not None and not c["ok"]
    ]
    remaining = float(cycle["remaining"])
    if cycle["state"] == "complete":
        text = "Nothing more is needed for this cycle."
    elif cycle["state"] == "unmet":
        parts = ", ".join([f"{num(remaining)} {units(unit, remaining)}", *short])
        text = f"{parts[0].upper()}{parts[1:]}; the cycle ended on {cycle['end']}."
    else:
        parts = ", ".join([f"{num(remaining)} more {units(unit, remaining)}", *short])
        text = f"{parts[0].upper()}{parts[1:]}, by {cycle['due']}."
    for c in later:
        if not c["ok"]:
            gap = float(c["required"]) - float(c["earned"])
            owed = f"{num(gap)} {units(unit, gap)} {words.get(c['tag'], c['tag'])}"
            text += f" Also {owed} by {c['by']}, over {c['cycles']} cycles."
    return text


def _warnings(iss: Issuer, cyc: dict[str, Any], out: dict[str, Any], on: dt.date) -> list[dict[str, Any]]:
    """For a cycle that ended short: what follows, and from when (the issuer's rules)."""
    if out["state"] != "unmet":
        return []
    found = []
    for after in (iss.rules or {}).get("after_end", []):
        days = 0 if after["after_days"] is None else int(after["after_days"]["value"])
        since = cyc["due"] + dt.timedelta(days=1 + days)
        when = "since" if on >= since else "from"
        found.append(
            {
                "status": after["status"],
                "from": since.isoformat(),
                "text": f"{after['status'].capitalize()} {when} {since.isoformat()}: {after['text']}",
                "source": after["source"],
                "flag": after["flag"],
            }
        )
    return found


def _notes(iss: Issuer, cyc: dict[str, Any]) -> list[str]:
    rules = iss.rules or {}
    unit = rules.get("unit")
    notes = []
    if cyc["recorded"]:
        notes.append("Dates recorded with 'mrt-guide ce cycle set'.")
    elif iss.recorded is not None and cyc["start"].isoformat() > str(iss.recorded["start"]):
        notes.append("Follows on from the cycle recorded with 'mrt-guide ce cycle set'.")
    elif len(iss.creds) > 1:
        text = (
            f"Dated from {iss.anchor}, earned {iss.creds[iss.anchor].isoformat()}, the earliest "
            f"{iss.id} credential in the log; a credential earned later counts from the first cycle "
            "that begins after it."
        )
        if rules.get("dates_set_by_issuer"):
            text += f" {rules['dates_set_by_issuer']} Record them with 'mrt-guide ce cycle set {iss.id}'."
        notes.append(text)
    if cyc["required_recorded"]:
        notes.append("Requirement recorded with 'mrt-guide ce cycle set --required'.")
    elif cyc["derived"]:
        notes.append(f"{(rules.get('combined') or {}).get('text', '')}".strip())
    if cyc["replaced"]:
        notes.append(
            " ".join(r["text"] for r in rules.get("replacements", []) if r["replaces"] in cyc["replaced"])
        )
    counting = rules.get("counting")
    if counting is not None:
        per, up = counting["minutes_per_unit"], counting["round_up_from"]
        notes.append(
            f"Time becomes {units(unit, 2)}: one per {num(per['value'])} minutes, a remainder of "
            f"{num(up['value'])} minutes or more counting as one ({counting['source']}, {counting['flag']}); "
            "credits given with --ceus count as they are."
        )
    elif any(a["minutes"] is not None for a in iss.activities):
        notes.append(
            f"The dataset has no counting rule for {iss.id}: time counts one {units(unit, 1)} per hour."
        )
    if rules.get("carry_over") is False:
        notes.append(f"{units(unit, 2)} beyond the requirement do not carry over to the next cycle.")
    return [n for n in notes if n]


# what the commands show


def profile_record(stored: dict[str, str]) -> dict[str, Any]:
    """The holder's profile as the packet carries it: name, and member ids by issuer."""
    ids = {k.removeprefix("member_").upper(): v for k, v in stored.items() if k.startswith("member_")}
    return {"name": stored.get("name"), "member_ids": dict(sorted(ids.items()))}


def profile_lines(stored: dict[str, str]) -> list[str]:
    rec = profile_record(stored)
    lines = [] if rec["name"] is None else [f"Name: {rec['name']}"]
    return lines + [f"{issuer} member id: {number}" for issuer, number in rec["member_ids"].items()]


def credential_cycles(
    ds: Dataset, held: dict[str, str], recorded: dict[str, dict[str, Any]], on: dt.date
) -> list[dict[str, Any]]:
    """Every credential held, the cycle it joins and what that cycle owes in all, as codes and
    numbers (``ce status``, ``ce report``, ``plan --from-log``). One record per credential:

    - ``credential``, ``issuer``, ``earned`` (ISO dates as strings throughout);
    - ``dates``: ``computed`` | ``recorded`` (``ce cycle set``) | ``unknown`` (the issuer sets
      them and none are recorded: AAPC's membership date) | ``none`` (no rules or length);
    - ``joins``, ``ends``, ``due``: the first cycle that counts it (None when unknown, or when
      a credential replacing it is held from the start);
    - ``required``: what that cycle owes in all, for every credential in it (the
      combined total), in ``unit``; ``with``: the credentials that cycle covers;
    - ``full_required``: what a full period owes for the issuer's credentials held on ``on``
      (for ``unknown``: the amount a whole period would owe; the first is prorated);
    - ``prorated``: True when the issuer prorates the first period (the amount is the issuer's).
    """
    found, _ = issuers(ds, held, recorded, [], on)
    out = []
    for iss in found:
        rules = iss.rules or {}
        now = [c for c, earned in iss.creds.items() if earned <= on] or [iss.anchor]
        full = None if rules == {} else clean(float(combined_requirement(ds, now)["total"]))
        for cred in sorted(iss.creds, key=lambda c: (iss.creds[c], c)):
            cyc = next((c for c in iss.cycles if cred in c["credentials"]), None)
            if iss.unknown:
                dates = "unknown"
            elif not iss.cycles:
                dates = "none"
            else:
                dates = "recorded" if cyc is not None and cyc["recorded"] else "computed"
            out.append(
                {
                    "credential": cred,
                    "issuer": iss.id,
                    "earned": iss.creds[cred].isoformat(),
                    "dates": dates,
                    "joins": None if cyc is None else cyc["start"].isoformat(),
                    "ends": None if cyc is None else cyc["end"].isoformat(),
                    "due": None if cyc is None else cyc["due"].isoformat(),
                    "required": None if cyc is None else clean(cyc["required"]),
                    "with": [] if cyc is None else list(cyc["credentials"]),
                    "full_required": full,
                    "unit": rules.get("unit"),
                    "prorated": bool(rules.get("first_period_prorated")),
                }
            )
    return out


def _unknown_notes(found: list[Issuer]) -> list[str]:
    notes = []
    for iss in found:
        if iss.unknown:
            rules = iss.rules or {}
            notes.append(
                f"{iss.id}: the period and its deadline are unknown. {rules.get('dates_set_by_issuer', '')} "
                f"Record the due date (and the prorated amount shown for a first period): 'mrt-guide ce "
                f"cycle set {iss.id} --end YYYY-MM-DD --required N'."
            )
    return notes


def _fee_dates(iss: Issuer, due: str, on: dt.date, until: dt.date) -> list[dt.date]:
    """The days from ``on`` to ``until`` that a fee of ``iss`` is due: every 31 January; the
    end of each cycle; the membership due date, known only from a recorded period's end
    (AAPC reports CEUs on it, C1), every year. Empty when unknown."""
    if due == "january-31":
        first = on.year if on <= dt.date(on.year, 1, 31) else on.year + 1
        return [dt.date(y, 1, 31) for y in range(first, until.year + 1) if dt.date(y, 1, 31) <= until]
    if due == "cycle-end":
        return [c["end"] for c in iss.cycles if on <= c["end"] <= until]
    recorded = next((c for c in iss.cycles if c["recorded"]), None)
    if recorded is None:
        return []
    base = recorded["end"]
    years = (on.year - base.year) - 1
    found = []
    while (day := add_months(base, 12 * years)) <= until:
        if day >= on:
            found.append(day)
        years += 1
    return found


def _fee_due(iss: Issuer, due: str, on: dt.date) -> dt.date | None:
    """The next day on or after ``on`` that a fee of ``iss`` is due; None when unknown."""
    found = _fee_dates(iss, due, on, dt.date(on.year + 5, 12, 31))
    return found[0] if found else None


def fee_records(found: list[Issuer], on: dt.date) -> list[dict[str, Any]]:
    """The fees that keep the held credentials (``renewal.json`` ``fees``): the rule codes, the
    next due date (None when unknown), the amounts the sources give and what was not found."""
    out = []
    for iss in found:
        for fee in (iss.rules or {}).get("fees", []):
            nxt = _fee_due(iss, fee["due"], on)
            out.append(
                {
                    "id": fee["id"],
                    "issuer": iss.id,
                    "credentials": sorted(iss.creds, key=lambda c: (iss.creds[c], c)),
                    "label": fee["label"],
                    "every": fee["every"],
                    "due": fee["due"],
                    "next": None if nxt is None else nxt.isoformat(),
                    "figures": fee["figures"],
                    "not_found": fee["not_found"],
                    "text": fee["text"],
                    "source": fee["source"],
                    "flag": fee["flag"],
                }
            )
    return out


def status(
    ds: Dataset,
    held: dict[str, str],
    recorded: dict[str, dict[str, Any]],
    activities: Activities,
    on: dt.date,
) -> CeStatusOut:
    """``ce status``: each issuer's current cycle, and the one before while it can still be
    reported or if it ended short with activities logged."""
    found, notes = issuers(ds, held, recorded, activities, on)
    cycles = []
    for iss in found:
        index = iss.current(on)
        if not iss.cycles:
            continue
        if index is None:
            if on < iss.cycles[0]["start"]:
                first = iss.cycles[0]["start"].isoformat()
                notes.append(f"{iss.id}: the first cycle begins {first}, after {on.isoformat()}.")
            continue
        if index > 0:
            before = evaluate(iss, index - 1, on)
            if on <= iss.cycles[index - 1]["due"] or (before["state"] == "unmet" and before["activities"]):
                cycles.append(before)
        cycles.append(evaluate(iss, index, on))
    if not held:
        notes.append("No credentials in the log yet: 'mrt-guide ce credential add RHIT --earned YYYY-MM-DD'.")
    notes += _unknown_notes(found)
    return {
        "on": on.isoformat(),
        "credentials": cast("list[CeHeld]", credential_cycles(ds, held, recorded, on)),
        "cycles": cast("list[CeCycle]", cycles),
        "fees": cast("list[CeFee]", fee_records(found, on)),
        "notes": notes,
    }


def behind(data: Mapping[str, Any]) -> bool:
    """Whether any cycle shown is behind or ended short (``ce status --check``)."""
    return any(c["state"] in ("behind", "unmet") for c in data["cycles"])


def activity_record(a: Record, owners: dict[str, Issuer], folder: str) -> dict[str, Any]:
    """One activity as ``ce list`` shows it, with what it counts for at each issuer."""
    counted = []
    for issuer in sorted({owners[c].id for c in a["for"] if c in owners}):
        iss = next(o for o in owners.values() if o.id == issuer)
        unit = (iss.rules or {}).get("unit")
        counted.append({"issuer": issuer, "credits": clean(iss.credit(a)), "unit": unit})
    ev = a["evidence"]
    evidence = None
    if ev is not None:
        file = None if ev["stored"] is None else f"{folder}/{ev['stored']}"
        evidence = {"name": ev["name"], "file": file, "sha256": ev["sha256"], "size": ev["size"]}
    return {
        "id": a["id"],
        "date": a["date"],
        "title": a["title"],
        "provider": a["provider"],
        "minutes": a["minutes"],
        "ceus": None if a["ceus"] is None else clean(a["ceus"]),
        "counted": counted,
        "tags": a["tags"],
        "for": a["for"],
        "evidence": evidence,
        "notes": a["notes"],
        "approval": a.get("approval"),
    }


def chosen_cycles(found: list[Issuer], which: str, on: dt.date) -> list[tuple[Issuer, int]]:
    """The cycles ``--cycle`` names at each issuer: the one holding ``on``, the one before, or all
    up to the current one."""
    out = []
    for iss in found:
        index = iss.current(on)
        if index is None:
            continue
        if which == "current":
            out.append((iss, index))
        elif which == "previous":
            if index > 0:
                out.append((iss, index - 1))
        else:
            out += [(iss, i) for i in range(index + 1)]
    return out


def listing(
    ds: Dataset,
    held: dict[str, str],
    recorded: dict[str, dict[str, Any]],
    activities: list[Record],
    which: str,
    on: dt.date,
    folder: str,
    only: str | None = None,
) -> CeListOut:
    """``ce list``: the activities of the chosen cycle (each issuer's), or all of them."""
    found, _ = issuers(ds, held, recorded, activities, on)
    owners = {c: iss for iss in found for c in iss.creds}
    if which == "all":
        chosen = activities
    else:
        spans = [(iss, iss.cycles[i]) for iss, i in chosen_cycles(found, which, on)]
        keep = set()
        for iss, cyc in spans:
            keep |= {a["id"] for a in iss.within(cyc["start"], cyc["end"])}
        chosen = [a for a in activities if a["id"] in keep]
    if only is not None:
        chosen = [a for a in chosen if only in a["for"]]
    return {
        "cycle": cast('Literal["current", "previous", "all"]', which),
        "for": only,
        "activities": cast("list[CeActivity]", [activity_record(a, owners, folder) for a in chosen]),
        "tag_labels": tag_labels(ds),
    }


def credential_list(ds: Dataset, held: dict[str, str]) -> CeCredentialsOut:
    """``ce credential list``: each held credential with what it owes per cycle."""
    rows = []
    for cred, earned in held.items():
        try:
            cert = ds.certification(cred)
        except GuideError:
            rows.append(
                {"id": cred, "name": None, "issuer": None, "earned": earned, "ceus": None, "cycle": None,
                 "replaced_by": None}
            )  # fmt: skip
            continue
        rules = renewal_rules(ds, cert["issuer"]) or {}
        replaced_by = next(
            (
                r["holder"]
                for r in rules.get("replacements", [])
                if r["replaces"] == cred and r["holder"] in held
            ),
            None,
        )
        rows.append(
            {
                "id": cred,
                "name": cert["name"],
                "issuer": cert["issuer"],
                "earned": earned,
                "ceus": cert["renewal"]["ceus"],
                "cycle": cert["renewal"]["cycle"],
                "replaced_by": replaced_by,
            }
        )
    return {"credentials": cast("list[CeCredential]", rows)}


def report(
    ds: Dataset,
    held: dict[str, str],
    recorded: dict[str, dict[str, Any]],
    activities: list[Record],
    which: str,
    on: dt.date,
    folder: str,
    evidence_state: Any,
    holder: dict[str, str] | None = None,
) -> CeReportOut:
    """``ce report``: the audit packet. Each chosen cycle with its totals per rule and every
    activity (date, title, provider, credits, tags, evidence file, its SHA-256 and whether
    the stored copy still has it), the issuer's rules not found, and activities counted in
    no cycle."""
    found, notes = issuers(ds, held, recorded, activities, on)
    owners = {c: iss for iss in found for c in iss.creds}
    cycles = []
    counted: set[int] = set()
    for iss, index in chosen_cycles(found, which, on):
        cyc = evaluate(iss, index, on)
        cyc_dates = iss.cycles[index]
        acts = iss.within(cyc_dates["start"], min(cyc_dates["end"], on))
        counted |= {a["id"] for a in acts}
        records = []
        for a in acts:
            rec = activity_record(a, owners, folder)
            rec["credits"] = clean(iss.credit(a))
            rec["evidence_state"] = evidence_state(a["evidence"])
            records.append(rec)
        cycles.append({**cyc, "records": records, "not_found": (iss.rules or {}).get("not_found", [])})
    others = []
    if which == "all":
        for a in activities:
            if a["id"] not in counted:
                rec = activity_record(a, owners, folder)
                rec["credits"] = None
                rec["evidence_state"] = evidence_state(a["evidence"])
                others.append(rec)
    notes += _unknown_notes(found)
    return {
        "generated": on.isoformat(),
        "cycle": cast('Literal["current", "previous", "all"]', which),
        "folder": folder,
        "holder": cast("CeHolder", profile_record(holder or {})),
        "credentials": credential_list(ds, held)["credentials"],
        "held": cast("list[CeHeld]", credential_cycles(ds, held, recorded, on)),
        "cycles": cast("list[CeReportCycle]", cycles),
        "uncounted": cast("list[CeReportActivity]", others),
        "notes": notes,
        "tag_labels": tag_labels(ds),
    }


def event_uid(log_id: str, iss: Issuer, index: int, kind: str) -> str:
    """A calendar event's UID: the log's random id, the issuer, the day its cycles are dated
    from (the recorded cycle's first day for it and those after it, else the first cycle's),
    the cycle's place after that day and the event (``end``, ``due``, ``fee-2027``...). Never a
    place in the whole list: a credential added later, earlier (before a recorded cycle) or
    at another issuer, or a corrected end date, keeps every UID, so a calendar updates the
    event; a UID never comes to mean a cycle dated from another day."""
    origin = next((i for i, c in enumerate(iss.cycles) if c["recorded"]), None)
    if origin is None or index < origin:
        origin = 0
    day = iss.cycles[origin]["start"].strftime("%Y%m%d")
    return f"{log_id}-{iss.id.lower()}-{day}-{index - origin}-{kind}@mrt-guide"


def calendar_events(
    ds: Dataset, held: dict[str, str], recorded: dict[str, dict[str, Any]], on: dt.date, log_id: str
) -> list[dict[str, Any]]:
    """``ce calendar``: a record per all-day event, as codes and numbers (``views/ce/calendar``
    phrases them): each cycle end and due date still ahead, for the current cycle, the next
    one, and the previous one while it can still be reported, and each fee date in that span.

    - ``uid`` (``event_uid``: unique to the log, so two holders' files in one calendar never
      collide, and the same for the same cycle from one export to the next), ``date``;
    - ``kind``: ``due`` (the CE is reported), ``end`` (the cycle's last day) or ``fee``;
    - ``issuer``, ``credentials``; for ``due`` and ``end``: ``start``, ``end``, ``due``,
      ``required`` and ``unit`` of the cycle, and ``fees`` due that day too (AHIMA's by the
      cycle's end); for ``fee``: the ``fee`` record (renewal.json ``fees``)."""
    found, _ = issuers(ds, held, recorded, [], on)
    events = []
    for iss in found:
        index = iss.current(on)
        if index is None:
            continue
        fees = (iss.rules or {}).get("fees", [])
        for i in range(max(index - 1, 0), min(index + 2, len(iss.cycles))):
            cyc = iss.cycles[i]
            cycle = {
                "issuer": iss.id,
                "credentials": list(cyc["credentials"]),
                "start": cyc["start"].isoformat(),
                "end": cyc["end"].isoformat(),
                "due": cyc["due"].isoformat(),
                "required": clean(cyc["required"]),
                "unit": (iss.rules or {}).get("unit"),
            }
            if cyc["due"] != cyc["end"] and cyc["due"] >= on:
                events.append(
                    {**cycle, "uid": event_uid(log_id, iss, i, "due"), "date": cycle["due"], "kind": "due",
                     "fees": []}
                )  # fmt: skip
            if cyc["end"] >= on:
                with_end = [fee for fee in fees if fee["due"] == "cycle-end"]
                events.append(
                    {**cycle, "uid": event_uid(log_id, iss, i, "end"), "date": cycle["end"], "kind": "end",
                     "fees": with_end}
                )  # fmt: skip
        until = iss.cycles[min(index + 1, len(iss.cycles) - 1)]["due"]
        for fee in fees:
            if fee["due"] == "cycle-end":
                continue
            for day in _fee_dates(iss, fee["due"], on, until):
                events.append(
                    {
                        "uid": f"{log_id}-{iss.id.lower()}-{fee['id']}-{day.year}@mrt-guide",
                        "date": day.isoformat(),
                        "kind": "fee",
                        "issuer": iss.id,
                        "credentials": sorted(iss.creds),
                        "fee": fee,
                    }
                )
    return sorted(events, key=lambda e: (e["date"], e["uid"]))
