"""degrees, outlook, duties, skills, workplaces, about, search, sources, guide."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from mrt_guide.status import ExitStatus


def test_degrees_side_by_side_with_lengths_and_purposes(cli: Any) -> None:
    result = cli("degrees", env={"COLUMNS": "200"})
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    # each length with how sure it is (M-8: year and source, flag where it is not official)
    assert re.search(r"Certificate\s*│.*│\s*up to 6 months \[article-only\]\s*│\s*work", out)
    assert re.search(r"AS\s*│.*│\s*2 years \[article-only\]\s*│\s*the RHIT exam, work,", out)
    assert re.search(r"BS\s*│.*│\s*4 years \[csu-bs-hia, secondary\][¹²³⁴⁵⁶⁷⁸⁹]*\s*│\s*management roles", out)
    assert "Choose the AS if a bachelor's degree" in out
    assert "CAHIIM" in out and "Commission on Accreditation" in out
    assert "Associate degree coursework (AS, AAS)" in out and "Disease pathology" in out


@pytest.mark.parametrize(
    ("flag", "route", "short"),
    [("--bachelor-later", "as-hit", "AS"), ("--no-bachelor-later", "aas-hit", "AAS")],
)
def test_degrees_answers_the_as_or_aas_choice(
    cli: Any, cli_json: Any, flag: str, route: str, short: str
) -> None:
    data = cli_json("degrees", flag)
    assert data["answer"]["route"] == route
    assert data["answer"]["bachelor_later"] is (flag == "--bachelor-later")
    out = cli("degrees", flag).stdout
    assert f"choose the {short}," in out


def test_one_degree_in_full(cli: Any, cli_json: Any) -> None:
    data = cli_json("degrees", "aas")
    assert data["route"]["id"] == "aas-hit"
    assert data["route"]["coursework"]["subjects"][1] == "Medical coding"
    assert {c["id"] for c in data["certifications"]} >= {"RHIT", "ODS"}
    out = flat(cli("degrees", "BS").stdout)
    assert re.search(r"Length: 4 years \(2020\) \[csu-bs-hia, secondary\]", out) and "management posts" in out
    assert "transfer credit may shorten it" in out


def test_unknown_degree_suggests(cli: Any) -> None:
    result = cli("degrees", "AAAS")
    assert result.exit_code == 2
    assert result.stderr == "Error: No degree 'AAAS'. Did you mean AAS?\n"


def test_outlook_shows_the_articles_rounding_and_every_period(cli: Any, cli_json: Any, guide: Any) -> None:
    data = cli_json("outlook")
    art = data["article_projection"]
    # BLS's own 2016-26 file: 13.5% and 27,800, which the article rounds to 13% and 28,000
    growth, new_jobs = art["growth"], art["new_jobs"]
    assert (growth["value"], growth["article"]["value"], growth["source"]) == (13.5, 13, "ep-2016-26")
    assert (new_jobs["value"], new_jobs["article"]["value"]) == (27800, 28000)
    periods = [(p["start"], p["end"]) for p in data["projections"]]
    assert periods == sorted(periods, key=lambda p: (p[1], p[0]), reverse=True)  # newest first
    assert len(periods) == len(guide.section("outlook")["projections"])
    out = cli("outlook").stdout
    # the answer first, as BLS frames it: against all occupations, in jobs, openings a year
    assert out.splitlines()[2].startswith("Projected growth: 7.1% over 2024-34, against 3.1% for all")
    flat_out = " ".join(out.split())
    assert "Employment: 194,800 workers in 2024, 208,600 workers projected for 2034" in flat_out
    assert "Openings: about 14,200 a year" in flat_out
    rounding = re.search(r"│\s*27,800([¹²³⁴⁵⁶⁷⁸⁹]+)\s*│", out)
    assert rounding, out  # the marker sits on the new-jobs cell, the figure its note is about
    note = next(ln for ln in out.splitlines() if ln.startswith(rounding.group(1) + " "))
    assert "27,800" in note and "28,000" in note
    bars = [
        ln for ln in cli("outlook").stdout.splitlines() if ln.startswith(("2010-20", "2024-34")) and "█" in ln
    ]
    assert len(bars) == 2 and bars[0].count("█") < bars[1].count("█")  # 7.1% (newest, first) against 21%
    assert "2019-29" in out and "broader group" in out
    assert "ageing" not in out and "older" in out


def test_duties_lead_with_onet_tasks_in_onets_order(cli: Any, guide: Any) -> None:
    out = cli("duties").stdout
    tasks = guide.section("work")["tasks"]["items"]
    for n, task in enumerate(tasks[:9], 1):
        assert f"{n}.  {task['text'].split()[0]}" in out
    assert (
        out.index("Tasks O*NET lists") < out.index("Duties in the BLS") < out.index("Also listed elsewhere")
    )


def flat(text: str) -> str:
    """Output with line wrapping undone, to find phrases that wrap."""
    return " ".join(text.split())


def test_skills_and_qualities(cli: Any, cli_json: Any) -> None:
    out = flat(cli("skills").stdout)
    assert "Office of Personnel Management" in out and "Good judgment" in out
    assert out.index("Analytical skills") < out.index("Also: what the work demands")
    data = cli_json("skills")
    shown_elsewhere = {"skill-ethics", "skill-communication", "skill-detail", "skill-accuracy"}
    assert shown_elsewhere <= set(data["covered"])
    for quality in ("Good ethics", "Communication", "Attention to detail"):  # said by BLS's qualities
        assert quality not in out
        assert any(s["text"] == quality for s in data["skills"])  # kept in the records


def test_workplaces_join_settings_to_shares_and_wages(cli_json: Any, cli: Any) -> None:
    data = cli_json("workplaces")
    hospitals = next(s for s in data["settings"] if s["id"] == "hospitals")
    assert hospitals["employer_shares"][0]["share"]["value"] == 34
    assert hospitals["industries"][0]["mean_wage"]["value"] == 37960
    out = cli("workplaces").stdout
    # each figure once, in a table or chart of its own year: no row joins 2018 to 2011
    assert re.search(r"Share of jobs by employer, 2018 \[ooh-2019-copy, secondary\]", out)
    assert re.search(r"Hospitals \(state, local and private\)\s+█+ 34%", out)
    assert re.search(r"│ General medical and surgical hospitals │ 67,340 workers │\s+\$37,960/yr │", out)
    assert out.count("$37,960/yr") == 1
    assert "Software vendors" in out


def test_about_names_and_codes(cli: Any) -> None:
    out = flat(cli("about").stdout)
    assert "29-2072" in out and "Bright Outlook" in out and "Health information technician" in out


@pytest.mark.parametrize(
    ("terms", "section", "link"),
    [
        (["ctr"], "certs", ["certs", "ODS"]),
        (["Cancer", "REGISTRY"], "steps", ["steps"]),
        (["CAHIIM"], "degrees", ["degrees"]),
        (["survival"], "duties", ["duties"]),
        (["ooh-2016"], "sources", ["sources"]),
    ],
)
def test_search_finds_records_and_their_command(
    cli_json: Any, terms: list[str], section: str, link: list[str]
) -> None:
    data = cli_json("search", *terms)
    found = [[r["link"]["command"], *r["link"]["args"]] for r in data["results"] if r["section"] == section]
    assert link in found, data["results"]
    for r in data["results"]:
        blob = " ".join([r["id"], r["title"], *r["matches"]]).lower()
        assert all(t.lower() in blob for t in terms) or r["section"] in ("certs", "steps", "degrees")


@pytest.mark.parametrize(
    ("words", "command", "shown"),
    [
        *[
            ([w], "salary", "Median annual wage: $50,250/yr (2024)")
            for w in ("salary", "pay", "income", "wage")
        ],
        *[([w], "salary", "Median annual wage: $50,250/yr (2024)") for w in ("earn", "money", "Salaries")],
        *[(w.split(), "steps", "Length of the AS degree: 2 years (2018)") for w in ("how long", "duration")],
        (["how", "long", "does", "it", "take"], "degrees", "Length of the AAS degree: 2 years (2018)"),
        (["years"], "plan", "Length of the AS degree: 2 years"),
        *[
            ([w], "workplaces", "Share of jobs: Hospitals (state, local and private): 34% (2018)")
            for w in ("job", "work")
        ],
        (["employer"], "workplaces", "Offices of physicians: 19% (2018)"),
        *[([w], "certs", "Exam length: 2 hours (2025)") for w in ("test", "exam")],
    ],
)
def test_search_answers_peoples_words(cli: Any, words: list[str], command: str, shown: str) -> None:
    """A synonym finds its section, the command that answers it comes first, and the hit shows
    the value (the dollar figure, the length), not an id."""
    data = json.loads(cli("search", *words, "--json").stdout)
    commands = [r["link"]["command"] for r in data["results"] if r["section"] == "commands"]
    assert command in commands
    assert data["results"][0]["section"] == "commands"
    out = cli("search", *words, env={"COLUMNS": "200"}).stdout
    assert shown in out, out[:2000]
    assert "pay-median" not in out and "duration-as-hit" not in out  # ids stay in --json and --plain


def test_search_shows_the_newest_pay_first(cli_json: Any) -> None:
    data = cli_json("search", "salary")
    pay = [
        r
        for r in data["results"]
        if r["section"] == "salary" and [f["id"] for f in r["figures"]] == [r["id"]]
    ]
    years = [r["figures"][0]["year"] for r in pay]
    assert years[0] == 2025 and years == sorted(years, reverse=True)
    assert pay[0]["figures"][0]["source"] == "oews-2025"


def test_search_matches_the_start_of_words(cli_json: Any) -> None:
    """``earn`` finds earnings, not learn; ``test`` does not find latest."""
    for r in cli_json("search", "earn")["results"]:
        text = " ".join([r["title"], *r["matches"]]).lower()
        assert r["section"] == "commands" or re.search(r"\b(earn|pay|paid|wage|salar|income|money)", text), (
            text
        )


def test_search_needs_every_word(cli_json: Any) -> None:
    one = cli_json("search", "coding")["results"]
    both = cli_json("search", "coding", "hospitals")["results"]
    assert 0 < len(both) < len(one)


def test_search_groups_and_highlights(cli: Any) -> None:
    out = cli("search", "coding", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in out  # highlighted
    plain = cli("search", "coding").stdout
    assert re.search(r"^certs \(\d+\)$", plain, re.M)
    assert "→ mrt-guide certs CCS" in plain


def test_search_miss_exits_1_with_close_words(cli: Any) -> None:
    result = cli("search", "codng")
    assert result.exit_code == ExitStatus.NOT_FOUND == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: No match for 'codng'. Did you mean: coding")
    far = cli("search", "qqqqzz")
    assert far.exit_code == 1 and far.stderr == "Error: No match for 'qqqqzz'.\n"


def test_search_miss_in_json_still_prints_json(cli: Any) -> None:
    import json

    result = cli("search", "codng", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["suggestions"][0] == "coding"


def test_sources_count_what_rests_on_them(cli_json: Any, guide: Any) -> None:
    rows = {s["key"]: s for s in cli_json("sources")["sources"]}
    assert set(rows) == set(guide.sources)
    assert (
        rows["oes-2011"]["figures"] == sum(1 for f in guide.figures.values() if f["source"] == "oes-2011") > 0
    )
    assert rows["article"]["kind"] == "article" and rows["article"]["url"] is None
    assert all(r["records"] >= r["figures"] for r in rows.values())


def test_sources_show_link_vintage_and_kind(cli: Any, cli_json: Any) -> None:
    """Each source with its vintage, kind and counts; every address whole on a line of its own
    at 80 columns (and at 40), so it can be clicked or copied; official sources first."""
    rows = cli_json("sources")["sources"]
    for width in ("80", "40"):
        out = cli("sources", env={"COLUMNS": width}).stdout
        lines = out.splitlines()
        for row in rows:
            if row["url"]:
                assert "  " + row["url"] in lines, (width, row["url"])
    flat = " ".join(cli("sources", env={"COLUMNS": "80"}).stdout.split())
    assert re.search(
        r"ooh-2016 U\.S\. Bureau of Labor Statistics: .* \(2016, official\)\. \d+ figures, \d+ records\.",
        flat,
    )
    assert flat.index("ooh-2016 ") < flat.index("jobhuntday-2024 ") < flat.index("article Career blog")


def test_guide_is_every_section_in_reading_order(cli: Any) -> None:
    result = cli("guide")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    titles = [
        "the job in brief",
        "The path into the career",
        "Degrees and programs",
        "Certifications for medical records technicians",
        "RHIT: Registered Health Information Technician",
        "Pay of medical records technicians",
        "Job outlook",
        "What a medical records technician does",
        "Skills and qualities",
        "Where medical records technicians work",
        "Sources",
    ]
    positions = [out.index(t) for t in titles]
    assert positions == sorted(positions)


def test_guide_does_not_page_when_stdout_is_not_a_terminal(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not even with FORCE_COLOR: it asks for colour, not for a pager."""
    from mrt_guide.render import to_rich

    called: list[str] = []
    monkeypatch.setattr(to_rich.Pager, "show", lambda self, content: called.append(content))
    for env in ({}, {"FORCE_COLOR": "1"}):
        result = cli("guide", env=env)
        assert result.exit_code == 0 and "Job outlook" in result.stdout and called == []


