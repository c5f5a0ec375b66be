"""Every link a command prints (a step's "see", a search result, a credential's "where it
leads", a plan's next command) names a command that runs: each is run here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .test_json_contract import FORMS


def links_in(obj: Any) -> Iterator[tuple[str, ...]]:
    if isinstance(obj, dict):
        if set(obj) == {"command", "args"} and isinstance(obj["command"], str):
            yield (obj["command"], *obj["args"])
        for value in obj.values():
            yield from links_in(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from links_in(item)


PLAN_ANSWERS = ("--education", "bachelor", "--him", "--start", "2027-01")
"""A link to ``plan`` names the goal; the reader's own answers complete it."""


def test_every_link_in_every_json_output_runs(cli: Any, cli_json: Any) -> None:
    found: set[tuple[str, ...]] = set()
    for _, args in FORMS.values():
        found |= set(links_in(cli_json(*args)))
    for term in ("a", "e", "o"):
        found |= set(links_in(cli_json("search", term)))
    commands = {link[0] for link in found}
    assert {"steps", "degrees", "certs", "salary", "sources", "plan"} <= commands, commands
    assert len(found) > 25
    for link in sorted(found):
        args = list(link)
        if link[0] == "plan":
            args += [*PLAN_ANSWERS, *([] if "--goal" in link else ["--goal", "rhit"])]
        result = cli(*args)
        assert result.exit_code == 0 and result.stderr == "", (link, result.stderr)


def test_the_finder_sees_a_link() -> None:
    assert list(links_in({"a": [{"command": "certs", "args": ["RHIT"]}]})) == [("certs", "RHIT")]
