"""steps, salary, certs: real content, stdout versus stderr, exit codes."""

from __future__ import annotations

import re
from typing import Any

import pytest

from mrt_guide.status import ExitStatus


def test_steps_numbered_with_duration_and_next_command(cli: Any, guide: Any) -> None:
    result = cli("steps")
    assert result.exit_code == 0 and result.stderr == ""
    steps = guide.section("steps")["steps"]
    positions = [result.stdout.index(f"{n}. {s['title']}") for n, s in enumerate(steps, 1)]
    assert positions == sorted(positions), "steps are shown in order"
    assert "up to 6 months" in result.stdout and "2 years" in result.stdout
    assert "mrt-guide certs RHIT" in result.stdout


def test_each_step_panel_ends_with_its_citation(cli: Any, cli_json: Any) -> None:
    """The citation in a panel's bottom border is drawn as text, not read as Rich markup
    ("[ahima-rhit]" would be an unknown tag and vanish, leaving a gap in the border)."""
    from mrt_guide.views.fmt import cite_text

    borders = [line for line in cli("steps", env={"COLUMNS": "80"}).stdout.splitlines() if "╰" in line]
    steps = cli_json("steps")["steps"]
    assert len(borders) == len(steps)
    for border, step in zip(borders, steps, strict=True):
        assert border.endswith(f" {cite_text(step)} ─╯"), border


def test_steps_json_resolves_durations_and_cites_sources(cli_json: Any) -> None:
    data = cli_json("steps")
    educate = next(s for s in data["steps"] if s["id"] == "educate")
    cert = next(f for f in educate["duration"]["figures"] if f["id"] == "duration-certificate")
    assert (cert["value"], cert["unit"], cert["qualifier"]) == (6, "months", "up to")
    assert [s["number"] for s in data["steps"]] == list(range(1, len(data["steps"]) + 1))
    assert {"article", "ahima-recert"} <= set(data["sources"])


def test_salary_leads_with_the_newest_median(cli: Any, cli_json: Any) -> None:
    """The answer first: the newest median, then the medians newest first, no mean among them;
    the 2015 median keeps its note (often quoted as an average), marked and numbered."""
    data = cli_json("salary")
    years = [f["year"] for f in data["figures"]]
    assert years[0] == 2025 and years == sorted(years, reverse=True)
    assert {f["measure"] for f in data["figures"]} == {"median"}
    assert [(f["measure"], f["year"], f["value"]) for f in data["others"]] == [("mean", 2025, 56790)]
    result = cli("salary")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert out.splitlines()[2].startswith("Median pay now: $51,140/yr in 2025 [oews-2025]")
    rows = [ln for ln in out.splitlines() if re.match(r"│ \d{4} ", ln)]
    assert [r.split("│")[1].strip() for r in rows] == [str(y) for y in years]
    marked = re.search(r"│ 2015 │\s*\$37,110/yr([¹²³⁴⁵⁶⁷⁸⁹]+) │", out)
    assert marked, out
    note = next(ln for ln in out.splitlines() if ln.startswith(marked.group(1) + " "))
    assert "Median annual wage (2015)" in note and "median" in note
    assert "The article says" not in out
    for shown in ("$24,190/yr", "$61,400/yr", "article-only", "10th percentile", "90th percentile"):
        assert shown in out
    assert "Other measures (not medians)" in out and "Mean annual wage: $56,790/yr (2025)" in out
    assert "Spread of annual pay, May 2025 (BLS OEWS)" in out
    assert "What raises pay" in out and "electronic health records" in out


