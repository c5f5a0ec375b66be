"""mrt-guide ce: the commands a credential holder uses, their output in every format, their
files (CSV, iCalendar, backups, evidence), and one line and a status for every bad input."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.contract import CONTRACTS
from tests.ce_words import phrased

from .conftest import error


@pytest.fixture
def home() -> Path:
    return Path(os.environ["MRT_GUIDE_HOME"])


def rows(home: Path) -> list[tuple[Any, ...]]:
    """Every activity in the log, read straight from the file."""
    conn = sqlite3.connect(home / "ce.db")
    try:
        return conn.execute(
            "SELECT id, date, title, minutes, ceus, tags FROM activities ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture
def holder(ce: Any, tmp_path: Path) -> dict[str, Any]:
    """A holder of the RHIT and the CCS, earned the same day, part-way through a cycle, with a
    certificate for one activity."""
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("credential", "add", "ccs", "--earned", "2024-05-06")
    cert = tmp_path / "Certificate of attendance.pdf"
    cert.write_bytes(b"%PDF-1.4 certificate for ICD-10-CM updates\n")
    ids = [
        ce("add", "--title", "ICD-10-CM updates", "--provider", "AHIMA", "--date", "2024-07-01", "--hours",
           "3", "--ahima-source", "--evidence", str(cert)).stdout.strip(),
        ce("add", "--title", "CDI query compliance", "--provider", "State HIM association", "--date",
           "2024-09-18", "--minutes", "105", "--ahima-source").stdout.strip(),
        ce("add", "--title", "Spreadsheets", "--date", "2025-01-09", "--ceus", "4",
           "--not-in-domain").stdout.strip(),
    ]  # fmt: skip
    return {"ids": ids, "cert": cert}


# the whole cycle of an RHIT and CCS holder


def test_a_holder_of_rhit_and_ccs_keeps_a_whole_cycle(
    cli: Any, ce: Any, holder: dict[str, Any], home: Path, tmp_path: Path
) -> None:
    assert holder["ids"] == ["1", "2", "3"]
    # at a glance: what is missing
    shown = ce("status", "--on", "2025-02-01", "--no-color")
    out = shown.stdout
    assert "AHIMA: CCS, RHIT" in out and "2024-05-06 to 2026-05-05" in out
    assert "9 of 30 CEUs in all" in out and "5 of 24 CEUs in the HIM domains" in out
    assert "Still needed: 21 more CEUs, at least 19 in the HIM domains, at least 7 from AHIMA" in out
    assert "█" in out and "░" in out and shown.stderr == ""
    # the rest of the cycle
    for n, date in enumerate(("2025-04-02", "2025-08-20", "2025-11-05", "2026-02-11")):
        ce("add", "--title", f"Coding roundtable {n}", "--date", date, "--ceus", "5", "--ahima-source")
    data = json.loads(ce("status", "--on", "2026-04-01", "--json").stdout)
    (cycle,) = data["cycles"]
    assert (cycle["earned"], cycle["required"], cycle["remaining"], cycle["state"]) == (29, 30, 1, "on-track")
    ce("add", "--title", "Outpatient coding", "--date", "2026-03-03", "--hours", "1")
    done = phrased(json.loads(ce("status", "--on", "2026-04-01", "--json", "--check").stdout))["cycles"][0]
    assert done["state"] == "complete" and all(c["ok"] for c in done["checks"])
    assert (done["needed"]["code"], done["needed"]["missing"], done["needed"]["tags"]) == ("none", 0, [])
    assert done["needed_words"] == "Nothing more is needed for this cycle."
    # deadlines in a calendar
    ics = tmp_path / "deadlines.ics"
    assert cli("ce", "calendar", str(ics), "--on", "2026-04-01").exit_code == 0
    assert "DTSTART;VALUE=DATE:20260505" in ics.read_text("utf-8")
    # the packet for an auditor
    packet = tmp_path / "audit.html"
    ce("report", "--on", "2026-04-01", "--export", str(packet))
    html = packet.read_text("utf-8")
    digest = hashlib.sha256(holder["cert"].read_bytes()).hexdigest()
    # (table cells wrap at the export's width: look for words)
    for needle in ("ICD-10-CM", "compliance", "association", digest, "Certificate of attendance.pdf",
                   "matches", "ahima-recert", "30 CEUs in all"):  # fmt: skip
        assert needle.replace(" ", "&#160;") in html.replace(" ", "&#160;"), needle


# adding, editing, removing


def test_add_prints_the_id_and_says_what_it_counts_for(cli: Any, ce: Any, home: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    result = ce("add", "--title", "Webinar", "--date", "2024-06-01", "--minutes", "50")
    assert result.stdout == "1\n" and result.stderr == "Added #1: 1 CEU for AHIMA.\n"
    assert rows(home) == [(1, "2024-06-01", "Webinar", 50, None, "in_domain")]


def test_an_activity_before_the_first_cycle_is_logged_with_a_note(ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    result = ce("add", "--title", "Exam prep", "--date", "2024-04-01", "--hours", "2")
    assert "precedes your first AHIMA cycle (2024-05-06): it counts in none." in result.stderr


def test_for_is_needed_with_credentials_of_two_issuers(cli: Any, ce: Any, home: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("credential", "add", "CTR", "--earned", "2023-06-20")
    result = cli("ce", "add", "--title", "Tumor board", "--date", "2024-06-01", "--hours", "1")
    error(result, 2, "Say which credential the activity counts for", "--for RHIT", "--for ODS")
    added = ce("add", "--title", "Tumor board", "--date", "2024-06-01", "--hours", "1", "--for", "ctr")
    assert added.stderr == "Added #1: 1 CE hour for NCRA.\n"
    listed = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    assert listed[0]["for"] == ["ODS"] and listed[0]["tags"] == []  # HIM domains mean nothing to NCRA


def test_the_same_activity_twice_is_refused(cli: Any, ce: Any, home: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("add", "--title", "Coding update", "--provider", "AHIMA", "--date", "2024-06-01", "--hours", "1")
    again = cli("ce", "add", "--title", "coding  UPDATE", "--provider", "ahima", "--date", "2024-06-01",
                "--minutes", "60")  # fmt: skip
    error(again, 2, "in the log already as #1")
    assert len(rows(home)) == 1


BAD_ADDS = [
    (["--date", "2026-02-30", "--hours", "1"], "Invalid --date '2026-02-30': day is out of range for month."),
    (["--date", "2025-13-01", "--hours", "1"], "Invalid --date '2025-13-01': month must be in 1..12."),
    (["--date", "01/02/2025", "--hours", "1"], "give a date as YYYY-MM-DD"),
    (["--date", "2999-01-01", "--hours", "1"], "it is in the future"),
    (["--date", "1899-01-01", "--hours", "1"], "before 1930"),
    (["--date", "2025-01-02", "--hours", "-2"], "Invalid --hours '-2': it must be more than 0."),
    (["--date", "2025-01-02", "--hours", "0"], "it must be more than 0"),
    (["--date", "2025-01-02", "--hours", "nan"], "give a number"),
    (["--date", "2025-01-02", "--hours", "inf"], "give a number"),
    (["--date", "2025-01-02", "--hours", "250"], "longer than one activity runs (100 hours at most)"),
    (["--date", "2025-01-02", "--minutes", "1.5"], "give whole minutes"),
    (["--date", "2025-01-02", "--ceus", "500"], "more than one activity earns (100 at most)"),
    (["--date", "2025-01-02", "--ceus", "ten"], "Invalid --ceus 'ten': give a number"),
    (["--date", "2025-01-02", "--hours", "1", "--ceus", "1"], "Give one of --hours, --minutes or --ceus"),
    (["--date", "2025-01-02"], "Give the activity's length"),
    (["--hours", "1"], "Missing option '--date'"),
    (
        ["--date", "2025-01-02", "--hours", "1", "--for", "RHTI"],
        "No certification 'RHTI'. Did you mean RHIT?",
    ),
    (["--date", "2025-01-02", "--hours", "1", "--for", "CCS"], "CCS is not in the log; add it first"),
    (
        ["--date", "2025-01-02", "--hours", "1", "--notes", "a\x1b[2Jb"],
        "control or invisible character U+001B",
    ),
    (["--date", "2025-01-02", "--hours", "1", "--evidence", "/nonexistent/cert.pdf"], "does not exist"),
]


@pytest.mark.parametrize(("args", "message"), BAD_ADDS, ids=[m[:30] for _, m in BAD_ADDS])
def test_each_bad_input_is_one_line_and_loses_nothing(
    cli: Any, ce: Any, home: Path, args: list[str], message: str
) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("add", "--title", "Kept", "--date", "2024-06-01", "--hours", "1")
    before = rows(home)
    error(cli("ce", "add", "--title", "New", *args), 2, message)
    assert rows(home) == before
    assert not (home / "evidence").exists()


def test_an_unknown_credential_suggests_the_closest(cli: Any) -> None:
    error(cli("ce", "credential", "add", "RHTI", "--earned", "2024-05-06"), 2, "Did you mean RHIT?")
    error(cli("ce", "credential", "add", "RHIT", "--earned", "2024-02-30"), 2, "day is out of range")
    error(
        cli("ce", "cycle", "set", "AHMIA", "--start", "2024-01-01"),
        2,
        "No issuer 'AHMIA'. Did you mean AHIMA?",
    )


def test_edit_changes_only_what_is_given(cli: Any, ce: Any, holder: dict[str, Any], home: Path) -> None:
    result = ce("edit", "2", "--hours", "3", "--no-ahima-source", "--notes", "room 4")
    assert result.stderr == "Changed #2: length, notes, ahima source.\n"
    listed = {a["id"]: a for a in json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]}
    two = listed[2]
    assert (two["minutes"], two["tags"], two["notes"], two["title"]) == (
        180,
        ["in_domain"],
        "room 4",
        "CDI query compliance",
    )
    error(cli("ce", "edit", "2"), 2, "Nothing to change")
    error(cli("ce", "edit", "99", "--hours", "1"), 2, "No activity #99 in the log")
    same = cli(
        "ce", "edit", "2", "--title", "ICD-10-CM updates", "--provider", "AHIMA", "--date", "2024-07-01"
    )
    error(same, 2, "would be the same activity as #1")
    assert listed[1]["evidence"]["name"] == "Certificate of attendance.pdf"
    stored = home / listed[1]["evidence"]["file"].split(str(home) + "/", 1)[1]
    ce("edit", "1", "--no-evidence")
    assert not stored.exists()  # the copy no other activity uses is gone with it


def test_remove_asks_and_needs_yes_off_a_terminal(
    cli: Any, ce: Any, holder: dict[str, Any], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error(cli("ce", "remove", "1"), 2, "Removing activities asks first; run it on a terminal, or add --yes.")
    assert len(rows(home)) == 3
    error(cli("ce", "remove", "1", "7"), 2, "No activity #7 in the log; nothing was removed.")
    from mrt_guide.commands import ce as command

    monkeypatch.setattr(command, "_interactive", lambda: True)
    declined = cli("ce", "remove", "2", input="n\n")
    assert declined.exit_code == 0 and "Nothing was removed." in declined.stderr and len(rows(home)) == 3
    accepted = cli("ce", "remove", "2", input="y\n")
    assert accepted.exit_code == 0 and "Remove #2 2024-09-18 CDI query compliance?" in accepted.stderr
    evidence = list((home / "evidence").iterdir())
    assert len(evidence) == 1
    assert ce("remove", "1", "--yes").stderr == "Removed 1 activity.\n"
    assert [r[0] for r in rows(home)] == [3] and list((home / "evidence").iterdir()) == []


def test_removing_a_credential_keeps_its_activities(
    cli: Any, ce: Any, holder: dict[str, Any], home: Path
) -> None:
    error(cli("ce", "credential", "remove", "CCS"), 2, "asks first")
    result = ce("credential", "remove", "CCS", "--yes")
    assert result.stderr == "Removed CCS.\n"  # every activity is also for the RHIT
    assert len(rows(home)) == 3
    result = ce("credential", "remove", "rhit", "--yes")
    assert "3 activities were reported only for RHIT: they stay in the log" in result.stderr
    assert len(rows(home)) == 3
    error(cli("ce", "credential", "remove", "RHIT", "--yes"), 2, "RHIT is not in the log")


# what reading shows, in every format


def test_list_picks_the_cycle_and_the_credential(ce: Any, holder: dict[str, Any]) -> None:
    ce("credential", "add", "ODS", "--earned", "2023-06-20")
    ce("add", "--title", "Staging", "--date", "2024-02-02", "--ceus", "3", "--for", "ODS", "--category-a")
    ids = lambda *a: [x["id"] for x in json.loads(ce("list", "--json", *a).stdout)["activities"]]  # noqa: E731
    assert ids("--cycle", "all") == [4, 1, 2, 3]
    assert ids("--on", "2025-02-01") == [4, 1, 2, 3]  # AHIMA 2024-05-06.., NCRA 2023-06-20..2025-12-31
    assert ids("--on", "2026-06-01") == []
    assert ids("--on", "2026-06-01", "--cycle", "previous") == [4, 1, 2, 3]
    assert ids("--cycle", "all", "--for", "ctr") == [4]
    assert ids("--cycle", "ALL", "--for", "CCS") == [1, 2, 3]


def test_list_json_is_one_activity_a_line_and_matches_its_contract(ce: Any, holder: dict[str, Any]) -> None:
    text = ce("list", "--cycle", "all", "--json").stdout
    lines = text.splitlines()
    assert lines[0] == "{" and lines[1] == '  "schema_version": 1,'
    record_lines = [ln for ln in lines if ln.startswith('    {"id": ')]
    assert len(record_lines) == 3
    doc = json.loads(text)
    CONTRACTS["ce list"].model_validate(doc, strict=True)
    first = doc["activities"][0]
    assert first["counted"] == [{"issuer": "AHIMA", "credits": 3, "unit": "ceu"}]
    assert (
        first["evidence"]["sha256"]
        == hashlib.sha256(b"%PDF-1.4 certificate for ICD-10-CM updates\n").hexdigest()
    )
    assert first["for"] == ["CCS", "RHIT"] and first["tags"] == ["ahima_source", "in_domain"]


def test_every_read_command_matches_its_contract_with_a_full_log(
    cli_json: Any, holder: dict[str, Any]
) -> None:
    for form, args in (
        ("ce status", ["ce", "status", "--on", "2025-02-01"]),
        ("ce credential list", ["ce", "credential", "list"]),
        ("ce report", ["ce", "report", "--cycle", "all", "--on", "2025-02-01"]),
    ):
        doc = cli_json(*args)
        CONTRACTS[form].model_validate(doc, strict=True)
    status = cli_json("ce", "status", "--on", "2025-02-01")
    assert set(status["cycles"][0]) >= {"issuer", "credentials", "start", "end", "due", "required", "earned",
                                       "remaining", "checks"}  # fmt: skip
    assert set(status["cycles"][0]["checks"][0]) >= {"rule", "kind", "ok", "share", "window"}
    # the counting note cites its (secondary) source as a code now, so the document lists it
    counting = [n for n in status["cycles"][0]["notes"] if n["code"] == "counting"]
    assert [(n["minutes"], n["round_up_from"], n["source"], n["flag"]) for n in counting] == [
        (60, 45, "schima-2014", "secondary")
    ]
    assert "ahima-recert" in status["sources"] and "schima-2014" in status["sources"]


def test_plain_and_markdown(cli: Any, holder: dict[str, Any]) -> None:
    plain = cli("ce", "list", "--cycle", "all", "--plain")
    assert plain.exit_code == 0 and plain.stderr == ""
    lines = plain.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["id", "date", "title"] and [
        ln.split("\t")[0] for ln in lines[1:]
    ] == ["1", "2", "3"]
    status = cli("ce", "status", "--on", "2025-02-01", "--plain").stdout.splitlines()
    assert status[1].split("\t")[:4] == ["AHIMA-2024-05-06", "AHIMA", "CCS RHIT", "2024-05-06"]
    markdown = cli("ce", "report", "--on", "2025-02-01", "--markdown").stdout
    assert markdown.startswith("# Continuing-education audit packet")
    assert "| 1 | 2024-07-01 | ICD-10-CM updates _AHIMA_ |" in markdown  # no HTML in Markdown


def test_status_fits_40_columns_and_lang_c(cli: Any, holder: dict[str, Any]) -> None:
    narrow = cli("ce", "status", "--on", "2025-02-01", env={"COLUMNS": "40"})
    assert narrow.exit_code == 0 and all(len(line) <= 40 for line in narrow.stdout.splitlines())
    ascii = cli("ce", "status", "--on", "2025-02-01", env={"LANG": "C", "LC_ALL": "C"})
    assert (
        ascii.exit_code == 0 and ascii.stdout.isascii() and "####" in ascii.stdout and "----" in ascii.stdout
    )


def test_status_with_an_empty_log_says_what_to_do(cli: Any, home: Path) -> None:
    result = cli("ce", "status")
    assert result.exit_code == 0 and "ce credential add RHIT --earned" in result.stdout
    assert json.loads(cli("ce", "status", "--json").stdout)["cycles"] == []
    assert not home.exists()


def test_reading_never_creates_the_log(cli: Any, home: Path, tmp_path: Path) -> None:
    for args in (["status"], ["list", "--cycle", "all"], ["report"], ["credential", "list"], ["export", "-"],
                 ["path"], ["list", "--json"]):  # fmt: skip
        assert cli("ce", *args).exit_code == 0, args
    assert cli("ce", "backup").exit_code == 1
    assert cli("ce", "calendar", str(tmp_path / "x.ics")).exit_code == 1
    assert cli("ce", "import", str(tmp_path / "none.csv"), "--dry-run").exit_code == 74
    assert not home.exists()


def test_path_and_private_files(ce: Any, holder: dict[str, Any], home: Path) -> None:
    assert ce("path").stdout == f"{home / 'ce.db'}\n"
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "ce.db").stat().st_mode) == 0o600
    for file in (home / "evidence").iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        assert (
            hashlib.sha256(file.read_bytes()).hexdigest()
            == hashlib.sha256(holder["cert"].read_bytes()).hexdigest()
        )


# the audit packet


def test_the_report_checks_each_evidence_file_again(
    ce: Any, holder: dict[str, Any], home: Path, tmp_path: Path
) -> None:
    doc = json.loads(ce("report", "--on", "2025-02-01", "--json").stdout)
    (cycle,) = doc["cycles"]
    states = {r["id"]: r["evidence_state"] for r in cycle["records"]}
    assert states == {1: "ok", 2: None, 3: None}
    assert {r["id"]: r["credits"] for r in cycle["records"]} == {1: 3, 2: 2, 3: 4}
    assert [c["rule"] for c in cycle["checks"]] == ["total", "ahima-share-domains", "ahima-share-own"]
    assert any("audit rate" in nf for nf in cycle["not_found"])
    (stored,) = (home / "evidence").iterdir()
    stored.write_bytes(b"changed")
    assert (
        json.loads(ce("report", "--on", "2025-02-01", "--json").stdout)["cycles"][0]["records"][0][
            "evidence_state"
        ]
        == "changed"
    )
    stored.unlink()
    assert (
        json.loads(ce("report", "--on", "2025-02-01", "--json").stdout)["cycles"][0]["records"][0][
            "evidence_state"
        ]
        == "missing"
    )


def test_the_report_as_csv_is_safe_in_a_spreadsheet(ce: Any, holder: dict[str, Any], tmp_path: Path) -> None:
    ce("add", "--title", '=HYPERLINK("http://x")', "--date", "2025-01-10", "--hours", "1")
    target = tmp_path / "audit.csv"
    result = ce("report", "--on", "2025-02-01", "--export", str(target))
    assert result.stderr == f"Wrote {target} (csv, 7 rows).\n"
    raw = target.read_bytes()
    assert raw.count(b"\r\n") == 8 and raw.decode("utf-8")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert [r["record"] for r in table] == ["total"] * 3 + ["activity"] * 4
    assert table[0]["rule"] == "total" and table[0]["required"] == "30" and table[0]["earned"] == "10"
    formula = next(r for r in table if "HYPERLINK" in r["title"])
    assert formula["title"] == '\'=HYPERLINK("http://x")'


@pytest.mark.parametrize("suffix", [".md", ".json", ".html", ".txt"])
def test_the_report_exports(ce: Any, holder: dict[str, Any], tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"audit{suffix}"
    ce("report", "--on", "2025-02-01", "--export", str(target))
    text = target.read_text("utf-8")
    assert "compliance" in text and "Spreadsheets" in text
    if suffix == ".json":
        CONTRACTS["ce report"].model_validate(json.loads(text), strict=True)


# CSV out and in


def test_export_then_import_elsewhere_round_trips(
    cli: Any, ce: Any, holder: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ce("add", "--title", "-1 day: @risk", "--provider", "+x", "--date", "2025-01-11", "--hours", "1",
       "--notes", "line one\nline two")  # fmt: skip
    target = tmp_path / "ce.csv"
    assert ce("export", str(target)).stderr == f"Wrote 4 activities to {target}.\n"
    raw = target.read_bytes().decode("utf-8")
    assert raw.startswith(
        "id,date,title,provider,minutes,ceus,for,in_domain,ahima_source,category_a,in_person,"
    )
    assert ",'-1 day: @risk,'+x," in raw and '"line one\nline two"' in raw
    before = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    monkeypatch.setenv("MRT_GUIDE_HOME", str(tmp_path / "elsewhere"))
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("credential", "add", "CCS", "--earned", "2024-05-06")
    dry = ce("import", str(target), "--dry-run")
    assert dry.stderr == f"{target}: 4 rows are good; would add 4, 0 in the log already.\n"
    assert json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"] == []
    first = ce("import", str(target))
    assert first.stderr.startswith(f"Imported 4 activities from {target}; 0 were in the log already.")
    again = ce("import", str(target))
    assert again.stderr == f"Imported 0 activities from {target}; 4 were in the log already.\n"
    after = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    keys = ("date", "title", "provider", "minutes", "ceus", "tags", "for", "notes")
    assert [{k: a[k] for k in keys} for a in after] == [{k: a[k] for k in keys} for a in before]
    assert after[0]["evidence"]["sha256"] == before[0]["evidence"]["sha256"]


def test_import_copies_evidence_found_beside_the_csv(ce: Any, home: Path, tmp_path: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    (tmp_path / "certs").mkdir()
    (tmp_path / "certs" / "a.pdf").write_bytes(b"certificate a")
    source = tmp_path / "mine.csv"
    source.write_text("date,title,hours,evidence_file\r\n2024-06-01,Webinar,1.5,certs/a.pdf\r\n", "utf-8")
    ce("import", str(source))
    (activity,) = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    assert activity["minutes"] == 90 and activity["evidence"]["name"] == "a.pdf"
    assert Path(activity["evidence"]["file"]).read_bytes() == b"certificate a"


BAD_CSV = [
    (
        "date,title,hours\r\n2024-06-01,Good,1\r\n2024-02-30,Bad date,1\r\n"
        "2024-06-02,,1\r\n2024-06-03,Neg,-1\r\n",
        [
            "line 3: Invalid date '2024-02-30': day is out of range for month.",
            "line 4: Missing title",
            "line 5: Invalid hours '-1': it must be more than 0.",
        ],
    ),
    ("date,title,minuts\r\n2024-06-01,A,1\r\n", ["line 1: unknown column 'minuts' (did you mean minutes?)"]),
    (
        "date,title,hours,for\r\n2024-06-01,A,1,RHTI\r\n",
        ["line 2: No certification 'RHTI'. Did you mean RHIT?"],
    ),
    (
        'date,title,hours,notes\r\n2024-06-01,A,1,"two\nlines"\r\n2024-06-01,B,1,x,extra\r\n',
        ["line 4: 5 cells; the header has 4."],
    ),
    (
        "date,title,hours,in_person\r\n2024-06-01,A,1,maybe\r\n",
        ["line 2: in_person 'maybe': write yes or no."],
    ),
    ("", ["line 1: the file is empty"]),
    ("title,hours\r\nA,1\r\n", ["line 1: the header needs the column(s) date."]),
]


@pytest.mark.parametrize(("text", "faults"), BAD_CSV, ids=range(len(BAD_CSV)))
def test_a_bad_csv_names_each_bad_line_and_imports_nothing(
    cli: Any, ce: Any, home: Path, tmp_path: Path, text: str, faults: list[str]
) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("add", "--title", "Kept", "--date", "2024-06-01", "--hours", "2")
    before = rows(home)
    source = tmp_path / "in.csv"
    source.write_text(text, "utf-8", newline="")
    result = cli("ce", "import", str(source))
    assert result.exit_code == 65 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"Error: {source}: {len(faults)} bad row(s); nothing was imported.")
    for fault, line in zip(faults, lines[1:], strict=True):
        assert line.strip().startswith(fault), (fault, line)
    assert rows(home) == before


def test_import_reads_a_bom_and_refuses_what_is_not_utf8(cli: Any, ce: Any, tmp_path: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    bom = tmp_path / "bom.csv"
    bom.write_bytes("\ufeffdate,title,ceus\r\n2024-06-01,Café,1\r\n".encode())
    ce("import", str(bom))
    assert json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"][0]["title"] == "Café"
    latin = tmp_path / "latin.csv"
    latin.write_bytes("date,title,ceus\r\n2024-06-02,Caf\xe9,1\r\n".encode("latin-1"))
    error(cli("ce", "import", str(latin)), 65, "line 2 is not UTF-8 (byte 0xe9); save the file as UTF-8.")


# the calendar


def test_the_calendar_has_all_day_events_with_reminders_and_stable_uids(ce: Any, tmp_path: Path) -> None:
    from icalendar import Calendar

    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    ce("credential", "add", "ODS", "--earned", "2023-06-20")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    result = ce("calendar", str(first), "--on", "2026-01-10")
    assert result.stderr.startswith(
        f"Wrote 12 events to {first}: 2026-01-31 NCRA CE due: 20 CE hours (ODS), "
    )
    cal = Calendar.from_ical(first.read_bytes())
    events = cal.walk("VEVENT")
    fees = [e for e in events if "fee" in str(e["SUMMARY"])]  # NCRA's annual fee: test_ce_fees.py
    assert len(fees) == 5
    assert [(str(e["SUMMARY"]), e.decoded("DTSTART").isoformat()) for e in events if e not in fees] == [
        ("NCRA CE due: 20 CE hours (ODS)", "2026-01-31"),  # the cycle that ended in December
        ("AHIMA CE cycle ends: 20 CEUs due (RHIT)", "2027-03-12"),
        ("NCRA CE cycle ends (ODS)", "2027-12-31"),
        ("NCRA CE due: 20 CE hours (ODS)", "2028-01-31"),
        ("AHIMA CE cycle ends: 20 CEUs due (RHIT)", "2029-03-12"),
        ("NCRA CE cycle ends (ODS)", "2029-12-31"),
        ("NCRA CE due: 20 CE hours (ODS)", "2030-01-31"),
    ]
    for event in events:
        assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(days=1)
        assert "VALUE=DATE" in event.to_ical().decode()
        triggers = sorted(a.decoded("TRIGGER").days for a in event.walk("VALARM"))
        assert triggers == [-90, -30, -7]
        assert all(str(a["ACTION"]) == "DISPLAY" for a in event.walk("VALARM"))
    ce("cycle", "set", "AHIMA", "--start", "2025-03-13", "--end", "2027-03-31")
    ce("calendar", str(second), "--on", "2026-01-10")

    def uids(file: Path) -> dict[str, str]:
        events = Calendar.from_ical(file.read_bytes()).walk("VEVENT")
        return {str(e["UID"]): e.decoded("DTSTART").isoformat() for e in events}

    before, after = uids(first), uids(second)
    assert set(before) == set(after)  # the same events, so a calendar updates them
    (end,) = [u for u in before if u.endswith("-ahima-20250313-0-end@mrt-guide")]
    assert (before[end], after[end]) == ("2027-03-12", "2027-03-31")


def test_calendar_needs_an_ics_name(cli: Any, ce: Any, tmp_path: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    error(cli("ce", "calendar", str(tmp_path / "x.txt")), 2, "a .ics name")
    error(cli("ce", "calendar", str(tmp_path / "no" / "x.ics")), 2, "its folder does not exist")


# backups


def test_backup_and_restore(cli: Any, ce: Any, holder: dict[str, Any], home: Path, tmp_path: Path) -> None:
    result = ce("backup")
    (made,) = (home / "backups").iterdir()
    assert result.stderr == f"Backed up the CE log (3 activities) to {made}.\n"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    copy = tmp_path / "copy.db"
    ce("backup", str(copy))
    error(cli("ce", "backup", str(copy)), 2, "exists already")
    ce("remove", "1", "2", "3", "--yes")
    assert rows(home) == []
    error(cli("ce", "restore", str(copy)), 2, "Restoring asks first")
    restored = ce("restore", str(copy), "--yes")
    assert "Restored the CE log from" in restored.stderr and "(3 activities)" in restored.stderr
    assert [r[2] for r in rows(home)] == ["ICD-10-CM updates", "CDI query compliance", "Spreadsheets"]
    assert len(list((home / "backups").glob("ce-before-restore-*.db"))) == 1


def test_restore_refuses_what_is_not_a_sound_log(
    cli: Any, ce: Any, holder: dict[str, Any], home: Path, tmp_path: Path
) -> None:
    before = rows(home)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    error(cli("ce", "restore", str(junk), "--yes"), 65, "damaged or not an mrt-guide database")
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    error(cli("ce", "restore", str(other), "--yes"), 65, "it is another program's SQLite database")
    newer = tmp_path / "newer.db"
    ce("backup", str(newer))
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    error(cli("ce", "restore", str(newer), "--yes"), 65, "written by a newer release of mrt-guide")
    error(cli("ce", "restore", str(tmp_path / "missing.db"), "--yes"), 74, "is not a file")
    assert rows(home) == before


def test_restore_rescues_a_damaged_log(ce: Any, holder: dict[str, Any], home: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    ce("backup", str(copy))
    (home / "ce.db").write_bytes(b"\0" * 100 + b"garbage" * 1000)
    result = ce("restore", str(copy), "--yes")
    assert "kept as" in result.stderr and len(rows(home)) == 3
    assert len(list((home / "backups").glob("ce-damaged-*.db"))) == 1


def test_a_long_import_shows_a_progress_bar_on_a_terminal_only(
    cli: Any, ce: Any, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mrt_guide.commands import ce_files as command

    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    source = tmp_path / "many.csv"
    source.write_text(
        "date,title,minutes\n" + "".join(f"2024-07-01,Talk {n},60\n" for n in range(600)), "utf-8"
    )
    calls: list[int] = []
    real = command._progress

    def watched(total: int) -> Any:
        made = real(total)
        calls.append(total if not isinstance(made, command._NoProgress) else -total)
        return made

    monkeypatch.setattr(command, "_progress", watched)
    plain = ce("import", str(source))
    assert calls == [-600] and plain.stderr.startswith("Imported 600 activities")  # not a terminal: no bar
    monkeypatch.setattr(command, "_stderr_is_terminal", lambda: True)
    source.write_text(
        "date,title,minutes\n" + "".join(f"2024-07-02,Talk {n},60\n" for n in range(600)), "utf-8"
    )
    assert cli("ce", "import", str(source)).exit_code == 0
    assert calls[1] == 600 and len(rows(home)) == 1200


def test_restore_into_a_new_folder(
    ce: Any, holder: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "copy.db"
    ce("backup", str(copy))
    monkeypatch.setenv("MRT_GUIDE_HOME", str(tmp_path / "new-computer"))
    result = ce("restore", str(copy), "--yes")
    assert result.stderr == f"Restored the CE log from {copy} (3 activities).\n"
    assert len(rows(tmp_path / "new-computer")) == 3


def test_completion_offers_subcommands_credentials_and_issuers(cli: Any) -> None:
    def complete(words: str) -> list[str]:
        env = {
            "_MRT_GUIDE_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
        result = cli(env=env)
        assert result.exit_code == 0, result.stderr
        return result.stdout.split()

    assert complete("mrt-guide ce cr") == ["credential"]
    assert complete("mrt-guide ce cycle set ah") == ["ahima"]
    assert complete("mrt-guide ce cycle set N") == ["NCRA"]
    assert "CCS-P" in complete("mrt-guide ce add --for CC")
    assert complete("mrt-guide ce list --cycle p") == ["previous"]
