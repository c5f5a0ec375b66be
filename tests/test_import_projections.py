"""``mrt-guide data import-projections``: BLS's occupation.xlsx, as a reader would import a
newer edition than the bundled one. The real workbooks are in ``official/projections/``; a
"newer" edition is made from the real 2024-34 workbook (its years moved on by one and the
occupation's row given other figures), since BLS has not published one yet."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO

PROJECTIONS = REPO / "official" / "projections"
REAL = PROJECTIONS / "occupation_2024-34.xlsx"
NEWER_ROW = {"base": 208.6, "target": 222.0, "change": 13.4, "percent": 6.4, "openings": 14.9}
"""The figures the made-up 2025-35 edition gives 29-2072 (made up; the layout is BLS's)."""


def _newer_edition(folder: Path) -> Path:
    """The real 2024-34 workbook, its periods said as 2025-35 and the occupation's row changed."""
    import openpyxl

    book = openpyxl.load_workbook(REAL)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    text = re.sub(r"2024([–-])34", r"2025\g<1>35", cell.value)
                    cell.value = text.replace("2034", "2035").replace("2024", "2025")
    table = book["Table 1.2"]
    header = [str(c.value) for c in table[2]]
    column = {
        "base": header.index("Employment, 2025"),
        "target": header.index("Employment, 2035"),
        "change": header.index("Employment change, numeric, 2025–35"),
        "percent": header.index("Employment change, percent, 2025–35"),
        "openings": header.index("Occupational openings, 2025–35 annual average"),
    }
    rows = [r for r in table.iter_rows() if r[1].value == "29-2072"]
    assert len(rows) == 1
    for field, value in NEWER_ROW.items():
        rows[0][column[field]].value = value
    path = folder / "occupation.xlsx"
    book.save(path)
    return path


def _imports() -> Path:
    return Path(os.environ["MRT_GUIDE_HOME"]) / "imports"


def test_the_bundled_edition_imports_and_what_commands_show_stays_the_same(cli: Any, cli_json: Any) -> None:
    before = cli_json("outlook")
    result = cli("data", "import-projections", str(REAL))
    assert result.exit_code == 0, result.stderr
    line = result.stdout
    assert "2024-34 projections for 29-2072 Medical records specialists" in line
    assert "7.1% growth against 3.1% for all occupations" in line
    assert "194.8 to 208.6 thousand jobs" in line
    assert "already holds this edition" in line
    assert (_imports() / "ep-2024-34.json").is_file()
    after = cli_json("outlook")
    assert after["projections"] == before["projections"]
    again = cli("data", "import-projections", str(REAL))
    assert again.exit_code == 0 and again.stdout.startswith("Already imported"), again.stdout


def test_a_broader_group_edition_says_so(cli: Any) -> None:
    result = cli("data", "import-projections", str(PROJECTIONS / "occupation_2019-29.xlsx"))
    assert result.exit_code == 0, result.stderr
    assert "29-2098" in result.stdout
    assert "a broader group that includes medical records specialists" in result.stdout
    assert "8.5% growth against 3.7%" in result.stdout


def test_a_newer_edition_leads_outlook_facts_and_careers(cli: Any, cli_json: Any, tmp_path: Path) -> None:
    newer = _newer_edition(tmp_path)
    careers_before = cli_json("careers")
    result = cli("data", "import-projections", str(newer), "--edition", "2025-35")
    assert result.exit_code == 0, result.stderr
    assert "6.4% growth against 3.1%" in result.stdout
    assert "already holds" not in result.stdout

    outlook = cli_json("outlook")
    newest = outlook["projections"][0]
    assert (newest["start"], newest["end"]) == (2025, 2035)
    assert newest["growth"]["value"] == 6.4 and newest["growth"]["flag"] == "official"
    assert newest["growth"]["source"] == "ep-2025-35"
    assert newest["base_employment"]["value"] == 208600
    assert newest["target_employment"]["value"] == 222000
    assert newest["openings"]["value"] == 14900
    assert "ep-2025-35" in outlook["sources"]
    assert [(p["start"], p["end"]) for p in outlook["projections"]][1] == (2024, 2034)

    shown = cli("outlook")
    assert shown.exit_code == 0
    assert "6.4% over 2025-35, against 3.1% for all occupations" in shown.stdout

    facts = cli("facts", "--plain")
    assert "outlook-2025-35-growth" in facts.stdout
    assert re.search(r"Projected employment growth\t6\.4%\t2025-35\tep-2025-35\tofficial", facts.stdout)

    careers = cli_json("careers")
    growths = {c["id"]: c["growth"]["source"] for c in careers["careers"] if c.get("growth")}
    assert set(growths.values()) == {"ep-2025-35"}, growths
    assert careers["careers"] != careers_before["careers"]

    listed = cli_json("data", "imports")
    (row,) = listed["imports"]
    assert (row["id"], row["kind"], row["status"]) == ("ep-2025-35", "projections", "ok")
    assert row["summary"]["code"] == "29-2072"

    removed = cli("data", "imports", "--remove", "ep-2025-35")
    assert removed.exit_code == 0, removed.stderr
    assert "Removed the 2025-35 projections import" in removed.stderr
    assert cli_json("outlook")["projections"][0]["start"] == 2024
    assert cli_json("careers")["careers"] == careers_before["careers"]


@pytest.mark.parametrize(
    ("args", "status", "says"),
    [
        (["official/oews/national_M2025_dl.xlsx"], 65, "has no Table 1.2 or 1.7"),
        (
            ["official/projections/occupation_2024-34.xlsx", "--edition", "2025-35"],
            65,
            "projects 2024-34, not 2025-35",
        ),
        (
            ["official/projections/occupation_2024-34.xlsx", "--edition", "next"],
            2,
            "--edition takes a period",
        ),
        (["no-such-file.xlsx"], 2, "No file 'no-such-file.xlsx'. Give occupation.xlsx as downloaded"),
        (["official"], 2, "is a folder; give occupation.xlsx inside it."),
        (["official/manifest.json"], 65, "manifest.json"),
    ],
)
def test_a_file_it_cannot_use_is_one_line_and_nothing_is_saved(
    cli: Any, args: list[str], status: int, says: str
) -> None:
    result = cli("data", "import-projections", *[str(REPO / a) if "/" in a else a for a in args])
    assert result.exit_code == status, (result.stdout, result.stderr)
    assert says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not _imports().exists() or not any(_imports().iterdir())


def test_a_damaged_projections_import_is_listed_and_ignored(cli: Any, cli_json: Any) -> None:
    folder = _imports()
    folder.mkdir(parents=True)
    (folder / "ep-2025-35.json").write_text('{"id": "2025-35", "start": "soon"}', "utf-8")
    listed = cli("data", "imports", "--json")
    assert listed.exit_code == 65, listed.stderr  # a damaged file is something to act on
    (row,) = json.loads(listed.stdout)["imports"]
    assert (row["id"], row["kind"], row["status"]) == ("ep-2025-35", "projections", "damaged")
    outlook = cli("outlook", "--json")
    assert outlook.exit_code == 0
    assert json.loads(outlook.stdout)["projections"][0]["start"] == 2024
    assert outlook.stderr.startswith("Warning: ignored the imported file ep-2025-35.json: ")
    assert "Import the projections file again" in outlook.stderr
    shown = cli("data", "imports")
    assert shown.exit_code == 65
    assert re.search(r"ep-2025-35 +│ +- +│ +- +│ +- +│ +damaged", shown.stdout), shown.stdout
