"""The CE log's file is user data: migrated with every row kept, refused with one line when it
is damaged, locked, read-only, full or from a newer release, whole after kill -9, shared
by two writers at once."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.store import ce as store
from mrt_guide.store import db

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "ce-v1.db"


@pytest.fixture
def home() -> Path:
    return Path(os.environ["MRT_GUIDE_HOME"])


def one_line(result: Any, status: int, *needles: str) -> None:
    assert result.exit_code == status, (result.exit_code, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def query(path: Path, sql: str) -> list[Any]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def a_log(cli: Any, activities: int = 1) -> None:
    assert cli("ce", "credential", "add", "RHIT", "--earned", "2024-05-06").exit_code == 0
    for n in range(activities):
        assert cli("ce", "add", "--title", f"Kept {n}", "--date", "2024-06-01", "--hours", "1").exit_code == 0


# migrations


def test_a_log_made_by_schema_1_is_migrated_with_every_row(cli: Any, home: Path) -> None:
    assert query(FIXTURE, "PRAGMA user_version") == [(1,)]
    home.mkdir(mode=0o700, parents=True)
    shutil.copyfile(FIXTURE, home / "ce.db")
    result = cli("ce", "list", "--cycle", "all", "--json")
    assert result.exit_code == 0
    (backup,) = (home / "backups").iterdir()
    assert result.stderr == f"Updated the CE log to schema 5; the old one is kept as {backup}.\n"
    acts = {a["id"]: a for a in json.loads(result.stdout)["activities"]}
    assert sorted(acts) == [1, 2, 3, 4, 5]
    assert (acts[1]["title"], acts[1]["provider"], acts[1]["minutes"]) == ("ICD-10-CM updates", "AHIMA", 150)
    assert acts[1]["tags"] == ["ahima_source", "in_domain"] and acts[1]["for"] == ["RHIT"]
    assert acts[1]["evidence"]["name"] == "certificate.pdf" and acts[1]["evidence"]["sha256"].startswith(
        "2a180bbe"
    )
    assert (acts[2]["ceus"], acts[2]["notes"], acts[2]["tags"]) == (
        6,
        "bring the binder",
        ["category_a", "in_person"],
    )
    assert (acts[3]["title"], acts[4]["title"], acts[4]["notes"]) == (
        "Privacy law",
        "privacy  LAW",
        "logged twice",
    )
    assert acts[5]["for"] == ["ODS"] and acts[5]["tags"] == []
    creds = json.loads(cli("ce", "credential", "list", "--json").stdout)["credentials"]
    assert [(c["id"], c["earned"]) for c in creds] == [("ODS", "2023-06-20"), ("RHIT", "2024-05-06")]
    log = home / "ce.db"
    assert query(log, "PRAGMA user_version") == [(5,)] and query(log, "PRAGMA integrity_check") == [("ok",)]
    assert query(log, "SELECT name FROM sqlite_master WHERE name = 'activity_tags'") == []
    # schema 3: every row kept, its approval number empty; an empty profile
    assert {a for (a,) in query(log, "SELECT approval FROM activities")} == {None}
    assert query(log, "SELECT count(*) FROM profile") == [(0,)]
    # schema 4: the log's own random id, made once (the calendar's UIDs carry it)
    ((key, log_id),) = query(log, "SELECT key, value FROM meta")
    assert key == "log_id" and len(log_id) == 32 and int(log_id, 16) > 0
    # schema 5: an empty work history
    assert query(log, "SELECT count(*) FROM work") == [(0,)]
    keys = dict(query(log, "SELECT id, key FROM activities"))
    assert len(set(keys.values())) == 5 and keys[4] == keys[3] + "#2"  # the pair logged twice: both kept
    # the backup is the schema-1 log, untouched
    assert query(backup, "PRAGMA user_version") == [(1,)]
    assert query(backup, "SELECT count(*) FROM activities") == [(5,)]
    assert query(backup, "SELECT count(*) FROM activity_tags") == [(6,)]
    # and the log goes on working
    assert (
        cli("ce", "add", "--title", "New", "--date", "2025-02-01", "--hours", "1", "--for", "RHIT").exit_code
        == 0
    )
    assert cli("ce", "list", "--cycle", "all", "--json").stderr == ""  # migrated once
    assert query(log, "SELECT value FROM meta") == [(log_id,)]  # and the id kept


def test_two_commands_migrating_at_once_migrate_once(home: Path, tmp_path: Path) -> None:
    home.mkdir(mode=0o700, parents=True)
    shutil.copyfile(FIXTURE, home / "ce.db")
    procs = [_spawn(home, "ce", "list", "--cycle", "all", "--json") for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all(len(json.loads(out)["activities"]) == 5 for out, _ in outs)
    assert query(home / "ce.db", "PRAGMA user_version") == [(5,)]
    assert len(query(home / "ce.db", "SELECT value FROM meta")) == 1  # one id, made once
    assert query(home / "ce.db", "SELECT count(*) FROM activities") == [(5,)]


# files that are not a sound log: one line, nothing changed


def test_a_damaged_log_is_one_line_and_left_as_it_is(cli: Any, home: Path) -> None:
    home.mkdir(mode=0o700, parents=True)
    garbage = b"this is not a database, just a file someone put here\n" * 200
    (home / "ce.db").write_bytes(garbage)
    for args in (["status"], ["list"], ["add", "--title", "x", "--date", "2024-06-01", "--hours", "1"]):
        one_line(cli("ce", *args), 65, "is damaged or not an mrt-guide database (file is not a database)",
                 "mrt-guide ce restore FILE")  # fmt: skip
    assert (home / "ce.db").read_bytes() == garbage


def test_a_truncated_log_is_one_line(cli: Any, home: Path) -> None:
    a_log(cli, 40)
    log = home / "ce.db"
    data = log.read_bytes()
    log.write_bytes(data[: len(data) // 2])
    one_line(cli("ce", "list", "--cycle", "all"), 65, "is damaged or not an mrt-guide database")


def test_a_log_from_a_newer_release_is_refused_and_untouched(cli: Any, home: Path) -> None:
    a_log(cli)
    conn = sqlite3.connect(home / "ce.db")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    before = (home / "ce.db").read_bytes()
    for args in (["status"], ["add", "--title", "x", "--date", "2024-06-02", "--hours", "1"]):
        newer = "was written by a newer release of mrt-guide (schema 7; this release reads up to 5)"
        one_line(cli("ce", *args), 65, newer, "Upgrade mrt-guide; nothing was changed.")
    assert (home / "ce.db").read_bytes() == before


def test_another_programs_database_is_refused(cli: Any, home: Path) -> None:
    home.mkdir(mode=0o700, parents=True)
    conn = sqlite3.connect(home / "ce.db")
    conn.execute("CREATE TABLE photos (name TEXT)")
    conn.execute("INSERT INTO photos VALUES ('cat.jpg')")
    conn.commit()
    conn.close()
    one_line(
        cli("ce", "credential", "add", "RHIT", "--earned", "2024-05-06"),
        65,
        "it is another program's SQLite database",
    )
    assert query(home / "ce.db", "SELECT * FROM photos") == [("cat.jpg",)]


def test_a_folder_in_place_of_the_log(cli: Any, home: Path) -> None:
    (home / "ce.db").mkdir(parents=True)
    one_line(cli("ce", "status"), 74, "is not a file")


# a busy, read-only or full log


def test_a_busy_log_is_one_line_and_the_write_succeeds_later(
    cli: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_log(cli)
    monkeypatch.setattr(db, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(home / "ce.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another command in the middle of a write
    try:
        started = time.monotonic()
        one_line(cli("ce", "add", "--title", "Busy", "--date", "2024-06-02", "--hours", "1"), 75,
                 "is busy: another mrt-guide command is writing to it. Try again in a moment.")  # fmt: skip
        assert time.monotonic() - started >= 0.2  # it waited first
        reading = cli("ce", "list", "--cycle", "all", "--json")  # readers are not blocked (WAL)
        assert reading.exit_code == 0 and len(json.loads(reading.stdout)["activities"]) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert cli("ce", "add", "--title", "Busy", "--date", "2024-06-02", "--hours", "1").exit_code == 0


def _read_only(path: Path) -> Any:
    """Make ``path`` read-only for this process, even as root (chattr +i); undo with the result."""
    if os.geteuid() != 0:
        path.chmod(0o444)
        return lambda: path.chmod(0o600)
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: the file stays writable")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"running as root, and chattr +i failed: {made.stderr.decode().strip()}")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_read_only_log_reads_and_refuses_writes_in_one_line(cli: Any, home: Path) -> None:
    a_log(cli)
    undo = _read_only(home / "ce.db")
    try:
        one_line(cli("ce", "add", "--title", "New", "--date", "2024-06-02", "--hours", "1"), 74,
                 "is read-only (attempt to write a readonly database); nothing was changed.")  # fmt: skip
        shown = cli("ce", "list", "--cycle", "all", "--json")
        assert shown.exit_code == 0 and [a["title"] for a in json.loads(shown.stdout)["activities"]] == [
            "Kept 0"
        ]
    finally:
        undo()


def test_a_full_disk_is_one_line_and_nothing_is_half_written(
    cli: Any, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_log(cli)
    pages = query(home / "ce.db", "PRAGMA page_count")[0][0]
    real = db.connect

    def small(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
        conn = real(path, readonly=readonly)
        conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # SQLite answers SQLITE_FULL beyond it
        return conn

    monkeypatch.setattr(db, "connect", small)
    source = tmp_path / "many.csv"
    source.write_text(
        "date,title,hours\n" + "".join(f"2024-07-01,Talk {n},1\n" for n in range(3000)), "utf-8"
    )
    one_line(cli("ce", "import", str(source)), 74, "the disk is full; nothing was changed.")
    monkeypatch.undo()
    assert query(home / "ce.db", "SELECT count(*) FROM activities") == [(1,)]
    assert query(home / "ce.db", "PRAGMA integrity_check") == [("ok",)]


# kill -9 and parallel writers: real processes


def _spawn(home: Path, *args: str) -> subprocess.Popen[bytes]:
    """``mrt-guide ARGS`` in a process of its own, on the log in ``home``."""
    env = {**os.environ, "MRT_GUIDE_HOME": str(home)}
    env.pop("MRT_GUIDE_DATA", None)
    return subprocess.Popen(
        [sys.executable, "-m", "mrt_guide", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _csv(path: Path, rows: int, prefix: str) -> Path:
    path.write_text(
        "date,title,minutes\n"
        + "".join(f"2024-07-{1 + n % 28:02d},{prefix} {n},{30 + n % 90}\n" for n in range(rows)),
        "utf-8",
    )
    return path


def test_kill_9_during_a_long_import_leaves_all_or_nothing(cli: Any, home: Path, tmp_path: Path) -> None:
    a_log(cli)
    rows = 40_000
    source = _csv(tmp_path / "big.csv", rows, "Talk")
    wal = home / "ce.db-wal"
    proc = _spawn(home, "ce", "import", str(source))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 256 * 1024:  # the transaction is being written
            break
        time.sleep(0.002)
    mid_write = proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    count = query(home / "ce.db", "SELECT count(*) FROM activities")[0][0]
    assert query(home / "ce.db", "PRAGMA integrity_check") == [("ok",)]
    assert count in (1, rows + 1), count
    if mid_write:
        assert proc.returncode == -signal.SIGKILL and count == 1  # killed before the commit: none of it
    # no stale lock: the same import runs to the end afterwards
    again = cli("ce", "import", str(source))
    assert again.exit_code == 0, again.stderr
    assert query(home / "ce.db", "SELECT count(*) FROM activities") == [(rows + 1,)]


def test_two_writers_at_once_both_succeed(cli: Any, home: Path, tmp_path: Path) -> None:
    a_log(cli)
    first = _csv(tmp_path / "a.csv", 4000, "First")
    second = _csv(tmp_path / "b.csv", 4000, "Second")
    procs = [_spawn(home, "ce", "import", str(f)) for f in (first, second)]
    procs += [
        _spawn(home, "ce", "add", "--title", f"Added {n}", "--date", "2024-08-01", "--hours", "1")
        for n in range(4)
    ]
    results = [(p.communicate(timeout=120)[1].decode(), p.returncode) for p in procs]
    results = [(status, err) for err, status in results]
    assert [status for status, _ in results] == [0] * 6, results
    assert query(home / "ce.db", "SELECT count(*) FROM activities") == [(1 + 4000 + 4000 + 4,)]
    assert query(home / "ce.db", "PRAGMA integrity_check") == [("ok",)]


def test_store_schema_and_helpers() -> None:
    assert store.SCHEMA.version == 5 and store.SCHEMA.application_id == 0x4D524743
    assert store.natural_key("2024-06-01", "Coding  Update", "AHIMA", 60, None) == store.natural_key(
        "2024-06-01", "coding update", "ahima", 60, None
    )
    assert store.natural_key("2024-06-01", "x", None, 60, None) != store.natural_key(
        "2024-06-01", "x", None, None, 1
    )
    from mrt_guide.store.csvio import defang, undefang

    for text in ("=SUM(A1)", "+1", "-2", "@x", "\tx", "\rx", "plain", "'quoted'", "", "'=already"):
        assert undefang(defang(text)) == text
    assert defang("=SUM(A1)") == "'=SUM(A1)" and defang("plain") == "plain"


def test_control_characters_put_in_by_other_means_never_reach_the_terminal(cli: Any, home: Path) -> None:
    a_log(cli)
    conn = sqlite3.connect(home / "ce.db")
    conn.execute("UPDATE activities SET title = 'Evil\x1b]0;owned\x07 title', notes = 'a\x1b[2Jb'")
    conn.commit()
    conn.close()
    for args in (
        ["list", "--cycle", "all"],
        ["list", "--cycle", "all", "--plain"],
        ["report", "--cycle", "all", "--markdown"],
    ):
        result = cli("ce", *args)
        assert result.exit_code == 0 and "\x1b" not in result.stdout and "\x07" not in result.stdout, args
        assert "owned" in result.stdout, args
    assert "Evil\\x1b]0;owned\\x07 title" in cli("ce", "list", "--cycle", "all", "--plain").stdout
