"""``mrt-guide careers``: where the career leads, each occupation with its newest sourced pay
(year, flag), typical education, the credential or degree that leads there, and the plan
goal that gets there; coders' pay from AAPC's members' surveys, labelled so; what was not
found said so."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from .test_dataset import faults_of

IDS = [
    "him-technologists",
    "health-services-managers",
    "medical-coders",
    "cancer-registrars",
    "medical-secretaries",
    "medical-transcriptionists",
]


def flat(text: str) -> str:
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def by_id(data: Any) -> dict[str, Any]:
    return {c["id"]: c for c in data["careers"]}


def test_every_career_with_its_pay_year_and_flag(cli_json: Any) -> None:
    data = cli_json("careers")
    assert [c["id"] for c in data["careers"]] == IDS
    careers = by_id(data)
    # BLS's 2024-34 projections file (official/projections/occupation_2024-34.xlsx): May 2024 pay
    expected = {
        "him-technologists": ("29-9021", 67310, 2024, "ep-2024-34"),
        "health-services-managers": ("11-9111", 117960, 2024, "ep-2024-34"),
        "medical-secretaries": ("43-6013", 44640, 2024, "ep-2024-34"),
        "medical-transcriptionists": ("31-9094", 37550, 2024, "ep-2024-34"),
    }
    for career_id, (soc, value, year, source) in expected.items():
        c = careers[career_id]
        pay = c["pay"]
        assert c["soc"] == soc
        assert (pay["value"], pay["year"], pay["measure"], pay["unit"]) == (
            value,
            year,
            "median",
            "usd_per_year",
        )
        assert (pay["source"], pay["flag"]) == (source, "official")
        assert data["sources"][source]["url"].startswith("https://")
        assert data["sources"][source]["file"] == "official/projections/occupation_2024-34.xlsx"
    growth = {
        k: (c["growth"]["value"], c["growth"]["year"], c["growth"]["year_end"])
        for k, c in careers.items()
        if c["growth"]
    }
    assert growth == {
        "him-technologists": (14.7, 2024, 2034),
        "health-services-managers": (23.2, 2024, 2034),
        "medical-secretaries": (4.2, 2024, 2034),
        "medical-transcriptionists": (-4.9, 2024, 2034),
    }


def test_the_home_occupation_is_the_first_row(cli_json: Any, cli: Any) -> None:
    home = cli_json("careers")["home"]
    assert (home["pay"]["value"], home["pay"]["year"], home["pay"]["source"]) == (51140, 2025, "oews-2025")
    assert (home["growth"]["value"], home["growth"]["source"]) == (7.1, "ep-2024-34")
    assert home["soc"] == "29-2072" and home["credential"] == "RHIT"
    out = cli("careers", env={"COLUMNS": "200"}).stdout
    rows = [line for line in out.splitlines() if line.startswith("│")]
    assert "Medical Records Technician (this guide)" in rows[0] and "$51,140/yr (2025)" in rows[0]
    assert "7.1%" in rows[0] and "Growth 2024-34" in out


def test_education_and_the_way_in(cli_json: Any) -> None:
    careers = by_id(cli_json("careers"))
    assert "associate's degree" in careers["him-technologists"]["education"]["text"]
    assert "bachelor's degree" in careers["health-services-managers"]["education"]["text"]
    assert "high school diploma" in careers["medical-secretaries"]["education"]["text"]
    assert "postsecondary nondegree award" in careers["medical-transcriptionists"]["education"]["text"]
    links = {
        c["id"]: [tuple([link["command"], *link["args"]]) for w in c["way_in"] for link in w["links"]]
        for c in careers.values()
    }
    assert links["him-technologists"] == [("certs", "RHIT")]
    assert links["health-services-managers"] == [("certs", "RHIA"), ("degrees", "BS")]
    assert links["medical-coders"] == [("certs", "CPC"), ("certs", "CCS"), ("certs", "CCA")]
    assert links["cancer-registrars"] == [("certs", "ODS")]
    plans = {c["id"]: c["plan"] for c in careers.values()}
    assert plans["him-technologists"] == {"command": "plan", "args": ["--goal", "rhit"]}
    assert plans["health-services-managers"]["args"] == ["--goal", "management"]
    assert plans["medical-coders"]["args"] == ["--goal", "coding"]
    assert plans["cancer-registrars"]["args"] == ["--goal", "cancer-registry"]
    assert plans["medical-secretaries"] is None and plans["medical-transcriptionists"] is None


def test_coders_pay_is_aapcs_survey_labelled_so(cli_json: Any, cli: Any) -> None:
    coders = by_id(cli_json("careers"))["medical-coders"]
    assert coders["pay"] is None and coders["soc"] == "29-2072"
    first = coders["survey_pay"][0]
    assert (first["figure"]["value"], first["figure"]["measure"], first["year"]) == (58055, "mean", 2022)
    assert first["survey"] == "aapc-survey-2022" and "AAPC members" in first["population"]
    assert [p["figure"]["value"] for p in coders["survey_pay"][1:]] == [60097, 47200]
    out = flat(cli("careers", env={"COLUMNS": "200"}).stdout)
    assert "$58,055/yr average, members' survey (2022)" in out
    survey = "AAPC salary survey: AAPC members (self-reported)"
    assert f"Average salary, certified: $60,097/yr (2021) [aapc-salary-2021]; {survey}" in out


def test_cancer_registrars_have_no_bls_pay_and_say_so(cli_json: Any, cli: Any) -> None:
    registrars = cli_json("careers", "cancer-registrars")["career"]
    assert registrars["pay"] is None and registrars["soc"] is None and registrars["survey_pay"] == []
    notes = {n["source"]: n for n in registrars["notes"]}
    assert "no occupation" in notes["ooh-hit-2023"]["text"] and notes["ooh-hit-2023"]["flag"] == "official"
    assert "29-2071" in notes["vault-cancer-registrars"]["text"]
    out = flat(cli("careers", "cancer-registrars").stdout)
    assert "Median pay: none published" in out and "mrt-guide certs ODS" in out
    assert "mrt-guide careers him-technologists" in out


def test_the_table_and_what_was_not_found(cli: Any) -> None:
    out = cli("careers").stdout
    assert re.search(r"Medical coders\s*│\s*29-2072\s*│", out)
    assert re.search(r"Cancer registrars\s*│\s*none\s*│\s*none published", out)
    assert "$117,960/yr (2024)" in out and "23.2%" in out
    text = flat(out)
    assert "Not known: The BLS handbook's own list of occupations similar to medical records" in text


@pytest.mark.parametrize("name", ["medical-coders", "Medical-Coders", " MEDICAL-CODERS "])
def test_one_career_in_any_case(cli: Any, name: str) -> None:
    result = cli("careers", name)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("Medical coders (29-2072)")


def test_an_unknown_career_is_a_usage_error(cli: Any) -> None:
    result = cli("careers", "medical-coder")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "Error: No career 'medical-coder'. Did you mean medical-coders?\n"


def test_search_and_completion_know_the_careers(cli_json: Any, cli: Any) -> None:
    for term, career in (
        ("transcriptionists", "medical-transcriptionists"),
        ("registrars", "cancer-registrars"),
    ):
        links = [r["link"] for r in cli_json("search", term)["results"]]
        assert {"command": "careers", "args": [career]} in links, term
    env = {
        "_MRT_GUIDE_COMPLETE": "complete_bash",
        "COMP_WORDS": "mrt-guide careers medical-",
        "COMP_CWORD": "2",
    }
    assert cli(env=env).stdout.split() == [
        "medical-coders",
        "medical-secretaries",
        "medical-transcriptionists",
    ]


def test_careers_are_a_part_of_the_whole_guide(cli: Any, cli_json: Any) -> None:
    whole = cli_json("guide")
    assert [c["id"] for c in whole["careers"]["careers"]] == IDS
    assert "ooh-hit-2023" in whole["sources"]
    out = cli("guide", "--no-pager").stdout
    parts = re.findall(r"^(.+?) ─+$", out, re.M)
    assert parts.index("Where the career leads") == parts.index("Sources") - 1


def test_a_dataset_without_careers_still_runs(data_copy: Any, cli: Any) -> None:
    folder = data_copy()
    (folder / "careers.json").unlink()
    result = cli("--data", str(folder), "careers")
    assert result.exit_code == 0 and "This dataset has no careers" in result.stdout
    assert json.loads(cli("--data", str(folder), "careers", "--json").stdout)["careers"] == []
    result = cli("--data", str(folder), "careers", "medical-coders")
    assert result.exit_code == 2 and "This dataset has no careers" in result.stderr


def test_survey_pay_must_name_a_survey_figure(data_copy: Any) -> None:
    def wrong(doc: dict[str, Any]) -> None:
        doc["careers"][2]["survey_pay"] = ["pay-median-2015-annual"]

    lines = faults_of(data_copy("careers.json", wrong))
    assert any(
        "careers[2].survey_pay[0]: 'pay-median-2015-annual' is not a figure of a salary survey" in line
        for line in lines
    ), lines
