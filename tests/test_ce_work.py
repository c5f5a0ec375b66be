"""``mrt-guide ce work``: the work history in the CE log (schema 5): kinds from the dataset,
months checked, overlaps counted once, kept by backup and restore, checked on restore."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.contract import CONTRACTS
from mrt_guide.queries import worklog


def _months_ago(n: int) -> str:
    today = dt.date.today()
    count = today.year * 12 + today.month - 1 - n
    return f"{count // 12:04d}-{count % 12 + 1:02d}"


def _add(cli: Any, *args: str) -> Any:
    return cli("ce", "work", "add", *args)


def test_work_is_added_listed_and_removed(cli: Any, cli_json: Any) -> None:
    first = _add(
        cli, "--role", "Coding", "--start", "2024-01", "--end", "2024-08", "--employer", "City Hospital"
    )
    assert first.exit_code == 0 and first.stdout == "1\n"
    assert first.stderr == (
        "Added work period #1: coding from 2024-01 to 2024-08; 8 months of coding logged in all.\n"
    )
    second = _add(cli, "--role", "coding", "--start", "2024-06", "--end", "2024-12")
    assert second.exit_code == 0 and second.stdout == "2\n"
    assert "12 months of coding logged in all" in second.stderr  # June to August counted once
    third = _add(cli, "--role", "privacy-security", "--start", _months_ago(2))
    assert third.exit_code == 0 and "from " + _months_ago(2) + " on; 3 months" in third.stderr
    data = cli_json("ce", "work", "list")
    CONTRACTS["ce work list"].model_validate(data, strict=True)
    assert data["as_of"] == _months_ago(0)
    assert [(w["id"], w["role"], w["start"], w["end"], w["months"], w["employer"]) for w in data["work"]] == [
        (1, "coding", "2024-01", "2024-08", 8, "City Hospital"),
        (2, "coding", "2024-06", "2024-12", 7, None),
        (3, "privacy-security", _months_ago(2), None, 3, None),
    ]
    assert [(t["role"], t["months"]) for t in data["totals"]] == [("coding", 12), ("privacy-security", 3)]
    assert data["totals"][0]["label"] == "Coding (assigning diagnosis and procedure codes)"
    shown = cli("ce", "work", "list", env={"COLUMNS": "80"})
    assert shown.exit_code == 0 and shown.stderr == ""
    assert "City Hospital" in shown.stdout and "now" in shown.stdout
    assert "Coding (assigning diagnosis and procedure codes): 12 months" in " ".join(shown.stdout.split())
    plain = cli("ce", "work", "list", "--plain")
    assert plain.stdout.splitlines()[1] == "1\tcoding\t2024-01\t2024-08\t8\tCity Hospital"
    narrow = cli("ce", "work", "list", env={"COLUMNS": "40", "LANG": "C"})
    assert narrow.exit_code == 0 and max(len(line) for line in narrow.stdout.splitlines()) <= 40
    asked = cli("ce", "work", "remove", "2")  # not a terminal: it needs --yes
    assert asked.exit_code == 2 and "add --yes" in asked.stderr and asked.stdout == ""
    gone = cli("ce", "work", "remove", "2", "--yes")
    assert gone.exit_code == 0 and gone.stderr == "Removed work period #2.\n" and gone.stdout == ""
    assert [w["id"] for w in cli_json("ce", "work", "list")["work"]] == [1, 3]
    again = cli("ce", "work", "remove", "2", "--yes")
    assert again.exit_code == 2 and "No work period #2 in the log" in again.stderr
    for bad in ("0", "x", "9" * 30, "١٢"):
        refused = cli("ce", "work", "remove", bad, "--yes")
        assert refused.exit_code == 2 and "is not a work period id" in refused.stderr, bad


def test_an_empty_list_does_not_create_the_log(cli: Any, cli_json: Any) -> None:
    data = cli_json("ce", "work", "list")
    assert data["work"] == [] and data["totals"] == []
    shown = cli("ce", "work", "list")
    assert "mrt-guide ce work add --role coding --start YYYY-MM" in shown.stdout
    assert not (Path(os.environ["MRT_GUIDE_HOME"]) / "ce.db").exists()


BAD = [
    (["--role", "codign", "--start", "2024-01"], "No role 'codign'. Did you mean coding?"),
    (["--role", "coding", "--start", "1929-12"], "before 1930"),
    (["--role", "coding", "--start", "2024-01", "--end", "2200-01"], "after 2199"),
    (["--role", "coding", "--start", "2024-13"], "give a year and month as YYYY-MM"),
    (["--role", "coding", "--start", "2024-01-05"], "give a year and month as YYYY-MM"),
    (["--role", "coding", "--start", "2024-06", "--end", "2024-01"], "comes before --start 2024-06"),
    (["--role", "coding", "--start", _months_ago(-1)], "it is after this month"),
    (["--role", "coding", "--start", "2024-01", "--employer", "x" * 201], "at most 200"),
    (["--role", "coding", "--start", "2024-01", "--employer", "a\x1bb"], "control or invisible"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[m[:30] for _, m in BAD])
def test_a_bad_kind_or_month_is_a_usage_error_and_writes_nothing(
    cli: Any, args: list[str], message: str
) -> None:
    result = _add(cli, *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
    assert not (Path(os.environ["MRT_GUIDE_HOME"]) / "ce.db").exists()


def test_months_count_overlaps_once_and_an_open_period_to_today() -> None:
    on = dt.date(2026, 3, 10)
    periods = [
        {"role": "coding", "start": "2025-01", "end": "2025-06"},
        {"role": "coding", "start": "2025-04", "end": "2025-09"},  # 3 months shared
        {"role": "coding", "start": "2026-01", "end": None},  # January to March 2026
        {"role": "cancer-registry", "start": "2026-03", "end": "2026-03"},
    ]
    assert worklog.months(periods, on) == {"coding": 12, "cancer-registry": 1}
    assert worklog.months([], on) == {}


def test_backup_and_restore_keep_the_work_history(cli: Any, cli_json: Any, tmp_path: Path) -> None:
    assert _add(cli, "--role", "coding", "--start", "2024-01", "--end", "2024-12").exit_code == 0
    target = tmp_path / "saved.db"
    assert cli("ce", "backup", str(target)).exit_code == 0
    assert cli("ce", "work", "remove", "1", "--yes").exit_code == 0
    restored = cli("ce", "restore", str(target), "--yes")
    assert restored.exit_code == 0, restored.stderr
    assert [(w["start"], w["end"]) for w in cli_json("ce", "work", "list")["work"]] == [
        ("2024-01", "2024-12")
    ]
    # 'ce export' writes the activities only; the work history stays in the log
    exported = cli("ce", "export", "-")
    assert exported.exit_code == 0 and "2024-01" not in exported.stdout


HOSTILE = [
    ("early", "UPDATE work SET start_month = '1925-01'", "work period #1 has a month before 1930"),
    ("late", "UPDATE work SET end_month = '2300-01'", "work period #1 has a month before 1930 or after 2199"),
    ("reversed", "UPDATE work SET end_month = '2023-01'", "breaks the log's rules"),
    ("not-a-month", "UPDATE work SET start_month = '2024-13'", "breaks the log's rules"),
    ("long-employer", f"UPDATE work SET employer = '{'x' * 300}'", "names an employer past the limit"),
]


@pytest.mark.parametrize(("name", "sql", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_restore_of_work_past_the_limits_is_refused_and_changes_nothing(
    cli: Any, cli_json: Any, tmp_path: Path, name: str, sql: str, message: str
) -> None:
    assert _add(cli, "--role", "coding", "--start", "2024-01", "--end", "2024-12").exit_code == 0
    target = tmp_path / f"{name}.db"
    assert cli("ce", "backup", str(target)).exit_code == 0
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(sql)
    finally:
        conn.close()
    result = cli("ce", "restore", str(target), "--yes")
    assert result.exit_code == 65 and result.stdout == "" and result.stderr.count("\n") == 1
    assert message in result.stderr and "not restored" in result.stderr, result.stderr
    assert [(w["start"], w["end"]) for w in cli_json("ce", "work", "list")["work"]] == [
        ("2024-01", "2024-12")
    ]


def test_a_schema_4_log_is_migrated_with_a_backup_first(cli: Any, cli_json: Any) -> None:
    from .test_ce_store import FIXTURE, query

    home = Path(os.environ["MRT_GUIDE_HOME"])
    home.mkdir(mode=0o700, parents=True)
    conn = sqlite3.connect(home / "ce.db", isolation_level=None)
    src = sqlite3.connect(FIXTURE)
    try:
        src.backup(conn)
        from mrt_guide.store import ce as store

        for step in store.SCHEMA.migrations[1:4]:  # a log as release with schema 4 left it
            with conn:
                step(conn)
        conn.execute("PRAGMA user_version = 4")
    finally:
        src.close()
        conn.close()
    result = _add(cli, "--role", "coding", "--start", "2024-01")
    assert result.exit_code == 0 and result.stdout == "1\n"
    (backup,) = (home / "backups").iterdir()
    assert f"Updated the CE log to schema 5; the old one is kept as {backup}." in result.stderr
    assert query(backup, "PRAGMA user_version") == [(4,)]
    assert query(home / "ce.db", "PRAGMA user_version") == [(5,)]
    assert len(cli_json("ce", "list", "--cycle", "all")["activities"]) == 5  # every activity kept


def test_the_kinds_are_the_datasets_and_complete(cli: Any, guide: Any) -> None:
    kinds = worklog.kinds(guide)
    assert list(kinds) == ["coding", "privacy-security", "cancer-registry"]
    asked = {
        p["experience_kind"]
        for c in guide.certifications
        for p in c["eligibility"]["pathways"]
        if p["experience"] is not None
    }
    assert asked == set(kinds)  # every pathway's experience has a kind, and every kind is asked for
    removal = [w for c in guide.certifications if c["apprentice"] for w in c["apprentice"]["removal"]]
    assert removal and {w["experience_kind"] for w in removal} == {"coding"}
    env = {
        "_MRT_GUIDE_COMPLETE": "complete_bash",
        "COMP_WORDS": "mrt-guide ce work add --role co",
        "COMP_CWORD": "5",
    }
    done = cli(env=env)
    assert "coding" in done.stdout.split() and "cancer-registry" not in done.stdout.split()
