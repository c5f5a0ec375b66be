"""``mrt-guide ce``: the continuing-education log (SQLite in the user's folder).

Reading commands take the shared output options and never create the log; writing
commands say what they did on stderr (``ce add`` prints the new id on stdout). Every
write is one transaction; the store turns SQLite failures into one line and a status.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from ..cli import LazyCommands
from ..output import Format, Output, output_options, show
from ..status import ExitStatus, GuideError, NotFound
from ._shared import dataset, flag
from .complete import certification_names

if TYPE_CHECKING:
    from ..dataset.index import Dataset
    from ..store.ce import Log

COMMANDS = {
    "credential": "ce:credential_app",
    "add": "ce:add",
    "status": "ce:status",
    "list": "ce:list_",
    "edit": "ce:edit",
    "remove": "ce:remove",
    "report": "ce:report",
    "calendar": "ce:calendar",
    "export": "ce:export",
    "import": "ce:import_",
    "backup": "ce:backup",
    "restore": "ce:restore",
    "cycle": "ce:cycle_app",
    "path": "ce:path",
}
"""``ce``'s subcommands in the order of its help, as ``cli.COMMANDS`` lists the root's."""


def _build(name: str, target: str) -> Any:
    """The Click command for ``name`` (``module:attribute`` of ``mrt_guide.commands``), without
    the completion options, which belong to the root."""
    import importlib

    module, attribute = target.split(":")
    found = getattr(importlib.import_module(f"mrt_guide.commands.{module}"), attribute)
    if isinstance(found, typer.Typer):
        return typer.main.get_command(found)
    one = typer.Typer(rich_markup_mode="rich", pretty_exceptions_enable=False, add_completion=False)
    one.command(name=name)(found)
    return typer.main.get_command(one)


class _Commands(LazyCommands):
    """``COMMANDS``, each built on first use by ``_build``."""

    def __getitem__(self, name: str) -> Any:
        built = dict.__getitem__(self, name)  # KeyError for an unknown name
        if built is None:
            built = _build(name, COMMANDS[name])
            dict.__setitem__(self, name, built)
        return built


class Group(TyperGroup):
    """``ce``: its subcommands are built when first asked for, as the root's are; a run pays
    for one command's parameters, not fifteen."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands(COMMANDS)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)


app = typer.Typer(name="ce", cls=Group, add_completion=False)
credential_app = typer.Typer(name="credential", add_completion=False)
cycle_app = typer.Typer(name="cycle", add_completion=False)

CYCLE_HELP = "Which cycle: current (default), previous or all."
ON_HELP = "Count as of this day instead of today (YYYY-MM-DD)."


def _say(message: str) -> None:
    sys.stderr.write(message + "\n")


def _help_if_bare(ctx: typer.Context) -> None:
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
    _help_if_bare(ctx)


@credential_app.callback(invoke_without_command=True)
def credential_group(ctx: typer.Context) -> None:
    """The credentials you hold, and when you earned each.

    [bold]Examples[/bold]

      mrt-guide ce credential add RHIT --earned 2025-03-13
      mrt-guide ce credential list
      mrt-guide ce credential remove CCS
    """
    _help_if_bare(ctx)


@cycle_app.callback(invoke_without_command=True)
def cycle_group(ctx: typer.Context) -> None:
    """The cycle dates an issuer set for you, where they differ from ours.

    [bold]Examples[/bold]

      mrt-guide ce cycle set AHIMA --start 2025-01-01 --end 2026-12-31
      mrt-guide ce cycle clear AHIMA
    """
    _help_if_bare(ctx)


# helpers


def _on(on: str | None) -> dt.date:
    from ..queries import ce as q

    return q.today() if on is None else q.parse_date(on, "--on", future=True)


def _interactive() -> bool:
    return sys.stdin.isatty()


def _confirm(question: str, yes: bool, what: str) -> bool:
    """``--yes``, or an answer on a terminal; without either, a usage error (exit 2)."""
    if yes:
        return True
    if not _interactive():
        raise GuideError(f"{what} asks first; run it on a terminal, or add --yes.")
    return bool(typer.confirm(question, default=False, err=True))


