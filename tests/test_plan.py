"""mrt-guide plan: dated milestones computed from the dataset, right for every starting point."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
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
"""From high school to the RHIT, no bachelor's planned."""


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
        "ce-ahima",
        "renew-ahima",
    ]
    study = steps["study-aas-hit"]
    assert (study["start"], study["end"], study["months"], study["transfer"]) == (
        "2027-01",
        "2028-12",
        24,
        False,
    )
    assert data["accreditor"] == "CAHIIM" and data["programs"][0]["short"] == "AAS"
    assert steps["exam-rhit"]["start"] == "2029-01"
    assert (steps["ce-ahima"]["start"], steps["ce-ahima"]["end"]) == ("2029-01", "2031-01")
    assert steps["ce-ahima"]["requirement"]["total"] == 20
    assert steps["renew-ahima"]["start"] == "2031-01"
    totals = data["totals"]
    assert (totals["first_credential"], totals["months_to_first_credential"]) == ("RHIT", 24)
    assert data["gaps"] == []
    for m in data["milestones"]:
        assert m["why"]["source"] and m["why"]["flag"] and m["link"]["command"]


def test_an_associate_in_another_field_studies_an_accredited_program_before_the_rhit(cli_json: Any) -> None:
    data = plan(
        cli_json,
        "--education",
        "associate",
        "--not-him",
        "--goal",
        "rhit",
        "--no-bachelor-later",
        "--start",
        "2027-01",
    )
    steps = by_id(data)
    assert steps["study-aas-hit"]["start"] == "2027-01" and steps["study-aas-hit"]["transfer"] is True
    assert steps["exam-rhit"]["start"] == "2029-01"
    assert data["transfer"]["source"] == "ahima-rhia"


def test_an_accredited_associate_sits_the_rhit_now(cli_json: Any) -> None:
    data = plan(cli_json, "--education", "associate", "--him", "--goal", "rhit", "--start", "2027-01")
    assert [m["id"] for m in data["milestones"]][:2] == ["exam-rhit", "first-job"]
    assert by_id(data)["exam-rhit"]["start"] == "2027-01"
    assert data["inputs"]["bachelor_later"] is None  # the AS/AAS choice did not arise


def test_a_bachelors_in_another_field_takes_the_post_baccalaureate_route_to_the_rhia(cli_json: Any) -> None:
    data = plan(
        cli_json, "--education", "bachelor", "--not-him", "--goal", "management", "--start", "2027-01"
    )
    steps = by_id(data)
    assert "exam-rhit" not in steps  # a bachelor's holder is not sent back to an associate program
    assert (
        steps["rhia-post-bacc-program"]["kind"] == "gap" and steps["rhia-post-bacc-program"]["months"] is None
    )
    exam = steps["exam-rhia"]
    assert exam["start"] is None and exam["after"] == {"step": "rhia-post-bacc-program", "months": 0}
    assert data["gaps"] == ["rhia-post-bacc-program"]
    assert data["routes"][0]["pathway"]["id"] == "rhia-post-bacc"


def test_coding_puts_a_year_of_experience_before_the_ccs_and_one_cycle_for_both(cli_json: Any) -> None:
    data = plan(cli_json, "--education", "associate", "--him", "--goal", "coding", "--start", "2027-01")
    steps = by_id(data)
    work = steps["ccs-experience"]
    assert (work["start"], work["end"], work["recommended"]) == ("2027-01", "2027-12", True)
    assert work["figures"][0]["id"] == "ccs-experience-coursework"
    assert steps["exam-ccs"]["start"] == "2028-01"
    assert parse_month(steps["exam-ccs"]["start"]) - parse_month(steps["exam-rhit"]["start"]) >= 12
    together = steps["ce-ahima-ccs"]["requirement"]
    assert (together["credentials"], together["total"], together["derived"]) == (["RHIT", "CCS"], 30, True)
    assert not any(m["id"].startswith("ce-ccs") for m in data["milestones"])  # one AHIMA cycle, not two


