"""Exit statuses and the errors that carry them. Documented in the README."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    """The command did what was asked."""
    NOT_FOUND = 1
    """The dataset is invalid, or a search found nothing."""
    USAGE = 2
    """The command line was wrong: unknown command, option, id or value."""
    INTERNAL = 70
    """A bug in mrt-guide (EX_SOFTWARE); the message asks for a report."""
    INTERRUPTED = 130
    """Ctrl-C."""


class GuideError(Exception):
    """An error the user can fix; its message is shown as one line."""

    status = ExitStatus.USAGE

    def __init__(self, message: str, status: ExitStatus | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status


class NotFound(GuideError):
    status = ExitStatus.NOT_FOUND
