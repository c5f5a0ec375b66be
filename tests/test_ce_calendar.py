"""Issue 21 item 7: ``ce calendar`` UIDs are unique per log (two holders' files in one calendar
never collide) and stable when a credential is added; the file is read back with a real
parser (icalendar) and checked against RFC 5545's basics (CRLF, folding at 75 octets,
DTSTAMP in UTC, all-day dates as VALUE=DATE)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from icalendar import Calendar


def events(file: Path) -> dict[str, tuple[str, str]]:
    """UID -> (date, summary), parsed back by icalendar."""
    found = Calendar.from_ical(file.read_bytes()).walk("VEVENT")
    out = {str(e["UID"]): (e.decoded("DTSTART").isoformat(), str(e["SUMMARY"])) for e in found}
    assert len(out) == len(found), "a UID used twice in one file"
    return out


def test_two_holders_with_the_same_credentials_never_share_a_uid(ce: Any, tmp_path: Path) -> None:
    homes = [tmp_path / "ann", tmp_path / "bob"]
    files = [tmp_path / "ann.ics", tmp_path / "bob.ics"]
    for home, file in zip(homes, files, strict=True):
        ce("credential", "add", "RHIT", "--earned", "2025-03-13", home=home)
        ce("credential", "add", "ODS", "--earned", "2023-06-20", home=home)
        ce("calendar", str(file), "--on", "2026-01-10", home=home)
    ann, bob = events(files[0]), events(files[1])
    assert len(ann) == len(bob) == 12  # 7 cycle ends and due dates, 5 NCRA fee dates
    assert sorted(ann.values()) == sorted(bob.values())  # the same deadlines...
    assert set(ann).isdisjoint(bob)  # ...as different events: one calendar keeps all 24
    ids = [sqlite3.connect(h / "ce.db").execute("SELECT value FROM meta").fetchall() for h in homes]
    assert ids[0] != ids[1] and all(re.fullmatch(r"[0-9a-f]{32}", i[0][0]) for i in ids)
    assert all(uid.startswith(ids[0][0][0] + "-") and uid.endswith("@mrt-guide") for uid in ann)
    # the same log gives the same UIDs on every export
    again = tmp_path / "ann-again.ics"
    ce("calendar", str(again), "--on", "2026-01-10", home=homes[0])
    assert events(again) == ann


def test_uids_stay_when_a_credential_is_added_earlier_later_or_elsewhere(ce: Any, tmp_path: Path) -> None:
    """The UID names the cycle (issuer, first day) and the event, never a position: here an older
    AHIMA credential put two cycles in front of the recorded one, which numbered events from
    the first cycle renumbered."""
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    ce("cycle", "set", "AHIMA", "--start", "2025-03-13", "--end", "2027-03-31")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    ce("calendar", str(first), "--on", "2026-01-10")
    before = events(first)
    assert sorted(d for d, _ in before.values()) == ["2027-03-31", "2029-03-31"]
    ce("credential", "add", "CCA", "--earned", "2021-01-04")  # older, same issuer
    ce("credential", "add", "CCS", "--earned", "2025-09-01")  # later, same issuer
    ce("credential", "add", "ODS", "--earned", "2023-06-20")  # another issuer
    ce("calendar", str(second), "--on", "2026-01-10")
    after = events(second)
    for uid, (day, _) in before.items():
        assert uid in after, uid
        assert after[uid][0] == day  # the same cycle's end, now for more credentials
    assert after[next(u for u, (d, _) in after.items() if d == "2029-03-31")][1].endswith("(CCA, RHIT, CCS)")
    assert len(after) == len(before) + 10  # NCRA's events (5 CE dates, 5 fee dates) are new ones
    # a corrected end date moves the recorded cycle's end and the next one's: the same events
    ce("cycle", "set", "AHIMA", "--start", "2025-03-13", "--end", "2027-04-30")
    third = tmp_path / "c.ics"
    ce("calendar", str(third), "--on", "2026-01-10")
    moved = events(third)
    assert set(moved) == set(after)
    assert sorted(moved[u][0] for u in before) == ["2027-04-30", "2029-04-30"]


def test_the_file_keeps_rfc_5545_basics(ce: Any, tmp_path: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    ce("credential", "add", "ODS", "--earned", "2023-06-20")
    file = tmp_path / "d.ics"
    ce("calendar", str(file), "--on", "2026-01-10")
    raw = file.read_bytes()
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends in CRLF, no bare LF or CR
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75  # octets, folded beyond
    assert any(line.startswith(b" ") for line in lines)  # the long descriptions are folded
    text = raw.decode("utf-8")
    assert "VERSION:2.0" in text and "PRODID:" in text
    for block in text.split("BEGIN:VEVENT")[1:]:
        props = block.split("END:VEVENT")[0].replace("\r\n ", "").split("\r\n")
        assert len([p for p in props if p.startswith("UID:")]) == 1
        assert len([p for p in props if re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", p)]) == 1  # UTC
        assert len([p for p in props if re.fullmatch(r"DTSTART;VALUE=DATE:\d{8}", p)]) == 1
        assert len([p for p in props if re.fullmatch(r"DTEND;VALUE=DATE:\d{8}", p)]) == 1
    # unfolded by the parser, a description reads whole
    cal = Calendar.from_ical(raw)
    descriptions = [str(e["DESCRIPTION"]) for e in cal.walk("VEVENT")]
    whole = "Last day of the AHIMA cycle 2025-03-13 to 2027-03-12; 20 CEUs must be earned within it."
    assert any(d.startswith(whole) for d in descriptions)


def test_the_query_gives_codes_and_the_view_the_words(guide: Any) -> None:
    """Issue 21 item 9: calendar_events returns codes and numbers; views/ce/calendar phrases."""
    import datetime as dt

    from mrt_guide.queries import ce as q
    from mrt_guide.views.ce import calendar as view

    held = {"RHIT": "2025-03-13", "ODS": "2023-06-20"}
    found = q.calendar_events(guide, held, {}, dt.date(2026, 1, 10), "0" * 32)
    assert {e["kind"] for e in found} == {"due", "end", "fee"}
    assert not any("summary" in e or "description" in e for e in found)
    end = next(e for e in found if e["kind"] == "end" and e["issuer"] == "AHIMA")
    assert (end["start"], end["end"], end["required"], end["unit"]) == ("2025-03-13", "2027-03-12", 20, "ceu")
    assert [f["id"] for f in end["fees"]] == ["ahima-recert-fee"]
    phrased = view.phrase(end)
    assert phrased["summary"] == "AHIMA CE cycle ends: 20 CEUs due (RHIT)"
    assert "Also due by this day: the AHIMA recertification fee." in phrased["description"]


def test_a_credential_with_unknown_cycle_dates_is_named_with_the_command_that_records_them(
    cli: Any, tmp_path: Path
) -> None:
    assert cli("ce", "credential", "add", "CPC", "--earned", "2025-03-01").exit_code == 0
    none = cli("ce", "calendar", str(tmp_path / "a.ics"))
    assert none.exit_code == 1 and not (tmp_path / "a.ics").exists()
    assert "CPC (AAPC): no cycle dates known" in none.stderr
    assert "mrt-guide ce cycle set AAPC --start YYYY-MM-DD --end YYYY-MM-DD" in none.stderr
    assert "add a credential first" not in none.stderr
    assert cli("ce", "credential", "add", "RHIT", "--earned", "2025-03-01").exit_code == 0
    some = cli("ce", "calendar", str(tmp_path / "b.ics"))
    assert some.exit_code == 0 and (tmp_path / "b.ics").is_file()
    assert "Left out: CPC (AAPC): no cycle dates known" in some.stderr
