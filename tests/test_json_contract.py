"""Each command's --json output is typed: validated strictly against its class in
``mrt_guide/contract.py``, unknown keys forbidden. A change to a command's JSON is a
change to its documented contract: update the class, README.md and, for anything but an
added key, ``output.SCHEMA_VERSION`` (or, for one
command's document, its own ``schema_version`` in the contract and ``VERSIONS`` here)."""

from __future__ import annotations

import json
import typing
from typing import Any

import pytest
from pydantic import ValidationError

from mrt_guide.contract import CONTRACTS, GuideOut
from mrt_guide.output import SCHEMA_VERSION
from mrt_guide.queries.guide import PARTS

FORMS: dict[str, tuple[str, list[str]]] = {
    "facts": ("facts", ["facts"]),
    "steps": ("steps", ["steps"]),
    "salary": ("salary", ["salary"]),
    "salary-history": ("salary", ["salary", "--history"]),
    "salary-hourly": ("salary", ["salary", "--hourly"]),
    "salary-hourly-history": ("salary", ["salary", "--hourly", "--history"]),
    "salary-state": ("salary --state STATE", ["salary", "--state", "Illinois"]),
    "salary-state-none": ("salary --state STATE", ["salary", "--state", "dc"]),
    "salary-states": ("salary --states", ["salary", "--states"]),
    "salary-states-name": ("salary --states", ["salary", "--states", "--sort", "name"]),
    "certs": ("certs", ["certs"]),
    "certs-one": ("certs ID", ["certs", "ODS"]),
    "compare": ("compare A B", ["compare", "CPC", "CCS"]),
    "compare-goals": ("compare A B", ["compare", "coding", "coding-aapc", "management", "--from", "none"]),
    "degrees": ("degrees", ["degrees"]),
    "degrees-answer": ("degrees", ["degrees", "--no-bachelor-later"]),
    "degrees-one": ("degrees ROUTE", ["degrees", "AS"]),
    "outlook": ("outlook", ["outlook"]),
    "careers": ("careers", ["careers"]),
    "careers-one": ("careers ID", ["careers", "medical-coders"]),
    "duties": ("duties", ["duties"]),
    "skills": ("skills", ["skills"]),
    "workplaces": ("workplaces", ["workplaces"]),
    "about": ("about", ["about"]),
    "sources": ("sources", ["sources"]),
    "search": ("search", ["search", "coding"]),
    "guide": ("guide", ["guide"]),
    "handout": ("handout", ["handout"]),
    "plan-gap": ("plan", ["plan", "--education", "bachelor", "--not-him", "--goal", "management"]),
    "plan-ods": ("plan", ["plan", "--education", "associate", "--him", "--goal", "cancer-registry"]),
    "data-imports": ("data imports", ["data", "imports"]),
    "ce-status": ("ce status", ["ce", "status"]),
    "ce-list": ("ce list", ["ce", "list"]),
    "ce-credential-list": ("ce credential list", ["ce", "credential", "list"]),
    "ce-work-list": ("ce work list", ["ce", "work", "list"]),
    "ce-report": ("ce report", ["ce", "report"]),
    "plan": (
        "plan",
        [
            "plan",
            "--education",
            "none",
            "--high-school-done",
            "2027-06",
            "--goal",
            "coding",
            "--bachelor-later",
            "--start",
            "2027-01",
        ],
    ),
}


VERSIONS = {"ce status": 2, "ce report": 2}
"""Documents whose shape changed since schema 1 (issue 21 item 9: codes in place of sentences)."""


def test_a_document_with_its_own_version_says_so_in_its_contract() -> None:
    for contract, cls in CONTRACTS.items():
        literal = cls.model_fields["schema_version"].annotation
        assert typing.get_args(literal) == (VERSIONS.get(contract, SCHEMA_VERSION),), contract


@pytest.mark.parametrize("name", sorted(FORMS))
def test_json_matches_its_type(cli_json: Any, name: str) -> None:
    contract, args = FORMS[name]
    document = cli_json(*args)
    assert document["schema_version"] == VERSIONS.get(contract, SCHEMA_VERSION)
    assert next(iter(document)) == "schema_version"
    CONTRACTS[contract].model_validate(document, strict=True)


def test_every_contract_is_exercised() -> None:
    assert {contract for contract, _ in FORMS.values()} == set(CONTRACTS)


def test_the_contract_rejects_a_stray_key_and_a_wrong_type(cli_json: Any) -> None:
    document = cli_json("salary")
    CONTRACTS["salary"].model_validate(document, strict=True)
    stray = json.loads(json.dumps(document))
    stray["figures"][0]["colour"] = "red"
    with pytest.raises(ValidationError, match="colour"):
        CONTRACTS["salary"].model_validate(stray, strict=True)
    wrong = json.loads(json.dumps(document))
    wrong["figures"][0]["year"] = "2024"
    with pytest.raises(ValidationError, match="year"):
        CONTRACTS["salary"].model_validate(wrong, strict=True)


def test_the_guide_contract_has_every_part() -> None:
    assert set(GuideOut.model_fields) - {"schema_version", "sources"} == {p.key for p in PARTS}
