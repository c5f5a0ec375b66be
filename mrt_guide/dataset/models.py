"""Pydantic models of the dataset, one root model per file in ``data/``.

Validation is strict: JSON types only (a number written as ``"37110"`` or a boolean
as ``"no"`` is a fault, not a guess), no unknown keys, finite numbers within sane
bounds for their unit, text without control characters and within a length limit.
What the models accept is exactly what the commands read: the loader keeps the
models' own dump (``model_dump(mode="json")``), defaults filled in.

Fields that name another record carry a ``Ref`` marker and fields that define a
record's identity carry a ``Key`` marker; ``mrt_guide.dataset.checks`` walks both
to prove that ids are unique and that every reference resolves, and builds the
index of every keyed record from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from ..textsafe import unsafe
from .levels import Level


@dataclass(frozen=True)
class Key:
    """Marks a field whose value identifies a record of ``kind``."""

    kind: str


@dataclass(frozen=True)
class Ref:
    """Marks a field whose value must be the ``Key`` of a record of ``kind``."""

    kind: str


def _safe(text: str) -> str:
    found = unsafe(text)
    if found is not None:
        raise ValueError(
            f"Text holds the control or invisible character {found}; remove it "
            "(a data file may hold letters, digits, punctuation, spaces, tabs and newlines)."
        )
    return text


def _date(text: str) -> str:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a calendar date; write it as YYYY-MM-DD.") from None
    return text


TEXT_MAX = 2000
"""Longest prose field; a label or name is shorter (LABEL_MAX)."""
LABEL_MAX = 200

Text = Annotated[
    str, StringConstraints(min_length=1, max_length=TEXT_MAX, strip_whitespace=True), AfterValidator(_safe)
]
Label = Annotated[
    str, StringConstraints(min_length=1, max_length=LABEL_MAX, strip_whitespace=True), AfterValidator(_safe)
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$", max_length=16)]
Year = Annotated[int, Field(ge=1990, le=2100)]
IsoDate = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$"), AfterValidator(_date)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"]+$", max_length=LABEL_MAX * 2)]

SourceKey = Annotated[Slug, Ref("source")]
FigureRef = Annotated[Slug, Ref("figure")]
CertRef = Annotated[Code, Ref("certification")]
DegreeRef = Annotated[Slug, Ref("degree")]
ExperienceKindRef = Annotated[Slug, Ref("experience-kind")]

Flag = Literal["official", "secondary", "article-only"]
SourceKind = Literal["official", "secondary", "article"]
Unit = Literal[
    "usd_per_year",
    "usd_per_hour",
    "percent",
    "jobs",
    "workers",
    "months",
    "years",
    "hours",
    "ceu",
    "ce_hours",
    "questions",
    "credit_hours",
    "minutes",
    "days",
    "usd",
    "cases",
]
Measure = Literal[
    "median",
    "mean",
    "p10",
    "p25",
    "p75",
    "p90",
    "employment",
    "growth",
    "new_jobs",
    "base_employment",
    "target_employment",
    "openings",
]
Qualifier = Literal["up to", "at least", "about"]

# Which source kinds may back a record of each flag.
FLAG_SOURCE_KIND: dict[str, str] = {
    "official": "official",
    "secondary": "secondary",
    "article-only": "article",
}

UNIT_BOUNDS: dict[str, tuple[float, float]] = {
    "usd_per_year": (1, 2_000_000),
    "usd_per_hour": (0.01, 1_000),
    "percent": (-100, 1_000),
    "jobs": (-100_000_000, 100_000_000),
    "workers": (1, 1_000_000_000),
    "months": (0.5, 600),
    "years": (0.1, 60),
    "hours": (0.5, 100_000),
    "ceu": (0.5, 1_000),
    "ce_hours": (0.5, 1_000),
    "questions": (1, 10_000),
    "credit_hours": (0.5, 1_000),
    "minutes": (1, 10_000),
    "days": (1, 3_650),
    "usd": (0.01, 1_000_000),
    "cases": (1, 10_000),
}
"""Sane range of a figure's value (and upper end) per unit; outside it is a typing accident."""


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, strict=True, allow_inf_nan=False, str_max_length=TEXT_MAX
    )


