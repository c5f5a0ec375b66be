"""Shell-completion candidates: names from the section table's completion specs.

Completion runs on every TAB, so it renders nothing (no Rich). It reads the dataset
the way every command does: the bundled one ships validated, a custom one comes
from the cache once it has been used; a dataset that cannot be read completes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from ..dataset.sections import COMPLETIONS


def names(ctx: typer.Context, completion: str) -> list[str]:
    """Every name completion ``completion`` offers for the dataset of this run."""
    from ..dataset.faults import DataError
    from ._shared import dataset

    section, spec = COMPLETIONS[completion]
    try:
        records = dataset(ctx).section(section.name)[spec.path]
    except (DataError, OSError, KeyError):
        return []
    found: list[str] = []
    for record in records:
        spelled: set[str] = set()
        for field in spec.fields:
            value = record[field]
            for name in value if isinstance(value, list) else [value]:
                # one spelling per name: CCSP beside CCS-P is the same word twice
                plain = "".join(ch for ch in str(name).casefold() if ch.isalnum())
                if plain not in spelled:
                    spelled.add(plain)
                    found.append(name)
    return found


def completer(completion: str) -> Callable[[typer.Context, str], list[str]]:
    """A Typer ``autocompletion`` function offering the names of ``completion``, any case."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        wanted = incomplete.casefold()
        found = [n for n in names(ctx, completion) if n.casefold().startswith(wanted)]
        # Typer keeps only candidates that start with what was typed, case and all:
        # offer a name in the case the reader typed it (ids are accepted in any case).
        if incomplete.islower():
            found = [n if n.startswith(incomplete) else n.lower() for n in found]
        elif incomplete.isupper():
            found = [n if n.startswith(incomplete) else n.upper() for n in found]
        return list(dict.fromkeys(n for n in found if n.startswith(incomplete)))

    complete.__name__ = f"complete_{completion}"
    return complete


certification_names = completer("certification")
degree_names = completer("degree")
goal_names = completer("goal")
state_names = completer("state")
career_names = completer("career")
tag_names = completer("ce-tag")
role_names = completer("experience-kind")


def compare_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Credential ids and aliases, then plan goals: what ``compare`` takes, any case."""
    found = certification_names(ctx, incomplete)
    folded = {n.casefold() for n in found}
    return found + [g for g in goal_names(ctx, incomplete) if g.casefold() not in folded]
