"""``mrt-guide ce export``, ``import``, ``calendar``, ``backup`` and ``restore``: the log's files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..status import ExitStatus, GuideError, NotFound
from ..textsafe import neutral_line
from ._shared import dataset, flag
from .ce import ON_HELP, confirm, forget_unused, on_day, say, write_file


def export(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.csv", help="Where to write ('-' for standard output).", show_default=False
        ),
    ],
) -> None:
    """Write every activity to a CSV file (RFC 4180, UTF-8, a header row).

    [bold]Examples[/bold]

      mrt-guide ce export my-ce.csv
      mrt-guide ce export - | head

    Text a spreadsheet would run as a formula (starting with = + - @) is
    written with a leading apostrophe; 'ce import' removes it again.
    """
    import io

    from ..store import ce as store
    from ..store import csvio

    with store.opened(write=False) as log:
        activities = log.activities()
    if str(file) == "-":
        count = csvio.write(sys.stdout, csvio.rows(activities))
        say(f"Wrote {count} activities.")
        return
    buffer = io.StringIO(newline="")
    count = csvio.write(buffer, csvio.rows(activities))
    write_file(file, buffer.getvalue().encode("utf-8"), "the activities")
    say(f"Wrote {count} activities to {file}.")


def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE.csv", help="A CSV file, as 'ce export' writes it.", show_default=False),
    ],
    dry_run: Annotated[
        bool, flag("--dry-run", help="Check every row and say what would be added; write nothing.")
    ] = False,
) -> None:
    """Import activities from a CSV file: all rows or none.

    [bold]Examples[/bold]

      mrt-guide ce import my-ce.csv --dry-run
      mrt-guide ce import my-ce.csv

    Every row is checked first: one bad row (its line is named) and
    nothing is written. An activity already in the log (same date, title,
    provider and length) is skipped, so importing a file twice adds
    nothing. Columns: those 'ce export' writes; date, title and one of
    minutes, hours or ceus are needed.

    Dates: YYYY-MM-DD, YYYY/MM/DD, or M/D/YYYY read month first as US
    spreadsheets write it (5/7/2024 is 7 May); a two-digit year or a
    day-first date is a bad row. Evidence files are copied in only from
    the CSV's own folder (or a folder in it): an absolute path, '..', a
    hidden name, a link or a file that is not a regular file is a bad
    row.
    """
    from ..store import ce as store
    from ..store import csvio

    ds = dataset(ctx)
    with store.opened(write=False) as log:
        rows = csvio.read(file, ds, log.credentials(), log.folder)
        activities = [a for a, _ in rows]
        present = log.present(activities)
    if dry_run:
        say(
            f"{file}: {len(rows)} {'row is' if len(rows) == 1 else 'rows are'} good; "
            f"would add {len(rows) - present}, {present} in the log already."
        )
        return
    with store.opened(write=True) as log:
        copied = []
        kept: dict[Path, dict[str, Any]] = {}  # a file named on many rows is copied once
        try:
            for activity, source in rows:
                if source is not None:
                    checked = activity["evidence"]["sha256"]
                    if source not in kept:
                        kept[source] = store.keep_evidence(source, log.folder, within=file.parent)
                        copied.append(kept[source])
                    activity["evidence"] = dict(kept[source])
                    if activity["evidence"]["sha256"] != checked:
                        raise GuideError(
                            f"Evidence file '{neutral_line(str(source), 80)}' changed while it was "
                            "imported; nothing was imported. Try again.",
                            ExitStatus.DATA,
                        )
            with _progress(len(activities)) as progress:
                added, present = log.import_activities(activities, progress)
        except BaseException:
            for ev in copied:
                forget_unused(log, ev)
            raise
        unkept = len(log.activities(added, unkept_only=True)) if added else 0
    say(f"Imported {len(added)} activities from {file}; {present} were in the log already.")
    if unkept:
        say(f"{unkept} evidence files were not found; their names and SHA-256 are kept.")


class _NoProgress:
    def __enter__(self) -> Any:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _progress(total: int) -> Any:
    """A progress bar on stderr for a long import, on a terminal only; a context manager
    giving the callback (or None)."""
    if total < 500 or not _stderr_is_terminal():
        return _NoProgress()
    import contextlib

    @contextlib.contextmanager
    def bar() -> Any:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(console=Console(stderr=True), transient=True) as progress:
            task = progress.add_task("Importing", total=total)

            def step(n: int) -> None:
                if n % 100 == 0 or n == total:
                    progress.update(task, completed=n)

            yield step

    return bar()


def calendar(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(metavar="FILE.ics", help="The calendar file to write.", show_default=False)
    ],
    on: Annotated[
        str | None, typer.Option("--on", metavar="YYYY-MM-DD", help=ON_HELP, show_default=False)
    ] = None,
) -> None:
    """Write your cycle ends and due dates as an iCalendar file, with reminders.

    [bold]Examples[/bold]

      mrt-guide ce calendar deadlines.ics

    All-day events with reminders 90, 30 and 7 days before. Each event
    keeps its UID, so importing a newer file updates the events instead
    of adding copies; UIDs carry the log's own random id, so two
    people's files can share one calendar.
    """
    from ..queries import ce as q
    from ..store import ce as store

    if file.suffix.lower() != ".ics":
        raise GuideError("Give the calendar file a .ics name, e.g. deadlines.ics.")
    ds = dataset(ctx)
    day = on_day(on)
    with store.opened(write=False) as log:
        held, recorded, log_id = log.credentials(), log.recorded_cycles(), log.log_id()
    found = [] if log_id is None else q.calendar_events(ds, held, recorded, day, log_id)
    from ..views.ce import calendar as view

    undated = view.undated(q.undated_issuers(ds, held, {e["issuer"] for e in found}))
    if not found:
        if undated:
            raise NotFound(f"No deadline ahead to put in a calendar: {undated}")
        raise NotFound(
            "No deadline ahead to put in a calendar: add a credential first ('mrt-guide ce credential add')."
        )
    from ..render import to_ics

    events = view.events(found)

    write_file(file, to_ics.render(events), "the calendar")
    say(
        f"Wrote {len(events)} events to {file}: "
        + ", ".join(f"{e['date']} {e['summary']}" for e in events[:3])
        + ("…" if len(events) > 3 else ".")
    )
    if undated:
        say(f"Left out: {undated}")


def backup(
    file: Annotated[
        Path | None,
        typer.Argument(
            metavar="FILE",
            help="Where to write the copy (default: backups/ in the data folder).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Copy the log to a file, safely even while it is in use.

    [bold]Examples[/bold]

      mrt-guide ce backup
      mrt-guide ce backup ~/Documents/ce-2026.db

    SQLite's online backup. Evidence files are not inside the copy; they
    stay in the data folder's evidence/.
    """
    from ..store import ce as store
    from ..store import db

    with store.opened(write=False) as log:
        if log.conn is None:
            raise NotFound("There is no CE log yet; nothing to back up.")
        target = file if file is not None else db.backups_dir(store.path()) / f"ce-{db.stamp()}.db"
        db.backup(log.conn, target)
        count = log.counts()
    say(f"Backed up the CE log ({count['activities']} activities) to {target}.")