class ArticleClaim(Model):
    """How the seed article words a fact, where it differs from the record."""

    says: Text = Field(description="The article's own wording.")
    value: float | int | None = Field(default=None, description="The article's figure, where it differs.")
    correction: Text | None = Field(
        default=None, description="What is correct, where the article is wrong or imprecise."
    )


class Sourced(Model):
    """A record that names its source and how far to trust it."""

    source: SourceKey = Field(description="Key of a record in sources.json.")
    flag: Flag = Field(description="official, secondary or article-only; must match the source's kind.")


class Figure(Sourced):
    """One number: money, percent, count or duration, with its vintage and source."""

    id: Annotated[Slug, Key("figure")]
    label: Label = Field(description="What the number is, e.g. 'Median annual wage'.")
    value: float | int
    upper: float | int | None = Field(default=None, description="Upper end of a range.")
    unit: Unit
    qualifier: Qualifier | None = None
    year: Year = Field(description="The year the figure describes (its vintage).")
    year_end: Year | None = Field(default=None, description="Last year, for a period such as 2016-26.")
    measure: Measure | None = None
    article: ArticleClaim | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _ranges(self) -> Figure:
        low, high = UNIT_BOUNDS[self.unit]
        for name, number in (("value", self.value), ("upper", self.upper)):
            if number is not None and not low <= number <= high:
                raise ValueError(
                    f"{name} {number:g} is outside the range for {self.unit} ({low:g} to {high:g})"
                )
        if self.upper is not None and self.upper <= self.value:
            raise ValueError("upper must be greater than value")
        if self.year_end is not None and self.year_end <= self.year:
            raise ValueError("year_end must be after year")
        return self


class Fact(Sourced):
    """One statement in words, with the figures it rests on."""

    id: Annotated[Slug, Key("fact")]
    text: Text
    figures: list[Figure] = []
    article: ArticleClaim | None = None
    note: Text | None = None


class Link(Model):
    """A command that tells more, e.g. ``{"command": "certs", "args": ["RHIT"]}``."""

    command: Slug
    args: list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*$", max_length=40)]] = []


# sources.json


class Source(Model):
    key: Annotated[Slug, Key("source")]
    title: Label
    publisher: Label
    url: Url | None
    kind: SourceKind
    vintage: Year = Field(description="The year the source describes or was current.")
    note: Text | None
    file: Label | None = Field(
        default=None,
        description="The publisher's own file the figures were read from, in the repository's official/.",
    )
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        default=None, description="SHA-256 of that file."
    )

    @model_validator(mode="after")
    def _official_has_url(self) -> Source:
        if self.kind == "official" and self.url is None:
            raise ValueError("an official source needs a url")
        return self


class SourcesFile(Model):
    sources: list[Source] = Field(min_length=1)


# occupation.json


class Quick(Model):
    """What ``mrt-guide facts`` leads with, where a choice is the guide's and not a figure's."""

    credential: CertRef = Field(description="The credential of the job.")
    route: DegreeRef = Field(description="The usual way in, whose length is the time to the credential.")
    entry: Annotated[Slug, Ref("fact")] = Field(description="What BLS lists as the typical entry education.")


class OccupationFile(Model):
    title: Label
    also_called: list[Label]
    summary: list[Fact]
    specialties: list[Fact]
    classification: list[Fact]
    quick: Quick | None = None


# steps.json


class StepDuration(Model):
    text: Text | None
    figures: list[FigureRef]

    @model_validator(mode="after")
    def _not_empty(self) -> StepDuration:
        if self.text is None and not self.figures:
            raise ValueError("give a text or at least one figure")
        return self


class Step(Sourced):
    id: Annotated[Slug, Key("step")]
    title: Label
    summary: Text
    actions: list[Text] = Field(min_length=1)
    duration: StepDuration
    certifications: list[CertRef]
    degrees: list[DegreeRef]
    see: list[Link] = Field(min_length=1, description="Commands that tell more.")


class StepsFile(Model):
    steps: list[Step] = Field(min_length=1)


# education.json


class Purpose(Model):
    """What a route prepares for, in words a reader understands."""

    id: Annotated[Slug, Key("purpose")]
    label: Label


