"""Issue 21: the CE log for four real holders (RHIT + CCS; CPC + CRC; ODS passed in 2024; one
person with AHIMA, AAPC and NCRA credentials). Each rule case runs through the CLI; the
figures are those of ../shared/facts/ce-rules.md and credentials-and-work.md (C1, C2)."""

from __future__ import annotations

import json
from typing import Any

from tests.test_ce_rules import add, check, cycle, status


def held(data: dict[str, Any], cred: str) -> dict[str, Any]:
    found = [h for h in data["credentials"] if h["credential"] == cred]
    assert len(found) == 1, data["credentials"]
    return found[0]


# RHIT + CCS: the CCS joins the first cycle after it, which owes the combined 30 (A6-A8)


def test_rhit_and_ccs_show_the_cycle_each_joins_and_what_it_owes(ce: Any, cli: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    ce("credential", "add", "CCS", "--earned", "2025-09-01")
    data = status(ce, "2026-01-10")
    rhit, ccs = held(data, "RHIT"), held(data, "CCS")
    assert (rhit["joins"], rhit["due"], rhit["required"], rhit["dates"]) == (
        "2025-03-13", "2027-03-12", 20, "computed"
    )  # fmt: skip
    assert (ccs["joins"], ccs["required"], ccs["with"]) == ("2027-03-13", 30, ["RHIT", "CCS"])
    shown = cli("ce", "status", "--on", "2026-01-10", "--no-color", env={"COLUMNS": "100"}).stdout
    assert "CCS (AHIMA, earned 2025-09-01): joins from 2027-03-13 with RHIT: 30 CEUs" in shown


def test_a_recorded_ahima_cycle_makes_up_no_short_cycle_before_it(ce: Any, cli: Any) -> None:
    """Review 3 defect 1: a holder who recorded AHIMA's own dates was shown inactive, revoked."""
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("credential", "add", "CCS", "--earned", "2025-01-15")
    ce("cycle", "set", "AHIMA", "--start", "2025-01-15", "--end", "2027-01-14", "--required", "30")
    for day in ("2025-01-15", "2025-08-01", "2026-06-01"):
        data = status(ce, day)
        assert [c["start"] for c in data["cycles"]] == ["2025-01-15"], day
        assert all(not c["warnings"] and c["state"] != "unmet" for c in data["cycles"])
    later = cycle(status(ce, "2027-02-01"), "AHIMA", "2027-01-15")
    assert later["note_words"][0] == "Follows on from the cycle recorded with 'mrt-guide ce cycle set'."


# C1: AAPC's CEUs are due on the membership date and a first period is prorated; C2: the ladder


def test_aapc_period_is_unknown_until_its_due_date_is_recorded(ce: Any, cli: Any) -> None:
    ce("credential", "add", "CPC", "--earned", "2025-03-13")
    data = status(ce, "2026-01-10")
    assert data["cycles"] == []  # no computed deadline, no "Behind"
    cpc = held(data, "CPC")
    assert (cpc["dates"], cpc["joins"], cpc["due"], cpc["full_required"], cpc["prorated"]) == (
        "unknown", None, None, 36, True
    )  # fmt: skip
    assert any("AAPC: the period and its deadline are unknown" in n for n in data["note_words"])
    assert cli("ce", "status", "--on", "2026-01-10", "--check").exit_code == 0
    missing = cli("ce", "cycle", "set", "AAPC", "--end", "2026-06-30")
    assert missing.exit_code == 2 and "--required N" in missing.stderr
    no_end = cli("ce", "cycle", "set", "AAPC", "--required", "24")
    assert no_end.exit_code == 2 and "--end YYYY-MM-DD" in no_end.stderr
    ce("cycle", "set", "AAPC", "--end", "2026-06-30", "--required", "24")
    first = cycle(status(ce, "2026-01-10"), "AAPC")
    assert (first["start"], first["end"], first["due"], first["required"], first["dates"]) == (
        "2025-03-13", "2026-06-30", "2026-06-30", 24, "recorded"
    )  # fmt: skip
    second = cycle(status(ce, "2026-07-01"), "AAPC", "2026-07-01")
    assert (second["end"], second["required"]) == ("2028-06-30", 36)


def test_cpc_and_crc_follow_the_ladder_and_count_an_activity_once(ce: Any) -> None:
    ce("credential", "add", "CPC", "--earned", "2025-03-13")
    ce("credential", "add", "CRC", "--earned", "2025-06-01")
    assert held(status(ce, "2026-01-10"), "CRC")["full_required"] == 40  # 36 + 4 (C2)
    ce("cycle", "set", "AAPC", "--end", "2026-06-30", "--required", "20")
    add(ce, "2025-07-01", "--ceus", "3", for_=["CPC", "CRC"])
    add(ce, "2025-08-01", "--ceus", "2", for_=["CRC"])
    first = cycle(status(ce, "2026-01-10"), "AAPC")
    assert (first["earned"], first["required"]) == (5, 20)  # reported for both, counted once
    crc = held(status(ce, "2026-01-10"), "CRC")
    assert (crc["joins"], crc["required"], crc["with"]) == ("2026-07-01", 40, ["CPC", "CRC"])


# N6: NCRA's in-person windows are 2025-2028 and 2026-2029; a 2024 passer belongs to 2025-2028


def test_an_ods_holder_who_passed_in_2024_belongs_to_the_2025_2028_window(ce: Any) -> None:
    ce("credential", "add", "ODS", "--earned", "2024-06-15")
    add(ce, "2025-10-01", "--ceus", "8", title="State meeting", in_person=True)
    first = cycle(status(ce, "2025-11-01"), "NCRA")
    ceip = check(first, "ncra-min-in-person")
    assert (ceip["earned"], ceip["required"], ceip["by"]) == (8, 8, "2029-01-31")
    assert ceip["detail_words"] == "8 of 8 CE hours in person over 2 cycles, 2025-01-01 to 2028-12-31"
    second = cycle(status(ce, "2027-03-01"), "NCRA", "2027-01-01")
    assert check(second, "ncra-min-in-person")["earned"] == 8


def test_in_person_hours_attended_since_2025_count_toward_the_first_window(ce: Any) -> None:
    ce("credential", "add", "ODS", "--earned", "2023-09-15")
    add(ce, "2025-05-01", "--ceus", "6", title="Regional meeting", in_person=True)
    ceip = check(cycle(status(ce, "2026-02-01"), "NCRA", "2026-01-01"), "ncra-min-in-person")
    assert ceip["earned"] == 6
    assert "2026-01-01 to 2029-12-31 (counted since 2025-01-01)" in ceip["detail_words"]
    assert (ceip["kind"], ceip["cycles"], ceip["window"]) == (
        "window",
        2,
        {"start": "2026-01-01", "end": "2029-12-31", "counted_from": "2025-01-01"},
    )


# one person, three issuers


def test_one_person_with_ahima_aapc_and_ncra_credentials(ce: Any) -> None:
    for cred, day in (("RHIA", "2024-02-01"), ("CCS", "2024-08-01"), ("CPC", "2024-03-01"),
                      ("COC", "2024-09-01"), ("ODS", "2024-06-15")):  # fmt: skip
        ce("credential", "add", cred, "--earned", day)
    data = status(ce, "2025-03-01")
    assert [h["credential"] for h in data["credentials"]] == ["CPC", "COC", "RHIA", "CCS", "ODS"]
    assert [c["issuer"] for c in data["cycles"]] == ["AHIMA", "NCRA"]
    assert held(data, "CCS")["required"] == 40  # 30 + 10 (A6)
    assert held(data, "COC")["full_required"] == 40 and held(data, "COC")["dates"] == "unknown"
    assert held(data, "ODS")["due"] == "2027-01-31"
    add(ce, "2025-02-01", "--minutes", "150", for_=["RHIA", "ODS", "CPC"])
    data = status(ce, "2025-03-01")
    assert cycle(data, "AHIMA")["earned"] == 2 and cycle(data, "NCRA")["earned"] == 2.5
    listed = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    assert [c["issuer"] for c in listed[0]["counted"]] == ["AAPC", "AHIMA", "NCRA"]


# the audit packet: the holder's name and member ids, notes and an approval number per activity


def test_the_packet_names_the_holder_and_shows_each_activitys_number_and_notes(ce: Any, cli: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    ce("credential", "add", "CCS", "--earned", "2025-09-01")
    shown = ce("profile", "--name", "Jordan Lee", "--member-id", "ahima=123456")
    assert shown.stdout == "Name: Jordan Lee\nAHIMA member id: 123456\n"
    assert ce("profile").stdout == shown.stdout
    bad = cli("ce", "profile", "--member-id", "123456")
    assert bad.exit_code == 2 and "ISSUER=ID" in bad.stderr
    ce("add", "--title", "Coding update", "--date", "2025-05-01", "--hours", "2",
       "--approval", "ACEP-4411", "--notes", "Webinar")  # fmt: skip
    data = json.loads(ce("report", "--on", "2026-01-10", "--json").stdout)
    assert data["holder"] == {"name": "Jordan Lee", "member_ids": {"AHIMA": "123456"}}
    assert [(h["credential"], h["joins"], h["required"]) for h in data["held"]] == [
        ("RHIT", "2025-03-13", 20), ("CCS", "2027-03-13", 30)
    ]  # fmt: skip
    record = data["cycles"][0]["records"][0]
    assert (record["approval"], record["notes"]) == ("ACEP-4411", "Webinar")
    page = ce("report", "--on", "2026-01-10", "--markdown").stdout
    assert "Jordan Lee" in page and "AHIMA member id" in page and "ACEP-4411" in page
    assert "Data as of" not in page and data["folder"] not in page
    edited = ce("edit", "1", "--approval", "ACEP-9")
    assert edited.exit_code == 0
    listed = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    assert listed[0]["approval"] == "ACEP-9"
