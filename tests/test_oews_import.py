"""``data import-oews`` and ``data imports`` on workbooks in the official OEWS layout, built by
``tests/oews_layout.py`` with MADE-UP numbers (a fixture; no figure here is BLS's), and how
every command then shows the imported figures first."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.contract import CONTRACTS
from mrt_guide.dataset.load import forget

from . import oews_layout as layout


@pytest.fixture
def home() -> Path:
    return Path(os.environ["MRT_GUIDE_HOME"])


@pytest.fixture
def imports_dir(home: Path) -> Path:
    return home / "imports"


@pytest.fixture
def ok_import(cli: Any) -> Any:
    """Import a file and check it went quietly; returns the result."""

    def run(path: Path, *more: str) -> Any:
        result = cli("data", "import-oews", str(path), *more)
        assert result.exit_code == 0, result.stderr
        return result

    return run


def _figure(figures: list[dict[str, Any]], measure: str, unit: str = "usd_per_year") -> dict[str, Any]:
    return next(f for f in figures if f["measure"] == measure and f["unit"] == unit)


def test_a_state_zip_imports_the_medical_records_rows(
    cli: Any, cli_json: Any, ok_import: Any, tmp_path: Path, imports_dir: Path
) -> None:
    result = ok_import(layout.state_zip(tmp_path))
    assert result.stdout.startswith(
        "Imported May 2023 state estimates for 29-2072 Medical Records Specialists, from oesm23st.zip:"
    )
    assert "4 states and territories; 32 figures, flagged official (source oews-2023-state)" in result.stdout
    assert result.stderr == ""  # no progress bar off a terminal, nothing left unexplained
    stored = imports_dir / "oews-2023-state.json"
    assert stored.stat().st_mode & 0o777 == 0o600 and imports_dir.stat().st_mode & 0o777 == 0o700
    assert sorted(p.name for p in imports_dir.iterdir()) == ["oews-2023-state.json"]  # no temporary file left

    nj = cli_json("salary", "--state", "NJ")
    figures = nj["state"]["figures"]
    median = figures[0]
    assert (median["value"], median["measure"], median["year"]) == (61230, "median", 2023)
    assert (median["source"], median["flag"]) == ("oews-2023-state", "official")
    assert _figure(figures, "mean")["value"] == 63450
    assert _figure(figures, "median", "usd_per_hour")["value"] == 29.44
    assert _figure(figures, "employment", "workers")["value"] == 5120
    assert _figure(figures, "p90")["value"] == 81230
    assert _figure(figures, "mean")["id"] == "oews-2023-state-nj-mean-annual"
    becker = next(f for f in figures if f["source"] == "beckers-states-2018")
    assert becker["value"] == 54020  # the secondary figure stays, after the official ones
    source = nj["sources"]["oews-2023-state"]
    assert source["kind"] == "official" and source["url"] == "https://www.bls.gov/oes/tables.htm"
    assert source["vintage"] == 2023 and "oesm23st.zip" in source["note"]
    assert "29-2072" in {c["code"] for c in nj["codes"]}
    assert "oews-2023-state" in next(c for c in nj["codes"] if c["code"] == "29-2072")["figures_from"]
    # the other occupation in the file (29-9021, made-up 77,000 and 80,000) is nowhere
    text = json.dumps(cli_json("salary", "--states"))
    assert "77000" not in text and "80000" not in text


def test_numbers_written_as_text_and_a_territory(cli_json: Any, ok_import: Any, tmp_path: Path) -> None:
    ok_import(layout.state_zip(tmp_path))
    tx = cli_json("salary", "--state", "texas")["state"]["figures"]
    assert _figure(tx, "mean")["value"] == 48210  # "48,210" in the file
    pr = cli_json("salary", "--state", "PR")
    assert pr["state"]["name"] == "Puerto Rico"
    assert _figure(pr["state"]["figures"], "employment", "workers")["value"] == 2340
    assert _figure(pr["state"]["figures"], "median")["value"] == 27120


def test_suppressed_values_give_no_figure(cli: Any, cli_json: Any, ok_import: Any, tmp_path: Path) -> None:
    """``*`` and ``**`` (not available) give nothing; ``#`` gives 'at least' the threshold the
    file's own Field Descriptions sheet states."""
    ok_import(layout.state_zip(tmp_path))
    dc = cli_json("salary", "--state", "DC")["state"]
    assert dc["figures"] == []
    assert "The May 2023 OEWS file gives no estimate here" in dc["note"]
    out = " ".join(cli("salary", "--state", "DC").stdout.split())
    assert "The dataset has no figure for District of Columbia." in out
    assert "import-oews" not in out.split("The United States")[0]  # an official file was imported
    wy = cli_json("salary", "--state", "WY")["state"]["figures"]
    top = _figure(wy, "p90")
    assert (top["qualifier"], top["value"]) == ("at least", 239200)
    assert "at least $239,200/yr" in cli("salary", "--state", "WY").stdout