def test_coding_offers_the_cpc_beside_the_ccs_and_says_which_fits_where(cli: Any, cli_json: Any) -> None:
    data = plan(cli_json, "--education", "associate", "--him", "--goal", "coding", "--start", "2027-01")
    other = data["others"][0]
    assert other["goal"] == "coding-aapc" and other["link"]["args"][-3:] == [
        "coding-aapc",
        "--start",
        "2027-01",
    ]
    said = " ".join(f["text"] for f in other["compared"])
    assert "hospital-based coders" in said and "physician offices" in said
    out = cli("plan", *other["link"]["args"][:3], "--goal", "coding", "--start", "2027-01").stdout
    assert "Another way: Medical coding with AAPC (CPC)" in out and "--goal coding-aapc" in " ".join(
        out.split()
    )
    cpc = cli_json(*[other["link"]["command"], *other["link"]["args"]])  # the link makes the CPC plan
    steps = by_id(cpc)
    assert steps["exam-cpc"]["start"] == "2027-01"  # AAPC asks no proof of education or experience
    removal = steps["cpc-a-removal"]  # passed without experience: the CPC-A until it is proved
    assert (removal["kind"], removal["start"], removal["end"]) == ("work", "2027-01", "2027-12")
    assert [f["id"] for f in removal["figures"]] == ["cpc-a-course-years", "cpc-a-course-hours"]
    assert cpc["others"][0]["goal"] == "coding"
    assert (
        "Prove coding experience to hold the full CPC"
        in cli(other["link"]["command"], *other["link"]["args"]).stdout
    )


def test_the_rhia_replaces_the_rhit(cli_json: Any) -> None:
    data = plan(cli_json, "--education", "high-school", "--goal", "management", "--start", "2027-01")
    steps = by_id(data)
    assert data["inputs"]["bachelor_later"] is True
    bs = steps["study-bs-him"]
    assert steps["study-as-hit"]["start"] == "2027-01" and bs["months"] is None  # the program decides
    assert bs["range"]["months"] == [24, 48] and bs["transfer"] is True
    assert [f["flag"] for f in bs["figures"]] == ["secondary", "secondary"]
    assert steps["exam-rhia"]["after"] == {"step": "study-bs-him", "months": 0}
    need = steps["ce-ahima-rhia"]["requirement"]
    assert (need["credentials"], need["replaced"], need["total"]) == (["RHIA"], ["RHIT"], 30)


def test_ods_cycles_end_on_31_december_of_the_second_calendar_year(cli_json: Any) -> None:
    data = plan(
        cli_json, "--education", "associate", "--him", "--goal", "cancer-registry", "--start", "2027-03"
    )
    steps = by_id(data)
    if steps["exam-ods"]["start"] is None:  # the route to the ODS has a program of unknown length
        assert steps["ce-ncra"]["after"]["step"] == steps["exam-ods"]["after"]["step"]
        return
    exam = parse_month(steps["exam-ods"]["start"])
    end = parse_month(steps["ce-ncra"]["end"])
    assert month(end) == f"{exam // 12 + 2:04d}-12"
    assert steps["renew-ncra"]["due"] == f"{exam // 12 + 3:04d}-01-31"


def test_from_no_diploma_the_plan_dates_every_step(cli_json: Any) -> None:
    data = plan(
        cli_json,
        "--education",
        "none",
        "--high-school-done",
        "2028-06",
        "--goal",
        "privacy",
        "--bachelor-later",
        "--start",
        "2027-01",
    )
    steps = by_id(data)
    assert (steps["high-school"]["start"], steps["high-school"]["end"]) == ("2027-01", "2028-06")
    assert steps["study-as-hit"]["start"] == "2028-07"
    assert all(m["start"] for m in data["milestones"]), [
        m["id"] for m in data["milestones"] if not m["start"]
    ]
    chps = steps["chps-associate-experience"]
    assert chps["months"] == 48 and chps["recommended"] is False  # required experience, not a recommendation
    assert data["gaps"] == []


def test_the_data_gap_is_said_once_and_the_rest_is_dated_from_it(cli_json: Any) -> None:
    data = plan(cli_json, *RHIT_FROM_HIGH_SCHOOL[:3], "data-analysis", *RHIT_FROM_HIGH_SCHOOL[4:])
    steps = by_id(data)
    assert data["gaps"] == ["chda-eligibility"]
    assert steps["exam-chda"]["after"] == {"step": "chda-eligibility", "months": 0}
    assert steps["exam-rhit"]["start"] == "2029-01"  # what comes before the gap keeps its dates


