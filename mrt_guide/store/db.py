"""One way to open the user's SQLite databases: private, durable, migrated, and with every
SQLite failure turned into one line and a documented exit status.

- The file is created on first write only, mode 0600, in a folder of mode 0700
  (``paths.ensure_user_dir``); a reading command never creates it.
- WAL journal, ``foreign_keys=ON``, ``synchronous=FULL`` and a busy timeout, so a
  second command waits for the first instead of failing.
- ``PRAGMA application_id`` marks the file as mrt-guide's; ``PRAGMA user_version`` is
  the schema version. ``Schema.migrations`` are applied in order, each in its own
  transaction that also sets the version; an existing database is backed up (SQLite's
  online backup API) before it is migrated. A database from a newer release is refused.
- Write transactions start with ``BEGIN IMMEDIATE``: the write lock is taken at once
  (waiting up to the busy timeout), never halfway through.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..status import ExitStatus, GuideError
from ..textsafe import neutral_line

BUSY_TIMEOUT = 10.0
"""Seconds a command waits for another one holding the write lock."""

Migration = Callable[[sqlite3.Connection], None]

# SQLite's primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26


class Schema:
    """A database kind: what it is called in messages, its application id and its migrations
    (``migrations[n]`` takes version ``n`` to ``n + 1``)."""

    __slots__ = ("_objects", "application_id", "label", "migrations", "sound", "tables")

    def __init__(
        self,
        label: str,
        application_id: int,
        migrations: list[Migration],
        sound: Callable[[sqlite3.Connection, int], str | None] | None = None,
    ) -> None:
        self.label = label
        self.application_id = application_id
        self.migrations = migrations
        self.sound = sound
        """Checks the rows of a restored database (its version given) against what the
        commands accept; a problem, in words, or None."""
        self._objects: dict[int, dict[tuple[str, str], tuple[str, str | None]]] = {}

    def objects(self, version: int) -> dict[tuple[str, str], tuple[str, str | None]]:
        """Every schema object (tables, their automatic indexes, indexes) that the migrations
        up to ``version`` make, as ``objects`` reads them: made once in memory."""
        if version not in self._objects:
            conn = sqlite3.connect(":memory:", isolation_level=None)
            try:
                for step in self.migrations[:version]:
                    step(conn)
                self._objects[version] = objects(conn)
            finally:
                conn.close()
        return self._objects[version]

    @property
    def version(self) -> int:
        return len(self.migrations)


def shown(path: Path) -> str:
    return neutral_line(str(path), 100)


def failure(exc: sqlite3.Error, path: Path, label: str) -> GuideError:
    """``exc`` as the one line a user reads, with its exit status."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    where = f"{label} ({shown(path)})"
    reason = neutral_line(str(exc), 120)
    if primary in (SQLITE_BUSY, SQLITE_LOCKED):
        return GuideError(
            f"{where} is busy: another mrt-guide command is writing to it. Try again in a moment.",
            ExitStatus.BUSY,
        )
    if primary in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return GuideError(
            f"{where} is damaged or not an mrt-guide database ({reason}); nothing was changed. "
            "Restore a backup with 'mrt-guide ce restore FILE'.",
            ExitStatus.DATA,
        )
    if primary in (SQLITE_READONLY, SQLITE_PERM):
        return GuideError(f"{where} is read-only ({reason}); nothing was changed.", ExitStatus.IO)
    if primary == SQLITE_FULL:
        return GuideError(f"{where}: the disk is full; nothing was changed.", ExitStatus.IO)
    if primary == SQLITE_CANTOPEN:
        return GuideError(f"Cannot open {where}: {reason}.", ExitStatus.IO)
    return GuideError(f"{where} failed: {reason}; nothing was changed.", ExitStatus.IO)


