"""Typer commands: a few lines of wiring each, from options to a query, a view and ``show``.

``COMMANDS`` lists the root's commands in the order of the help, each with a function that
imports its module only when the command is built (so a run pays for one). The imports are
real ones, inside functions: readers, type checkers and import graphs follow every edge.
"""

from __future__ import annotations

from collections.abc import Callable

from ._shared import Target


def _facts() -> Target:
    from .sections import facts

    return facts


def _steps() -> Target:
    from .sections import steps

    return steps


def _degrees() -> Target:
    from .degrees import degrees

    return degrees


def _certs() -> Target:
    from .certs import certs

    return certs


def _compare() -> Target:
    from .compare import compare

    return compare


def _salary() -> Target:
    from .salary import salary

    return salary


def _outlook() -> Target:
    from .sections import outlook

    return outlook


def _careers() -> Target:
    from .careers import careers

    return careers


def _duties() -> Target:
    from .sections import duties

    return duties


def _skills() -> Target:
    from .sections import skills

    return skills


def _workplaces() -> Target:
    from .sections import workplaces

    return workplaces


def _about() -> Target:
    from .sections import about

    return about


def _search() -> Target:
    from .search import search

    return search


def _sources() -> Target:
    from .sections import sources

    return sources


def _plan() -> Target:
    from .plan import plan

    return plan


def _guide() -> Target:
    from .guide import guide

    return guide


def _handout() -> Target:
    from .sections import handout

    return handout


def _data() -> Target:
    from .data import app

    return app


def _ce() -> Target:
    from .ce import app

    return app


COMMANDS: dict[str, Callable[[], Target]] = {
    "facts": _facts,
    "steps": _steps,
    "degrees": _degrees,
    "certs": _certs,
    "compare": _compare,
    "salary": _salary,
    "outlook": _outlook,
    "careers": _careers,
    "duties": _duties,
    "skills": _skills,
    "workplaces": _workplaces,
    "about": _about,
    "search": _search,
    "sources": _sources,
    "plan": _plan,
    "guide": _guide,
    "handout": _handout,
    "data": _data,
    "ce": _ce,
}
"""Every root command, in the order of the help: its name and the function that imports it."""