STARTS = [
    ["--education", "none", "--high-school-done", "2027-06"],
    ["--education", "high-school"],
    ["--education", "certificate", "--him"],
    ["--education", "certificate", "--not-him"],
    ["--education", "associate", "--him"],
    ["--education", "associate", "--not-him"],
    ["--education", "bachelor", "--him"],
    ["--education", "bachelor", "--not-him"],
    ["--education", "master", "--him"],
    ["--education", "master", "--not-him"],
]
GOALS = ["rhit", "coding", "coding-aapc", "cancer-registry", "data-analysis", "privacy", "management"]


@pytest.mark.parametrize(
    ("start", "goal"),
    list(itertools.product(STARTS, GOALS)),
    ids=[f"{' '.join(s[1:])}-{g}" for s, g in itertools.product(STARTS, GOALS)],
)
def test_every_starting_point_field_and_goal(cli_json: Any, start: list[str], goal: str) -> None:
    data = plan(cli_json, *start, "--goal", goal, "--bachelor-later", "--start", "2027-01")
    steps = data["milestones"]
    ids = [m["id"] for m in steps]
    assert steps and data["goal"]["id"] == goal
    for m in steps:
        for key in ("start", "end"):
            assert m[key] is None or re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", m[key]), m
        assert m["due"] is None or dt.date.fromisoformat(m["due"])
        if m["start"] is None:
            ranged = [r["id"] for r in steps if r["range"]]
            assert m["after"] is not None and m["after"]["step"] in data["gaps"] + ranged, m
    # the RHIT exam only after an accredited associate program, or one already held
    if "exam-rhit" in ids:
        held = start[-1] == "--him" and start[1] in ("associate", "bachelor", "master")
        assert held or any(m["kind"] == "study" for m in steps[: ids.index("exam-rhit")]), ids
    # the CCS at least a year after coding work begins
    if "exam-ccs" in ids:
        work = next(m for m in steps if m["kind"] == "work" and m["cert"] == "CCS")
        exam = by_id(data)["exam-ccs"]
        if exam["start"] and work["start"]:
            assert parse_month(exam["start"]) - parse_month(work["start"]) >= 12
        else:  # both dated from the same undated step
            assert exam["after"]["step"] == work["after"]["step"]
            assert exam["after"]["months"] - work["after"]["months"] >= 12
    # no undated step where the data has lengths
    lengthless = {p["id"] for p in data["preparations"] if p["length"] is None}
    assert all(
        m["months"] is not None
        or m["kind"] in ("gap", "job", "ce")
        or m["preparation"] in lengthless
        or m["range"] is not None
        for m in steps
    ), ids
    assert_every_exam_is_prepared(data, start)


def assert_every_exam_is_prepared(data: Any, start: list[str]) -> None:
    """No exam without preparation: each names the steps before it that prepare for it, or
    what the reader holds; an exam in month 0 only on what the reader holds from the start."""
    steps = data["milestones"]
    ids = [m["id"] for m in steps]
    accredited = start[-1] == "--him" and start[1] in ("associate", "bachelor", "master")
    for n, exam in enumerate(steps):
        if exam["kind"] != "exam":
            continue
        prepared = exam["prepared"]
        assert prepared["steps"] or prepared["held"], exam["id"]
        for step in prepared["steps"]:
            assert ids.index(step) < n, (step, exam["id"], ids)
        if exam["start"] == data["inputs"]["start"]:  # month 0
            assert not prepared["steps"] and prepared["held"], exam
            assert prepared["held"] != ["education"] or accredited, (start, exam["id"])
        studied = any(m["kind"] == "study" for m in steps[:n])
        if exam["cert"] in ("CPC", "CCA") and not accredited and not studied:
            # an exam that asks no proof of training: a coding course first, said how long
            before = [by_id(data)[s] for s in prepared["steps"]]
            course = [m for m in before if m["kind"] == "prepare"]
            assert [m["preparation"] for m in course] == ["coding-course"], (start, ids)
            assert course[0]["figures"][0]["value"] == 80 and course[0]["figures"][0]["unit"] == "hours"
            assert course[0]["id"] in data["gaps"]  # no length known: said, and dated from its end
            assert exam["after"] == {"step": course[0]["id"], "months": 0}
    # one cycle at a time for each issuer, which grows as credentials join it
    cycles: dict[str, list[tuple[str, str]]] = {}
    for m in steps:
        if m["kind"] == "ce" and m["start"] and m["end"] and m["requirement"]:
            cycles.setdefault(m["requirement"]["issuer"], []).append((m["start"], m["end"]))
        if m["joins"]:  # the total is the one 'ce status' computes for the cycle
            assert m["requirement"]["total"] == m["joins"]["required"], m
            assert sorted(m["requirement"]["credentials"]) == sorted(m["joins"]["with"]), m
    for dated in cycles.values():
        dated.sort()
        assert all(later[0] >= earlier[1] for earlier, later in itertools.pairwise(dated)), dated


