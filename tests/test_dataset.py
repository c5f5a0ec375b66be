"""The dataset passes its models, what the models accept is what the commands read, and a bad
edit fails with the file and JSON path of the fault."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.dataset import bundle
from mrt_guide.dataset.faults import DataError
from mrt_guide.dataset.load import BUNDLED_NORMALISED, check_dir, load
from mrt_guide.dataset.models import model_for
from mrt_guide.dataset.sections import FILE_NAMES, SECTIONS

from .conftest import DATA


def faults_of(directory: Path) -> list[str]:
    _, _, faults = check_dir(directory)
    return [f.line() for f in faults]


def test_bundled_dataset_is_valid() -> None:
    assert faults_of(DATA) == []


def test_every_file_has_a_section_and_a_model() -> None:
    assert set(FILE_NAMES) == {p.name for p in DATA.glob("*.json")}
    for section in SECTIONS:
        assert model_for(section.model).__name__ == section.model


def test_the_shipped_normalised_dataset_is_current() -> None:
    """``bundled.json`` is what validating data/ gives now; run
    ``python -m mrt_guide.dataset.bundle`` after editing data/ or the dataset code."""
    assert BUNDLED_NORMALISED.read_text("utf-8") == bundle.build()


def test_commands_read_the_models_dump(guide: Any) -> None:
    """Keys a file leaves out are there, filled by the models' defaults."""
    fig = guide.figures["pay-median-2010-annual"]
    raw = json.loads((DATA / "pay.json").read_text("utf-8"))["figures"][0]
    assert "note" not in raw and "upper" not in raw
    assert fig["note"] is None and fig["upper"] is None and fig["article"] is None
    assert next(iter(fig)) == "id" and list(fig)[-2:] == ["source", "flag"]


def _cert(doc: dict[str, Any], cert_id: str) -> dict[str, Any]:
    return next(c for c in doc["certifications"] if c["id"] == cert_id)


BAD_EDITS = [
    (
        "certifications.json",
        lambda d: _cert(d, "CCS")["renewal"]["ceus"].update(value=0),
        r"certifications\.json → certifications\[3\]\.renewal\.ceus: value 0 is outside the range for ceu",
    ),
    (
        "pay.json",
        lambda d: d["figures"][0].update(colour="red"),
        r"pay\.json → figures\[0\]\.colour: Unknown key: remove it, or check its spelling\.",
    ),
    (
        "steps.json",
        lambda d: d["steps"][2].update(certifications=["RHTI"]),
        r"steps\.json → steps\[2\]\.certifications\[0\]: "
        r"Unknown certification 'RHTI'\. Did you mean 'RHIT'\?",
    ),
    (
        "steps.json",
        lambda d: d["steps"][2]["see"].append({"command": "certs", "args": ["RHTI"]}),
        r"steps\.json → steps\[2\]\.see\[1\]\.args\[0\]: 'certs RHTI' names no certification\. "
        r"Did you mean 'RHIT'\?",
    ),
    (
        "steps.json",
        lambda d: d["steps"][0]["see"].append({"command": "salry"}),
        r"steps\[0\]\.see\[1\]\.command: Unknown command 'salry'\. Did you mean 'salary'\?",
    ),
    (
        "pay.json",
        lambda d: d["figures"][1].update(id=d["figures"][0]["id"]),
        r"pay\.json → figures\[1\]\.id: Duplicate figure id 'oews-2025-median-annual'",
    ),
    (
        "pay.json",
        lambda d: d["figures"][0].update(source="ooh-2099"),
        r"pay\.json → figures\[0\]\.source: Unknown source 'ooh-2099'",
    ),
    (
        "outlook.json",
        lambda d: d["projections"][0]["growth"].update(flag="secondary"),
        r"outlook\.json → projections\[0\]\.growth\.flag: Flag 'secondary' does not match source 'ooh-2012'",
    ),
    (
        "pay.json",
        lambda d: d["figures"][0].update(unit="dollars"),
        r"pay\.json → figures\[0\]\.unit: Input should be 'usd_per_year'",
    ),
    (
        "certifications.json",
        lambda d: _cert(d, "ODS")["aliases"].append("RHIT"),
        r"certifications\[8\]\.aliases\[1\]: Name 'RHIT' is already used at certifications\[0\]\.id",
    ),
    (
        "education.json",
        lambda d: d["routes"][3].update(duration=None, duration_note=None),
        r"education\.json → routes\[3\]: a route without a duration needs a duration_note",
    ),
    # strict JSON types: what would be coerced is a fault, not a guess
    (
        "pay.json",
        lambda d: d["figures"][2].update(value="37110"),
        r"pay\.json → figures\[2\]\.value: Write a number, without quotes\.",
    ),
    (
        "pay.json",
        lambda d: d["figures"][2].update(year="2015"),
        r"pay\.json → figures\[2\]\.year: Write a number, without quotes\.",
    ),
    (
        "outlook.json",
        lambda d: d["projections"][4]["new_jobs"].update(year_end=2026.0),
        r"outlook\.json → projections\[4\]\.new_jobs\.year_end: Write a number\.",
    ),
    (
        "certifications.json",
        lambda d: _cert(d, "RHIT")["eligibility"]["pathways"][0].update(recommended="no"),
        r"pathways\[0\]\.recommended: Write true or false, without quotes\.",
    ),
    (
        "certifications.json",
        lambda d: _cert(d, "ODS")["renamed_from"].update(date=1704067200),
        r"certifications\[8\]\.renamed_from\.date: Write text in double quotes\.",
    ),
    (
        "certifications.json",
        lambda d: _cert(d, "ODS")["renamed_from"].update(date="2024-02-30"),
        r"renamed_from\.date: '2024-02-30' is not a calendar date; write it as YYYY-MM-DD\.",
    ),
    # bounds per unit
    (
        "pay.json",
        lambda d: d["figures"][0].update(value=1e308),
        r"pay\.json → figures\[0\]: value 1e\+308 is outside the range for usd_per_year",
    ),
    (
        "pay.json",
        lambda d: d["figures"][1].update(value=-15.55),
        r"pay\.json → figures\[1\]: value -15\.55 is outside the range for usd_per_year",
    ),
    # text a terminal would obey
    (
        "work.json",
        lambda d: d["duties"][0].update(text=d["duties"][0]["text"] + " \x1b]0;pwned\x07"),
        r"work\.json → duties\[0\]\.text: Text holds the control or invisible character U\+001B",
    ),
    (
        "work.json",
        lambda d: d["skills"][0].update(text="\u202eevil"),
        r"skills\[0\]\.text: Text holds the control or invisible character U\+202E",
    ),
    (
        "pay.json",
        lambda d: d["figures"][0].update(label="x" * 5000),
        r"figures\[0\]\.label: String should have at most 200 characters",
    ),
    # what the queries assume of how records relate
    (
        "certifications.json",
        lambda d: (
            d["recertification"].append({"issuer": "CAHIIM", "rules": []})
            or d["issuers"].append(
                {"id": "CAHIIM", "name": "CAHIIM", "source": "cahiim-about", "flag": "official"}
            )
        ),
        r"recertification\[0\]\.issuer: Issuer 'CAHIIM' has renewal rules but no certification",
    ),
]