@contextlib.contextmanager
def guarded(path: Path, label: str) -> Iterator[None]:
    """Inside: SQLite and file-system failures become one-line ``GuideError``s."""
    try:
        yield
    except sqlite3.Error as exc:
        raise failure(exc, path, label) from None
    except OSError as exc:
        what = neutral_line(exc.filename if isinstance(exc.filename, str) else str(path), 100)
        raise GuideError(f"{label}: cannot use {what}: {exc.strerror or exc}.", ExitStatus.IO) from None


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists (never truncating one)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the pragmas every use needs; transactions are explicit."""
    if readonly:
        from urllib.parse import quote

        conn = sqlite3.connect(
            f"file:{quote(str(path))}?mode=ro", uri=True, timeout=BUSY_TIMEOUT, isolation_level=None
        )
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
    except BaseException:
        conn.close()
        raise
    return conn


def header(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """``(application_id, user_version, number of schema objects)``; reading them is the
    first thing that fails on a file that is not a database."""
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return int(app), int(version), int(objects)


def check_header(conn: sqlite3.Connection, path: Path, schema: Schema) -> int:
    """The schema version of an mrt-guide database; a clear refusal for any other file."""
    app, version, objects = header(conn)
    ours = app == schema.application_id or (app == 0 and version == 0 and objects == 0)
    if not ours:
        raise GuideError(
            f"{shown(path)} is not {schema.label[:1].lower() + schema.label[1:]}: it is another program's "
            "SQLite database.",
            ExitStatus.DATA,
        )
    if version < 0:
        raise GuideError(
            f"{schema.label} ({shown(path)}) has a schema version mrt-guide never writes ({version}); "
            "nothing was changed.",
            ExitStatus.DATA,
        )
    if version > schema.version:
        raise GuideError(
            f"{schema.label} ({shown(path)}) was written by a newer release of mrt-guide "
            f"(schema {version}; this release reads up to {schema.version}). "
            "Upgrade mrt-guide; nothing was changed.",
            ExitStatus.DATA,
        )
    return version


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, the write lock taken at once; rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def script(conn: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the current transaction (``executescript`` would commit
    it first). Statements are split where they are complete, so a ``;`` inside a string or
    a trigger body stays where it is."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


def stamp() -> str:
    return time.strftime("%Y%m%d-%H%M%S")


def backups_dir(path: Path) -> Path:
    folder = path.parent / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def unused(folder: Path, stem: str) -> Path:
    """``folder/stem.db``, or ``stem-2.db`` and on if it exists (two restores in one second)."""
    target, n = folder / f"{stem}.db", 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}.db"
    return target


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the database behind ``conn`` to ``target`` (a new file, mode 0600) through
    SQLite's online backup API: consistent even while others use it. The copy is a
    single file (rollback journal, not WAL). Written beside the target, then renamed."""
    if target.exists():
        raise GuideError(f"{shown(target)} exists already; give another file name.")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    create_private(tmp)
    try:
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            conn.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def wal(conn: sqlite3.Connection) -> None:
    """Put the database in WAL mode (it stays so), if it is not: a file restored from a backup
    or made elsewhere may use a rollback journal. Switching needs the file to itself for a
    moment, and SQLite then answers "busy" at once rather than wait: retried up to the busy
    timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT
    while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            conn.execute("PRAGMA journal_mode = WAL")  # not possible inside a transaction
        except sqlite3.OperationalError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code not in (SQLITE_BUSY, SQLITE_LOCKED) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def migrate(conn: sqlite3.Connection, path: Path, schema: Schema) -> Path | None:
    """Bring the database to ``schema.version``, all steps in one transaction that first takes
    the write lock and re-reads the version, so two commands starting at once migrate (and
    back up) once. An existing database is backed up first (read through a second connection
    while the lock is held); the backup is returned, or None for a new, empty database."""
    wal(conn)
    saved = None
    with transaction(conn):
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version >= schema.version:
            return None
        if version > 0:
            source = connect(path, readonly=True)
            try:
                saved = backup(source, backups_dir(path) / f"{path.stem}-schema{version}-{stamp()}.db")
            finally:
                source.close()
        for step in range(version, schema.version):
            schema.migrations[step](conn)
        conn.execute(f"PRAGMA user_version = {schema.version:d}")
        conn.execute(f"PRAGMA application_id = {schema.application_id:d}")
    return saved


def open_db(path: Path, schema: Schema, *, create: bool) -> tuple[sqlite3.Connection | None, Path | None]:
    """The database at ``path``, migrated to the current schema, and the backup taken before
    a migration (or None). Without ``create``, a missing file gives ``(None, None)``: reading
    commands never create it. Call inside ``guarded``."""
    if not path.exists():
        if not create:
            return None, None
        create_private(path)
    elif not path.is_file():
        raise GuideError(f"{shown(path)} is not a file; move it away or set MRT_GUIDE_HOME.", ExitStatus.IO)
    conn = connect(path)
    try:
        version = check_header(conn, path, schema)
        saved = migrate(conn, path, schema) if version < schema.version else None
        if create:
            wal(conn)
    except BaseException:
        conn.close()
        raise
    return conn, saved


def objects(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str | None]]:
    """``(type, name) -> (table, SQL with its spacing folded)`` for every object in the schema."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {(t, n): (tb, None if sql is None else " ".join(str(sql).split())) for t, n, tb, sql in rows}