class RouteLead(Sourced):
    """Where a route leads, or does not: credentials its holders can sit (``qualifies``) or
    cannot sit on it alone."""

    text: Text
    certifications: list[CertRef] = Field(min_length=1)
    qualifies: bool


class Route(Sourced):
    id: Annotated[Slug, Key("degree")]
    short: Annotated[Label, StringConstraints(max_length=16)] = Field(
        description="Short name, also accepted as an id on the command line."
    )
    name: Label
    level: Level
    duration: Figure | None
    duration_note: Text | None = None
    prepares_for: list[Annotated[Slug, Ref("purpose")]] = Field(min_length=1)
    coursework: Annotated[Slug, Ref("coursework")] | None
    summary: Text
    leads: list[RouteLead] = Field(
        default=[], description="Credentials the route leads to, or does not, each with its source."
    )
    after_associate: Figure | None = Field(
        default=None,
        description="The shortest length the sources give for this program after an associate degree; "
        "with ``duration`` the range a plan shows (transfer credit decides: ask the program).",
    )

    @model_validator(mode="after")
    def _duration_or_note(self) -> Route:
        if self.duration is None and self.duration_note is None:
            raise ValueError("a route without a duration needs a duration_note saying why")
        return self


class Coursework(Sourced):
    id: Annotated[Slug, Key("coursework")]
    title: Label
    subjects: list[Label] = Field(min_length=1)


class ChoiceRule(Sourced):
    text: Text
    if_bachelor_later: DegreeRef
    if_no_bachelor_later: DegreeRef


class Accreditation(Model):
    body: Label
    name: Label
    advice: Fact
    scope: Fact
    why: Fact


class SubjectList(Sourced):
    id: Annotated[Slug, Key("fact")]
    text: Text
    subjects: list[Label] = Field(min_length=1)


class EducationFile(Model):
    requirement: Fact
    bls_entry: list[Fact]
    purposes: list[Purpose] = Field(min_length=1)
    routes: list[Route] = Field(min_length=1)
    coursework: list[Coursework]
    choice_rule: ChoiceRule
    accreditation: Accreditation
    high_school: SubjectList
    where_to_study: list[Fact]
    transfer: Fact | None = Field(default=None, description="Whether earlier credit shortens a program.")


# certifications.json


class ExamRules(Model):
    """What holds for every exam of one issuer (buying it, delivery, scoring, retakes)."""

    facts: list[Fact] = Field(min_length=1)
    not_found: list[Label] = Field(
        default=[], description="Looked for and not found: shown once, as unknown."
    )


class Issuer(Sourced):
    id: Annotated[Code, Key("issuer")]
    name: Label
    exams: ExamRules | None = Field(default=None, description="Rules common to all of the issuer's exams.")


class Recertification(Model):
    issuer: Annotated[Code, Ref("issuer")]
    rules: list[Fact]


class Pathway(Sourced):
    """One way to become eligible for a credential."""

    id: Annotated[Slug, Key("pathway")]
    text: Text
    education: Level | None = Field(description="Lowest education level this way requires.")
    accredited_by: Literal["CAHIIM", "NCRA"] | None = Field(
        description="Who must accredit the education program, if anyone."
    )
    credentials: list[CertRef] = Field(
        description="Credentials that qualify in place of the education level (any one)."
    )
    coursework: Label | None = Field(default=None, description="A subject that must have been studied.")
    extra_program: Text | None = Field(default=None, description="A further program to complete, if any.")
    experience: Figure | None
    experience_kind: ExperienceKindRef | None = Field(
        default=None,
        description="The kind of work the experience is (an ``experience_kinds`` id): what the CE log's "
        "work history is counted against.",
    )
    figures: list[Figure] = []
    recommended: bool = Field(description="True where the issuer recommends rather than requires it.")
    preparation_instead: bool = Field(
        default=False,
        description="True where the credential's preparation (a completed course) stands in for "
        "this way's experience.",
    )


class Eligibility(Model):
    minimum_education: Level | None
    required: list[Fact] = Field(
        default=[],
        description="What every candidate must have, whichever route (a diploma, say); the pathways "
        "then say how to qualify, or what the issuer recommends.",
    )
    pathways: list[Pathway]
    missing: Text | None = Field(description="What the dataset lacks, where no pathway is known.")
    plan_experience: FigureRef | None = Field(
        default=None,
        description="Experience a plan puts before the exam even where another route skips it: the "
        "issuer's recommended minimum for an exam meant for experienced holders.",
    )

    @model_validator(mode="after")
    def _pathways_or_missing(self) -> Eligibility:
        if not self.pathways and self.missing is None:
            raise ValueError("give at least one pathway, or say in 'missing' what is not known")
        return self


