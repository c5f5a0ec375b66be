"""The JSON contract: the type of every command's ``--json`` document.

Each command's records are the dataset models' own dump (``dataset/models.py``),
sometimes with references resolved (a figure id replaced by the figure) or a few
keys added (a link, a count); the classes here say exactly which, so the contract
is a set of types, not a snapshot of today's values. ``tests/test_json_contract.py``
validates every command's output against its class, strictly and with unknown keys
forbidden, and ``mrt-guide data schema --output COMMAND`` prints one as JSON Schema.

Bump ``output.SCHEMA_VERSION`` for any change that is not an added key.
Used by the tests and ``data schema`` only: it imports pydantic.
"""

# The classes below narrow fields of the dataset models (an id becomes the record it
# names), which a type checker reports as an incompatible override; that is the point.
# mypy: disable-error-code="assignment"

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .dataset import models as m
from .dataset.levels import Level


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class Cited(Out):
    """Every document that shows sourced records lists the sources they cite."""

    schema_version: Literal[1]
    sources: dict[str, m.Source]


class LinkOut(Out):
    """A command that tells more: ``mrt-guide`` + command + args."""

    command: str
    args: list[str]


# steps


class DurationOut(Out):
    text: str | None
    figures: list[m.Figure]


class StepLead(m.RouteLead):
    """Where a step's program leads, or does not (the route's ``leads``), by its short name."""

    degree: str


class StepOut(m.Step):
    number: int
    duration: DurationOut
    leads: list[StepLead]


class StepsRecords(Out):
    steps: list[StepOut]


class StepsOut(StepsRecords, Cited):
    pass


# degrees


class RouteOut(m.Route):
    coursework: m.Coursework | None


class Answer(Out):
    bachelor_later: bool
    route: str
    rule: str


class DegreesRecords(Out):
    routes: list[RouteOut]
    purposes: list[m.Purpose]
    choice_rule: m.ChoiceRule
    answer: Answer | None
    requirement: m.Fact
    bls_entry: list[m.Fact]
    accreditation: m.Accreditation
    high_school: m.SubjectList
    where_to_study: list[m.Fact]


class DegreesOut(DegreesRecords, Cited):
    pass


class CredentialAtLevel(Out):
    id: str
    name: str
    link: LinkOut


class DegreeOut(Cited):
    route: RouteOut
    purposes: list[m.Purpose]
    choice_rule: m.ChoiceRule | None
    answer: Answer | None
    accreditation: m.Accreditation
    certifications: list[CredentialAtLevel]


# certs


class RenewalFigures(Out):
    ceus: m.Figure
    cycle: m.Figure


class CertRow(Out):
    id: str
    aliases: list[str]
    name: str
    issuer: str
    audience: str
    renewal: RenewalFigures
    renamed_from: m.Rename | None
    article: m.ArticleClaim | None
    source: str
    flag: m.Flag


class IssuerRow(Out):
    """An issuer in the list of credentials; ``certs ID`` gives it in full (with its exam rules)."""

    id: str
    name: str
    source: str
    flag: m.Flag


class CertsRecords(Out):
    certifications: list[CertRow]
    issuers: list[IssuerRow]
    benefits: list[m.Fact]


class CertsOut(CertsRecords, Cited):
    pass


class LeadOut(m.Lead):
    links: list[LinkOut]


class CertificationOut(m.Certification):
    leads_to: list[LeadOut]
    compared: list[LeadOut]


class CombinedOut(m.Combined):
    extra: m.Figure | None
    cap: m.Figure | None
    ladder: list[m.Figure]


class ShareOut(m.Share):
    share: m.Figure


class MinimumOut(m.Minimum):
    amount: m.Figure


class CountingOut(m.Counting):
    minutes_per_unit: m.Figure
    round_up_from: m.Figure


class AfterEndOut(m.AfterEnd):
    after_days: m.Figure | None


class RenewalOut(m.IssuerRenewal):
    """An issuer's renewal rules, each figure id replaced by the figure."""

    combined: CombinedOut | None
    shares: list[ShareOut]
    minimums: list[MinimumOut]
    counting: CountingOut | None
    after_end: list[AfterEndOut]


class CertRecords(Out):
    certification: CertificationOut
    issuer: m.Issuer
    issuer_rules: m.Recertification | None
    renewal: RenewalOut | None
    figures: list[m.Figure]


