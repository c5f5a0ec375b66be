"""The continuing-education log: ``ce.db`` in the user's folder, and the evidence files
copied beside it.

Tables (schema 5):

- ``credentials``: each credential the user holds (a dataset id) and the day it was earned;
- ``activities``: one row per CE activity: date, title, provider, its length in
  ``minutes`` or the ``ceus`` its certificate awards (exactly one of the two), notes, its
  ``tags`` (what it is marked as, space-separated) and a natural ``key`` (date, title,
  provider, amount) that makes an import idempotent;
- ``activity_credentials``: the credentials an activity is reported for (deleted with it);
- ``evidence``: the certificate copied into ``evidence/`` with its SHA-256;
- ``cycles``: cycle dates (and a requirement) the issuer set, overriding the computed ones;
- ``profile``: the holder's name and member ids, for the audit packet (schema 3, which also
  gave activities an ``approval`` number);
- ``meta``: facts about the log itself: ``log_id``, a random id made once (schema 4), so the
  calendar's UIDs of two people's logs never collide;
- ``work``: the holder's work history (schema 5), one row per period: its ``role`` (an
  ``experience_kinds`` id of the dataset, e.g. ``coding``), first and last month
  (``YYYY-MM``; no last month while it goes on) and the employer, if given: what
  ``plan --from-log`` counts against the experience an exam asks for.

Values reaching this module are already checked (``queries.ce``); the tables' CHECK
constraints hold the same rules once more. Every write is one transaction.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..paths import ensure_user_dir, user_dir
from ..status import ExitStatus, GuideError
from ..textsafe import neutral, neutral_line
from . import db

LABEL = "The CE log"
FILE_NAME = "ce.db"
EVIDENCE = "evidence"
EVIDENCE_LIMIT = 64 * 1024 * 1024
"""Largest evidence file copied in (a certificate or a scan; anything bigger is a mistake)."""

Activity = dict[str, Any]


def _v1(conn: sqlite3.Connection) -> None:
    """The first schema: credentials, activities with tags, credentials and evidence."""
    db.script(
        conn,
        """
        CREATE TABLE credentials (
            id TEXT PRIMARY KEY NOT NULL,
            earned TEXT NOT NULL CHECK (date(earned) IS earned),
            added TEXT NOT NULL
        );
        CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL CHECK (date(date) IS date),
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            provider TEXT,
            minutes INTEGER CHECK (minutes IS NULL OR (typeof(minutes) = 'integer' AND minutes > 0)),
            ceus REAL CHECK (ceus IS NULL OR ceus > 0),
            notes TEXT,
            added TEXT NOT NULL,
            CHECK ((minutes IS NULL) <> (ceus IS NULL))
        );
        CREATE INDEX activities_by_date ON activities (date);
        CREATE TABLE activity_tags (
            activity INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (activity, tag)
        ) WITHOUT ROWID;
        CREATE TABLE activity_credentials (
            activity INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
            credential TEXT NOT NULL REFERENCES credentials (id) ON DELETE CASCADE,
            PRIMARY KEY (activity, credential)
        ) WITHOUT ROWID;
        CREATE INDEX activity_credentials_by_credential ON activity_credentials (credential);
        CREATE TABLE evidence (
            activity INTEGER PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            stored TEXT,
            sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
            size INTEGER
        );
        """,
    )


def _v2(conn: sqlite3.Connection) -> None:
    """Natural keys (an import adds nothing twice), tags kept on the activity and the date
    index covering what counting reads (``ce status`` reads thousands of activities; a join
    per row cost more than the rest of it), and the cycle dates an issuer set.

    Existing rows get their key and their tags; rows a schema-1 log held twice keep both,
    the later ones with a numbered key, so nothing is lost."""
    conn.execute(
        "ALTER TABLE activities ADD COLUMN tags TEXT NOT NULL DEFAULT '' CHECK (tags NOT GLOB '*[^a-z_ ]*')"
    )
    marks: dict[int, list[str]] = {}
    for activity, tag in conn.execute("SELECT activity, tag FROM activity_tags").fetchall():
        marks.setdefault(activity, []).append(tag)
    conn.executemany(
        "UPDATE activities SET tags = ? WHERE id = ?", [(" ".join(sorted(t)), a) for a, t in marks.items()]
    )
    conn.execute("DROP TABLE activity_tags")
    conn.execute("ALTER TABLE activities ADD COLUMN key TEXT")
    seen: dict[str, int] = {}
    rows = conn.execute("SELECT id, date, title, provider, minutes, ceus FROM activities ORDER BY id")
    keys = []
    for row_id, date, title, provider, minutes, ceus in rows.fetchall():
        key = natural_key(date, title, provider, minutes, ceus)
        seen[key] = seen.get(key, 0) + 1
        keys.append((key if seen[key] == 1 else f"{key}#{seen[key]}", row_id))
    conn.executemany("UPDATE activities SET key = ? WHERE id = ?", keys)
    db.script(
        conn,
        """
        CREATE UNIQUE INDEX activities_by_key ON activities (key);
        DROP INDEX activities_by_date;
        CREATE INDEX activities_by_date ON activities (date, minutes, ceus, tags);
        CREATE TABLE cycles (
            issuer TEXT PRIMARY KEY NOT NULL,
            start_date TEXT NOT NULL CHECK (date(start_date) IS start_date),
            end_date TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
            required REAL CHECK (required IS NULL OR required > 0),
            CHECK (end_date IS NULL OR end_date > start_date)
        );
        """,
    )


def _v3(conn: sqlite3.Connection) -> None:
    """An approval or index number per activity (AAPC's index number, an AHIMA or NCRA
    approval code: what an auditor looks up), and the holder's profile for the audit packet
    (name, member ids), one row per field. Existing rows keep everything; their number is
    empty."""
    db.script(
        conn,
        """
        ALTER TABLE activities ADD COLUMN approval TEXT;
        CREATE TABLE profile (
            field TEXT PRIMARY KEY NOT NULL CHECK (field NOT GLOB '*[^a-z_]*'),
            value TEXT NOT NULL
        );
        """,
    )


def _v4(conn: sqlite3.Connection) -> None:
    """The log's own random id (``meta.log_id``, 128 bits): every calendar UID carries it, so
    two holders' deadlines imported into one calendar never replace each other's. Made once,
    here; a backup restored later keeps the id of the log it was taken from."""
    import secrets

    db.script(
        conn,
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL CHECK (key NOT GLOB '*[^a-z_]*'),
            value TEXT NOT NULL
        );
        """,
    )
    conn.execute("INSERT INTO meta VALUES ('log_id', ?)", (secrets.token_hex(16),))


