"""Renewal rules from data: AHIMA's worked examples, the RHIA replacing the RHIT."""

from __future__ import annotations

from typing import Any

import pytest

from mrt_guide.queries.renewal import combined_requirement, rules


def test_every_worked_example_of_ahima_holds(guide: Any) -> None:
    """The rule is derived from AHIMA's examples; each example in the data must come out."""
    found = rules(guide, "AHIMA")
    assert found is not None and len(found["combined"]["examples"]) == 5
    for example in found["combined"]["examples"]:
        got = combined_requirement(guide, example["credentials"])
        assert got["total"] == example["total"], example
        assert got["derived"] is True


@pytest.mark.parametrize(
    ("credentials", "total", "counted"),
    [
        (["RHIT"], 20, ["RHIT"]),
        (["RHIT", "CCS"], 30, ["RHIT", "CCS"]),
        (["RHIT", "RHIA"], 30, ["RHIA"]),
        (["RHIT", "RHIA", "CCS"], 40, ["RHIA", "CCS"]),
        (["RHIA", "CCS", "CCS-P", "CHDA", "CHPS"], 50, ["RHIA", "CCS", "CCS-P", "CHDA", "CHPS"]),
        (["ODS"], 20, ["ODS"]),
    ],
)
def test_combined_requirement(guide: Any, credentials: list[str], total: float, counted: list[str]) -> None:
    got = combined_requirement(guide, credentials)
    assert got["total"] == total and got["credentials"] == counted


def test_rules_resolve_every_figure(guide: Any) -> None:
    ahima = rules(guide, "AHIMA")
    assert ahima is not None
    assert ahima["combined"]["extra"]["value"] == 10 and ahima["combined"]["cap"]["value"] == 50
    assert [s["share"]["value"] for s in ahima["shares"]] == [80, 40]
    assert ahima["counting"]["minutes_per_unit"]["value"] == 60
    assert ahima["counting"]["flag"] == "secondary"
    ncra = rules(guide, "NCRA")
    assert ncra is not None and ncra["anchor"] == "calendar-year" and ncra["due"] == "january-31-after"
    assert [(m["tag"], m["amount"]["value"], m["over_cycles"]) for m in ncra["minimums"]] == [
        ("category_a", 4, 1),
        ("in_person", 8, 2),
    ]
    assert rules(guide, "CAHIIM") is None
