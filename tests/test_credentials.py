"""AAPC's credentials beside AHIMA's and NCRA's: what each is for, its exam, the apprentice
title and how it is removed, renewal by AAPC's newest CEU table, how the CPC and the CCS
differ; and every AHIMA exam fact the sources hold, with what was not found said once."""

from __future__ import annotations

import re
from typing import Any

import pytest

from mrt_guide.queries.renewal import combined_requirement, rules

from .test_dataset import faults_of


def flat(text: str) -> str:
    """Output with panel borders and line wrapping undone, to find phrases that wrap."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def figure(data: Any, fig_id: str) -> dict[str, Any]:
    return next(f for f in data["figures"] if f["id"] == fig_id)


# AAPC


def test_cpc_in_full(cli: Any) -> None:
    result = cli("certs", "CPC")
    assert result.exit_code == 0 and result.stderr == ""
    out = flat(result.stdout)
    assert "CPC: Certified Professional Coder" in out and "Issued by AAPC." in out
    assert "Exam questions (multiple choice): 100 questions (2023) [aapc-cpc-exam]" in out
    assert "Exam length: 4 hours (2023) [aapc-cpc-exam]" in out
    assert "70% (2023) [aapc-cpc-exam]" in out
    assert "150 questions and lasted 340 minutes" in out and "codingclarified-2022, secondary" in out
    assert "36 CEUs (2015) [aapc-ceu-help]" in out
    assert out.count("Not found in the sources:") == 1
    assert "AAPC's own price for the CPC exam" in out and "AAPC's current membership prices" in out
    assert "$" not in out.split("Keeping it")[0], "no exam price is shown: none was found on an AAPC page"


@pytest.mark.parametrize("name", ["CPC-A", "cpc-a", "CPC"])
def test_the_apprentice_title_finds_the_cpc_and_says_how_the_a_goes(cli_json: Any, name: str) -> None:
    data = cli_json("certs", name)
    cert = data["certification"]
    assert cert["id"] == "CPC" and "CPC-A" in cert["aliases"]
    apprentice = cert["apprentice"]
    assert apprentice["id"] == "CPC-A" and apprentice["flag"] == "official"
    ways = {w["id"]: w for w in apprentice["removal"]}
    assert [(w["experience"]["value"], w["experience"]["unit"]) for w in ways.values()] == [
        (2, "years"),
        (1, "years"),
        (1, "years"),
    ]
    course = ways["cpc-a-course"]["figures"][0]
    assert (course["value"], course["unit"], course["qualifier"]) == (80, "hours", "at least")
    assert "Practicode" in ways["cpc-a-practicode"]["text"]
    assert all(w["source"] == "aapc-apprentice" for w in ways.values())
    assert data["sources"]["aapc-apprentice"]["url"].startswith("https://aapc.com/certifications/cpc/")


def test_the_apprentice_shows_its_ways_out(cli: Any) -> None:
    out = flat(cli("certs", "cpc-a").stdout)
    assert "Apprentice title (CPC-A):" in out
    assert "Removing the A from CPC-A (any one way)" in out
    assert "coding preparation course of at least 80 contact hours" in out
    assert "company letterhead" in out


@pytest.mark.parametrize(
    ("name", "cert_id", "questions"),
    [
        ("COC", "COC", 100),
        ("CPC-H", "COC", 100),
        ("coc-a", "COC", 100),
        ("CIC", "CIC", 40),
        ("CPB", "CPB", 135),
    ],
)
def test_every_aapc_credential_has_its_exam(cli_json: Any, name: str, cert_id: str, questions: int) -> None:
    data = cli_json("certs", name)
    cert = data["certification"]
    assert cert["id"] == cert_id and cert["issuer"] == "AAPC"
    assert data["issuer"]["name"] == "AAPC"
    asked = next(f for f in cert["exam"]["figures"] if f["unit"] == "questions")
    assert asked["value"] == questions and asked["flag"] == "official"
    length = next(f for f in cert["exam"]["figures"] if f["unit"] == "hours")
    assert length["value"] == 4
    assert cert["renewal"]["ceus"]["value"] == 36 and cert["renewal"]["cycle"]["value"] == 2


def test_cic_cases_and_crc_fees(cli_json: Any, cli: Any) -> None:
    cic = cli_json("certs", "CIC")["certification"]["exam"]["figures"]
    assert [(f["value"], f["unit"]) for f in cic] == [(40, "questions"), (7, "cases"), (4, "hours")]
    crc = cli_json("certs", "CRC")
    fees = [f for f in crc["certification"]["exam"]["figures"] if f["unit"] == "usd"]
    assert [(f["value"], f["year"], f["flag"]) for f in fees] == [
        (425, 2026, "secondary"),
        (499, 2026, "secondary"),
    ]
    assert "exam-prep site" in crc["sources"]["crc-prep-2026"]["publisher"]
    out = flat(cli("certs", "CRC").stdout)
    assert "Exam fee, one attempt (exam-prep site): $425 (2026) [crc-prep-2026, secondary]" in out


def test_coc_was_the_cpc_h(cli_json: Any) -> None:
    coc = cli_json("certs", "cpc-h")["certification"]
    assert coc["name"] == "Certified Outpatient Coder" and "CPC-H" in coc["audience"]
    assert coc["apprentice"]["id"] == "COC-A"


def test_cpc_and_ccs_compared_both_ways(cli_json: Any, cli: Any) -> None:
    for name, other in (("CPC", "CCS"), ("CCS", "CPC")):
        data = cli_json("certs", name)
        compared = data["certification"]["compared"]
        sources = {c["source"]: c for c in compared}
        assert "physician offices" in sources["aapc-cpc"]["text"]
        assert {"COC", "CIC"} <= set(sources["aapc-cpc"]["certifications"])
        assert "hospital-based" in sources["ahima-ccs-competency"]["text"]
        assert "CCS-P" in sources["ahima-ccs-competency"]["certifications"]
        links = [link["args"][0] for c in compared for link in c["links"]]
        assert other in links and name not in links
    out = flat(cli("certs", "CPC").stdout)
    assert "How it compares" in out and "mrt-guide certs CIC" in out


def test_certs_groups_the_credentials_by_issuer(cli: Any) -> None:
    out = cli("certs").stdout
    titles = re.findall(r"^Issued by (.+?)\s*$", out, re.M)
    assert titles == [
        "American Health Information Management Association (AHIMA)",
        "AAPC",
        "National Cancer Registrars Association (NCRA)",
    ]
    aapc = out.split("Issued by AAPC")[1].split("Issued by National")[0]
    for cert_id in ("CPC", "COC", "CIC", "CRC", "CPB"):
        assert re.search(rf"│ {cert_id}\s+│", aapc), cert_id
    assert "36 CEUs every 2 years" in aapc and "RHIT" not in aapc


def test_search_and_completion_know_the_aapc_credentials(cli_json: Any, cli: Any) -> None:
    found = cli_json("search", "CPC")["results"]
    assert {"command": "certs", "args": ["CPC"]} in [r["link"] for r in found]
    assert any(
        r["link"] == {"command": "certs", "args": ["COC"]} for r in cli_json("search", "CPC-H")["results"]
    )
    env = {"_MRT_GUIDE_COMPLETE": "complete_bash", "COMP_WORDS": "mrt-guide certs CP", "COMP_CWORD": "2"}
    result = cli(env=env)
    assert result.stdout.split() == ["CPC", "CPC-A", "CPC-H", "CPB"]


def test_an_unknown_credential_now_suggests_the_cpc(cli: Any) -> None:
    result = cli("certs", "CPCC")
    assert result.exit_code == 2 and result.stdout == ""
    assert "Did you mean CPC?" in result.stderr


# AAPC renewal


@pytest.mark.parametrize(
    ("credentials", "total"),
    [
        (["CPC"], 36),
        (["CPC", "COC"], 40),
        (["CPC", "COC", "CIC"], 44),
        (["CPC", "COC", "CIC", "CRC"], 48),
        (["CPC", "COC", "CIC", "CRC", "CPB"], 52),
    ],
)
def test_aapc_ladder_is_the_newer_table(guide: Any, credentials: list[str], total: int) -> None:
    got = combined_requirement(guide, credentials)
    assert got["total"] == total and got["issuer"] == "AAPC"
    assert got["how"] == ("single" if len(credentials) == 1 else "ladder") and got["derived"] is False


def test_aapc_renewal_rules(guide: Any, cli: Any) -> None:
    aapc = rules(guide, "AAPC")
    assert aapc is not None
    assert [f["value"] for f in aapc["combined"]["ladder"]] == [36, 40, 44, 48, 52]
    assert {(f["source"], f["flag"], f["year"]) for f in aapc["combined"]["ladder"]} == {
        ("aapc-ceu-help", "official", 2015)
    }
    assert aapc["carry_over"] is False and aapc["unit"] == "ceu" and aapc["due"] == "cycle-end"
    assert aapc["ends_on_membership_date"] is True and aapc["first_period_prorated"] is True
    figures = {f["id"]: f for rule in aapc["rules"] for f in rule["figures"]}
    assert (figures["aapc-verification-share"]["value"], figures["aapc-verification-share"]["unit"]) == (
        25,
        "percent",
    )
    assert (figures["aapc-extension-fee"]["value"], figures["aapc-extension-fee"]["unit"]) == (50, "usd")
    assert "approved" in " ".join(r["text"] for r in aapc["rules"])
    values = {f["value"] for f in aapc["figures"]}
    assert not values & {60, 72, 80}, "the superseded 2012 ladder is not shown as current"
    out = flat(cli("certs", "CIC").stdout)
    assert "CEUs per two-year period, five or more credentials: 52 CEUs" in out
    assert "Fee for a CEU extension: $50 (2025) [aapc-ceu-policies]" in out
    assert "membership due date" in out


def test_search_finds_aapcs_ceu_rules(cli_json: Any) -> None:
    results = cli_json("search", "index number")["results"]
    assert any(
        r["id"] == "aapc-ceu-verification" and r["link"] == {"command": "certs", "args": ["CPC"]}
        for r in results
    )


def test_other_issuers_keep_their_rules(guide: Any) -> None:
    ahima, ncra = rules(guide, "AHIMA"), rules(guide, "NCRA")
    assert ahima is not None and ncra is not None
    assert ahima["ends_on_membership_date"] is False and ahima["first_period_prorated"] is None
    assert ahima["rules"] == [] and ncra["rules"] == []


def test_an_apprentice_title_must_be_an_alias(data_copy: Any) -> None:
    def drop(doc: dict[str, Any]) -> None:
        next(c for c in doc["certifications"] if c["id"] == "CPC")["aliases"] = []

    lines = faults_of(data_copy("certifications.json", drop))
    assert any("apprentice.id: 'CPC-A' is not an alias of CPC" in line for line in lines), lines


# AHIMA exam facts


@pytest.mark.parametrize(
    ("cert_id", "questions", "hours", "retake"),
    [
        ("RHIT", (130, 160), 3.5, 90),
        ("RHIA", (150, None), 3.5, 90),
        ("CCA", (105, None), 2, 30),
        ("CCS", (107, None), 4, 30),
        ("CCS-P", (121, None), 4, 90),
        ("CHPS", (140, 160), 3.5, 90),
    ],
)
def test_every_ahima_exam_the_sources_hold(
    cli_json: Any, cert_id: str, questions: tuple[int, int | None], hours: float, retake: int
) -> None:
    data = cli_json("certs", cert_id)
    figures = data["certification"]["exam"]["figures"]
    asked = next(f for f in figures if f["unit"] == "questions")
    assert (asked["value"], asked["upper"]) == questions
    assert next(f for f in figures if f["unit"] == "hours")["value"] == hours
    wait = next(f for f in figures if f["id"].endswith("-retake-wait"))
    assert (wait["value"], wait["unit"], wait["year"], wait["flag"]) == (retake, "days", 2023, "secondary")
    assert data["sources"][wait["source"]]["url"] == "http://healthcom.info/index-68.html"
    for fig in figures:
        assert fig["source"] in data["sources"] and fig["flag"] in {"official", "secondary"}


@pytest.mark.parametrize(
    ("cert_id", "member", "other", "year", "flag"),
    [
        ("RHIT", 229, 299, 2026, "secondary"),
        ("RHIA", 229, 299, 2026, "secondary"),
        ("CCA", 199, 299, 2026, "secondary"),
        ("CCS", 299, 399, 2010, "official"),
        ("CCS-P", 299, 399, 2010, "official"),
    ],
)
def test_exam_fees_carry_their_year_and_flag(
    cli_json: Any, cli: Any, cert_id: str, member: int, other: int, year: int, flag: str
) -> None:
    data = cli_json("certs", cert_id)
    fees = [f for f in data["certification"]["exam"]["figures"] if f["unit"] == "usd"]
    assert [(f["value"], f["year"], f["flag"]) for f in fees] == [(member, year, flag), (other, year, flag)]
    prep = flag == "secondary"
    assert all(("exam-prep site" in f["label"]) is prep for f in fees)
    out = flat(cli("certs", cert_id).stdout)
    cite = f"[{fees[0]['source']}, secondary]" if prep else f"[{fees[0]['source']}]"
    assert f"Exam fee, AHIMA member{' (exam-prep site)' if prep else ''}: ${member} ({year}) {cite}" in out


def test_chps_has_no_fee_and_says_so(cli: Any, cli_json: Any) -> None:
    data = cli_json("certs", "CHPS")
    assert not [f for f in data["certification"]["exam"]["figures"] if f["unit"] == "usd"]
    assert data["certification"]["exam"]["figures"][-1]["value"] == 53  # first-time pass rate, 2020
    out = flat(cli("certs", "CHPS").stdout)
    assert "Not found in the sources: AHIMA's current exam fees on an AHIMA page" in out


def test_ccs_p_eligibility_is_recommended_and_secondary(cli_json: Any, cli: Any) -> None:
    elig = cli_json("certs", "CCSP")["certification"]["eligibility"]
    assert elig["minimum_education"] == "high-school" and elig["missing"] is None
    assert [p["id"] for p in elig["pathways"]] == [
        "ccsp-coursework",
        "ccsp-experience",
        "ccsp-cca",
        "ccsp-credential",
    ]
    assert all(
        p["recommended"] and p["flag"] == "secondary" and p["source"] == "ccsp-prep-2025"
        for p in elig["pathways"]
    )
    assert [p["experience"]["value"] for p in elig["pathways"][:3]] == [1, 2, 1]
    assert elig["pathways"][3]["credentials"] == ["CCS", "RHIT", "RHIA"]
    out = flat(cli("certs", "CCS-P").stdout)
    assert "(recommended, not required) [ccsp-prep-2025, secondary]" in out
    assert "the diploma required, the rest recommended" in out
    assert "Required • A high-school diploma. [ccsp-prep-2025, secondary]" in out


def test_ahima_exam_rules_are_the_issuers(cli_json: Any, cli: Any) -> None:
    issuer = cli_json("certs", "RHIT")["issuer"]
    rules = {f["id"]: f for f in issuer["exams"]["facts"]}
    assert "OnVUE" in rules["ahima-exam-delivery"]["text"]
    assert "modified Angoff" in rules["ahima-exam-passing"]["text"]
    refund = {f["id"]: f["value"] for f in rules["ahima-exam-reschedule"]["figures"]}
    assert refund["ahima-refund-fee"] == 75 and refund["ahima-reschedule-fee"] == 30
    window = {f["id"]: f["value"] for f in rules["ahima-exam-window"]["figures"]}
    assert window["ahima-window-days"] == 120 and window["ahima-extension-fee"] == 50
    assert rules["ahima-exam-window"]["flag"] == "secondary"
    out = flat(cli("certs", "CCA").stdout)
    assert "Any AHIMA exam" in out and "Pearson OnVUE" in out


@pytest.mark.parametrize(
    "cert_id", ["RHIT", "RHIA", "CCA", "CCS", "CCS-P", "CHDA", "CHPS", "CDIP", "CPC", "COC"]
)
def test_what_was_not_found_is_said_once(cli: Any, cert_id: str) -> None:
    out = flat(cli("certs", cert_id).stdout)
    assert out.count("Not found in the sources:") == 1
    assert "Not in the dataset" not in out and "holds no exam facts" not in out


@pytest.mark.parametrize("cert_id", ["CHDA", "CDIP"])
def test_chda_and_cdip_still_have_no_exam_facts(cli_json: Any, cert_id: str) -> None:
    cert = cli_json("certs", cert_id)["certification"]
    assert cert["exam"] is None and cert["eligibility"]["pathways"] == []
    assert cert["not_found"] == ["AHIMA's eligibility rules", "the exam's questions and length"]


def test_the_whole_guide_gives_each_issuers_exam_rules_once(cli: Any) -> None:
    out = cli("guide", "--no-pager").stdout
    assert out.count("Taking any AHIMA exam") == 1 and out.count("Taking any AAPC exam") == 1
    assert flat(out).count("modified Angoff") == 1


def test_no_source_is_a_staging_host(guide: Any) -> None:
    for source in guide.sources.values():
        url = source["url"] or ""
        assert not re.search(r"//(cms-qa|cms-test|conference-test)\.", url), source["key"]