def _cycle_choice(value: str) -> str:
    from ..dataset.index import choose
    from ..queries.ce import CYCLE_CHOICES

    return choose("cycle", value, list(CYCLE_CHOICES))


def _cycle_names(incomplete: str) -> list[str]:
    return [c for c in ("current", "previous", "all") if c.startswith(incomplete)]


def _issuer_names(ctx: typer.Context, incomplete: str) -> list[str]:
    try:
        issuers = [i["id"] for i in dataset(ctx).section("certifications")["issuers"]]
    except Exception:  # completion offers nothing rather than fail
        return []
    found = [i for i in issuers if i.casefold().startswith(incomplete.casefold())]
    # Typer keeps only what starts with the text typed, case and all: offer it in that case
    return [i if i.startswith(incomplete) or not incomplete.islower() else i.lower() for i in found]


def _write_file(path: Path, data: bytes, what: str) -> None:
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
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise GuideError(f"Cannot write {what} to '{shown}': {exc.strerror or exc}.", ExitStatus.IO) from None
    finally:
        tmp.unlink(missing_ok=True)


def _json_by_line(data: dict[str, Any], rows: str) -> str:
    """``--json`` as every command prints it, but with the records under ``rows`` one to a line:
    thousands of activities print in a fraction of the time (the indenting encoder is pure
    Python), and a line is one record for grep."""
    import json

    from ..output import SCHEMA_VERSION
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


def _credits_words(ds: Dataset, activity: dict[str, Any]) -> str:
    from ..queries import ce as q
    from ..queries.renewal import rules

    parts = []
    for issuer in sorted({q.issuer_of(ds, c) or "" for c in activity["for"]} - {""}):
        found = rules(ds, issuer)
        unit = None if found is None else found["unit"]
        value = q.credits(activity, None if found is None else found["counting"])
        parts.append(f"{q.num(value)} {q.units(unit, value)} for {issuer}")
    return ", ".join(parts)


def _outside_cycles(ds: Dataset, log: Log, activity: dict[str, Any]) -> str | None:
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


# where


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


# credentials


@credential_app.command("add")
def credential_add(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The credential, any case or alias: RHIT, ccs-p, CTR (now ODS).",
            autocompletion=certification_names,
            show_default=False,
        ),
    ],
    earned: Annotated[
        str,
        typer.Option(
            "--earned", metavar="YYYY-MM-DD", help="The day you passed the exam.", show_default=False
        ),
    ],
) -> None:
    """Add a credential you hold (or correct the day you earned it).

    [bold]Examples[/bold]

      mrt-guide ce credential add RHIT --earned 2025-03-13
      mrt-guide ce credential add ctr --earned 2023-06-20

    Cycles are dated from the exam (AHIMA) or end on 31 December of the
    second year after it (NCRA), as the dataset's renewal rules say.
    """
    from ..queries import ce as q
    from ..queries.renewal import rules
    from ..store import ce as store

    ds = dataset(ctx)
    cred = q.credential_id(ds, name)
    day = q.parse_date(earned, "--earned").isoformat()
    with store.opened(write=True) as log:
        before = log.add_credential(cred, day)
        held = log.credentials()
    if before is None:
        _say(f"Added {cred}, earned {day}.")
    elif before != day:
        _say(f"{cred}: the day earned is now {day} (was {before}).")
    else:
        _say(f"{cred} is in the log already, earned {day}.")
    issuer = q.issuer_of(ds, cred)
    found = rules(ds, issuer) if issuer else None
    if found is None:
        if issuer is not None:
            _say(f"Note: the dataset has no renewal rules for {issuer}; its cycles are unknown.")
        return
    for swap in found["replacements"]:
        if {swap["holder"], swap["replaces"]} <= set(held):
            _say(f"Note: {swap['text']} [{swap['source']}, {swap['flag']}]")
    same = {c: d for c, d in held.items() if q.issuer_of(ds, c) == issuer}
    if len(set(same.values())) > 1:
        first = min(same, key=lambda c: (same[c], c))
        text = (
            f"Note: your {issuer} cycles are dated from {first}, the earliest; a later credential counts "
            "from the first cycle that begins after it was earned."
        )
        if found["dates_set_by_issuer"]:
            text += (
                f" {found['dates_set_by_issuer']} Record them: mrt-guide ce cycle set {issuer} "
                "--start YYYY-MM-DD --end YYYY-MM-DD"
            )
        _say(text)


