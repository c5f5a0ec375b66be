"""``mrt-guide ce``: the continuing-education log (SQLite in the user's folder).

This module holds the group, the helpers its commands share and the reading commands
(``status``, ``list``, ``report``, ``path``); ``ce_credentials``, ``ce_activities`` and
``ce_files`` hold the rest. Each subcommand is built only when it runs (``COMMANDS``).

Reading commands take the shared output options and never create the log; writing
commands say what they did on stderr (``ce add`` prints the new id on stdout). Every
write is one transaction; the store turns SQLite failures into one line and a status.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..output import (
    ExportOption,
    Format,
    JsonOption,
    MarkdownOption,
    NoColorOption,
    PlainOption,
    View,
    chosen,
    show,
)
from ..status import ExitStatus, GuideError
from ._shared import LazyGroup, Target, dataset, flag
from .complete import certification_names

if TYPE_CHECKING:
    from ..dataset.index import Dataset
    from ..store.ce import Log


def _ce_activities_view() -> View:
    from ..views.ce import activities

    return activities


def _ce_activities_page(rows: int, page: int) -> Callable[[], View]:
    def load() -> View:
        from ..views.ce import activities

        return activities.Paged(rows, page)

    return load


def _ce_report_view() -> View:
    from ..views.ce import report

    return report


def _ce_status_view() -> View:
    from ..views.ce import status

    return status


def _credential() -> Target:
    from .ce_credentials import credential_app

    return credential_app


def _add() -> Target:
    from .ce_activities import add

    return add


def _status() -> Target:
    return status


def _list() -> Target:
    return list_


def _edit() -> Target:
    from .ce_activities import edit

    return edit


def _remove() -> Target:
    from .ce_activities import remove

    return remove


def _report() -> Target:
    return report


def _calendar() -> Target:
    from .ce_files import calendar

    return calendar


def _export() -> Target:
    from .ce_files import export

    return export


def _import() -> Target:
    from .ce_files import import_

    return import_


def _backup() -> Target:
    from .ce_files import backup

    return backup


def _restore() -> Target:
    from .ce_files import restore

    return restore


def _cycle() -> Target:
    from .ce_credentials import cycle_app

    return cycle_app


def _work() -> Target:
    from .ce_work import work_app

    return work_app


def _path() -> Target:
    return path


def _profile() -> Target:
    from .ce_credentials import profile

    return profile


COMMANDS: dict[str, Callable[[], Target]] = {
    "credential": _credential,
    "add": _add,
    "status": _status,
    "list": _list,
    "edit": _edit,
    "remove": _remove,
    "report": _report,
    "calendar": _calendar,
    "export": _export,
    "import": _import,
    "backup": _backup,
    "restore": _restore,
    "cycle": _cycle,
    "profile": _profile,
    "work": _work,
    "path": _path,
}
"""``ce``'s subcommands in the order of its help, as ``cli.COMMANDS`` lists the root's."""


class Group(LazyGroup):
    """``ce``: its subcommands are built when first asked for, as the root's are; a run pays
    for one command's parameters, not fifteen."""

    table = COMMANDS


app = typer.Typer(name="ce", cls=Group, add_completion=False)


CYCLE_HELP = "Which cycle: current (default), previous or all."


ON_HELP = "Count as of this day instead of today (YYYY-MM-DD)."


def say(message: str) -> None:
    sys.stderr.write(message + "\n")


