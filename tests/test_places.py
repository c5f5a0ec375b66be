"""Pay where you live: ``salary --state`` and ``salary --states`` on the bundled state tables
(secondary: Becker's May 2018 annual means, HealthGuideUSA's May 2021 Great Lakes rows)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .test_completion import complete


def test_a_state_beside_the_nation_says_mean_not_median(cli: Any) -> None:
    result = cli("salary", "--state", "NJ")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    flat = " ".join(out.split())
    assert out.startswith("Pay in New Jersey (NJ)")
    assert "New Jersey: 2018, occupation code 29-2071, beckers-states-2018 (secondary)" in flat
    row = next(line for line in out.splitlines() if "$54,020/yr" in line)
    assert re.search(r"│ Mean\s*│\s*\$54,020/yr¹\s*│\s*-\s*│", row)  # ¹: what Becker's calls it
    national = flat.split("The United States, for comparison", 1)[1].split("What differs", 1)[0]
    for line in (
        "Median annual wage $51,140/yr (2025, 29-2072) [oews-2025]",
        "Mean annual wage $42,820/yr (2017, 29-2071) [oews-2017]",
        "Median annual wage $40,350/yr (2018, 29-2071) [ooh-2019]",
    ):
        assert line in national, line
    differs = flat.split("What differs", 1)[1].split("Notes", 1)[0]
    assert "a mean (the average) here, a median (the middle wage) there" in differs
    assert "another year (2018 here, 2017 there)" in differs
    assert "Becker's calls it the average annual salary: BLS's annual mean wage, not a median." in flat


def test_a_state_json_types_each_difference(cli_json: Any) -> None:
    data = cli_json("salary", "--state", "nj")
    assert data["view"] == "state"
    assert data["state"]["state"] == "NJ" and data["state"]["name"] == "New Jersey"
    (fig,) = data["state"]["figures"]
    assert (fig["value"], fig["measure"], fig["unit"], fig["year"]) == (54020, "mean", "usd_per_year", 2018)
    assert (fig["source"], fig["flag"]) == ("beckers-states-2018", "secondary")
    national = {f["id"]: f for f in data["national"]}
    pairs = {
        c["national"]: {d["what"]: (d["state"], d["national"]) for d in c["differences"]}
        for c in data["comparisons"]
    }
    # the nearest national mean: BLS's May 2017 file (the same code; a broader group's May 2019 is not)
    assert pairs["oews-2017-mean-annual"] == {"year": (2018, 2017), "flag": ("secondary", "official")}
    assert pairs["pay-median-2018-annual"] == {
        "measure": ("mean", "median"),
        "flag": ("secondary", "official"),
    }
    assert national["pay-median-2018-annual"]["value"] == 40350
    assert [c["code"] for c in data["codes"]] == ["29-2071", "29-2072"]
    assert {"beckers-states-2018", "oews-2017", "oews-2025", "ooh-2019"} <= set(data["sources"])
    assert data["sources"]["beckers-states-2018"]["url"].startswith("https://www.beckershospitalreview.com/")


def test_like_for_like_has_no_difference(cli_json: Any) -> None:
    """Illinois, May 2021, beside the same page's national row: same measure, year, code, flag."""
    data = cli_json("salary", "--state", "Illinois")
    figures = {f["id"]: f for f in data["state"]["figures"]}
    assert figures["state-il-2021-mean-annual"]["value"] == 48920
    assert figures["state-il-2021-employment"]["value"] == 4760
    assert figures["state-il-2018-mean-annual"]["value"] == 45800
    assert [f["year"] for f in data["state"]["figures"]] == [2021, 2021, 2018]
    same = [c for c in data["comparisons"] if c["figure"] == "state-il-2021-mean-annual"]
    assert same[0] == {
        "figure": "state-il-2021-mean-annual",
        "national": "us-2021-mean-annual",
        "differences": [],
    }
    jobs = next(c for c in data["comparisons"] if c["figure"] == "state-il-2021-employment")
    assert jobs["national"] == "us-2021-employment" and jobs["differences"] == []


