"""Every fact of the seed article is reachable from a command.

Each fact below was drawn from ../shared/seed/career-profile-medical-records-technician.txt,
in the article's order. It is checked in the --json output of the command that shows it,
and again in ``mrt-guide guide --json``, the whole guide.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

Check = Callable[[Any], bool]


def strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from strings(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from strings(item)


def records(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, dict):
        yield obj
        for value in obj.values():
            yield from records(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from records(item)


def says(*words: str) -> Check:
    """Some single string of the output contains every word (any case)."""
    return lambda out: any(all(w.lower() in s.lower() for w in words) for s in strings(out))


def figure(value: float, unit: str, **fields: Any) -> Check:
    """Some figure has this value and unit (and the given fields)."""
    return lambda out: any(
        r.get("value") == value and r.get("unit") == unit and all(r.get(k) == v for k, v in fields.items())
        for r in records(out)
    )


def article_says(value: float, *words: str) -> Check:
    """Some figure keeps the article's own wording (and its own number, where it differs)."""
    return lambda out: any(
        isinstance(r.get("article"), dict)
        and all(w.lower() in r["article"]["says"].lower() for w in words)
        and (r["value"] == value or r["article"].get("value") == value)
        for r in records(out)
        if "unit" in r
    )


def has_id(*ids: str) -> Check:
    return lambda out: set(ids) <= {r.get("id") for r in records(out)}


def in_degrees(check: Check) -> Check:
    """For the whole guide: the same check on its degrees section."""
    return lambda out: check(out["degrees"]) if "degrees" in out and "routes" not in out else check(out)


def rule_picks(route: str, bachelor_later: bool) -> Check:
    """The AS/AAS answer when asked, else the rule that gives it."""
    key = "if_bachelor_later" if bachelor_later else "if_no_bachelor_later"
    return in_degrees(lambda o: (o["answer"] or {}).get("route", o["choice_rule"][key]) == route)