def test_a_national_file_leads_salary_with_the_official_median(
    cli: Any, cli_json: Any, ok_import: Any, tmp_path: Path
) -> None:
    result = ok_import(layout.national_xlsx(tmp_path, 2026))  # newer than the bundled May 2025
    assert "May 2026 national estimates" in result.stdout and "the nation; 10 figures" in result.stdout
    data = cli_json("salary")
    years = [f["year"] for f in data["figures"]]
    assert years == sorted(years, reverse=True)  # newest first: the import, then the bundled May 2025
    first = data["figures"][0]
    assert (first["id"], first["value"], first["year"]) == (
        "oews-2026-national-us-median-annual",
        49870,
        2026,
    )
    assert (first["source"], first["flag"], first["measure"]) == ("oews-2026-national", "official", "median")
    assert [(f["value"], f["measure"]) for f in data["others"]] == [(51500, "mean")]  # apart from medians
    spread = data["spreads"][0]
    assert spread["id"] == "spread-oews-2026-national"
    assert [f["measure"] for f in spread["figures"]] == ["p10", "p25", "median", "p75", "p90"]
    assert [f["value"] for f in spread["figures"]] == [34870, 41870, 49870, 58870, 69870]
    text = json.dumps(data)
    assert "58000" not in text and "48000" not in text  # the hospitals row and the private-only row
    out = cli("salary").stdout
    assert out.splitlines()[2].startswith("Median pay now: $49,870/yr in 2026 [oews-2026-national]")
    row = next(line for line in out.splitlines() if line.startswith("│ 2026"))
    assert "$49,870/yr" in row and "official" in row
    assert cli_json("salary", "--hourly")["figures"][0]["value"] == 23.98
    assert cli_json("facts")["median_annual"]["id"] == "oews-2026-national-us-median-annual"
    history = cli_json("salary", "--history")["figures"]
    assert 49870 in [f["value"] for f in history if f["year"] == 2026]
    plan = cli_json(
        "plan",
        "--education",
        "associate",
        "--not-him",
        "--goal",
        "coding",
        "--bachelor-later",
        "--start",
        "2027-01",
    )
    assert [f["value"] for f in plan["totals"]["pay"]] == [49870]  # the one newest median
    nj = cli_json("salary", "--state", "NJ")
    pair = next(c for c in nj["comparisons"] if c["figure"] == "state-nj-2018-mean-annual")
    assert pair["national"] == "oews-2017-mean-annual"  # the nearest May, not the newest import
    newest = next(f for f in nj["national"] if f["measure"] == "median")
    assert newest["id"] == "oews-2026-national-us-median-annual"


