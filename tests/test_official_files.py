"""The real BLS files in ``official/`` (unmodified downloads, see its manifest): each one the
importer should read gives the figures BLS publishes, and each it cannot use is refused with
a message naming what works. Figures are those of ``official/manifest.json`` and the BLS
tables themselves (read with openpyxl when the files were collected)."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO

OFFICIAL = REPO / "official"


def _manifest() -> list[dict[str, Any]]:
    return json.loads((OFFICIAL / "manifest.json").read_text("utf-8"))["files"]  # type: ignore[no-any-return]


def test_every_file_is_the_one_the_manifest_names() -> None:
    files = _manifest()
    assert len(files) >= 20
    for entry in files:
        data = (OFFICIAL / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
        assert entry["url"].startswith("https://www.bls.gov/")


@pytest.mark.parametrize(
    ("name", "year", "code", "median", "hourly", "broader"),
    [
        ("national_M2025_dl.xlsx", 2025, "29-2072", 51140, 24.59, False),
        ("national_M2024_dl.xlsx", 2024, "29-2072", 50250, 24.16, False),
        ("national_M2019_dl.xlsx", 2019, "29-2098", 42630, 20.50, True),
        ("national_M2014_dl.xlsx", 2014, "29-2071", 35900, 17.26, False),
        ("national_M2009_dl.xls", 2009, "29-2071", None, None, False),
    ],
)
def test_a_real_national_file_imports_what_bls_published(
    cli: Any, name: str, year: int, code: str, median: int | None, hourly: float | None, broader: bool
) -> None:
    result = cli("data", "import-oews", str(OFFICIAL / "oews" / name))
    assert result.exit_code == 0, result.stderr
    assert f"May {year} national estimates for {code}" in result.stdout
    assert ("a broader group that includes them" in result.stdout + result.stderr) is broader
    saved = json.loads(
        (Path(os.environ["MRT_GUIDE_HOME"]) / "imports" / f"oews-{year}-national.json").read_text()
    )
    assert saved["occupation"]["code"] == code and saved["occupation"]["broader"] is broader
    figures = {(f["measure"], f["unit"]): f for f in saved["national"]}
    annual, per_hour = figures[("median", "usd_per_year")], figures[("median", "usd_per_hour")]
    assert annual["flag"] == "official" and annual["year"] == year
    if median is not None:
        assert (annual["value"], per_hour["value"]) == (median, hourly)


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("natsector_M2024_dl.xlsx", "import national_M2024_dl.xlsx"),
        ("oes97nat.zip", "May 2005 to May 2013 (.xls) and May 2014 on (.xlsx)"),
    ],
)
def test_a_real_file_it_cannot_use_is_refused_naming_what_works(cli: Any, name: str, says: str) -> None:
    result = cli("data", "import-oews", str(OFFICIAL / "oews" / name))
    assert result.exit_code == 65
    assert says in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_zip_bomb_posing_as_a_workbook_is_refused(cli: Any, tmp_path: Path) -> None:
    """A part that inflates thousands of times (a zip bomb) is refused from the zip's own
    directory, before anything is inflated."""
    bomb = tmp_path / "national_M2025_dl.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (64 * 1024**2))
    result = cli("data", "import-oews", str(bomb))
    assert result.exit_code == 65, result.stderr
    assert "inflates 1,028 times (a zip bomb?)" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_the_committed_data_is_what_the_official_files_make(tmp_path: Path) -> None:
    """``python -m mrt_guide.official`` rebuilt now gives data/ byte for byte; a data file
    edited by hand is stale, and a BLS file whose bytes changed stops the build."""
    import shutil

    from mrt_guide import official

    made = official.build()
    assert {"pay.json", "outlook.json"} <= set(made)
    assert official.stale(made) == []
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    pay = data / "pay.json"
    pay.write_text(pay.read_text("utf-8").replace("51140", "51141", 1), "utf-8")
    assert official.stale(made, data) == ["pay.json"]
    folder = tmp_path / "official"
    shutil.copytree(OFFICIAL, folder)
    with (folder / "oews" / "national_M2025_dl.xlsx").open("ab") as f:
        f.write(b"\0")
    with pytest.raises(official.Problem, match=r"national_M2025_dl\.xlsx"):
        official.verify(official.manifest(folder), folder)
