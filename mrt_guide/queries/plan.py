"""``mrt-guide plan``: a dated roadmap from where the reader stands to a goal.

Every length and rule comes from the dataset: the program lengths, the AS/AAS rule,
the credentials' eligibility pathways, the experience an exam expects, the renewal
rules (``renewal.json``). Where the dataset has no length for a step, the plan says
so once and dates what follows relative to that step, rather than guess.

The records are facts and ids, not sentences: each step has a ``kind``, the
credential, route or pathway it concerns and the data record it rests on;
``views/plan.py`` phrases them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from ..dataset.index import Dataset, Record, choose
from ..dataset.levels import LEVELS, Level
from ..status import GuideError
from .figures import months_of
from .links import link

if TYPE_CHECKING:
    from ..records import LinkOut as Link
    from ..records import PlanOut
from .renewal import combined_requirement
from .renewal import rules as renewal_rules

EDUCATION: tuple[Level, ...] = LEVELS
"""What ``--education`` accepts."""
ASKS_FIELD: tuple[Level, ...] = ("certificate", "associate", "bachelor", "master")
"""Starting points where it matters whether the program was an accredited HIM one (--him)."""
Kind = Literal["school", "study", "prepare", "gap", "work", "exam", "job", "ce", "renew"]
MAIN_LINE = {"school", "study", "prepare", "gap", "work", "exam"}
"""Steps done one after another; the others (a job, CE cycles, renewals) run alongside."""
_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)

# months


def parse_month(text: str, option: str = "--start") -> int:
    """``YYYY-MM`` as a count of months; a usage error naming the option and the fix if not."""
    match = _MONTH.fullmatch(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        from ..textsafe import neutral_line

        raise GuideError(
            f"Invalid {option} '{neutral_line(text, 20)}': give a year and month as YYYY-MM, e.g. 2027-01."
        )
    return int(match[1]) * 12 + int(match[2]) - 1


def month(count: int) -> str:
    return f"{count // 12:04d}-{count % 12 + 1:02d}"


def this_month(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year:04d}-{today.month:02d}"


def check_start(text: str, today: dt.date | None = None, option: str = "--start") -> int:
    """The start month, from a year ago to ten years ahead of this month."""
    start = parse_month(text, option)
    now = parse_month(this_month(today))
    if not now - 12 <= start <= now + 120:
        raise GuideError(
            f"{option} {month(start)} is out of range: a plan starts between {month(now - 12)} "
            f"(a year ago) and {month(now + 120)} (ten years ahead)."
        )
    return start


# the request


@dataclass(frozen=True, kw_only=True)
class Request:
    """A plan's inputs, checked and spelled as the dataset spells them."""

    education: Level
    goal: str
    him: bool | None = None
    bachelor_later: bool | None = None
    start: int
    high_school_done: int | None = None
    from_log: bool = False
    """The starting point is the CE log's credentials (``--from-log``)."""
    education_given: bool = True
    """False where the education is the one the log's credentials imply (not in argv)."""

    def argv(self) -> list[str]:
        """The command line that makes this plan again."""
        args = ["--from-log"] if self.from_log else []
        if self.education_given:
            args += ["--education", self.education]
        if self.him is not None and self.education_given:
            args.append("--him" if self.him else "--not-him")
        if self.high_school_done is not None:
            args += ["--high-school-done", month(self.high_school_done)]
        args += ["--goal", self.goal]
        if self.bachelor_later is not None:
            args.append("--bachelor-later" if self.bachelor_later else "--no-bachelor-later")
        args += ["--start", month(self.start)]
        return args


@dataclass(frozen=True)
class Answers:
    """What the reader gave, unchecked; ``None`` where an option was left out."""

    education: str | None = None
    goal: str | None = None
    him: bool | None = None
    bachelor_later: bool | None = None
    start: str | None = None
    high_school_done: str | None = None
    from_log: bool = False
    education_given: bool = True


@dataclass(frozen=True)
class Log:
    """What ``--from-log`` reads from the CE log: the credentials held, each with the day it
    was earned, and the cycles recorded with ``ce cycle set``."""

    held: dict[str, str]
    recorded: dict[str, dict[str, object]]
    work: list[dict[str, object]] = field(default_factory=list)
    """The work periods logged with ``ce work add`` (role, start, end)."""


def log_start(ds: Dataset, held: dict[str, str]) -> tuple[Level, bool]:
    """The education the log's credentials imply: for each, the lowest level its pathways
    ask without another credential standing in, and whether every such pathway needs an
    accredited health information program (the RHIT's associate program)."""
    best = (LEVELS.index("high-school"), False)
    accreditor = ds.section("education")["accreditation"]["body"]
    for cert in _held_certs(ds, held):
        ways = [p for p in cert["eligibility"]["pathways"] if not p["credentials"] and p["education"]]
        if ways:
            lowest = min(LEVELS.index(p["education"]) for p in ways)
            best = max(best, (lowest, all(p["accredited_by"] == accreditor for p in ways)))
    return LEVELS[best[0]], best[1]


def _held_certs(ds: Dataset, held: dict[str, str]) -> list[Record]:
    """The log's credentials the dataset knows (others are left out, as ``ce status`` does)."""
    known = {c["id"]: c for c in ds.certifications}
    return [known[c] for c in held if c in known]


