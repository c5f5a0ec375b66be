"""Coder pay from AAPC's salary surveys: averages its members reported, each with its survey
year, source and flag, shown apart from the BLS figures and never as a BLS median."""

from __future__ import annotations

import re
from typing import Any


def test_surveys_are_kept_apart_from_bls_figures(cli_json: Any) -> None:
    data = cli_json("salary")
    survey_ids = {f["id"] for s in data["surveys"] for f in s["figures"]}
    assert survey_ids and not survey_ids & {f["id"] for f in data["figures"]}
    for survey in data["surveys"]:
        assert "AAPC members" in survey["population"] and "self-reported" in survey["population"]
        for fig in survey["figures"]:
            assert fig["measure"] == "mean" and fig["unit"] == "usd_per_year"
            assert fig["year"] == survey["year"] and fig["source"] in data["sources"]
    by_id = {f["id"]: f for s in data["surveys"] for f in s["figures"]}
    assert (by_id["aapc-2021-certified"]["value"], by_id["aapc-2021-certified"]["flag"]) == (
        60097,
        "official",
    )
    assert (by_id["aapc-2021-noncertified"]["value"], by_id["aapc-2021-all"]["value"]) == (47200, 54797)
    assert (by_id["aapc-2022-cpc"]["value"], by_id["aapc-2022-cpc"]["source"]) == (58055, "aapc-cpc-exam")
    assert (by_id["aapc-2010-cpc-a"]["value"], by_id["aapc-2010-cpc-a"]["flag"]) == (32792, "secondary")
    assert data["sources"]["aapc-salary-2021"]["url"].startswith("https://www.aapc.com/")


def test_the_survey_block_comes_after_the_bls_tables_and_says_what_it_is(cli: Any) -> None:
    out = cli("salary").stdout
    tables_end = out.index("What raises pay")
    block = out.index("Salary surveys of members: averages they reported, not BLS figures")
    assert tables_end < block
    text = " ".join(out[block:].split())
    assert "AAPC salary survey, 2021: AAPC members (self-reported)" in text
    assert "Average salary, certified: $60,097/yr (2021) [aapc-salary-2021]" in text
    assert "The survey year is inferred." in text
    head = out[:block]
    assert "$60,097" not in head and "$58,055" not in head


def test_no_hourly_survey_figures(cli_json: Any, cli: Any) -> None:
    assert cli_json("salary", "--hourly")["surveys"] == []
    assert "Salary surveys of members" not in cli("salary", "--hourly").stdout
    assert cli_json("salary", "--history")["surveys"], "annual views keep them"


def test_search_finds_the_surveys(cli_json: Any) -> None:
    results = cli_json("search", "self-reported")["results"]
    assert any(
        r["link"] == {"command": "salary", "args": []} and r["id"] == "aapc-survey-2021" for r in results
    )


def test_a_pay_file_without_surveys_is_valid(data_copy: Any, cli: Any) -> None:
    def drop(doc: dict[str, Any]) -> None:
        del doc["surveys"]

    def unpaid(doc: dict[str, Any]) -> None:
        for cert in doc["certifications"]:
            cert.pop("survey_pay", None)  # its holders' pay names survey figures

    data_copy("pay.json", drop)
    folder = data_copy("certifications.json", unpaid)
    (folder / "careers.json").unlink()  # its coders' pay names survey figures; the file is optional
    result = cli("--data", str(folder), "salary")
    assert result.exit_code == 0 and result.stderr == ""
    assert "Salary surveys" not in result.stdout and re.search(r"\$37,110/yr", result.stdout)