@credential_app.command("list")
@output_options
def credential_list(ctx: typer.Context, out: Output) -> None:
    """List the credentials in the log, with what each owes per cycle.

    [bold]Examples[/bold]

      mrt-guide ce credential list
      mrt-guide ce credential list --json
    """
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    with store.opened(write=False) as log:
        held = log.credentials()
    show(out, ds.with_sources(q.credential_list(ds, held)), "ce.credentials")


@credential_app.command("remove")
def credential_remove(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The credential to remove.",
            autocompletion=certification_names,
            show_default=False,
        ),
    ],
    yes: Annotated[bool, flag("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Remove a credential from the log; its activities stay.

    [bold]Examples[/bold]

      mrt-guide ce credential remove CCS
      mrt-guide ce credential remove CCS --yes

    Asks first on a terminal; elsewhere it needs --yes.
    """
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    cred = q.credential_id(ds, name)
    with store.opened(write=False) as log:
        if cred not in log.credentials():
            raise GuideError(f"{cred} is not in the log; 'mrt-guide ce credential list' lists them.")
    if not _confirm(f"Remove {cred} from the log?", yes, "Removing a credential"):
        _say("Nothing was removed.")
        return
    with store.opened(write=True) as log:
        alone = log.remove_credential(cred)
    _say(f"Removed {cred}.")
    if alone:
        _say(
            f"{alone} activities were reported only for {cred}: they stay in the log, counted for no "
            "credential; 'mrt-guide ce edit ID --for ...' reassigns one."
        )


# cycles


@cycle_app.command("set")
def cycle_set(
    ctx: typer.Context,
    issuer: Annotated[
        str,
        typer.Argument(
            metavar="ISSUER",
            help="AHIMA or NCRA (any case).",
            autocompletion=_issuer_names,
            show_default=False,
        ),
    ],
    start: Annotated[
        str,
        typer.Option("--start", metavar="YYYY-MM-DD", help="First day of the cycle.", show_default=False),
    ],
    end: Annotated[
        str | None,
        typer.Option(
            "--end",
            metavar="YYYY-MM-DD",
            help="Last day of the cycle (default: one cycle length on).",
            show_default=False,
        ),
    ] = None,
    required: Annotated[
        str | None,
        typer.Option(
            "--required",
            metavar="N",
            help="What the issuer says this cycle owes, if it differs from the computed total.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Record the dates an issuer set for a cycle; they replace the computed ones.

    [bold]Examples[/bold]

      mrt-guide ce cycle set AHIMA --start 2025-01-01 --end 2026-12-31
      mrt-guide ce cycle set ahima --start 2025-01-01 --required 30

    AHIMA sets the dates of a modified cycle (early testers, several
    credentials) and shows them in its CEU Center. The cycles before and
    after follow on from these dates.
    """
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    chosen = q.issuer_id(ds, issuer)
    first = q.parse_date(start, "--start", future=True)
    last = None if end is None else q.parse_date(end, "--end", future=True)
    if last is not None and last <= first:
        raise GuideError(f"--end {last.isoformat()} must come after --start {first.isoformat()}.")
    owed = None
    if required is not None:
        owed = q.parse_credits(required, "--required")
    with store.opened(write=True) as log:
        if not any(q.issuer_of(ds, c) == chosen for c in log.credentials()):
            raise GuideError(
                f"No {chosen} credential in the log; add one first with 'mrt-guide ce credential add'."
            )
        log.set_cycle(chosen, first.isoformat(), None if last is None else last.isoformat(), owed)
    span = f"from {first.isoformat()}" + ("" if last is None else f" to {last.isoformat()}")
    _say(f"Recorded the {chosen} cycle {span}" + ("" if owed is None else f", owing {q.num(owed)}") + ".")


@cycle_app.command("clear")
def cycle_clear(
    ctx: typer.Context,
    issuer: Annotated[
        str,
        typer.Argument(
            metavar="ISSUER", help="AHIMA or NCRA.", autocompletion=_issuer_names, show_default=False
        ),
    ],
) -> None:
    """Forget recorded cycle dates: the computed ones apply again.

    [bold]Examples[/bold]

      mrt-guide ce cycle clear AHIMA
    """
    from ..queries import ce as q
    from ..store import ce as store

    chosen = q.issuer_id(dataset(ctx), issuer)
    with store.opened(write=False) as log:
        if chosen not in log.recorded_cycles():
            raise NotFound(f"No {chosen} cycle dates are recorded.")
    with store.opened(write=True) as log:
        log.clear_cycle(chosen)
    _say(f"Cleared the recorded {chosen} cycle; the computed dates apply.")


# activities

TitleOpt = Annotated[
    str | None, typer.Option("--title", metavar="TEXT", help="What the activity was.", show_default=False)
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", metavar="YYYY-MM-DD", help="The day you completed it.", show_default=False),
]
HoursOpt = Annotated[
    str | None,
    typer.Option("--hours", metavar="H", help="How long it ran, in hours (1.5).", show_default=False),
]
MinutesOpt = Annotated[
    str | None,
    typer.Option("--minutes", metavar="M", help="How long it ran, in minutes.", show_default=False),
]
CeusOpt = Annotated[
    str | None,
    typer.Option(
        "--ceus",
        metavar="N",
        help="The credits its certificate awards (CEUs; CE hours for NCRA), counted as they are.",
        show_default=False,
    ),
]
ProviderOpt = Annotated[
    str | None, typer.Option("--provider", metavar="TEXT", help="Who offered it.", show_default=False)
]
ForOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--for",
        metavar="ID",
        help="A credential it counts for (repeat for more; default: all you hold, if of one issuer).",
        autocompletion=certification_names,
        show_default=False,
    ),
]
EvidenceOpt = Annotated[
    Path | None,
    typer.Option(
        "--evidence",
        metavar="FILE",
        help="The certificate: copied into the data folder with its SHA-256.",
        show_default=False,
    ),
]
NotesOpt = Annotated[
    str | None, typer.Option("--notes", metavar="TEXT", help="Anything to remember.", show_default=False)
]