def check_objects(conn: sqlite3.Connection, source: Path, schema: Schema, version: int) -> None:
    """Refuse a database whose schema is not exactly the one mrt-guide's migrations make for
    ``version``: a trigger, view, table or index of its own could act on the log later."""
    have, want = objects(conn), schema.objects(version)
    where = f"{shown(source)} was not restored"

    def named(key: tuple[str, str]) -> str:
        return f"{neutral_line(key[0], 10)} '{neutral_line(key[1], 40)}'"

    def order(key: tuple[str, str]) -> tuple[int, str]:
        return ({"trigger": 0, "view": 1, "table": 2}.get(key[0], 3), key[1])

    for key in sorted(set(have) - set(want), key=order):
        raise GuideError(
            f"{where}: it holds a {named(key)} that is not part of mrt-guide's schema {version} "
            "(another program added it, and it could act on the log later).",
            ExitStatus.DATA,
        )
    for key in sorted(set(want) - set(have), key=order):
        raise GuideError(
            f"{where}: it has no {named(key)} (mrt-guide's schema {version} has one).", ExitStatus.DATA
        )
    for key in sorted(want, key=order):
        if have[key] != want[key]:
            raise GuideError(
                f"{where}: its {named(key)} differs from mrt-guide's schema {version}.", ExitStatus.DATA
            )


def inspect(source: Path, schema: Schema) -> int:
    """Check that ``source`` is a sound database of ``schema`` this release can read; its version."""
    if not source.is_file():
        raise GuideError(f"{shown(source)} is not a file.", ExitStatus.IO)
    conn = connect(source, readonly=True)
    try:
        version = check_header(conn, source, schema)
        if version == 0:
            raise GuideError(f"{shown(source)} is empty: it holds no {schema.label}.", ExitStatus.DATA)
        check_objects(conn, source, schema, version)
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if [r[0] for r in result] != ["ok"]:
            raise GuideError(
                f"{shown(source)} is damaged ({neutral_line(str(result[0][0]), 80)}); it was not restored.",
                ExitStatus.DATA,
            )
    finally:
        conn.close()
    return version


