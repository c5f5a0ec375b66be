"""``mrt-guide ce credential ...`` and ``mrt-guide ce cycle ...``: the credentials held, and the
cycle dates an issuer set."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ..output import ExportOption, JsonOption, MarkdownOption, NoColorOption, PlainOption, View, chosen, show
from ..status import GuideError, NotFound
from ._shared import Command, Group, argument, dataset, flag
from .ce import confirm, help_if_bare, issuer_names, say
from .complete import certification_names

credential_app = typer.Typer(name="credential", cls=Group, add_completion=False)
cycle_app = typer.Typer(name="cycle", cls=Group, add_completion=False)


def _ce_credentials_view() -> View:
    from ..views.ce import credentials

    return credentials


@credential_app.callback(invoke_without_command=True)
def credential_group(ctx: typer.Context) -> None:
    """The credentials you hold, and when you earned each.

    [bold]Examples[/bold]

      mrt-guide ce credential add RHIT --earned 2025-03-13
      mrt-guide ce credential list
      mrt-guide ce credential remove CCS
    """
    help_if_bare(ctx)


@cycle_app.callback(invoke_without_command=True)
def cycle_group(ctx: typer.Context) -> None:
    """The cycle dates an issuer set for you, where they differ from ours.

    [bold]Examples[/bold]

      mrt-guide ce cycle set AHIMA --start 2025-01-01 --end 2026-12-31
      mrt-guide ce cycle clear AHIMA
    """
    help_if_bare(ctx)


@credential_app.command("add", cls=Command)
def credential_add(
    ctx: typer.Context,
    name: Annotated[
        str,
        argument(
            "ID",
            "The credential, any case or alias: RHIT, ccs-p, CTR (now ODS).",
            autocompletion=certification_names,
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
        say(f"Added {cred}, earned {day}.")
    elif before != day:
        say(f"{cred}: the day earned is now {day} (was {before}).")
    else:
        say(f"{cred} is in the log already, earned {day}.")
    issuer = q.issuer_of(ds, cred)
    found = rules(ds, issuer) if issuer else None
    if found is None:
        if issuer is not None:
            say(f"Note: the dataset has no renewal rules for {issuer}; its cycles are unknown.")
        return
    for swap in found["replacements"]:
        if {swap["holder"], swap["replaces"]} <= set(held):
            from ..views.fmt import cite_text

            say(f"Note: {swap['text']} {cite_text(swap)}")
    same = {c: d for c, d in held.items() if q.issuer_of(ds, c) == issuer}
    if found.get("ends_on_membership_date"):
        say(
            f"Note: {found['dates_set_by_issuer']} Until you record it, the period and its deadline "
            f"show as unknown: mrt-guide ce cycle set {issuer} --end YYYY-MM-DD --required N"
        )
    elif len(set(same.values())) > 1:
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
        say(text)


@credential_app.command("list", cls=Command)
def credential_list(
    ctx: typer.Context,
    json_: JsonOption = False,
    plain: PlainOption = False,
    markdown: MarkdownOption = False,
    export: ExportOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the credentials in the log, with what each owes per cycle.

    [bold]Examples[/bold]

      mrt-guide ce credential list
      mrt-guide ce credential list --json
    """
    out = chosen(json_, plain, markdown, export, no_color)
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    with store.opened(write=False) as log:
        held = log.credentials()
    show(out, ds.with_sources(q.credential_list(ds, held)), _ce_credentials_view)