class CertOut(CertRecords, Cited):
    pass


# salary


class SpreadOut(Out):
    id: str
    title: str
    figures: list[m.Figure]


class FactorOut(m.Factor):
    evidence: list[m.Figure]


class SalaryRecords(Out):
    view: Literal["headline", "history"]
    basis: Literal["annual", "hourly"]
    figures: list[m.Figure]
    also: list[m.Figure]
    others: list[m.Figure]
    no_hourly_figure: list[m.Figure]
    spreads: list[SpreadOut]
    factors: list[FactorOut]
    surveys: list[m.Survey]
    codes: list[m.OccupationCode]


class SalaryOut(SalaryRecords, Cited):
    pass


# outlook


class OutlookRecords(Out):
    trend: m.Fact
    article_projection: m.Projection
    comparison: m.Fact
    drivers: list[m.Fact]
    projections: list[m.Projection]
    employment: list[m.Figure]
    codes: list[m.OccupationCode]


class OutlookOut(OutlookRecords, Cited):
    pass


# duties, skills, workplaces, about


class DutiesRecords(Out):
    definition: m.Fact | None
    tasks: m.FactList | None
    bls_duties: m.FactList | None
    intro: m.Fact
    duties: list[m.Fact]
    covered: list[str]


class DutiesOut(DutiesRecords, Cited):
    pass


class SkillsRecords(Out):
    qualities: m.FactList | None
    intro: list[m.Fact]
    skills: list[m.Fact]
    covered: list[str]


class SkillsOut(SkillsRecords, Cited):
    pass


class SettingOut(m.Setting):
    employer_shares: list[m.EmployerShare]
    industries: list[m.Industry]


class WorkplacesRecords(Out):
    environment: list[m.Fact]
    settings: list[SettingOut]
    employer_shares: list[m.EmployerShare]
    industries: list[m.Industry]
    pay_by_setting: FactorOut


class WorkplacesOut(WorkplacesRecords, Cited):
    pass


class AboutRecords(Out):
    title: str
    also_called: list[str]
    summary: list[m.Fact]
    specialties: list[m.Fact]
    classification: list[m.Fact]


class AboutOut(AboutRecords, Cited):
    pass


# facts


class QuickCredential(Out):
    id: str
    name: str
    issuer: str
    renewal: RenewalFigures


class FactsRecords(Out):
    title: str
    median_annual: m.Figure | None
    median_hourly: m.Figure | None
    entry: m.Fact | None
    route: m.Route | None
    credential: QuickCredential | None
    jobs: m.Figure | None
    projection: m.Projection | None
    employers: list[m.EmployerShare]
    next: list[LinkOut]


class FactsOut(FactsRecords, Cited):
    pass


# search, sources


class SearchResult(Out):
    section: str
    id: str
    title: str
    link: LinkOut
    matches: list[str]
    figures: list[m.Figure]


class SearchOut(Out):
    schema_version: Literal[1]
    terms: list[str]
    words: list[list[str]]
    results: list[SearchResult]
    suggestions: list[str]


class SourceRow(m.Source):
    figures: int
    records: int


class SourceList(Out):
    sources: list[SourceRow]


class SourcesOut(SourceList):
    schema_version: Literal[1]


# plan

Month = Annotated[str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
"""An ISO 8601 year and month: a plan is dated to the month."""
Day = Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]


class Why(Out):
    id: str | None
    text: str | None
    source: str
    flag: m.Flag


class After(Out):
    """A step dated from the end of an undated one: ``months`` after ``step`` ends."""

    step: str
    months: int


class Requirement(Out):
    """What one cycle owes for the credentials held (``queries/renewal.combined_requirement``)."""

    issuer: str
    credentials: list[str]
    replaced: list[str]
    single: dict[str, float]
    total: float
    how: Literal["single", "sum", "highest-plus-extra", "ladder"]
    derived: bool


class Prepared(Out):
    """How an exam is prepared for: the plan's steps before it, and what the reader held at the
    start (``education``, or a credential's id)."""

    steps: list[str]
    held: list[str]


class Span(Out):
    """A program whose length depends on transfer credit: the shortest and longest months the
    sources give, and the months it would end (None when its start is not dated)."""

    months: list[int]
    ends: list[Month] | None


