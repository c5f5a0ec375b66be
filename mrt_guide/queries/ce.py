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
from collections.abc import Callable, Mapping
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
        CeNote,
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
_DATE = r"\d{4}-\d{2}-\d{2}"  # patterns compiled on first use (re caches them): status never parses


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
    if not re.fullmatch(_DATE, given, re.ASCII):
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


_SLASHED = r"(\d{4})/(\d{1,2})/(\d{1,2})"
_MONTH_FIRST = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_SHORT_YEAR = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}"


def _sheet_date(given: str, what: str, shown: str) -> str:
    """A date as a spreadsheet writes it back, as ``YYYY-MM-DD`` (anything else unchanged)."""
    if match := re.fullmatch(_SLASHED, given, re.ASCII):
        year, month, day = match.groups()
    elif match := re.fullmatch(_MONTH_FIRST, given, re.ASCII):
        month, day, year = match.groups()
        if int(month) > 12:
            raise GuideError(
                f"Invalid {what} '{shown}': M/D/YYYY is read month first (as US spreadsheets write it) "
                "and this one is day first; write it as YYYY-MM-DD."
            )
    elif re.fullmatch(_SHORT_YEAR, given, re.ASCII):
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


Tally = Callable[[list[str], "tuple[int, int] | None", list[str]], list[tuple[int, str, float, int, bool]]]
"""What the store sums for ``ce status`` (``Log.tally``): the activities reported for any of the
credentials, counted by the issuer's rule (minutes per unit and the remainder from which one
counts; None: one per hour), summed per part of the time line the sorted ISO days cut (part
``i``: from day ``i - 1`` to the day before day ``i``) and per set of marks: ``(part, tags,
credits, count, timed)``."""

Activities = list[Record] | dict[str, list[Record]] | Tally
"""The log's activities, sorted by date: all of them (each names its credentials under ``for``),
already split by issuer, or a ``Tally`` that sums them where they are (no row is read)."""

Span = range | tuple[str, str]
"""Activities dated from one day to another: their positions in the list, or (tally) the days."""


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
        "sums",
        "tally",
        "timed",
        "unknown",
        "wanted",
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
        self.creds = creds
        self.recorded = recorded
        self.tally: Tally | None = None
        self.sums: dict[tuple[str, str, str | None], tuple[float, int, bool]] = {}
        self.wanted: list[tuple[str, str, str | None]] | None = None
        if callable(activities):
            self.tally, activities = activities, []
        if isinstance(activities, dict):
            self.activities = activities.get(issuer, [])
        else:
            self.activities = [a for a in activities if not creds.keys().isdisjoint(a["for"])]
        self.dates = [a["date"] for a in self.activities]  # sorted: the store lists by date
        self.credits = [credits(a, (self.rules or {}).get("counting")) for a in self.activities]
        self.timed = any(a["minutes"] is not None for a in self.activities)
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
        index = self.current(until)
        if self.tally is not None and index is not None:
            # every sum the shown cycles need, in one pass: evaluate them once noting the spans
            # asked for, sum those, and keep the sums for the evaluation that counts
            self.wanted = [(self.first_needed(index).isoformat(), until.isoformat(), None)]
            for i in range(max(index - 1, 0), index + 1):
                evaluate(self, i, until)
            wanted, self.wanted = list(dict.fromkeys(self.wanted)), None
            self._sum(wanted)
            # what the notes say of time: as for the activities a list would have held
            self.timed = self.sums[wanted[0]][2]

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

    def span(self, start: dt.date, end: dt.date) -> Span:
        """The activities dated ``start`` to ``end``, both included: their positions, or (tally)
        the two days."""
        if end < start:
            return range(0)
        if self.tally is not None:
            return (start.isoformat(), end.isoformat())
        lo = bisect.bisect_left(self.dates, start.isoformat())
        return range(lo, bisect.bisect_right(self.dates, end.isoformat(), lo))

    def within(self, start: dt.date, end: dt.date) -> list[Record]:
        """The activities dated ``start`` to ``end``, both included."""
        found = self.span(start, end)
        return [] if isinstance(found, tuple) else self.activities[found.start : found.stop]

    def _counting(self) -> tuple[int, int] | None:
        counting = (self.rules or {}).get("counting")
        if counting is None:
            return None
        return int(counting["minutes_per_unit"]["value"]), int(counting["round_up_from"]["value"])

    def _sum(self, spans: list[tuple[str, str, str | None]]) -> None:
        """Sum ``spans`` (first day, last day, tag or None) from one ``tally`` cut at their days."""
        after = {end: (dt.date.fromisoformat(end) + dt.timedelta(days=1)).isoformat() for _, end, _ in spans}
        bounds = sorted({start for start, _, _ in spans} | set(after.values()))
        place = {day: i for i, day in enumerate(bounds)}
        assert self.tally is not None
        parts = self.tally(sorted(self.creds), self._counting(), bounds)
        for start, end, tag in spans:
            first, last = place[start] + 1, place[after[end]]
            found = [p for p in parts if first <= p[0] <= last and (tag is None or tag in p[1].split())]
            total = sum(p[2] for p in found)
            self.sums[(start, end, tag)] = (total, sum(p[3] for p in found), any(p[4] for p in found))

    def _summed(self, days: tuple[str, str], tag: str | None) -> tuple[float, int, bool]:
        key = (*days, tag)
        if key in self.sums or self.tally is None:
            return self.sums.get(key, (0.0, 0, False))
        if self.wanted is not None:  # noting what the shown cycles ask for
            self.wanted.append(key)
            return (0.0, 0, False)
        self._sum([key])
        return self.sums[key]

    def count(self, found: Span) -> int:
        """How many activities ``found`` holds."""
        return self._summed(found, None)[1] if isinstance(found, tuple) else len(found)

    def total(self, found: Span, tag: str | None = None) -> float:
        """What the activities at ``found`` count for (those marked ``tag`` only, if given)."""
        if isinstance(found, tuple):
            return self._summed(found, tag)[0]
        if tag is None:
            return sum(self.credits[found.start : found.stop])
        acts, creds = self.activities, self.credits
        return sum(creds[i] for i in found if tag in acts[i]["tags"])

    def reach(self) -> int:
        """How many cycles a rule of this issuer counts across (2 for NCRA's in-person hours)."""
        return max((int(m["over_cycles"]) for m in (self.rules or {}).get("minimums", [])), default=1)

    def credit(self, activity: Record) -> float:
        return credits(activity, (self.rules or {}).get("counting"))

    def first_needed(self, index: int) -> dt.date:
        """The first day ``ce status`` counts for cycle ``index`` and the one before: the
        previous cycle's start, or earlier where a rule counts across cycles."""
        starts: list[dt.date] = [self.cycles[max(index - 1, 0)]["start"]]
        for minimum in (self.rules or {}).get("minimums", []):
            for i in {max(index - 1, 0), index}:
                window = _window(self, i, int(minimum["over_cycles"]), minimum["applies_from"])
                if window is not None:
                    starts.append(_counts_from(self, i, window[0], minimum["applies_from"]))
        return min(starts)