def test_a_metro_file_puts_areas_under_their_state(
    cli: Any, cli_json: Any, ok_import: Any, tmp_path: Path
) -> None:
    ok_import(layout.metro_xlsx(tmp_path))
    nj = cli_json("salary", "--state", "NJ")
    (newark,) = nj["areas"]
    assert (newark["id"], newark["name"], newark["kind"]) == ("35084", "Newark, NJ-PA", "metro")
    assert _figure(newark["figures"], "median")["value"] == 60010
    ny = cli_json("salary", "--state", "NY")["areas"]
    assert ny[0]["name"] == "New York-Newark-Jersey City, NY-NJ-PA"
    wy = cli_json("salary", "--state", "WY")["areas"][0]
    assert wy["kind"] == "nonmetro" and [f["measure"] for f in wy["figures"]] == ["employment"]
    out = cli("salary", "--state", "NJ").stdout
    assert "Areas in New Jersey" in out and "$60,010/yr" in out


def test_importing_the_same_file_again_changes_nothing(
    ok_import: Any, tmp_path: Path, imports_dir: Path
) -> None:
    source = layout.state_zip(tmp_path)
    ok_import(source)
    stored = imports_dir / "oews-2023-state.json"
    before = (stored.read_bytes(), stored.stat().st_mtime_ns)
    again = ok_import(source)
    assert (
        again.stdout.startswith("Already imported: May 2023 state estimates")
        and "Nothing changed." in again.stdout
    )
    assert (stored.read_bytes(), stored.stat().st_mtime_ns) == before


def _broken_zip(folder: Path) -> Path:
    good = layout.state_zip(folder).read_bytes()
    path = folder / "oesm24st.zip"
    path.write_bytes(good[: len(good) // 2])
    return path


def _lock_only_zip(folder: Path) -> Path:
    return layout.zipped(folder / "oesm22st.zip", {"oesm22st/~$state_M2022_dl.xlsx": b"\x00lock"})


def _wrong_sheet(folder: Path) -> Path:
    return layout.workbook(
        folder / "state_M2023_dl.xlsx",
        "Summary",
        [["Medical Records Specialists", 1]],
        columns=["Name", "Rows"],
    )


def _no_wage_columns(folder: Path) -> Path:
    columns = ["AREA", "AREA_TITLE", "OCC_CODE", "OCC_TITLE", "O_GROUP"]
    return layout.workbook(
        folder / "state_M2023_dl.xlsx", "state_M2023_dl", [[34, "New Jersey", *layout.MRS]], columns=columns
    )


def _no_occupation(folder: Path) -> Path:
    rows = [layout.row(34, "New Jersey", 2, "NJ", layout.HIT, **layout.pay(1500, 80000, 77000))]
    return layout.workbook(folder / "state_M2023_dl.xlsx", "state_M2023_dl", rows)


def _bad_cell(folder: Path) -> Path:
    rows = [layout.row(34, "New Jersey", 2, "NJ", layout.MRS, tot_emp=5120, a_mean="n/a", a_median=61230)]
    return layout.workbook(folder / "state_M2023_dl.xlsx", "state_M2023_dl", rows)


def _not_a_zip(folder: Path) -> Path:
    path = folder / "oesm23st.zip"
    path.write_text("<html>403 Forbidden</html>", "utf-8")
    return path


BAD_FILES = [
    (_broken_zip, "'oesm24st.zip' is not a zip archive, an .xlsx or an .xls workbook (or it is damaged)"),
    (_not_a_zip, "'oesm23st.zip' is not a zip archive, an .xlsx or an .xls workbook"),
    (_lock_only_zip, "'oesm22st.zip' holds no .xlsx or .xls workbook"),
    (_wrong_sheet, "No sheet of 'state_M2023_dl.xlsx' has the OEWS header (OCC_CODE, TOT_EMP"),
    (
        _no_wage_columns,
        "state_M2023_dl.xlsx, sheet 'state_M2023_dl' has the OEWS column OCC_CODE but not TOT_EMP, A_MEAN, "
        "A_MEDIAN: not an OEWS estimates file.",
    ),
    (_no_occupation, "'state_M2023_dl.xlsx' has no row for 29-2072 Medical Records Specialists"),
    (
        _bad_cell,
        "state_M2023_dl.xlsx, sheet 'state_M2023_dl', row 2, column A_MEAN: 'n/a' is neither a number "
        "nor one of BLS's symbols",
    ),
]


@pytest.mark.parametrize(("make", "message"), BAD_FILES, ids=[m.__name__.strip("_") for m, _ in BAD_FILES])
def test_a_bad_file_fails_and_leaves_the_good_import_intact(
    cli: Any, cli_json: Any, ok_import: Any, tmp_path: Path, imports_dir: Path, make: Any, message: str
) -> None:
    good = tmp_path / "good"
    good.mkdir()
    ok_import(layout.state_zip(good))
    stored = imports_dir / "oews-2023-state.json"
    before = stored.read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    result = cli("data", "import-oews", str(make(bad)))
    assert result.exit_code == 65 and result.stdout == ""
    assert result.stderr.startswith(f"Error: {message}"), result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert stored.read_bytes() == before
    assert sorted(p.name for p in imports_dir.iterdir()) == ["oews-2023-state.json"]
    assert cli_json("salary", "--state", "NJ")["state"]["figures"][0]["value"] == 61230


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["nowhere.zip"], 2, "Error: No file '"),
        (["."], 2, "is a folder; give the .zip or .xlsx file inside it."),
        (["x.zip", "--vintage", "twenty"], 2, "Error: --vintage takes the May year of the survey, e.g. 2023"),
    ],
)
def test_usage_errors(cli: Any, tmp_path: Path, args: list[str], status: int, message: str) -> None:
    args = [str(tmp_path / a) if a in ("nowhere.zip", ".") else a for a in args]
    result = cli("data", "import-oews", *args)
    assert result.exit_code == status and result.stdout == ""
    assert message in result.stderr


