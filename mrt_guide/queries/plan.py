"""``mrt-guide plan``: a dated roadmap from where the reader stands to a goal.

Every length and rule comes from the dataset: the degree lengths, the AS/AAS rule,
the credentials' eligibility pathways and experience figures, the renewal cycles.
Where the dataset has no length for a step, the plan says so and stops dating the
steps that follow it, rather than guess.

The path follows the article: education, then the RHIT, then keeping it; a goal
beyond the RHIT adds the quickest eligibility pathway to its credential from there.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from ..dataset.index import Dataset as Guide
from ..dataset.index import Record, choose
from ..dataset.levels import LEVELS
from ..status import GuideError
from ..textsafe import neutral_line

EDUCATION = LEVELS[:-1]
"""What ``--education`` accepts: every level but master's, which the dataset has no route to."""
MAIN_LINE = {"school", "study", "exam", "work", "gap"}
"""Steps done one after another; the others (a job, CE cycles, renewals) run alongside."""
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


def parse_month(text: str) -> int:
    """``YYYY-MM`` as a count of months; a usage error naming the fix if it is not one."""
    match = _MONTH.fullmatch(text.strip())
    if not match or not 1 <= int(match[2]) <= 12 or not 1990 <= int(match[1]) <= 2100:
        raise GuideError(
            f"Invalid --start '{neutral_line(text, 40)}': give a year and month as YYYY-MM, e.g. 2027-01."
        )
    return int(match[1]) * 12 + int(match[2]) - 1


def month(count: int) -> str:
    return f"{count // 12:04d}-{count % 12 + 1:02d}"


def this_month(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year:04d}-{today.month:02d}"


def months_of(figure: Record | None) -> int | None:
    """A duration figure in months, or None when it is not a duration in months or years."""
    if figure is None:
        return None
    if figure["unit"] == "months":
        return round(float(figure["value"]))
    if figure["unit"] == "years":
        return round(float(figure["value"]) * 12)
    return None


def _why(record: Record, text: str | None = None) -> Record:
    """The dataset record a step comes from: its id, what it says, its source and flag."""
    said = text or record.get("text") or record.get("label") or record["name"]
    return {"id": record.get("id"), "text": said, "source": record["source"], "flag": record["flag"]}


@dataclass
class State:
    """What the reader holds at a point of the plan."""

    level: int
    credentials: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)
    accreditor: str | None = None
    """Who accredits the associate program the plan chose; None if the reader already has one."""

    def copy(self) -> State:
        return replace(self, credentials=set(self.credentials), subjects=set(self.subjects))


@dataclass
class Step:
    id: str
    kind: str  # school, study, exam, work, gap (one after another); job, ce, renew (alongside)
    title: str
    what: str
    months: int | None
    """Length; 0 for a single moment; None where the dataset gives none (or the step is open-ended)."""
    why: Record
    command: str
    figures: list[Record] = field(default_factory=list)
    after: str | None = None
    """The step this one starts from, when it runs alongside the main line."""
    open_ended: bool = False


Option = tuple[list[Step], State]


def cost(steps: list[Step]) -> tuple[int, int]:
    """Steps of unknown length first (fewer is better), then the months the known ones take."""
    unknown = sum(1 for s in steps if s.months is None and not s.open_ended)
    return unknown, sum(s.months or 0 for s in steps)


