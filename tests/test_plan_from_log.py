"""``plan --from-log``: a credential holder's plan starts from the credentials in the CE log,
with what can follow, what it adds to the CE each cycle owes, and the next renewals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from .test_startup_imports import modules_after


def _log(cli: Any, **held: str) -> None:
    for cred, earned in held.items():
        result = cli("ce", "credential", "add", cred, "--earned", earned)
        assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("setup", ["missing", "empty"])
def test_an_empty_or_missing_log_is_one_line(cli: Any, setup: str) -> None:
    if setup == "empty":  # a log that exists, with no credentials in it
        _log(cli, RHIT="2025-03-13")
        assert cli("ce", "credential", "remove", "RHIT", "--yes").exit_code == 0
    result = cli("plan", "--from-log", "--goal", "coding")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "holds no credentials" in result.stderr
    assert "mrt-guide ce credential add RHIT --earned YYYY-MM-DD" in result.stderr


def test_an_rhit_holder_plans_the_ccs_from_the_log(cli: Any, cli_json: Any, guide: Any) -> None:
    from mrt_guide.queries.ce import credential_cycles

    _log(cli, RHIT="2025-03-13")
    data = cli_json("plan", "--from-log", "--goal", "coding", "--start", "2026-12")
    assert (data["inputs"]["education"], data["inputs"]["him"]) == ("associate", True)  # the RHIT's program
    assert data["command"]["args"] == ["--from-log", "--goal", "coding", "--start", "2026-12"]
    steps = {m["id"]: m for m in data["milestones"]}
    assert "exam-rhit" not in steps and "first-job" not in steps  # held already
    assert steps["exam-ccs"]["prepared"] == {"steps": ["ccs-experience"], "held": ["RHIT"]}
    assert steps["exam-ccs"]["start"] == "2027-12"  # a year of coding experience first
    assert steps["ccs-experience"]["months"] == 12 and steps["ccs-experience"]["logged"] is None
    assert data["log"]["work"] == []  # no work history: the plan is what it was
    joined = steps["ce-ahima-ccs"]
    cycles = {
        c["credential"]: c
        for c in credential_cycles(
            guide, {"RHIT": "2025-03-13", "CCS": "2027-12-15"}, {}, dt.date(2027, 12, 15)
        )
    }
    assert joined["joins"]["start"] == cycles["CCS"]["joins"] == "2029-03-13"  # the log's cycles
    assert joined["requirement"]["total"] == cycles["CCS"]["required"] == 30
    assert "ce-ahima" not in steps  # the RHIT's cycle is the log's, not a new one
    log = data["log"]
    assert log["credentials"] == [{"credential": "RHIT", "issuer": "AHIMA", "earned": "2025-03-13"}]
    ahead = {n["target"]: n for n in log["next"]}
    assert "RHIT" not in ahead and {"CCS", "CPC", "RHIA", "CHPS"} <= set(ahead)
    ccs = ahead["CCS"]
    assert (ccs["exam"], ccs["ce_now"], ccs["ce_then"], ccs["joins"]) == ("2027-12", 20, 30, "2029-03-13")
    assert ahead["CPC"]["ce_now"] is None and ahead["CPC"]["ce_then"] == 36  # a new issuer, a new cycle
    rhia = ahead["RHIA"]  # the RHIA by a bachelor's, whose length the program decides
    assert rhia["exam"] is None and rhia["after"]["step"] == "study-bs-him" and rhia["ce_then"] == 30
    again = cli_json(rhia["link"]["command"], *rhia["link"]["args"])
    assert again["goal"]["id"] == "management" and again["log"]["credentials"] == log["credentials"]


def test_the_next_renewal_is_the_one_ce_status_shows(cli: Any, cli_json: Any) -> None:
    today = dt.date.today()
    earned = dt.date(today.year - 1, 1, 20).isoformat()
    _log(cli, RHIT=earned, CCA=earned)
    data = cli_json("plan", "--from-log", "--goal", "coding")
    status = cli_json("ce", "status")
    shown = next(c for c in status["cycles"] if c["issuer"] == "AHIMA" and c["start"] <= today.isoformat())
    renewal = data["log"]["renewals"][0]
    assert (renewal["issuer"], renewal["start"], renewal["end"], renewal["due"]) == (
        "AHIMA",
        shown["start"],
        shown["end"],
        shown["due"],
    )
    assert renewal["required"] == shown["required"] == 30 and renewal["credentials"] == ["CCA", "RHIT"]
    out = " ".join(
        cli("plan", "--from-log", "--goal", "coding", env={"COLUMNS": "80"}).stdout.replace("│", " ").split()
    )
    assert "From your CE log (CCA, RHIT)" in out
    assert f"AHIMA (CCA + RHIT): this cycle, {shown['start']} to {shown['end']}, owes 30 CEUs" in out
    assert "What could follow, from what you hold" in out and "mrt-guide plan --from-log --goal" in out


def test_an_aapc_holder_is_told_the_cycle_is_not_in_the_log(cli: Any, cli_json: Any) -> None:
    _log(cli, CPC="2025-05-01")
    data = cli_json("plan", "--from-log", "--goal", "coding", "--no-bachelor-later")
    renewal = data["log"]["renewals"][0]
    assert (renewal["issuer"], renewal["dates"], renewal["end"]) == ("AAPC", "unknown", None)
    assert data["inputs"]["education"] == "high-school"  # the CPC asks for none
    out = cli("plan", "--from-log", "--goal", "coding", "--no-bachelor-later").stdout
    out = " ".join(out.replace("│", " ").split())
    assert "AAPC (CPC): the current cycle is not known from the log." in out


def test_only_from_log_opens_the_log(cli: Any, tmp_path: Path) -> None:
    _log(cli, RHIT="2025-03-13")
    args = ["plan", "--education", "associate", "--him", "--goal", "coding", "--start", "2026-12"]
    plain = modules_after([*args, "--json"], tmp_path)
    assert "sqlite3" not in plain and "mrt_guide.store.ce" not in plain
    shown = modules_after(args, tmp_path)
    assert "sqlite3" not in shown
    logged = modules_after(["plan", "--from-log", "--goal", "coding", "--json"], tmp_path)
    assert "sqlite3" in logged


def test_a_damaged_log_is_one_line_and_left_as_it_is(cli: Any) -> None:
    import os

    home = Path(os.environ["MRT_GUIDE_HOME"])
    home.mkdir(mode=0o700, parents=True)
    garbage = b"this is not a database, just a file someone put here\n" * 200
    (home / "ce.db").write_bytes(garbage)
    result = cli("plan", "--from-log", "--goal", "coding")
    assert result.exit_code == 65 and result.stdout == "" and result.stderr.count("\n") == 1
    assert "is damaged or not an mrt-guide database" in result.stderr
    assert (home / "ce.db").read_bytes() == garbage
    # without --from-log the plan never reads it
    plain = cli("plan", "--education", "associate", "--him", "--goal", "coding", "--json")
    assert plain.exit_code == 0 and plain.stderr == ""


# the work history ('ce work add') against the experience an exam asks for


def _months_ago(n: int) -> str:
    today = dt.date.today()
    count = today.year * 12 + today.month - 1 - n
    return f"{count // 12:04d}-{count % 12 + 1:02d}"


def _work(cli: Any, *periods: tuple[str, str | None]) -> None:
    for start, end in periods:
        args = ["ce", "work", "add", "--role", "coding", "--start", start, *(["--end", end] if end else [])]
        result = cli(*args)
        assert result.exit_code == 0, result.stderr


def _flat(text: str) -> str:
    return " ".join(text.replace("│", " ").split())


def test_an_rhit_holder_with_14_months_of_coding_can_sit_the_ccs_at_once(cli: Any, cli_json: Any) -> None:
    _log(cli, RHIT="2025-03-13")
    _work(cli, (_months_ago(13), _months_ago(6)), (_months_ago(8), None))  # overlapping, one open
    start = _months_ago(0)
    data = cli_json("plan", "--from-log", "--goal", "coding", "--start", start)
    from mrt_guide.contract import CONTRACTS

    CONTRACTS["plan"].model_validate(data, strict=True)
    steps = {m["id"]: m for m in data["milestones"]}
    work = steps["ccs-experience"]  # the year AHIMA recommends even to an RHIT
    assert work["logged"] == {"role": "coding", "months": 14, "needed": 12} and work["months"] == 0
    assert steps["exam-ccs"]["start"] == start and steps["exam-ccs"]["pathway"] == "ccs-credential"
    assert data["totals"]["months_to_first_credential"] == 0
    assert [(w["role"], w["months"]) for w in data["log"]["work"]] == [("coding", 14)]
    ahead = {n["target"]: n for n in data["log"]["next"]}
    assert ahead["CCS"]["exam"] == start
    out = _flat(cli("plan", "--from-log", "--goal", "coding", "--start", start, env={"COLUMNS": "80"}).stdout)
    assert "Your CE log's work history: done: 14 months logged." in out
    assert "Coding (assigning diagnosis and procedure codes): 14 months logged" in out


def test_part_of_the_year_logged_shortens_the_step_and_moves_the_exam(cli: Any, cli_json: Any) -> None:
    _log(cli, RHIT="2025-03-13")
    _work(cli, (_months_ago(4), None))  # five months, this one included
    data = cli_json("plan", "--from-log", "--goal", "coding", "--start", "2026-12")
    steps = {m["id"]: m for m in data["milestones"]}
    assert steps["ccs-experience"]["months"] == 12 - 5
    assert steps["ccs-experience"]["logged"] == {"role": "coding", "months": 5, "needed": 12}
    assert steps["exam-ccs"]["start"] == "2027-07"  # 2027-12 with nothing logged
    out = _flat(
        cli("plan", "--from-log", "--goal", "coding", "--start", "2026-12", env={"COLUMNS": "80"}).stdout
    )
    assert "Your CE log's work history: 5 of 12 months logged; 7 to go." in out


def test_two_years_logged_open_the_experience_route_without_a_credential(cli: Any, cli_json: Any) -> None:
    _log(cli, CPC="2025-03-13")  # the CPC is no way to the CCS: the experience is
    args = [
        "plan",
        "--from-log",
        "--education",
        "bachelor",
        "--not-him",
        "--goal",
        "coding",
        "--start",
        "2026-12",
    ]
    before = cli_json(*args)
    assert "ccs-experience-experience" not in {m["id"] for m in before["milestones"]}
    _work(cli, ("2023-01", "2024-12"), ("2024-07", "2025-06"))  # 30 months, 6 of them counted once
    data = cli_json(*args)
    steps = {m["id"]: m for m in data["milestones"]}
    work = steps["ccs-experience-experience"]
    assert work["pathway"] == "ccs-experience" and work["months"] == 0
    assert work["logged"] == {"role": "coding", "months": 30, "needed": 24}
    assert steps["exam-ccs"]["start"] == "2026-12" and steps["exam-ccs"]["pathway"] == "ccs-experience"
    assert "exam-cca" not in steps and "prepare-coding-course" not in steps
    assert _flat(cli(*args, env={"COLUMNS": "80"}).stdout).count("done: 30 months logged") == 1


def test_logged_coding_shortens_the_way_the_a_of_the_cpc_a_is_removed(cli: Any, cli_json: Any) -> None:
    _log(cli, RHIT="2025-03-13")
    args = ["plan", "--from-log", "--goal", "coding-aapc", "--start", "2026-12"]
    before = {m["id"]: m for m in cli_json(*args)["milestones"]}["cpc-a-removal"]
    assert before["months"] == 12 and before["logged"] is None
    _work(cli, (_months_ago(8), None))  # nine months
    removal = {m["id"]: m for m in cli_json(*args)["milestones"]}["cpc-a-removal"]
    assert removal["logged"] == {"role": "coding", "months": 9, "needed": 12} and removal["months"] == 3
    assert (removal["start"], removal["end"]) == ("2026-12", "2027-02")
    assert "9 of 12 months logged; 3 to go" in _flat(cli(*args, env={"COLUMNS": "80"}).stdout)