@pytest.mark.parametrize("start", STARTS, ids=[" ".join(s[1:]) for s in STARTS])
def test_the_same_person_gets_the_same_preparation_in_both_coding_plans(
    cli_json: Any, start: list[str]
) -> None:
    plans = [
        plan(cli_json, *start, "--goal", goal, "--bachelor-later", "--start", "2027-01")
        for goal in ("coding", "coding-aapc")
    ]
    courses = [[m for m in p["milestones"] if m["kind"] == "prepare"] for p in plans]
    exams = [{m["cert"]: m for m in p["milestones"] if m["kind"] == "exam"} for p in plans]
    cpc = exams[1]["CPC"]
    if "CCA" in exams[0]:  # both plans start with an entry coding exam: one preparation
        assert [m["preparation"] for m in courses[0]] == [m["preparation"] for m in courses[1]]
        assert courses[0][0]["figures"] == courses[1][0]["figures"]
        assert courses[0][0]["why"] == courses[1][0]["why"]
    elif courses[1]:  # the AHIMA plan goes through an accredited program, which teaches coding
        study = [m for m in plans[0]["milestones"] if m["kind"] == "study"]
        assert study and study[0]["route"] in ("as-hit", "aas-hit"), start
    else:  # an accredited program already held prepares for both
        assert cpc["prepared"]["held"] == ["education"] and courses[0] == []


def test_a_career_changer_prepares_before_the_cpc_and_the_a_is_removed_with_the_course(
    cli: Any, cli_json: Any
) -> None:
    args = ["--education", "bachelor", "--not-him", "--goal", "coding-aapc", "--start", "2026-12"]
    data = plan(cli_json, *args)
    steps = by_id(data)
    assert [m["id"] for m in data["milestones"]][:2] == ["prepare-coding-course", "exam-cpc"]
    assert steps["exam-cpc"]["start"] is None and data["totals"]["months_to_first_credential"] is None
    removal = steps["cpc-a-removal"]
    assert removal["preparation"] == "coding-course" and removal["months"] == 12
    assert removal["after"] == {"step": "prepare-coding-course", "months": 0}
    out = " ".join(cli("plan", *args).stdout.split())
    assert "Prepare for the CPC exam" in out and "at least 80 hours" in out
    assert "No source in the dataset gives how many months a coding course takes" in out
    assert "Prepared by: “Prepare for the CPC exam”." in out
    assert "The course of “Prepare for the CPC exam” counts toward this." in out
    assert "CPC in 2026-12" not in out and "First credential: CPC, once the steps without a length" in out


def test_a_bachelors_after_an_associate_is_a_range_and_ask_the_program(cli: Any, cli_json: Any) -> None:
    """Not a fixed four more years: the sources give the full program and its professional
    phase; the credit an associate earns is the program's decision."""
    args = ["--education", "high-school", "--goal", "rhit", "--bachelor-later", "--start", "2026-12"]
    data = plan(cli_json, *args)
    bs = by_id(data)["study-bs-him"]
    assert (bs["start"], bs["end"], bs["months"]) == ("2028-12", None, None)
    assert bs["range"] == {"months": [24, 48], "ends": ["2030-11", "2032-11"]}
    assert "study-bs-him" not in data["gaps"]
    out = " ".join(cli("plan", *args, env={"COLUMNS": "80"}).stdout.split())
    assert "Length: 2 years to 4 years [csu-bs-hia, secondary]" in out and "ask the program" in out
    assert "Ends between 2030-11 and 2032-11" in out and "2028-12 - 2032-11" not in out
    # from scratch, a BS is the full program
    full = by_id(
        plan(
            cli_json,
            "--education",
            "none",
            "--high-school-done",
            "2027-06",
            "--goal",
            "management",
            "--bachelor-later",
            "--start",
            "2027-01",
        )
    )
    assert "study-as-hit" in full and full["study-bs-him"]["range"] is not None
    direct = by_id(
        plan(
            cli_json,
            "--education",
            "high-school",
            "--goal",
            "rhit",
            "--no-bachelor-later",
            "--start",
            "2027-01",
        )
    )
    assert direct["study-aas-hit"]["range"] is None and direct["study-aas-hit"]["months"] == 24


