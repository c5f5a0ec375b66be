"""The certificate route told truly: it leads to work or to the CCA and CPC, never straight to the
RHIT, which needs an accredited associate-level program (steps, degrees, handout, plan)."""

from __future__ import annotations

from typing import Any

import pytest


def _certificate_leads(leads: list[Any]) -> dict[bool, set[str]]:
    out: dict[bool, set[str]] = {True: set(), False: set()}
    for lead in leads:
        out[lead["qualifies"]] |= set(lead["certifications"])
    return out


def test_the_data_says_where_the_certificate_leads(guide: Any) -> None:
    certificate = guide.get("degree", "certificate")
    leads = _certificate_leads(certificate["leads"])
    assert "RHIT" in leads[False] and "RHIT" not in leads[True]
    assert {"CCA", "CPC"} <= leads[True]
    assert all(lead["flag"] == "official" for lead in certificate["leads"])
    assert "workforce" in certificate["prepares_for"] and "certification" not in certificate["prepares_for"]


def test_steps_say_the_certificate_does_not_lead_to_the_rhit(cli: Any, cli_json: Any) -> None:
    data = cli_json("steps")
    educate = next(s for s in data["steps"] if "certificate" in s["degrees"])
    leads = _certificate_leads([lead for lead in educate["leads"] if lead["degree"] == "Certificate"])
    assert "RHIT" in leads[False] and "RHIT" not in leads[True] and {"CCA", "CPC"} <= leads[True]
    result = cli("steps", env={"COLUMNS": "80"})
    out = " ".join(result.stdout.replace("│", " ").split())
    assert result.exit_code == 0 and result.stderr == ""
    said = out.index("A certificate leads to work, not to the RHIT")
    assert out.index("Earn a certificate or an associate degree") < said < out.index("Pass the RHIT exam")
    assert "associate-level program accredited by CAHIIM. [ahima-rhit]" in out
    assert "AHIMA's CCA" in out and "AAPC's CPC" in out


def test_degrees_say_where_the_certificate_leads(cli: Any) -> None:
    for args in (["degrees"], ["degrees", "Certificate"]):
        result = cli(*args, env={"COLUMNS": "80"})
        out = " ".join(result.stdout.split())
        assert result.exit_code == 0 and result.stderr == ""
        assert "leads to work, not to the RHIT" in out and "[ahima-rhit]" in out
        assert "no proof of education. [aapc-apprentice]" in out


def test_the_handout_steps_put_the_certificate_right(cli: Any, cli_json: Any) -> None:
    data = cli_json("handout")
    step = next(s for s in data["steps"] if s["leads"])
    assert "RHIT" in _certificate_leads(step["leads"])[False]
    out = " ".join(cli("handout", env={"COLUMNS": "80"}).stdout.split())
    assert out.index("Certificate: A certificate leads to work, not to the RHIT") < out.index(
        "3. Pass the RHIT exam"
    )
    assert "ahima-rhit" in data["sources"] and "aapc-apprentice" in data["sources"]


@pytest.mark.parametrize("field", ["--him", "--not-him"])
@pytest.mark.parametrize("goal", ["rhit", "coding", "privacy", "management"])
def test_no_plan_takes_a_certificate_straight_to_the_rhit(cli_json: Any, field: str, goal: str) -> None:
    data = cli_json(
        "plan", "--education", "certificate", field, "--goal", goal, "--bachelor-later", "--start", "2027-01"
    )
    steps = {m["id"]: m for m in data["milestones"]}
    exam = steps.get("exam-rhit")
    if exam is None:
        return
    before = [steps[s] for s in exam["prepared"]["steps"]]
    assert [m["route"] for m in before if m["kind"] == "study"] in (["as-hit"], ["aas-hit"]), before
    assert exam["prepared"]["held"] == [] and exam["start"] != "2027-01"