@credential_app.command("remove", cls=Command)
def credential_remove(
    ctx: typer.Context,
    name: Annotated[
        str,
        argument("ID", "The credential to remove.", autocompletion=certification_names),
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
    if not confirm(f"Remove {cred} from the log?", yes, "Removing a credential"):
        say("Nothing was removed.")
        return
    with store.opened(write=True) as log:
        alone = log.remove_credential(cred)
    say(f"Removed {cred}.")
    if alone:
        say(
            f"{alone} activities were reported only for {cred}: they stay in the log, counted for no "
            "credential; 'mrt-guide ce edit ID --for ...' reassigns one."
        )


@cycle_app.command("set", cls=Command)
def cycle_set(
    ctx: typer.Context,
    issuer: Annotated[
        str,
        argument("ISSUER", "AHIMA, AAPC or NCRA (any case).", autocompletion=issuer_names),
    ],
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            metavar="YYYY-MM-DD",
            help="First day of the cycle (default: the day your first credential of the issuer was earned).",
            show_default=False,
        ),
    ] = None,
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
      mrt-guide ce cycle set AAPC --end 2026-06-30 --required 27

    AHIMA sets the dates of a modified cycle (early testers, several
    credentials) and shows them in its CEU Center. AAPC's CEUs are due on
    your membership due date, and a first period owes a prorated amount:
    give both as AAPC's CEU Tracker shows them. The cycles after follow on
    from these dates; no short cycle is made up before them.
    """
    from ..queries import ce as q
    from ..queries.renewal import rules as renewal_rules
    from ..store import ce as store

    ds = dataset(ctx)
    chosen = q.issuer_id(ds, issuer)
    rules = renewal_rules(ds, chosen) or {}
    last = None if end is None else q.parse_date(end, "--end", future=True)
    if last is None and rules.get("ends_on_membership_date"):
        raise GuideError(f"Give the {chosen} due date (your membership due date): --end YYYY-MM-DD.")
    owed = None
    if required is not None:
        owed = q.parse_credits(required, "--required")
    with store.opened(write=True) as log:
        earned = sorted(e for c, e in log.credentials().items() if q.issuer_of(ds, c) == chosen)
        if not earned:
            raise GuideError(
                f"No {chosen} credential in the log; add one first with 'mrt-guide ce credential add'."
            )
        first = (
            dt.date.fromisoformat(earned[0]) if start is None else q.parse_date(start, "--start", future=True)
        )
        if last is not None and last <= first:
            raise GuideError(f"--end {last.isoformat()} must come after --start {first.isoformat()}.")
        if owed is None and rules.get("first_period_prorated") and first.isoformat() <= earned[0]:
            raise GuideError(
                f"{chosen} prorates a first period: give the amount it shows for yours, --required N."
            )
        log.set_cycle(chosen, first.isoformat(), None if last is None else last.isoformat(), owed)
    span = f"from {first.isoformat()}" + ("" if last is None else f" to {last.isoformat()}")
    say(f"Recorded the {chosen} cycle {span}" + ("" if owed is None else f", owing {q.num(owed)}") + ".")


@cycle_app.command("clear", cls=Command)
def cycle_clear(
    ctx: typer.Context,
    issuer: Annotated[
        str,
        typer.Argument(
            metavar="ISSUER", help="AHIMA, AAPC or NCRA.", autocompletion=issuer_names, show_default=False
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
    say(f"Cleared the recorded {chosen} cycle; the computed dates apply.")


def profile(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="TEXT", help="Your name as the issuers know it.", show_default=False),
    ] = None,
    member_id: Annotated[
        list[str] | None,
        typer.Option(
            "--member-id",
            metavar="ISSUER=ID",
            help="Your member or certification number at an issuer (repeat; ISSUER= alone forgets it).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Your name and member ids, printed at the top of the audit packet.

    [bold]Examples[/bold]

      mrt-guide ce profile --name "Jordan Lee" --member-id AHIMA=123456
      mrt-guide ce profile --member-id AAPC=01234567
      mrt-guide ce profile

    Kept in the CE log itself; with no option, prints what is stored.
    """
    from ..queries import ce as q
    from ..store import ce as store
    from ..textsafe import neutral_line

    changes: dict[str, str | None] = {}
    if name is not None:
        changes["name"] = q.parse_text(name, "--name")
    if member_id:
        ds = dataset(ctx)
        for given in member_id:
            issuer, sep, number = given.partition("=")
            if not sep:
                raise GuideError(f"Invalid --member-id '{neutral_line(given, 40)}': give ISSUER=ID.")
            field = f"member_{q.issuer_id(ds, issuer.strip()).lower()}"
            changes[field] = q.parse_text(number, "--member-id")
    if changes:
        with store.opened(write=True) as log:
            log.set_profile(changes)
            stored = log.profile()
    else:
        with store.opened(write=False) as log:
            stored = log.profile()
    if not stored:
        say("No profile stored: mrt-guide ce profile --name TEXT --member-id ISSUER=ID")
        return
    for line in q.profile_lines(stored):
        typer.echo(line)