def rebuild(source: Path, target: Path, schema: Schema) -> int:
    """Write ``source``'s rows into a new database at ``target`` made by mrt-guide's own
    migrations (so nothing but its schema comes along), every row checked on the way by that
    schema's constraints and foreign keys and by ``schema.sound``; its version. A row that
    breaks a rule refuses the whole file."""
    version = inspect(source, schema)
    where = f"{shown(source)} was not restored"
    create_private(target)
    src = connect(source, readonly=True)
    dst = connect(target)
    try:
        with transaction(dst):
            for step in schema.migrations[:version]:
                step(dst)
            tables = [
                (name, [c[1] for c in dst.execute(f'PRAGMA table_info("{name}")')])
                for (kind, name), _ in sorted(schema.objects(version).items(), key=lambda kv: kv[0][1])
                if kind == "table"
            ]
            order = sorted(tables, key=lambda t: _PARENTS_FIRST.get(t[0], 1))
            for name, columns in order:
                listed = ", ".join(f'"{c}"' for c in columns)
                rows = src.execute(f'SELECT {listed} FROM "{name}"')
                marks = ", ".join("?" * len(columns))
                verb = "INSERT OR REPLACE" if name in _SEEDED else "INSERT"
                try:
                    dst.executemany(f'{verb} INTO "{name}" ({listed}) VALUES ({marks})', rows)
                except sqlite3.IntegrityError as exc:
                    raise GuideError(
                        f"{where}: a row of its table '{name}' breaks the log's rules "
                        f"({neutral_line(str(exc), 80)}).",
                        ExitStatus.DATA,
                    ) from None
            broken = dst.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise GuideError(
                    f"{where}: a row of its table '{neutral_line(str(broken[0]), 40)}' names a "
                    f"{neutral_line(str(broken[2]), 40)} record it does not hold.",
                    ExitStatus.DATA,
                )
            problem = None if schema.sound is None else schema.sound(dst, version)
            if problem is not None:
                raise GuideError(f"{where}: {problem}.", ExitStatus.DATA)
            dst.execute(f"PRAGMA user_version = {version:d}")
            dst.execute(f"PRAGMA application_id = {schema.application_id:d}")
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        src.close()
        dst.close()
    return version


_SEEDED = {"meta"}
"""Tables a migration fills (``meta.log_id``): the file's rows replace what the migration
wrote, so a restored log keeps the id of the log it was taken from."""
_PARENTS_FIRST = {"credentials": 0}
"""Tables others refer to are filled first (the rest after, by name: activities before the
tables that name an activity)."""


def restore(path: Path, source: Path, schema: Schema) -> Path | None:
    """Replace the database at ``path`` with the rows of the one in ``source``, rebuilt and
    checked first (``rebuild``) in a private file beside it, keeping the current one as a
    backup (returned). A refused file changes nothing. A sound current database is overwritten
    through the backup API (atomic; other connections see the change); a damaged one is moved
    aside."""
    staged = path.with_name(f".{path.name}.restore-{os.getpid()}.tmp")
    try:
        rebuild(source, staged, schema)
        return _install(path, staged, schema)
    finally:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{staged}{suffix}").unlink(missing_ok=True)


def _install(path: Path, source: Path, schema: Schema) -> Path | None:
    saved = None
    if path.exists():
        try:
            conn = connect(path)
            try:
                check_header(conn, path, schema)
                saved = backup(conn, unused(backups_dir(path), f"{path.stem}-before-restore-{stamp()}"))
                src = connect(source, readonly=True)
                try:
                    src.backup(conn)
                finally:
                    src.close()
                if check_header(conn, path, schema) < schema.version:
                    migrate(conn, path, schema)
            finally:
                conn.close()
            return saved
        except sqlite3.DatabaseError as exc:
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code not in (SQLITE_CORRUPT, SQLITE_NOTADB):
                raise
        # the current file is damaged: move it (and its journal files) aside, then copy
        saved = backups_dir(path) / f"{path.stem}-damaged-{stamp()}.db"
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{path}{suffix}")
            if part.exists():
                os.replace(part, Path(f"{saved}{suffix}"))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    create_private(tmp)
    try:
        src = connect(source, readonly=True)
        try:
            dst = sqlite3.connect(str(tmp), isolation_level=None)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    reopened, _ = open_db(path, schema, create=False)
    if reopened is not None:
        reopened.close()
    return saved