def _new_evidence(log: Log, file: Path | None) -> dict[str, Any] | None:
    from ..store import ce as store

    return None if file is None else store.keep_evidence(file, log.folder)


def _forget_unused(log: Log, evidence: dict[str, Any] | None) -> None:
    """After a failed write: drop a copied evidence file that no activity uses."""
    from ..store import ce as store

    if evidence is not None and evidence["stored"] and not log.uses(evidence["stored"]):
        store.drop_evidence(log.folder, [evidence["stored"]])


def add(
    ctx: typer.Context,
    title: TitleOpt = None,
    date: DateOpt = None,
    hours: HoursOpt = None,
    minutes: MinutesOpt = None,
    ceus: CeusOpt = None,
    provider: ProviderOpt = None,
    for_: ForOpt = None,
    not_in_domain: Annotated[
        bool, flag("--not-in-domain", help="Outside AHIMA's HIM domains (activities are in them by default).")
    ] = False,
    ahima_source: Annotated[
        bool, flag("--ahima-source", help="From AHIMA or one of its component (state) associations.")
    ] = False,
    category_a: Annotated[
        bool, flag("--category-a", help="NCRA Category A: staging or site-specific coding.")
    ] = False,
    in_person: Annotated[bool, flag("--in-person", help="In-person education (NCRA's CEIP rule).")] = False,
    evidence: EvidenceOpt = None,
    notes: NotesOpt = None,
) -> None:
    """Log an activity; prints its id.

    [bold]Examples[/bold]

      mrt-guide ce add --title "ICD-10 update" --date 2026-02-10 --hours 2.5
      mrt-guide ce add --title Staging --date 2026-04-20 --ceus 6 --for ODS
      mrt-guide ce add --title Webinar --date 2026-03-01 --minutes 50 ...
          ... --ahima-source --evidence ~/Downloads/certificate.pdf

    AHIMA counts time in whole hours, a remainder of 45 minutes or more
    as one more (a secondary source; 'mrt-guide ce status' says so).
    """
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    marked: dict[str, bool | None] = {
        "in_domain": False if not_in_domain else None,
        "ahima_source": ahima_source,
        "category_a": category_a,
        "in_person": in_person,
    }
    activity: dict[str, Any] = {
        "date": q.parse_date(date, "--date").isoformat() if date is not None else _missing("--date"),
        "title": q.parse_text(title, "--title", required=True),
        "provider": q.parse_text(provider, "--provider"),
        "notes": q.parse_text(notes, "--notes"),
    }
    activity["minutes"], activity["ceus"] = q.parse_amount(hours, minutes, ceus)
    with store.opened(write=True) as log:
        activity["for"] = q.targets(ds, log.credentials(), for_)
        activity["tags"] = q.tags_for(ds, activity["for"], marked)
        activity["evidence"] = _new_evidence(log, evidence)
        try:
            new = log.add_activity(activity)
        except BaseException:
            _forget_unused(log, activity["evidence"])
            raise
        outside = _outside_cycles(ds, log, activity)
    typer.echo(str(new))
    _say(f"Added #{new}: {_credits_words(ds, activity)}.")
    if outside:
        _say(outside)