def _v5(conn: sqlite3.Connection) -> None:
    """The holder's work history: periods of a kind of work (a dataset ``experience_kinds``
    id), by month, the last one open while it goes on. Existing logs get an empty table."""
    db.script(
        conn,
        """
        CREATE TABLE work (
            id INTEGER PRIMARY KEY,
            role TEXT NOT NULL CHECK (length(role) BETWEEN 1 AND 64 AND role NOT GLOB '*[^a-z0-9-]*'),
            start_month TEXT NOT NULL CHECK (date(start_month || '-01') IS start_month || '-01'),
            end_month TEXT CHECK (end_month IS NULL OR date(end_month || '-01') IS end_month || '-01'),
            employer TEXT,
            added TEXT NOT NULL,
            CHECK (end_month IS NULL OR end_month >= start_month)
        );
        """,
    )


def _sound(conn: sqlite3.Connection, version: int) -> str | None:
    """What in a restored log's rows the commands would not accept (``db.rebuild``): dates
    before 1930 or after 2199, lengths and credits past one activity's limits, text past its
    limit, an evidence file stored anywhere but ``evidence/`` (a path leading out would be
    read, and deleted by 'ce remove'). The tables' CHECK constraints hold the rest."""
    from ..queries import ce as q

    early, late = q.EARLIEST.isoformat(), q.LATEST.isoformat()
    limit = q.LIMITS
    row = conn.execute(
        "SELECT id FROM activities WHERE date < ? OR date > ? OR minutes > ? OR ceus > ? "
        "OR length(title) > ? OR length(provider) > ? OR length(notes) > ? ORDER BY id LIMIT 1",
        (early, late, q.MAX_MINUTES, q.MAX_CREDITS, limit["title"], limit["provider"], limit["notes"]),
    ).fetchone()
    if row is not None:
        return f"activity #{row[0]} has a date, a length or a text past what the log accepts"
    if version >= 3:
        row = conn.execute(
            "SELECT id FROM activities WHERE length(approval) > ? ORDER BY id LIMIT 1", (limit["approval"],)
        ).fetchone()
        if row is not None:
            return f"activity #{row[0]} has an approval number past {limit['approval']} characters"
        if conn.execute("SELECT 1 FROM profile WHERE length(value) > ? LIMIT 1", (limit["name"],)).fetchone():
            return f"a profile field is longer than {limit['name']} characters"
    row = conn.execute(
        "SELECT id FROM credentials WHERE earned < ? OR earned > ? LIMIT 1", (early, late)
    ).fetchone()
    if row is not None:
        return f"a credential has an earned date before {q.EARLIEST.year} or after {q.LATEST.year}"
    row = conn.execute(
        "SELECT activity FROM evidence WHERE stored IS NOT NULL AND NOT (stored GLOB 'evidence/?*' "
        "AND substr(stored, 10) NOT GLOB '*[/\\]*' AND substr(stored, 10) NOT IN ('.', '..')) LIMIT 1"
    ).fetchone()
    if row is not None:
        return f"the evidence of activity #{row[0]} is stored outside the log's evidence folder"
    if version >= 2:
        row = conn.execute(
            "SELECT issuer FROM cycles WHERE start_date < ? OR start_date > ? OR end_date > ? "
            "OR required > ? LIMIT 1",
            (early, late, late, q.MAX_CREDITS),
        ).fetchone()
        if row is not None:
            return f"the {neutral_line(str(row[0]), 20)} cycle has a date or a requirement past the limits"
    if version >= 4:
        row = conn.execute(
            "SELECT 1 FROM meta WHERE key = 'log_id' AND (length(value) != 32 OR value GLOB '*[^0-9a-f]*')"
        ).fetchone()
        if row is not None:
            return "its log id is not the 32 hexadecimal digits mrt-guide writes"
    if version >= 5:
        row = conn.execute(
            "SELECT id FROM work WHERE start_month < ? OR start_month > ? OR end_month < ? OR end_month > ? "
            "OR end_month < start_month OR length(employer) > ? ORDER BY id LIMIT 1",
            (early[:7], late[:7], early[:7], late[:7], limit["employer"]),
        ).fetchone()
        if row is not None:
            return (
                f"work period #{row[0]} has a month before {q.EARLIEST.year} or after {q.LATEST.year}, "
                "ends before it starts or names an employer past the limit"
            )
    return None