def issuers(
    ds: Dataset,
    held: dict[str, str],
    recorded: dict[str, dict[str, Any]],
    activities: Activities,
    until: dt.date,
) -> tuple[list[Issuer], list[dict[str, Any]]]:
    """The issuers of the held credentials, and notes on credentials or rules the dataset lacks."""
    by_issuer: dict[str, dict[str, dt.date]] = {}
    notes = []
    for cred, earned in held.items():
        issuer = issuer_of(ds, cred)
        if issuer is None:
            notes.append(note("unknown-credential", credential=cred))
            continue
        by_issuer.setdefault(issuer, {})[cred] = dt.date.fromisoformat(earned)
    found = []
    for issuer, creds in sorted(by_issuer.items()):
        one = Issuer(ds, issuer, creds, recorded.get(issuer), activities, until)
        if one.rules is None:
            notes.append(note("no-rules", issuer=issuer))
        elif one.months is None:
            notes.append(note("no-length", issuer=issuer, credential=one.anchor))
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


def _applies(applies_from: str | None, start: dt.date, end: dt.date) -> bool:
    return applies_from is None or end >= dt.date.fromisoformat(applies_from)


def evaluate(iss: Issuer, index: int, on: dt.date) -> dict[str, Any]:
    """Cycle ``index`` of ``iss`` as of ``on``: credits earned, every rule checked, its state,
    what is still needed, warnings and notes, all as codes and numbers (``views/ce`` words them)."""
    rules = iss.rules or {}
    cyc = iss.cycles[index]
    start, end, due = cyc["start"], cyc["end"], cyc["due"]
    unit = rules.get("unit")
    upto = min(end, on)
    acts = iss.span(start, upto)
    earned = iss.total(acts)
    required = cyc["required"]

    checks = [_check("total", "total", None, earned, required, due, cyc["source"], cyc["flag"])]
    for share in rules.get("shares", []):
        if not _applies(share["applies_from"], start, end):
            continue
        pct = float(share["share"]["value"])
        need = required * pct / 100
        have = iss.total(acts, share["tag"])
        check = _check("share", share["id"], share["tag"], have, need, due, share["source"], share["flag"])
        check["share"], check["of"] = clean(pct), clean(required)
        checks.append(check)
    for minimum in rules.get("minimums", []):
        amount = float(minimum["amount"]["value"])
        over = int(minimum["over_cycles"])
        if over == 1:
            if not _applies(minimum["applies_from"], start, end):
                continue
            have = iss.total(acts, minimum["tag"])
            checks.append(
                _check("minimum", minimum["id"], minimum["tag"], have, amount, due, minimum["source"],
                       minimum["flag"])
            )  # fmt: skip
            continue
        window = _window(iss, index, over, minimum["applies_from"])
        if window is None:
            continue
        w_start, w_end, w_due = window
        w_upto = min(w_end, on)
        w_from = _counts_from(iss, index, w_start, minimum["applies_from"])
        have = iss.total(iss.span(w_from, w_upto), minimum["tag"])
        check = _check(
            "window",
            minimum["id"],
            minimum["tag"],
            have,
            amount,
            w_due,
            minimum["source"],
            minimum["flag"],
            over,
        )
        check["window"] = {
            "start": w_start.isoformat(),
            "end": w_end.isoformat(),
            "counted_from": w_from.isoformat() if w_from < w_start else None,
        }
        checks.append(check)
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
        "activities": iss.count(acts),
        "checks": checks,
    }
    out["needed"] = _needed(out, now, [c for c in checks if c not in now])
    out["warnings"] = _warnings(iss, cyc, out, on)
    out["notes"] = _notes(iss, cyc)
    return out


