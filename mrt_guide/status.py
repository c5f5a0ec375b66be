"""Exit statuses and the errors that carry them. Documented in the README (Exit status)."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    """The command did what was asked (also when a reader such as ``head`` closed the pipe)."""
    NOT_FOUND = 1
    """Nothing to show: a search found nothing; a check found something to act on."""
    USAGE = 2
    """The command line was wrong: unknown command, option, id or value."""
    DATA = 65
    """A dataset or an imported file is invalid (EX_DATAERR); its faults are listed. Also a CE
    log that is damaged, not mrt-guide's, or written by a newer release."""
    INTERNAL = 70
    """A bug in mrt-guide (EX_SOFTWARE); the message asks for a report."""
    IO = 74
    """Output could not be written, or a file could not be read or written (EX_IOERR)."""
    BUSY = 75
    """The CE log is busy: another command held its write lock past the wait (EX_TEMPFAIL); try again."""
    INTERRUPTED = 130
    """Ctrl-C (SIGINT)."""
    HANGUP = 129
    """The terminal went away (SIGHUP)."""
    TERMINATED = 143
    """Asked to stop (SIGTERM)."""


class GuideError(Exception):
    """An error the user can fix; its message is shown as one line."""

    status = ExitStatus.USAGE

    def __init__(self, message: str, status: ExitStatus | None = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status


class NotFound(GuideError):
    status = ExitStatus.NOT_FOUND
