"""A new command cannot go untested: each list the tests run over is checked against the CLI."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mrt_guide.contract import CONTRACTS

from . import registry


def test_every_command_prints_records_or_says_what_covers_it() -> None:
    commands = registry.tree()
    records = set(registry.records_commands())
    unlisted = sorted(set(commands) - records - set(registry.WRITERS))
    assert not unlisted, f"add to tests/registry.py WRITERS (or give it output options): {unlisted}"
    stale = sorted(set(registry.WRITERS) - set(commands)) + sorted(set(registry.FORMS) - set(commands))
    assert not stale, f"tests/registry.py names commands the CLI no longer has: {stale}"
    printing = sorted(set(registry.WRITERS) & records)
    assert not printing, f"these print records: take them out of WRITERS: {printing}"


@pytest.mark.parametrize("form", registry.all_forms(), ids=" ".join)
def test_every_form_runs_in_every_format(cli: Any, form: list[str]) -> None:
    for fmt in ("--json", "--plain", "--markdown"):
        result = cli(*form, fmt)
        assert result.exit_code == 0, (form, fmt, result.stderr)
        assert result.stderr == "" and result.stdout.strip(), (form, fmt)
        assert "\x1b[" not in result.stdout, (form, fmt)
    assert json.loads(cli(*form, "--json").stdout)["schema_version"] >= 1


def _contracted(key: str) -> str:
    """The command a contract key is for: its words up to the first option or placeholder."""
    words = []
    for word in key.split():
        if word.startswith("-") or word.isupper():
            break
        words.append(word)
    return " ".join(words)


def test_every_records_command_has_a_contract() -> None:
    contracted = {_contracted(key) for key in CONTRACTS}
    missing = sorted(set(registry.records_commands()) - contracted)
    assert not missing, f"add a JSON type to mrt_guide/contract.py CONTRACTS for: {missing}"


def test_every_records_command_has_its_records_checked_in_every_format() -> None:
    from .test_formats import DATA_COMMANDS, NOT_IN_DATA_COMMANDS

    covered = {
        path
        for path in registry.records_commands()
        for args, _ in DATA_COMMANDS.values()
        if args[: len(path.split())] == path.split()
    }
    missing = sorted(set(registry.records_commands()) - covered - set(NOT_IN_DATA_COMMANDS))
    assert not missing, f"add to tests/test_formats.py DATA_COMMANDS (how to read its ids): {missing}"
