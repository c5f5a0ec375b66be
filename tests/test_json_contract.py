"""Each command's --json output has a locked shape: every JSON path and the types found there.

The shapes live in tests/json_shapes/<command>.txt. A change to a command's JSON is a
change to its documented contract: update README.md and regenerate the file with
``MRT_GUIDE_UPDATE_SHAPES=1 python -m pytest tests/test_json_contract.py``.
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

SHAPES = Path(__file__).with_name("json_shapes")
MAPS = {"sources"}
"""Objects keyed by id rather than by field name."""

COMMANDS = {
    "steps": ["steps"],
    "salary": ["salary"],
    "salary-history": ["salary", "--history"],
    "salary-hourly": ["salary", "--hourly"],
    "certs": ["certs"],
    "certs-one": ["certs", "ODS"],
    "degrees": ["degrees"],
    "degrees-answer": ["degrees", "--no-bachelor-later"],
    "degrees-one": ["degrees", "AS"],
    "outlook": ["outlook"],
    "duties": ["duties"],
    "skills": ["skills"],
    "workplaces": ["workplaces"],
    "about": ["about"],
    "sources": ["sources"],
    "search": ["search", "coding"],
    "guide": ["guide"],
    "plan": [
        "plan",
        "--education",
        "high-school",
        "--goal",
        "coding",
        "--bachelor-later",
        "--start",
        "2027-01",
    ],
}


def _type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def shape(value: Any, path: str = "$", out: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """Every path in ``value`` with the set of JSON types seen there (list items merged as ``[]``)."""
    out = defaultdict(set) if out is None else out
    out[path].add(_type(value))
    if isinstance(value, dict):
        key_of_map = path.rsplit(".", 1)[-1] in MAPS
        for key, item in value.items():
            shape(item, f"{path}.{{key}}" if key_of_map else f"{path}.{key}", out)
    elif isinstance(value, list):
        for item in value:
            shape(item, f"{path}[]", out)
    return out


def render(shapes: dict[str, set[str]]) -> str:
    return "".join(f"{path}: {' | '.join(sorted(types))}\n" for path, types in sorted(shapes.items()))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_json_shape_is_locked(cli_json: Any, name: str) -> None:
    actual = render(shape(cli_json(*COMMANDS[name])))
    locked = SHAPES / f"{name}.txt"
    if os.environ.get("MRT_GUIDE_UPDATE_SHAPES"):
        locked.parent.mkdir(exist_ok=True)
        locked.write_text(actual, "utf-8")
    assert locked.exists(), f"no locked shape for {name}; see this module's docstring"
    assert actual == locked.read_text("utf-8")


def test_shape_sees_a_new_key() -> None:
    before = render(shape({"figures": [{"id": "a", "value": 1}]}))
    after = render(shape({"figures": [{"id": "a", "value": 1, "extra": True}]}))
    assert before != after and "$.figures[].extra: bool" in after


def test_output_keys_match_the_models() -> None:
    """The keys the JSON output fills in are exactly the models' optional fields."""
    from mrt_guide.dataset.models import ArticleClaim, Fact, Figure
    from mrt_guide.queries.common import CLAIM_OPTIONAL, FACT_OPTIONAL, FIGURE_OPTIONAL

    def optional(model: Any) -> set[str]:
        return {name for name, field in model.model_fields.items() if not field.is_required()}

    assert optional(Figure) == set(FIGURE_OPTIONAL)
    assert optional(Fact) == set(FACT_OPTIONAL)
    assert optional(ArticleClaim) == set(CLAIM_OPTIONAL)