def test_the_vintage_comes_from_the_sheet_or_the_option(cli: Any, ok_import: Any, tmp_path: Path) -> None:
    renamed = layout.workbook(tmp_path / "download.xlsx", "All May 2021 data", layout.state_rows())
    assert "May 2021 state estimates" in ok_import(renamed).stdout
    clash = layout.workbook(tmp_path / "state_M2022_dl.xlsx", "All May 2021 data", layout.state_rows())
    result = cli("data", "import-oews", str(clash))
    assert result.exit_code == 2 and result.stdout == ""
    said = "(May 2021 in the sheet 'All May 2021 data'; May 2022 in the name"
    assert f"The file disagrees about its May year {said}" in result.stderr
    assert "--vintage YEAR" in result.stderr
    assert "May 2022 state estimates" in ok_import(clash, "--vintage", "May 2022").stdout
    nameless = layout.workbook(tmp_path / "download2.xlsx", "Data", layout.state_rows())
    result = cli("data", "import-oews", str(nameless))
    assert result.exit_code == 2 and "No May year in the file's name or sheets" in result.stderr


OLD_COLUMNS = ["occ code", "occ title", "group", "tot_emp", "emp_prse", "h_mean", "a_mean", "mean_prse",
               "h_median", "a_pct10", "a_median", "a_pct90", "annual", "hourly"]  # fmt: skip