def normalise(ds: Dataset, answers: Answers, today: dt.date | None = None) -> Answers:
    """``answers`` with every given value checked (a usage error for a bad one) and spelled
    as the dataset spells it. Checks what was given before asking for what was not."""
    education = (
        None if answers.education is None else choose("education level", answers.education, list(EDUCATION))
    )
    goal = None if answers.goal is None else choose("goal", answers.goal, ds.ids("goal"))
    start = parse_month(this_month(today)) if answers.start is None else check_start(answers.start, today)
    if answers.high_school_done is not None:
        done = parse_month(answers.high_school_done, "--high-school-done")
        if education in (None, "none") and not start <= done <= start + 120:
            raise GuideError(
                f"--high-school-done {month(done)} is out of range: with no diploma yet, high school "
                f"ends between the plan's start ({month(start)}) and {month(start + 120)}."
            )
    return replace(answers, education=education, goal=goal)


def missing(ds: Dataset, answers: Answers) -> list[str]:
    """The options a plan still needs, as the flags that answer them."""
    needed = []
    if answers.education is None:
        needed.append("--education")
    elif answers.education in ASKS_FIELD and answers.him is None:
        needed.append("--him or --not-him")
    if answers.education == "none" and answers.high_school_done is None:
        needed.append("--high-school-done")
    if answers.goal is None:
        needed.append("--goal")
    if (
        not needed
        and answers.bachelor_later is None
        and not _forced(ds, answers)
        and _choice_matters(ds, answers)
    ):
        needed.append("--bachelor-later or --no-bachelor-later")
    return needed


def _forced(ds: Dataset, answers: Answers) -> bool:
    """A goal that needs a bachelor's answers the AS/AAS question itself (the AS)."""
    assert answers.goal is not None and answers.education is not None
    return bool(ds.goal(answers.goal)["degree"]) and LEVELS.index(answers.education) < LEVELS.index(
        "bachelor"
    )


def _choice_matters(ds: Dataset, answers: Answers) -> bool:
    """Whether the AS/AAS answer changes the plan: plan both ways and compare the programs."""
    start = answers.start or this_month()
    plans = [
        plan(ds, request(ds, replace(answers, bachelor_later=later, start=start)))["milestones"]
        for later in (True, False)
    ]
    return [m["route"] for m in plans[0] if m["route"]] != [m["route"] for m in plans[1] if m["route"]]


def request(ds: Dataset, answers: Answers) -> Request:
    """A complete request from normalised answers (``missing`` must be empty)."""
    assert answers.education is not None and answers.goal is not None
    goal = ds.goal(answers.goal)
    later = answers.bachelor_later
    if goal["degree"] and LEVELS.index(answers.education) < LEVELS.index("bachelor"):
        if later is False:
            raise GuideError(
                f"--goal {goal['id']} needs a bachelor's degree; "
                "use --bachelor-later, not --no-bachelor-later."
            )
        later = True
    return Request(
        education=answers.education,  # type: ignore[arg-type]
        goal=goal["id"],
        him=answers.him if answers.education in ASKS_FIELD else None,
        bachelor_later=later,
        start=parse_month(answers.start or this_month()),
        high_school_done=None
        if answers.high_school_done is None or answers.education != "none"
        else parse_month(answers.high_school_done, "--high-school-done"),
        from_log=answers.from_log,
        education_given=answers.education_given,
    )


# the state and the steps


@dataclass(frozen=True)
class State:
    """What the reader holds at a point of the plan."""

    level: int
    him_level: int = -1
    """The highest level of accredited HIM program held; -1 for none."""
    credentials: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()


@dataclass(kw_only=True)
class Step:
    id: str
    kind: Kind
    months: int | None
    """Length; 0 for a single moment; None where the dataset gives none."""
    why: Record
    """The dataset record the step rests on."""
    link: Link
    cert: str | None = None
    route: str | None = None
    pathway: str | None = None
    figures: list[Record] = field(default_factory=list)
    after: str | None = None
    """The step this one starts from, when it runs alongside the main line."""
    open_ended: bool = False
    recommended: bool = False
    """Recommended by the issuer, not required."""
    transfer: bool = False
    """Earlier study may shorten this program (the data's transfer note applies)."""
    requirement: Record | None = None
    """For CE steps: what the cycle owes (``renewal.combined_requirement``)."""
    due: str | None = None
    """For renewals: the date the issuer fixes for reporting, where it fixes one."""
    preparation: str | None = None
    """For preparation steps: the dataset's preparation record."""
    span: tuple[int, int] | None = None
    """For a program whose length depends on transfer credit: the shortest and longest months
    the sources give (``months`` is then None: the program decides)."""
    prepared: Record | None = None
    """For exams: the steps that prepare for it (``steps``) and what the reader already held
    when they begin (``held``: ``education``, or credentials, perhaps earned earlier in the plan)."""
    logged: Record | None = None
    """For experience steps from the CE log: the months of its kind logged (``role``, ``months``,
    ``needed``); ``months`` is what is left."""


Option = tuple[list[Step], State]


def cost(steps: list[Step]) -> tuple[int, int, int]:
    """New degrees first (fewer is better), then steps of unknown length, then the months.
    A preparation is not counted as unknown: every way to the exam needs it alike."""
    degrees = sum(1 for s in steps if s.kind == "study")
    unknown = sum(
        1 for s in steps if s.months is None and not s.open_ended and s.kind != "prepare" and s.span is None
    )
    months = sum(s.months or (s.span[1] if s.span else 0) for s in steps if s.kind in MAIN_LINE)
    return degrees, unknown, months