def _check(
    kind: str, rule: str, tag: str | None, earned: float, required: float, by: dt.date,
    source: str | None, flag: str | None, cycles: int = 1,
) -> dict[str, Any]:  # fmt: skip
    """A rule checked, as codes and numbers: ``kind`` (``total``, ``share`` of the requirement,
    ``minimum``, ``window``: a minimum over several cycles), what was earned of what it asks
    by ``by``; a share's ``share`` (percent) ``of`` the requirement, a window's dates."""
    return {
        "rule": rule,
        "kind": kind,
        "tag": tag,
        "cycles": cycles,
        "ok": earned + 1e-9 >= required,
        "earned": clean(earned),
        "required": clean(required),
        "by": by.isoformat(),
        "share": None,
        "of": None,
        "window": None,
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


def _needed(cycle: dict[str, Any], now: list[dict[str, Any]], later: list[dict[str, Any]]) -> dict[str, Any]:
    """What is still needed, as a code and numbers (``views/ce`` words it): ``none`` (the cycle is
    complete), ``more`` (``missing`` more by the due date), ``short`` (the cycle ended
    ``missing`` short, on ``by``); ``tags``: the marked credits each unmet rule still wants;
    ``later``: a rule over several cycles still short, with its own deadline."""
    state = cycle["state"]
    return {
        "code": "none" if state == "complete" else "short" if state == "unmet" else "more",
        "missing": clean(float(cycle["remaining"])),
        "unit": cycle["unit"],
        "by": cycle["end"] if state == "unmet" else cycle["due"],
        "tags": [
            {"tag": c["tag"], "missing": clean(float(c["required"]) - float(c["earned"]))}
            for c in now
            if c["tag"] is not None and not c["ok"]
        ],
        "later": [
            {
                "tag": c["tag"],
                "missing": clean(float(c["required"]) - float(c["earned"])),
                "by": c["by"],
                "cycles": c["cycles"],
            }
            for c in later
            if not c["ok"]
        ],
    }


def _warnings(iss: Issuer, cyc: dict[str, Any], out: dict[str, Any], on: dt.date) -> list[dict[str, Any]]:
    """For a cycle that ended short: what follows, and from when (the issuer's rules)."""
    if out["state"] != "unmet":
        return []
    found = []
    for after in (iss.rules or {}).get("after_end", []):
        days = 0 if after["after_days"] is None else int(after["after_days"]["value"])
        since = cyc["due"] + dt.timedelta(days=1 + days)
        found.append(
            {
                "status": after["status"],
                "from": since.isoformat(),
                "passed": on >= since,
                "text": after["text"],
                "source": after["source"],
                "flag": after["flag"],
            }
        )
    return found


def note(code: str, **given: Any) -> dict[str, Any]:
    """A note as a code and its particulars (``views/ce`` words it); ``text`` carries the
    dataset's own prose where a rule has some."""
    keys = ("issuer", "credential", "date", "text", "minutes", "round_up_from", "source", "flag")
    return {"code": code, **dict.fromkeys(keys), **given}


def _notes(iss: Issuer, cyc: dict[str, Any]) -> list[dict[str, Any]]:
    rules = iss.rules or {}
    notes = []
    if cyc["recorded"]:
        notes.append(note("recorded-dates", issuer=iss.id))
    elif iss.recorded is not None and cyc["start"].isoformat() > str(iss.recorded["start"]):
        notes.append(note("follows-recorded", issuer=iss.id))
    elif len(iss.creds) > 1:
        notes.append(
            note(
                "dated-from",
                issuer=iss.id,
                credential=iss.anchor,
                date=iss.creds[iss.anchor].isoformat(),
                text=rules.get("dates_set_by_issuer") or None,
            )
        )
    if cyc["required_recorded"]:
        notes.append(note("required-recorded", issuer=iss.id))
    elif cyc["derived"] and (text := str((rules.get("combined") or {}).get("text", "")).strip()):
        notes.append(note("combined", issuer=iss.id, text=text))
    if cyc["replaced"]:
        text = " ".join(r["text"] for r in rules.get("replacements", []) if r["replaces"] in cyc["replaced"])
        if text:
            notes.append(note("replaced", issuer=iss.id, text=text))
    counting = rules.get("counting")
    if counting is not None:
        per, up = counting["minutes_per_unit"], counting["round_up_from"]
        notes.append(
            note(
                "counting",
                issuer=iss.id,
                minutes=clean(per["value"]),
                round_up_from=clean(up["value"]),
                source=counting["source"],
                flag=counting["flag"],
            )
        )
    elif iss.timed:
        notes.append(note("no-counting", issuer=iss.id))
    if rules.get("carry_over") is False:
        notes.append(note("no-carry-over", issuer=iss.id))
    return notes


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
    ds: Dataset,
    held: dict[str, str],
    recorded: dict[str, dict[str, Any]],
    on: dt.date,
    found: list[Issuer] | None = None,
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

    ``found``: the issuers already made for ``on`` (``ce status``), else made here.
    """
    if found is None:
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


def _unknown_notes(found: list[Issuer]) -> list[dict[str, Any]]:
    return [
        note("period-unknown", issuer=iss.id, text=(iss.rules or {}).get("dates_set_by_issuer") or None)
        for iss in found
        if iss.unknown
    ]


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
                notes.append(
                    note("first-cycle-later", issuer=iss.id, date=iss.cycles[0]["start"].isoformat())
                )
            continue
        if index > 0:
            before = evaluate(iss, index - 1, on)
            if on <= iss.cycles[index - 1]["due"] or (before["state"] == "unmet" and before["activities"]):
                cycles.append(before)
        cycles.append(evaluate(iss, index, on))
    if not held:
        notes.append(note("no-credentials"))
    notes += _unknown_notes(found)
    return {
        "schema_version": 2,
        "on": on.isoformat(),
        "credentials": cast("list[CeHeld]", credential_cycles(ds, held, recorded, on, found)),
        "cycles": cast("list[CeCycle]", cycles),
        "fees": cast("list[CeFee]", fee_records(found, on)),
        "notes": cast("list[CeNote]", notes),
        "tag_words": tag_words(ds),
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
        "schema_version": 2,
        "generated": on.isoformat(),
        "cycle": cast('Literal["current", "previous", "all"]', which),
        "folder": folder,
        "holder": cast("CeHolder", profile_record(holder or {})),
        "credentials": credential_list(ds, held)["credentials"],
        "held": cast("list[CeHeld]", credential_cycles(ds, held, recorded, on)),
        "cycles": cast("list[CeReportCycle]", cycles),
        "uncounted": cast("list[CeReportActivity]", others),
        "notes": cast("list[CeNote]", notes),
        "tag_labels": tag_labels(ds),
        "tag_words": tag_words(ds),
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


def undated_issuers(ds: Dataset, held: Mapping[str, str], dated: set[str]) -> dict[str, list[str]]:
    """The issuers of credentials held that gave ``ce calendar`` no event (their cycle dates
    unknown, as AAPC's are until recorded), each with those credentials, by issuer id."""
    known = set(ds.ids("certification"))
    by_issuer: dict[str, list[str]] = {}
    for cred in held:
        if cred in known:
            issuer = ds.get("certification", cred)["issuer"]
            if issuer not in dated:
                by_issuer.setdefault(issuer, []).append(cred)
    return dict(sorted(by_issuer.items()))


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
