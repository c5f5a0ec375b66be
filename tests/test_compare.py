"""``mrt-guide compare``: credentials and plan goals side by side, from the data, on one screen."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.contract import CompareOut
from mrt_guide.dataset.index import Dataset
from mrt_guide.queries.renewal import combined_requirement

from .test_completion import complete

COLOR = re.compile(r"\x1b\[[0-9;]*?(?:3[0-8]|9[0-7]|4[0-8])(?:;[0-9;]*)?m")


def column(data: dict[str, Any], cert: str) -> dict[str, Any]:
    return next(c for c in data["columns"] if c["id"] == cert)


def before_notes(out: str) -> list[str]:
    lines = out.splitlines()
    return lines[: lines.index("Notes")]


def test_cpc_and_ccs_facts_come_from_the_data(cli_json: Any, guide: Dataset) -> None:
    data = cli_json("compare", "CPC", "CCS")
    CompareOut.model_validate(data)
    cpc, ccs = column(data, "CPC"), column(data, "CCS")
    assert [c["id"] for c in data["columns"]] == ["CPC", "CCS"]
    assert cpc["issuer"] == {"id": "AAPC", "name": "AAPC"}
    assert ccs["issuer"]["id"] == "AHIMA" and ccs["issuer"]["name"].startswith("American Health Information")
    assert cpc["audience"]["text"] == guide.certification("CPC")["audience"]
    fees = [(f["value"], f["year"], f["flag"], f["source"]) for f in ccs["exam"]["fees"]]
    assert fees == [(299, 2010, "official", "ahima-ccs-2010"), (399, 2010, "official", "ahima-ccs-2010")]
    assert cpc["exam"]["fees"] == [] and any("price" in n for n in cpc["not_found"])
    assert [(f["value"], f["unit"], f["year"]) for f in cpc["exam"]["items"]] == [(100, "questions", 2023)]
    assert [(f["value"], f["unit"]) for f in cpc["exam"]["length"]] == [(4, "hours")]
    assert [(f["value"], f["unit"], f["flag"]) for f in ccs["exam"]["retake"]] == [(30, "days", "secondary")]
    assert cpc["exam"]["retake"] == []
    assert (cpc["renewal"]["ceus"]["value"], cpc["renewal"]["cycle"]["value"]) == (36, 2)
    assert (ccs["renewal"]["ceus"]["value"], ccs["renewal"]["cycle"]["value"]) == (20, 2)
    assert cpc["apprentice"]["id"] == "CPC-A"
    assert [p["recommended"] for p in ccs["eligibility"]["pathways"]] == [True] * 4


def test_coder_pay_is_aapc_members_averages_and_the_median_is_the_whole_occupations(cli_json: Any) -> None:
    data = cli_json("compare", "CPC", "CCS")
    cpc, ccs = column(data, "CPC"), column(data, "CCS")
    holders = cpc["pay"]["holders"][0]
    assert holders["figure"]["id"] == "aapc-2022-cpc" and holders["figure"]["value"] == 58055
    assert holders["figure"]["measure"] == "mean" and holders["figure"]["label"] == "Average salary, CPC"
    assert holders["population"].startswith("AAPC members holding the CPC")
    assert ccs["pay"]["holders"] == []
    field = [s["figure"]["id"] for s in ccs["pay"]["field"]]
    assert field == ["aapc-2021-certified", "aapc-2021-noncertified"], "coder figures tied to no credential"
    assert all(s["population"].startswith("AAPC members") for s in ccs["pay"]["field"])
    whole = data["occupation"]["pay"]
    assert (whole["value"], whole["year"], whole["measure"], whole["flag"]) == (
        51140,
        2025,
        "median",
        "official",
    )


def test_eighty_columns_answer_cpc_or_ccs_on_one_screen(cli: Any) -> None:
    result = cli("compare", "CPC", "CCS", env={"COLUMNS": "80"})
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    screen = before_notes(out)
    assert len(screen) <= 24, "\n".join(screen)
    assert max(len(line) for line in out.splitlines()) <= 80
    text = "\n".join(screen)
    assert re.search(r"CPC \(AAPC\) +CCS \(AHIMA\)", text)
    for label in ("For", "Eligible", "Prepare", "Exam", "Fee", "Retake", "Time", "CE", "Pay"):
        assert re.search(rf"^{label} ", text, re.M), label
    assert re.search(r"^Fee +unknown +\$299 / \$399 \(2010\)", text, re.M)
    assert re.search(r"^Retake +unknown +30 days \(2023\) secondary", text, re.M)
    assert re.search(r"^Exam +100 questions, 4 hours \(2023\)", text, re.M)
    assert "36 CEUs (2015)" in text and "20 CEUs / 2 years (2025)" in text
    assert "Recommended: any of 4 ways, 3" in text and "A medical coding course" in text
    assert (
        re.search(r"^Prepare +A medical coding course.; CPC-A ", text, re.M)
        and "until 1-2 years of work" in text
    )
    assert "$58,055/yr (2022)" in text and "salary, CPC (AAPC salary survey)" in text
    assert re.search(r"certified, not CCS\s+holders alone", text), "a field figure is not the CCS holders'"
    assert "Median annual wage, the whole occupation: $51,140/yr (2025)" in text
    assert "AAPC 36 CEUs (CPC), AHIMA 20 CEUs (CCS)" in " ".join(screen)
    # the sources follow, each named once by its key, with the flag where it is not official
    notes = out.split("\nNotes\n", 1)[1]
    assert "[aapc-cpc-exam] AAPC: CPC certification exam (2023)." in notes
    assert "[ccs-prep-2026, secondary]" in notes
    assert "Exam fee, AHIMA member: $299; Exam fee, non-member: $399." in notes
    assert "AAPC members holding the CPC (self-reported)" in notes
    assert "at least 80 contact hours" in notes, "the course that removes the A, in the note on the ways"


def test_forty_columns_one_question_at_a_time(cli: Any) -> None:
    result = cli("compare", "CPC", "CCS", env={"COLUMNS": "40"})
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 40
    text = "\n".join(lines)
    fee = text.split("\nFee\n", 1)[1].split("\nRetake\n", 1)[0]
    assert "CPC (AAPC): unknown" in fee and "CCS (AHIMA): $299 / $399 (2010)" in fee
    for shown in (
        "100 questions",
        "107 questions",
        "$58,055/yr",
        "$60,097/yr",
        "36 CEUs",
        "20 CEUs",
        "$51,140/yr",
    ):
        assert shown in text, shown


def test_lang_c_and_no_color(cli: Any) -> None:
    ascii_out = cli("compare", "CPC", "CCS", env={"LANG": "C", "COLUMNS": "80"})
    assert ascii_out.exit_code == 0 and ascii_out.stderr == ""
    assert (
        ascii_out.stdout.isascii() and "^1" in ascii_out.stdout and "$299 / $399 (2010)" in ascii_out.stdout
    )
    plain = cli("compare", "CPC", "CCS", env={"NO_COLOR": "1", "FORCE_COLOR": "1"})
    assert plain.exit_code == 0 and not COLOR.search(plain.stdout) and "CCS (AHIMA)" in plain.stdout
    colored = cli("compare", "CPC", "CCS", env={"FORCE_COLOR": "1"})
    assert COLOR.search(colored.stdout)


def test_plan_goals_compare_their_targets(cli_json: Any) -> None:
    data = cli_json("compare", "coding", "coding-aapc")
    assert [(c["id"], c["goal"]["id"]) for c in data["columns"]] == [
        ("CCS", "coding"),
        ("CPC", "coding-aapc"),
    ]
    assert [c["asked"] for c in data["columns"]] == ["coding", "coding-aapc"]
    # a credential without a goal of its own is compared too; its time is unknown
    cca = column(cli_json("compare", "CCA", "CPC"), "CCA")
    assert cca["goal"] is None and cca["time"] is None


def test_time_is_the_plans_own(cli: Any, cli_json: Any) -> None:
    for start, extra in (("high-school", []), ("bachelor", ["--not-him"]), ("associate", ["--him"])):
        data = cli_json("compare", "CCS", "RHIT", "--from", start, *extra)
        for col in data["columns"]:
            planned = cli_json("plan", *col["time"]["plan"]["args"], "--start", "2027-01")
            exam = next(m for m in planned["milestones"] if m["kind"] == "exam" and m["cert"] == col["id"])
            if exam["start"] is None:  # after a step of no known length: undated in both
                assert col["time"]["months"] is None, (start, col["id"])
            else:
                months = (int(exam["start"][:4]) - 2027) * 12 + int(exam["start"][5:]) - 1
                assert col["time"]["months"] == months, (start, col["id"])
            assert col["time"]["plan"]["args"][:2] == ["--education", start]
    months = [c["time"]["months"] for c in cli_json("compare", "CCS", "RHIT")["columns"]]
    after = [c["time"]["months"] for c in cli_json("compare", "CCS", "RHIT", "--from", "none")["columns"]]
    assert after == months, "from none, the months count from the end of high school"
    shown = cli("compare", "CCS", "RHIT", env={"COLUMNS": "80"}).stdout
    assert re.search(rf"^Time +{months[0]} months: .*AAS 24.* +{months[1]} months: AAS 24", shown, re.M)


def test_ce_held_together_follows_the_issuers_rules(cli_json: Any, guide: Dataset) -> None:
    data = cli_json("compare", "RHIT", "RHIA", "CCS")
    expected = combined_requirement(guide, ["RHIT", "RHIA", "CCS"])
    assert [g["issuer"] for g in data["together"]] == ["AHIMA"]
    group = data["together"][0]
    assert (group["total"], group["credentials"], group["replaced"]) == (
        expected["total"],
        expected["credentials"],
        expected["replaced"],
    )
    assert all(c["with_others"]["total"] == expected["total"] for c in data["columns"])
    mixed = cli_json("compare", "CPC", "COC", "CCS")
    totals = {g["issuer"]: g["total"] for g in mixed["together"]}
    assert totals == {"AAPC": 40, "AHIMA": 20}, "two AAPC credentials: the second rung of AAPC's ladder"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["CPC", "CPX"], "No credential or plan goal 'CPX'. Did you mean CPC?"),
        (["CPC"], "Give two or more credentials or goals to compare"),
        (["CPC", "cpc-a"], "'CPC' and 'cpc-a' are both the CPC"),
        (["CPC", "CCS", "--from", "phd"], "No starting point 'phd'."),
        (["CPC", "codng"], "Did you mean coding?"),
    ],
)
def test_bad_names_are_one_line_and_exit_2(cli: Any, args: list[str], message: str) -> None:
    result = cli("compare", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


def test_plain_markdown_and_exports(cli: Any, tmp_path: Path) -> None:
    plain = cli("compare", "CPC", "CCS", "--plain")
    assert plain.exit_code == 0 and plain.stderr == ""
    header, *rows = [line.split("\t") for line in plain.stdout.splitlines()]
    assert header[:3] == ["id", "issuer", "for"] and [r[:2] for r in rows] == [
        ["CPC", "AAPC"],
        ["CCS", "AHIMA"],
    ]
    fee = header.index("fee")
    assert rows[0][fee] == "unknown" and rows[1][fee].startswith("$299 / $399 (2010) [ahima-ccs-2010]")
    markdown = cli("compare", "CPC", "CCS", "--markdown").stdout
    assert "|  | CPC (AAPC) | CCS (AHIMA) |" in markdown and "**$299** / **$399** (2010)" in markdown
    for suffix in ("html", "md", "json", "svg", "txt"):
        path = tmp_path / f"compare.{suffix}"
        result = cli("compare", "CPC", "CCS", "--export", str(path))
        assert result.exit_code == 0 and result.stdout == "" and "Wrote" in result.stderr
        assert "CPC" in path.read_text("utf-8")
    CompareOut.model_validate(json.loads((tmp_path / "compare.json").read_text("utf-8")))


def test_names_complete_from_the_data(cli: Any) -> None:
    assert complete(cli, "bash", "mrt-guide compare CPC CC") == ["CCA", "CCS", "CCS-P"]
    assert complete(cli, "bash", "mrt-guide compare cod") == ["coding", "coding-aapc"]
    assert complete(cli, "bash", "mrt-guide compare CPC CCS --from a") == ["associate"]


def test_every_cell_follows_the_data(data_copy: Any, cli: Any) -> None:
    """A changed fee, a found CPC fee and a new survey figure show up: nothing is written in."""

    def edit(doc: dict[str, Any]) -> None:
        for cert in doc["certifications"]:
            if cert["id"] == "CCS":
                next(f for f in cert["exam"]["figures"] if f["id"] == "ccs-fee-member")["value"] = 350
            if cert["id"] == "CPC":
                cert["exam"]["figures"].append(
                    {
                        "id": "cpc-fee-test",
                        "label": "Exam fee, one attempt",
                        "value": 425,
                        "unit": "usd",
                        "year": 2026,
                        "source": "ccs-prep-2026",
                        "flag": "secondary",
                    }
                )
                cert["survey_pay"] = ["aapc-2018-cpc"]

    folder = data_copy("certifications.json", edit)
    result = cli("--data", str(folder), "compare", "CPC", "CCS", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert re.search(r"^Fee +\$425 \(2026\) secondary.* +\$350 / \$399 \(2010\)", result.stdout, re.M)
    assert re.search(r"^Pay +\$54,401/yr \(2018\)", result.stdout, re.M), "the CPC's own survey figure"