def test_the_command_it_prints_makes_the_same_plan(cli: Any, cli_json: Any) -> None:
    first = plan(
        cli_json,
        "--education",
        "associate",
        "--not-him",
        "--goal",
        "coding",
        "--no-bachelor-later",
        "--start",
        "2027-05",
    )
    link = first["command"]
    assert link["command"] == "plan"
    again = cli_json(link["command"], *link["args"])
    assert again["milestones"] == first["milestones"] and again["inputs"] == first["inputs"]
    shown = " ".join(cli("plan", *link["args"]).stdout.split())
    assert f"Make this plan again: mrt-guide plan {' '.join(link['args'])}" in shown


def test_dates_cross_year_ends(cli_json: Any) -> None:
    data = plan(
        cli_json, "--education", "high-school", "--goal", "rhit", "--no-bachelor-later", "--start", "2026-11"
    )
    steps = by_id(data)
    assert (steps["study-aas-hit"]["start"], steps["study-aas-hit"]["end"]) == ("2026-11", "2028-10")
    assert steps["exam-rhit"]["start"] == "2028-11"


def test_dates_come_from_the_dataset(cli: Any, data_copy: Any) -> None:
    """Change a length in a copy of the data and the plan follows."""

    def three_years(doc: Any) -> None:
        route = next(r for r in doc["routes"] if r["id"] == "aas-hit")
        route["duration"]["value"] = 3

    directory = data_copy("education.json", three_years)
    result = cli("--data", str(directory), "plan", *RHIT_FROM_HIGH_SCHOOL, "--json")
    steps = by_id(json.loads(result.stdout))
    assert steps["study-aas-hit"]["end"] == "2029-12" and steps["exam-rhit"]["start"] == "2030-01"


@pytest.mark.parametrize("start", ["2026-13", "2026-00", "2026-1", "26-01", "next year", ""])
def test_invalid_start_is_a_usage_error(cli: Any, start: str) -> None:
    result = cli("plan", *RHIT_FROM_HIGH_SCHOOL[:-2], "--start", start)
    assert result.exit_code == 2 and result.stdout == ""
    assert "Invalid --start" in result.stderr and "YYYY-MM" in result.stderr


