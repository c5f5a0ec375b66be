"""One table of sections drives loading, search, the whole guide and completion: a section
left out of any of them fails here."""

from __future__ import annotations

from typing import Any

from typer.main import get_command

from mrt_guide.cli import app
from mrt_guide.dataset.models import model_for
from mrt_guide.dataset.sections import ARGUMENTS, COMPLETIONS, LINKABLE, SECTIONS
from mrt_guide.queries.guide import NOT_IN_GUIDE, PARTS
from mrt_guide.queries.search import FINDS, units
from mrt_guide.views.guide import VIEWS

from .conftest import DATA


def app_commands() -> set[str]:
    root = get_command(app)
    return set(root.list_commands(root.make_context("mrt-guide", [], resilient_parsing=True)))  # type: ignore[attr-defined]


def test_every_data_file_is_a_section_and_every_section_loads() -> None:
    assert {s.file for s in SECTIONS} == {p.name for p in DATA.glob("*.json")}
    for section in SECTIONS:
        model_for(section.model)
        assert section.optional or (DATA / section.file).exists()


def test_every_section_is_shown_by_a_command_that_exists() -> None:
    commands = app_commands()
    for section in SECTIONS:
        assert section.commands and set(section.commands) <= commands, section.name


def test_every_section_is_searched(guide: Any) -> None:
    searched: dict[str, int] = {}
    for command, _, _ in units(guide):
        searched[command] = searched.get(command, 0) + 1
    assert set(FINDS) == {s.name for s in SECTIONS}, "queries/search.py FINDS: one entry per section"
    for section in SECTIONS:
        assert FINDS[section.name], f"{section.name} has no searchable records"
        for find in FINDS[section.name]:
            assert searched.get(find.command, 0) > 0, (section.name, find.path)


def test_every_section_is_in_the_whole_guide_or_says_why_not(cli_json: Any) -> None:
    whole = cli_json("guide")
    in_guide = {part.section for part in PARTS}
    for section in SECTIONS:
        if section.name in NOT_IN_GUIDE:
            assert section.name not in in_guide, section.name
            continue
        assert section.name in in_guide, f"{section.name} is missing from the whole guide (queries/guide.py)"
    assert in_guide | set(NOT_IN_GUIDE) == {s.name for s in SECTIONS}
    for part in PARTS:
        assert whole[part.key], part.key
    assert [p.key for p in PARTS] == list(VIEWS), "views/guide.py VIEWS: one view per part, in order"


def test_the_whole_guide_draws_every_part(cli: Any) -> None:
    out = cli("guide", "--no-pager").stdout
    for title in (
        "the job in brief",
        "step by step",
        "Degrees and programs",
        "Certifications",
        "Pay of",
        "Median pay by year",
        "Job outlook",
        "does",
        "Skills",
        "Where",
        "Sources",
    ):
        assert title in out, title


def test_completion_names_come_from_the_table(cli: Any) -> None:
    assert set(ARGUMENTS.values()) <= set(COMPLETIONS)
    assert set(ARGUMENTS) <= LINKABLE <= app_commands()
    for name, (section, spec) in COMPLETIONS.items():
        assert spec.fields, name
        assert section.name in {s.name for s in SECTIONS}