@pytest.mark.parametrize(("file", "change", "expected"), BAD_EDITS, ids=[e[2][:50] for e in BAD_EDITS])
def test_a_bad_edit_names_file_and_path(data_copy: Any, file: str, change: Any, expected: str) -> None:
    directory = data_copy(file, change)
    lines = faults_of(directory)
    assert any(re.search(expected, line) for line in lines), lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"figures": [{"value": NaN}]}', r"pay\.json: is not valid JSON: NaN is not a JSON number"),
        ('{"figures": [{"value": 1e400}]}', r"pay\.json → figures\[0\]\.value: Number out of range"),
        ('{"figures": [], "figures": []}', r"pay\.json → figures: Key 'figures' is given twice"),
        ('{"figures": [' + "9" * 5000 + "]}", r"pay\.json → figures\[0\]: Integer of 5000 digits"),
        ('{"figures": [' + "1" * 20 + "]}", r"pay\.json → figures\[0\]: Integer of 20 digits"),
        ("[" * 100_000, r"pay\.json: nests arrays or objects more than 32 deep, at line 1, column 33"),
        ('{"x": ' + "[" * 40 + "]" * 40 + "}", r"pay\.json → x(\[0\]){32}: nests arrays or objects"),
        ("\ufeff{}", r"pay\.json: starts with a byte-order mark \(BOM\)"),
    ],
    ids=["nan", "inf", "duplicate-key", "long-int", "20-digits", "deep-parse", "deep-value", "bom"],
)
def test_hostile_json_is_a_fault_with_its_place(data_copy: Any, text: str, expected: str) -> None:
    directory = data_copy()
    (directory / "pay.json").write_text(text, "utf-8")
    lines = faults_of(directory)
    assert any(re.search(expected, line) for line in lines), lines
    with pytest.raises(DataError):
        load(directory)


def test_load_raises_with_every_fault(data_copy: Any) -> None:
    def two_faults(doc: dict[str, Any]) -> None:
        doc["figures"][0]["value"] = -1
        doc["figures"][1]["year"] = 1066

    with pytest.raises(DataError) as caught:
        load(data_copy("pay.json", two_faults))
    paths = [f.path for f in caught.value.faults]
    assert paths == ["figures[0]", "figures[1].year"]


def test_every_figure_names_a_known_source_and_vintage(guide: Any) -> None:
    assert len(guide.figures) >= 90
    for fig in guide.figures.values():
        assert fig["source"] in guide.sources, fig["id"]
        assert 1990 <= fig["year"] <= 2100
        assert fig["flag"] in {"official", "secondary", "article-only"}


NUMBER = re.compile(r"(?<![\w.-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w-])")


def _numbers(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in NUMBER.findall(text)}


def _records_with_text_and_figures(obj: Any) -> Any:
    if isinstance(obj, dict):
        figures = [v for v in obj.values() if isinstance(v, dict) and "unit" in v]
        figures += [
            f for v in obj.values() if isinstance(v, list) for f in v if isinstance(f, dict) and "unit" in f
        ]
        if "text" in obj and figures:
            yield obj, figures
        for value in obj.values():
            yield from _records_with_text_and_figures(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from _records_with_text_and_figures(item)


def test_prose_repeats_only_figures_it_carries(guide: Any) -> None:
    """Where a statement quotes a number, one of its own figure records holds that number."""
    checked = 0
    for section in SECTIONS:
        for record, figures in _records_with_text_and_figures(guide.section(section.name)):
            text = re.sub(r"\d{4}-\d{2}-\d{2}", "", record["text"])  # dates are not figures
            values = {float(f["value"]) for f in figures} | {
                float(f["upper"]) for f in figures if f.get("upper")
            }
            assert _numbers(text) <= values, (record["id"], _numbers(text) - values)
            checked += 1
    assert checked >= 5
