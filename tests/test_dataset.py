"""The dataset passes its models, and a bad edit fails with the file and JSON path of the fault."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.dataset.faults import DataError
from mrt_guide.dataset.load import FILE_NAMES, load, read, validate
from mrt_guide.dataset.models import FILES

from .conftest import DATA


def faults_of(directory: Path) -> list[str]:
    parsed, _, faults = read(directory)
    faults += validate(directory, parsed)
    return [f.line() for f in faults]


def test_bundled_dataset_is_valid() -> None:
    assert faults_of(DATA) == []


def test_every_file_has_a_model() -> None:
    assert set(FILES) == set(FILE_NAMES) == {p.name for p in DATA.glob("*.json")}


def _cert(doc: dict[str, Any], cert_id: str) -> dict[str, Any]:
    return next(c for c in doc["certifications"] if c["id"] == cert_id)


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "certifications.json",
            lambda d: _cert(d, "CCS")["renewal"]["ceus"].update(value=0),
            r"certifications\.json → certifications\[3\]\.renewal\.ceus\.value: "
            r"Input should be greater than 0",
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
            "pay.json",
            lambda d: d["figures"][1].update(id=d["figures"][0]["id"]),
            r"pay\.json → figures\[1\]\.id: Duplicate figure id 'pay-median-2010-annual'",
        ),
        (
            "pay.json",
            lambda d: d["figures"][0].update(source="ooh-2099"),
            r"pay\.json → figures\[0\]\.source: Unknown source 'ooh-2099'",
        ),
        (
            "outlook.json",
            lambda d: d["projections"][0]["growth"].update(flag="secondary"),
            r"outlook\.json → projections\[0\]\.growth\.flag: "
            r"Flag 'secondary' does not match source 'ooh-2012'",
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
    ],
)
def test_a_bad_edit_names_file_and_path(data_copy: Any, file: str, change: Any, expected: str) -> None:
    directory = data_copy(file, change)
    lines = faults_of(directory)
    assert any(re.search(expected, line) for line in lines), lines


def test_load_raises_with_every_fault(data_copy: Any) -> None:
    def two_faults(doc: dict[str, Any]) -> None:
        doc["figures"][0]["value"] = -1
        doc["figures"][1]["year"] = 1066

    with pytest.raises(DataError) as caught:
        load(data_copy("pay.json", two_faults))
    paths = [f.path for f in caught.value.faults]
    assert paths == ["figures[0].value", "figures[1].year"]


def test_every_figure_names_a_known_source_and_vintage(guide: Any) -> None:
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
    for name in FILE_NAMES:
        for record, figures in _records_with_text_and_figures(guide.files[name]):
            text = re.sub(r"\d{4}-\d{2}-\d{2}", "", record["text"])  # dates are not figures
            values = {float(f["value"]) for f in figures} | {
                float(f["upper"]) for f in figures if f.get("upper")
            }
            assert _numbers(text) <= values, (record["id"], _numbers(text) - values)
            checked += 1
    assert checked >= 5
