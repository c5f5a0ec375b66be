"""Hostile datasets, fuzzed: a validity-preserving mutator and an injection mutator over every
text field. No traceback, no exit 70, no raw control byte in any output or export, and only
documented exit statuses."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mrt_guide.dataset import load as loader
from mrt_guide.dataset.index import Dataset
from mrt_guide.textsafe import UNSAFE

from . import registry
from .conftest import DATA, examples

UNSAFE_RE = re.compile(UNSAFE)
SGR = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x00-\x1f\x7f]*\x1b\\")
"""Rich's own codes: colours, and hyperlinks (OSC 8) whose address holds no control character."""
DOCUMENTED = {0, 1, 2, 65, 74}
PAYLOADS = [
    "\x1b]0;pwned\x07",  # set the window title
    "\x1b[2J",  # clear the screen
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # a fake hyperlink
    "\x1b[6n",  # a cursor query the terminal answers into the shell
    "\u202eTXT",  # reverse the text
    "\u2066x\u2069",  # bidi isolates
    "zero\u200bwidth",
    "\x9b31mC1",  # a C1 control sequence introducer
    "back\x08space\rreturn\x07bell",
]
KEYS_NOT_TEXT = {
    "id",
    "key",
    "source",
    "flag",
    "unit",
    "measure",
    "qualifier",
    "kind",
    "url",
    "level",
    "issuer",
    "target",
    "anchor",
    "due",
    "every",
    "tag",
    "rule",
    "command",
    "date",
    "applies_from",
    "education",
    "accredited_by",
    "minimum_education",
    "setting",
    "coursework",
    "short",
    "aliases",
    "args",
    "pay_by_setting",
    "article_projection",
    "if_bachelor_later",
    "if_no_bachelor_later",
    "degree",
    "via",
    "via_until",
    "also",
    "credentials",
    "certifications",
    "degrees",
    "figures",
    "evidence",
    "headline",
    "prepares_for",
    "pay_factors",
    "holder",
    "replaces",
    "extra",
    "cap",
    "ladder",
    "share",
    "amount",
    "minutes_per_unit",
    "round_up_from",
    "after_days",
    "plan_experience",
    "credential",
    "route",
    "entry",
}


def _reference_fields() -> set[str]:
    """Every field the models mark as a record's id or a reference to one (Key, Ref)."""
    from pydantic import BaseModel

    from mrt_guide.dataset import checks, models

    return {
        name
        for cls in vars(models).values()
        if isinstance(cls, type) and issubclass(cls, BaseModel)
        for name in checks._markers(cls)
    }


KEYS_NOT_TEXT |= _reference_fields()
"""Fields whose values are ids, codes or references, not prose."""
COMMANDS = registry.all_forms()
"""Every form of every records command (tests/registry.py)."""
FORMATS = [[], ["--plain"], ["--markdown"], ["--json"]]