def _missing(option: str) -> str:
    raise GuideError(f"Missing option '{option}'.")


def edit(
    ctx: typer.Context,
    activity_id: Annotated[int, typer.Argument(metavar="ID", help="The activity's id (ce list shows it).")],
    title: TitleOpt = None,
    date: DateOpt = None,
    hours: HoursOpt = None,
    minutes: MinutesOpt = None,
    ceus: CeusOpt = None,
    provider: ProviderOpt = None,
    for_: ForOpt = None,
    in_domain: Annotated[
        bool | None, flag("--in-domain/--not-in-domain", help="Within AHIMA's HIM domains.")
    ] = None,
    ahima_source: Annotated[
        bool | None, flag("--ahima-source/--no-ahima-source", help="From AHIMA or a component association.")
    ] = None,
    category_a: Annotated[bool | None, flag("--category-a/--no-category-a", help="NCRA Category A.")] = None,
    in_person: Annotated[bool | None, flag("--in-person/--no-in-person", help="In-person education.")] = None,
    evidence: EvidenceOpt = None,
    no_evidence: Annotated[bool, flag("--no-evidence", help="Drop the evidence file.")] = False,
    notes: NotesOpt = None,
) -> None:
    """Change an activity: only what you give changes.

    [bold]Examples[/bold]

      mrt-guide ce edit 12 --hours 3
      mrt-guide ce edit 12 --ahima-source --evidence cert.pdf
      mrt-guide ce edit 12 --provider "" --no-in-person
    """
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    if evidence is not None and no_evidence:
        raise GuideError("Give --evidence FILE or --no-evidence, not both.")
    fields: dict[str, Any] = {}
    if title is not None:
        fields["title"] = q.parse_text(title, "--title", required=True)
    if date is not None:
        fields["date"] = q.parse_date(date, "--date").isoformat()
    if (hours, minutes, ceus) != (None, None, None):
        fields["minutes"], fields["ceus"] = q.parse_amount(hours, minutes, ceus)
    if provider is not None:
        fields["provider"] = q.parse_text(provider, "--provider")
    if notes is not None:
        fields["notes"] = q.parse_text(notes, "--notes")
    marks = {
        "in_domain": in_domain,
        "ahima_source": ahima_source,
        "category_a": category_a,
        "in_person": in_person,
    }
    marks = {tag: on for tag, on in marks.items() if on is not None}
    if not fields and not marks and for_ is None and evidence is None and not no_evidence:
        raise GuideError("Nothing to change: give an option (see 'mrt-guide ce edit --help').")
    with store.opened(write=False) as log:
        if not log.exists:
            raise GuideError(f"No activity #{activity_id}: the log is empty.")
        log.activity(activity_id)  # an unknown id is told before a file is copied in
    with store.opened(write=True) as log:
        given_for = None if for_ is None else q.targets(ds, log.credentials(), for_)
        kept = None if evidence is None else _new_evidence(log, evidence)

        def change(current: dict[str, Any]) -> dict[str, Any]:
            tags = {t for t in current["tags"] if marks.get(t, True)} | {t for t, on in marks.items() if on}
            new = {**current, **fields, "tags": sorted(tags)}
            if given_for is not None:
                new["for"] = given_for
            if kept is not None or no_evidence:
                new["evidence"] = kept
            return new

        try:
            before, _ = log.edit_activity(activity_id, change)
        except BaseException:
            _forget_unused(log, kept)
            raise
        old = before["evidence"]
        if old is not None and old["stored"] and not log.uses(old["stored"]):
            store.drop_evidence(log.folder, [old["stored"]])
    words = {"minutes": "length", "ceus": "length"}
    changed = [words.get(f, f) for f in fields] + [t.replace("_", " ") for t in marks]
    changed += (["credentials"] if for_ is not None else []) + (
        ["evidence"] if evidence or no_evidence else []
    )
    _say(f"Changed #{activity_id}: {', '.join(dict.fromkeys(changed))}.")