class Joins(Out):
    """The cycle a credential joins and what that cycle owes in all, as ``ce status`` counts
    them (``queries.ce.credential_cycles``) from the exam's month (taken as its middle day)."""

    credential: str
    earned: Day
    start: Day
    end: Day
    due: Day
    required: float
    with_: list[str] = Field(alias="with")
    unit: str | None


class Logged(Out):
    role: str
    months: int
    needed: int | None = Field(description="The months the step asks for; None where it is not in months.")


class Milestone(Out):
    id: str
    kind: Literal["school", "study", "prepare", "gap", "work", "exam", "job", "ce", "renew"]
    cert: str | None
    route: str | None
    pathway: str | None
    months: int | None
    start: Month | None
    end: Month | None
    after: After | None
    open_ended: bool
    recommended: bool
    transfer: bool
    requirement: Requirement | None
    due: Day | None
    preparation: str | None
    prepared: Prepared | None
    range: Span | None
    joins: Joins | None
    logged: Logged | None = Field(
        description="For an experience step with --from-log: the months of its kind the CE log's work "
        "history holds (the step is that much shorter)."
    )
    why: Why
    link: LinkOut
    figures: list[m.Figure]


class OtherPathway(Out):
    id: str
    text: str
    recommended: bool


class PlanRoute(Out):
    certification: str
    pathway: m.Pathway | None
    other_pathways: list[OtherPathway]
    minimum_education: Level | None
    missing: str | None


class PlanCredential(Out):
    id: str
    name: str
    issuer: str


class SurveyPayOut(Out):
    """A members' survey average standing in for a BLS median, with who answered."""

    survey: str
    title: str
    year: int
    population: str
    figure: m.Figure


class CareerPay(Out):
    """The pay figures ``careers`` has for the goal's career (members' survey averages)."""

    career: str
    title: str
    survey_pay: list[SurveyPayOut]
    link: LinkOut


class Totals(Out):
    first_credential: str | None
    months_to_first_credential: int | None
    first_credential_month: Month | None
    pay: list[m.Figure]
    career_pay: CareerPay | None
    pay_factors: list[m.Factor]


class Inputs(Out):
    education: Level
    him: bool | None
    goal: str
    bachelor_later: bool | None
    start: Month
    high_school_done: Month | None


class Statement(Out):
    text: str
    source: str
    flag: m.Flag


class PlanOther(Out):
    """A goal that reaches the same kind of work another way."""

    goal: str
    label: str
    link: LinkOut
    compared: list[Statement]


class LogCredential(Out):
    credential: str
    issuer: str
    earned: Day


class LogRenewal(Out):
    """An issuer's current cycle in the CE log, as ``ce status`` dates it (None where the
    issuer sets the dates and none are recorded, or today is in no cycle)."""

    issuer: str
    credentials: list[str]
    dates: Literal["computed", "unknown", "none"]
    start: Day | None
    end: Day | None
    due: Day | None
    required: float | None
    unit: str | None
    recorded: bool


class LogNext(Out):
    """A goal whose credential the log does not hold: when its exam could be (or the step it
    waits on), and the issuer's CE per cycle now and with it."""

    goal: str
    label: str
    target: str
    issuer: str
    exam: Month | None
    after: After | None
    gaps: list[str]
    ce_now: float | None
    ce_then: float | None
    unit: str | None
    joins: Day | None
    link: LinkOut


class LogWork(Out):
    """Months of one kind of experience in the log's work history.

    Overlapping periods count once; an open period counts to today."""

    role: str
    label: str | None
    months: int


class FromLog(Out):
    """``plan --from-log``: the credentials in the CE log, the work history, the next renewals,
    what can follow."""

    credentials: list[LogCredential]
    work: list[LogWork]
    renewals: list[LogRenewal]
    next: list[LogNext]


class PlanOut(Cited):
    inputs: Inputs
    command: LinkOut
    goal: m.Goal
    milestones: list[Milestone]
    routes: list[PlanRoute]
    programs: list[m.Route]
    preparations: list[m.Preparation]
    accreditor: str
    transfer: m.Fact | None
    credentials: list[PlanCredential]
    renewal: list[RenewalOut]
    totals: Totals
    gaps: list[str]
    others: list[PlanOther]
    log: FromLog | None


# handout


