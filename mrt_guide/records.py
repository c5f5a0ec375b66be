"""The records every command prints, as typed dicts: generated from `mrt_guide/contract.py`
by `python docs/generate.py`; do not edit. Queries return these types and views read
them, so mypy checks every key; at run time they are plain dicts (import this module
under `TYPE_CHECKING` only). Each is final, so `"career" in data` tells a union apart."""

from typing import Literal, NotRequired, TypedDict, final


@final
class Source(TypedDict):
    key: str
    title: str
    publisher: str
    url: str | None
    kind: Literal["official", "secondary", "article"]
    vintage: int
    note: str | None
    file: str | None
    sha256: str | None


@final
class ArticleClaim(TypedDict):
    says: str
    value: float | int | None
    correction: str | None


@final
class Figure(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    label: str
    value: float | int
    upper: float | int | None
    unit: Literal[
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
    qualifier: Literal["up to", "at least", "about"] | None
    year: int
    year_end: int | None
    measure: (
        Literal[
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
        | None
    )
    article: ArticleClaim | None
    note: str | None


@final
class Fact(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    text: str
    figures: list[Figure]
    article: ArticleClaim | None
    note: str | None


@final
class RouteLead(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    text: str
    certifications: list[str]
    qualifies: bool


@final
class Route(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    short: str
    name: str
    level: Literal["none", "high-school", "certificate", "associate", "bachelor", "master"]
    duration: Figure | None
    duration_note: str | None
    prepares_for: list[str]
    coursework: str | None
    summary: str
    leads: list[RouteLead]
    after_associate: Figure | None


@final
class RenewalFigures(TypedDict):
    ceus: Figure
    cycle: Figure


@final
class QuickCredential(TypedDict):
    id: str
    name: str
    issuer: str
    renewal: RenewalFigures


@final
class Projection(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    start: int
    end: int
    growth: Figure
    new_jobs: Figure | None
    base_employment: Figure | None
    note: str | None
    target_employment: Figure | None
    openings: Figure | None
    all_occupations: Figure | None
    education: str | None


@final
class EmployerShare(TypedDict):
    id: str
    employer: str
    setting: str | None
    share: Figure


@final
class LinkOut(TypedDict):
    """A command that tells more: ``mrt-guide`` + command + args."""

    command: str
    args: list[str]


@final
class FactsOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    title: str
    median_annual: Figure | None
    median_hourly: Figure | None
    entry: Fact | None
    route: Route | None
    credential: QuickCredential | None
    jobs: Figure | None
    projection: Projection | None
    employers: list[EmployerShare]
    next: list[LinkOut]


@final
class DurationOut(TypedDict):
    text: str | None
    figures: list[Figure]


@final
class Link(TypedDict):
    command: str
    args: list[str]


@final
class StepLead(TypedDict):
    """Where a step's program leads, or does not (the route's ``leads``), by its short name."""

    source: str
    flag: Literal["official", "secondary", "article-only"]
    text: str
    certifications: list[str]
    qualifies: bool
    degree: str


@final
class StepOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    title: str
    summary: str
    actions: list[str]
    duration: DurationOut
    certifications: list[str]
    degrees: list[str]
    see: list[Link]
    number: int
    leads: list[StepLead]


@final
class StepsOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    steps: list[StepOut]


@final
class Coursework(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    title: str
    subjects: list[str]


@final
class RouteOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    short: str
    name: str
    level: Literal["none", "high-school", "certificate", "associate", "bachelor", "master"]
    duration: Figure | None
    duration_note: str | None
    prepares_for: list[str]
    coursework: Coursework | None
    summary: str
    leads: list[RouteLead]
    after_associate: Figure | None


@final
class Purpose(TypedDict):
    id: str
    label: str


@final
class ChoiceRule(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    text: str
    if_bachelor_later: str
    if_no_bachelor_later: str


@final
class Answer(TypedDict):
    bachelor_later: bool
    route: str
    rule: str


@final
class Accreditation(TypedDict):
    body: str
    name: str
    advice: Fact
    scope: Fact
    why: Fact


@final
class SubjectList(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    text: str
    subjects: list[str]


@final
class DegreesOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    routes: list[RouteOut]
    purposes: list[Purpose]
    choice_rule: ChoiceRule
    answer: Answer | None
    requirement: Fact
    bls_entry: list[Fact]
    accreditation: Accreditation
    high_school: SubjectList
    where_to_study: list[Fact]


@final
class CredentialAtLevel(TypedDict):
    id: str
    name: str
    link: LinkOut


@final
class DegreeOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    route: RouteOut
    purposes: list[Purpose]
    choice_rule: ChoiceRule | None
    answer: Answer | None
    accreditation: Accreditation
    certifications: list[CredentialAtLevel]


@final
class Rename(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    name: str
    date: str


@final
class CertRow(TypedDict):
    id: str
    aliases: list[str]
    name: str
    issuer: str
    audience: str
    renewal: RenewalFigures
    renamed_from: Rename | None
    article: ArticleClaim | None
    source: str
    flag: Literal["official", "secondary", "article-only"]


@final
class IssuerRow(TypedDict):
    """An issuer in the list of credentials; ``certs ID`` gives it in full (with its exam rules)."""

    id: str
    name: str
    source: str
    flag: Literal["official", "secondary", "article-only"]


@final
class CertsOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    certifications: list[CertRow]
    issuers: list[IssuerRow]
    benefits: list[Fact]


@final
class Pathway(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    text: str
    education: Literal["none", "high-school", "certificate", "associate", "bachelor", "master"] | None
    accredited_by: Literal["CAHIIM", "NCRA"] | None
    credentials: list[str]
    coursework: str | None
    extra_program: str | None
    experience: Figure | None
    experience_kind: str | None
    figures: list[Figure]
    recommended: bool
    preparation_instead: bool


@final
class Eligibility(TypedDict):
    minimum_education: Literal["none", "high-school", "certificate", "associate", "bachelor", "master"] | None
    required: list[Fact]
    pathways: list[Pathway]
    missing: str | None
    plan_experience: str | None


@final
class Exam(TypedDict):
    facts: list[Fact]
    figures: list[Figure]


@final
class Renewal(TypedDict):
    ceus: Figure
    cycle: Figure
    rules: list[Fact]


@final
class LeadOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    text: str
    certifications: list[str]
    degrees: list[str]
    links: list[LinkOut]


@final
class Removal(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    text: str
    experience: Figure
    experience_kind: str | None
    figures: list[Figure]


@final
class Apprentice(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    text: str
    removal: list[Removal]
    rules: list[Fact]


@final
class CertificationOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    aliases: list[str]
    name: str
    issuer: str
    audience: str
    renamed_from: Rename | None
    eligibility: Eligibility
    exam: Exam | None
    renewal: Renewal
    leads_to: list[LeadOut]
    article: ArticleClaim | None
    apprentice: Apprentice | None
    compared: list[LeadOut]
    not_found: list[str]
    survey_pay: list[str]
    preparation: str | None


@final
class ExamRules(TypedDict):
    facts: list[Fact]
    not_found: list[str]


@final
class Issuer(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    name: str
    exams: ExamRules | None


@final
class Recertification(TypedDict):
    issuer: str
    rules: list[Fact]


@final
class Example(TypedDict):
    credentials: list[str]
    total: float | int


@final
class CombinedOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    rule: Literal["highest-plus-extra", "ladder"]
    extra: Figure | None
    cap: Figure | None
    ladder: list[Figure]
    derived: bool
    examples: list[Example]
    text: str


@final
class Replacement(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    holder: str
    replaces: str
    text: str


@final
class ShareOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    tag: str
    share: Figure
    applies_from: str | None
    text: str


@final
class MinimumOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    tag: str
    amount: Figure
    over_cycles: int
    applies_from: str | None
    text: str


@final
class CountingOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    minutes_per_unit: Figure
    round_up_from: Figure
    text: str


@final
class AfterEndOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    status: str
    after_days: Figure | None
    text: str


@final
class Fee(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    label: str
    every: Literal["year", "cycle"]
    due: Literal["january-31", "cycle-end", "membership-date"]
    text: str
    figures: list[Figure]
    not_found: list[str]


@final
class RenewalOut(TypedDict):
    """An issuer's renewal rules, each figure id replaced by the figure."""

    source: str
    flag: Literal["official", "secondary", "article-only"]
    issuer: str
    unit: Literal["ceu", "ce_hours"]
    anchor: Literal["exam-date", "calendar-year"]
    due: Literal["cycle-end", "january-31-after"]
    carry_over: bool
    cycle_text: str
    dates_set_by_issuer: str | None
    combined: CombinedOut | None
    replacements: list[Replacement]
    shares: list[ShareOut]
    minimums: list[MinimumOut]
    counting: CountingOut | None
    after_end: list[AfterEndOut]
    not_found: list[str]
    figures: list[Figure]
    ends_on_membership_date: bool
    first_period_prorated: bool | None
    rules: list[Fact]
    fees: list[Fee]


@final
class CertOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    certification: CertificationOut
    issuer: Issuer
    issuer_rules: Recertification | None
    renewal: RenewalOut | None
    figures: list[Figure]


@final
class CompareGoal(TypedDict):
    id: str
    label: str


@final
class CompareIssuer(TypedDict):
    id: str
    name: str


@final
class Statement(TypedDict):
    text: str
    source: str
    flag: Literal["official", "secondary", "article-only"]


@final
class Preparation(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    label: str
    text: str
    subject: str
    length: Figure | None
    length_missing: str | None
    figures: list[str]
    removal: str | None


@final
class CompareExam(TypedDict):
    """The exam's figures by what they measure (by unit): items, length, fees, retake wait."""

    items: list[Figure]
    length: list[Figure]
    fees: list[Figure]
    retake: list[Figure]


@final
class CompareStep(TypedDict):
    """A step on the way to the exam, as ``plan`` dates it; ``route`` is a program's short name."""

    id: str
    kind: str
    cert: str | None
    route: str | None
    months: int | None
    recommended: bool


@final
class CompareTime(TypedDict):
    """Months from the starting point to the exam (null where a step's length is unknown)."""

    goal: str
    months: int | None
    steps: list[CompareStep]
    unknown: list[str]
    plan: LinkOut


@final
class CompareRenewal(TypedDict):
    ceus: Figure
    cycle: Figure


@final
class CompareRequirement(TypedDict):
    """What one cycle owes for credentials of one issuer held together (``how``: single, sum,"""

    issuer: str
    credentials: list[str]
    replaced: list[str]
    total: float
    unit: Literal["ceu", "ce_hours"]
    how: Literal["single", "sum", "highest-plus-extra", "ladder"]
    derived: bool


@final
class SurveyPayOut(TypedDict):
    """A members' survey average standing in for a BLS median, with who answered."""

    survey: str
    title: str
    year: int
    population: str
    figure: Figure


@final
class CompareCareerPay(TypedDict):
    id: str
    title: str
    soc: str | None
    pay: Figure
    link: LinkOut


@final
class ComparePay(TypedDict):
    """``holders``: members' survey figures for holders of this credential; ``field``: survey"""

    holders: list[SurveyPayOut]
    field: list[SurveyPayOut]
    careers: list[CompareCareerPay]


@final
class CompareColumn(TypedDict):
    asked: str
    id: str
    name: str
    goal: CompareGoal | None
    issuer: CompareIssuer
    audience: Statement
    compared: list[Statement]
    eligibility: Eligibility
    apprentice: Apprentice | None
    preparation: Preparation | None
    exam: CompareExam
    not_found: list[str]
    time: CompareTime | None
    renewal: CompareRenewal
    with_others: CompareRequirement | None
    combined: CombinedOut | None
    pay: ComparePay
    link: LinkOut


@final
class CompareTogether(TypedDict):
    issuer: str
    credentials: list[str]
    replaced: list[str]
    total: float
    unit: Literal["ceu", "ce_hours"]
    how: Literal["single", "sum", "highest-plus-extra", "ladder"]
    derived: bool
    cycle: Figure


@final
class CompareOccupation(TypedDict):
    """The occupation's newest official median: the whole occupation, not one credential."""

    title: str
    pay: Figure | None


@final
class CompareOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    start: Literal["none", "high-school", "certificate", "associate", "bachelor"]
    him: bool | None
    columns: list[CompareColumn]
    together: list[CompareTogether]
    occupation: CompareOccupation


@final
class SpreadOut(TypedDict):
    id: str
    title: str
    figures: list[Figure]


@final
class FactorOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    text: str
    evidence: list[Figure]
    note: str | None


@final
class Survey(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    title: str
    year: int
    population: str
    figures: list[Figure]
    note: str | None


@final
class OccupationCode(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    code: str | None
    title: str
    figures_from: list[str]
    note: str | None
    broader: bool


@final
class SalaryOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    view: Literal["headline", "history"]
    basis: Literal["annual", "hourly"]
    figures: list[Figure]
    also: list[Figure]
    others: list[Figure]
    no_hourly_figure: list[Figure]
    spreads: list[SpreadOut]
    factors: list[FactorOut]
    surveys: list[Survey]
    codes: list[OccupationCode]


@final
class PlaceFigure(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    label: str
    value: float | int
    upper: float | int | None
    unit: Literal[
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
    qualifier: Literal["up to", "at least", "about"] | None
    year: int
    year_end: int | None
    measure: (
        Literal[
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
        | None
    )
    article: ArticleClaim | None
    note: str | None


@final
class StateRecord(TypedDict):
    state: str
    name: str
    note: str | None
    figures: list[PlaceFigure]


@final
class Difference(TypedDict):
    """How a state figure and the national one beside it differ."""

    what: Literal["measure", "year", "code", "flag"]
    state: str | int | None
    national: str | int | None


@final
class Comparison(TypedDict):
    figure: str
    national: str
    differences: list[Difference]


@final
class Area(TypedDict):
    id: str
    name: str
    kind: Literal["metro", "nonmetro"]
    figures: list[PlaceFigure]


@final
class StateOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    view: Literal["state"]
    state: StateRecord
    national: list[Figure]
    comparisons: list[Comparison]
    areas: list[Area]
    codes: list[OccupationCode]
    official_states: int


@final
class Series(TypedDict):
    """Figures of one source, year, measure and unit: the states' comparable figures."""

    source: str
    flag: Literal["official", "secondary", "article-only"]
    year: int
    measure: str
    unit: str
    code: str | None
    states: int


@final
class StateRow(TypedDict):
    state: str
    name: str
    rank: int | None
    figure: PlaceFigure | None
    figures: list[PlaceFigure]
    note: str | None


@final
class StatesOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    view: Literal["states"]
    sort: Literal["pay", "name"]
    series: Series | None
    other_series: list[Series]
    states: list[StateRow]
    national: list[Figure]
    codes: list[OccupationCode]
    official_states: int


@final
class OutlookOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    trend: Fact
    article_projection: Projection
    comparison: Fact
    drivers: list[Fact]
    projections: list[Projection]
    employment: list[Figure]
    codes: list[OccupationCode]


@final
class HomeOut(TypedDict):
    """The occupation itself, the first row careers compares with."""

    title: str
    soc: str | None
    pay: Figure | None
    growth: Figure | None
    education: str | None
    credential: str | None
    link: LinkOut


@final
class CareerOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    title: str
    soc: str | None
    summary: str
    pay: Figure | None
    growth: Figure | None
    education: Fact | None
    way_in: list[LeadOut]
    goal: str | None
    goals: list[str]
    survey_pay: list[SurveyPayOut]
    notes: list[Fact]
    see: list[Link]
    plan: LinkOut | None


@final
class CareersOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    home: HomeOut
    careers: list[CareerOut]
    not_found: list[str]


@final
class OneCareerOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    career: CareerOut


@final
class FactList(TypedDict):
    title: str
    items: list[Fact]


@final
class DutiesOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    definition: Fact | None
    tasks: FactList | None
    bls_duties: FactList | None
    intro: Fact
    duties: list[Fact]
    covered: list[str]


@final
class SkillsOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    qualities: FactList | None
    intro: list[Fact]
    skills: list[Fact]
    covered: list[str]


@final
class Industry(TypedDict):
    id: str
    industry: str
    setting: str | None
    employment: Figure
    mean_wage: Figure


@final
class SettingOut(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    name: str
    note: str | None
    employer_shares: list[EmployerShare]
    industries: list[Industry]


@final
class WorkplacesOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    environment: list[Fact]
    settings: list[SettingOut]
    employer_shares: list[EmployerShare]
    industries: list[Industry]
    pay_by_setting: FactorOut


@final
class AboutOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    title: str
    also_called: list[str]
    summary: list[Fact]
    specialties: list[Fact]
    classification: list[Fact]


@final
class SearchResult(TypedDict):
    section: str
    id: str
    title: str
    link: LinkOut
    matches: list[str]
    figures: list[Figure]


@final
class SearchOut(TypedDict):
    terms: list[str]
    words: list[list[str]]
    results: list[SearchResult]
    suggestions: list[str]


@final
class SourceRow(TypedDict):
    key: str
    title: str
    publisher: str
    url: str | None
    kind: Literal["official", "secondary", "article"]
    vintage: int
    note: str | None
    file: str | None
    sha256: str | None
    figures: int
    records: int


@final
class SourcesOut(TypedDict):
    sources: list[SourceRow]


@final
class Inputs(TypedDict):
    education: Literal["none", "high-school", "certificate", "associate", "bachelor", "master"]
    him: bool | None
    goal: str
    bachelor_later: bool | None
    start: str
    high_school_done: str | None


@final
class Goal(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    label: str
    target: str
    via: list[str]
    via_until: Literal["none", "high-school", "certificate", "associate", "bachelor", "master"] | None
    also: list[str]
    degree: str | None
    pay_factors: list[str]
    others: list[str]


@final
class After(TypedDict):
    """A step dated from the end of an undated one: ``months`` after ``step`` ends."""

    step: str
    months: int


@final
class Requirement(TypedDict):
    """What one cycle owes for the credentials held (``queries/renewal.combined_requirement``)."""

    issuer: str
    credentials: list[str]
    replaced: list[str]
    single: dict[str, float]
    total: float
    how: Literal["single", "sum", "highest-plus-extra", "ladder"]
    derived: bool


@final
class Prepared(TypedDict):
    """How an exam is prepared for: the plan's steps before it, and what the reader held at the"""

    steps: list[str]
    held: list[str]


@final
class Span(TypedDict):
    """A program whose length depends on transfer credit: the shortest and longest months the"""

    months: list[int]
    ends: list[str] | None


Joins = TypedDict(
    "Joins",
    {
        "credential": str,
        "earned": str,
        "start": str,
        "end": str,
        "due": str,
        "required": float,
        "with": list[str],
        "unit": str | None,
    },
)


@final
class Logged(TypedDict):
    role: str
    months: int
    needed: int | None


@final
class Why(TypedDict):
    id: str | None
    text: str | None
    source: str
    flag: Literal["official", "secondary", "article-only"]


@final
class Milestone(TypedDict):
    id: str
    kind: Literal["school", "study", "prepare", "gap", "work", "exam", "job", "ce", "renew"]
    cert: str | None
    route: str | None
    pathway: str | None
    months: int | None
    start: str | None
    end: str | None
    after: After | None
    open_ended: bool
    recommended: bool
    transfer: bool
    requirement: Requirement | None
    due: str | None
    preparation: str | None
    prepared: Prepared | None
    range: Span | None
    joins: Joins | None
    logged: Logged | None
    why: Why
    link: LinkOut
    figures: list[Figure]


@final
class OtherPathway(TypedDict):
    id: str
    text: str
    recommended: bool


@final
class PlanRoute(TypedDict):
    certification: str
    pathway: Pathway | None
    other_pathways: list[OtherPathway]
    minimum_education: Literal["none", "high-school", "certificate", "associate", "bachelor", "master"] | None
    missing: str | None


@final
class PlanCredential(TypedDict):
    id: str
    name: str
    issuer: str


@final
class CareerPay(TypedDict):
    """The pay figures ``careers`` has for the goal's career (members' survey averages)."""

    career: str
    title: str
    survey_pay: list[SurveyPayOut]
    link: LinkOut


@final
class Factor(TypedDict):
    source: str
    flag: Literal["official", "secondary", "article-only"]
    id: str
    text: str
    evidence: list[str]
    note: str | None


@final
class Totals(TypedDict):
    first_credential: str | None
    months_to_first_credential: int | None
    first_credential_month: str | None
    pay: list[Figure]
    career_pay: CareerPay | None
    pay_factors: list[Factor]


@final
class PlanOther(TypedDict):
    """A goal that reaches the same kind of work another way."""

    goal: str
    label: str
    link: LinkOut
    compared: list[Statement]


@final
class LogCredential(TypedDict):
    credential: str
    issuer: str
    earned: str


@final
class LogWork(TypedDict):
    """Months of one kind of experience in the log's work history."""

    role: str
    label: str | None
    months: int


@final
class LogRenewal(TypedDict):
    """An issuer's current cycle in the CE log, as ``ce status`` dates it (None where the"""

    issuer: str
    credentials: list[str]
    dates: Literal["computed", "unknown", "none"]
    start: str | None
    end: str | None
    due: str | None
    required: float | None
    unit: str | None
    recorded: bool


@final
class LogNext(TypedDict):
    """A goal whose credential the log does not hold: when its exam could be (or the step it"""

    goal: str
    label: str
    target: str
    issuer: str
    exam: str | None
    after: After | None
    gaps: list[str]
    ce_now: float | None
    ce_then: float | None
    unit: str | None
    joins: str | None
    link: LinkOut


@final
class FromLog(TypedDict):
    """``plan --from-log``: the credentials in the CE log, the work history, the next renewals,"""

    credentials: list[LogCredential]
    work: list[LogWork]
    renewals: list[LogRenewal]
    next: list[LogNext]


@final
class PlanOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    inputs: Inputs
    command: LinkOut
    goal: Goal
    milestones: list[Milestone]
    routes: list[PlanRoute]
    programs: list[Route]
    preparations: list[Preparation]
    accreditor: str
    transfer: Fact | None
    credentials: list[PlanCredential]
    renewal: list[RenewalOut]
    totals: Totals
    gaps: list[str]
    others: list[PlanOther]
    log: FromLog | None


@final
class FactsRecords(TypedDict):
    title: str
    median_annual: Figure | None
    median_hourly: Figure | None
    entry: Fact | None
    route: Route | None
    credential: QuickCredential | None
    jobs: Figure | None
    projection: Projection | None
    employers: list[EmployerShare]
    next: list[LinkOut]


@final
class AboutRecords(TypedDict):
    title: str
    also_called: list[str]
    summary: list[Fact]
    specialties: list[Fact]
    classification: list[Fact]


@final
class StepsRecords(TypedDict):
    steps: list[StepOut]


@final
class DegreesRecords(TypedDict):
    routes: list[RouteOut]
    purposes: list[Purpose]
    choice_rule: ChoiceRule
    answer: Answer | None
    requirement: Fact
    bls_entry: list[Fact]
    accreditation: Accreditation
    high_school: SubjectList
    where_to_study: list[Fact]


@final
class CertsRecords(TypedDict):
    certifications: list[CertRow]
    issuers: list[IssuerRow]
    benefits: list[Fact]


@final
class CertRecords(TypedDict):
    certification: CertificationOut
    issuer: Issuer
    issuer_rules: Recertification | None
    renewal: RenewalOut | None
    figures: list[Figure]


@final
class SalaryRecords(TypedDict):
    view: Literal["headline", "history"]
    basis: Literal["annual", "hourly"]
    figures: list[Figure]
    also: list[Figure]
    others: list[Figure]
    no_hourly_figure: list[Figure]
    spreads: list[SpreadOut]
    factors: list[FactorOut]
    surveys: list[Survey]
    codes: list[OccupationCode]


@final
class StatesRecords(TypedDict):
    view: Literal["states"]
    sort: Literal["pay", "name"]
    series: Series | None
    other_series: list[Series]
    states: list[StateRow]
    national: list[Figure]
    codes: list[OccupationCode]
    official_states: int


@final
class OutlookRecords(TypedDict):
    trend: Fact
    article_projection: Projection
    comparison: Fact
    drivers: list[Fact]
    projections: list[Projection]
    employment: list[Figure]
    codes: list[OccupationCode]


@final
class DutiesRecords(TypedDict):
    definition: Fact | None
    tasks: FactList | None
    bls_duties: FactList | None
    intro: Fact
    duties: list[Fact]
    covered: list[str]


@final
class SkillsRecords(TypedDict):
    qualities: FactList | None
    intro: list[Fact]
    skills: list[Fact]
    covered: list[str]


@final
class WorkplacesRecords(TypedDict):
    environment: list[Fact]
    settings: list[SettingOut]
    employer_shares: list[EmployerShare]
    industries: list[Industry]
    pay_by_setting: FactorOut


@final
class CareersRecords(TypedDict):
    home: HomeOut
    careers: list[CareerOut]
    not_found: list[str]


@final
class SourceList(TypedDict):
    sources: list[SourceRow]


@final
class GuideOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
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


@final
class HandoutFacts(TypedDict):
    median_annual: Figure | None
    median_hourly: Figure | None
    entry: Fact | None
    route: Route | None
    credential: QuickCredential | None
    jobs: Figure | None
    projection: Projection | None
    next: list[LinkOut]


@final
class HandoutStep(TypedDict):
    number: int
    id: str
    title: str
    duration: DurationOut
    leads: list[StepLead]


@final
class HandoutRule(TypedDict):
    """The AS-or-AAS rule, each degree by its short name."""

    text: str
    if_bachelor_later: str
    if_no_bachelor_later: str
    source: str
    flag: Literal["official", "secondary", "article-only"]


@final
class HandoutAccreditation(TypedDict):
    body: str
    name: str
    why: Fact


@final
class HandoutPay(TypedDict):
    median_annual: Figure | None
    median_hourly: Figure | None
    spread: SpreadOut | None


@final
class HandoutOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    title: str
    facts: HandoutFacts
    steps: list[HandoutStep]
    choice_rule: HandoutRule
    accreditation: HandoutAccreditation
    issuers: list[IssuerRow]
    certifications: list[CertRow]
    pay: HandoutPay
    employers: list[EmployerShare]


@final
class ImportSummary(TypedDict):
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


@final
class ImportRow(TypedDict):
    id: str
    vintage: int
    kind: Literal["national", "state", "metro", "all", "projections"]
    status: Literal["ok", "damaged"]
    problem: str | None
    summary: ImportSummary | None


@final
class ImportsOut(TypedDict):
    folder: str | None
    imports: list[ImportRow]
    download: str


CeHeld = TypedDict(
    "CeHeld",
    {
        "credential": str,
        "issuer": str,
        "earned": str,
        "dates": Literal["computed", "recorded", "unknown", "none"],
        "joins": str | None,
        "ends": str | None,
        "due": str | None,
        "required": float | None,
        "with": list[str],
        "full_required": float | None,
        "unit": str | None,
        "prorated": bool,
    },
)


@final
class CeWindow(TypedDict):
    """The cycles a minimum over several cycles counts across; ``counted_from``: the earlier"""

    start: str
    end: str
    counted_from: str | None


@final
class CeCheck(TypedDict):
    """One rule of a cycle: ``earned`` of ``required`` by ``by`` (a multi-cycle minimum's"""

    rule: str
    kind: Literal["total", "share", "minimum", "window"]
    tag: str | None
    cycles: int
    ok: bool
    earned: float
    required: float
    by: str
    share: float | None
    of: float | None
    window: CeWindow | None
    source: str | None
    flag: Literal["official", "secondary", "article-only"] | None


@final
class CeNeedTag(TypedDict):
    tag: str
    missing: float


@final
class CeNeedLater(TypedDict):
    tag: str | None
    missing: float
    by: str
    cycles: int


@final
class CeNeeded(TypedDict):
    """What a cycle still needs: ``code`` ``none`` (complete), ``more`` (``missing`` more by"""

    code: Literal["none", "more", "short"]
    missing: float
    unit: str | None
    by: str
    tags: list[CeNeedTag]
    later: list[CeNeedLater]


CeWarning = TypedDict(
    "CeWarning",
    {
        "status": str,
        "from": str,
        "passed": bool,
        "text": str,
        "source": str,
        "flag": Literal["official", "secondary", "article-only"],
    },
)


@final
class CeNote(TypedDict):
    """A note as a code and its particulars, worded by the view; ``text`` is the dataset's own"""

    code: Literal[
        "recorded-dates",
        "follows-recorded",
        "dated-from",
        "required-recorded",
        "combined",
        "replaced",
        "counting",
        "no-counting",
        "no-carry-over",
        "unknown-credential",
        "no-rules",
        "no-length",
        "first-cycle-later",
        "no-credentials",
        "period-unknown",
    ]
    issuer: str | None
    credential: str | None
    date: str | None
    text: str | None
    minutes: float | None
    round_up_from: float | None
    source: str | None
    flag: Literal["official", "secondary", "article-only"] | None


@final
class CeCycle(TypedDict):
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
    state: Literal["complete", "on-track", "behind", "unmet"]
    activities: int
    checks: list[CeCheck]
    needed: CeNeeded
    warnings: list[CeWarning]
    notes: list[CeNote]


@final
class CeFee(TypedDict):
    """A fee that keeps the held credentials of one issuer (``renewal.json`` ``fees``): how"""

    id: str
    issuer: str
    credentials: list[str]
    label: str
    every: Literal["year", "cycle"]
    due: Literal["january-31", "cycle-end", "membership-date"]
    next: str | None
    figures: list[Figure]
    not_found: list[str]
    text: str
    source: str
    flag: str


@final
class CeStatusOut(TypedDict):
    """Schema 2: what is needed, the checks and the notes are codes and numbers."""

    schema_version: Literal[2]
    sources: NotRequired[dict[str, Source]]
    on: str
    credentials: list[CeHeld]
    cycles: list[CeCycle]
    fees: list[CeFee]
    notes: list[CeNote]
    tag_words: dict[str, str]


@final
class CeWorkPeriod(TypedDict):
    """A period of work in the log, with its months."""

    id: int
    role: str
    label: str | None
    start: str
    end: str | None
    employer: str | None
    months: int


@final
class CeWorkTotal(TypedDict):
    """Months of one kind of experience, overlapping periods counted once."""

    role: str
    label: str | None
    months: int


@final
class CeWorkOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    as_of: str
    work: list[CeWorkPeriod]
    totals: list[CeWorkTotal]


@final
class CeCounted(TypedDict):
    issuer: str
    credits: float
    unit: str | None


@final
class CeEvidence(TypedDict):
    name: str
    file: str | None
    sha256: str
    size: int | None


CeActivity = TypedDict(
    "CeActivity",
    {
        "id": int,
        "date": str,
        "title": str,
        "provider": str | None,
        "minutes": int | None,
        "ceus": float | None,
        "counted": list[CeCounted],
        "tags": list[str],
        "for": list[str],
        "evidence": CeEvidence | None,
        "notes": str | None,
        "approval": str | None,
    },
)


CeListOut = TypedDict(
    "CeListOut",
    {
        "sources": NotRequired[dict[str, Source]],
        "cycle": Literal["current", "previous", "all"],
        "for": str | None,
        "activities": list[CeActivity],
        "tag_labels": dict[str, str],
    },
)


@final
class CeCredential(TypedDict):
    id: str
    name: str | None
    issuer: str | None
    earned: str
    ceus: Figure | None
    cycle: Figure | None
    replaced_by: str | None


@final
class CeCredentialsOut(TypedDict):
    sources: NotRequired[dict[str, Source]]
    credentials: list[CeCredential]


@final
class CeHolder(TypedDict):
    """The holder as ``ce profile`` stored them (None / empty when not given)."""

    name: str | None
    member_ids: dict[str, str]


CeReportActivity = TypedDict(
    "CeReportActivity",
    {
        "id": int,
        "date": str,
        "title": str,
        "provider": str | None,
        "minutes": int | None,
        "ceus": float | None,
        "counted": list[CeCounted],
        "tags": list[str],
        "for": list[str],
        "evidence": CeEvidence | None,
        "notes": str | None,
        "approval": str | None,
        "credits": float | None,
        "evidence_state": Literal["ok", "missing", "changed", "not kept"] | None,
    },
)


@final
class CeReportCycle(TypedDict):
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
    state: Literal["complete", "on-track", "behind", "unmet"]
    activities: int
    checks: list[CeCheck]
    needed: CeNeeded
    warnings: list[CeWarning]
    notes: list[CeNote]
    records: list[CeReportActivity]
    not_found: list[str]


@final
class CeReportOut(TypedDict):
    """Schema 2: what is needed, the checks and the notes are codes and numbers."""

    schema_version: Literal[2]
    sources: NotRequired[dict[str, Source]]
    generated: str
    cycle: Literal["current", "previous", "all"]
    folder: str
    holder: CeHolder
    credentials: list[CeCredential]
    held: list[CeHeld]
    cycles: list[CeReportCycle]
    uncounted: list[CeReportActivity]
    notes: list[CeNote]
    tag_labels: dict[str, str]
    tag_words: dict[str, str]