def test_an_older_national_file_with_other_column_names(
    cli_json: Any, cli: Any, ok_import: Any, tmp_path: Path
) -> None:
    """May 2016 style: lower case, 'occ code' with a space, 'group', no area columns, SOC 2010
    code 29-2071, a top-coded 90th percentile under the $208,000 threshold of that year."""
    rows = [
        ["29-2071", "Medical Records and Health Information Technicians", "detailed", "188,600", 1.1,
         19.48, "40,520", 0.6, 18.27, 25_160, "38,000", "#", None, None],
        ["29-9021", "Another occupation", "detailed", 100, 1, 20, 41_600, 1, 19, 30_000, 40_000, 60_000,
         None, None],
    ]  # fmt: skip
    book = layout.workbook(
        tmp_path / "national_M2016_dl.xlsx", "national_dl", rows, columns=OLD_COLUMNS, notes=False
    )
    result = ok_import(book)
    assert (
        "May 2016 national estimates for 29-2071 Medical Records and Health Information Technicians"
        in result.stdout
    )
    first = next(f for f in cli_json("salary")["figures"] if f["source"] == "oews-2016-national")
    assert (first["value"], first["year"], first["measure"]) == (38000, 2016, "median")
    pay = cli_json("salary", "--history")["figures"]
    assert any(f["source"] == "oews-2016-national" and f["value"] == 38000 for f in pay)
    imported = cli_json("data", "imports")["imports"][0]["summary"]
    assert imported["code"] == "29-2071"
    spread = next(s for s in cli_json("salary")["spreads"] if s["id"] == "spread-oews-2016-national")
    p90 = next(f for f in spread["figures"] if f["measure"] == "p90")
    assert (p90["qualifier"], p90["value"]) == ("at least", 208000)


def test_a_top_coded_wage_of_an_unknown_threshold_is_left_out_with_a_note(
    cli_json: Any, ok_import: Any, tmp_path: Path
) -> None:
    rows = [layout.row(99, "U.S.", 1, "US", layout.MRS, **layout.pay(190_000, 51_500, 49_870, p90="#"))]
    book = layout.workbook(tmp_path / "national_M2019_dl.xlsx", "national_M2019_dl", rows, notes=False)
    result = ok_import(book)
    assert result.stderr == (
        "Note: United States: A_PCT90 is marked '#' (top-coded) and the May 2019 threshold is not known; "
        "no figure.\n"
    )
    spread = next(s for s in cli_json("salary")["spreads"] if s["id"] == "spread-oews-2019-national")
    assert [f["measure"] for f in spread["figures"]] == ["p10", "p25", "median", "p75"]
    notes = cli_json("data", "imports")["imports"][0]["summary"]["notes"]
    assert notes == [
        "United States: A_PCT90 is marked '#' (top-coded) and the May 2019 threshold is not known; no figure."
    ]


def test_imports_are_listed_and_removed(
    cli: Any, cli_json: Any, ok_import: Any, tmp_path: Path, imports_dir: Path
) -> None:
    assert cli_json("data", "imports")["imports"] == []
    assert "Nothing imported yet" in cli("data", "imports").stdout
    ok_import(layout.state_zip(tmp_path))
    ok_import(layout.national_xlsx(tmp_path))
    listed = cli_json("data", "imports")
    CONTRACTS["data imports"].model_validate(listed, strict=True)
    assert listed["folder"] == str(imports_dir)
    assert [i["id"] for i in listed["imports"]] == ["2023-national", "2023-state"]
    state = listed["imports"][1]
    assert state["status"] == "ok" and state["summary"]["archive"] == "oesm23st.zip"
    assert state["summary"]["file"] == "state_M2023_dl.xlsx" and state["summary"]["figures"] == 32
    out = cli("data", "imports").stdout
    assert "2023-state" in out and "oesm23st.zip" in out
    plain = cli("data", "imports", "--plain").stdout.splitlines()
    assert [line.split("\t")[0] for line in plain] == ["id", "2023-national", "2023-state"]

    wrong = cli("data", "imports", "--remove", "2023-stat")
    assert wrong.exit_code == 2 and wrong.stderr.startswith(
        "Error: No import '2023-stat'. Did you mean 2023-state?"
    )
    removed = cli("data", "imports", "--remove", "2023-state", "--json")
    assert removed.exit_code == 0
    assert removed.stderr == "Removed the May 2023 state import (oews-2023-state.json).\n"
    assert [i["id"] for i in json.loads(removed.stdout)["imports"]] == ["2023-national"]
    assert cli_json("salary", "--state", "NJ")["state"]["figures"][0]["source"] == "beckers-states-2018"
    ok_import(layout.state_zip(tmp_path))
    both = cli("data", "imports", "--remove", "May 2023")
    assert both.exit_code == 0 and both.stderr.count("Removed") == 2
    assert "Nothing imported yet" in both.stdout
    assert "oews-2023-national" not in {f["source"] for f in cli_json("salary")["figures"]}
    none = cli("data", "imports", "--remove", "2023")
    assert none.exit_code == 2 and "Nothing is imported yet" in none.stderr