class HandoutFacts(Out):
    median_annual: m.Figure | None
    median_hourly: m.Figure | None
    entry: m.Fact | None
    route: m.Route | None
    credential: QuickCredential | None
    jobs: m.Figure | None
    projection: m.Projection | None
    next: list[LinkOut]


class HandoutStep(Out):
    number: int
    id: str
    title: str
    duration: DurationOut
    leads: list[StepLead]


class HandoutRule(Out):
    """The AS-or-AAS rule, each degree by its short name."""

    text: str
    if_bachelor_later: str
    if_no_bachelor_later: str
    source: str
    flag: m.Flag


class HandoutAccreditation(Out):
    body: str
    name: str
    why: m.Fact


class HandoutPay(Out):
    median_annual: m.Figure | None
    median_hourly: m.Figure | None
    spread: SpreadOut | None


class HandoutOut(Cited):
    title: str
    facts: HandoutFacts
    steps: list[HandoutStep]
    choice_rule: HandoutRule
    accreditation: HandoutAccreditation
    issuers: list[IssuerRow]
    certifications: list[CertRow]
    pay: HandoutPay
    employers: list[m.EmployerShare]


# salary --state, salary --states


class Difference(Out):
    """How a state figure and the national one beside it differ."""

    what: Literal["measure", "year", "code", "flag"]
    state: str | int | None
    national: str | int | None


class Comparison(Out):
    figure: str
    national: str
    differences: list[Difference]


class StateRecord(Out):
    state: str
    name: str
    note: str | None
    figures: list[m.PlaceFigure]


class StateRecords(Out):
    view: Literal["state"]
    state: StateRecord
    national: list[m.Figure]
    comparisons: list[Comparison]
    areas: list[m.Area]
    codes: list[m.OccupationCode]
    official_states: int


class StateOut(StateRecords, Cited):
    pass


class Series(Out):
    """Figures of one source, year, measure and unit: the states' comparable figures."""

    source: str
    flag: m.Flag
    year: int
    measure: str
    unit: str
    code: str | None
    states: int


class StateRow(Out):
    state: str
    name: str
    rank: int | None
    figure: m.PlaceFigure | None
    figures: list[m.PlaceFigure]
    note: str | None


class StatesRecords(Out):
    view: Literal["states"]
    sort: Literal["pay", "name"]
    series: Series | None
    other_series: list[Series]
    states: list[StateRow]
    national: list[m.Figure]
    codes: list[m.OccupationCode]
    official_states: int


class StatesOut(StatesRecords, Cited):
    pass


# data imports


class ImportSummary(Out):
    id: str
    vintage: int
    kind: Literal["national", "state", "metro", "all", "projections"]
    file: str
    archive: str | None
    imported: str
    code: str
    title: str
    source: str
    states: int
    areas: int
    figures: int
    notes: list[str]


class ImportRow(Out):
    id: str
    vintage: int
    kind: Literal["national", "state", "metro", "all", "projections"]
    status: Literal["ok", "damaged"]
    problem: str | None
    summary: ImportSummary | None


class ImportsOut(Out):
    schema_version: Literal[1]
    folder: str | None
    imports: list[ImportRow]
    download: str
    """Where BLS publishes the OEWS files."""


# careers


class CareerOut(m.Career):
    way_in: list[LeadOut]
    survey_pay: list[SurveyPayOut]
    plan: LinkOut | None


class HomeOut(Out):
    """The occupation itself, the first row careers compares with."""

    title: str
    soc: str | None
    pay: m.Figure | None
    growth: m.Figure | None
    education: str | None
    credential: str | None
    link: LinkOut


class CareersRecords(Out):
    home: HomeOut
    careers: list[CareerOut]
    not_found: list[str]


class CareersOut(CareersRecords, Cited):
    pass


class OneCareerOut(Cited):
    career: CareerOut


# compare


class CompareGoal(Out):
    id: str
    label: str


class CompareIssuer(Out):
    id: str
    name: str


class CompareExam(Out):
    """The exam's figures by what they measure (by unit): items, length, fees, retake wait."""

    items: list[m.Figure]
    length: list[m.Figure]
    fees: list[m.Figure]
    retake: list[m.Figure]


class CompareStep(Out):
    """A step on the way to the exam, as ``plan`` dates it; ``route`` is a program's short name."""

    id: str
    kind: str
    cert: str | None
    route: str | None
    months: int | None
    recommended: bool