class Exam(Model):
    facts: list[Fact]
    figures: list[Figure]


class Renewal(Model):
    ceus: Figure = Field(description="Continuing education owed per cycle.")
    cycle: Figure = Field(description="Length of one cycle.")
    rules: list[Fact]


class Lead(Sourced):
    text: Text
    certifications: list[CertRef]
    degrees: list[DegreeRef]


class Rename(Sourced):
    id: Code
    name: Label
    date: IsoDate


class Removal(Sourced):
    """One way to have an apprentice status removed: the verified work it takes, and more."""

    id: Annotated[Slug, Key("removal")]
    text: Text
    experience: Figure = Field(description="Verified work this way needs.")
    experience_kind: ExperienceKindRef | None = Field(
        default=None, description="The kind of work it is (an ``experience_kinds`` id)."
    )
    figures: list[Figure] = Field(default=[], description="Other figures the way names (a course's hours).")


class Apprentice(Sourced):
    """Passing the exam without the experience the issuer asks for gives an apprentice
    status (the credential's id with "-A"), until it is removed one of the ``removal`` ways."""

    id: Code = Field(description="The apprentice title, e.g. CPC-A; also one of the credential's aliases.")
    text: Text
    removal: list[Removal] = Field(min_length=1)
    rules: list[Fact] = Field(default=[], description="How the experience is proved, and earlier rules.")


class Preparation(Sourced):
    """How a candidate gets ready for an exam that asks no proof of training: a course, the
    subject that shows it was done, its length where a source gives one."""

    id: Annotated[Slug, Key("preparation")]
    label: Label
    text: Text
    subject: Label = Field(description="A coursework subject that shows this preparation was done.")
    length: Figure | None = Field(description="How long it takes, where a source gives it.")
    length_missing: Text | None = Field(default=None, description="What is not known about its length.")
    figures: list[FigureRef] = Field(default=[], description="Figures that size it (a course's hours).")
    removal: Annotated[Slug, Ref("removal")] | None = Field(
        default=None, description="The way of removing an apprentice status this preparation counts toward."
    )

    @model_validator(mode="after")
    def _length_or_missing(self) -> Preparation:
        if self.length is None and self.length_missing is None:
            raise ValueError("a preparation without a length needs length_missing saying so")
        return self


class Certification(Sourced):
    id: Annotated[Code, Key("certification")]
    aliases: list[Code]
    name: Label
    issuer: Annotated[Code, Ref("issuer")]
    audience: Text
    renamed_from: Rename | None
    eligibility: Eligibility
    exam: Exam | None
    renewal: Renewal
    leads_to: list[Lead]
    article: ArticleClaim | None
    apprentice: Apprentice | None = Field(
        default=None, description="The apprentice status, where there is one."
    )
    compared: list[Lead] = Field(
        default=[], description="How it differs from credentials it is confused with, each linking them."
    )
    not_found: list[Label] = Field(
        default=[],
        description="What was looked for and not found (exam fee, eligibility rules): said once, as unknown.",
    )
    survey_pay: list[FigureRef] = Field(
        default=[],
        description="Figures of pay.json's members' surveys for holders of this credential, newest first.",
    )
    preparation: Annotated[Slug, Ref("preparation")] | None = Field(
        default=None, description="How a candidate without the training prepares for the exam."
    )


class ExperienceKind(Model):
    """A kind of work experience an eligibility pathway asks for (the roles 'ce work add' logs)."""

    id: Annotated[Slug, Key("experience-kind")]
    label: Label


class CertificationsFile(Model):
    issuers: list[Issuer] = Field(min_length=1)
    experience_kinds: list[ExperienceKind] = Field(
        default=[], description="The kinds of work experience the pathways ask for."
    )
    preparations: list[Preparation] = Field(
        default=[], description="Ways to prepare for exams, shared by the credentials that name them."
    )
    benefits: list[Fact]
    recertification: list[Recertification] = Field(
        default=[], description="Renewal rules in words (0.1 datasets); renewal.json holds them as rules now."
    )
    certifications: list[Certification] = Field(min_length=1)