def _why(record: Record) -> Record:
    """The record a step rests on: its id, its words, its source and flag."""
    text = record.get("text") or record.get("summary") or record.get("label") or record.get("name")
    return {"id": record.get("id"), "text": text, "source": record["source"], "flag": record["flag"]}


class Planner:
    def __init__(self, ds: Dataset, req: Request, worked: dict[str, int] | None = None) -> None:
        self.ds = ds
        self.req = req
        self.worked = worked
        """Months of each kind of experience in the CE log (``--from-log``), else None."""
        self.chosen: dict[str, Record | None] = {}
        """The eligibility pathway used for each credential, None where none is known."""
        self.him = ds.section("education")["accreditation"]["body"]
        """The accreditor of health information programs (the --him question is about it)."""

    # education

    def _route(self, level: str) -> Record:
        if level == "associate":
            rule = self.ds.section("education")["choice_rule"]
            later = bool(self.req.bachelor_later)
            return self.ds.get("degree", rule["if_bachelor_later"] if later else rule["if_no_bachelor_later"])
        return next(r for r in self.ds.routes if r["level"] == level)

    def _study(self, state: State, level: str) -> Step:
        route = self._route(level)
        edu = self.ds.section("education")
        why = edu["choice_rule"] if level == "associate" else route
        shortest, longest = months_of(route["after_associate"]), months_of(route["duration"])
        ranged = shortest is not None and longest is not None and state.level >= LEVELS.index("associate")
        figures = [route["duration"]] if route["duration"] else []
        return Step(
            id=f"study-{route['id']}",
            kind="study",
            route=route["id"],
            months=None if ranged else longest,
            why=_why(why),
            link=link("degrees", route["short"]),
            figures=[route["after_associate"], *figures] if ranged else figures,
            transfer=state.level >= LEVELS.index("certificate"),
            span=(shortest, longest) if ranged and shortest and longest else None,
        )

    def education(self, state: State, need: str | None, accreditor: str | None) -> Option | None:
        """Steps that bring ``state`` to education ``need``, in a program ``accreditor`` accredits.

        One program at the level needed (the data's routes are HIM programs, so they also meet
        an any-field requirement), after high school where that is still to come."""
        want = LEVELS.index(need) if need else 0
        if accreditor not in (None, self.him):
            return None  # the data has no program this accreditor accredits, nor a way to hold one
        if (state.him_level if accreditor == self.him else state.level) >= want:
            return [], state
        if need not in ("none", "high-school", "associate", "bachelor"):
            return None  # no route in the data leads there
        steps: list[Step] = []
        st = state
        if st.level < LEVELS.index("high-school"):
            steps.append(self._school())
            st = replace(st, level=LEVELS.index("high-school"))
        if want > st.level or (accreditor == self.him and want > st.him_level):
            steps.append(self._study(st, str(need)))
            course = self.ds.coursework(self._route(str(need))["coursework"])
            st = replace(
                st,
                level=max(st.level, want),
                him_level=max(st.him_level, want),
                subjects=st.subjects | {s.casefold() for s in (course or {}).get("subjects", [])},
            )
        return steps, st

    def _school(self) -> Step:
        record = self.ds.section("goals")["high_school"]
        done = self.req.high_school_done
        months = None if done is None else max(done - self.req.start + 1, 1)
        return Step(id="high-school", kind="school", months=months, why=_why(record), link=link("degrees"))

    # credentials

    def pathway(self, state: State, cert: Record, pathway: Record, depth: int) -> Option | None:
        options: list[Option] = []
        by_education = self.education(state, pathway["education"], pathway["accredited_by"])
        # the education level, or any one of the credentials (a way that names credentials
        # and no level asks for one of them)
        if by_education is not None and (pathway["education"] is not None or not pathway["credentials"]):
            options.append(by_education)
        for other in pathway["credentials"]:
            if other in state.credentials:
                options.append(([], state))
            elif depth < 1:
                options.append(self.credential(state, other, depth + 1))
        if not options:
            return None
        # of ways that cost the same, the one with fewer steps (a credential held rather than
        # another exam)
        steps, st = min(options, key=lambda option: (cost(option[0]), len(option[0])))
        steps = list(steps)
        here = link("certs", cert["id"])
        if pathway["coursework"] and pathway["coursework"].casefold() not in st.subjects:
            steps.append(
                Step(
                    id=f"{pathway['id']}-coursework",
                    kind="gap",
                    months=None,
                    why=_why(pathway),
                    link=here,
                    cert=cert["id"],
                    pathway=pathway["id"],
                    recommended=pathway["recommended"],
                )
            )
        if pathway["extra_program"]:
            steps.append(
                Step(
                    id=f"{pathway['id']}-program",
                    kind="gap",
                    months=None,
                    why=_why(pathway),
                    link=here,
                    cert=cert["id"],
                    pathway=pathway["id"],
                )
            )
        if pathway["experience"] and not (pathway["preparation_instead"] and cert["preparation"]):
            steps.append(self._work(f"{pathway['id']}-experience", cert, pathway, pathway["experience"]))
        return steps, st

    def _prepare(self, state: State, cert: Record, steps: list[Step]) -> State:
        """The credential's preparation (a course) put before its experience and exam, unless
        the reader's study already covered its subject; ``state`` with the subject added."""
        prep = self.ds.get("preparation", cert["preparation"])
        subject = prep["subject"].casefold()
        if subject in state.subjects:
            return state
        step = Step(
            id=f"prepare-{prep['id']}",
            kind="prepare",
            months=months_of(prep["length"]) if prep["length"] else None,
            why=_why(prep),
            link=link("certs", cert["id"]),
            cert=cert["id"],
            figures=[*([prep["length"]] if prep["length"] else []), *self.ds.figure_list(prep["figures"])],
            preparation=prep["id"],
        )
        at = next((i for i, s in enumerate(steps) if s.kind == "work"), len(steps))
        steps.insert(at, step)
        return replace(state, subjects=state.subjects | {subject})

    def _logged(self, role: str | None, needed: int | None) -> tuple[int | None, Record | None]:
        """The months an experience step still takes once the CE log's months of its kind are
        counted, and what was logged (None where nothing of that kind is, or no log is read)."""
        done = 0 if self.worked is None or role is None else self.worked.get(role, 0)
        if not done:
            return needed, None
        return (None if needed is None else max(needed - done, 0)), {
            "role": role,
            "months": done,
            "needed": needed,
        }

    def _work(self, step_id: str, cert: Record, pathway: Record | None, experience: Record) -> Step:
        kind = None if pathway is None else pathway.get("experience_kind")
        left, logged = self._logged(kind, months_of(experience))
        return Step(
            id=step_id,
            kind="work",
            logged=logged,
            months=left,
            why=_why(pathway or experience),
            link=link("certs", cert["id"]),
            cert=cert["id"],
            pathway=None if pathway is None else pathway["id"],
            figures=[experience],
            recommended=True if pathway is None else bool(pathway["recommended"]),
        )

    def credential(self, state: State, cert_id: str, depth: int = 0) -> Option:
        """Steps from ``state`` to holding ``cert_id``, by its best known pathway."""
        cert = self.ds.certification(cert_id)
        if cert["id"] in state.credentials:
            return [], state
        options: list[tuple[tuple[int, int, int], int, int, Record, Option]] = []
        for pathway in cert["eligibility"]["pathways"]:
            option = self.pathway(state, cert, pathway, depth)
            if option is not None:
                # of ways that cost the same, the one with fewer steps (a credential held, say,
                # rather than experience the log shows done already)
                # then the way made for the highest level the person reached (a master's
                # holder's RHIA by the master's route)
                level = -LEVELS.index(pathway["education"]) if pathway["education"] else 1
                options.append((cost(option[0]), len(option[0]), level, pathway, option))
        here = link("certs", cert["id"])
        if options:
            _, _, _, chosen, (steps, st) = min(options, key=lambda o: (o[0], o[1], o[2]))
            steps = list(steps)
        else:
            chosen, st = None, state
            steps = [
                Step(
                    id=f"{cert['id'].lower()}-eligibility",
                    kind="gap",
                    months=None,
                    why=_why(cert),
                    link=here,
                    cert=cert["id"],
                )
            ]
        if cert["preparation"]:
            st = self._prepare(st, cert, steps)
        expects = cert["eligibility"]["plan_experience"]
        if expects and not any(s.kind == "work" for s in steps):
            source = next(
                (p for p in cert["eligibility"]["pathways"] if (p["experience"] or {}).get("id") == expects),
                None,
            )
            steps.append(
                self._work(f"{cert['id'].lower()}-experience", cert, source, self.ds.figures[expects])
            )
        if depth == 0:
            self.chosen[cert["id"]] = chosen
        held = [c for c in (chosen or {}).get("credentials", []) if c in state.credentials]
        if not steps and not held:
            held = ["education"]
        exam = Step(
            id=f"exam-{cert['id'].lower()}",
            kind="exam",
            months=0,
            cert=cert["id"],
            pathway=None if chosen is None else chosen["id"],
            why=_why(chosen or cert),
            link=here,
            prepared={"steps": [s.id for s in steps], "held": held},
        )
        steps.append(exam)
        if cert["apprentice"] and not any(s.kind == "work" for s in steps):
            steps.append(self._apprentice(cert, exam))
        return steps, replace(st, credentials=st.credentials | {cert["id"]})

    def _apprentice(self, cert: Record, exam: Step) -> Step:
        """Passed without the experience: the apprentice title, until the experience is proved,
        by the quickest of the issuer's ways (alongside the first job)."""
        apprentice = cert["apprentice"]
        prep = self.ds.get("preparation", cert["preparation"]) if cert["preparation"] else None
        counted = [w for w in apprentice["removal"] if prep and w["id"] == prep["removal"]]
        way = (
            counted[0]
            if counted
            else min(apprentice["removal"], key=lambda w: months_of(w["experience"]) or 10**6)
        )
        left, logged = self._logged(way.get("experience_kind"), months_of(way["experience"]))
        return Step(
            preparation=prep["id"] if counted and prep else None,
            id=f"{apprentice['id'].lower()}-removal",
            kind="work",
            logged=logged,
            months=left,
            why=_why(apprentice),
            link=link("certs", cert["id"]),
            cert=cert["id"],
            figures=[way["experience"], *way.get("figures", [])],
            after=exam.id,
        )

    # keeping them

    def keeping(self, steps: list[Step], logged: dict[str, list[str]] | None = None) -> list[Step]:
        """For each issuer: the first cycle after its first credential, the renewal at its end,
        and, once a further credential joins, the combined cycle from then on. An issuer the
        reader holds credentials of already (``logged``, from the CE log) has its cycle: each
        new credential joins it."""
        logged = logged or {}
        exams = [s for s in steps if s.kind == "exam"]
        out: list[Step] = []
        by_issuer: dict[str, list[Step]] = {}
        for exam in exams:
            issuer = self.ds.certification(str(exam.cert))["issuer"]
            by_issuer.setdefault(issuer, []).append(exam)
        for issuer, earned in by_issuer.items():
            rules = renewal_rules(self.ds, issuer)
            first = self.ds.certification(str(earned[0].cert))
            cycle = first["renewal"]["cycle"]
            held: list[str] = list(logged.get(issuer, []))
            for exam in earned:
                n = len(held)
                held.append(str(exam.cert))
                need = combined_requirement(self.ds, held) if rules else None
                figures = [self.ds.certification(c)["renewal"]["ceus"] for c in held] + [cycle]
                if n == 0:
                    out.append(
                        Step(
                            id=f"ce-{issuer.lower()}",
                            kind="ce",
                            months=months_of(cycle),
                            why=_why(rules or cycle),
                            link=link("certs", first["id"]),
                            cert=first["id"],
                            figures=figures,
                            after=exam.id,
                            requirement=need,
                        )
                    )
                    out.append(
                        Step(
                            id=f"renew-{issuer.lower()}",
                            kind="renew",
                            months=0,
                            why=_why(rules or cycle),
                            link=link("certs", first["id"]),
                            cert=first["id"],
                            figures=[cycle],
                            after=f"ce-{issuer.lower()}",
                            requirement=need,
                        )
                    )
                else:
                    out.append(
                        Step(
                            id=f"ce-{issuer.lower()}-{exam.cert}".lower(),
                            kind="ce",
                            months=None,
                            why=_why(rules or cycle),
                            link=link("certs", str(exam.cert)),
                            cert=exam.cert,
                            figures=figures,
                            after=exam.id,
                            open_ended=True,
                            requirement=need,
                        )
                    )
        return out


