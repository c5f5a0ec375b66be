"""``duties`` and ``skills`` lead with the official lists (O*NET's tasks, the BLS handbook's
duties and important qualities), each item with its source and flag; the article's lists
follow only where they add something, and every article item stays in the records."""

from __future__ import annotations

import json
import re
from typing import Any


def flat(text: str) -> str:
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def test_duties_lead_with_onets_tasks(cli_json: Any, cli: Any) -> None:
    data = cli_json("duties")
    assert data["definition"]["source"] == "onet-2025" and data["definition"]["flag"] == "official"
    assert "medical coders" in data["definition"]["text"]
    tasks = data["tasks"]["items"]
    assert len(tasks) == 17 and "29-2072.00" in data["tasks"]["title"]
    assert {(t["source"], t["flag"]) for t in tasks[:12]} == {("onet-2025", "official")}
    assert {(t["source"], t["flag"]) for t in tasks[12:]} == {("startright-2024", "secondary")}
    assert "diagnosis-related groups" in tasks[0]["text"] and "Transcribe" in tasks[-1]["text"]
    assert data["sources"]["onet-2025"]["url"] == "https://www.onetonline.org/link/summary/29-2072.00"
    out = cli("duties").stdout
    first = next(line for line in out.splitlines() if re.match(r"\s*\d+\.", line))
    assert first.startswith("1.  Assign patients to diagnosis-related groups (DRGs)")
    assert "[onet-2025]" in first
    assert out.index("[onet-2025]") < out.index("[ooh-current-copy, secondary]") < out.index("[article")


def test_bls_duties_are_flagged_as_a_copy(cli_json: Any) -> None:
    data = cli_json("duties")
    duties = data["bls_duties"]["items"]
    assert [d["id"] for d in duties][:5] == [
        "bls-duty-review",
        "bls-duty-codes",
        "bls-duty-maintain",
        "bls-duty-electronic",
        "bls-duty-confidential",
    ]
    assert {(d["source"], d["flag"]) for d in duties} == {("ooh-current-copy", "secondary")}
    source = data["sources"]["ooh-current-copy"]
    assert source["kind"] == "secondary" and "via a copy" in source["publisher"]


def test_the_articles_duties_follow_where_they_add_something(cli_json: Any, cli: Any) -> None:
    data = cli_json("duties")
    assert len(data["duties"]) == 9, "every article duty stays in the records"
    assert set(data["covered"]) == {
        "duty-organize",
        "duty-paperwork",
        "duty-storage",
        "duty-transfer",
        "duty-coding",
    }
    out = flat(cli("duties").stdout)
    tail = out.split("Also listed elsewhere")[1]
    assert "Calculate survival rates" in tail and "Analyze electronic data" in tail
    assert "Complete paperwork" not in out and "Code diagnoses and procedures" not in out


def test_skills_lead_with_the_bls_qualities(cli_json: Any, cli: Any) -> None:
    data = cli_json("skills")
    qualities = data["qualities"]["items"]
    names = [q["text"].split(":")[0] for q in qualities]
    assert names == [
        "Analytical skills",
        "Detail oriented",
        "Integrity",
        "Interpersonal skills",
        "Technical skills",
    ]
    assert {q["source"] for q in qualities[:4]} == {"ooh-qualities-copy"}
    assert qualities[4]["source"] == "ooh-2016-qualities-copy" and "2016-17" in qualities[4]["text"]
    assert all(q["flag"] == "secondary" for q in qualities)
    out = flat(cli("skills").stdout)
    assert out.startswith("Skills and qualities Important qualities in the BLS Occupational Outlook Handbook")
    assert "Analytical skills: reading patients' records closely enough to code diagnoses correctly." in out
    assert "[ooh-qualities-copy, secondary]" in out


def test_search_finds_tasks_and_qualities(cli_json: Any) -> None:
    for term, command, record in (
        ("DRG", "duties", "onet-task-drg"),
        ("transcribe", "duties", "onet-task-transcribe"),
        ("interpersonal", "skills", "bls-quality-interpersonal"),
    ):
        results = cli_json("search", term)["results"]
        assert any(r["id"] == record and r["link"]["command"] == command for r in results), (term, results)


def test_a_dataset_without_the_official_lists_still_shows_the_article(data_copy: Any, cli: Any) -> None:
    def strip(doc: dict[str, Any]) -> None:
        for key in ("definition", "tasks", "bls_duties", "qualities", "covered"):
            doc.pop(key)

    folder = data_copy("work.json", strip)
    result = cli("--data", str(folder), "duties")
    assert result.exit_code == 0 and result.stderr == ""
    assert "1. Manage and organize patients' medical information" in result.stdout
    assert "9. Calculate survival rates" in result.stdout and "O*NET" not in result.stdout
    data = json.loads(cli("--data", str(folder), "skills", "--json").stdout)
    assert data["qualities"] is None and data["covered"] == []
    assert "Good ethics" in cli("--data", str(folder), "skills").stdout
