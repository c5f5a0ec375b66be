"""Issue 21 item 10: with thousands of activities the terminal's ``ce list`` table is a page
(the latest 20 by default, ``--rows``, ``--page``), its totals still of every activity,
while --json, --plain, --markdown and --export keep every one; and the terminal renderer's
line tidying, rewritten to run line by line, does what the one pattern did."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.render import to_rich


@pytest.fixture
def log25(cli: Any, tmp_path: Path) -> None:
    assert cli("ce", "credential", "add", "RHIT", "--earned", "2025-01-02").exit_code == 0
    rows = ["date,title,minutes"]
    day = dt.date(2025, 2, 1)
    rows += [f"{(day + dt.timedelta(days=n)).isoformat()},Talk {n + 1},60" for n in range(25)]
    source = tmp_path / "a.csv"
    source.write_text("\r\n".join(rows) + "\r\n", "utf-8")
    assert cli("ce", "import", str(source)).exit_code == 0


def titles(out: str) -> list[int]:
    return [int(n) for n in re.findall(r"Talk (\d+)", out)]


def test_the_terminal_table_is_a_page_of_the_latest_and_the_totals_cover_all(cli: Any, log25: None) -> None:
    env = {"COLUMNS": "100"}
    first = cli("ce", "list", "--on", "2025-03-01", "--no-color", env=env)
    assert first.exit_code == 0 and first.stderr == ""
    assert titles(first.stdout) == list(range(6, 26))  # the latest 20, in date order
    flat = " ".join(first.stdout.split())
    assert (
        "Showing 20 of 25 activities (2025-02-06 to 2025-02-25, page 1 of 2): --page 2 shows earlier "
        "ones, --rows 0 every one." in flat
    )
    assert "25 activities: AHIMA 25 CEUs." in flat  # every activity, not the page
    second = cli("ce", "list", "--on", "2025-03-01", "--page", "2", "--no-color", env=env)
    assert titles(second.stdout) == list(range(1, 6))
    assert (
        "Showing 5 of 25 activities (2025-02-01 to 2025-02-05, page 2 of 2): --rows 0 every one."
        in " ".join(second.stdout.split())
    )
    beyond = cli("ce", "list", "--on", "2025-03-01", "--page", "3", "--no-color", env=env)
    assert beyond.exit_code == 2 and beyond.stdout == ""  # past the last page: a usage error
    assert "No page 3: 25 activities make 2 pages of 20" in beyond.stderr
    every = cli("ce", "list", "--on", "2025-03-01", "--rows", "0", "--no-color", env=env)
    assert titles(every.stdout) == list(range(1, 26)) and "Showing" not in every.stdout
    ten = cli("ce", "list", "--on", "2025-03-01", "--rows", "10", "--page", "2", "--no-color", env=env)
    assert titles(ten.stdout) == list(range(6, 16))


def test_other_formats_keep_every_activity(cli: Any, log25: None, tmp_path: Path) -> None:
    as_json = cli("ce", "list", "--on", "2025-03-01", "--json")
    assert len(json.loads(as_json.stdout)["activities"]) == 25
    plain = cli("ce", "list", "--on", "2025-03-01", "--plain").stdout.splitlines()
    assert len(plain) == 26 and plain[0].startswith("id\t")
    assert titles(cli("ce", "list", "--on", "2025-03-01", "--markdown").stdout) == list(range(1, 26))
    page = tmp_path / "list.html"
    assert cli("ce", "list", "--on", "2025-03-01", "--export", str(page)).exit_code == 0
    assert titles(page.read_text("utf-8")) == list(range(1, 26))


def test_rows_and_page_refuse_what_is_not_a_count(cli: Any, log25: None) -> None:
    for args in (["--rows", "-1"], ["--page", "0"], ["--rows", "x"]):
        result = cli("ce", "list", *args)
        assert result.exit_code == 2 and result.stdout == "", args
        assert result.stderr.startswith("Error: Invalid value for"), result.stderr


_CODE = r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\"
OLD_TIDY = re.compile(rf"(?:[ \t]|{_CODE})*[ \t](?:{_CODE})*$", re.M)
"""The single pattern ``tidy`` used before it went line by line: every space at a line's end,
also between the codes that close it, goes; the codes stay."""


@pytest.mark.parametrize(
    "drawn",
    [
        "",
        "plain",
        "  \n\n \t\n",
        "│ words and words      │   \n│ more │\n",
        "bold \x1b[1mx\x1b[0m   \x1b[0m\n",
        "link \x1b]8;id=1;https://example.org\x1b\\text\x1b]8;;\x1b\\  \n",
        "a  \x1b[1m  \x1b[0m\nb\t\x1b[2m\x1b[0m",
        "no newline at the end   ",
    ],
)
def test_tidy_strips_what_the_single_pattern_stripped(drawn: str) -> None:
    expected = OLD_TIDY.sub(lambda m: "".join(re.findall(_CODE, m.group())), drawn)
    assert to_rich.tidy(drawn) == expected


def test_tidy_drops_the_spaces_between_closing_codes_and_keeps_the_codes() -> None:
    assert to_rich.tidy("a  \x1b[1m  \x1b[0m\nb \x1b[2m") == "a\x1b[1m\x1b[0m\nb\x1b[2m"


def test_a_page_past_the_last_is_a_usage_error(cli: Any, log25: None) -> None:
    result = cli("ce", "list", "--rows", "10", "--page", "4")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "Error: No page 4: 25 activities make 3 pages of 10 (--page 1 is the latest).\n"
    last = cli("ce", "list", "--rows", "10", "--page", "3")
    assert last.exit_code == 0 and "page 3 of 3" in last.stdout