class Planner:
    def __init__(self, guide: Guide, bachelor_later: bool | None) -> None:
        self.guide = guide
        self.bachelor_later = bachelor_later
        self.goals = guide.section("goals")
        self.routes = guide.section("education")["routes"]
        self.default_accreditor = guide.section("education")["accreditation"]["body"]
        self.chosen: dict[str, Record | None] = {}
        """The eligibility pathway used for each credential, None where none is known."""

    # education

    def _route(self, level: str) -> Record:
        if level == "associate":
            rule = self.guide.section("education")["choice_rule"]
            if self.bachelor_later is None:
                raise GuideError(
                    "Choose --bachelor-later or --no-bachelor-later: the AS/AAS choice depends on it."
                )
            wanted = rule["if_bachelor_later"] if self.bachelor_later else rule["if_no_bachelor_later"]
            return next(r for r in self.routes if r["id"] == wanted)
        return next(r for r in self.routes if r["level"] == level)

    def _study(self, level: str, accreditor: str | None) -> Step:
        route = self._route(level)
        duration = route["duration"]
        program = route["name"]
        if accreditor:
            program += f", in a program accredited by {accreditor}"
        why = self.guide.section("education")["choice_rule"] if level == "associate" else route
        why_text = why.get("text") or route["summary"]
        return Step(
            id=f"study-{route['id']}",
            kind="study",
            title=f"Earn the {route['short']}" if level != "certificate" else "Earn a certificate",
            what=program + ("" if duration else f". {route['duration_note']}"),
            months=months_of(duration),
            why=_why(why, why_text),
            command=f"mrt-guide degrees {route['short']}",
            figures=[duration] if duration else [],
        )

    def education(self, state: State, need: str | None, accreditor: str | None) -> Option | None:
        """Steps that bring ``state`` to education level ``need`` in a program ``accreditor`` accredits."""
        want = LEVELS.index(need) if need else 0
        if want > LEVELS.index("bachelor"):
            return None  # the dataset has no route to a master's degree
        st = state.copy()
        if st.level >= want:
            if accreditor and st.accreditor and st.accreditor != accreditor:
                return None  # the program already planned is accredited by someone else
            return [], st
        steps: list[Step] = []
        if st.level < LEVELS.index("high-school"):
            record = self.goals["high_school"]
            steps.append(
                Step(
                    "high-school",
                    "school",
                    "Finish high school",
                    record["text"],
                    None,
                    _why(record),
                    "mrt-guide degrees",
                )
            )
            st.level = LEVELS.index("high-school")
        for level in ("certificate", "associate", "bachelor"):
            index = LEVELS.index(level)
            if st.level < index <= want and (level != "certificate" or want == index):
                program_accreditor = (
                    (accreditor or self.default_accreditor) if level != "certificate" else None
                )
                steps.append(self._study(level, program_accreditor))
                route = self._route(level)
                course = next(
                    (
                        c
                        for c in self.guide.section("education")["coursework"]
                        if c["id"] == route["coursework"]
                    ),
                    None,
                )
                st.subjects |= {s.casefold() for s in (course or {}).get("subjects", [])}
                st.level = index
                if level == "associate":
                    st.accreditor = program_accreditor
        return steps, st

    # credentials

    def pathway(self, state: State, pathway: Record, depth: int) -> Option | None:
        options: list[Option] = []
        by_education = self.education(state, pathway["education"], pathway["accredited_by"])
        if by_education is not None:
            options.append(by_education)
        for cert in pathway["credentials"]:
            if cert in state.credentials:
                options.append(([], state.copy()))
            elif depth < 1:
                options.append(self.credential(state, cert, depth + 1))
        if not options:
            return None
        steps, st = min(options, key=lambda option: cost(option[0]))
        steps = list(steps)
        command = f"mrt-guide certs {pathway['id'].split('-')[0].upper()}"
        if pathway["coursework"] and pathway["coursework"].casefold() not in st.subjects:
            steps.append(
                Step(
                    f"{pathway['id']}-coursework",
                    "gap",
                    f"Study {pathway['coursework'].lower()}",
                    f"Coursework in {pathway['coursework'].lower()}; the dataset gives no length for it.",
                    None,
                    _why(pathway),
                    command,
                )
            )
        if pathway["extra_program"]:
            steps.append(
                Step(
                    f"{pathway['id']}-program",
                    "gap",
                    "Complete a further program",
                    f"Complete {pathway['extra_program']}; the dataset gives no length for it.",
                    None,
                    _why(pathway),
                    command,
                )
            )
        experience = pathway["experience"]
        if experience:
            length = months_of(experience)
            what = experience["label"]
            if length is None:
                what += (
                    f": {experience['value']:,.0f} {experience['unit']}; "
                    "the dataset does not say how many months that takes"
                )
            steps.append(
                Step(
                    f"{pathway['id']}-experience",
                    "work",
                    "Gain experience",
                    what,
                    length,
                    _why(pathway),
                    command,
                    [experience],
                )
            )
        return steps, st

    def credential(self, state: State, cert_id: str, depth: int = 0) -> Option:
        """Steps from ``state`` to holding ``cert_id``, by its quickest known pathway."""
        cert = self.guide.certification(cert_id)
        if cert["id"] in state.credentials:
            return [], state.copy()
        options: list[tuple[tuple[int, int], int, Record, Option]] = []
        for pathway in cert["eligibility"]["pathways"]:
            option = self.pathway(state, pathway, depth)
            if option is not None:
                options.append((cost(option[0]), len(options), pathway, option))
        command = f"mrt-guide certs {cert['id']}"
        if options:
            _, _, chosen, (steps, st) = min(options, key=lambda o: (o[0], o[1]))
            steps = list(steps)
        else:
            chosen, st = None, state.copy()
            missing = (
                cert["eligibility"]["missing"] or "No eligibility pathway in the dataset fits this plan."
            )
            steps = [
                Step(
                    f"{cert['id'].lower()}-eligibility",
                    "gap",
                    f"Check {cert['id']} eligibility",
                    missing,
                    None,
                    _why(cert, missing),
                    command,
                )
            ]
        if depth == 0:
            self.chosen[cert["id"]] = chosen
        why = _why(chosen) if chosen else _why(cert, f"{cert['name']}, issued by {cert['issuer']}.")
        exam_note = next(
            (f["text"] for f in (cert["exam"] or {}).get("facts", []) if f["source"] != "article"), None
        )
        steps.append(
            Step(
                f"exam-{cert['id'].lower()}",
                "exam",
                f"Pass the {cert['id']} exam",
                f"{cert['name']} ({cert['issuer']})." + (f" {exam_note}" if exam_note else ""),
                0,
                why,
                command,
            )
        )
        st.credentials.add(cert["id"])
        return steps, st

    def keeping(self, cert_id: str) -> list[Step]:
        """The first renewal cycle after passing the exam, and the renewal."""
        cert = self.guide.certification(cert_id)
        ceus, cycle = cert["renewal"]["ceus"], cert["renewal"]["cycle"]
        exam = f"exam-{cert['id'].lower()}"
        from .renewal import rules as renewal_rules

        kept = renewal_rules(self.guide, cert["issuer"])
        starts_at_exam = kept is not None and kept["anchor"] == "exam-date"
        command = f"mrt-guide certs {cert['id']}"
        what = f"{ceus['label']}: {ceus['value']:g} {'CEUs' if ceus['unit'] == 'ceu' else 'CE hours'}"
        if starts_at_exam:
            return [
                Step(
                    f"ce-{cert['id'].lower()}",
                    "ce",
                    f"Earn your {cert['id']} continuing education",
                    what + f", by the end of the first {cycle['value']:g}-year cycle.",
                    months_of(cycle),
                    _why(ceus, f"{ceus['label']}, counted from the exam ({cert['issuer']})."),
                    command,
                    [ceus, cycle],
                    after=exam,
                ),
                Step(
                    f"renew-{cert['id'].lower()}",
                    "renew",
                    f"Renew the {cert['id']}",
                    "Report the cycle's continuing education; the next cycle begins.",
                    0,
                    _why(cycle),
                    command,
                    [cycle],
                    after=f"ce-{cert['id'].lower()}",
                ),
            ]
        return [
            Step(
                f"ce-{cert['id'].lower()}",
                "ce",
                f"Earn your {cert['id']} continuing education",
                what + f" per {cycle['value']:g}-year cycle. The dataset does not say when the first cycle "
                "starts, so no date is given.",
                None,
                _why(ceus),
                command,
                [ceus, cycle],
                after=exam,
                open_ended=True,
            )
        ]