# dating


def _date(steps: list[Step], start: int, ds: Dataset) -> list[Record]:
    """Give each step a start and end month. After a step of unknown length, steps are dated
    relative to it (``after``: that step and the months since its end) instead of absolutely."""
    pos: dict[str, tuple[str | None, int | None]] = {}
    """Where each step ends: (anchor step id or None for the plan's start, month offset)."""
    cursor: tuple[str | None, int] = (None, start)
    out = []
    for step in steps:
        if step.after:
            anchor, at = pos[step.after]
            begin: tuple[str | None, int | None] = (anchor, at)
        else:
            begin = cursor
        anchor, at = begin
        if at is None or step.months is None:
            end: tuple[str | None, int | None] = (anchor, None)
        elif step.kind == "ce":
            end = (anchor, at + step.months)  # a cycle ends on its anniversary
        else:
            end = (anchor, at + max(step.months - 1, 0))
        if end[1] is None:
            after_end: tuple[str | None, int] = (step.id, 0)
        elif step.months == 0 or step.kind == "ce":
            after_end = (anchor, end[1])
        else:
            after_end = (anchor, end[1] + 1)
        pos[step.id] = after_end if step.kind != "ce" else end
        if step.kind in MAIN_LINE:
            cursor = after_end
        absolute = anchor is None
        out.append(
            {
                "id": step.id,
                "kind": step.kind,
                "cert": step.cert,
                "route": step.route,
                "pathway": step.pathway,
                "months": step.months,
                "start": month(at) if absolute and at is not None else None,
                "end": month(end[1]) if absolute and end[1] is not None else None,
                "after": None if absolute else {"step": anchor, "months": at},
                "open_ended": step.open_ended,
                "recommended": step.recommended,
                "transfer": step.transfer,
                "requirement": step.requirement,
                "due": _due(ds, step, end[1] if absolute else None),
                "preparation": step.preparation,
                "prepared": step.prepared,
                "joins": None,
                "logged": step.logged,
                "range": None
                if step.span is None
                else {
                    "months": list(step.span),
                    "ends": [month(at + n - 1) for n in step.span] if absolute and at is not None else None,
                },
                "why": step.why,
                "link": step.link,
                "figures": step.figures,
            }
        )
    return out


