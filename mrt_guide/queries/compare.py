"""``mrt-guide compare A B ...``: credentials (or plan goals) side by side.

One column per credential: its issuer and who it is for, eligibility and preparation, the
exam's figures (items, length, fees, retake wait, sorted by their unit), the time to it from
a starting point (worked out by ``queries.plan``, read only), its CE per cycle and what the
compared credentials of one issuer owe together, and pay: the credential's own members'
survey figures, the coder figures of the careers it leads to, and those careers' official
medians. The occupation's newest official median comes once, for the whole occupation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, cast

from ..dataset.index import Dataset, Record, choose
from ..dataset.levels import LEVELS, Level
from ..status import GuideError
from .careers import survey_pay
from .figures import newest_median
from .links import link
from .renewal import combined_requirement
from .renewal import rules as renewal_rules

if TYPE_CHECKING:
    from ..records import CompareColumn, CompareOut

Start = Literal["none", "high-school", "certificate", "associate", "bachelor"]
STARTS: tuple[Start, ...] = ("none", "high-school", "certificate", "associate", "bachelor")
"""What ``--from`` accepts: a level of ``dataset.levels``."""
DEFAULT_START: Start = "high-school"
ROLES: dict[str, tuple[str, ...]] = {
    "items": ("questions", "cases"),
    "length": ("hours", "minutes"),
    "fees": ("usd",),
    "retake": ("days",),
}
"""The exam figures each row shows, by the unit the figure is in."""
ALONGSIDE = {"job", "ce", "renew"}
"""Plan milestones that run beside the way to an exam, not on it."""


def names(ds: Dataset) -> list[str]:
    """Every name ``compare`` accepts: credential ids and aliases, then plan goals."""
    found = [n for c in ds.certifications for n in (c["id"], *c["aliases"])]
    folded = {n.casefold() for n in found}
    return found + [g for g in ds.ids("goal") if g.casefold() not in folded]


def resolve(ds: Dataset, name: str) -> tuple[Record, Record | None]:
    """The credential ``name`` names (an id or alias, or a plan goal's target), with the plan
    goal that reaches it (the one named, else the first whose target it is)."""
    listed = [c["id"] for c in ds.certifications] + ds.ids("goal")
    picked = choose("credential or plan goal", name, names(ds), listed)
    goals = [ds.goal(g) for g in ds.ids("goal")]
    if picked in ds.ids("goal") and not any(
        picked.casefold() == n.casefold() for c in ds.certifications for n in (c["id"], *c["aliases"])
    ):
        goal = ds.goal(picked)
        return ds.certification(goal["target"]), goal
    cert = ds.certification(picked)
    return cert, next((g for g in goals if g["target"] == cert["id"]), None)


def compare(ds: Dataset, asked: list[str], start: str = DEFAULT_START, him: bool = False) -> CompareOut:
    """The credentials ``asked`` names, side by side, timed from ``start``."""
    level = cast("Start", choose("starting point", start, list(STARTS)))
    if len(asked) < 2:
        raise GuideError("Give two or more credentials or goals to compare, e.g. mrt-guide compare CPC CCS.")
    picked: list[tuple[str, Record, Record | None]] = []
    for name in asked:
        cert, goal = resolve(ds, name)
        twice = next((a for a, c, _ in picked if c["id"] == cert["id"]), None)
        if twice is not None:
            from ..textsafe import neutral_line

            raise GuideError(
                f"'{neutral_line(twice, 40)}' and '{neutral_line(name, 40)}' are both the {cert['id']}: "
                "name each credential once."
            )
        picked.append((name, cert, goal))
    held = [c["id"] for _, c, _ in picked]
    columns = [_column(ds, name, cert, goal, level, him, held) for name, cert, goal in picked]
    annual, _ = newest_median(ds)
    return {
        "start": level,
        "him": him if level in ("certificate", "associate", "bachelor") else None,
        "columns": columns,
        "together": _together(ds, held),
        "occupation": {"title": ds.section("occupation")["title"], "pay": annual},
    }


def _column(
    ds: Dataset, asked: str, cert: Record, goal: Record | None, level: Level, him: bool, held: list[str]
) -> CompareColumn:
    issuer = ds.issuer(cert["issuer"])
    exam = cert["exam"] or {"facts": [], "figures": []}
    same = [c for c in held if ds.certification(c)["issuer"] == cert["issuer"]]
    rules = renewal_rules(ds, cert["issuer"])
    return cast(
        "CompareColumn",
        {
            "asked": asked,
            "id": cert["id"],
            "name": cert["name"],
            "goal": None if goal is None else {"id": goal["id"], "label": goal["label"]},
            "issuer": {"id": issuer["id"], "name": issuer["name"]},
            "audience": {"text": cert["audience"], "source": cert["source"], "flag": cert["flag"]},
            "compared": [{k: lead[k] for k in ("text", "source", "flag")} for lead in cert["compared"]],
            "eligibility": cert["eligibility"],
            "apprentice": cert["apprentice"],
            "preparation": ds.get("preparation", cert["preparation"]) if cert["preparation"] else None,
            "exam": {
                role: [f for f in exam["figures"] if f["unit"] in units] for role, units in ROLES.items()
            },
            "not_found": cert["not_found"],
            "time": None if goal is None else _time(ds, goal, level, him),
            "renewal": {"ceus": cert["renewal"]["ceus"], "cycle": cert["renewal"]["cycle"]},
            "with_others": None if len(same) < 2 else _requirement(ds, same),
            "combined": None if rules is None else rules["combined"],
            "pay": _pay(ds, cert),
            "link": link("certs", cert["id"]),
        },
    )


def _requirement(ds: Dataset, credentials: list[str]) -> Record:
    found = combined_requirement(ds, credentials)
    rules = renewal_rules(ds, found["issuer"])
    return {
        "issuer": found["issuer"],
        "credentials": found["credentials"],
        "replaced": found["replaced"],
        "total": found["total"],
        "unit": "ceu" if rules is None else rules["unit"],
        "how": found["how"],
        "derived": found["derived"],
    }


def _together(ds: Dataset, held: list[str]) -> list[Record]:
    """What the compared credentials owe per cycle, held together: one record per issuer."""
    issuers = dict.fromkeys(ds.certification(c)["issuer"] for c in held)
    out = []
    for issuer in issuers:
        mine = [c for c in held if ds.certification(c)["issuer"] == issuer]
        out.append({**_requirement(ds, mine), "cycle": ds.certification(mine[0])["renewal"]["cycle"]})
    return out


def _time(ds: Dataset, goal: Record, level: Level, him: bool) -> Record:
    """Months from ``level`` to the goal's target exam, as ``plan`` works them out, with the
    steps on the way (their kinds and lengths; those of unknown length listed). From
    ``none`` the months count from the end of high school, whose date the reader knows."""
    from . import plan as planner

    start = planner.this_month()
    needs_bachelor = bool(goal["degree"]) and LEVELS.index(level) < LEVELS.index("bachelor")
    answers = planner.Answers(
        education=level,
        goal=goal["id"],
        him=him if level in planner.ASKS_FIELD else None,
        bachelor_later=None if needs_bachelor else False,
        start=start,
        high_school_done=start if level == "none" else None,
    )
    made = planner.plan(ds, planner.request(ds, answers))
    milestones = made["milestones"]
    exam = next(
        (i for i, m in enumerate(milestones) if m["kind"] == "exam" and m["cert"] == goal["target"]), None
    )
    before = [] if exam is None else [m for m in milestones[:exam] if m["kind"] not in ALONGSIDE]
    base = planner.parse_month(start)
    school = next((m for m in before if m["kind"] == "school" and m["end"] is not None), None)
    if school is not None:  # --from none counts from the end of high school, as "after high school"
        base = planner.parse_month(str(school["end"])) + 1
    months = None
    if exam is not None and milestones[exam]["start"] is not None:
        months = planner.parse_month(str(milestones[exam]["start"])) - base
    shorts = {r["id"]: r["short"] for r in ds.routes}
    return {
        "goal": goal["id"],
        "months": months,
        "steps": [
            {
                "id": m["id"],
                "kind": m["kind"],
                "cert": m["cert"],
                "route": None if m["route"] is None else shorts.get(m["route"], m["route"]),
                "months": m["months"],
                "recommended": m["recommended"],
            }
            for m in before
        ],
        "unknown": [m["id"] for m in before if m["months"] is None and not m["open_ended"]],
        "plan": link("plan", *_argv(made["command"]["args"])),
    }


def _argv(args: list[str]) -> list[str]:
    """The plan's own command line without its start month (``compare`` counts months)."""
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--start":
            skip = True
        else:
            out.append(arg)
    return out


def _pay(ds: Dataset, cert: Record) -> Record:
    """Members' survey figures for the credential's holders; for the careers it leads to,
    their survey figures tied to no one credential and their official medians."""
    careers = [
        c
        for c in ds.section("careers")["careers"]
        if any(cert["id"] in lead["certifications"] for lead in c["way_in"])
    ]
    tied = {f for c in ds.certifications for f in c["survey_pay"]}
    return {
        "holders": [survey_pay(ds, f) for f in cert["survey_pay"]],
        "field": [survey_pay(ds, f) for c in careers for f in c["survey_pay"] if f not in tied],
        "careers": [
            {
                "id": c["id"],
                "title": c["title"],
                "soc": c["soc"],
                "pay": c["pay"],
                "link": link("careers", c["id"]),
            }
            for c in careers
            if c["pay"] is not None
        ],
    }
