"""Property: whatever the argv, mrt-guide answers with a documented status and never a traceback."""

from __future__ import annotations

import os
import tempfile
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from mrt_guide.cli import app
from mrt_guide.dataset import load as loader

from . import registry
from .conftest import examples

COMMANDS = [[], *(path.split() for path in registry.tree())]
"""Every command and subcommand the CLI has (tests/registry.py reads them off the CLI)."""
OPTIONS = [
    *sorted({name for path in registry.tree() for name in registry.options(path)}),
    "--", "-x", "--jsn", "--version", "--data", "-h",
]  # fmt: skip
"""Every option of every command, and a few that no command takes."""
VALUES = [
    "RHIT", "rhit", "CTR", "ods", "CCS-P", "RHTI", "AAS", "as", "BS", "bs-him", "certificate", "none",
    "high-school", "associate", "bachelor", "coding", "privacy", "management", "cancer-registry",
    "2027-01", "2026-13", "pay.json", "pay", "coding", "CEU", "hospitals", "", " ", "-1", "0",
    "NJ", "new jersey", "Texsa", "dc", "name", "2023", "2023-state", "May 2023", "oesm23st.zip",
    "2025-03-13", "2026-02-30", "1.5", "nan", "1e9", "AHIMA", "ncra", "current", "all", "x.csv",
]  # fmt: skip
DOCUMENTED = {0, 1, 2, 65, 74}
"""Statuses a run may end with; 70 (a bug) and 130 (Ctrl-C) must never come from argv alone."""

junk = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=40)
word = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(VALUES), junk)
argv = st.builds(lambda command, rest: command + rest, st.sampled_from(COMMANDS), st.lists(word, max_size=6))


@settings(max_examples=examples(1000))
@given(args=argv)
def test_any_argv_gives_a_documented_status_and_no_traceback(args: list[str]) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as scratch:
        cwd = os.getcwd()
        os.chdir(scratch)  # anything written (there is no --export here) lands in a throwaway folder
        try:
            loader._loaded.clear()
            result = runner.invoke(app, args, prog_name="mrt-guide", env={"MRT_GUIDE_CACHE_DIR": scratch})
        finally:
            os.chdir(cwd)
    assert result.exit_code in DOCUMENTED, (args, result.exit_code, result.stderr)
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream and "internal error" not in stream, (args, stream[-500:])
    if result.exit_code != 0:
        assert result.stderr.strip(), (args, "a failure must say why on stderr")


def test_the_argv_strategy_reaches_every_command() -> None:
    seen: set[tuple[str, ...]] = set()

    @settings(max_examples=1000, derandomize=True)  # always: it proves the strategy's reach
    @given(args=argv)
    def collect(args: list[str]) -> Any:
        seen.add(tuple(args[:1]))

    collect()
    assert {tuple(c[:1]) for c in COMMANDS} <= seen