@pytest.mark.parametrize("name", ["NJ", "nj", "New Jersey", "new jersey", "NEW-JERSEY", " nj "])
def test_a_state_by_code_or_name_in_any_case(cli_json: Any, name: str) -> None:
    assert cli_json("salary", "--state", name)["state"]["state"] == "NJ"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Texsa", "No state 'Texsa'. Did you mean Texas?"),
        ("New Jersy", "No state 'New Jersy'. Did you mean New Jersey?"),
        ("QQ", "No state 'QQ'. Choose one of: AL, AK, AZ"),
    ],
)
def test_an_unknown_state_is_a_usage_error_with_a_suggestion(cli: Any, name: str, message: str) -> None:
    result = cli("salary", "--state", name)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"Error: {message}")
    assert len(result.stderr.splitlines()) == 1


def test_a_state_without_figures_says_so_and_invents_none(cli: Any, cli_json: Any) -> None:
    data = cli_json("salary", "--state", "DC")
    assert data["state"]["name"] == "District of Columbia" and data["state"]["figures"] == []
    assert data["comparisons"] == []
    out = cli("salary", "--state", "dc").stdout
    assert "The dataset has no figure for District of Columbia." in " ".join(out.split())
    assert "leaves out the District of Columbia" in " ".join(out.split())
    assert "mrt-guide data import-oews FILE" in " ".join(out.split())


def test_every_state_ranked_by_pay(cli_json: Any) -> None:
    data = cli_json("salary", "--states")
    assert data["view"] == "states" and data["sort"] == "pay"
    rows = data["states"]
    assert len(rows) == 51 and all(set(r) >= {"state", "name", "figure"} for r in rows)
    assert data["series"] == {
        "source": "beckers-states-2018",
        "flag": "secondary",
        "year": 2018,
        "measure": "mean",
        "unit": "usd_per_year",
        "code": "29-2071",
        "states": 50,
    }
    assert (rows[0]["state"], rows[0]["rank"], rows[0]["figure"]["value"]) == ("NJ", 1, 54020)
    assert (rows[49]["state"], rows[49]["rank"], rows[49]["figure"]["value"]) == ("AR", 50, 34610)
    assert (rows[50]["state"], rows[50]["rank"], rows[50]["figure"]) == ("DC", None, None)
    values = [r["figure"]["value"] for r in rows[:50]]
    assert values == sorted(values, reverse=True)
    others = {(s["source"], s["measure"]) for s in data["other_series"]}
    assert ("healthguide-2021", "mean") in others and ("beckers-employment-2022", "employment") in others


def test_every_state_by_name(cli_json: Any) -> None:
    rows = cli_json("salary", "--states", "--sort", "NAME")["states"]
    names = [r["name"] for r in rows]
    assert names == sorted(names) and names[0] == "Alabama" and "District of Columbia" in names
    assert next(r for r in rows if r["state"] == "NJ")["rank"] == 1


def test_every_state_as_a_bar_chart(cli: Any) -> None:
    result = cli("salary", "--states")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert "Mean annual wage by state, 2018" in out
    bars = [line for line in out.splitlines() if "█" in line]
    assert len(bars) == 50
    assert bars[0].startswith("New Jersey") and bars[0].endswith("$54,020/yr")
    assert bars[-1].startswith("Arkansas") and bars[-1].endswith("$34,610/yr")
    assert bars[0].count("█") > bars[-1].count("█")
    assert "No figure in this series: District of Columbia." in out
    assert "Wisconsin: Mean annual wage $51,860/yr (2021, 29-2072) [healthguide-2021" in " ".join(out.split())


def test_every_state_at_40_columns_and_in_ascii(cli: Any) -> None:
    out = cli("salary", "--states", env={"COLUMNS": "40"}).stdout
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "New Jersey" in out and "$54,020/yr" in out
    out = cli("salary", "--state", "NJ", env={"COLUMNS": "40", "LANG": "C"}).stdout
    assert out.isascii() and "$54,020/yr" in out


def test_states_plain_is_one_row_per_state(cli: Any) -> None:
    lines = cli("salary", "--states", "--plain").stdout.splitlines()
    assert lines[0].split("\t")[:4] == ["id", "state", "rank", "value"]
    assert lines[1].split("\t")[:4] == ["NJ", "New Jersey", "1", "$54,020/yr"]
    assert lines[-1].split("\t")[:4] == ["DC", "District of Columbia", "-", "-"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--state", "NJ", "--states"], "Give --state STATE or --states, not both."),
        (["--states", "--history"], "--history applies to the national figures"),
        (["--state", "NJ", "--hourly"], "--hourly applies to the national figures"),
        (["--sort", "pay"], "--sort orders the list of --states; add --states."),
        (["--states", "--sort", "wage"], "No sort order 'wage'. Choose one of: pay, name."),
    ],
)
def test_option_clashes_are_usage_errors(cli: Any, args: list[str], message: str) -> None:
    result = cli("salary", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"Error: {message}")