def test_note_markers_always_match_their_notes(cli: Any) -> None:
    """Every marker has its note and every numbered note a marker, in every command."""
    for args in (
        ["salary"],
        ["outlook"],
        ["certs"],
        ["certs", "CCS"],
        ["steps"],
        ["degrees", "BS"],
        ["guide"],
    ):
        out = cli(*args, env={"COLUMNS": "200"}).stdout
        body, _, notes = out.rpartition("Notes\n") if "Notes\n" in out else (out, "", "")
        listed = re.findall(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+) ", notes, re.M)
        if args == ["guide"]:
            body, listed = out, re.findall(r"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+) ", out, re.M)
        runs = re.findall(r"(?<=[^\s¹²³⁴⁵⁶⁷⁸⁹⁰,])([¹²³⁴⁵⁶⁷⁸⁹⁰,]+)", body)
        used = {m for run in runs for m in run.split(",") if m}
        assert used == set(listed), (args, used ^ set(listed))
        assert len(listed) == len(set(listed)), args  # each note once


def test_salary_spread_bars_grow_with_pay(cli: Any) -> None:
    out = cli("salary").stdout
    bars = {}
    for label in ("10th percentile", "median", "90th percentile"):
        line = next(ln for ln in out.splitlines() if ln.startswith(label) and "$" in ln and "█" in ln)
        bars[label] = line.count("█")
    assert bars["10th percentile"] < bars["median"] < bars["90th percentile"]


def test_salary_history_is_every_median_by_year(cli_json: Any, guide: Any) -> None:
    data = cli_json("salary", "--history")
    years = [f["year"] for f in data["figures"]]
    assert years == sorted(years, reverse=True)
    expected = sorted(
        {
            f["year"]
            for f in guide.section("pay")["figures"]
            if f.get("measure") == "median" and f["unit"] == "usd_per_year"
        },
        reverse=True,
    )
    assert years == expected  # one figure a year: BLS's own file where there is one
    assert {f["year"] for f in data["also"]} == {2024, 2020}
    assert [f["source"] for f in data["figures"] if f["year"] in (2024, 2020)] == ["oews-2024", "oews-2020"]
    assert all(f["measure"] == "median" for f in data["figures"])
    assert data["view"] == "history" and data["spreads"] == []


def test_salary_hourly_shows_hourly_figures_and_names_the_missing(
    cli: Any, cli_json: Any, data_copy: Any
) -> None:
    data = cli_json("salary", "--hourly")
    assert data["basis"] == "hourly"
    assert {f["unit"] for f in data["figures"]} == {"usd_per_hour"}
    assert [f["value"] for f in data["figures"]] == [
        24.59,
        24.16,
        23.45,
        22.69,
        22.43,
        19.4,
        18.83,
        17.84,
        17.26,
    ]
    assert data["no_hourly_figure"] == []
    history = cli_json("salary", "--hourly", "--history")["figures"]
    oes = next(f for f in history if f["year"] == 2011)
    assert (oes["value"], oes["source"], oes["flag"]) == (16.01, "oes-2011", "official")
    out = cli("salary", "--hourly").stdout
    assert "$24.59/hr" in out and "No hourly figure" not in out

    def drop(doc: Any) -> None:
        doc["figures"] = [f for f in doc["figures"] if f["id"] != "oes-2011-median-hourly"]

    folder = str(data_copy("pay.json", drop))
    out = cli("--data", folder, "salary", "--hourly", "--history").stdout
    assert "No hourly figure in the dataset for: Median annual wage (2011, oes-2011)." in " ".join(
        out.split()
    )


def test_salary_json_flags_each_figure_and_keeps_the_articles_wording(cli_json: Any) -> None:
    data = cli_json("salary")
    # the occupation's own medians: BLS's files (29-2072 from May 2021, 29-2071 before), and the
    # handbook's for the Mays no file is kept for; May 2019 and 2020 (a broader group) in --history
    assert [(f["year"], f["measure"]) for f in data["figures"]] == [
        (y, "median") for y in (2025, 2024, 2023, 2022, 2021, 2018, 2017, 2015, 2014)
    ]
    median = next(f for f in data["figures"] if f["id"] == "pay-median-2015-annual")
    assert median["measure"] == "median" and median["flag"] == "official"
    assert "average" in median["article"]["says"]
    spread = next(s for s in data["spreads"] if s["id"] == "spread-2015")
    assert spread["title"] == "Spread of annual pay, May 2015"
    p90 = next(f for f in spread["figures"] if f["id"] == "pay-p90-2015-article")
    assert (p90["value"], p90["flag"], p90["source"]) == (61400, "article-only", "article")
    for fig in data["figures"] + spread["figures"]:
        assert fig["source"] in data["sources"]


