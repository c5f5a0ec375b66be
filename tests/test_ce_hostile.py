"""Hostile input to the CE log (issue 24): a shared CSV whose evidence paths reach outside its
folder, restores of databases that carry objects of their own, absurd numbers and dates on
the command line and in files, and a CSV a spreadsheet saved back (issue 21 item 8). Every
refusal is one line (a CSV's, one line per bad row under it) with a documented status, and
nothing in the log changes."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ce-v1.db"


@pytest.fixture
def home() -> Path:
    return Path(os.environ["MRT_GUIDE_HOME"])


@pytest.fixture
def ce(cli: Any) -> Any:
    def run(*args: str) -> Any:
        result = cli("ce", *args)
        assert result.exit_code == 0, (args, result.stderr)
        return result

    return run


def error(result: Any, status: int, *needles: str) -> str:
    """One line on stderr, nothing on stdout, the status; the line."""
    assert result.exit_code == status, (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return str(lines[0])


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
    )
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
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    text = tmp_path / "notes.db"
    text.write_text("not a database at all\n" * 100, "utf-8")
    before = snapshot(home)
    error(cli("ce", "restore", str(newer), "--yes"), 65, "newer release", "schema 99")
    error(cli("ce", "restore", str(junk), "--yes"), 65)
    error(cli("ce", "restore", str(text), "--yes"), 65, "damaged or not an mrt-guide database")
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
