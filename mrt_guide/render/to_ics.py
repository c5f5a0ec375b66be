"""Deadlines as an iCalendar file (RFC 5545) through the icalendar library: one all-day event
per date, reminders 90, 30 and 7 days before, and a UID that stays the same from one export
to the next, so a calendar updates the event instead of adding a copy. Imported only by
``mrt-guide ce calendar``."""

from __future__ import annotations

import datetime as dt
from typing import Any

REMINDERS = (90, 30, 7)
"""Days before each date that a reminder fires."""


def render(events: list[dict[str, Any]], now: dt.datetime | None = None) -> bytes:
    """``events`` (``uid``, ``date``, ``summary``, ``description``) as an iCalendar file."""
    from icalendar import Alarm, Calendar, Event

    stamp = now or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//mrt-guide//continuing-education log//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "CE deadlines (mrt-guide)")
    for item in events:
        day = dt.date.fromisoformat(item["date"])
        event = Event()
        event.add("uid", item["uid"])
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))  # DTEND is exclusive: a one-day event
        event.add("summary", item["summary"])
        event.add("description", item["description"])
        event.add("transp", "TRANSPARENT")
        for days in REMINDERS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"In {days} days: {item['summary']}")
            alarm.add("trigger", dt.timedelta(days=-days))
            event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())
