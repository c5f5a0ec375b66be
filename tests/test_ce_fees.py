"""Issue 21 item 5: the renewal fees and their dates that the sources give (renewal.json
``fees``: NCRA's annual fee by 31 January, N3/N10; AHIMA's recertification fee by the cycle's
end, A30; AAPC's yearly membership renewal, C1), in ``ce status`` (terminal and --json) and
in the calendar; what the sources do not give is shown as unknown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from icalendar import Calendar


def fees(ce: Any, on: str) -> dict[str, dict[str, Any]]:
    data = json.loads(ce("status", "--on", on, "--json").stdout)
    return {f["id"]: f for f in data["fees"]}


def amounts(fee: dict[str, Any]) -> list[tuple[str, float, int, str, str]]:
    return [(f["label"], f["value"], f["year"], f["source"], f["flag"]) for f in fee["figures"]]


def test_the_fees_are_data_with_source_year_and_flag(guide: Any) -> None:
    ds = guide
    by_issuer = {r["issuer"]: r["fees"] for r in ds.section("renewal")["issuers"]}
    ncra, ahima, aapc = by_issuer["NCRA"][0], by_issuer["AHIMA"][0], by_issuer["AAPC"][0]
    assert (ncra["every"], ncra["due"], ncra["source"], ncra["flag"]) == (
        "year",
        "january-31",
        "ncra-ce",
        "official",
    )
    assert [(f["value"], f["unit"], f["year"]) for f in ncra["figures"]] == [
        (35, "usd", 2024),
        (145, "usd", 2024),
    ]
    assert (ahima["every"], ahima["due"], ahima["source"]) == ("cycle", "cycle-end", "ahima-recert-faq")
    assert [(f["value"], f["year"]) for f in ahima["figures"]] == [(218, 2021), (50, 2021)]
    assert "member recertification fee" in ahima["not_found"][0]  # A30 gives non-member amounts only
    assert (aapc["every"], aapc["due"], aapc["figures"]) == ("year", "membership-date", [])
    assert "membership price was not found" in aapc["not_found"][0]
    assert ds.sources["ncra-ce"]["url"] == "https://www.ncra-usa.org/ODS-Credential/Current-ODS"


def test_status_shows_each_fee_its_next_date_and_what_is_unknown(ce: Any, cli: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    ce("credential", "add", "ODS", "--earned", "2023-06-20")
    ce("credential", "add", "CPC", "--earned", "2025-01-01")
    found = fees(ce, "2026-02-10")
    assert list(found) == ["aapc-membership-renewal", "ahima-recert-fee", "ncra-annual-fee"]
    ncra, ahima, aapc = found["ncra-annual-fee"], found["ahima-recert-fee"], found["aapc-membership-renewal"]
    assert (ncra["next"], ncra["credentials"]) == ("2027-01-31", ["ODS"])  # the off year too
    assert fees(ce, "2026-01-31")["ncra-annual-fee"]["next"] == "2026-01-31"
    assert amounts(ncra) == [
        ("Annual certification maintenance fee, NCRA member", 35, 2024, "ncra-ce", "official"),
        ("Annual certification maintenance fee, non-member", 145, 2024, "ncra-ce", "official"),
    ]
    assert (ahima["next"], ahima["every"]) == ("2027-03-12", "cycle")  # by the cycle's end (A30)
    assert (aapc["next"], aapc["figures"]) == (None, [])  # membership date and price unknown
    shown = cli("ce", "status", "--on", "2026-02-10", "--no-color", env={"COLUMNS": "100"})
    assert shown.exit_code == 0 and shown.stderr == ""
    text = " ".join(shown.stdout.replace("│", " ").split())
    assert "NCRA annual certification maintenance fee (ODS): every year, next due 2027-01-31." in text
    assert "Annual certification maintenance fee, NCRA member: $35 (2024) [ncra-ce]" in text
    assert "Recertification fee, first credential, non-member: $218 (2021) [ahima-recert-faq]" in text
    assert "AAPC membership renewal (CPC): every year, next due date unknown." in text
    assert "Amount: unknown (not found in the sources)." in text
    # the membership date becomes known with the recorded period, and recurs every year (C1)
    ce("cycle", "set", "AAPC", "--end", "2026-06-30", "--required", "24")
    assert fees(ce, "2026-02-10")["aapc-membership-renewal"]["next"] == "2026-06-30"
    assert fees(ce, "2026-07-01")["aapc-membership-renewal"]["next"] == "2027-06-30"
    assert fees(ce, "2026-06-30")["aapc-membership-renewal"]["next"] == "2026-06-30"


def test_no_fee_without_credentials(ce: Any) -> None:
    assert fees(ce, "2026-02-10") == {}


def test_the_calendar_has_the_ncra_fee_every_31_january(ce: Any, tmp_path: Path) -> None:
    """Review 3 defect 9: a holder whose cycles end in odd years had no event for the fee due
    in the even years between."""
    ce("credential", "add", "ODS", "--earned", "2023-09-15")
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    file = tmp_path / "d.ics"
    ce("calendar", str(file), "--on", "2026-12-02")
    events = Calendar.from_ical(file.read_bytes()).walk("VEVENT")
    fee = [e for e in events if str(e["SUMMARY"]) == "NCRA annual certification maintenance fee due (ODS)"]
    assert [e.decoded("DTSTART").isoformat() for e in fee] == [
        "2027-01-31",
        "2028-01-31",
        "2029-01-31",
        "2030-01-31",
    ]
    description = str(fee[0]["DESCRIPTION"])
    assert "Annual certification maintenance fee, NCRA member: $35 (2024, ncra-ce)" in description
    assert "non-member: $145 (2024, ncra-ce)" in description
    assert len({str(e["UID"]) for e in fee}) == 4 and str(fee[0]["UID"]).endswith(
        "-ncra-annual-fee-2027@mrt-guide"
    )
    # AHIMA's fee is due by the cycle's end: said on that event
    (end,) = [e for e in events if e.decoded("DTSTART").isoformat() == "2027-03-12"]
    assert "Also due by this day: the AHIMA recertification fee." in str(end["DESCRIPTION"])
    assert "first credential, non-member: $218 (2021, ahima-recert-faq)" in str(end["DESCRIPTION"])