EXAM_DAY = 15
"""The day of the month an exam of a dated plan is taken to fall on: the middle, so a cycle
that runs from the exam day ends in the month of its anniversary, as the plan shows it."""


def _joined(ds: Dataset, dated: list[Record], log: Log | None = None) -> list[Record]:
    """The cycle each credential joins, and what that cycle owes, as ``ce status`` works them
    out (``queries.ce.credential_cycles``) from the exams' months: a credential joining the
    first cycle makes it owe the combined total; one joining a later cycle gets that cycle as
    its CE step, and a renewal at its end. Where an exam is not dated, its step stays "from
    the exam on", and the cycle it joins is unknown."""
    from .ce import credential_cycles
    from .renewal import combined_requirement

    exams = {m["cert"]: m for m in dated if m["kind"] == "exam" and m["start"]}
    by_id = {m["id"]: m for m in dated}
    dropped: set[str] = set()
    added: dict[str, Record] = {}
    logged = {} if log is None else {c["id"]: log.held[c["id"]] for c in _held_certs(ds, log.held)}
    issuers = dict.fromkeys(ds.certification(str(c))["issuer"] for c in exams)
    for issuer in issuers:
        key = issuer.lower()
        first, renew = by_id.get(f"ce-{key}"), by_id.get(f"renew-{key}")
        held = {c: d for c, d in logged.items() if ds.certification(c)["issuer"] == issuer}
        held |= {
            str(c): f"{m['start']}-{EXAM_DAY:02d}"
            for c, m in exams.items()
            if ds.certification(str(c))["issuer"] == issuer
        }
        if len(held) < 2:
            continue
        on = dt.date.fromisoformat(max(held.values()))
        recorded = {} if log is None else {k: v for k, v in log.recorded.items() if k == issuer}
        cycles = {c["credential"]: c for c in credential_cycles(ds, held, recorded, on)}
        anchor = cycles.get(str(first["cert"])) if first is not None else None
        if first is not None:
            if anchor is None or anchor["dates"] != "computed" or anchor["joins"] is None:
                continue
            need = combined_requirement(ds, anchor["with"])
            for step in (first, renew):
                if step is not None:
                    step["requirement"] = need
                    step["joins"] = _joins(anchor)
        for cert, joined in cycles.items():
            step = by_id.get(f"ce-{key}-{cert.lower()}")
            if step is None or (first is not None and cert == first["cert"]) or joined["joins"] is None:
                continue
            if joined["dates"] not in ("computed", "recorded"):
                continue
            if anchor is not None and joined["joins"] == anchor["joins"]:
                dropped.add(step["id"])  # it joins the first cycle, which now owes for it
                continue
            step.update(
                {
                    "start": joined["joins"][:7],
                    "end": joined["ends"][:7],
                    "months": parse_month(joined["ends"][:7]) - parse_month(joined["joins"][:7]),
                    "after": None,
                    "open_ended": False,
                    # a reporting date only where the issuer fixes one apart from the cycle's end
                    "due": joined["due"] if joined["due"] != joined["ends"] else None,
                    "requirement": combined_requirement(ds, joined["with"]),
                    "joins": _joins(joined),
                }
            )
            added[step["id"]] = {
                **step,
                "id": f"renew-{key}-{cert.lower()}",
                "kind": "renew",
                "start": joined["due"][:7],
                "end": joined["due"][:7],
                "months": 0,
                "figures": [f for f in step["figures"] if f["unit"] == "years"][-1:],
            }
    out = []
    for m in dated:
        if m["id"] not in dropped:
            out.append(m)
        if m["id"] in added:
            out.append(added[m["id"]])
    return out