def _date(steps: list[Step], start: int) -> list[Record]:
    """Give each step a start and end month; stop dating after a step of unknown length."""
    ends: dict[str, int | None] = {}
    cursor: int | None = start
    out = []
    for step in steps:
        anchor = ends[step.after] if step.after else cursor
        begin = anchor
        if begin is None or step.months is None:
            end = None
        elif step.kind == "ce":
            end = begin + step.months  # a cycle ends on its anniversary
        else:
            end = begin + max(step.months - 1, 0)
        next_free = None if end is None else (end if step.months == 0 or step.kind == "ce" else end + 1)
        ends[step.id] = next_free if step.kind != "ce" else end
        if step.kind in MAIN_LINE:
            cursor = next_free
        out.append(
            {
                "id": step.id,
                "kind": step.kind,
                "title": step.title,
                "what": step.what,
                "start": month(begin) if begin is not None else None,
                "end": month(end) if end is not None else None,
                "months": step.months,
                "dated": begin is not None and (end is not None or step.open_ended),
                "open_ended": step.open_ended,
                "why": step.why,
                "command": step.command,
                "figures": step.figures,
            }
        )
    return out


def normalise(
    guide: Guide, *, education: str | None, goal: str | None, bachelor_later: bool | None, start: str | None
) -> dict[str, Any]:
    """The answers with education and goal checked and spelled as the dataset spells them."""
    return {
        "education": None if education is None else choose("education level", education, list(EDUCATION)),
        "goal": None
        if goal is None
        else choose("goal", goal, [g["id"] for g in guide.section("goals")["goals"]]),
        "bachelor_later": bachelor_later,
        "start": start,
    }


def missing(
    guide: Guide, *, education: str | None, goal: str | None, bachelor_later: bool | None, **_: Any
) -> list[str]:
    """The options a plan still needs. The AS/AAS choice matters only below an associate degree,
    and not for a goal that needs a bachelor's anyway."""
    names = [f"--{name}" for name, value in (("education", education), ("goal", goal)) if value is None]
    if bachelor_later is None:
        level = education.strip().lower() if education else None
        has_associate = level in EDUCATION and LEVELS.index(level) >= LEVELS.index("associate")
        needs_bachelor = any(
            g["id"] == (goal or "").strip().lower() and g["degree"] for g in guide.section("goals")["goals"]
        )
        if not has_associate and not needs_bachelor:
            names.append("--bachelor-later or --no-bachelor-later")
    return names