class CompareTime(Out):
    """Months from the starting point to the exam (null where a step's length is unknown)."""

    goal: str
    months: int | None
    steps: list[CompareStep]
    unknown: list[str]
    plan: LinkOut


class CompareRenewal(Out):
    ceus: m.Figure
    cycle: m.Figure


class CompareRequirement(Out):
    """What one cycle owes for credentials of one issuer held together (``how``: single, sum,
    highest-plus-extra or ladder; ``derived`` where the issuer's rule is derived from examples)."""

    issuer: str
    credentials: list[str]
    replaced: list[str]
    total: float
    unit: Literal["ceu", "ce_hours"]
    how: Literal["single", "sum", "highest-plus-extra", "ladder"]
    derived: bool


class CompareTogether(CompareRequirement):
    cycle: m.Figure


class CompareCareerPay(Out):
    id: str
    title: str
    soc: str | None
    pay: m.Figure
    link: LinkOut


class ComparePay(Out):
    """``holders``: members' survey figures for holders of this credential; ``field``: survey
    figures of the careers it leads to, tied to no one credential; ``careers``: those careers'
    official medians."""

    holders: list[SurveyPayOut]
    field: list[SurveyPayOut]
    careers: list[CompareCareerPay]


class CompareColumn(Out):
    asked: str
    id: str
    name: str
    goal: CompareGoal | None
    issuer: CompareIssuer
    audience: Statement
    compared: list[Statement]
    eligibility: m.Eligibility
    apprentice: m.Apprentice | None
    preparation: m.Preparation | None
    exam: CompareExam
    not_found: list[str]
    time: CompareTime | None
    renewal: CompareRenewal
    with_others: CompareRequirement | None
    combined: CombinedOut | None
    pay: ComparePay
    link: LinkOut


class CompareOccupation(Out):
    """The occupation's newest official median: the whole occupation, not one credential."""

    title: str
    pay: m.Figure | None


class CompareRecords(Out):
    start: Literal["none", "high-school", "certificate", "associate", "bachelor"]
    him: bool | None
    columns: list[CompareColumn]
    together: list[CompareTogether]
    occupation: CompareOccupation


class CompareOut(CompareRecords, Cited):
    pass


# the whole guide


class GuideOut(Cited):
    facts: FactsRecords
    about: AboutRecords
    steps: StepsRecords
    degrees: DegreesRecords
    certifications: CertsRecords
    certification_details: list[CertRecords]
    salary: SalaryRecords
    salary_history: SalaryRecords
    states: StatesRecords
    outlook: OutlookRecords
    duties: DutiesRecords
    skills: SkillsRecords
    workplaces: WorkplacesRecords
    careers: CareersRecords
    source_list: SourceList


CONTRACTS: dict[str, type[Out]] = {
    "facts": FactsOut,
    "steps": StepsOut,
    "degrees": DegreesOut,
    "degrees ROUTE": DegreeOut,
    "certs": CertsOut,
    "certs ID": CertOut,
    "compare A B": CompareOut,
    "salary": SalaryOut,
    "salary --state STATE": StateOut,
    "salary --states": StatesOut,
    "outlook": OutlookOut,
    "careers": CareersOut,
    "careers ID": OneCareerOut,
    "duties": DutiesOut,
    "skills": SkillsOut,
    "workplaces": WorkplacesOut,
    "about": AboutOut,
    "search": SearchOut,
    "sources": SourcesOut,
    "plan": PlanOut,
    "guide": GuideOut,
    "handout": HandoutOut,
    "data imports": ImportsOut,
}
"""Each command form's JSON document type, by the form's name in the README."""


# the continuing-education log (ce)

CeState = Literal["complete", "on-track", "behind", "unmet"]
CeCycleChoice = Literal["current", "previous", "all"]
CeEvidenceState = Literal["ok", "missing", "changed", "not kept"]


class CeWindow(Out):
    """The cycles a minimum over several cycles counts across; ``counted_from``: the earlier
    day hours count from in the first window (None when the window's start)."""

    start: str
    end: str
    counted_from: str | None