def remove(
    activity_ids: Annotated[list[int], typer.Argument(metavar="ID...", help="The activities to remove.")],
    yes: Annotated[bool, flag("--yes", "-y", help="Do not ask first.")] = False,
) -> None:
    """Remove activities (and evidence copies no other activity uses).

    [bold]Examples[/bold]

      mrt-guide ce remove 12
      mrt-guide ce remove 12 13 --yes

    Asks first on a terminal; elsewhere it needs --yes.
    """
    from ..store import ce as store

    with store.opened(write=False) as log:
        found = log.activities(sorted(set(activity_ids))) if log.exists else []
    known = {a["id"] for a in found}
    missing = [str(i) for i in activity_ids if i not in known]
    if missing:
        raise GuideError(f"No activity #{', #'.join(missing)} in the log; nothing was removed.")
    from ..textsafe import neutral_line

    listing = "; ".join(f"#{a['id']} {a['date']} {neutral_line(a['title'], 60)}" for a in found[:5])
    more = f" and {len(found) - 5} more" if len(found) > 5 else ""
    if not _confirm(f"Remove {listing}{more}?", yes, "Removing activities"):
        _say("Nothing was removed.")
        return
    with store.opened(write=True) as log:
        unused = log.remove_activities(sorted(known))
        store.drop_evidence(log.folder, unused)
    _say(f"Removed {len(known)} {'activity' if len(known) == 1 else 'activities'}.")


