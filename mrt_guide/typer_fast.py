"""Two narrow shortcuts around Typer 0.29 internals, for start-up time.

A CLI runs hundreds of times and once per TAB, and Typer 0.29 spends most of a
short command's start-up on work whose result it throws away:

* It coerces every non-bool parameter through a pydantic ``TypeAdapter``, built on
  first use, even when the value is ``None`` (the option was not given) or a
  ``str`` for a ``str`` parameter. Building the first adapter imports pydantic,
  about a third of the start-up time here. ``skip_idle_coercion`` returns what
  the adapter would have returned in exactly those cases, and hands every other
  value to Typer unchanged.
* Its zsh and fish completion formatters import Rich to strip markup from help
  texts. ``plain_completion_help`` leaves the texts as they are (ours carry no
  markup in their first line, which is all completion shows).

Typer is pinned below 0.30 in pyproject.toml; tests/test_startup_imports.py fails
if a new release moves these internals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from typer import core
from typer._click.exceptions import MissingParameter

_IDENTITY = {str: str, Path: Path}


def _idle(annotation: Any, value: Any) -> tuple[bool, Any]:
    """(True, result) where coercion cannot change the value, else (False, None)."""
    if value is None:
        return True, None
    if annotation in _IDENTITY and isinstance(value, str):
        return True, _IDENTITY[annotation](value)
    if (
        annotation == list[str]
        and isinstance(value, (list, tuple))
        and all(isinstance(v, str) for v in value)
    ):
        return True, list(value)
    return False, None


def skip_idle_coercion() -> None:
    original = core._TyperParameter.process_value
    if getattr(original, "mrt_guide_fast", False):
        return

    def process_value(self: Any, ctx: Any, value: Any) -> Any:
        idle, result = _idle(self.type_descriptor.annotation, value)
        if not idle:
            return original(self, ctx, value)
        if result is None and (self.multiple or self.nargs == -1):
            result = ()
        if self.required and self.value_is_missing(result):
            raise MissingParameter(ctx=ctx, param=self)
        if self.callback is not None:
            result = self.callback(ctx, self, result)
        return result

    process_value.mrt_guide_fast = True  # type: ignore[attr-defined]
    core._TyperParameter.process_value = process_value  # type: ignore[method-assign]


def plain_completion_help() -> None:
    from typer import _completion_classes

    _completion_classes._sanitize_help_text = lambda text: text