class CeCheck(Out):
    """One rule of a cycle: ``earned`` of ``required`` by ``by`` (a multi-cycle minimum's
    deadline is its last cycle's), with the rule's source. ``kind``: ``total`` (in all),
    ``share`` (at least ``share`` percent ``of`` the requirement marked ``tag``), ``minimum``
    (an amount marked ``tag``), ``window`` (an amount over ``cycles`` cycles, ``window``)."""

    rule: str
    kind: Literal["total", "share", "minimum", "window"]
    tag: m.Tag | None
    cycles: int
    ok: bool
    earned: float
    required: float
    by: str
    share: float | None
    of: float | None
    window: CeWindow | None
    source: str | None
    flag: m.Flag | None


class CeWarning(Out):
    """What follows a cycle that ended short: ``status`` from ``from`` (``passed``: on or before
    the day asked about); ``text``: the issuer's rule in the dataset's words."""

    status: str
    from_: str = Field(alias="from")
    passed: bool
    text: str
    source: str
    flag: m.Flag


class CeNeedTag(Out):
    tag: m.Tag
    missing: float


class CeNeedLater(Out):
    tag: m.Tag | None
    missing: float
    by: str
    cycles: int


class CeNeeded(Out):
    """What a cycle still needs: ``code`` ``none`` (complete), ``more`` (``missing`` more by
    ``by``, the due date) or ``short`` (it ended ``missing`` short on ``by``); ``tags``: what
    each unmet marked rule still wants; ``later``: rules over several cycles still short."""

    code: Literal["none", "more", "short"]
    missing: float
    unit: str | None
    by: str
    tags: list[CeNeedTag]
    later: list[CeNeedLater]


CeNoteCode = Literal[
    "recorded-dates", "follows-recorded", "dated-from", "required-recorded", "combined", "replaced",
    "counting", "no-counting", "no-carry-over", "unknown-credential", "no-rules", "no-length",
    "first-cycle-later", "no-credentials", "period-unknown",
]  # fmt: skip


class CeNote(Out):
    """A note as a code and its particulars, worded by the view; ``text`` is the dataset's own
    prose where a rule has some (AHIMA's combined requirement, a replacement), else None."""

    code: CeNoteCode
    issuer: str | None
    credential: str | None
    date: str | None
    text: str | None
    minutes: float | None
    round_up_from: float | None
    source: str | None
    flag: m.Flag | None


class CeCycle(Out):
    id: str
    issuer: str
    credentials: list[str]
    start: str
    end: str
    due: str
    dates: Literal["computed", "recorded"]
    unit: str | None
    required: float
    earned: float
    remaining: float
    expected: int
    state: CeState
    activities: int
    checks: list[CeCheck]
    needed: CeNeeded
    warnings: list[CeWarning]
    notes: list[CeNote]


class CeHeld(Out):
    """A credential held, the cycle it joins and what that cycle owes in all (``dates``:
    unknown where the issuer sets the dates and none are recorded, e.g. AAPC's membership
    date; none where the dataset has no rules)."""

    credential: str
    issuer: str
    earned: str
    dates: Literal["computed", "recorded", "unknown", "none"]
    joins: str | None
    ends: str | None
    due: str | None
    required: float | None
    with_: list[str] = Field(alias="with")
    full_required: float | None
    unit: str | None
    prorated: bool


class CeFee(Out):
    """A fee that keeps the held credentials of one issuer (``renewal.json`` ``fees``): how
    often (``every``), the rule for its date (``due``) and the next such day (None where
    unknown: AAPC's membership date until a period is recorded), the amounts the sources
    give (``figures``) and those not found (``not_found``, shown as unknown)."""

    id: str
    issuer: str
    credentials: list[str]
    label: str
    every: Literal["year", "cycle"]
    due: Literal["january-31", "cycle-end", "membership-date"]
    next: str | None
    figures: list[m.Figure]
    not_found: list[str]
    text: str
    source: str
    flag: str


class CeStatusOut(Cited):
    """Schema 2: what is needed, the checks and the notes are codes and numbers."""

    schema_version: Literal[2]
    on: str
    credentials: list[CeHeld]
    cycles: list[CeCycle]
    fees: list[CeFee]
    notes: list[CeNote]
    tag_words: dict[str, str] = Field(
        description="Each mark's words in a rule's line, by id (renewal.json tags)."
    )


class CeCounted(Out):
    issuer: str
    credits: float
    unit: str | None


class CeEvidence(Out):
    name: str
    file: str | None
    sha256: str
    size: int | None


