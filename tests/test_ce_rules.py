"""The CE log applies AHIMA's and NCRA's rules as ../shared/facts/ce-rules.md states them:
each test names the fact (A1, N4 ...) and its worked example, and runs it through the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.queries import ce as q
from tests.ce_words import phrased


def status(ce: Any, on: str) -> dict[str, Any]:
    return phrased(json.loads(ce("status", "--on", on, "--json").stdout))


def cycle(data: dict[str, Any], issuer: str, start: str | None = None) -> dict[str, Any]:
    found = [c for c in data["cycles"] if c["issuer"] == issuer and (start is None or c["start"] == start)]
    assert len(found) == 1, data["cycles"]
    return found[0]


def check(c: dict[str, Any], rule: str) -> dict[str, Any]:
    found = [k for k in c["checks"] if k["rule"] == rule]
    assert len(found) == 1, [k["rule"] for k in c["checks"]]
    return found[0]


def add(ce: Any, date: str, *amount: str, title: str = "Activity", **marks: Any) -> int:
    args = ["add", "--title", title, "--date", date, *amount]
    for name, value in marks.items():
        if name == "for_":
            for cred in value:
                args += ["--for", cred]
        elif value:
            args.append("--" + name.replace("_", "-"))
    return int(ce(*args).stdout)


# A1: AHIMA, two years from the day the exam was passed


def test_an_ahima_cycle_runs_two_years_from_the_exam(ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    first = cycle(status(ce, "2025-03-13"), "AHIMA")
    assert (first["start"], first["end"], first["due"]) == ("2025-03-13", "2027-03-12", "2027-03-12")
    assert first["required"] == 20 and first["credentials"] == ["RHIT"] and first["unit"] == "ceu"
    assert cycle(status(ce, "2027-03-12"), "AHIMA")["start"] == "2025-03-13"
    second = cycle(status(ce, "2027-03-13"), "AHIMA", "2027-03-13")
    assert (second["end"], second["dates"]) == ("2029-03-12", "computed")


def test_a_cycle_from_29_february_ends_on_28_february(ce: Any) -> None:
    ce("credential", "add", "CCS", "--earned", "2024-02-29")
    found = cycle(status(ce, "2024-03-01"), "AHIMA")
    assert (found["start"], found["end"]) == ("2024-02-29", "2026-02-27")


# N4: NCRA, the first cycle ends 31 December of the second year after the exam; due 31 January


@pytest.mark.parametrize(
    ("exam", "end", "due", "next_start", "next_end"),
    [
        ("2020-06-15", "2022-12-31", "2023-01-31", "2023-01-01", "2024-12-31"),  # NCRA: passed in 2020
        ("2021-09-20", "2023-12-31", "2024-01-31", "2024-01-01", "2025-12-31"),  # NCRA: passed in 2021
    ],
)
def test_ncra_cycles_follow_ncras_own_examples(
    ce: Any, exam: str, end: str, due: str, next_start: str, next_end: str
) -> None:
    ce("credential", "add", "CTR", "--earned", exam)  # CTR finds ODS, its name since 2024
    first = cycle(status(ce, exam), "NCRA")
    assert (first["start"], first["end"], first["due"]) == (exam, end, due)
    assert first["credentials"] == ["ODS"] and first["required"] == 20 and first["unit"] == "ce_hours"
    later = cycle(status(ce, next_start), "NCRA", next_start)
    assert later["end"] == next_end
    assert later["due"] == f"{int(next_end[:4]) + 1}-01-31"


def test_cycle_dates_unit() -> None:
    """The date arithmetic alone, including a recorded cycle in the middle."""
    days = q.cycle_dates(dt.date(2023, 1, 10), 24, False, None, dt.date(2026, 1, 1))
    assert days[:2] == [
        (dt.date(2023, 1, 10), dt.date(2025, 1, 9), False),
        (dt.date(2025, 1, 10), dt.date(2027, 1, 9), False),
    ]
    recorded = {"start": "2024-02-01", "end": "2026-01-31", "required": None}
    days = q.cycle_dates(dt.date(2023, 1, 10), 24, False, recorded, dt.date(2026, 6, 1))
    # no short cycle is invented before the recorded one (it would owe a full requirement)
    assert days[:2] == [
        (dt.date(2024, 2, 1), dt.date(2026, 1, 31), True),
        (dt.date(2026, 2, 1), dt.date(2028, 1, 31), False),
    ]
    assert q.due_date(dt.date(2025, 12, 31), "january-31-after") == dt.date(2026, 1, 31)


# A6-A8: several AHIMA credentials; A9: the RHIA replaces the RHIT


def test_every_ahima_worked_example_through_the_log(
    cli: Any, guide: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mrt_guide.queries.renewal import rules

    examples = rules(guide, "AHIMA")["combined"]["examples"]  # type: ignore[index]
    assert {tuple(e["credentials"]): e["total"] for e in examples} == {
        ("CCS", "CCS-P"): 30,
        ("CHPS", "RHIT"): 40,
        ("RHIA", "CHDA"): 40,
        ("RHIA", "CDIP"): 40,
        ("RHIA", "CCS", "CCS-P"): 50,
    }
    for n, example in enumerate(examples):
        monkeypatch.setenv("MRT_GUIDE_HOME", str(tmp_path / str(n)))
        for cred in example["credentials"]:
            assert cli("ce", "credential", "add", cred, "--earned", "2024-04-02").exit_code == 0
        found = cycle(
            phrased(json.loads(cli("ce", "status", "--on", "2024-05-01", "--json").stdout)), "AHIMA"
        )
        assert found["required"] == example["total"], example
        assert sorted(found["credentials"]) == sorted(example["credentials"])
        assert any("derived from them" in note for note in found["note_words"])
        assert check(found, "total")["source"] == "ahima-recert"


def test_the_rhia_replaces_the_rhit(cli: Any, ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-04-02")
    added = cli("ce", "credential", "add", "RHIA", "--earned", "2024-04-02")
    assert (
        added.exit_code == 0 and "replaces the RHIT" in added.stderr and "[ahima-recert-faq]" in added.stderr
    )
    found = cycle(status(ce, "2024-05-01"), "AHIMA")
    assert found["credentials"] == ["RHIA"] and found["required"] == 30
    assert any("replaces the RHIT" in note for note in found["note_words"])
    listed = json.loads(ce("credential", "list", "--json").stdout)["credentials"]
    assert {c["id"]: c["replaced_by"] for c in listed} == {"RHIT": "RHIA", "RHIA": None}


def test_a_credential_earned_later_counts_from_the_next_cycle(cli: Any, ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2023-01-10")
    added = cli("ce", "credential", "add", "CCS", "--earned", "2024-02-01")
    assert "dated from RHIT, the earliest" in added.stderr and "AHIMA sets" in added.stderr
    now = cycle(status(ce, "2024-06-01"), "AHIMA")
    assert (now["start"], now["required"], now["credentials"]) == ("2023-01-10", 20, ["RHIT"])
    assert any("AHIMA sets" in n and "ce cycle set AHIMA" in n for n in now["note_words"])
    then = cycle(status(ce, "2025-02-01"), "AHIMA", "2025-01-10")
    assert then["required"] == 30 and sorted(then["credentials"]) == ["CCS", "RHIT"]


def test_the_dates_ahima_sets_replace_the_computed_ones(cli: Any, ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2023-01-10")
    ce("credential", "add", "CCS", "--earned", "2024-02-01")
    result = ce("cycle", "set", "ahima", "--start", "2024-02-01", "--end", "2026-01-31", "--required", "30")
    assert result.stderr == "Recorded the AHIMA cycle from 2024-02-01 to 2026-01-31, owing 30.\n"
    data = status(ce, "2024-03-01")
    recorded = cycle(data, "AHIMA", "2024-02-01")
    assert (recorded["end"], recorded["dates"], recorded["required"]) == ("2026-01-31", "recorded", 30)
    assert [c["start"] for c in data["cycles"]] == ["2024-02-01"]
    # no short cycle owing a full 20 CEUs is made up before the recorded one
    before = status(ce, "2024-01-20")
    assert before["cycles"] == []
    assert "AHIMA: the first cycle begins 2024-02-01, after 2024-01-20." in before["note_words"]
    assert not any(c["state"] == "unmet" for c in status(ce, "2024-03-01")["cycles"])
    after = cycle(status(ce, "2026-02-01"), "AHIMA", "2026-02-01")
    assert after["end"] == "2028-01-31" and after["dates"] == "computed"
    ce("cycle", "clear", "AHIMA")
    assert cycle(status(ce, "2024-03-01"), "AHIMA")["start"] == "2023-01-10"
    none_left = cli("ce", "cycle", "clear", "AHIMA")
    assert none_left.exit_code == 1 and "No AHIMA cycle dates are recorded" in none_left.stderr


# A20: 1 CEU per 60 minutes; a remainder under 45 minutes does not count (secondary)


@pytest.mark.parametrize(
    ("minutes", "ceus"),
    [(150, 2), (60, 1), (44, 0), (45, 1), (50, 1), (104, 1), (105, 2), (164, 2), (165, 3), (600, 10)],
)
def test_ahima_counts_whole_hours_and_a_remainder_of_45_minutes(ce: Any, minutes: int, ceus: int) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-04-02")
    add(ce, "2024-05-01", "--minutes", str(minutes))
    listed = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    assert listed[0]["counted"] == [{"issuer": "AHIMA", "credits": ceus, "unit": "ceu"}]
    assert cycle(status(ce, "2024-06-01"), "AHIMA")["earned"] == ceus


def test_a_two_and_a_half_hour_program_is_two_ceus_and_the_rule_is_flagged_secondary(ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-04-02")
    added = ce("add", "--title", "Program", "--date", "2024-05-01", "--hours", "2.5")
    assert added.stderr == "Added #1: 2 CEUs for AHIMA.\n"
    found = cycle(status(ce, "2024-06-01"), "AHIMA")
    assert any("45 minutes or more" in n and "(schima-2014, secondary)" in n for n in found["note_words"])


def test_ncra_counts_hours_as_they_are_and_ceus_as_given(ce: Any) -> None:
    ce("credential", "add", "ODS", "--earned", "2023-06-20")
    add(ce, "2024-05-01", "--minutes", "90")
    add(ce, "2024-05-02", "--ceus", "2.5")
    assert cycle(status(ce, "2024-06-01"), "NCRA")["earned"] == 4


# A14, A15: shares of the requirement


def test_eighty_percent_within_the_him_domains(ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-04-02")
    add(ce, "2024-05-01", "--ceus", "15", ahima_source=True)
    add(ce, "2024-05-02", "--ceus", "5", title="Spreadsheets", not_in_domain=True)
    found = cycle(status(ce, "2024-06-01"), "AHIMA")
    domains = check(found, "ahima-share-domains")
    assert (domains["earned"], domains["required"], domains["ok"]) == (15, 16, False)
    assert (domains["kind"], domains["tag"], domains["share"], domains["of"]) == (
        "share",
        "in_domain",
        80,
        20,
    )
    assert domains["detail_words"] == "15 of 16 CEUs in the HIM domains (at least 80% of 20)"
    assert check(found, "total")["ok"] is True
    assert found["state"] != "complete" and found["remaining"] == 1
    assert found["needed"] == {
        "code": "more", "missing": 1, "unit": "ceu", "by": "2026-04-01",
        "tags": [{"tag": "in_domain", "missing": 1}], "later": [],
    }  # fmt: skip
    assert found["needed_words"] == "1 more CEU, at least 1 in the HIM domains, by 2026-04-01."


def test_forty_percent_from_ahima_applies_to_cycles_running_in_2025(ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2021-01-04")
    early = cycle(status(ce, "2022-06-01"), "AHIMA")  # 2021-01-04 to 2023-01-03
    assert [k["rule"] for k in early["checks"]] == ["total", "ahima-share-domains"]
    running = cycle(status(ce, "2024-06-01"), "AHIMA")  # 2023-01-04 to 2025-01-03
    own = check(running, "ahima-share-own")
    assert own["required"] == 8 and own["source"] == "ahima-recert" and own["flag"] == "official"
    add(ce, "2024-06-10", "--ceus", "20")
    found = cycle(status(ce, "2024-07-01"), "AHIMA")
    assert (
        found["needed_words"]
        == "8 more CEUs, at least 8 from AHIMA or a component association, by 2025-01-03."
    )


# N2: no carry-over


def test_extra_credits_do_not_carry_over(ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2022-03-01")
    add(ce, "2023-05-01", "--ceus", "40", ahima_source=True)
    done = cycle(status(ce, "2024-01-01"), "AHIMA")
    assert (done["earned"], done["state"]) == (40, "complete")
    nxt = cycle(status(ce, "2024-03-02"), "AHIMA", "2024-03-01")
    assert nxt["earned"] == 0 and nxt["remaining"] == 20
    assert any("do not carry over" in n for n in nxt["note_words"])


# N5: at least 4 of the 20 hours Category A, within the 20


def test_category_a_is_part_of_the_twenty(ce: Any) -> None:
    ce("credential", "add", "ODS", "--earned", "2023-06-20")
    add(ce, "2024-05-01", "--ceus", "17")
    add(ce, "2024-05-02", "--ceus", "3", title="Staging", category_a=True)
    found = cycle(status(ce, "2024-06-01"), "NCRA")
    assert check(found, "total")["ok"] is True and found["earned"] == 20
    cat = check(found, "ncra-min-category-a")
    assert (cat["earned"], cat["required"], cat["ok"]) == (3, 4, False)
    assert found["needed_words"] == "1 more CE hour, at least 1 Category A, by 2026-01-31."
    add(ce, "2024-05-03", "--ceus", "1", title="Staging 2", category_a=True)
    assert cycle(status(ce, "2024-06-01"), "NCRA")["state"] == "complete"


# N6: 8 in-person hours over two consecutive cycles, from 2025 (windows 2025-2028 or 2026-2029)


@pytest.mark.parametrize(
    ("exam", "window_start", "window_end"),
    [("2022-05-10", "2025-01-01", "2028-12-31"), ("2023-06-20", "2026-01-01", "2029-12-31")],
)
def test_in_person_hours_are_counted_over_ncras_windows(
    ce: Any, exam: str, window_start: str, window_end: str
) -> None:
    ce("credential", "add", "ODS", "--earned", exam)
    first = cycle(status(ce, exam), "NCRA")
    assert "ncra-min-in-person" not in [k["rule"] for k in first["checks"]]  # a cycle begun before 2025
    add(ce, window_start, "--ceus", "5", title="State meeting", in_person=True)
    window = cycle(status(ce, window_start), "NCRA", window_start)
    ceip = check(window, "ncra-min-in-person")
    assert (ceip["earned"], ceip["required"], ceip["cycles"]) == (5, 8, 2)
    assert ceip["by"] == f"{int(window_end[:4]) + 1}-01-31"
    counted = "" if window_start == "2025-01-01" else " (counted since 2025-01-01)"
    assert (
        ceip["detail_words"]
        == f"5 of 8 CE hours in person over 2 cycles, {window_start} to {window_end}{counted}"
    )
    assert f"Also 3 CE hours in person by {ceip['by']}, over 2 cycles." in window["needed_words"]
    later_start = f"{int(window_start[:4]) + 2}-01-01"
    later = cycle(status(ce, later_start), "NCRA", later_start)
    assert check(later, "ncra-min-in-person")["earned"] == 5  # the same window, still counted


# A27, N3: what follows a cycle that ended short


def test_an_ahima_cycle_ended_short_is_inactive_then_revoked(ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2023-03-13")
    add(ce, "2024-01-10", "--ceus", "5")
    data = status(ce, "2025-04-01")
    ended = cycle(data, "AHIMA", "2023-03-13")
    assert ended["state"] == "unmet" and ended["end"] == "2025-03-12"
    assert (ended["needed"]["code"], ended["needed"]["missing"], ended["needed"]["by"]) == (
        "short",
        15,
        "2025-03-12",
    )
    assert ended["needed_words"] == (
        "15 CEUs, at least 11 in the HIM domains, at least 8 from AHIMA or a component association; "
        "the cycle ended on 2025-03-12."
    )
    assert [(w["status"], w["from"]) for w in ended["warnings"]] == [
        ("inactive", "2025-03-13"),
        ("revoked", "2025-09-09"),
    ]
    assert ended["warning_words"][0].startswith("Inactive since 2025-03-13: ")
    assert ended["warning_words"][1].startswith("Revoked from 2025-09-09: ")


def test_an_ncra_cycle_ended_short_is_late_after_31_january(ce: Any) -> None:
    ce("credential", "add", "ODS", "--earned", "2022-05-10")
    add(ce, "2024-03-01", "--ceus", "12")
    in_january = cycle(status(ce, "2025-01-20"), "NCRA", "2022-05-10")
    assert in_january["state"] == "unmet"
    assert [w[:20] for w in in_january["warning_words"]] == ["Late from 2025-02-01"]
    after = cycle(status(ce, "2025-02-02"), "NCRA", "2022-05-10")
    assert (after["warnings"][0]["passed"], in_january["warnings"][0]["passed"]) == (True, False)
    assert after["warning_words"][0].startswith("Late since 2025-02-01: ")


def test_an_ended_cycle_with_nothing_logged_is_not_shown(ce: Any) -> None:
    """A log begun mid-career must not report the cycles before it as failed."""
    ce("credential", "add", "RHIT", "--earned", "2015-03-13")
    data = status(ce, "2025-04-01")
    assert [c["start"] for c in data["cycles"]] == ["2025-03-13"]


# states and --check


def test_states_follow_the_time_gone_by(cli: Any, ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-01-01")  # 731 days to 2025-12-31
    assert cycle(status(ce, "2024-01-01"), "AHIMA")["state"] == "on-track"  # nothing due yet
    half = cycle(status(ce, "2025-01-01"), "AHIMA")  # 367 of 731 days: 10 expected
    assert (half["expected"], half["state"]) == (10, "behind")
    checked = cli("ce", "status", "--on", "2025-01-01", "--check", "--json")
    assert checked.exit_code == 1 and json.loads(checked.stdout)["cycles"][0]["state"] == "behind"
    add(ce, "2024-12-01", "--ceus", "10", ahima_source=True)
    assert cycle(status(ce, "2025-01-01"), "AHIMA")["state"] == "on-track"
    assert cli("ce", "status", "--on", "2025-01-01", "--check").exit_code == 0
    add(ce, "2024-12-02", "--ceus", "10", title="More")
    assert cycle(status(ce, "2025-01-01"), "AHIMA")["state"] == "complete"


def test_the_tags_are_the_datasets(guide: Any) -> None:
    """The marks are records in renewal.json; every rule's tag is one of them, for that issuer,
    and the CSV has a column for each (q.TAGS)."""
    records = {t["id"]: t for t in guide.section("renewal")["tags"]}
    assert list(records) == list(q.TAGS)
    for issuer in guide.section("renewal")["issuers"]:
        for rule in [*issuer["shares"], *issuer["minimums"]]:
            assert issuer["issuer"] in records[rule["tag"]]["issuers"], rule["id"]
    assert [t for t, r in records.items() if r["default"]] == ["in_domain"]
    assert q.tag_words(guide)["category_a"] == "Category A"


def test_a_ladder_rule_works_for_an_issuer_that_has_one(guide: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """AAPC's rule (36/40/44/48/52) is a ladder; the engine reads it from data like any other."""
    from mrt_guide.queries import renewal

    ladder = [{"value": v, "unit": "ceu", "source": "x", "flag": "official"} for v in (36, 40, 44, 48, 52)]
    real = renewal.rules

    def with_ladder(ds: Any, issuer: str) -> Any:
        found = real(ds, issuer)
        if issuer == "AHIMA" and found is not None:
            found = {**found, "combined": {**found["combined"], "rule": "ladder", "ladder": ladder}}
        return found

    monkeypatch.setattr(renewal, "rules", with_ladder)
    assert renewal.combined_requirement(guide, ["CCS", "CCS-P", "CHDA"])["total"] == 44
    assert (
        renewal.combined_requirement(guide, ["RHIA", "CCS", "CCS-P", "CHDA", "CHPS", "CDIP"])["total"] == 52
    )
