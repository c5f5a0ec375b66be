"""The data audit's fixes stay fixed: sources that work, each old edition at an address that
shows it, occupation codes for every pay and outlook source, and US spelling."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "data"


def _data_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.json")))


def test_no_staging_host_anywhere_in_the_data() -> None:
    text = _data_text()
    assert "ahima.org" in text  # the check reads the real files
    assert not re.findall(r"(?:cms-qa|cms-test|conference-test)\.", text)


def test_old_editions_cite_the_address_that_showed_them(guide: Any) -> None:
    src = guide.sources
    assert src["ooh-2012"]["url"].startswith("https://cybercemetery.unt.edu/archive/")
    assert src["ooh-2019"]["url"].startswith("https://webarchive.library.unt.edu/web/2020")
    assert src["oes-2011"]["url"].startswith("https://webarchive.library.unt.edu/web/2012")
    assert src["ooh-2016"]["url"].startswith("http://stats.bls.gov/ooh/")
    assert "no public archive" in src["ooh-2016"]["note"]
    assert "no archived copy of the 2021 edition" in src["ooh-2021"]["note"]
    assert src["onet-2025"]["url"] == "https://www.onetonline.org/link/summary/29-2072.00"


def test_third_party_titles_and_years_are_the_pages_own(guide: Any) -> None:
    src = guide.sources
    assert src["aapc-outlook"]["title"] == "Projected outlook for medical records specialists"
    assert src["aapc-outlook"]["vintage"] == 2025
    assert src["jobhuntday-2024"]["title"] == "Medical Records Specialists"
    assert src["ahima-chps"]["vintage"] == 2021
    chps = [f for f in guide.figures.values() if f["source"] == "ahima-chps"]
    assert len(chps) == 7 and {f["year"] for f in chps} == {2020, 2021}


def test_the_2016_employment_cites_the_copy_it_was_read_on(cli_json: Any) -> None:
    data = cli_json("outlook")
    p = next(p for p in data["projections"] if p["id"] == "projection-2016-26")
    assert p["base_employment"]["value"] == 206300
    assert p["base_employment"]["source"] == "ooh-2018-copy"
    assert data["sources"]["ooh-2018-copy"]["url"].startswith("https://www.medicalassistantsalaryguide.org/")
    assert data["sources"]["ooh-2018-copy"]["kind"] == "secondary"


def test_every_source_in_the_data_is_in_sources_json() -> None:
    keys = {s["key"] for s in json.loads((DATA / "sources.json").read_text())["sources"]}
    cited = set(re.findall(r'"source": "([a-z0-9-]+)"', _data_text()))
    assert cited <= keys and "ooh-2018-copy" in cited