def test_certs_table_lists_every_certification(cli: Any, guide: Any) -> None:
    result = cli("certs")
    assert result.exit_code == 0 and result.stderr == ""
    for cert in guide.certifications:
        assert cert["id"] in result.stdout
        assert cert["name"].split()[0] in result.stdout
    assert "20 CEUs every 2 years" in result.stdout
    assert "20 CE hours every 2" in result.stdout  # ODS, NCRA
    assert "formerly CTR" in result.stdout


@pytest.mark.parametrize("name", ["RHIT", "rhit", " Rhit "])
def test_certs_one_in_any_case(cli: Any, name: str) -> None:
    result = cli("certs", name)
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert "Registered Health Information Technician" in out
    assert "CAHIIM" in out and "final term" in out
    assert "20 CEUs" in out and "2 years" in out
    assert "mrt-guide certs CCS" in " ".join(out.split())


@pytest.mark.parametrize("alias", ["CTR", "ctr", "ODS"])
def test_ctr_and_ods_are_one_credential(cli_json: Any, alias: str) -> None:
    data = cli_json("certs", alias)
    cert = data["certification"]
    assert cert["id"] == "ODS" and cert["renamed_from"]["id"] == "CTR"
    assert cert["renamed_from"]["date"] == "2024-01-01"
    assert data["issuer"]["id"] == "NCRA"


def test_cert_detail_says_what_the_data_lacks(cli: Any) -> None:
    out = " ".join(cli("certs", "CHDA").stdout.split())
    assert "Certified Health Data Analyst" in out
    assert out.count("Not found in the sources:") == 1 and "AHIMA's eligibility rules" in out


def test_cert_detail_shows_issuer_wide_renewal_rules(cli: Any, cli_json: Any) -> None:
    data = cli_json("certs", "RHIT")
    renewal = data["renewal"]
    assert renewal["issuer"] == "AHIMA" and renewal["anchor"] == "exam-date"
    share = renewal["shares"][0]["share"]
    assert (share["value"], share["unit"], share["qualifier"]) == (80, "percent", "at least")
    assert renewal["combined"]["cap"]["value"] == 50
    shown = " ".join(cli("certs", "RHIT").stdout.split())
    assert "begins on the day you pass the exam" in shown and "up to 50 CEUs" in shown
    assert "Once the RHIA is granted, it replaces the RHIT" in shown


def test_unknown_certification_suggests_the_closest(cli: Any) -> None:
    result = cli("certs", "RHTI")
    assert result.exit_code == ExitStatus.USAGE == 2
    assert result.stdout == ""
    assert result.stderr == "Error: No certification 'RHTI'. Did you mean RHIT?\n"


def test_unknown_certification_without_a_close_match_lists_the_ids(cli: Any, guide: Any) -> None:
    result = cli("certs", "zzzz")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert all(c["id"] in result.stderr for c in guide.certifications)


def test_version_comes_from_package_metadata(cli: Any) -> None:
    from importlib.metadata import version

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"mrt-guide {version('mrt-guide')}\n"


def test_no_command_shows_help_with_examples(cli: Any) -> None:
    result = cli()
    assert result.exit_code == 0
    for command in ("steps", "salary", "certs"):
        assert re.search(rf"mrt-guide {command}\b", result.stdout)
    assert "Commands" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["slary"], "No such command 'slary'. Did you mean 'salary'?"),
        (["salary", "--jsn"], "No such option: --jsn"),
        (["salary", "--json", "--plain"], "Choose one output format"),
        (["--json", "ce", "status"], "Error: --json belongs after the command: mrt-guide ce status --json"),
        (["--history", "salary"], "Error: --history belongs after the command: mrt-guide salary --history"),
        (["--jsn", "salary"], "No such option: --jsn"),
    ],
)
def test_usage_errors_are_one_line_exit_2(cli: Any, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