def _damage(path: Path) -> None:
    path.write_text('{"format": 1, "id": "2023-state"', "utf-8")


def test_a_damaged_import_is_left_out_with_one_warning(
    cli: Any, ok_import: Any, tmp_path: Path, imports_dir: Path
) -> None:
    ok_import(layout.state_zip(tmp_path))
    _damage(imports_dir / "oews-2023-state.json")
    forget()
    result = cli("salary", "--state", "NJ", "--json")
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "Warning: ignored the imported file oews-2023-state.json: is not valid JSON"
    )
    assert "mrt-guide data imports --remove 2023-state" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    data = json.loads(result.stdout)
    assert [f["source"] for f in data["state"]["figures"]] == ["beckers-states-2018"]
    listed = json.loads(cli("data", "imports", "--json").stdout)["imports"][0]
    assert listed["status"] == "damaged" and "not valid JSON" in listed["problem"]


def test_an_edited_import_the_model_refuses_is_left_out(
    cli: Any, ok_import: Any, tmp_path: Path, imports_dir: Path
) -> None:
    ok_import(layout.state_zip(tmp_path))
    path = imports_dir / "oews-2023-state.json"
    doc = json.loads(path.read_text("utf-8"))
    nj = next(s for s in doc["states"] if s["id"] == "NJ")
    nj["figures"][0]["value"] = "61230"
    path.write_text(json.dumps(doc), "utf-8")
    forget()
    result = cli("salary", "--state", "NJ")
    assert result.exit_code == 0 and "$54,020/yr" in result.stdout and "$61,230" not in result.stdout
    assert result.stderr.startswith("Warning: ignored the imported file oews-2023-state.json: states.")


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_an_import_others_may_change_or_a_symlink_is_not_trusted(
    cli: Any, ok_import: Any, tmp_path: Path, imports_dir: Path
) -> None:
    ok_import(layout.state_zip(tmp_path))
    path = imports_dir / "oews-2023-state.json"
    path.chmod(0o666)
    forget()  # each command is a process of its own; the test runs them in one
    result = cli("salary", "--state", "NJ")
    assert "$61,230" not in result.stdout and "may be changed by other users" in result.stderr
    path.chmod(0o600)
    moved = tmp_path / "elsewhere.json"
    path.rename(moved)
    path.symlink_to(moved)
    forget()
    result = cli("salary", "--state", "NJ")
    assert "$61,230" not in result.stdout and "is not a regular file" in result.stderr


def test_reading_commands_create_no_user_folder(cli: Any, home: Path) -> None:
    assert cli("salary", "--states").exit_code == 0
    assert cli("data", "imports").exit_code == 0
    assert not home.exists()


def test_the_json_of_every_form_keeps_its_contract_with_imports(
    cli_json: Any, ok_import: Any, tmp_path: Path
) -> None:
    ok_import(layout.state_zip(tmp_path))
    ok_import(layout.national_xlsx(tmp_path))
    ok_import(layout.metro_xlsx(tmp_path))
    for form, args in [
        ("salary", ["salary"]),
        ("salary", ["salary", "--history", "--hourly"]),
        ("salary --state STATE", ["salary", "--state", "NJ"]),
        ("salary --state STATE", ["salary", "--state", "PR"]),
        ("salary --states", ["salary", "--states"]),
        ("sources", ["sources"]),
        ("guide", ["guide"]),
        ("data imports", ["data", "imports"]),
    ]:
        CONTRACTS[form].model_validate(cli_json(*args), strict=True)
    states = cli_json("salary", "--states")
    assert states["series"]["source"] == "oews-2023-state" and states["series"]["flag"] == "official"
    assert [r["state"] for r in states["states"][:4]] == ["NJ", "WY", "TX", "PR"]
    assert states["official_states"] == 4
    search = cli_json("search", "puerto")["results"]
    assert any(r["link"] == {"command": "salary", "args": ["--state", "PR"]} for r in search)


