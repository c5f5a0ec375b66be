"""One answer everywhere (issue 20, item 6): every command and every export that shows the
headline figures shows the same newest official ones, from BLS's files: May 2025 pay
(oews-2025) and the 2024-34 projection with BLS's comparison and openings (ep-2024-34)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

PAY = ("$51,140",)
HOURLY = ("$24.59",)
GROWTH = ("7.1%", "3.1%")
OPENINGS = ("14,200",)
SHOWS = {
    ("facts",): PAY + HOURLY + GROWTH + OPENINGS,
    ("salary",): PAY,
    ("outlook",): (*GROWTH, *OPENINGS, "194,800", "208,600"),
    ("handout",): PAY + HOURLY + GROWTH + OPENINGS,
    ("careers",): (*PAY, "7.1%"),
    ("compare", "CPC", "CCS"): PAY,
    ("search", "median"): PAY,
    ("guide", "--no-pager"): PAY + HOURLY + GROWTH + OPENINGS,
}
"""What each command's first screens must say (the figures of official/: national_M2025_dl.xlsx
and occupation_2024-34.xlsx)."""
STALE = ("$50,250/yr in 2024", "None", "No code", "(other)", "Unknown group")
"""The May 2024 median as the answer now, and the labels a broader group once had."""


def _text(cli: Any, args: tuple[str, ...], form: str, tmp_path: Path) -> str:
    if form == "html":
        target = tmp_path / "out.html"
        result = cli(*args, "--export", str(target))
        assert result.exit_code == 0, result.stderr
        raw = target.read_text("utf-8")
        return re.sub(r"<[^>]+>", "", raw).replace("&amp;", "&")
    extra = {"terminal": [], "markdown": ["--markdown"]}[form]
    result = cli(*args, *extra)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return str(result.stdout)


@pytest.mark.parametrize("form", ["terminal", "markdown", "html"])
@pytest.mark.parametrize("args", list(SHOWS), ids=" ".join)
def test_every_command_and_export_gives_the_same_newest_figures(
    cli: Any, args: tuple[str, ...], form: str, tmp_path: Path
) -> None:
    if args[0] == "search" and form == "html":
        pytest.skip("search has no document export")
    text = _text(cli, args, form, tmp_path)
    for figure in SHOWS[args]:
        assert figure in text, (args, form, figure)
    for stale in STALE:
        assert stale not in text, (args, form, stale)


def test_the_headline_figures_come_from_bls_files(cli_json: Any) -> None:
    facts = cli_json("facts")
    sources = facts["sources"]
    assert sources["oews-2025"]["url"].startswith("https://www.bls.gov/")
    assert sources["ep-2024-34"]["url"].startswith("https://www.bls.gov/")
    outlook = cli_json("outlook")
    newest = outlook["projections"][0]
    assert (newest["start"], newest["end"]) == (2024, 2034)
    assert (newest["growth"]["value"], newest["all_occupations"]["value"]) == (7.1, 3.1)
    assert newest["openings"]["value"] == 14200
    assert {newest[k]["flag"] for k in ("growth", "openings", "base_employment")} == {"official"}
    confirms = next(p for p in outlook["projections"] if p["start"] == 2016)
    assert (confirms["growth"]["value"], confirms["new_jobs"]["value"]) == (13.5, 27800)


@pytest.mark.parametrize("args", [("facts",), ("salary",), ("handout",), ("careers",)], ids=" ".join)
def test_data_as_of_is_the_newest_figures_may_year(cli: Any, args: tuple[str, ...]) -> None:
    out = cli(*args, "--markdown").stdout
    assert "Data as of May 2025 (the newest figure shown)" in out