def test_search_finds_a_state_and_links_to_it(cli_json: Any) -> None:
    results = cli_json("search", "new", "jersey")["results"]
    hit = next(r for r in results if r["id"] == "NJ")
    assert hit["title"] == "New Jersey" and hit["link"] == {"command": "salary", "args": ["--state", "NJ"]}


def test_states_complete_by_code_and_name(cli: Any) -> None:
    assert complete(cli, "bash", "mrt-guide salary --state NJ") == ["NJ"]
    assert complete(cli, "bash", "mrt-guide salary --state Mi") == [
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
    ]
    assert complete(cli, "bash", "mrt-guide salary --state wi") == ["wi", "wisconsin"]
    assert "New Jersey" in complete(cli, "zsh", "mrt-guide salary --state New")
    assert complete(cli, "bash", "mrt-guide salary --states --sort n") == ["name"]


def test_the_whole_guide_has_pay_by_state(cli: Any, cli_json: Any) -> None:
    whole = cli_json("guide")
    assert whole["states"]["states"][0]["state"] == "NJ"
    out = cli("guide", "--no-pager").stdout
    assert "Pay by state" in out and "Mean annual wage by state, 2018" in out


def _il(doc: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in doc["states"] if s["id"] == "IL")


def _il_mean(doc: dict[str, Any]) -> dict[str, Any]:
    return next(f for f in _il(doc)["figures"] if f["id"] == "state-il-2021-mean-annual")


STATE_EDITS = [
    (
        lambda d: _il_mean(d).update(measure=None),
        r"states\.json → states\[\d+\]\.figures\[\d\]: give the measure: one of mean, median",
    ),
    (
        lambda d: _il_mean(d).update(unit="workers"),
        r"states\[\d+\]\.figures\[\d\]: a mean figure is in usd_per_year or usd_per_hour, not workers",
    ),
    (
        lambda d: _il(d)["figures"].append(dict(_il_mean(d), id="state-il-again")),
        r"states\[\d+\]: two mean figures in usd_per_year for 2021 from healthguide-2021; keep one",
    ),
    (
        lambda d: _il(d).update(name="indiana"),
        r"states\[\d+\]\.name: Name 'Indiana' is already used at states\[\d+\]\.name",
    ),
    (
        lambda d: _il(d).update(id="Il"),
        r"states\[\d+\]\.id: String should match pattern",
    ),
    (
        lambda d: d["codes"][2]["figures_from"].remove("healthguide-2021"),
        r"states\[\d+\]\.figures\[0\]\.source: Say which occupation code the figures of 'healthguide-2021'",
    ),
    (
        lambda d: d["codes"][1]["figures_from"].append("oes-2011"),
        r"codes\[1\]\.figures_from\[\d\]: Source 'oes-2011' is already given to code 29-2071",
    ),
]


@pytest.mark.parametrize(("change", "expected"), STATE_EDITS, ids=[e[1][:40] for e in STATE_EDITS])
def test_a_bad_state_edit_names_file_and_path(data_copy: Any, change: Any, expected: str) -> None:
    from .test_dataset import faults_of

    lines = faults_of(data_copy("states.json", change))
    assert any(re.search(expected, line) for line in lines), lines


def test_a_dataset_without_states_json_stays_valid(cli: Any, cli_json: Any, data_copy: Any) -> None:
    directory = data_copy()
    (directory / "states.json").unlink()
    data = cli_json("--data", str(directory), "salary", "--states")
    assert data["states"] == [] and data["series"] is None
    out = cli("--data", str(directory), "salary", "--states").stdout
    assert "The dataset has no state figures." in out
    result = cli("--data", str(directory), "salary", "--state", "NJ")
    assert result.exit_code == 2 and result.stderr.startswith("Error: No state 'NJ'.")
