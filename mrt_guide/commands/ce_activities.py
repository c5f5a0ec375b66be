"""``mrt-guide ce add``, ``ce edit`` and ``ce remove``: the activities in the log."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..status import GuideError
from ._shared import dataset, flag
from .ce import confirm, credits_words, forget_unused, outside_cycles, say
from .complete import certification_names, tag_names

if TYPE_CHECKING:
    from ..store.ce import Log

MAX_ID = 2**63 - 1
"""The largest id SQLite can hold: a larger one is a usage error, not a query."""


def activity_id(value: str) -> int:
    """An activity id (the parser of ID arguments): a whole number from 1 to ``MAX_ID``, told in
    one short line otherwise (a long number is not repeated in full)."""
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.isascii() and text.isdigit() and len(text) <= 19 and 1 <= int(text) <= MAX_ID:
        return int(text)
    from ..textsafe import neutral_line

    raise typer.BadParameter(
        f"'{neutral_line(text, 24)}' is not an activity id "
        "(a whole number from 1; 'mrt-guide ce list' shows them)."
    )


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
ApprovalOpt = Annotated[
    str | None,
    typer.Option(
        "--approval",
        metavar="TEXT",
        help="The approval or index number on the certificate (AAPC's index number).",
        show_default=False,
    ),
]


TagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        metavar="ID",
        help="A mark, e.g. ahima_source (repeat for more; TAB offers the dataset's marks, "
        "'mrt-guide certs ID' the rules that count them).",
        autocompletion=tag_names,
        show_default=False,
    ),
]


NoTagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--no-tag",
        metavar="ID",
        help="Not so marked (repeat for more), e.g. --no-tag in_domain.",
        autocompletion=tag_names,
        show_default=False,
    ),
]


def _marks(
    ds: Any, tag: list[str] | None, no_tag: list[str] | None, old: dict[str, bool | None]
) -> dict[str, bool]:
    """What ``--tag`` and ``--no-tag`` (and the old one-flag-per-tag options, kept hidden so
    scripts go on working) say: each named mark's id, True or False. Naming one both ways is
    a usage error."""
    from ..queries import ce as q

    marks = {tag_id: on for tag_id, on in old.items() if on is not None}
    for names, on in ((tag or [], True), (no_tag or [], False)):
        for name in names:
            found = q.tag_id(ds, name)
            if marks.get(found, on) != on:
                raise GuideError(f"Give {found} as --tag or --no-tag, not both.")
            marks[found] = on
    return marks


def _new_evidence(log: Log, file: Path | None) -> dict[str, Any] | None:
    from ..store import ce as store

    return None if file is None else store.keep_evidence(file, log.folder)


def add(
    ctx: typer.Context,
    title: TitleOpt = None,
    date: DateOpt = None,
    hours: HoursOpt = None,
    minutes: MinutesOpt = None,
    ceus: CeusOpt = None,
    provider: ProviderOpt = None,
    for_: ForOpt = None,
    tag: TagOpt = None,
    no_tag: NoTagOpt = None,
    not_in_domain: Annotated[bool, flag("--not-in-domain", help="--no-tag in_domain.", hidden=True)] = False,
    ahima_source: Annotated[bool, flag("--ahima-source", help="--tag ahima_source.", hidden=True)] = False,
    category_a: Annotated[bool, flag("--category-a", help="--tag category_a.", hidden=True)] = False,
    in_person: Annotated[bool, flag("--in-person", help="--tag in_person.", hidden=True)] = False,
    evidence: EvidenceOpt = None,
    notes: NotesOpt = None,
    approval: ApprovalOpt = None,
) -> None:
    """Log an activity; prints its id.

    [bold]Examples[/bold]

      mrt-guide ce add --title "ICD-10 update" --date 2026-02-10 --hours 2.5
      mrt-guide ce add --title Staging --date 2026-04-20 --ceus 6 --for ODS ...
          ... --tag category_a --tag in_person
      mrt-guide ce add --title Webinar --date 2026-03-01 --minutes 50 ...
          ... --tag ahima_source --evidence ~/Downloads/certificate.pdf

    An activity for an AHIMA credential is marked in_domain unless you
    give --no-tag in_domain. How each issuer turns time into credits:
    'mrt-guide ce status'.
    """
    from ..queries import ce as q
    from ..store import ce as store

    ds = dataset(ctx)
    old: dict[str, bool | None] = {
        "in_domain": False if not_in_domain else None,
        "ahima_source": ahima_source or None,
        "category_a": category_a or None,
        "in_person": in_person or None,
    }
    marked: dict[str, bool | None] = dict(_marks(ds, tag, no_tag, old))
    activity: dict[str, Any] = {
        "date": q.parse_date(date, "--date").isoformat() if date is not None else _missing("--date"),
        "title": q.parse_text(title, "--title", required=True),
        "provider": q.parse_text(provider, "--provider"),
        "notes": q.parse_text(notes, "--notes"),
        "approval": q.parse_text(approval, "--approval"),
    }
    activity["minutes"], activity["ceus"] = q.parse_amount(hours, minutes, ceus)
    with store.opened(write=True) as log:
        activity["for"] = q.targets(ds, log.credentials(), for_)
        activity["tags"] = q.tags_for(ds, activity["for"], marked)
        activity["evidence"] = _new_evidence(log, evidence)
        try:
            new = log.add_activity(activity)
        except BaseException:
            forget_unused(log, activity["evidence"])
            raise
        outside = outside_cycles(ds, log, activity)
    typer.echo(str(new))
    say(f"Added #{new}: {credits_words(ds, activity)}.")
    if outside:
        say(outside)


def _missing(option: str) -> str:
    raise GuideError(f"Missing option '{option}'.")


def edit(
    ctx: typer.Context,
    activity_id: Annotated[
        int,
        typer.Argument(metavar="ID", help="The activity's id (ce list shows it).", parser=activity_id),
    ],
    title: TitleOpt = None,
    date: DateOpt = None,
    hours: HoursOpt = None,
    minutes: MinutesOpt = None,
    ceus: CeusOpt = None,
    provider: ProviderOpt = None,
    for_: ForOpt = None,
    tag: TagOpt = None,
    no_tag: NoTagOpt = None,
    in_domain: Annotated[
        bool | None, flag("--in-domain/--not-in-domain", help="--tag/--no-tag in_domain.", hidden=True)
    ] = None,
    ahima_source: Annotated[
        bool | None,
        flag("--ahima-source/--no-ahima-source", help="--tag/--no-tag ahima_source.", hidden=True),
    ] = None,
    category_a: Annotated[
        bool | None, flag("--category-a/--no-category-a", help="--tag/--no-tag category_a.", hidden=True)
    ] = None,
    in_person: Annotated[
        bool | None, flag("--in-person/--no-in-person", help="--tag/--no-tag in_person.", hidden=True)
    ] = None,
    evidence: EvidenceOpt = None,
    no_evidence: Annotated[bool, flag("--no-evidence", help="Drop the evidence file.")] = False,
    notes: NotesOpt = None,
    approval: ApprovalOpt = None,
) -> None:
    """Change an activity: only what you give changes.

    [bold]Examples[/bold]

      mrt-guide ce edit 12 --hours 3
      mrt-guide ce edit 12 --tag ahima_source --evidence cert.pdf
      mrt-guide ce edit 12 --provider "" --no-tag in_person
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
    if approval is not None:
        fields["approval"] = q.parse_text(approval, "--approval")
    old = {
        "in_domain": in_domain,
        "ahima_source": ahima_source,
        "category_a": category_a,
        "in_person": in_person,
    }
    marks = _marks(ds, tag, no_tag, old)
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
            forget_unused(log, kept)
            raise
        old = before["evidence"]
        if old is not None and old["stored"] and not log.uses(old["stored"]):
            store.drop_evidence(log.folder, [old["stored"]])
    words = {"minutes": "length", "ceus": "length"}
    changed = [words.get(f, f) for f in fields] + [t.replace("_", " ") for t in marks]
    changed += (["credentials"] if for_ is not None else []) + (
        ["evidence"] if evidence or no_evidence else []
    )
    say(f"Changed #{activity_id}: {', '.join(dict.fromkeys(changed))}.")


def remove(
    activity_ids: Annotated[
        list[int], typer.Argument(metavar="ID...", help="The activities to remove.", parser=activity_id)
    ],
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
    if not confirm(f"Remove {listing}{more}?", yes, "Removing activities"):
        say("Nothing was removed.")
        return
    with store.opened(write=True) as log:
        unused = log.remove_activities(sorted(known))
        store.drop_evidence(log.folder, unused)
    say(f"Removed {len(known)} {'activity' if len(known) == 1 else 'activities'}.")