def test_start_is_a_year_ago_to_ten_years_ahead(cli: Any) -> None:
    now = dt.date.today()
    far = f"{now.year + 11:04d}-{now.month:02d}"
    result = cli("plan", *RHIT_FROM_HIGH_SCHOOL[:-2], "--start", far)
    assert result.exit_code == 2 and "out of range" in result.stderr and "ten years ahead" in result.stderr
    past = f"{now.year - 2:04d}-{now.month:02d}"
    assert cli("plan", *RHIT_FROM_HIGH_SCHOOL[:-2], "--start", past).exit_code == 2
    recent = f"{now.year - 1:04d}-{now.month:02d}"
    assert cli("plan", *RHIT_FROM_HIGH_SCHOOL[:-2], "--start", recent, "--json").exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--goal", "rhit"], "Missing --education;"),
        (["--education", "associate", "--goal", "rhit"], "Missing --him or --not-him;"),
        (["--education", "none", "--goal", "rhit", "--no-bachelor-later"], "Missing --high-school-done;"),
        (
            ["--education", "high-school", "--goal", "rhit"],
            "Missing --bachelor-later or --no-bachelor-later;",
        ),
        (["--education", "phd", "--goal", "rhit"], "No education level 'phd'"),
        (["--education", "associate", "--him", "--goal", "astronaut"], "No goal 'astronaut'"),
        (
            ["--education", "high-school", "--goal", "management", "--no-bachelor-later"],
            "needs a bachelor's degree",
        ),
        (["--education", "associate", "--start", "2027-13"], "Invalid --start '2027-13'"),
    ],
)
def test_bad_or_missing_choices_exit_2(cli: Any, args: list[str], message: str) -> None:
    result = cli("plan", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_start_defaults_to_this_month(cli_json: Any) -> None:
    data = plan(cli_json, "--education", "associate", "--him", "--goal", "rhit")
    assert data["inputs"]["start"] == dt.date.today().strftime("%Y-%m")


def test_human_output_leads_with_the_answer_and_exports_markdown(cli: Any, tmp_path: Any) -> None:
    args = ["plan", *RHIT_FROM_HIGH_SCHOOL]
    out = cli(*args).stdout
    assert out.index("In short") < out.index("Your timeline")
    assert "First credential: RHIT in 2029-01, 24 months from the start." in " ".join(out.split())
    assert "2027-01 - 2028-12" in out and "Earn the AAS" in out and "Why:" in out
    path = tmp_path / "plan.md"
    assert cli(*args, "--export", str(path)).exit_code == 0
    text = path.read_text("utf-8")
    assert text.startswith("# Your plan") and "**2027-01 - 2028-12**" in text and "Earn the AAS" in text


def test_prompts_on_a_terminal_take_any_case_and_say_what_was_wrong(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mrt_guide.commands import plan as command

    monkeypatch.setattr(command, "_interactive", lambda: True)
    answers = "Associate\nn\nastronaut\nCODING\n2027-13\n2027-03\nn\n"
    result = cli("plan", "--json", input=answers)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout[result.stdout.index("{") :])
    assert data["inputs"] == {
        "education": "associate",
        "him": False,
        "goal": "coding",
        "bachelor_later": False,
        "start": "2027-03",
        "high_school_done": None,
    }
    assert "'astronaut' is not one of: rhit, coding" in result.stdout
    # what each goal means, before the choice
    said = result.stdout[: result.stdout.index("What do you want to become?")]
    lines = [" ".join(line.split()) for line in said.splitlines()]
    assert "coding Medical coding with AHIMA (CCA or RHIT first, then CCS)" in lines
    assert "coding-aapc Medical coding with AAPC (CPC)" in lines
    assert "rhit Registered Health Information Technician (RHIT)" in lines
    assert "Invalid month '2027-13': give a year and month as YYYY-MM" in result.stderr
    assert "--start" not in result.stderr  # the reader typed no option


def test_education_choices_match_the_levels() -> None:
    from mrt_guide.commands.plan import EDUCATION_HELP

    assert EDUCATION == ("none", "high-school", "certificate", "associate", "bachelor", "master")
    assert all(level in EDUCATION_HELP for level in EDUCATION)


def test_goal_help_lists_every_goal_in_the_dataset(guide: Any) -> None:
    from mrt_guide.commands.plan import GOAL_HELP

    assert all(g["id"] in GOAL_HELP for g in guide.section("goals")["goals"])


def test_help_says_what_each_starting_point_needs(cli: Any) -> None:
    out = " ".join(cli("plan", "--help", env={"COLUMNS": "120"}).stdout.split())
    assert "--education none --high-school-done YYYY-MM" in out
    assert "--him or --not-him" in out


@pytest.mark.parametrize("goal", GOALS)
def test_a_plan_shows_the_newest_median_once_and_coders_their_survey_averages(
    cli: Any, cli_json: Any, guide: Any, goal: str
) -> None:
    from mrt_guide.queries.figures import newest_median

    args = ["--education", "bachelor", "--not-him", "--goal", goal, "--bachelor-later", "--start", "2027-01"]
    data = plan(cli_json, *args)
    annual, _ = newest_median(guide)
    assert annual is not None and data["totals"]["pay"] == [annual]
    assert (annual["value"], annual["year"], annual["source"]) == (51140, 2025, "oews-2025")
    out = " ".join(cli("plan", *args, env={"COLUMNS": "80"}).stdout.replace("│", " ").split())
    assert out.count("$51,140/yr") == 1 and "$44,090" not in out and "$50,250" not in out
    career = data["totals"]["career_pay"]
    if goal not in ("coding", "coding-aapc"):
        assert career is None and "AAPC members" not in out
        return
    careers = cli_json("careers", "medical-coders")["career"]
    assert [s["figure"] for s in career["survey_pay"]] == [s["figure"] for s in careers["survey_pay"]]
    shown = [s["figure"] for s in career["survey_pay"]]
    assert [f["value"] for f in shown] == [58055, 60097, 47200] and {f["measure"] for f in shown} == {"mean"}
    assert all("AAPC members" in s["population"] for s in career["survey_pay"])
    assert "Medical coders, AAPC members holding the CPC (self-reported)" in out
    assert "Pay of medical coders (averages, AAPC salary survey)" in out
    assert "Average salary, not certified: $47,200/yr (2021) [aapc-salary-2021]" in out


def test_a_long_plan_is_paged_on_a_terminal_and_never_when_piped(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from mrt_guide.render import to_rich

    paged: list[str] = []
    monkeypatch.setattr(to_rich.Pager, "show", lambda self, content: paged.append(content))
    result = cli("plan", *RHIT_FROM_HIGH_SCHOOL)  # stdout is not a terminal: printed
    assert result.exit_code == 0 and "Your timeline" in result.stdout and paged == []
    assert cli("plan", *RHIT_FROM_HIGH_SCHOOL, env={"FORCE_COLOR": "1"}).stdout and paged == []
    monkeypatch.setattr(Console, "is_terminal", property(lambda self: True))
    monkeypatch.setattr(to_rich, "reader_at_terminal", lambda: True)
    result = cli("plan", *RHIT_FROM_HIGH_SCHOOL)
    assert result.exit_code == 0 and result.stdout == "" and len(paged) == 1
    assert paged[0].index("In short") < paged[0].index("Your timeline")
    paged.clear()
    result = cli("plan", *RHIT_FROM_HIGH_SCHOOL, "--no-pager")
    assert paged == [] and "Your timeline" in result.stdout
    result = cli("plan", *RHIT_FROM_HIGH_SCHOOL, "--json")  # never a pager for records
    assert paged == [] and result.stdout.startswith("{")


COMBINED = [
    ["--education", "associate", "--him", "--goal", "privacy"],
    ["--education", "associate", "--him", "--goal", "coding"],
    ["--education", "bachelor", "--not-him", "--goal", "coding"],
    ["--education", "high-school", "--goal", "management", "--bachelor-later"],
    ["--education", "associate", "--him", "--goal", "cancer-registry"],
]


@pytest.mark.parametrize("args", COMBINED, ids=[" ".join(a[1:]) for a in COMBINED])
def test_combined_ce_in_the_plan_agrees_with_ce_status(cli_json: Any, guide: Any, args: list[str]) -> None:
    """When a later credential joins the cycle and what that cycle owes: the plan's CE steps
    are the cycles 'ce status' computes for the same credentials earned on the same days."""
    from mrt_guide.queries.ce import status

    data = plan(cli_json, *args, "--start", "2026-12")
    for m in data["milestones"]:
        joins = m["joins"]
        if not joins:
            continue
        held = {c["credential"]: c["earned"] for c in _joined(data)}
        on = dt.date.fromisoformat(joins["start"])
        cycles = status(guide, held, {}, [], on)["cycles"]
        current = next(c for c in cycles if c["start"] <= joins["start"] <= c["end"])
        assert (current["start"], current["end"]) == (joins["start"], joins["end"]), (m["id"], current)
        assert current["required"] == joins["required"] == m["requirement"]["total"], m["id"]
        assert (
            sorted(current["credentials"]) == sorted(joins["with"]) == sorted(m["requirement"]["credentials"])
        )
        if m["kind"] == "ce":
            assert (m["start"], m["end"]) == (joins["start"][:7], joins["end"][:7])
        else:  # the renewal at the cycle's end
            assert m["kind"] == "renew" and m["start"] == joins["due"][:7]


def _joined(data: Any) -> list[Any]:
    """Every dated exam's credential with the day the plan takes it as earned."""
    return [
        {"credential": m["cert"], "earned": f"{m['start']}-15"}
        for m in data["milestones"]
        if m["kind"] == "exam" and m["start"]
    ]


def test_a_later_credential_joins_the_next_cycle_and_the_plan_says_what_it_owes(
    cli: Any, cli_json: Any
) -> None:
    args = ["--education", "associate", "--him", "--goal", "coding", "--start", "2026-12"]
    steps = by_id(plan(cli_json, *args))
    assert (steps["exam-rhit"]["start"], steps["exam-ccs"]["start"]) == ("2026-12", "2027-12")
    first, later = steps["ce-ahima"], steps["ce-ahima-ccs"]
    assert (first["start"], first["end"], first["requirement"]["total"]) == ("2026-12", "2028-12", 20)
    assert (later["start"], later["end"], later["requirement"]["total"]) == ("2028-12", "2030-12", 30)
    assert later["open_ended"] is False and later["joins"]["with"] == ["RHIT", "CCS"]
    assert steps["renew-ahima"]["requirement"]["total"] == 20
    renew = steps["renew-ahima-ccs"]
    assert (renew["start"], renew["requirement"]["total"]) == ("2030-12", 30)
    out = " ".join(cli("plan", *args, env={"COLUMNS": "80"}).stdout.replace("│", " ").split())
    assert "Keeping RHIT + CCS: 30 CEUs per AHIMA cycle, from 2028-12" in out
    assert "CCS joins your AHIMA cycle" in out
    assert "This cycle, 2028-12 to 2030-12, owes 30 CEUs for RHIT + CCS" in out
    assert "Report the cycle's CEUs (30)" in out and "Report the cycle's CEUs (20)" in out


def test_the_plans_first_cycle_agrees_with_ce_status_from_a_real_log(cli: Any, cli_json: Any) -> None:
    """A credential passed a year ago: the log's cycle owes what the plan says; the CHPS,
    which the associate degree (or the RHIT) and four years qualify for, joins later, with
    no CCA taken on the way."""
    now = dt.date.today()
    start = f"{now.year - 1:04d}-{now.month:02d}"
    data = plan(cli_json, "--education", "associate", "--him", "--goal", "privacy", "--start", start)
    steps = by_id(data)
    assert steps["exam-rhit"]["start"] == start
    assert "exam-cca" not in steps and "ce-ahima-chps" in steps
    first = steps["ce-ahima"]
    for cred in ("RHIT",):
        added = cli("ce", "credential", "add", cred, "--earned", first["joins"]["earned"])
        assert added.exit_code == 0, added.stderr
    on = dt.date.fromisoformat(first["joins"]["start"]) + dt.timedelta(days=30)
    status = cli_json("ce", "status", "--on", on.isoformat())
    cycle = next(c for c in status["cycles"] if c["issuer"] == "AHIMA")
    assert (cycle["start"], cycle["end"]) == (first["joins"]["start"], first["joins"]["end"])
    assert cycle["required"] == first["requirement"]["total"] == 20
    assert sorted(cycle["credentials"]) == sorted(first["requirement"]["credentials"]) == ["RHIT"]


def test_the_chps_takes_no_exam_it_does_not_need(cli_json: Any) -> None:
    """The CHPS asks for an associate degree or the CCA, CCS, CCS-P or RHIT (plus four years),
    a bachelor's degree or the RHIA (plus two): an RHIT holder takes no CCA on the way, and a
    bachelor's holder in another field needs no credential at all."""
    after_aas = by_id(
        plan(
            cli_json,
            "--education",
            "high-school",
            "--goal",
            "privacy",
            "--no-bachelor-later",
            "--start",
            "2027-01",
        )
    )
    assert "exam-cca" not in after_aas and "exam-chps" in after_aas
    assert after_aas["ce-ahima-chps"]["requirement"]["total"] == 40  # RHIT + CHPS, not RHIT + CCA + CHPS
    bachelor = by_id(
        plan(cli_json, "--education", "bachelor", "--not-him", "--goal", "privacy", "--start", "2027-01")
    )
    assert [m["cert"] for m in bachelor.values() if m["kind"] == "exam"] == ["CHPS"]
    assert bachelor["exam-chps"]["start"] == "2029-01"  # two years of experience, by the bachelor's route


def test_a_masters_holder_is_told_the_masters_route_to_the_rhia(cli_json: Any) -> None:
    data = plan(cli_json, "--education", "master", "--him", "--goal", "management", "--start", "2027-01")
    exam = by_id(data)["exam-rhia"]
    assert exam["why"]["id"] == "rhia-master", exam["why"]


@pytest.mark.parametrize("done", ["2020-01", "2045-01"])
def test_high_school_done_before_the_start_or_far_ahead_is_a_usage_error(cli: Any, done: str) -> None:
    args = ["--education", "none", "--high-school-done", done, "--goal", "rhit", "--no-bachelor-later"]
    result = cli("plan", *args, "--start", "2027-01")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"Error: --high-school-done {done} is out of range")
    fine = cli("plan", *args[:3], "2027-06", *args[4:], "--start", "2027-01", "--json")
    assert fine.exit_code == 0, fine.stderr
