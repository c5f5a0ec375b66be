"""Hostile input to the CE log (issue 24): a shared CSV whose evidence paths reach outside its
folder, restores of databases that carry objects of their own, absurd numbers and dates on
the command line and in files, and a CSV a spreadsheet saved back (issue 21 item 8). Every
refusal is one line (a CSV's, one line per bad row under it) with a documented status, and
nothing in the log changes."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from .conftest import error

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ce-v1.db"


@pytest.fixture
def home() -> Path:
    return Path(os.environ["MRT_GUIDE_HOME"])


def faults(result: Any, *expected: str) -> list[str]:
    """A refused import: status 65, nothing on stdout, a summary line and one line per bad row
    (each starting with what is given)."""
    assert result.exit_code == 65, (result.exit_code, result.stderr)
    assert result.stdout == "" and "Traceback" not in result.stderr
    first, *rest = result.stderr.splitlines()
    assert first.startswith("Error: ") and "nothing was imported" in first, first
    assert len(rest) == len(expected), rest
    for line, want in zip(rest, expected, strict=True):
        assert line.strip().startswith(want), (line, want)
    return [line.strip() for line in rest]


def titles(cli: Any) -> list[str]:
    listed = cli("ce", "list", "--cycle", "all", "--json")
    assert listed.exit_code == 0, listed.stderr
    return [a["title"] for a in json.loads(listed.stdout)["activities"]]


def snapshot(home: Path) -> dict[str, bytes]:
    """Every file in the user folder, by path, with its bytes."""
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


# 1. evidence paths in a CSV


def _shared(tmp_path: Path) -> tuple[Path, Path]:
    """A folder someone shared (with a CSV to come) and, outside it, a private file."""
    shared = tmp_path / "shared"
    (shared / "certs").mkdir(parents=True)
    (shared / "certs" / "ok.pdf").write_bytes(b"a real certificate")
    private = tmp_path / "private"
    private.mkdir()
    (private / "secret.txt").write_bytes(b"the user's own private file")
    return shared, private


def _csv(folder: Path, *evidence: str) -> Path:
    lines = ["date,title,hours,evidence_file"]
    lines += [f"2024-06-{n + 1:02d},Row {n},1,{e}" for n, e in enumerate(evidence)]
    target = folder / "shared.csv"
    target.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    return target


def test_evidence_outside_the_csvs_folder_is_refused_by_line_and_nothing_imported(
    cli: Any, ce: Any, home: Path, tmp_path: Path
) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("add", "--title", "Kept", "--date", "2024-05-20", "--hours", "1")
    shared, private = _shared(tmp_path)
    secret = private / "secret.txt"
    (shared / "link.pdf").symlink_to(secret)
    (shared / "linked").symlink_to(private, target_is_directory=True)
    os.mkfifo(shared / "pipe.pdf")
    (shared / "certs" / "inner").mkdir()
    (shared / "certs" / "inner" / "up.pdf").symlink_to("../ok.pdf")
    source = _csv(
        shared,
        "certs/ok.pdf",  # line 2: fine
        str(secret),  # line 3: absolute
        "../private/secret.txt",  # line 4: ..
        "certs/../../private/secret.txt",  # line 5: .. inside
        "link.pdf",  # line 6: a symlink beside the CSV pointing out
        "linked/secret.txt",  # line 7: through a symlinked folder
        "pipe.pdf",  # line 8: a FIFO (would block a reader)
        "certs/inner/up.pdf",  # line 9: a symlink even to a file inside
        "~/secret.txt",  # line 10: the home folder
        "C:\\Users\\me\\secret.txt",  # line 11: a Windows absolute path
        ".ssh/id_rsa",  # line 12: a hidden folder beside a CSV saved in the home folder
    )
    (shared / ".ssh").mkdir()
    (shared / ".ssh" / "id_rsa").write_bytes(b"the user's own private file")
    before = snapshot(home)
    for args in (("import", str(source)), ("import", str(source), "--dry-run")):
        found = faults(
            cli("ce", *args),
            "line 3: evidence file",
            "line 4: evidence file",
            "line 5: evidence file",
            "line 6: evidence file 'link.pdf' goes through a link",
            "line 7: evidence file 'linked/secret.txt' goes through a link",
            "line 8: evidence file 'pipe.pdf' is not a regular file",
            "line 9: evidence file 'certs/inner/up.pdf' goes through a link",
            "line 10: evidence file",
            "line 11: evidence file",
            "line 12: evidence file '.ssh/id_rsa' is hidden ('.ssh' starts with a dot)",
        )
        assert "is an absolute path" in found[0] and "is outside the CSV's folder ('..')" in found[1]
        assert "('..')" in found[2] and "is an absolute path" in found[7] and "absolute" in found[8]
        assert all("only files in the CSV's own folder" in f for f in found)
    assert snapshot(home) == before  # nothing imported, nothing copied
    assert titles(cli) == ["Kept"]
    assert not (home / "evidence").exists()
    stored = b"".join(p.read_bytes() for p in home.rglob("*") if p.is_file())
    assert b"the user's own private file" not in stored


def test_evidence_really_in_the_csvs_folder_is_copied(cli: Any, ce: Any, home: Path, tmp_path: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    shared, _ = _shared(tmp_path)
    (shared / "top.pdf").write_bytes(b"beside the CSV")
    source = _csv(shared, "certs/ok.pdf", "top.pdf", "./certs/ok.pdf")
    result = ce("import", str(source))
    assert result.stderr == f"Imported 3 activities from {source}; 0 were in the log already.\n"
    listed = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    assert [a["evidence"]["name"] for a in listed] == ["ok.pdf", "top.pdf", "ok.pdf"]
    assert Path(listed[1]["evidence"]["file"]).read_bytes() == b"beside the CSV"
    assert listed[0]["evidence"]["sha256"] == hashlib.sha256(b"a real certificate").hexdigest()
    assert len(list((home / "evidence").iterdir())) == 2  # the same file is kept once
    # the export names the kept copies; importing it again finds them in the log's folder
    target = tmp_path / "out" / "e.csv"
    target.parent.mkdir()
    ce("export", str(target))
    again = ce("import", str(target))
    assert again.stderr == f"Imported 0 activities from {target}; 3 were in the log already.\n"


def test_a_file_named_on_the_command_line_may_be_anywhere_but_must_be_a_file(
    cli: Any, ce: Any, home: Path, tmp_path: Path
) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    elsewhere = tmp_path / "Downloads"
    elsewhere.mkdir()
    (elsewhere / "cert.pdf").write_bytes(b"downloaded certificate")
    (tmp_path / "link.pdf").symlink_to(elsewhere / "cert.pdf")
    ce(
        "add",
        "--title",
        "A",
        "--date",
        "2024-06-01",
        "--hours",
        "1",
        "--evidence",
        str(tmp_path / "link.pdf"),
    )
    (activity,) = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    assert Path(activity["evidence"]["file"]).read_bytes() == b"downloaded certificate"
    os.mkfifo(tmp_path / "pipe")
    before = snapshot(home)
    bad = cli(
        "ce",
        "add",
        "--title",
        "B",
        "--date",
        "2024-06-02",
        "--hours",
        "1",
        "--evidence",
        str(tmp_path / "pipe"),
    )
    error(bad, 2, "is not a regular file")
    assert snapshot(home) == before


# 2. restore


def _a_log(ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    for n in range(3):
        ce("add", "--title", f"Kept {n}", "--date", f"2024-06-0{n + 1}", "--hours", "1")


def _backup(ce: Any, tmp_path: Path, name: str, *sql: str, version: int | None = None) -> Path:
    target = tmp_path / f"{name}.db"
    ce("backup", str(target))
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        for statement in sql:
            conn.execute(statement)
        if version is not None:
            conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.close()
    return target


HOSTILE_BACKUPS = [
    (
        "trigger",
        ["CREATE TRIGGER wipe AFTER INSERT ON activities BEGIN DELETE FROM activities; END"],
        "trigger 'wipe'",
    ),
    ("view", ["CREATE VIEW everything AS SELECT * FROM activities"], "view 'everything'"),
    ("table", ["CREATE TABLE extra (x)"], "table 'extra'"),
    ("index", ["CREATE INDEX by_title ON activities (title)"], "index 'by_title'"),
    (
        "changed-table",
        ["DROP TABLE profile", "CREATE TABLE profile (field TEXT PRIMARY KEY, value TEXT)"],
        "table 'profile'",
    ),
    ("missing-table", ["DROP TABLE cycles"], "no table 'cycles'"),
]


@pytest.mark.parametrize(("name", "sql", "named"), HOSTILE_BACKUPS, ids=[h[0] for h in HOSTILE_BACKUPS])
def test_a_restore_of_a_database_with_objects_of_its_own_is_refused_and_changes_nothing(
    cli: Any, ce: Any, home: Path, tmp_path: Path, name: str, sql: list[str], named: str
) -> None:
    _a_log(ce)
    hostile = _backup(ce, tmp_path, name, *sql)
    before = snapshot(home)
    line = error(cli("ce", "restore", str(hostile), "--yes"), 65, named, "not restored")
    assert "schema" in line
    assert snapshot(home) == before  # the log is byte for byte what it was; no backup was made
    assert titles(cli) == ["Kept 0", "Kept 1", "Kept 2"]
    ce("add", "--title", "After", "--date", "2024-07-01", "--hours", "1")
    assert titles(cli) == ["Kept 0", "Kept 1", "Kept 2", "After"]


def test_a_restore_of_a_newer_or_not_sqlite_file_changes_nothing(
    cli: Any, ce: Any, home: Path, tmp_path: Path
) -> None:
    _a_log(ce)
    newer = _backup(ce, tmp_path, "newer", version=99)
    negative = _backup(ce, tmp_path, "negative", version=-1)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 100, "utf-8")
    before = snapshot(home)
    error(cli("ce", "restore", str(newer), "--yes"), 65, "newer release", "schema 99")
    error(cli("ce", "restore", str(negative), "--yes"), 65, "a schema version mrt-guide never writes (-1)")
    error(cli("ce", "restore", str(junk), "--yes"), 65)
    error(cli("ce", "restore", str(text), "--yes"), 65, "damaged or not an mrt-guide database")
    os.mkfifo(tmp_path / "pipe.db")
    error(cli("ce", "restore", str(tmp_path / "pipe.db"), "--yes"), 74, "is not a file")
    assert snapshot(home) == before
    assert titles(cli) == ["Kept 0", "Kept 1", "Kept 2"]


def test_a_restore_of_rows_past_the_logs_limits_is_refused(
    cli: Any, ce: Any, home: Path, tmp_path: Path
) -> None:
    _a_log(ce)
    huge = _backup(ce, tmp_path, "huge", "UPDATE activities SET minutes = NULL, ceus = 1e308 WHERE id = 2")
    future = _backup(ce, tmp_path, "future", "UPDATE activities SET date = '9999-12-31' WHERE id = 1")
    outside = _backup(
        ce,
        tmp_path,
        "outside",
        f"INSERT INTO evidence VALUES (3, 'x', 'evidence/../../../victim', '{'a' * 64}', 1)",
    )
    orphan = _backup(
        ce,
        tmp_path,
        "orphan",
        "PRAGMA foreign_keys = OFF",
        "INSERT INTO activity_credentials VALUES (1, 'XYZ')",
    )
    victim = home.parent / "victim"
    victim.write_text("a file outside the user folder", "utf-8")
    before = snapshot(home)
    error(cli("ce", "restore", str(outside), "--yes"), 65, "evidence of activity #3 is stored outside")
    error(cli("ce", "restore", str(orphan), "--yes"), 65, "activity_credentials", "not restored")
    error(cli("ce", "restore", str(huge), "--yes"), 65, "activity #2", "not restored")
    error(cli("ce", "restore", str(future), "--yes"), 65, "activity #1", "not restored")
    assert snapshot(home) == before and victim.exists()


def test_a_sound_backup_of_each_schema_is_restored_and_every_command_opens_it(
    cli: Any, ce: Any, home: Path, tmp_path: Path
) -> None:
    _a_log(ce)
    good = _backup(ce, tmp_path, "good")
    ce("add", "--title", "Later", "--date", "2024-07-01", "--hours", "1")
    result = ce("restore", str(good), "--yes")
    assert "(3 activities)" in result.stderr
    assert titles(cli) == ["Kept 0", "Kept 1", "Kept 2"]
    old = ce("restore", str(FIXTURE), "--yes")  # a log written by schema 1
    assert "Restored the CE log" in old.stderr
    listed = titles(cli)
    assert "ICD-10-CM updates" in listed and "Staging workshop" in listed
    for args in (("status",), ("report", "--json"), ("credential", "list"), ("list", "--cycle", "all")):
        opened = cli("ce", *args)
        assert opened.exit_code == 0 and "Error" not in opened.stderr, (args, opened.stderr)
    ce("add", "--title", "After", "--date", "2024-07-02", "--hours", "1", "--for", "RHIT")
    assert "After" in titles(cli)


# 3. hostile numbers and dates

LONG = "9" * 5000
ADD = ("ce", "add", "--title", "Hostile", "--date", "2024-06-01")
HOSTILE_ARGV = [
    ([*ADD, "--hours", "1e308"], "longer than one activity runs"),
    ([*ADD, "--hours", "nan"], "give a number"),
    ([*ADD, "--hours", "inf"], "give a number"),
    ([*ADD, "--hours", "-inf"], "give a number"),
    ([*ADD, "--hours=-1"], "it must be more than 0"),
    ([*ADD, "--hours", "1e-300"], "less than a minute"),
    ([*ADD, "--hours", LONG], "give a number"),
    ([*ADD, "--hours", "١٢"], "give a number"),
    ([*ADD, "--minutes", "1_000"], "give a number"),
    ([*ADD, "--minutes", "1e308"], "longer than one activity runs"),
    ([*ADD, "--minutes", "99999999999999999999999"], "longer than one activity runs"),
    ([*ADD, "--ceus", "1e308"], "more than one activity earns"),
    ([*ADD, "--ceus", "NaN"], "give a number"),
    (["ce", "edit", "99999999999999999999", "--hours", "1"], "is not an activity id"),
    (["ce", "edit", str(2**63), "--hours", "1"], "is not an activity id"),
    (["ce", "edit", LONG, "--hours", "1"], "is not an activity id"),
    (["ce", "edit", "0", "--hours", "1"], "is not an activity id"),
    (["ce", "remove", "1", "99999999999999999999", "--yes"], "is not an activity id"),
    (["ce", "remove", "١٢", "--yes"], "is not an activity id"),
    (["ce", "add", "--title", "T", "--date", "99999-01-01", "--hours", "1"], "give a date as YYYY-MM-DD"),
    (["ce", "add", "--title", "T", "--date", "2024/06/01", "--hours", "1"], "give a date as YYYY-MM-DD"),
    (["ce", "add", "--title", "T", "--date", "2999-01-01", "--hours", "1"], "it is in the future"),
    (["ce", "credential", "add", "CCS", "--earned", "99999-01-01"], "give a date as YYYY-MM-DD"),
    (["ce", "status", "--on", "99999-12-31"], "give a date as YYYY-MM-DD"),
    (["ce", "status", "--on", "2200-01-01"], "after 2199"),
    (["ce", "cycle", "set", "AHIMA", "--end", "9999-12-31"], "after 2199"),
    (["ce", "cycle", "set", "AHIMA", "--end", "2027-01-01", "--required", "1e308"], "more than one activity"),
    (["ce", "cycle", "set", "AHIMA", "--end", "2027-01-01", "--required", "nan"], "give a number"),
    (["data", "import-oews", "x.xlsx", "--vintage", "²"], "--vintage takes the May year"),
    (["data", "import-oews", "x.xlsx", "--vintage", LONG], "--vintage takes the May year"),
]


@pytest.mark.parametrize(
    ("args", "message"), HOSTILE_ARGV, ids=[" ".join(a[1:4])[:40] for a, _ in HOSTILE_ARGV]
)
def test_an_absurd_number_or_date_on_the_command_line_is_a_usage_error(
    cli: Any, ce: Any, home: Path, args: list[str], message: str
) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("add", "--title", "Kept", "--date", "2024-05-20", "--hours", "1")
    before = snapshot(home)
    line = error(cli(*args), 2, message)
    assert len(line) < 300  # a long number is not repeated in full
    assert snapshot(home) == before
    assert titles(cli) == ["Kept"]


def test_a_cycle_as_late_as_allowed_still_counts(cli: Any, ce: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("cycle", "set", "AHIMA", "--end", "2199-12-31")
    for args in (("status",), ("status", "--on", "2199-12-31"), ("report", "--on", "2199-12-31", "--json")):
        result = cli("ce", *args)
        assert result.exit_code == 0 and "Error" not in result.stderr, (args, result.stderr)
    status = json.loads(cli("ce", "status", "--json").stdout)
    assert "2199-12-31" in json.dumps(status)


def test_the_same_values_in_a_csv_are_refused_by_line(cli: Any, ce: Any, home: Path, tmp_path: Path) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("add", "--title", "Kept", "--date", "2024-05-20", "--hours", "1")
    source = tmp_path / "hostile.csv"
    source.write_text(
        "date,title,hours,minutes,ceus\r\n"
        "2024-06-01,Good,1,,\r\n"
        "2024-06-02,Huge,1e308,,\r\n"
        "2024-06-03,NaN,nan,,\r\n"
        "2024-06-04,Inf,inf,,\r\n"
        "2024-06-05,Negative,-2,,\r\n"
        "2024-06-06,Minutes,,99999999999999999999999,\r\n"
        "2024-06-07,Credits,,,1e308\r\n"
        "99999-01-01,Year,1,,\r\n"
        "2200-01-01,Late,1,,\r\n"
        f"2024-06-08,Long,{LONG},,\r\n",
        "utf-8",
    )
    before = snapshot(home)
    found = faults(
        cli("ce", "import", str(source)),
        "line 3: Invalid hours '1e308': longer than one activity runs",
        "line 4: Invalid hours 'nan': give a number",
        "line 5: Invalid hours 'inf': give a number",
        "line 6: Invalid hours '-2': it must be more than 0",
        "line 7: Invalid minutes '99999999999999999999999': longer than one activity runs",
        "line 8: Invalid ceus '1e308': more than one activity earns",
        "line 9: Invalid date '99999-01-01': give a date as",
        "line 10: Invalid date '2200-01-01': it is in the future",
        "line 11: Invalid hours '99999",
    )
    assert all(len(f) < 300 for f in found)
    assert snapshot(home) == before
    assert titles(cli) == ["Kept"]


TAMPERED = [
    ("1e308", "is outside the range for workers (1 to 1e+09)"),
    ("-1e308", "is outside the range for workers (1 to 1e+09)"),
    ("NaN", "NaN is not a JSON number"),
    ("Infinity", "Infinity is not a JSON number"),
    ("1e400", "Number out of range"),
]


@pytest.mark.parametrize(("value", "problem"), TAMPERED, ids=[t[0] for t in TAMPERED])
def test_a_tampered_oews_import_holding_an_absurd_number_is_damaged_and_left_out(
    cli: Any, home: Path, tmp_path: Path, value: str, problem: str
) -> None:
    from mrt_guide.dataset.load import forget

    from . import oews_layout as layout

    imported = cli("data", "import-oews", str(layout.state_zip(tmp_path)))
    assert imported.exit_code == 0, imported.stderr
    path = home / "imports" / "oews-2023-state.json"
    doc = json.loads(path.read_text("utf-8"))
    nj = next(s for s in doc["states"] if s["id"] == "NJ")
    nj["figures"][0]["value"] = 424242.0
    path.write_text(json.dumps(doc).replace("424242.0", value), "utf-8")
    forget()
    listed = cli("data", "imports", "--json")
    assert listed.exit_code == 65 and "Traceback" not in listed.stderr
    (row,) = json.loads(listed.stdout)["imports"]
    assert (row["id"], row["status"]) == ("2023-state", "damaged"), row
    assert problem in row["problem"], row["problem"]
    for args in (("salary", "--state", "NJ"), ("salary", "--state", "NJ", "--json"), ("guide", "--plain")):
        forget()
        shown = cli(*args)
        assert shown.exit_code == 0, (args, shown.stderr)
        assert shown.stderr.startswith("Warning: ignored the imported file oews-2023-state.json"), (
            shown.stderr
        )
        assert len(shown.stderr.splitlines()) == 1
        assert "424" not in shown.stdout and "inf" not in shown.stdout.lower().replace("info", "")


# 4. a CSV a spreadsheet saved back (issue 21 item 8)


def _as_a_spreadsheet_saves_it(exported: str, style: str) -> str:
    """The export as a spreadsheet writes it back: every field quoted, a BOM, CRLF line ends,
    the dates as ``YYYY/MM/DD`` (Gnumeric, LibreOffice) or ``M/D/YYYY`` (US Excel, Google
    Sheets)."""
    import csv
    import io

    table = list(csv.reader(io.StringIO(exported, newline="")))
    at = table[0].index("date")
    for row in table[1:]:
        year, month, day = row[at].split("-")
        row[at] = f"{year}/{month}/{day}" if style == "slashed" else f"{int(month)}/{int(day)}/{year}"
    out = io.StringIO(newline="")
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(table)
    return "\ufeff" + out.getvalue()


@pytest.mark.parametrize("style", ["slashed", "month-first"])
def test_a_csv_saved_back_by_a_spreadsheet_imports_again(
    cli: Any, ce: Any, home: Path, tmp_path: Path, style: str
) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    ce("add", "--title", 'ICD-10, "updates"', "--date", "2024-05-07", "--hours", "1.5", "--provider", "AHIMA")
    ce("add", "--title", "=HYPERLINK(x)", "--date", "2024-11-23", "--minutes", "50", "--notes", "two\nlines")
    ce("add", "--title", "Webinar", "--date", "2025-01-02", "--ceus", "2", "--ahima-source")
    before = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    exported = tmp_path / "e.csv"
    ce("export", str(exported))
    saved = tmp_path / "back.csv"
    saved.write_bytes(_as_a_spreadsheet_saves_it(exported.read_text("utf-8"), style).encode("utf-8"))
    if style == "month-first":
        assert '"5/7/2024"' in saved.read_text("utf-8-sig") and '"11/23/2024"' in saved.read_text("utf-8-sig")
    again = ce("import", str(saved))
    assert again.stderr == f"Imported 0 activities from {saved}; 3 were in the log already.\n"
    fresh = str(tmp_path / "fresh")
    env = {"MRT_GUIDE_HOME": fresh}
    assert cli("ce", "credential", "add", "RHIT", "--earned", "2024-05-06", env=env).exit_code == 0
    imported = cli("ce", "import", str(saved), env=env)
    assert imported.exit_code == 0, imported.stderr
    assert imported.stderr == f"Imported 3 activities from {saved}; 0 were in the log already.\n"
    after = json.loads(cli("ce", "list", "--cycle", "all", "--json", env=env).stdout)["activities"]
    keys = ("date", "title", "provider", "minutes", "ceus", "tags", "for", "notes")
    assert [{k: a[k] for k in keys} for a in after] == [{k: a[k] for k in keys} for a in before]
    assert [a["date"] for a in after] == ["2024-05-07", "2024-11-23", "2025-01-02"]


BAD_DATES = [
    ("5/6/24", "a two-digit year is ambiguous"),
    ("06.05.24", "a two-digit year is ambiguous"),
    ("13/05/2024", "is day first"),
    ("2024/13/01", "month must be in 1..12"),
    ("2/30/2024", "day is out of range for month"),
    ("06.05.2024", "give a date as YYYY-MM-DD, YYYY/MM/DD or M/D/YYYY"),
    ("45418", "give a date as YYYY-MM-DD, YYYY/MM/DD or M/D/YYYY"),
    ("2024-5-6", "give a date as YYYY-MM-DD, YYYY/MM/DD or M/D/YYYY"),
    ("May 6, 2024", "give a date as YYYY-MM-DD, YYYY/MM/DD or M/D/YYYY"),
    ("1/1/1929", "before 1930"),
]


def test_an_ambiguous_or_invalid_date_in_a_csv_is_refused_by_line(
    cli: Any, ce: Any, home: Path, tmp_path: Path
) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    source = tmp_path / "dates.csv"
    lines = ["date,title,hours", "2024/06/01,Good,1", "6/2/2024,Also good,1"]
    lines += [f'"{d}",Row {n},1' for n, (d, _) in enumerate(BAD_DATES)]
    source.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    before = snapshot(home)
    found = faults(
        cli("ce", "import", str(source)),
        *[f"line {n + 4}: Invalid date '{d}'" for n, (d, _) in enumerate(BAD_DATES)],
    )
    for line, (_, why) in zip(found, BAD_DATES, strict=True):
        assert why in line, (line, why)
    assert snapshot(home) == before
    good = tmp_path / "good.csv"
    good.write_text("\r\n".join(lines[:3]) + "\r\n", "utf-8")
    assert ce("import", str(good)).stderr.startswith("Imported 2 activities")
    assert [a["date"] for a in json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]] == [
        "2024-06-01",
        "2024-06-02",
    ]


def test_a_csv_that_is_a_fifo_or_a_device_is_refused_without_reading(
    cli: Any, ce: Any, home: Path, tmp_path: Path
) -> None:
    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    before = snapshot(home)
    for name in ("pipe.csv", "zero.csv"):
        error(cli("ce", "import", str(tmp_path / name)), 74, "is not a regular file")
    error(cli("ce", "import", str(tmp_path / "missing.csv")), 74, "no such file")
    assert snapshot(home) == before


def test_a_log_with_a_negative_schema_version_is_refused_and_left_alone(
    cli: Any, ce: Any, home: Path
) -> None:
    _a_log(ce)
    conn = sqlite3.connect(home / "ce.db", isolation_level=None)
    conn.execute("PRAGMA user_version = -1")
    conn.close()
    before = snapshot(home)
    error(cli("ce", "list"), 65, "never writes (-1)")
    error(cli("ce", "add", "--title", "X", "--date", "2024-06-09", "--hours", "1"), 65, "never writes (-1)")
    assert snapshot(home) == before


def test_one_file_named_on_many_rows_is_read_and_copied_once(
    cli: Any, ce: Any, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mrt_guide.store import ce as store

    ce("credential", "add", "RHIT", "--earned", "2024-05-06")
    shared, _ = _shared(tmp_path)
    lines = ["date,title,minutes,evidence_file"] + [
        f"2024-06-01,Row {n},{n + 1},certs/ok.pdf" for n in range(300)
    ]
    source = shared / "many.csv"
    source.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    calls = {"hash": 0, "copy": 0}
    hash_fd, keep = store.hash_fd, store.keep_evidence

    def counted_hash(fd: int) -> tuple[str, int]:
        calls["hash"] += 1
        return hash_fd(fd)

    def counted_keep(*args: Any, **kwargs: Any) -> dict[str, Any]:
        calls["copy"] += 1
        return keep(*args, **kwargs)

    monkeypatch.setattr(store, "hash_fd", counted_hash)
    monkeypatch.setattr(store, "keep_evidence", counted_keep)
    result = ce("import", str(source))
    assert result.stderr == f"Imported 300 activities from {source}; 0 were in the log already.\n"
    assert calls == {"hash": 1, "copy": 1}  # checked once, copied once
    listed = json.loads(ce("list", "--cycle", "all", "--json").stdout)["activities"]
    assert len(listed) == 300 and {a["evidence"]["name"] for a in listed} == {"ok.pdf"}
    assert len(list((home / "evidence").iterdir())) == 1


def _log_id(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'log_id'").fetchone()[0])
    finally:
        conn.close()


def test_a_restored_log_keeps_the_log_id_of_its_backup_and_a_forged_one_is_refused(
    cli: Any, ce: Any, home: Path, tmp_path: Path
) -> None:
    _a_log(ce)
    good = _backup(ce, tmp_path, "good")
    kept = _log_id(good)
    assert re.fullmatch(r"[0-9a-f]{32}", kept)
    with sqlite3.connect(home / "ce.db") as conn:  # as if the log were another holder's
        conn.execute("UPDATE meta SET value = ? WHERE key = 'log_id'", ("0" * 32,))
    conn.close()
    assert "Restored the CE log" in ce("restore", str(good), "--yes").stderr
    assert _log_id(home / "ce.db") == kept  # calendar UIDs from the backup's log stay the same
    forged = _backup(ce, tmp_path, "forged", "UPDATE meta SET value = 'x\x1b[2J' WHERE key = 'log_id'")
    before = snapshot(home)
    error(cli("ce", "restore", str(forged), "--yes"), 65, "log id", "not restored")
    assert snapshot(home) == before