def test_guide_pages_on_a_terminal_unless_told_not_to(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from mrt_guide.render import to_rich

    paged: list[str] = []
    monkeypatch.setattr(Console, "is_terminal", property(lambda self: True))
    monkeypatch.setattr(to_rich, "reader_at_terminal", lambda: True)
    monkeypatch.setattr(to_rich.Pager, "show", lambda self, content: paged.append(content))
    result = cli("guide")
    assert result.exit_code == 0 and len(paged) == 1 and "Job outlook" in paged[0]
    assert result.stdout == ""
    paged.clear()
    result = cli("guide", "--no-pager")
    assert paged == [] and "Job outlook" in result.stdout


@pytest.mark.parametrize("pager", ["false", "no-such-pager-program", "sh -c 'exit 3'", "unbalanced 'quote"])
def test_a_pager_that_fails_means_the_guide_is_printed(
    cli: Any, monkeypatch: pytest.MonkeyPatch, pager: str
) -> None:
    from rich.console import Console

    from mrt_guide.render import to_rich

    monkeypatch.setattr(Console, "is_terminal", property(lambda self: True))
    monkeypatch.setattr(to_rich, "reader_at_terminal", lambda: True)
    monkeypatch.setenv("PAGER", pager)
    monkeypatch.delenv("MANPAGER", raising=False)
    result = cli("guide")
    assert result.exit_code == 0 and "Job outlook" in result.stdout and result.stderr == ""


def test_unknown_degree_without_a_close_match_lists_the_names_people_type(cli: Any) -> None:
    result = cli("degrees", "MBA")
    assert result.exit_code == 2
    assert result.stderr == "Error: No degree 'MBA'. Choose one of: Certificate, AS, AAS, BS.\n"


def test_facts_fit_one_screen_and_lead_with_the_newest(cli: Any, cli_json: Any, guide: Any) -> None:
    out = cli("facts", env={"COLUMNS": "80"}).stdout
    assert len(out.splitlines()) <= 30
    data = cli_json("facts")
    medians = [
        f for f in guide.section("pay")["figures"] if f["measure"] == "median" and f["unit"] == "usd_per_year"
    ]
    assert data["median_annual"]["year"] == max(f["year"] for f in medians)
    assert (
        data["median_hourly"]["unit"] == "usd_per_hour"
        and data["median_hourly"]["year"] == data["median_annual"]["year"]
    )
    assert data["projection"]["end"] == max(p["end"] for p in guide.section("outlook")["projections"])
    flat_out = " ".join(out.split())
    annual = data["median_annual"]
    assert f"${annual['value']:,.0f}/yr" in flat_out and str(annual["year"]) in flat_out
    assert f"{data['projection']['growth']['value']:g}% growth" in flat_out
    assert "RHIT" in flat_out and "20 CEUs every 2 years" in flat_out
    assert "secondary" in flat_out  # the flags that matter are visible at the figure
    assert "mrt-guide plan" in flat_out


def test_facts_open_the_whole_guide(cli: Any) -> None:
    out = cli("guide", "--no-pager").stdout
    assert out.index("quick facts") < out.index("the job in brief")