def _joins(cycle: Record) -> Record:
    """A credential's cycle as ``credential_cycles`` gives it: when it joins, what it owes."""
    return {
        "credential": cycle["credential"],
        "earned": cycle["earned"],
        "start": cycle["joins"],
        "end": cycle["ends"],
        "due": cycle["due"],
        "required": cycle["required"],
        "with": cycle["with"],
        "unit": cycle["unit"],
    }


def _due(ds: Dataset, step: Step, end: int | None) -> str | None:
    """The reporting date of a renewal, where the issuer's rules fix one."""
    if step.kind not in ("renew", "ce") or end is None or step.cert is None:
        return None
    rules = renewal_rules(ds, ds.certification(step.cert)["issuer"])
    if rules is None:
        return None
    if rules["anchor"] == "calendar-year" and rules["due"] == "january-31-after":
        return f"{end // 12 + 1:04d}-01-31"
    return None


# the plan


def plan(ds: Dataset, req: Request, log: Log | None = None, *, others: bool = True) -> PlanOut:
    """The plan as JSON-ready records: inputs, milestones, routes, renewal, totals, gaps; from
    the CE log's credentials where ``log`` is given (and, with ``others``, what each other
    goal would take from there)."""
    goal = ds.goal(req.goal)
    him_level = LEVELS.index(req.education) if req.him else -1
    if req.education == "certificate":
        him_level = -1  # CAHIIM accredits programs from the associate level up
    held = [] if log is None else [c["id"] for c in _held_certs(ds, log.held)]
    state = State(level=LEVELS.index(req.education), him_level=him_level, credentials=frozenset(held))
    if him_level >= LEVELS.index("associate"):
        course = next((c for c in ds.section("education")["coursework"] if c["id"] == "associate"), None)
        state = replace(state, subjects=frozenset(s.casefold() for s in (course or {}).get("subjects", [])))
    planner = Planner(ds, req, None if log is None else _worked(log))
    steps: list[Step] = []
    if req.education == "none":
        steps.append(planner._school())
        state = replace(state, level=LEVELS.index("high-school"))
    via_until = goal["via_until"]
    skip_via = via_until is not None and LEVELS.index(req.education) >= LEVELS.index(via_until)
    for cert in [*([] if skip_via else goal["via"]), goal["target"]]:
        more, state = planner.credential(state, cert)
        steps += more
    _prepared_by_studies(steps)
    first_exam = next((s for s in steps if s.kind == "exam"), None)
    if first_exam is not None and log is None:  # a credential holder has had a first job
        job = ds.section("goals")["first_job"]
        at = steps.index(first_exam) + 1
        steps.insert(
            at,
            Step(
                id="first-job",
                kind="job",
                months=None,
                why=_why(job),
                link=link("workplaces"),
                after=first_exam.id,
                open_ended=True,
            ),
        )
    chose_as = any(s.route == _later_route(ds) for s in steps if s.kind == "study")
    if chose_as and not goal["degree"] and state.him_level < LEVELS.index("bachelor"):
        steps.append(planner._study(state, "bachelor"))  # the bachelor's the AS was chosen for
    logged: dict[str, list[str]] = {}
    for cred in held:
        logged.setdefault(ds.certification(cred)["issuer"], []).append(cred)
    steps += planner.keeping(steps, logged)
    dated = _joined(ds, _date(_calendar(ds, steps, req.start), req.start, ds), log)
    # in time order; steps dated from an undated one keep their order, after the rest
    milestones = sorted((m for m in dated if m["start"]), key=lambda m: str(m["start"]))
    milestones += [m for m in dated if not m["start"]]
    exams = [m for m in milestones if m["kind"] == "exam"]
    first = exams[0] if exams else None
    first_months = None
    if first and first["start"]:
        first_months = parse_month(first["start"]) - req.start
    used_routes = {m["route"] for m in milestones if m["route"]}
    used_certs = {m["cert"] for m in milestones if m["cert"]}
    issuers = dict.fromkeys(ds.certification(c)["issuer"] for c in sorted(used_certs))
    return {
        "inputs": {
            "education": req.education,
            "him": req.him,
            "goal": req.goal,
            "bachelor_later": req.bachelor_later,
            "start": month(req.start),
            "high_school_done": None if req.high_school_done is None else month(req.high_school_done),
        },
        "command": link("plan", *req.argv()),
        "goal": goal,
        "milestones": milestones,
        "routes": [_route_record(ds, c, planner.chosen.get(c)) for c in planner.chosen],
        "programs": [r for r in ds.routes if r["id"] in used_routes],
        "preparations": [
            ds.get("preparation", p) for p in dict.fromkeys(m["preparation"] for m in milestones) if p
        ],
        "accreditor": ds.section("education")["accreditation"]["body"],
        "transfer": ds.section("education")["transfer"],
        "credentials": [
            {"id": c["id"], "name": c["name"], "issuer": c["issuer"]}
            for c in ds.certifications
            if c["id"] in used_certs
        ],
        "renewal": [r for r in (renewal_rules(ds, i) for i in issuers) if r is not None],
        "totals": {
            "first_credential": first["cert"] if first else None,
            "months_to_first_credential": first_months,
            "first_credential_month": first["start"] if first else None,
            "pay": _pay(ds),
            "career_pay": _career_pay(ds, goal),
            "pay_factors": [ds.factor(f) for f in goal["pay_factors"]],
        },
        "gaps": [
            m["id"] for m in milestones if m["months"] is None and not m["open_ended"] and m["range"] is None
        ],
        "others": _others(ds, req, goal),
        "log": None if log is None else _from_log(ds, req, log, others=others),
    }