# pay.json


class Spread(Model):
    id: Annotated[Slug, Key("spread")]
    title: Label
    figures: list[FigureRef] = Field(min_length=2)


class Factor(Sourced):
    id: Annotated[Slug, Key("factor")]
    text: Text
    evidence: list[FigureRef]
    note: Text | None = None


class Survey(Sourced):
    """A salary survey a professional body ran among its own members: self-reported
    averages, kept apart from the BLS figures."""

    id: Annotated[Slug, Key("survey")]
    title: Label
    year: Year = Field(description="The year the survey describes.")
    population: Text = Field(description="Who answered, e.g. 'AAPC members (self-reported)'.")
    figures: list[Figure] = Field(min_length=1)
    note: Text | None = None


class PayFile(Model):
    figures: list[Figure] = Field(min_length=1)
    headline: list[FigureRef] = Field(min_length=1)
    spreads: list[Spread]
    factors: list[Factor]
    surveys: list[Survey] = Field(default=[], description="Members' salary surveys, apart from BLS figures.")


# outlook.json


class Projection(Sourced):
    id: Annotated[Slug, Key("projection")]
    start: Year
    end: Year
    growth: Figure
    new_jobs: Figure | None
    base_employment: Figure | None
    note: Text | None
    target_employment: Figure | None = Field(
        default=None, description="Employment projected for the end year."
    )
    openings: Figure | None = Field(
        default=None, description="Openings a year, on average (growth and workers who leave)."
    )
    all_occupations: Figure | None = Field(
        default=None, description="BLS's growth for all occupations over the same period, to compare."
    )
    education: Label | None = Field(default=None, description="The typical education needed for entry.")

    @model_validator(mode="after")
    def _period(self) -> Projection:
        if self.end <= self.start:
            raise ValueError("end must be after start")
        return self


class OutlookFile(Model):
    trend: Fact
    projections: list[Projection] = Field(min_length=1)
    employment: list[Figure] = Field(description="Employment counts outside the projections.")
    article_projection: Annotated[Slug, Ref("projection")]
    drivers: list[Fact]
    comparison: Fact


# work.json


class Setting(Sourced):
    id: Annotated[Slug, Key("setting")]
    name: Label
    note: Text | None


class EmployerShare(Model):
    id: Annotated[Slug, Key("employer")]
    employer: Label
    setting: Annotated[Slug, Ref("setting")] | None
    share: Figure


class Industry(Model):
    id: Annotated[Slug, Key("industry")]
    industry: Label
    setting: Annotated[Slug, Ref("setting")] | None
    employment: Figure
    mean_wage: Figure


class FactList(Model):
    """A titled list of statements from one publication, e.g. O*NET's tasks."""

    title: Label
    items: list[Fact] = Field(min_length=1)


class WorkFile(Model):
    duties_intro: Fact
    duties: list[Fact] = Field(min_length=1)
    skills_intro: list[Fact]
    skills: list[Fact] = Field(min_length=1)
    environment: list[Fact]
    settings: list[Setting] = Field(min_length=1)
    employer_shares: list[EmployerShare]
    industries: list[Industry]
    pay_by_setting: Annotated[Slug, Ref("factor")]
    definition: Fact | None = Field(default=None, description="The occupation as O*NET defines it.")
    tasks: FactList | None = Field(default=None, description="O*NET's task list, in O*NET's order.")
    bls_duties: FactList | None = Field(default=None, description="The BLS handbook's list of duties.")
    qualities: FactList | None = Field(default=None, description="The BLS handbook's important qualities.")
    covered: list[Annotated[Slug, Ref("fact")]] = Field(
        default=[],
        description="Items of the article's lists that the official lists above already say: "
        "kept in the records, not repeated in the views.",
    )


# goals.json