def plan(
    guide: Guide, *, education: str, goal: str, bachelor_later: bool | None, start: str
) -> dict[str, Any]:
    """The plan as JSON-ready records: inputs, milestones with ISO months, totals, gaps."""
    goals = guide.section("goals")["goals"]
    chosen_goal = choose("goal", goal, [g["id"] for g in goals])
    goal_rec = next(g for g in goals if g["id"] == chosen_goal)
    level = choose("education level", education, list(EDUCATION))
    start_month = parse_month(start)
    below_bachelor = LEVELS.index(level) < LEVELS.index("bachelor")
    if goal_rec["degree"] and below_bachelor:
        if bachelor_later is False:
            raise GuideError(
                f"--goal {chosen_goal} needs a bachelor's degree; "
                "use --bachelor-later, not --no-bachelor-later."
            )
        bachelor_later = True

    planner = Planner(guide, bachelor_later)
    state = State(level=LEVELS.index(level))
    steps, state = planner.credential(state, "RHIT")
    first_job = guide.section("goals")["first_job"]
    steps.append(
        Step(
            "first-job",
            "job",
            "Start your first job",
            "Look for a first job with your credential.",
            None,
            _why(first_job),
            "mrt-guide workplaces",
            after="exam-rhit",
            open_ended=True,
        )
    )
    earned = ["RHIT"]
    target = goal_rec["target"]
    if target != "RHIT":
        if goal_rec["degree"]:
            route = next(r for r in guide.routes if r["id"] == goal_rec["degree"])
            more, state = planner.education(state, route["level"], planner.default_accreditor) or ([], state)
            steps += more
        more, state = planner.credential(state, target)
        steps += more
        earned.append(guide.certification(target)["id"])
    for cert in earned:
        steps += planner.keeping(cert)
    if bachelor_later and not goal_rec["degree"] and LEVELS.index(level) < LEVELS.index("bachelor"):
        route = next(r for r in guide.routes if r["level"] == "bachelor")
        study = planner._study("bachelor", planner.default_accreditor)
        study.title = f"Earn the {route['short']}, towards management"
        steps.append(study)

    milestones = sorted(_date(steps, start_month), key=lambda m: m["start"] or "9999")  # stable: undated last
    exams = [m for m in milestones if m["kind"] == "exam"]
    first = exams[0] if exams else None
    first_months = None
    if first and first["start"]:
        first_months = parse_month(first["start"]) - start_month
    return {
        "inputs": {
            "education": level,
            "goal": chosen_goal,
            "bachelor_later": bachelor_later,
            "start": month(start_month),
        },
        "goal": goal_rec,
        "milestones": milestones,
        "routes": [_route_record(guide, c, planner.chosen.get(c)) for c in earned],
        "totals": {
            "first_credential": first["title"].removeprefix("Pass the ").removesuffix(" exam")
            if first
            else None,
            "months_to_first_credential": first_months,
            "first_credential_month": first["start"] if first else None,
            "continuing_education": [_ce(guide, c) for c in earned],
            "pay": _pay(guide),
            "pay_factors": [f for f in guide.section("pay")["factors"] if f["id"] in goal_rec["pay_factors"]],
        },
        "gaps": [m["what"] for m in milestones if m["months"] is None and not m["open_ended"]],
    }


def _route_record(guide: Guide, cert_id: str, pathway: Record | None) -> Record:
    cert = guide.certification(cert_id)
    others = [p for p in cert["eligibility"]["pathways"] if pathway is None or p["id"] != pathway["id"]]
    return {
        "certification": cert["id"],
        "pathway": pathway,
        "other_pathways": [{"id": p["id"], "text": p["text"]} for p in others],
        "missing": cert["eligibility"]["missing"],
    }


def _ce(guide: Guide, cert_id: str) -> Record:
    cert = guide.certification(cert_id)
    rules = [
        rule
        for r in guide.section("certifications")["recertification"]
        if r["issuer"] == cert["issuer"]
        for rule in r["rules"]
    ]
    return {
        "certification": cert["id"],
        "ceus": cert["renewal"]["ceus"],
        "cycle": cert["renewal"]["cycle"],
        "rules": cert["renewal"]["rules"] + rules,
    }


def _pay(guide: Guide) -> list[Record]:
    """The newest median annual wage, and the newest official one if that is older."""
    medians = [
        f for f in guide.section("pay")["figures"] if f["measure"] == "median" and f["unit"] == "usd_per_year"
    ]
    newest = max(medians, key=lambda f: f["year"])
    official = max((f for f in medians if f["flag"] == "official"), key=lambda f: f["year"])
    return [newest] if newest is official else [newest, official]


def goal_link(ds: Guide, goal: Record, path: list[int | str]) -> dict[str, Any]:
    """A goal is planned for with ``plan --goal``."""
    from .links import link

    return link("plan", "--goal", goal["id"])