SCHEMA = db.Schema(LABEL, 0x4D524743, [_v1, _v2, _v3, _v4, _v5], _sound)


"""The log's schema; ``application_id`` spells "MRGC"."""


def _fold(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def natural_key(date: str, title: str, provider: str | None, minutes: int | None, ceus: float | None) -> str:
    """What makes two activities the same one: the day, the title and provider (any case and
    spacing) and the amount."""
    import hashlib

    amount = f"min:{minutes}" if minutes is not None else f"ceu:{float(ceus or 0):g}"
    text = "\x1f".join((date, _fold(title), _fold(provider), amount))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def path() -> Path:
    """Where the log is (or will be)."""
    return user_dir() / FILE_NAME


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Duplicate(GuideError):
    """The activity is in the log already."""


class Log:
    """The open log. Use ``opened(write=...)``; every method runs inside its error guard."""

    def __init__(self, conn: sqlite3.Connection | None, folder: Path) -> None:
        self.conn = conn
        self.folder = folder
        self.migration_backup: Path | None = None

    @property
    def exists(self) -> bool:
        return self.conn is not None

    def _read(self, sql: str, args: Iterable[Any] = ()) -> list[Any]:
        if self.conn is None:
            return []
        return self.conn.execute(sql, tuple(args)).fetchall()

    def _writer(self) -> sqlite3.Connection:
        if self.conn is None:  # pragma: no cover - opened(write=True) always connects
            raise RuntimeError("the log was opened for reading")
        return self.conn

    # credentials

    def credentials(self) -> dict[str, str]:
        """Held credential ids and the day each was earned, oldest first."""
        rows = self._read("SELECT id, earned FROM credentials ORDER BY earned, id")
        return {neutral(c): d for c, d in rows}

    def add_credential(self, cred: str, earned: str) -> str | None:
        """Add a credential, or change its date; the date it had before, if any."""
        conn = self._writer()
        with db.transaction(conn):
            before = conn.execute("SELECT earned FROM credentials WHERE id = ?", (cred,)).fetchone()
            if before is None:
                conn.execute("INSERT INTO credentials VALUES (?, ?, ?)", (cred, earned, _now()))
            else:
                conn.execute("UPDATE credentials SET earned = ? WHERE id = ?", (earned, cred))
        return None if before is None else str(before[0])

    def remove_credential(self, cred: str) -> int:
        """Remove a credential; how many activities were reported for it alone (they stay)."""
        conn = self._writer()
        with db.transaction(conn):
            alone = conn.execute(
                "SELECT count(*) FROM activity_credentials a WHERE credential = ? AND NOT EXISTS "
                "(SELECT 1 FROM activity_credentials b WHERE b.activity = a.activity AND b.credential != ?)",
                (cred, cred),
            ).fetchone()[0]
            if conn.execute("DELETE FROM credentials WHERE id = ?", (cred,)).rowcount == 0:
                raise GuideError(f"{cred} is not in the log; 'mrt-guide ce credential list' shows it.")
        return int(alone)

    # the holder's profile (audit packet)

    def profile(self) -> dict[str, str]:
        return dict(self._read("SELECT field, value FROM profile ORDER BY field"))

    def set_profile(self, fields: dict[str, str | None]) -> None:
        """Store (or, for None, forget) profile fields, in one transaction."""
        conn = self._writer()
        with db.transaction(conn):
            for field, value in fields.items():
                if value is None:
                    conn.execute("DELETE FROM profile WHERE field = ?", (field,))
                else:
                    conn.execute(
                        "INSERT INTO profile VALUES (?, ?) "
                        "ON CONFLICT (field) DO UPDATE SET value = excluded.value",
                        (field, value),
                    )

    def log_id(self) -> str | None:
        """The log's random id (schema 4), or None while there is no log."""
        rows = self._read("SELECT value FROM meta WHERE key = 'log_id'")
        return None if not rows else str(rows[0][0])

    # work history

    def work(self) -> list[dict[str, Any]]:
        """The work periods, earliest first."""
        rows = self._read(
            "SELECT id, role, start_month, end_month, employer FROM work ORDER BY start_month, id"
        )
        return [
            {
                "id": r[0],
                "role": neutral(r[1]),
                "start": r[2],
                "end": r[3],
                "employer": None if r[4] is None else neutral(r[4]),
            }
            for r in rows
        ]

    def add_work(self, role: str, start: str, end: str | None, employer: str | None) -> int:
        """Add a work period (one transaction); its id."""
        conn = self._writer()
        with db.transaction(conn):
            cur = conn.execute(
                "INSERT INTO work (role, start_month, end_month, employer, added) VALUES (?, ?, ?, ?, ?)",
                (role, start, end, employer, _now()),
            )
        return int(cur.lastrowid or 0)

    def remove_work(self, work_id: int) -> None:
        """Delete a work period (one transaction); a usage error when there is none."""
        conn = self._writer()
        with db.transaction(conn):
            if conn.execute("DELETE FROM work WHERE id = ?", (work_id,)).rowcount == 0:
                raise GuideError(
                    f"No work period #{work_id} in the log; 'mrt-guide ce work list' lists them."
                )

    # cycles the issuer set

    def recorded_cycles(self) -> dict[str, dict[str, Any]]:
        rows = self._read("SELECT issuer, start_date, end_date, required FROM cycles")
        return {r[0]: {"start": r[1], "end": r[2], "required": r[3]} for r in rows}

    def set_cycle(self, issuer: str, start: str, end: str | None, required: float | None) -> None:
        conn = self._writer()
        with db.transaction(conn):
            conn.execute(
                "INSERT INTO cycles VALUES (?, ?, ?, ?) ON CONFLICT (issuer) DO UPDATE SET start_date = "
                "excluded.start_date, end_date = excluded.end_date, required = excluded.required",
                (issuer, start, end, required),
            )

    def clear_cycle(self, issuer: str) -> bool:
        conn = self._writer()
        with db.transaction(conn):
            return conn.execute("DELETE FROM cycles WHERE issuer = ?", (issuer,)).rowcount > 0

    # activities

    _SELECT = (
        "SELECT a.id, a.date, a.title, a.provider, a.minutes, a.ceus, a.notes, "
        "a.tags, "
        "(SELECT group_concat(credential, ' ') FROM activity_credentials c WHERE c.activity = a.id), "
        "e.name, e.stored, e.sha256, e.size, a.approval "
        "FROM activities a LEFT JOIN evidence e ON e.activity = a.id"
    )

    def activities(
        self,
        ids: list[int] | None = None,
        until: str | None = None,
        since: str | None = None,
        credentials: list[str] | None = None,
        unkept_only: bool = False,
    ) -> list[Activity]:
        """Activities by date (then id): all, or those with ``ids``, dated up to ``until``,
        reported for any of ``credentials``."""
        where: list[str] = []
        args: list[Any] = []
        if ids is not None:
            where.append(f"a.id IN ({','.join('?' * len(ids))})")
            args += ids
        if until is not None:
            where.append("a.date <= ?")
            args.append(until)
        if since is not None:
            where.append("a.date >= ?")
            args.append(since)
        if credentials is not None:
            marks = ",".join("?" * len(credentials))
            where.append(
                f"EXISTS (SELECT 1 FROM activity_credentials c WHERE c.activity = a.id "
                f"AND c.credential IN ({marks}))"
            )
            args += credentials
        if unkept_only:
            where.append("e.activity IS NOT NULL AND e.stored IS NULL")
        sql = self._SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.date, a.id"
        return [_activity(row) for row in self._read(sql, args)]

    def tally(
        self, credentials: list[str], counting: tuple[int, int] | None, bounds: list[str]
    ) -> list[tuple[int, str, float, int, bool]]:
        """What the activities reported for any of ``credentials`` (one issuer's) count for,
        summed in SQL in one pass over the date index (``ce status`` reads no activity): a row
        per part of the time line and set of marks, ``(part, tags, credits, count, timed)``.
        Part ``i`` holds the days from ``bounds[i - 1]`` to the day before ``bounds[i]`` (sorted
        ISO days); nothing before the first or from the last is read. A certificate's credits
        count as they are; time by ``counting`` (minutes per unit, and the remainder from which
        one more counts), else one per hour."""
        if not credentials or len(bounds) < 2:
            return []
        credit = "a.minutes / 60.0"
        if counting is not None:
            per, up = int(counting[0]), int(counting[1])
            credit = f"a.minutes / {per} + (a.minutes % {per} >= {up})"  # two ints: no text in SQL
        part = " + ".join("(a.date >= ?)" for _ in bounds[1:-1]) or "0"
        sql = (
            f"SELECT 1 + {part} AS part, a.tags, "
            f"TOTAL(CASE WHEN a.ceus IS NOT NULL THEN a.ceus ELSE {credit} END), COUNT(*), "
            "MAX(a.minutes IS NOT NULL) FROM activities a WHERE a.date >= ? AND a.date < ? "
            "AND EXISTS (SELECT 1 FROM activity_credentials c WHERE c.activity = a.id "
            f"AND c.credential IN ({','.join('?' * len(credentials))})) GROUP BY part, a.tags"
        )
        rows = self._read(sql, [*bounds[1:-1], bounds[0], bounds[-1], *credentials])
        return [(int(r[0]), str(r[1]), float(r[2]), int(r[3]), bool(r[4])) for r in rows]

    def activity(self, activity_id: int) -> Activity:
        found = self.activities([activity_id])
        if not found:
            raise GuideError(
                f"No activity #{activity_id} in the log; 'mrt-guide ce list --cycle all' lists them."
            )
        return found[0]

    def _same(self, conn: sqlite3.Connection, key: str, other_than: int | None = None) -> int | None:
        row = conn.execute("SELECT id FROM activities WHERE key = ?", (key,)).fetchone()
        return None if row is None or row[0] == other_than else int(row[0])

    def add_activity(self, activity: Activity) -> int:
        """Insert one activity (tags, credentials, evidence); its id. ``Duplicate`` if the log
        holds the same activity."""
        conn = self._writer()
        with db.transaction(conn):
            key = _key(activity)
            same = self._same(conn, key)
            if same is not None:
                raise Duplicate(
                    f"That activity is in the log already as #{same} (same date, title, provider and "
                    f"length); 'mrt-guide ce edit {same}' changes it."
                )
            return _insert(conn, activity, key)

    def edit_activity(
        self, activity_id: int, change: Callable[[Activity], Activity]
    ) -> tuple[Activity, Activity]:
        """Read activity ``activity_id``, make ``change`` of it and write the result, all in one
        transaction (no other command's edit comes between); the record before and after."""
        conn = self._writer()
        with db.transaction(conn):
            before = self.activity(activity_id)
            after = change(before)
            key = _key(after)
            same = self._same(conn, key, other_than=activity_id)
            if same is not None:
                raise Duplicate(f"After this change #{activity_id} would be the same activity as #{same}.")
            conn.execute(
                "UPDATE activities SET date = ?, title = ?, provider = ?, minutes = ?, ceus = ?, notes = ?, "
                "tags = ?, approval = ?, key = ? WHERE id = ?",
                (*_columns(after), key, activity_id),
            )
            conn.execute("DELETE FROM activity_credentials WHERE activity = ?", (activity_id,))
            conn.execute("DELETE FROM evidence WHERE activity = ?", (activity_id,))
            _links(conn, activity_id, after)
        return before, after

    def remove_activities(self, ids: list[int]) -> list[str]:
        """Delete activities (one transaction); the evidence files no other activity uses."""
        conn = self._writer()
        with db.transaction(conn):
            marks = ",".join("?" * len(ids))
            found = {r[0] for r in conn.execute(f"SELECT id FROM activities WHERE id IN ({marks})", ids)}
            missing = [str(i) for i in ids if i not in found]
            if missing:
                raise GuideError(f"No activity #{', #'.join(missing)} in the log; nothing was removed.")
            stored = [
                r[0]
                for r in conn.execute(
                    f"SELECT stored FROM evidence WHERE activity IN ({marks}) AND stored IS NOT NULL", ids
                )
            ]
            conn.execute(f"DELETE FROM activities WHERE id IN ({marks})", ids)
            unused = [
                s
                for s in stored
                if conn.execute("SELECT 1 FROM evidence WHERE stored = ?", (s,)).fetchone() is None
            ]
        return unused

    def import_activities(
        self, activities: list[Activity], progress: Callable[[int], None] | None = None
    ) -> tuple[list[int], int]:
        """Add every activity not in the log yet, all in one transaction: the new ids and how
        many were there already."""
        conn = self._writer()
        added, present = [], 0
        with db.transaction(conn):
            for n, activity in enumerate(activities, 1):
                key = _key(activity)
                if self._same(conn, key) is not None:
                    present += 1
                else:
                    added.append(_insert(conn, activity, key))
                if progress is not None:
                    progress(n)
        return added, present

    def present(self, activities: list[Activity]) -> int:
        """How many of ``activities`` the log holds already (by natural key)."""
        if self.conn is None:
            return 0
        keys = {_key(a) for a in activities}
        known = {r[0] for r in self.conn.execute("SELECT key FROM activities")}
        return sum(1 for a in activities if _key(a) in known) if keys & known else 0

    def uses(self, stored: str) -> bool:
        """Whether an activity's evidence is the stored file ``stored``."""
        return bool(self._read("SELECT 1 FROM evidence WHERE stored = ? LIMIT 1", (stored,)))

    def counts(self) -> dict[str, int]:
        rows = self._read("SELECT (SELECT count(*) FROM credentials), (SELECT count(*) FROM activities)")
        return (
            {"credentials": rows[0][0], "activities": rows[0][1]}
            if rows
            else {"credentials": 0, "activities": 0}
        )


def _activity(row: Any) -> Activity:
    """A row as a record. Text was checked when it was written; it is made safe once more
    here, as a file edited by other means could hold control characters."""
    evidence = None
    if row[9] is not None:
        evidence = {"name": neutral(row[9]), "stored": row[10], "sha256": row[11], "size": row[12]}
    return {
        "id": row[0],
        "date": row[1],
        "title": neutral(row[2]),
        "provider": None if row[3] is None else neutral(row[3]),
        "minutes": row[4],
        "ceus": row[5],
        "notes": None if row[6] is None else neutral(row[6]),
        "tags": row[7].split(),
        "for": sorted(row[8].split()) if row[8] else [],
        "evidence": evidence,
        "approval": None if row[13] is None else neutral(row[13]),
    }


def _columns(a: Activity) -> tuple[Any, ...]:
    tags = " ".join(sorted(a["tags"]))
    return (
        a["date"],
        a["title"],
        a["provider"],
        a["minutes"],
        a["ceus"],
        a["notes"],
        tags,
        a.get("approval"),
    )


def _key(a: Activity) -> str:
    return natural_key(a["date"], a["title"], a["provider"], a["minutes"], a["ceus"])


def _insert(conn: sqlite3.Connection, a: Activity, key: str) -> int:
    cur = conn.execute(
        "INSERT INTO activities (date, title, provider, minutes, ceus, notes, tags, approval, added, key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*_columns(a), _now(), key),
    )
    new = int(cur.lastrowid or 0)
    _links(conn, new, a)
    return new


def _links(conn: sqlite3.Connection, activity_id: int, a: Activity) -> None:
    conn.executemany("INSERT INTO activity_credentials VALUES (?, ?)", [(activity_id, c) for c in a["for"]])
    ev = a.get("evidence")
    if ev is not None:
        conn.execute(
            "INSERT INTO evidence VALUES (?, ?, ?, ?, ?)",
            (activity_id, ev["name"], ev["stored"], ev["sha256"], ev["size"]),
        )


@contextlib.contextmanager
def opened(*, write: bool) -> Iterator[Log]:
    """The log, migrated, closed on the way out (``cli.main`` leaves through ``os._exit``).
    Reading never creates the file: a missing log reads as empty. SQLite and file errors
    inside become one-line messages."""
    where = path()
    with db.guarded(where, LABEL):
        if write:
            ensure_user_dir()
        conn, saved = db.open_db(where, SCHEMA, create=write)
        log = Log(conn, where.parent)
        log.migration_backup = saved
        try:
            if saved is not None:
                import sys

                sys.stderr.write(
                    f"Updated the CE log to schema {SCHEMA.version}; the old one is kept as {saved}.\n"
                )
            yield log
        finally:
            if conn is not None:
                conn.close()


# evidence files


def _safe_name(name: str) -> str:
    import re

    from ..textsafe import UNSAFE

    cleaned = re.sub(UNSAFE, "_", name).replace("/", "_").replace("\\", "_").strip(" .") or "evidence"
    if len(cleaned) > 100:
        stem, dot, suffix = cleaned.rpartition(".")
        cleaned = (stem[: 99 - len(suffix)] + dot + suffix) if dot and len(suffix) <= 10 else cleaned[:100]
    return cleaned


def hash_file(file: Path) -> tuple[str, int]:
    import hashlib

    digest = hashlib.sha256()
    size = 0
    with open(file, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class NotInside(Exception):
    """A path that does not lead to a regular file really inside its folder; the reason."""


def _no_follow_walk() -> bool:
    return os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")


def open_inside(base: Path, parts: tuple[str, ...]) -> int | None:
    """A file descriptor reading ``base/parts...``, reached one component at a time without
    following a symbolic link below ``base`` (``openat`` with ``O_NOFOLLOW``, so nothing can
    swap a link in between the check and the read); None when there is no such file.
    ``NotInside`` when a component is ``..``, a link or not a folder, or the file is not a
    regular file (a FIFO, a socket, a device)."""
    import stat

    if not parts or any(p in ("", ".", "..") or "/" in p for p in parts):
        raise NotInside("is not a plain path inside the CSV's folder")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    dir_flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
    if not _no_follow_walk():  # pragma: no cover - Windows: lstat each component instead
        current = base
        for n, part in enumerate(parts):
            current = current / part
            try:
                info = os.lstat(current)
            except FileNotFoundError:
                return None
            if stat.S_ISLNK(info.st_mode):
                raise NotInside(f"goes through a link ({neutral_line(part, 40)})")
            if n < len(parts) - 1 and not stat.S_ISDIR(info.st_mode):
                return None
        if not stat.S_ISREG(info.st_mode):
            raise NotInside("is not a regular file")
        return os.open(current, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    fd = os.open(base, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        for n, part in enumerate(parts):
            last = n == len(parts) - 1
            try:
                info = os.stat(part, dir_fd=fd, follow_symlinks=False)
            except (FileNotFoundError, NotADirectoryError):
                return None
            if stat.S_ISLNK(info.st_mode):
                raise NotInside(f"goes through a link ({neutral_line(part, 40)})")
            if not last and not stat.S_ISDIR(info.st_mode):
                return None
            if last and not stat.S_ISREG(info.st_mode):
                raise NotInside("is not a regular file")
            try:
                child = os.open(part, flags if last else dir_flags, dir_fd=fd)
            except OSError as exc:
                import errno

                if exc.errno in (errno.ELOOP, errno.EMLINK, errno.ENOTDIR):
                    raise NotInside(f"goes through a link ({neutral_line(part, 40)})") from None
                raise
            os.close(fd)
            fd = child
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotInside("is not a regular file")
        result, fd = fd, -1
        return result
    finally:
        if fd >= 0:
            os.close(fd)


def hash_fd(fd: int) -> tuple[str, int]:
    """SHA-256 and size of what ``fd`` reads from its start (the descriptor stays open)."""
    import hashlib

    digest = hashlib.sha256()
    size = 0
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, 1 << 20):
        digest.update(chunk)
        size += len(chunk)
        if size > EVIDENCE_LIMIT:
            break
    return digest.hexdigest(), size


def keep_evidence(source: Path, folder: Path, *, within: Path | None = None) -> dict[str, Any]:
    """Copy ``source`` into ``folder/evidence`` (mode 0600, written then renamed) and return
    its record: original name, stored path (relative to ``folder``), SHA-256 and size. The
    same file twice is stored once. With ``within`` (the folder of a CSV being imported),
    ``source`` must really be inside it (``open_inside``); a file the user named on the
    command line is read wherever it is."""
    import stat

    shown = neutral_line(str(source), 100)
    try:
        if within is not None:
            try:
                opened = open_inside(within, source.relative_to(within).parts)
            except (NotInside, ValueError) as exc:
                raise GuideError(
                    f"Evidence file '{shown}' {exc}; nothing was imported.", ExitStatus.DATA
                ) from None
            if opened is None:
                raise GuideError(f"Evidence file '{shown}' does not exist any more.", ExitStatus.IO)
            fd = opened
        else:
            if not source.exists():
                raise GuideError(f"Evidence file '{shown}' does not exist.")
            if source.is_dir():
                raise GuideError(f"Evidence file '{shown}' is a folder.")
            if not source.is_file():
                raise GuideError(f"Evidence file '{shown}' is not a regular file.")
            fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as src:
            info = os.fstat(src.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise GuideError(f"Evidence file '{shown}' is not a regular file.")
            if info.st_size > EVIDENCE_LIMIT:
                raise GuideError(
                    f"Evidence file '{shown}' is {info.st_size / 2**20:.0f} MiB; the log keeps files up to "
                    f"{EVIDENCE_LIMIT // 2**20} MiB (a certificate or a scan of one)."
                )
            record = _copy_in(src, source.name, folder, shown)
    except OSError as exc:
        raise GuideError(
            f"Cannot copy evidence file '{shown}': {exc.strerror or exc}.", ExitStatus.IO
        ) from None
    return record


def _copy_in(src: Any, original: str, folder: Path, shown: str) -> dict[str, Any]:
    import hashlib

    target_dir = folder / EVIDENCE
    target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = target_dir / f".incoming-{os.getpid()}.tmp"
    digest = hashlib.sha256()
    copied = 0
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as dst:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                dst.write(chunk)
                copied += len(chunk)
                if copied > EVIDENCE_LIMIT:
                    raise GuideError(
                        f"Evidence file '{shown}' grew past {EVIDENCE_LIMIT // 2**20} MiB while it was "
                        "copied."
                    )
            dst.flush()
            os.fsync(dst.fileno())
        sha = digest.hexdigest()
        name = _safe_name(original)
        stored = f"{EVIDENCE}/{sha[:16]}-{name}"
        final = folder / stored
        if final.is_file() and hash_file(final)[0] == sha:
            tmp.unlink()
        else:
            os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
    return {"name": name, "stored": stored, "sha256": sha, "size": copied}


def kept_file(folder: Path, stored: str) -> Path | None:
    """Where a stored evidence file is: only ever a file directly in ``folder/evidence``
    (None for a path that would lead elsewhere, as a log edited by other means could hold)."""
    prefix, _, name = stored.partition("/")
    if prefix != EVIDENCE or not name or name in (".", "..") or "/" in name or "\\" in name:
        return None
    return folder / EVIDENCE / name


def drop_evidence(folder: Path, stored: list[str]) -> None:
    """Delete stored evidence files no activity uses any more (after the commit)."""
    for rel in stored:
        file = kept_file(folder, rel)
        if file is not None:
            with contextlib.suppress(OSError):
                file.unlink()


def evidence_state(folder: Path, evidence: dict[str, Any] | None) -> str | None:
    """``ok``, ``missing``, ``changed`` (the stored copy no longer has its hash) or ``not kept``
    (an imported record whose file was not found), or None without evidence."""
    if evidence is None:
        return None
    if evidence["stored"] is None:
        return "not kept"
    file = kept_file(folder, evidence["stored"])
    if file is None:
        return "missing"
    try:
        return "ok" if hash_file(file)[0] == evidence["sha256"] else "changed"
    except OSError:
        return "missing"
