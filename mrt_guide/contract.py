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

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .dataset import models as m


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


class StepOut(m.Step):
    number: int
    duration: DurationOut


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


class Renewal(Out):
    ceus: m.Figure
    cycle: m.Figure


class CertRow(Out):
    id: str
    aliases: list[str]
    name: str
    issuer: str
    audience: str
    renewal: Renewal
    renamed_from: m.Rename | None
    article: m.ArticleClaim | None
    source: str
    flag: m.Flag


class CertsRecords(Out):
    certifications: list[CertRow]
    issuers: list[m.Issuer]
    benefits: list[m.Fact]


class CertsOut(CertsRecords, Cited):
    pass


class LeadOut(m.Lead):
    links: list[LinkOut]


class CertificationOut(m.Certification):
    leads_to: list[LeadOut]


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
    no_hourly_figure: list[m.Figure]
    spreads: list[SpreadOut]
    factors: list[FactorOut]


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


class OutlookOut(OutlookRecords, Cited):
    pass


# duties, skills, workplaces, about


class DutiesRecords(Out):
    intro: m.Fact
    duties: list[m.Fact]


class DutiesOut(DutiesRecords, Cited):
    pass


class SkillsRecords(Out):
    intro: list[m.Fact]
    skills: list[m.Fact]


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


# search, sources


class SearchResult(Out):
    section: str
    id: str
    title: str
    link: LinkOut
    matches: list[str]


class SearchOut(Out):
    schema_version: Literal[1]
    terms: list[str]
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


class Why(Out):
    id: str | None
    text: str
    source: str
    flag: m.Flag


class Milestone(Out):
    id: str
    kind: str
    title: str
    what: str
    start: str | None
    end: str | None
    months: int | None
    dated: bool
    open_ended: bool
    why: Why
    command: str
    figures: list[m.Figure]


class PlanRoute(Out):
    certification: str
    pathway: m.Pathway | None
    other_pathways: list[dict[str, str]]
    missing: str | None


class ContinuingEducation(Out):
    certification: str
    ceus: m.Figure
    cycle: m.Figure
    rules: list[m.Fact]


class Totals(Out):
    first_credential: str | None
    months_to_first_credential: int | None
    first_credential_month: str | None
    continuing_education: list[ContinuingEducation]
    pay: list[m.Figure]
    pay_factors: list[m.Factor]


class Inputs(Out):
    education: str
    goal: str
    bachelor_later: bool | None
    start: str


class PlanOut(Cited):
    inputs: Inputs
    goal: m.Goal
    milestones: list[Milestone]
    routes: list[PlanRoute]
    totals: Totals
    gaps: list[str]


# the whole guide


class GuideOut(Cited):
    about: AboutRecords
    steps: StepsRecords
    degrees: DegreesRecords
    certifications: CertsRecords
    certification_details: list[CertRecords]
    salary: SalaryRecords
    salary_history: SalaryRecords
    outlook: OutlookRecords
    duties: DutiesRecords
    skills: SkillsRecords
    workplaces: WorkplacesRecords
    source_list: SourceList


CONTRACTS: dict[str, type[Out]] = {
    "steps": StepsOut,
    "degrees": DegreesOut,
    "degrees ROUTE": DegreeOut,
    "certs": CertsOut,
    "certs ID": CertOut,
    "salary": SalaryOut,
    "outlook": OutlookOut,
    "duties": DutiesOut,
    "skills": SkillsOut,
    "workplaces": WorkplacesOut,
    "about": AboutOut,
    "search": SearchOut,
    "sources": SourcesOut,
    "plan": PlanOut,
    "guide": GuideOut,
}
"""Each command form's JSON document type, by the form's name in the README."""


# the continuing-education log (ce)

CeState = Literal["complete", "on-track", "behind", "unmet"]
CeCycleChoice = Literal["current", "previous", "all"]
CeEvidenceState = Literal["ok", "missing", "changed", "not kept"]


class CeCheck(Out):
    """One rule of a cycle: ``earned`` of ``required`` by ``by`` (a multi-cycle minimum's
    deadline is its last cycle's), with the rule's source."""

    rule: str
    tag: m.Tag | None
    cycles: int
    ok: bool
    earned: float
    required: float
    by: str
    detail: str
    source: str | None
    flag: m.Flag | None


class CeWarning(Out):
    status: str
    from_: str = Field(alias="from")
    text: str
    source: str
    flag: m.Flag


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
    needed: str
    warnings: list[CeWarning]
    notes: list[str]


class CeStatusOut(Cited):
    on: str
    cycles: list[CeCycle]
    notes: list[str]


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


class CeListOut(Cited):
    cycle: CeCycleChoice
    for_: str | None = Field(alias="for")
    activities: list[CeActivity]


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


class CeReportOut(Cited):
    generated: str
    cycle: CeCycleChoice
    folder: str
    credentials: list[CeCredential]
    cycles: list[CeReportCycle]
    uncounted: list[CeReportActivity]
    notes: list[str]


CONTRACTS.update(
    {
        "ce status": CeStatusOut,
        "ce list": CeListOut,
        "ce credential list": CeCredentialsOut,
        "ce report": CeReportOut,
    }
)