class Goal(Sourced):
    """A goal a reader can plan for (``mrt-guide plan --goal``), and the credential it leads to."""

    id: Annotated[Slug, Key("goal")]
    label: Label
    target: CertRef = Field(description="The credential the plan leads to.")
    via: list[CertRef] = Field(
        default=[],
        description="Credentials earned on the way, in order.",
    )
    via_until: Level | None = Field(
        default=None, description="Readers with this education or more go straight to the target."
    )
    also: list[CertRef] = Field(description="Related credentials the plan mentions.")
    degree: DegreeRef | None = Field(description="A degree the goal needs beyond the target's eligibility.")
    pay_factors: list[Annotated[Slug, Ref("factor")]]
    others: list[Annotated[Slug, Ref("goal")]] = Field(
        default=[], description="Goals that reach the same kind of work another way (the CPC beside the CCS)."
    )


class GoalsFile(Model):
    goals: list[Goal] = Field(min_length=1)
    first_job: Fact
    high_school: Fact


# renewal.json: how each issuer's credentials are kept, as rules a program can apply


CycleAnchor = Literal["exam-date", "calendar-year"]
"""``exam-date``: a cycle runs its length from the day the exam was passed, then again
(AHIMA). ``calendar-year``: the first cycle ends on 31 December of the exam year plus the
cycle's length; later cycles run 1 January to 31 December that many years later (NCRA)."""
Due = Literal["cycle-end", "january-31-after"]
"""When the cycle's continuing education must be reported."""
Tag = Annotated[str, StringConstraints(pattern=r"^[a-z]+(?:_[a-z]+)*$", max_length=32)]
"""What an activity in the CE log may be marked as (the log stores the id); ``tags`` in
renewal.json says what each means, and the rules below count them."""


class CeTag(Model):
    """A mark an activity in the CE log may carry (``ce add --tag ID``), counted by the rules
    of ``issuers`` that name it."""

    id: Annotated[Tag, Key("ce-tag")]
    words: Label = Field(description="How a rule's line says it: 'in the HIM domains'.")
    short: Label = Field(description="In a list of activities: 'HIM domains'.")
    help: Text = Field(description="What the mark means, for the option's help and completion.")
    issuers: list[Annotated[Code, Ref("issuer")]] = Field(min_length=1)
    default: bool = Field(
        default=False,
        description="Marked unless the user says otherwise (--no-tag ID), where an issuer counts it.",
    )


class Share(Sourced):
    """At least ``share`` (a percent figure) of the cycle's requirement must carry ``tag``."""

    id: Annotated[Slug, Key("renewal-rule")]
    tag: Tag
    share: FigureRef
    applies_from: IsoDate | None = Field(description="First cycle date the rule applies to, if not always.")
    text: Text


class Minimum(Sourced):
    """At least ``amount`` (a figure in the issuer's unit) carrying ``tag``, counted over
    ``over_cycles`` consecutive cycles."""

    id: Annotated[Slug, Key("renewal-rule")]
    tag: Tag
    amount: FigureRef
    over_cycles: int = Field(default=1, ge=1, le=4)
    applies_from: IsoDate | None
    text: Text


class Example(Model):
    """One of the issuer's own worked examples: these credentials together owe ``total``."""

    credentials: list[CertRef] = Field(min_length=2)
    total: float | int = Field(gt=0, le=1_000)


class Combined(Sourced):
    """What several credentials of one issuer owe in one cycle.

    ``highest-plus-extra``: the highest single requirement, plus ``extra`` for each further
    credential, at most ``cap``. ``ladder``: ``ladder[n-1]`` for n credentials (the last
    step for more)."""

    rule: Literal["highest-plus-extra", "ladder"]
    extra: FigureRef | None = None
    cap: FigureRef | None = None
    ladder: list[FigureRef] = []
    derived: bool = Field(
        description="True where the rule is inferred from the issuer's examples, not stated."
    )
    examples: list[Example] = []
    text: Text

    @model_validator(mode="after")
    def _complete(self) -> Combined:
        if self.rule == "highest-plus-extra" and (self.extra is None or self.cap is None):
            raise ValueError("a highest-plus-extra rule needs extra and cap")
        if self.rule == "ladder" and not self.ladder:
            raise ValueError("a ladder rule needs its ladder")
        return self


class Replacement(Sourced):
    """Once ``holder`` is granted, ``replaces`` is no longer kept separately."""

    holder: CertRef
    replaces: CertRef
    text: Text