def help_if_bare(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def group(ctx: typer.Context) -> None:
    """Your continuing-education log: credentials, activities, deadlines.

    [bold]Examples[/bold]

      mrt-guide ce credential add RHIT --earned 2025-03-13
      mrt-guide ce add --title "Coding update" --date 2026-02-10 --hours 2
      mrt-guide ce status
      mrt-guide ce report --export audit.html
      mrt-guide ce calendar deadlines.ics

    The log is one SQLite file in your data folder ('mrt-guide ce path').
    The rules come from the dataset, each with its source: see
    'mrt-guide certs RHIT'.
    """
    help_if_bare(ctx)


def on_day(on: str | None) -> dt.date:
    from ..queries import ce as q

    return q.today() if on is None else q.parse_date(on, "--on", future=True)


def _interactive() -> bool:
    return sys.stdin.isatty()


def confirm(question: str, yes: bool, what: str) -> bool:
    """``--yes``, or an answer on a terminal; without either, a usage error (exit 2)."""
    if yes:
        return True
    if not _interactive():
        raise GuideError(f"{what} asks first; run it on a terminal, or add --yes.")
    return bool(typer.confirm(question, default=False, err=True))


def cycle_choice(value: str) -> str:
    from ..dataset.index import choose
    from ..queries.ce import CYCLE_CHOICES

    return choose("cycle", value, list(CYCLE_CHOICES))


def cycle_names(incomplete: str) -> list[str]:
    return [c for c in ("current", "previous", "all") if c.startswith(incomplete)]


def issuer_names(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        issuers = [i["id"] for i in dataset(ctx).section("certifications")["issuers"]]
    except Exception:  # completion offers nothing rather than fail
        return []
    found = [i for i in issuers if i.casefold().startswith(incomplete.casefold())]
    # Typer keeps only what starts with the text typed, case and all: offer it in that case
    return [i if i.startswith(incomplete) or not incomplete.islower() else i.lower() for i in found]


def write_file(path: Path, data: bytes, what: str) -> None:
    """Write ``data`` to ``path`` whole or not at all (a temporary file, then a rename), mode
    0600: the log is personal."""
    from ..textsafe import neutral_line

    shown = neutral_line(str(path), 80)
    try:
        if path.is_dir():
            raise GuideError(f"Cannot write {what} to '{shown}': it is a folder. Give a file name.")
        if not path.parent.is_dir():
            raise GuideError(f"Cannot write {what} to '{shown}': its folder does not exist.")
    except OSError as exc:
        raise GuideError(f"Cannot write {what} to '{shown}': {exc.strerror or exc}.", ExitStatus.IO) from None
    from .. import files

    try:
        files.write(path, data, 0o600)
    except files.Refused as exc:
        raise GuideError(f"Cannot write {what} to '{shown}': {exc.reason}.") from None
    except OSError as exc:
        raise GuideError(f"Cannot write {what} to '{shown}': {exc.strerror or exc}.", ExitStatus.IO) from None


def _json_by_line(data: dict[str, Any], rows: str) -> str:
    """``--json`` as every command prints it, but with the records under ``rows`` one to a line:
    thousands of activities print in a fraction of the time (the indenting encoder is pure
    Python), and a line is one record for grep."""
    import json

    from ..output import (
        SCHEMA_VERSION,
    )
    from ..terminal import ascii_only

    ascii = ascii_only(sys.stdout)
    doc = {"schema_version": SCHEMA_VERSION, **data}
    parts = []
    for key, value in doc.items():
        if key == rows and value:
            lines = ",\n".join("    " + json.dumps(v, ensure_ascii=ascii) for v in value)
            text = f"[\n{lines}\n  ]"
        else:
            text = json.dumps(value, indent=2, ensure_ascii=ascii).replace("\n", "\n  ")
        parts.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def credits_words(ds: Dataset, activity: dict[str, Any]) -> str:
    from ..queries import ce as q
    from ..queries.renewal import rules

    parts = []
    for issuer in sorted({q.issuer_of(ds, c) or "" for c in activity["for"]} - {""}):
        found = rules(ds, issuer)
        unit = None if found is None else found["unit"]
        value = q.credits(activity, None if found is None else found["counting"])
        parts.append(f"{q.num(value)} {q.units(unit, value)} for {issuer}")
    return ", ".join(parts)


def outside_cycles(ds: Dataset, log: Log, activity: dict[str, Any]) -> str | None:
    """A warning when an activity falls before the first cycle of its issuer."""
    from ..queries import ce as q

    found, _ = q.issuers(ds, log.credentials(), log.recorded_cycles(), [activity], q.today())
    for iss in found:
        if iss.activities and iss.cycles and activity["date"] < iss.cycles[0]["start"].isoformat():
            first = iss.cycles[0]["start"].isoformat()
            return (
                f"Note: {activity['date']} precedes your first {iss.id} cycle ({first}): it counts in none."
            )
    return None


def path() -> None:
    """Print where the log is kept (the file may not exist yet).

    [bold]Examples[/bold]

      mrt-guide ce path
      ls -l "$(dirname "$(mrt-guide ce path)")"

    The folder is $MRT_GUIDE_HOME if set, else your platform's data
    folder for mrt-guide; it also holds the evidence files and backups.
    """
    from ..store import ce as store

    typer.echo(str(store.path()))


def list_(
    ctx: typer.Context,
    cycle: Annotated[
        str, typer.Option("--cycle", metavar="CYCLE", help=CYCLE_HELP, autocompletion=cycle_names)
    ] = "current",
    for_: Annotated[
        str | None,
        typer.Option(
            "--for",
            metavar="ID",
            help="Only those for this credential.",
            autocompletion=certification_names,
            show_default=False,
        ),
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", metavar="YYYY-MM-DD", help=ON_HELP, show_default=False)
    ] = None,
    rows: Annotated[
        int,
        typer.Option(
            "--rows",
            metavar="N",
            min=0,
            max=1_000_000,
            help="Rows of the table on the terminal; 0 for every one.",
        ),
    ] = 20,
    page: Annotated[
        int,
        typer.Option(
            "--page", metavar="N", min=1, max=1_000_000, help="Which page of --rows: 1 is the latest."
        ),
    ] = 1,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the activities of a cycle, with what each counts for.

    [bold]Examples[/bold]

      mrt-guide ce list
      mrt-guide ce list --cycle all --for CCS
      mrt-guide ce list --cycle previous --json
      mrt-guide ce list --page 2

    On the terminal the table shows the latest 20 activities (--rows,
    --page); the totals, --plain, --markdown, --export and --json
    always cover every one.
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    which = cycle_choice(cycle)
    only = None if for_ is None else q.credential_id(ds, for_)
    day = on_day(on)
    with store.opened(write=False) as log:
        held, recorded = log.credentials(), log.recorded_cycles()
        first = q.since(ds, held, recorded, day, which)
        activities = log.activities(
            since=None if first is None else first.isoformat(), until=None if on is None else day.isoformat()
        )
        folder = str(log.folder)
    data = ds.with_sources(q.listing(ds, held, recorded, activities, which, day, folder, only))
    if out.format is Format.JSON and out.export is None:
        sys.stdout.write(_json_by_line(data, "activities"))
    elif out.format is Format.RICH and out.export is None:
        from ..views.ce.activities import page_count

        count = len(data["activities"])
        pages = page_count(count, rows)
        if page > pages:
            raise GuideError(
                f"No page {page}: {count} {'activity makes' if count == 1 else 'activities make'} "
                f"{pages} {'page' if pages == 1 else 'pages'} of {rows or count} (--page 1 is the latest)."
            )
        show(out, data, _ce_activities_page(rows, page))
    else:
        show(out, data, _ce_activities_view)


def status(
    ctx: typer.Context,
    on: Annotated[
        str | None, typer.Option("--on", metavar="YYYY-MM-DD", help=ON_HELP, show_default=False)
    ] = None,
    check: Annotated[bool, flag("--check", help="Exit 1 when a cycle is behind or ended short.")] = False,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Where each cycle stands: a bar per rule, and what is still needed.

    [bold]Examples[/bold]

      mrt-guide ce status
      mrt-guide ce status --on 2027-01-15
      mrt-guide ce status --check --json

    On track means at least the share of the requirement that the time
    gone by calls for; behind, less. With --check the exit status is 1
    when a cycle is behind or ended short, 0 otherwise.
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    day = on_day(on)
    with store.opened(write=False) as log:  # the totals are summed in SQL: no activity is read
        data = q.status(ds, log.credentials(), log.recorded_cycles(), log.tally, day)
    show(out, ds.with_sources(data), _ce_status_view)
    if check and q.behind(data):
        raise typer.Exit(ExitStatus.NOT_FOUND)


def report(
    ctx: typer.Context,
    cycle: Annotated[
        str, typer.Option("--cycle", metavar="CYCLE", help=CYCLE_HELP, autocompletion=cycle_names)
    ] = "current",
    on: Annotated[
        str | None, typer.Option("--on", metavar="YYYY-MM-DD", help=ON_HELP, show_default=False)
    ] = None,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The audit packet: every activity, its evidence, the totals per rule.

    [bold]Examples[/bold]

      mrt-guide ce report --export audit.html
      mrt-guide ce report --cycle previous --export audit.md
      mrt-guide ce report --cycle all --export audit.csv

    --export takes .html, .md, .json, .txt, and .csv (a row per rule
    total and per activity). Each evidence file is hashed again, so the
    packet says whether the copy kept still matches its SHA-256.
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    which = cycle_choice(cycle)
    day = on_day(on)
    with store.opened(write=False) as log:
        held, recorded, holder = log.credentials(), log.recorded_cycles(), log.profile()
        first = q.since(ds, held, recorded, day, which if which == "all" else f"report-{which}")
        activities = log.activities(since=None if first is None else first.isoformat(), until=day.isoformat())
        folder = log.folder
    data = q.report(
        ds,
        held,
        recorded,
        activities,
        which,
        day,
        str(folder),
        lambda ev: store.evidence_state(folder, ev),
        holder,
    )
    if out.export is not None and out.export.suffix.lower() == ".csv":
        import io

        from ..store import csvio

        buffer = io.StringIO(newline="")
        count = csvio.write(buffer, csvio.report_rows(data))
        write_file(out.export, buffer.getvalue().encode("utf-8"), "the audit packet")
        say(f"Wrote {out.export} (csv, {count} rows).")
        return
    show(out, ds.with_sources(data), _ce_report_view)


def forget_unused(log: Log, evidence: dict[str, Any] | None) -> None:
    """After a failed write: drop a copied evidence file that no activity uses."""
    from ..store import ce as store

    if evidence is not None and evidence["stored"] and not log.uses(evidence["stored"]):
        store.drop_evidence(log.folder, [evidence["stored"]])