def _work_totals(ds: Dataset, log: Log) -> list[Record]:
    """The log's months of each kind of experience, as ``ce work list`` totals them."""
    from .worklog import work_list

    return [dict(t) for t in work_list(ds, [dict(w) for w in log.work])["totals"]]


def _worked(log: Log) -> dict[str, int]:
    """Months of each kind of experience in the log's work history."""
    from .worklog import months

    return months(log.work)


def _prepared_by_studies(steps: list[Step]) -> None:
    """An exam the reader is ready for by education gained earlier in the plan names that
    program as its preparation (``education`` is what the reader held at the start)."""
    studied: list[str] = []
    for step in steps:
        if step.kind in ("study", "prepare"):
            studied.append(step.id)
        elif step.kind == "exam" and step.prepared and step.prepared["held"] == ["education"] and studied:
            step.prepared = {"steps": [studied[-1]], "held": []}


def _from_log(ds: Dataset, req: Request, log: Log, *, others: bool) -> Record:
    """What the CE log holds and what follows from it: each credential, each issuer's current
    cycle (the next renewal, as ``ce status`` dates it), and, for every goal whose credential
    is not held yet, when its exam could be and what adding it costs in continuing education."""
    from .ce import issuers, today

    held = {c["id"]: log.held[c["id"]] for c in _held_certs(ds, log.held)}
    on = today()
    found, _ = issuers(ds, held, dict(log.recorded), [], on)
    renewals = []
    for iss in found:
        index = iss.current(on)
        cycle = None if index is None else iss.cycles[index]
        renewals.append(
            {
                "issuer": iss.id,
                "credentials": sorted(iss.creds),
                "dates": "unknown" if iss.unknown else ("none" if not iss.cycles else "computed"),
                "start": None if cycle is None else cycle["start"].isoformat(),
                "end": None if cycle is None else cycle["end"].isoformat(),
                "due": None if cycle is None else cycle["due"].isoformat(),
                "required": None if cycle is None else cycle["required"],
                "unit": (iss.rules or {}).get("unit"),
                "recorded": bool(cycle and cycle["recorded"]),
            }
        )
    ahead = []
    for goal in ds.section("goals")["goals"] if others else []:
        if goal["target"] in held:
            continue
        sub = plan(ds, replace(req, goal=goal["id"]), log, others=False)
        exam = next(
            (m for m in sub["milestones"] if m["kind"] == "exam" and m["cert"] == goal["target"]), None
        )
        issuer = ds.certification(goal["target"])["issuer"]
        mine = [c for c in held if ds.certification(c)["issuer"] == issuer]
        added = [str(m["cert"]) for m in sub["milestones"] if m["kind"] == "exam"]
        added = [c for c in added if ds.certification(c)["issuer"] == issuer]
        rules = renewal_rules(ds, issuer)
        now = combined_requirement(ds, mine)["total"] if mine and rules else None
        then = combined_requirement(ds, mine + added)["total"] if rules else None
        joins = next(
            (
                m["joins"]
                for m in sub["milestones"]
                if m["kind"] == "ce" and m["cert"] == goal["target"] and m["joins"]
            ),
            None,
        )
        ahead.append(
            {
                "goal": goal["id"],
                "label": goal["label"],
                "target": goal["target"],
                "issuer": issuer,
                "exam": None if exam is None else exam["start"],
                "after": None if exam is None else exam["after"],
                "gaps": sub["gaps"],
                "ce_now": now,
                "ce_then": then,
                "unit": None if rules is None else rules["unit"],
                "joins": None if joins is None else joins["start"],
                "link": link("plan", *replace(req, goal=goal["id"]).argv()),
            }
        )
    return {
        "credentials": [
            {"credential": c, "issuer": ds.certification(c)["issuer"], "earned": d} for c, d in held.items()
        ],
        "work": _work_totals(ds, log),
        "renewals": renewals,
        "next": ahead,
    }