class Counting(Sourced):
    """How time turns into units: one unit per ``minutes_per_unit``; a remainder of at least
    ``round_up_from`` minutes counts as a unit, a smaller one not at all."""

    minutes_per_unit: FigureRef
    round_up_from: FigureRef
    text: Text


class AfterEnd(Sourced):
    """What happens when a cycle ends unmet: ``status`` from ``after_days`` past the deadline."""

    status: Label
    after_days: FigureRef | None
    text: Text


FeeDue = Literal["january-31", "cycle-end", "membership-date"]
"""When a fee is due: every 31 January (NCRA), by the cycle's last day (AHIMA), or on the
holder's membership due date (AAPC, which only the holder knows)."""


class Fee(Sourced):
    """A fee that keeps the credentials: how often and by when, and what it costs where the
    sources say (``figures``, in usd); what was looked for and not found stays unknown."""

    id: Annotated[Slug, Key("renewal-fee")]
    label: Label = Field(description="What the fee is, e.g. 'Annual certification maintenance fee'.")
    every: Literal["year", "cycle"]
    due: FeeDue
    text: Text
    figures: list[Figure] = Field(default=[], description="The amounts the sources give.")
    not_found: list[Text] = Field(default=[], description="Amounts looked for, not found: shown as unknown.")


class IssuerRenewal(Sourced):
    """How one issuer's credentials are kept."""

    issuer: Annotated[Code, Ref("issuer")]
    unit: Literal["ceu", "ce_hours"]
    anchor: CycleAnchor
    due: Due
    carry_over: bool = Field(description="Whether units beyond the requirement count in the next cycle.")
    cycle_text: Text = Field(description="The cycle rule in words, as the issuer states it.")
    dates_set_by_issuer: Text | None = Field(
        description="Where the issuer, not the rule, sets a cycle's exact dates (say how to find them)."
    )
    combined: Combined | None
    replacements: list[Replacement] = []
    shares: list[Share] = []
    minimums: list[Minimum] = []
    counting: Counting | None = None
    after_end: list[AfterEnd] = []
    not_found: list[Text] = Field(default=[], description="Rules looked for and not found: shown as unknown.")
    figures: list[Figure] = Field(default=[], description="Figures the rules above name, where kept here.")
    ends_on_membership_date: bool = Field(
        default=False,
        description="True where each period ends on the holder's membership due date (AAPC), which only "
        "the holder knows; ``anchor`` then says where the first period starts, not when it ends.",
    )
    first_period_prorated: bool | None = Field(
        default=None,
        description="True where the first period's requirement is prorated; null where not stated.",
    )
    rules: list[Fact] = Field(
        default=[], description="Further rules in words (where units may come from, audits, fees)."
    )
    fees: list[Fee] = Field(default=[], description="Fees that keep the credentials, and when they are due.")


class RenewalFile(Model):
    """Added in 0.2.0: optional, so a dataset made for 0.1 stays valid (with no rules)."""

    issuers: list[IssuerRenewal] = []
    tags: list[CeTag] = Field(
        default=[], description="What a CE activity may be marked as (the rules' ``tag``), in words."
    )


# states.json: pay where you live (added in 0.3.0: optional, so an older dataset stays valid)


StateCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
"""A U.S. postal code: ``NJ``, ``DC``, ``PR``."""
SocCode = Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}$")]
"""A Standard Occupational Classification code: ``29-2072``."""
PLACE_MEASURES: dict[str, tuple[str, ...]] = {
    "mean": ("usd_per_year", "usd_per_hour"),
    "median": ("usd_per_year", "usd_per_hour"),
    "p10": ("usd_per_year", "usd_per_hour"),
    "p25": ("usd_per_year", "usd_per_hour"),
    "p75": ("usd_per_year", "usd_per_hour"),
    "p90": ("usd_per_year", "usd_per_hour"),
    "employment": ("workers",),
}
"""What a figure for a place may measure, and in which units."""


class PlaceFigure(Figure):
    """A figure for a state or the nation: it must say what it measures (a mean is not a median)."""

    @model_validator(mode="after")
    def _measured(self) -> PlaceFigure:
        units = PLACE_MEASURES.get(self.measure or "")
        if units is None:
            raise ValueError(f"give the measure: one of {', '.join(PLACE_MEASURES)}")
        if self.unit not in units:
            raise ValueError(f"a {self.measure} figure is in {' or '.join(units)}, not {self.unit}")
        return self


