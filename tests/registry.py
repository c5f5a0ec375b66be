"""Every command the CLI has, read from the CLI itself (``COMMANDS`` and the groups under it),
so the lists the tests run over cannot miss a new one.

A command that prints records (it has the shared output options) is run by the format,
contract, fuzz and start-up tests in the forms ``FORMS`` gives, or in its bare form. A
command that only writes (the CE log's edits, imports, backups) is named in ``WRITERS``
with what covers it instead. ``tests/test_registry.py`` fails, naming the command, when a
command is in neither, or when a form no longer runs.
"""

from __future__ import annotations

from functools import cache
from typing import Any

FORMS: dict[str, list[list[str]]] = {
    "search": [["search", "coding"]],
    "salary": [
        ["salary"],
        ["salary", "--history", "--hourly"],
        ["salary", "--state", "IL"],
        ["salary", "--states"],
    ],
    "certs": [["certs"], ["certs", "ODS"]],
    "compare": [
        ["compare", "CPC", "CCS"],
        ["compare", "RHIT", "RHIA", "CCS", "--from", "associate", "--him"],
    ],
    "degrees": [["degrees"], ["degrees", "AS"]],
    "careers": [["careers"], ["careers", "medical-coders"]],
    "plan": [
        [
            "plan",
            "--education",
            "high-school",
            "--goal",
            "coding",
            "--no-bachelor-later",
            "--start",
            "2027-01",
        ],
        ["plan", "--education", "associate", "--him", "--goal", "cancer-registry", "--start", "2027-01"],
    ],
}
"""The forms a records command is run in, where its bare form is not enough or needs an answer."""

WRITERS: dict[str, str] = {
    "data validate": "prints a verdict, not records: tests/test_robustness.py",
    "data schema": "prints JSON Schema: tests/test_robustness.py, tests/test_json_contract.py",
    "data import-oews": "writes an import: tests/test_oews_import.py",
    "data import-projections": "writes an import: tests/test_official.py",
    "ce credential add": "writes the log: tests/test_ce.py",
    "ce credential remove": "writes the log: tests/test_ce.py",
    "ce add": "writes the log: tests/test_ce.py",
    "ce edit": "writes the log: tests/test_ce.py",
    "ce remove": "writes the log: tests/test_ce.py",
    "ce work add": "writes the log: tests/test_ce_work.py",
    "ce work remove": "writes the log: tests/test_ce_work.py",
    "ce calendar": "writes a calendar file: tests/test_ce.py",
    "ce export": "writes a CSV file: tests/test_ce.py",
    "ce import": "writes the log: tests/test_ce.py, tests/test_ce_store.py",
    "ce backup": "writes a backup: tests/test_ce_store.py",
    "ce restore": "replaces the log: tests/test_ce_store.py",
    "ce cycle set": "writes the log: tests/test_ce_rules.py",
    "ce cycle clear": "writes the log: tests/test_ce_rules.py",
    "ce path": "prints one path: tests/test_ce.py",
    "ce profile": "writes the log, prints the profile: tests/test_ce_holders.py",
}
"""Commands that print no records, each with the tests that cover it instead."""


@cache
def tree() -> dict[str, Any]:
    """Every runnable command of the CLI by its path ("certs", "ce cycle set"), in help order."""
    from mrt_guide import cli

    return {" ".join(path): command for path, command in cli.tree() if not hasattr(command, "list_commands")}


def options(path: str) -> list[str]:
    """The option names command ``path`` takes."""
    import typer

    from mrt_guide.cli import app

    ctx = typer.main.get_command(app).make_context("mrt-guide", [], resilient_parsing=True)
    return [name for p in tree()[path].get_params(ctx) if p.param_type_name == "option" for name in p.opts]


def records_commands() -> list[str]:
    """Commands that print records (they take ``--json``)."""
    return [path for path in tree() if "--json" in options(path)]


def forms(path: str) -> list[list[str]]:
    """The argv forms command ``path`` is run in by the tests (without an output option)."""
    return FORMS.get(path, [path.split()])


def all_forms() -> list[list[str]]:
    """Every form of every records command."""
    return [form for path in records_commands() for form in forms(path)]