@output_options
def list_(
    ctx: typer.Context,
    out: Output,
    cycle: Annotated[
        str, typer.Option("--cycle", metavar="CYCLE", help=CYCLE_HELP, autocompletion=_cycle_names)
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
) -> None:
    """List the activities of a cycle, with what each counts for.

    [bold]Examples[/bold]

      mrt-guide ce list
      mrt-guide ce list --cycle all --for CCS
      mrt-guide ce list --cycle previous --json
    """
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    which = _cycle_choice(cycle)
    only = None if for_ is None else q.credential_id(ds, for_)
    day = _on(on)
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
    else:
        show(out, data, "ce.activities")


@output_options
def status(
    ctx: typer.Context,
    out: Output,
    on: Annotated[
        str | None, typer.Option("--on", metavar="YYYY-MM-DD", help=ON_HELP, show_default=False)
    ] = None,
    check: Annotated[bool, flag("--check", help="Exit 1 when a cycle is behind or ended short.")] = False,
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
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    day = _on(on)
    with store.opened(write=False) as log:
        held, recorded = log.credentials(), log.recorded_cycles()
        activities = {
            issuer: log.tallies(creds, first.isoformat(), day.isoformat())
            for issuer, (creds, first) in q.reads(ds, held, recorded, day).items()
        }
    data = q.status(ds, held, recorded, activities, day)
    show(out, ds.with_sources(data), "ce.status")
    if check and q.behind(data):
        raise typer.Exit(ExitStatus.NOT_FOUND)


@output_options
def report(
    ctx: typer.Context,
    out: Output,
    cycle: Annotated[
        str, typer.Option("--cycle", metavar="CYCLE", help=CYCLE_HELP, autocompletion=_cycle_names)
    ] = "current",
    on: Annotated[
        str | None, typer.Option("--on", metavar="YYYY-MM-DD", help=ON_HELP, show_default=False)
    ] = None,
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
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    which = _cycle_choice(cycle)
    day = _on(on)
    with store.opened(write=False) as log:
        held, recorded = log.credentials(), log.recorded_cycles()
        first = q.since(ds, held, recorded, day, which if which == "all" else f"report-{which}")
        activities = log.activities(since=None if first is None else first.isoformat(), until=day.isoformat())
        folder = log.folder
    data = q.report(
        ds, held, recorded, activities, which, day, str(folder), lambda ev: store.evidence_state(folder, ev)
    )
    if out.export is not None and out.export.suffix.lower() == ".csv":
        import io

        from ..store import csvio

        buffer = io.StringIO(newline="")
        count = csvio.write(buffer, csvio.report_rows(data))
        _write_file(out.export, buffer.getvalue().encode("utf-8"), "the audit packet")
        _say(f"Wrote {out.export} (csv, {count} rows).")
        return
    show(out, ds.with_sources(data), "ce.report")


# files


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
        _say(f"Wrote {count} activities.")
        return
    buffer = io.StringIO(newline="")
    count = csvio.write(buffer, csvio.rows(activities))
    _write_file(file, buffer.getvalue().encode("utf-8"), "the activities")
    _say(f"Wrote {count} activities to {file}.")


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
    """
    from ..store import ce as store
    from ..store import csvio

    ds = dataset(ctx)
    with store.opened(write=False) as log:
        rows = csvio.read(file, ds, log.credentials(), log.folder)
        activities = [a for a, _ in rows]
        present = log.present(activities)
    if dry_run:
        _say(
            f"{file}: {len(rows)} rows are good; would add {len(rows) - present}, "
            f"{present} in the log already."
        )
        return
    with store.opened(write=True) as log:
        copied = []
        try:
            for activity, source in rows:
                if source is not None:
                    activity["evidence"] = store.keep_evidence(source, log.folder)
                    copied.append(activity["evidence"])
            with _progress(len(activities)) as progress:
                added, present = log.import_activities(activities, progress)
        except BaseException:
            for ev in copied:
                _forget_unused(log, ev)
            raise
        unkept = len(log.activities(added, unkept_only=True)) if added else 0
    _say(f"Imported {len(added)} activities from {file}; {present} were in the log already.")
    if unkept:
        _say(f"{unkept} evidence files were not found; their names and SHA-256 are kept.")


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
    of adding copies.
    """
    from ..queries import ce as q
    from ..store import ce as store

    if file.suffix.lower() != ".ics":
        raise GuideError("Give the calendar file a .ics name, e.g. deadlines.ics.")
    ds = dataset(ctx)
    day = _on(on)
    with store.opened(write=False) as log:
        held, recorded = log.credentials(), log.recorded_cycles()
    events = q.calendar_events(ds, held, recorded, day)
    if not events:
        raise NotFound(
            "No deadline ahead to put in a calendar: add a credential first ('mrt-guide ce credential add')."
        )
    from ..render import to_ics

    _write_file(file, to_ics.render(events), "the calendar")
    _say(
        f"Wrote {len(events)} events to {file}: "
        + ", ".join(f"{e['date']} {e['summary']}" for e in events[:3])
        + ("…" if len(events) > 3 else ".")
    )


# backups


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
    _say(f"Backed up the CE log ({count['activities']} activities) to {target}.")


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
    a newer release is refused.
    """
    from ..paths import ensure_user_dir
    from ..store import ce as store
    from ..store import db

    where = store.path()
    with db.guarded(file, "The backup"):
        db.inspect(file, store.SCHEMA)
    if not _confirm(f"Replace the CE log at {where} with {file}?", yes, "Restoring"):
        _say("Nothing was changed.")
        return
    with db.guarded(where, store.LABEL):
        ensure_user_dir()
        saved = db.restore(where, file, store.SCHEMA)
    with store.opened(write=False) as log:
        count = log.counts()
    kept = f"; the log it replaced is kept as {saved}" if saved else ""
    _say(f"Restored the CE log from {file} ({count['activities']} activities){kept}.")