class CeActivity(Out):
    id: int
    date: str
    title: str
    provider: str | None
    minutes: int | None
    ceus: float | None
    counted: list[CeCounted]
    tags: list[m.Tag]
    for_: list[str] = Field(alias="for")
    evidence: CeEvidence | None
    notes: str | None
    approval: str | None


class CeListOut(Cited):
    cycle: CeCycleChoice
    for_: str | None = Field(alias="for")
    activities: list[CeActivity]
    tag_labels: dict[str, str] = Field(description="Each mark's short name, by id (renewal.json tags).")


class CeCredential(Out):
    id: str
    name: str | None
    issuer: str | None
    earned: str
    ceus: m.Figure | None
    cycle: m.Figure | None
    replaced_by: str | None


class CeCredentialsOut(Cited):
    credentials: list[CeCredential]


class CeReportActivity(CeActivity):
    credits: float | None
    evidence_state: CeEvidenceState | None


class CeReportCycle(CeCycle):
    records: list[CeReportActivity]
    not_found: list[str]


class CeHolder(Out):
    """The holder as ``ce profile`` stored them (None / empty when not given)."""

    name: str | None
    member_ids: dict[str, str]


class CeReportOut(Cited):
    """Schema 2: what is needed, the checks and the notes are codes and numbers."""

    schema_version: Literal[2]
    generated: str
    cycle: CeCycleChoice
    folder: str
    holder: CeHolder
    credentials: list[CeCredential]
    held: list[CeHeld]
    cycles: list[CeReportCycle]
    uncounted: list[CeReportActivity]
    notes: list[CeNote]
    tag_labels: dict[str, str] = Field(description="Each mark's short name, by id (renewal.json tags).")
    tag_words: dict[str, str] = Field(
        description="Each mark's words in a rule's line, by id (renewal.json tags)."
    )


class CeWorkPeriod(Out):
    """A period of work in the log, with its months.

    Its kind is a dataset ``experience_kinds`` id; ``end`` is None while it goes on, and an
    open period's months are counted to ``as_of``."""

    id: int
    role: str
    label: str | None
    start: Month
    end: Month | None
    employer: str | None
    months: int


class CeWorkTotal(Out):
    """Months of one kind of experience, overlapping periods counted once."""

    role: str
    label: str | None
    months: int


class CeWorkOut(Cited):
    as_of: Month
    work: list[CeWorkPeriod]
    totals: list[CeWorkTotal]


CONTRACTS.update(
    {
        "ce status": CeStatusOut,
        "ce work list": CeWorkOut,
        "ce list": CeListOut,
        "ce credential list": CeCredentialsOut,
        "ce report": CeReportOut,
    }
)


# One declaration, three uses: the classes above validate (tests, `data schema --output`);
# `typed_dicts()` turns them into `mrt_guide/records.py`, the stdlib types queries return
# and views read (checked by mypy, free at run time); `key_table()` is the README's table
# of top-level keys. `python docs/generate.py` writes both; a test fails when they are stale.


def _reachable() -> list[type[BaseModel]]:
    """Every class the contracts use, each after the classes its fields name."""
    import typing

    order: list[type[BaseModel]] = []
    names: dict[str, type[BaseModel]] = {}

    def visit(tp: object) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            known = names.get(tp.__name__)
            if known is tp:
                return
            if known is not None:
                raise ValueError(f"two classes named {tp.__name__}: {known.__module__}, {tp.__module__}")
            names[tp.__name__] = tp
            for field in tp.model_fields.values():
                visit(field.annotation)
            order.append(tp)
            return
        for arg in typing.get_args(tp):
            visit(arg)

    for contract in CONTRACTS.values():
        visit(contract)
    return order


def _python(tp: object) -> str:
    """``tp`` as a stdlib type expression (constraints dropped, models by name)."""
    import json
    import types
    import typing

    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is type(None) or tp is None:
        return "None"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp.__name__
    if origin is Annotated:
        return _python(args[0])
    if origin is Literal:
        return "Literal[" + ", ".join(json.dumps(a) for a in args) + "]"
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_python(a) for a in args)
    if origin in (list, dict, tuple):
        return f"{origin.__name__}[" + ", ".join(_python(a) for a in args) + "]"
    if isinstance(tp, type) and tp in (str, int, float, bool):
        return tp.__name__
    if tp is typing.Any:
        return "Any"
    raise TypeError(f"no stdlib form for {tp!r}")