def _others(ds: Dataset, req: Request, goal: Record) -> list[Record]:
    """Goals that reach the same kind of work another way, each with the command that plans
    it and what the sources say about which fits where (the credentials' comparisons)."""
    out = []
    for other_id in goal["others"]:
        other = ds.goal(other_id)
        said: dict[str, Record] = {}
        for cert in (goal["target"], other["target"]):
            for fact in ds.certification(cert)["compared"]:
                said.setdefault(fact["text"], {k: fact[k] for k in ("text", "source", "flag")})
        argv = replace(req, goal=other_id).argv()
        out.append(
            {
                "goal": other_id,
                "label": other["label"],
                "link": link("plan", *argv),
                "compared": list(said.values()),
            }
        )
    return out


def _calendar(ds: Dataset, steps: list[Step], start: int) -> list[Step]:
    """Steps with calendar-year cycles (NCRA) given the length that ends them on 31 December
    of the exam year plus the cycle's length. Needs the exam's month, so it is worked out on
    a first dating of the steps."""
    first = {m["id"]: m for m in _date(steps, start, ds)}
    out = []
    for step in steps:
        exam = first.get(step.after or "")
        if step.kind == "ce" and exam and exam["kind"] == "exam" and exam["start"] and step.months:
            rules = renewal_rules(ds, ds.certification(str(step.cert))["issuer"])
            if rules is not None and rules["anchor"] == "calendar-year":
                exam_month = parse_month(exam["start"])
                end = (exam_month // 12 + step.months // 12) * 12 + 11
                step = replace(step, months=end - exam_month)
        out.append(step)
    return out


def _later_route(ds: Dataset) -> str:
    """The associate route chosen when a bachelor's may follow (the AS)."""
    return str(ds.section("education")["choice_rule"]["if_bachelor_later"])


def _route_record(ds: Dataset, cert_id: str, pathway: Record | None) -> Record:
    cert = ds.certification(cert_id)
    others = [p for p in cert["eligibility"]["pathways"] if pathway is None or p["id"] != pathway["id"]]
    return {
        "certification": cert["id"],
        "pathway": pathway,
        "other_pathways": [
            {"id": p["id"], "text": p["text"], "recommended": p["recommended"]} for p in others
        ],
        "minimum_education": cert["eligibility"]["minimum_education"],
        "missing": cert["eligibility"]["missing"],
    }


def _pay(ds: Dataset) -> list[Record]:
    """The newest median annual wage: ``figures.newest_median``, the one every command shows."""
    from .figures import newest_median

    annual, _ = newest_median(ds)
    return [] if annual is None else [annual]


def _career_pay(ds: Dataset, goal: Record) -> Record | None:
    """The goal's career and the survey figures ``careers`` shows for it (AAPC members'
    averages for coders), each with the survey it comes from; None for a goal whose career
    has no survey figures (its occupation's median is the plan's pay already)."""
    careers = (ds.sections.get("careers") or {}).get("careers", [])
    career = next(
        (c for c in careers if c["survey_pay"] and (goal["id"] == c["goal"] or goal["id"] in c["goals"])),
        None,
    )
    if career is None:
        return None
    from .careers import survey_pay

    return {
        "career": career["id"],
        "title": career["title"],
        "survey_pay": [survey_pay(ds, f) for f in career["survey_pay"]],
        "link": link("careers", career["id"]),
    }


def goal_link(ds: Dataset, goal: Record, path: list[int | str]) -> Link:
    """A goal is planned for with ``plan --goal``."""
    return link("plan", "--goal", goal["id"])