def test_the_zip_members_are_as_bls_ships_them(tmp_path: Path) -> None:
    """The fixture itself: a folder inside the zip, the workbook and Excel's lock file."""
    with zipfile.ZipFile(layout.state_zip(tmp_path)) as archive:
        assert archive.namelist() == ["oesm23st/state_M2023_dl.xlsx", "oesm23st/~$state_M2023_dl.xlsx"]


def test_remove_completes_the_imports_there_are(cli: Any, ok_import: Any, tmp_path: Path) -> None:
    from .test_completion import complete

    assert complete(cli, "bash", "mrt-guide data imports --remove 2") == []
    ok_import(layout.state_zip(tmp_path))
    ok_import(layout.national_xlsx(tmp_path))
    assert complete(cli, "bash", "mrt-guide data imports --remove 2023-") == ["2023-national", "2023-state"]
    assert complete(cli, "bash", "mrt-guide data imports --remove 2") == [
        "2023-national",
        "2023-state",
        "2023",
    ]


@pytest.mark.parametrize(
    "env",
    [
        {},
        {"XDG_DATA_HOME": "/srv/data"},
        {"XDG_DATA_HOME": "relative/data"},
        {"XDG_DATA_HOME": ""},
        {"HOME": "/home/someone"},
        {"HOME": "/home/someone", "XDG_DATA_HOME": "/elsewhere"},
    ],
)
def test_the_imports_folder_is_where_the_user_folder_is(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    """The loader finds the imports folder without importing platformdirs; it must agree with it."""
    from mrt_guide.dataset import imports
    from mrt_guide.paths import user_dir

    monkeypatch.delenv("MRT_GUIDE_HOME")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert imports.folder() == user_dir() / "imports"


def test_an_all_data_file_gives_the_nation_the_states_and_the_areas(
    cli_json: Any, ok_import: Any, tmp_path: Path
) -> None:
    rows = layout.national_rows() + layout.state_rows() + layout.metro_rows()
    book = layout.workbook(tmp_path / "all_data_M_2023.xlsx", "All May 2023 data", rows)
    result = ok_import(layout.zipped(tmp_path / "oesm23all.zip", {"oesm23all/all_data_M_2023.xlsx": book}))
    assert "May 2023 national, state and area estimates" in result.stdout
    assert "the nation, 4 states and territories, 3 areas" in result.stdout
    assert "oews-2023-all-us-median-annual" in [f["id"] for f in cli_json("salary")["figures"]]
    nj = cli_json("salary", "--state", "NJ")
    assert nj["state"]["figures"][0]["source"] == "oews-2023-all" and nj["areas"][0]["id"] == "35084"


def test_a_state_file_and_an_all_data_file_of_one_year_give_each_figure_once(
    cli_json: Any, ok_import: Any, tmp_path: Path
) -> None:
    ok_import(layout.state_zip(tmp_path))
    rows = layout.national_rows() + layout.state_rows()
    ok_import(layout.workbook(tmp_path / "all_data_M_2023.xlsx", "All May 2023 data", rows))
    figures = cli_json("salary", "--state", "NJ")["state"]["figures"]
    medians = [
        f for f in figures if f["measure"] == "median" and f["unit"] == "usd_per_year" and f["year"] == 2023
    ]
    assert [f["source"] for f in medians] == ["oews-2023-state"]  # the narrower file's