def _one_record_per_figure(figures: list[PlaceFigure]) -> None:
    seen: set[tuple[Any, ...]] = set()
    for fig in figures:
        what = (fig.measure, fig.unit, fig.year, fig.source)
        if what in seen:
            raise ValueError(
                f"two {fig.measure} figures in {fig.unit} for {fig.year} from {fig.source}; keep one"
            )
        seen.add(what)


class Area(Model):
    """A metropolitan or nonmetropolitan area of the OEWS survey, under its main state."""

    id: Annotated[str, StringConstraints(pattern=r"^\d{1,7}$"), Key("area")] = Field(
        description="The OEWS area code."
    )
    name: Label
    kind: Literal["metro", "nonmetro"]
    figures: list[PlaceFigure] = []

    @model_validator(mode="after")
    def _one_each(self) -> Area:
        _one_record_per_figure(self.figures)
        return self


class State(Model):
    """A state (or the District of Columbia, or a territory) and its figures; none is unknown."""

    id: Annotated[StateCode, Key("state")] = Field(description="Postal code, e.g. NJ.")
    name: Label
    note: Text | None = None
    figures: list[PlaceFigure] = []
    areas: list[Area] = Field(default=[], description="Areas within it, from an imported OEWS file.")

    @model_validator(mode="after")
    def _one_each(self) -> State:
        _one_record_per_figure(self.figures)
        return self


class OccupationCode(Sourced):
    """An occupation code and title, and the sources whose figures are published under it: the
    occupation definition each source's figures are for."""

    code: Annotated[SocCode, Key("soc")] | None = Field(
        description="The SOC code; null for a group BLS published without one the dataset records."
    )
    title: Label
    figures_from: list[SourceKey] = Field(description="Sources whose figures are for this code.")
    note: Text | None = None
    broader: bool = Field(
        default=False,
        description="True for a broader group that includes the occupation (29-2098): its figures are "
        "not the occupation's own.",
    )


class StatesFile(Model):
    """Pay by state. ``national`` holds the national rows of the same tables, for comparing
    like with like; figures imported from an official OEWS file join these at load time."""

    codes: list[OccupationCode] = []
    national: list[PlaceFigure] = []
    states: list[State] = []

    @model_validator(mode="after")
    def _one_each(self) -> StatesFile:
        _one_record_per_figure(self.national)
        return self


# careers.json: where the career leads


class Career(Sourced):
    """An occupation the career leads to, with the newest sourced figures found for it."""

    id: Annotated[Slug, Key("career")]
    title: Label
    soc: SocCode | None = Field(
        description="The BLS occupation (SOC code) whose figures apply; null if none."
    )
    summary: Text
    pay: Figure | None = Field(description="The newest median annual pay found; null where none (see notes).")
    growth: Figure | None = Field(default=None, description="Projected employment growth.")
    education: Fact | None = Field(
        description="Typical entry-level education as BLS gives it, or what the credential asks for."
    )
    way_in: list[Lead] = Field(description="Credentials and degrees that lead there.")
    goal: Annotated[Slug, Ref("goal")] | None = Field(description="The plan goal that gets there.")
    goals: list[Annotated[Slug, Ref("goal")]] = Field(
        default=[],
        description="Other plan goals that lead there (the CPC beside the CCS); a plan for any of "
        "them shows this career's own pay figures.",
    )
    survey_pay: list[FigureRef] = Field(
        default=[], description="Figures of pay.json's members' surveys, shown where BLS has no median."
    )
    notes: list[Fact] = []
    see: list[Link] = Field(default=[], description="Commands that tell more.")


class CareersFile(Model):
    """Added in 0.2.0: optional, so a dataset made for 0.1 stays valid (with no careers)."""

    careers: list[Career] = []
    not_found: list[Text] = Field(default=[], description="Looked for and not found: shown as unknown.")


def model_for(name: str) -> type[Model]:
    """The root model class named in the section table."""
    found: Any = globals().get(name)
    if not (isinstance(found, type) and issubclass(found, Model)):
        raise LookupError(f"no model {name!r} in mrt_guide.dataset.models")
    return found