FACTS: list[tuple[str, list[str], Check]] = [
    # Opening
    ("suits organised, confident tech lovers", ["about"], says("organized", "self-assured", "technology")),
    ("works in health care without hands-on patient care", ["about"], says("no hands-on care of patients")),
    ("manages and organises health information", ["about"], says("health information", "organize")),
    ("BLS: employment has been growing", ["outlook"], says("Bureau of Labor Statistics", "growing")),
    ("projected 13% growth, 2016 to 2026 (BLS: 13.5%)", ["outlook"], article_says(13, "13%")),
    ("13.5% growth, 2016-26", ["outlook"], figure(13.5, "percent", year=2016, year_end=2026)),
    ("demand rises as the population and workforce age", ["outlook"], says("population", "older")),
    ("some specialise in coding systems used for insurance", ["about"], says("coding", "insurance")),
    ("others move into health information management", ["about"], says("health information management")),
    # How to become one
    ("the path is not complicated", ["about"], says("straightforward")),
    (
        "a certificate or degree is required (article: 'medical technology')",
        ["degrees"],
        says("medical technology"),
    ),
    ("a certificate takes up to six months", ["degrees"], figure(6, "months", qualifier="up to")),
    ("an associate degree takes two years", ["degrees"], figure(2, "years", id="duration-as-hit")),
    ("enrol in an accredited program", ["degrees"], says("accreditation", "enroll")),
    ("the best programs meet CAHIIM standards", ["degrees"], says("CAHIIM", "standards")),
    ("high school: human health", ["degrees"], says("Human health")),
    (
        "high school: math, computers, business",
        ["degrees"],
        lambda o: all(says(w)(o) for w in ("Mathematics", "Computers", "Business")),
    ),
    ("vocational schools teach HIT", ["degrees"], says("vocational schools")),
    ("online programs prepare you too", ["degrees"], says("online programs")),
    # Get certified
    ("employers favour certified or registered MRTs", ["certs"], says("prefer", "certified or registered")),
    ("the RHIT title needs a certification exam", ["certs", "RHIT"], says("passing a certification exam")),
    ("AHIMA administers the exam", ["certs", "RHIT"], says("AHIMA administers")),
    (
        "certification helps you study further, find work, earn more",
        ["certs"],
        says("find work sooner", "earn more"),
    ),
    ("certification joins you to a larger workforce", ["certs"], says("wider professional community")),
    # Keep the title
    (
        "20 hours of education every two years (AHIMA: 20 CEUs per 2-year cycle)",
        ["certs", "RHIT"],
        article_says(20, "20 hours", "two years"),
    ),
    (
        "training and experience bring promotions and raises",
        ["certs", "RHIT"],
        says("promotion", "higher pay"),
    ),
    (
        "lifelong learning and a degree lead to supervisory posts",
        ["steps"],
        says("administrative and supervisory"),
    ),
    # Degree path
    ("two associate degrees: AS and AAS in HIT", ["degrees"], has_id("as-hit", "aas-hit")),
    (
        "both prepare for certification and work",
        ["degrees"],
        in_degrees(
            lambda o: all(
                {"certification", "workforce"} <= set(r["prepares_for"])
                for r in o["routes"]
                if r["level"] == "associate"
            )
        ),
    ),
    (
        "no bachelor's planned: choose the AAS",
        ["degrees", "--no-bachelor-later"],
        rule_picks("aas-hit", False),
    ),
    (
        "a bachelor's in the long run: choose the AS",
        ["degrees", "--bachelor-later"],
        rule_picks("as-hit", True),
    ),
    (
        "associate coursework: health information systems",
        ["degrees"],
        says("Introduction to health information systems"),
    ),
    (
        "associate coursework: coding, anatomy and physiology, terminology",
        ["degrees"],
        lambda o: all(
            says(w)(o) for w in ("Medical coding", "anatomy and physiology", "Medical terminology")
        ),
    ),
    ("advance with a BS in health information management", ["degrees"], has_id("bs-him")),
    ("BS graduates take managerial roles in HIT departments", ["degrees", "BS"], says("management posts")),
    (
        "BS coursework: pathology, data management, legal aspects, finance",
        ["degrees"],
        lambda o: all(
            says(w)(o) for w in ("Disease pathology", "Health data management", "Legal aspects", "finance")
        ),
    ),
    ("more certifications add knowledge and marketability", ["certs"], says("more employable")),
    (
        "healthcare privacy and security certification (CHPS)",
        ["certs", "CHPS"],
        says("Healthcare privacy and security"),
    ),
    ("coding certification: CCS or CCS-P", ["certs"], has_id("CCS", "CCS-P")),
    (
        "health data analysis (CHDA; the article writes 'Healthy')",
        ["certs", "CHDA"],
        says("Healthy data analysis"),
    ),
    ("certified tumor registry (CTR, now ODS)", ["certs", "CTR"], says("Certified Tumor Registrar")),
    # Duties
    ("providers diagnose and treat from the records", ["duties"], says("diagnose and treat")),
    ("the technician keeps the patient's medical history", ["duties"], says("medical history")),
    ("duty: manage and organise medical information", ["duties"], says("Manage and organize")),
    ("duty: paperwork", ["duties"], says("paperwork")),
    ("duty: proper storage of files", ["duties"], says("files are stored properly")),
    ("duty: analyse electronic data", ["duties"], says("Analyze electronic data")),
    ("duty: monitor the EHR database", ["duties"], says("electronic health record database")),
    (
        "duty: transfer data from physician records",
        ["duties"],
        says("Transfer data from physicians' records"),
    ),
    ("duty: code diagnoses and procedures", ["duties"], says("Code diagnoses and procedures")),
    (
        "duty: disease patterns, safety, treatment, outcomes",
        ["duties"],
        says("disease patterns", "patient safety", "outcomes"),
    ),
    ("duty: calculate survival rates", ["duties"], says("survival rates")),
    # Skills
    ("advanced computer skills", ["skills"], says("computers")),
    ("familiar with medical terminology and concepts", ["skills"], says("medical terms and concepts")),
    ("OPM: know records organisation and procedures", ["skills"], says("Office of Personnel Management")),
    ("coders work with utmost accuracy", ["skills"], says("accuracy")),
    (
        "qualities: ethics, communication, judgment, attention to detail",
        ["skills"],
        lambda o: all(says(w)(o) for w in ("ethics", "Communication", "judgment", "Attention to detail")),
    ),
    # Work environment
    (
        "most MRTs work in hospitals (kept as the article's words; hospitals are the largest employer)",
        ["workplaces"],
        lambda o: (
            says("Most MRTs work in hospitals")(o)
            and says("largest single employer", "physicians' offices")(o)
        ),
    ),
    ("roles on record quality and accuracy", ["workplaces"], says("quality and accuracy")),
    ("scan and index paper documents", ["workplaces"], says("scan and index")),
    ("work with physicians and clinicians on deficiencies", ["workplaces"], says("physicians, clinicians")),
    ("other settings offer billing and coding jobs", ["workplaces"], says("billing and coding")),
    (
        "settings: the eight the article lists",
        ["workplaces"],
        has_id(
            "insurance-companies",
            "nursing-homes",
            "physician-practices",
            "software-vendors",
            "government-agencies",
            "rehabilitation-centers",
            "pharmaceutical-companies",
            "home-healthcare-agencies",
        ),
    ),
    # Salary
    ("pay varies with experience, education, location", ["salary"], says("experience, education and where")),
    ("'average' of $37,110 is BLS's May 2015 median", ["salary"], article_says(37110, "average")),
    (
        "the median is a median, dated 2015, official",
        ["salary"],
        figure(37110, "usd_per_year", measure="median", year=2015, flag="official"),
    ),
    ("top 10% earn $61,400", ["salary"], figure(61400, "usd_per_year", measure="p90")),
    ("bottom 10% earn $24,190", ["salary"], figure(24190, "usd_per_year", measure="p10")),
    ("EHR experience pays more", ["salary"], says("electronic health records", "raises pay")),
    ("coders are among the best paid", ["salary"], says("coders", "best paid")),
    (
        "government and hospitals pay more than extended care or doctors' offices",
        ["salary"],
        says("Government", "hospitals", "doctors' offices"),
    ),
    # Outlook
    ("28,000 new jobs (BLS: 27,800)", ["outlook"], article_says(28000, "28000")),
    ("27,800 new jobs, 2016-26", ["outlook"], figure(27800, "jobs", year=2016, year_end=2026)),
    ("growth well above other occupations", ["outlook"], says("faster than for other occupations")),
    (
        "technology changes how health information is kept",
        ["outlook"],
        says("electronic health records", "organized and kept"),
    ),
    ("providers hire MRTs to maintain EHRs", ["outlook"], says("hire technicians to maintain")),
    # Closing
    ("for people passionate about health and computing, rewarding", ["about"], says("rewarding")),
]


@pytest.fixture(scope="module")
def whole_guide() -> Any:
    from typer.testing import CliRunner

    from mrt_guide.cli import app

    result = CliRunner().invoke(app, ["guide", "--json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(("fact", "command", "check"), FACTS, ids=[f[0] for f in FACTS])
def test_fact_is_reachable_from_its_command(
    cli_json: Any, fact: str, command: list[str], check: Check
) -> None:
    assert check(cli_json(*command)), f"{fact!r} is not in mrt-guide {' '.join(command)} --json"


@pytest.mark.parametrize(("fact", "command", "check"), FACTS, ids=[f[0] for f in FACTS])
def test_fact_is_in_the_whole_guide(whole_guide: Any, fact: str, command: list[str], check: Check) -> None:
    assert check(whole_guide), f"{fact!r} is not in mrt-guide guide --json"


def test_the_checks_can_fail() -> None:
    assert not says("no such phrase anywhere")({"a": ["b"]})
    assert not figure(1, "percent")({"x": {"value": 1, "unit": "jobs"}})
    assert not article_says(28000, "28000")({"f": {"value": 27800, "unit": "jobs", "article": None}})