def _keys(cls: type[BaseModel]) -> dict[str, object]:
    """A class's JSON keys (aliases where a key is a Python word) and their types."""
    return {field.alias or name: field.annotation for name, field in cls.model_fields.items()}


def typed_dicts() -> str:
    """The text of ``mrt_guide/records.py``: every contract class as a ``TypedDict``.

    A document's type leaves out ``schema_version`` (added when JSON is written) unless the
    document has a version of its own (``Literal[2]``: its query returns it), and has
    ``sources`` as not required (a command adds it to its query's records)."""
    import keyword

    lines = [
        '"""The records every command prints, as typed dicts: generated from `mrt_guide/contract.py`',
        "by `python docs/generate.py`; do not edit. Queries return these types and views read",
        "them, so mypy checks every key; at run time they are plain dicts (import this module",
        'under `TYPE_CHECKING` only). Each is final, so `"career" in data` tells a union apart."""',
        "",
        "from typing import Any, Literal, NotRequired, TypedDict",
    ]
    for cls in _reachable():
        fields = {
            key: _python(tp) for key, tp in _keys(cls).items() if key != "schema_version" or tp != Literal[1]
        }
        if "sources" in fields and issubclass(cls, Cited):
            fields["sources"] = f"NotRequired[{fields['sources']}]"
        doc = (cls.__doc__ or "").strip().splitlines() if cls.__module__ == __name__ else []
        lines += ["", ""]
        if all(key.isidentifier() and not keyword.iskeyword(key) for key in fields):
            lines += ["@final", f"class {cls.__name__}(TypedDict):"]
            lines += [f'    """{doc[0]}"""', ""] if doc else []
            lines += [f"    {key}: {shown}" for key, shown in fields.items()] or ["    pass"]
        else:  # a key that is a Python word ("for", "from"): the functional form
            lines += [f'{cls.__name__} = TypedDict(\n    "{cls.__name__}",\n    {{']
            lines += [f'        "{key}": {shown},' for key, shown in fields.items()]
            lines += ["    },", ")"]
    text = "\n".join(lines) + "\n"
    used = [name for name in ("Any", "Literal", "NotRequired") if f"{name}[" in text or f" {name}\n" in text]
    return text.replace(
        "from typing import Any, Literal, NotRequired, TypedDict",
        f"from typing import {', '.join([*used, 'TypedDict', 'final'])}",
    )


def _short(tp: object, used: list[type[BaseModel]]) -> str:
    """A type as the README names it: '`Figure`', 'list of `Figure`', 'text or null'; the
    records it names are added to ``used``."""
    import types
    import typing

    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Annotated:
        return _short(args[0], used)
    if origin in (typing.Union, types.UnionType):
        return " or ".join("null" if a is type(None) else _short(a, used) for a in args)
    if origin is Literal:
        return " / ".join(f'`"{a}"`' if isinstance(a, str) else f"`{a}`" for a in args)
    if origin is list:
        return f"list of {_short(args[0], used)}"
    if origin is dict:
        return f"{_short(args[1], used)} by {_short(args[0], used)}"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if tp not in used:
            used.append(tp)
        return f"`{tp.__name__}`"
    names = {str: "text", int: "integer", float: "number", bool: "true/false"}
    return names[tp] if isinstance(tp, type) and tp in names else str(tp)


def _rows(cls: type[BaseModel], used: list[type[BaseModel]]) -> str:
    keys = {k: tp for k, tp in _keys(cls).items() if k not in ("schema_version", "sources")}
    return "; ".join(f"`{k}`: {_short(tp, used)}" for k, tp in keys.items())


def key_table() -> str:
    """The README's tables: each command form's top-level keys with their types, then every
    record those name, with its keys (each record once)."""
    used: list[type[BaseModel]] = []
    rows = ["| command | keys |", "| --- | --- |"]
    rows += [f"| `{form}` | {_rows(cls, used)} |" for form, cls in CONTRACTS.items()]
    rows += ["", "| record | keys |", "| --- | --- |"]
    done = 0
    while done < len(used):  # naming a record's keys may name more records
        cls = used[done]
        rows.append(f"| `{cls.__name__}` | {_rows(cls, used)} |")
        done += 1
    return "\n".join(rows) + "\n"
