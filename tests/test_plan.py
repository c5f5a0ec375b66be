"""mrt-guide plan: dated milestones computed from the dataset, for every starting point."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mrt_guide.queries.plan import EDUCATION, month, parse_month

RHIT_FROM_HIGH_SCHOOL = [
    "--education",
    "high-school",
    "--goal",
    "rhit",
    "--no-bachelor-later",
    "--start",
    "2027-01",
]
"""The issue's own example: from high school to the RHIT, no bachelor's planned."""


def plan(cli_json: Any, *args: str) -> Any:
    return cli_json("plan", *args)


def by_id(data: Any) -> dict[str, Any]:
    return {m["id"]: m for m in data["milestones"]}


def test_high_school_to_rhit_without_a_bachelors(cli_json: Any) -> None:
    data = plan(cli_json, *RHIT_FROM_HIGH_SCHOOL)
    steps = by_id(data)
    assert [m["id"] for m in data["milestones"]] == [
        "study-aas-hit",
        "exam-rhit",
        "first-job",
        "ce-rhit",
        "renew-rhit",
    ]
    assert (steps["study-aas-hit"]["start"], steps["study-aas-hit"]["end"]) == ("2027-01", "2028-12")
    assert steps["study-aas-hit"]["months"] == 24
    assert "CAHIIM" in steps["study-aas-hit"]["what"]
    assert steps["exam-rhit"]["start"] == "2029-01"
    assert (steps["ce-rhit"]["start"], steps["ce-rhit"]["end"]) == ("2029-01", "2031-01")
    assert steps["renew-rhit"]["start"] == "2031-01"
    totals = data["totals"]
    assert (totals["first_credential"], totals["months_to_first_credential"]) == ("RHIT", 24)
    ce = totals["continuing_education"][0]
    assert (ce["ceus"]["value"], ce["ceus"]["unit"], ce["cycle"]["value"]) == (20, "ceu", 2)
    assert data["gaps"] == []
    for m in data["milestones"]:
        assert m["why"]["source"] and m["why"]["flag"] and m["command"].startswith("mrt-guide ")


def test_a_bachelors_later_means_the_as_and_a_step_towards_management(cli_json: Any) -> None:
    data = plan(
        cli_json, "--education", "high-school", "--goal", "rhit", "--bachelor-later", "--start", "2027-01"
    )
    ids = [m["id"] for m in data["milestones"]]
    assert ids[0] == "study-as-hit" and "study-aas-hit" not in ids
    bachelor = by_id(data)["study-bs-him"]
    assert "management" in bachelor["title"] and bachelor["start"] == by_id(data)["exam-rhit"]["start"]
    assert bachelor["months"] is None and bachelor["end"] is None and "gives the length" in bachelor["what"]
    assert data["gaps"] == [bachelor["what"]]


def test_dates_cross_year_ends(cli_json: Any) -> None:
    steps = by_id(
        plan(
            cli_json,
            "--education",
            "certificate",
            "--goal",
            "rhit",
            "--no-bachelor-later",
            "--start",
            "2026-11",
        )
    )
    assert (steps["study-aas-hit"]["start"], steps["study-aas-hit"]["end"]) == ("2026-11", "2028-10")
    assert steps["exam-rhit"]["start"] == "2028-11" and steps["ce-rhit"]["end"] == "2030-11"


@pytest.mark.parametrize(
    ("education", "months", "study"),
    [
        ("none", None, True),
        ("high-school", 24, True),
        ("certificate", 24, True),
        ("associate", 0, False),
        ("bachelor", 0, False),
    ],
)
@pytest.mark.parametrize("goal", ["rhit", "coding", "privacy"])
def test_every_education_level(
    cli_json: Any, education: str, months: int | None, study: bool, goal: str
) -> None:
    args = ["--education", education, "--goal", goal, "--start", "2030-06"]
    if education not in ("associate", "bachelor"):
        args.append("--no-bachelor-later")
    data = plan(cli_json, *args)
    ids = [m["id"] for m in data["milestones"]]
    assert ("study-aas-hit" in ids) is study
    assert ("high-school" in ids) is (education == "none")
    assert data["totals"]["months_to_first_credential"] == months
    exams = [m for m in data["milestones"] if m["kind"] == "exam"]
    assert exams[0]["id"] == "exam-rhit"
    target = {"rhit": "RHIT", "coding": "CCS", "privacy": "CHPS"}[goal]
    assert exams[-1]["id"] == f"exam-{target.lower()}"
    dated = [m["start"] for m in data["milestones"] if m["start"]]
    assert dated == sorted(dated), "the timeline is in date order"


def test_privacy_adds_the_experience_the_dataset_asks_for(cli_json: Any, guide: Any) -> None:
    data = plan(cli_json, "--education", "associate", "--goal", "privacy", "--start", "2027-01")
    work = next(m for m in data["milestones"] if m["kind"] == "work")
    chps = guide.certification("CHPS")
    pathway = next(p for p in chps["eligibility"]["pathways"] if p["id"] == "chps-associate")
    assert work["months"] == pathway["experience"]["value"] * 12 == 48
    assert by_id(data)["exam-chps"]["start"] == month(parse_month("2027-01") + 48)
    route = next(r for r in data["routes"] if r["certification"] == "CHPS")
    assert route["pathway"]["id"] == "chps-associate"
    assert {p["id"] for p in route["other_pathways"]} == {"chps-high-school", "chps-bachelor", "chps-master"}


def test_where_the_data_lacks_a_fact_the_plan_says_so(cli_json: Any) -> None:
    data = plan(cli_json, "--education", "bachelor", "--goal", "data-analysis", "--start", "2027-01")
    assert any("eligibility rules for the CHDA were not found" in gap for gap in data["gaps"])
    exam = by_id(data)["exam-chda"]
    assert exam["start"] is None and exam["dated"] is False
    none = plan(
        cli_json, "--education", "none", "--goal", "rhit", "--no-bachelor-later", "--start", "2027-01"
    )
    assert none["milestones"][0]["id"] == "high-school" and none["milestones"][0]["end"] is None
    assert none["totals"]["months_to_first_credential"] is None


def test_management_needs_the_bachelors(cli: Any, cli_json: Any) -> None:
    data = plan(cli_json, "--education", "high-school", "--goal", "management", "--start", "2027-01")
    assert data["inputs"]["bachelor_later"] is True
    assert [m["id"] for m in data["milestones"]][:2] == ["study-as-hit", "exam-rhit"]
    assert "exam-rhia" in by_id(data)
    result = cli("plan", "--education", "high-school", "--goal", "management", "--no-bachelor-later")
    assert result.exit_code == 2 and "needs a bachelor's degree" in result.stderr


def test_dates_come_from_the_dataset(cli: Any, data_copy: Any) -> None:
    """Lengthen the AAS and the RHIT cycle in a copy of the dataset: the dates move with them."""

    def longer(doc: Any) -> None:
        route = next(r for r in doc["routes"] if r["id"] == "aas-hit")
        route["duration"]["value"] = 3

    def slower_cycle(doc: Any) -> None:
        next(c for c in doc["certifications"] if c["id"] == "RHIT")["renewal"]["cycle"]["value"] = 3

    data_copy("education.json", longer)
    directory = data_copy("certifications.json", slower_cycle)
    args = ["--data", str(directory), "plan", *RHIT_FROM_HIGH_SCHOOL, "--json"]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    steps = by_id(json.loads(result.stdout))
    assert steps["study-aas-hit"]["end"] == "2029-12" and steps["exam-rhit"]["start"] == "2030-01"
    assert steps["ce-rhit"]["end"] == "2033-01"


@pytest.mark.parametrize("start", ["2026-13", "2026-00", "2026-1", "26-01", "next year", "1850-01", ""])
def test_invalid_start_is_a_usage_error(cli: Any, start: str) -> None:
    result = cli("plan", "--education", "associate", "--goal", "rhit", "--start", start)
    assert result.exit_code == 2 and result.stdout == ""
    assert "Invalid --start" in result.stderr and "YYYY-MM" in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--education", "associate", "--goal", "codng"], "No goal 'codng'. Did you mean coding?"),
        (["--education", "hs", "--goal", "rhit", "--no-bachelor-later"], "No education level 'hs'"),
        (["--goal", "rhit", "--no-bachelor-later"], "Missing --education"),
        (["--education", "high-school", "--goal", "rhit"], "Missing --bachelor-later or --no-bachelor-later"),
        ([], "Missing --education and --goal and --bachelor-later or --no-bachelor-later"),
    ],
)
def test_bad_or_missing_choices_exit_2(cli: Any, args: list[str], message: str) -> None:
    result = cli("plan", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_start_defaults_to_this_month(cli_json: Any) -> None:
    import datetime as dt

    data = plan(cli_json, "--education", "associate", "--goal", "rhit")
    assert data["inputs"]["start"] == dt.date.today().strftime("%Y-%m")


def test_human_output_and_markdown_export(cli: Any, tmp_path: Any) -> None:
    args = ["plan", *RHIT_FROM_HIGH_SCHOOL]
    out = cli(*args).stdout
    assert "2027-01 - 2028-12" in out and "Earn the AAS" in out and "Why:" in out
    assert "24 months from the start (2029-01)" in out
    path = tmp_path / "plan.md"
    result = cli(*args, "--export", str(path))
    assert result.exit_code == 0
    text = path.read_text("utf-8")
    assert text.startswith("# Your plan") and "- **2027-01 - 2028-12**: **Earn the AAS**" in text


def test_prompts_on_a_terminal(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from mrt_guide.commands import plan as command

    monkeypatch.setattr(command, "_interactive", lambda: True)
    result = cli("plan", "--json", input="certificate\ncoding\ny\n2027-13\n2027-03\n")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout[result.stdout.index("{") :])
    assert data["inputs"] == {
        "education": "certificate",
        "goal": "coding",
        "bachelor_later": True,
        "start": "2027-03",
    }
    assert "Invalid --start '2027-13'" in result.stderr


def test_education_choices_match_the_levels() -> None:
    from mrt_guide.commands.plan import EDUCATION_HELP

    assert EDUCATION == ("none", "high-school", "certificate", "associate", "bachelor")
    assert all(level in EDUCATION_HELP for level in EDUCATION)


def test_goal_help_lists_every_goal_in_the_dataset(guide: Any) -> None:
    from mrt_guide.commands.plan import GOAL_HELP

    assert all(g["id"] in GOAL_HELP for g in guide.section("goals")["goals"])