def text_paths(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every prose string inside a file's JSON, as a path of keys and indexes."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key not in KEYS_NOT_TEXT:
                yield from text_paths(value, (*path, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from text_paths(value, (*path, i))
    elif isinstance(obj, str):
        yield path


def set_at(obj: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj[part]
    obj[path[-1]] = value


def get_at(obj: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        obj = obj[part]
    return obj


RAW = {p.name: json.loads(p.read_text("utf-8")) for p in DATA.glob("*.json")}
TEXTS = [(name, path) for name, doc in sorted(RAW.items()) for path in text_paths(doc)]


def no_raw_controls(*outputs: str) -> None:
    for out in outputs:
        found = UNSAFE_RE.search(out)
        assert found is None, repr(out[max(0, found.start() - 40) : found.end() + 40])


@pytest.fixture
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Any:
    def make() -> Path:
        target = tmp_path_factory.mktemp("ds") / "data"
        shutil.copytree(DATA, target)
        loader._loaded.clear()
        return target

    return make


@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks=st.lists(st.tuples(st.sampled_from(TEXTS), st.sampled_from(PAYLOADS)), min_size=1, max_size=3))
def test_injected_text_is_refused_at_validation_and_never_echoed_raw(
    cli: Any, fresh: Any, picks: Any
) -> None:
    directory = fresh()
    for (name, path), payload in picks:
        doc = json.loads((directory / name).read_text("utf-8"))
        set_at(doc, path, get_at(doc, path) + payload)
        (directory / name).write_text(json.dumps(doc), "utf-8")
    result = cli("data", "validate", str(directory))
    assert result.exit_code == 65, result.stdout
    # refused as text (a control character, too long) or, for a code, as not matching its pattern
    assert re.search(
        r"Text holds the control or invisible character|at most \d+ characters|should match pattern",
        result.stderr,
    )
    no_raw_controls(result.stdout, result.stderr)
    for args in (["steps"], ["certs", "RHIT", "--json"], ["search", "e"]):
        run = cli("--data", str(directory), *args)
        assert run.exit_code == 65 and run.stdout == ""
        no_raw_controls(run.stderr)


def numeric_paths(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from numeric_paths(value, (*path, key))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from numeric_paths(value, (*path, i))
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool) and path and path[-1] == "value":
        yield path


FIGURE_VALUES = [(name, path) for name, doc in sorted(RAW.items()) for path in numeric_paths(doc)]
SAFE_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Co")),
    min_size=1,
    max_size=60,
).filter(lambda t: t.strip() != "")


@settings(max_examples=examples(40), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    texts=st.lists(st.tuples(st.sampled_from(TEXTS), SAFE_TEXT), max_size=4),
    numbers=st.lists(
        st.tuples(st.sampled_from(FIGURE_VALUES), st.floats(0.5, 10_000, allow_nan=False)), max_size=3
    ),
    command=st.sampled_from(COMMANDS),
    fmt=st.sampled_from(FORMATS),
)
def test_valid_mutations_never_crash(
    cli: Any, fresh: Any, texts: Any, numbers: Any, command: Any, fmt: Any
) -> None:
    directory = fresh()
    docs = {name: json.loads((directory / name).read_text("utf-8")) for name in RAW}
    for (name, path), text in texts:
        set_at(docs[name], path, text)
    for (name, path), number in numbers:
        set_at(docs[name], path, round(number, 2))
    for name, doc in docs.items():
        (directory / name).write_text(json.dumps(doc), "utf-8")
    result = cli("--data", str(directory), *command, *fmt)
    assert result.exit_code in DOCUMENTED, (result.exit_code, result.stderr)
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    no_raw_controls(result.stdout, result.stderr)


def _poisoned() -> Dataset:
    """The bundled dataset with a payload in every prose field, past validation: what reaches
    the renderers if something ever slips through."""
    entry = json.loads(loader.BUNDLED_NORMALISED.read_text("utf-8"))
    sections = entry["sections"]
    for i, path in enumerate(list(text_paths(sections))):
        set_at(sections, path, get_at(sections, path) + PAYLOADS[i % len(PAYLOADS)])
    return Dataset(sections, entry["index"], DATA, bundled=True)


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_renderers_neutralise_whatever_slips_through(
    cli: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, command: list[str]
) -> None:
    poisoned = _poisoned()
    monkeypatch.setattr(loader, "load", lambda directory: poisoned)
    for fmt in [*FORMATS, ["--no-color"]]:
        coloured = not fmt
        result = cli(*command, *fmt, env={"FORCE_COLOR": "1"} if coloured else None)
        assert result.exit_code in (0, 1), (fmt, result.stderr)
        out = SGR.sub("", result.stdout) if coloured else result.stdout  # Rich's own colours
        no_raw_controls(out, result.stderr)
    for suffix in (".html", ".svg", ".md", ".txt", ".json"):
        path = tmp_path / f"out{suffix}"
        result = cli(*command, "--export", str(path))
        assert result.exit_code in (0, 1), result.stderr
        if path.exists():
            no_raw_controls(path.read_text("utf-8"))


def test_the_injection_finds_text_everywhere() -> None:
    files = {name for name, _ in TEXTS}
    assert files == {p.name for p in DATA.glob("*.json")}
    assert len(TEXTS) > 250 and len(FIGURE_VALUES) > 80