def restore(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A backup made by 'ce backup'.", show_default=False)
    ],
    yes: Annotated[bool, flag("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Replace the log with a backup; the current one is kept as a backup.

    [bold]Examples[/bold]

      mrt-guide ce restore ~/Documents/ce-2026.db

    The file is checked first. Asks on a terminal; elsewhere it needs
    --yes. A backup from an older release is brought up to date; one from
    a newer release is refused. Only mrt-guide's own schema is accepted
    (no trigger, view, table or index of another program); the rows are
    rebuilt into a fresh log, each one checked. A refused file changes
    nothing (exit 65).
    """
    from ..paths import ensure_user_dir
    from ..store import ce as store
    from ..store import db

    where = store.path()
    with db.guarded(file, "The backup"):
        db.inspect(file, store.SCHEMA)
    if not confirm(f"Replace the CE log at {where} with {file}?", yes, "Restoring"):
        say("Nothing was changed.")
        return
    with db.guarded(where, store.LABEL):
        ensure_user_dir()
        saved = db.restore(where, file, store.SCHEMA)
    with store.opened(write=False) as log:
        count = log.counts()
    kept = f"; the log it replaced is kept as {saved}" if saved else ""
    say(f"Restored the CE log from {file} ({count['activities']} activities){kept}.")
