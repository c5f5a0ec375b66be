"""What the terminal can show and take: encoding and ASCII fallbacks, a sane width, and
write errors that say what happened. No Rich here."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

# Characters the guide prints, and what an ASCII-only terminal gets instead.
_ASCII = str.maketrans(
    {
        "→": "->",
        "←": "<-",
        "–": "-",
        "—": "-",
        "•": "*",
        "·": "-",
        "…": "...",
        "█": "#",
        "░": "-",
        "▌": "#",
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "✓": "ok",
        "✗": "x",
        "†": "+",
        "‡": "++",
        "§": "S",
        # note numbers (superscript digits): ^1
        **{
            sup: f"^{n}"
            for n, sup in enumerate("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
        },
    }
)


_COERCED = {"C.UTF-8", "C.utf8", "UTF-8"}
"""What Python (PEP 538) writes into LC_CTYPE when it starts under the C locale."""


def user_locale(env: dict[str, str] | Any = os.environ) -> str:
    """The locale the user chose for text, seeing through Python's own C-locale coercion.

    Under ``LANG=C`` Python switches itself to UTF-8 and sets ``LC_CTYPE=C.UTF-8`` in
    its environment; the terminal it writes to is still the user's ASCII one.
    """
    if env.get("LC_ALL"):
        return env["LC_ALL"]
    lang = env.get("LANG", "")
    ctype = env.get("LC_CTYPE", "")
    if ctype and not (ctype in _COERCED and lang in ("C", "POSIX")):
        return ctype
    return lang


def ascii_only(stream: IO[str] | Any) -> bool:
    """True when ``stream`` or the user's locale cannot show UTF-8 (``LANG=C``, ``LC_ALL=C``)."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    if not encoding.startswith("utf"):
        return True
    chosen = user_locale().lower().replace("-", "")
    return bool(chosen) and "utf8" not in chosen


_DIGITS = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079", "0123456789")
_NARROW = str.maketrans({k: v[0] for k, v in _ASCII.items()})
"""The same, one character for one: for text already laid out to a width."""


_SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"


def to_ascii(text: str) -> str:
    """``text`` with the guide's symbols spelled in ASCII and anything else replaced by '?';
    a note number of several digits is one ``^12``, not ``^1^2``."""
    if any(ch in _SUPERSCRIPTS for ch in text):
        import re

        text = re.sub(f"[{_SUPERSCRIPTS}]{{2,}}", lambda m: "^" + m.group().translate(_DIGITS), text)
    return text.translate(_ASCII).encode("ascii", "replace").decode("ascii")


def to_ascii_narrow(text: str) -> str:
    """``to_ascii`` keeping every line's width: for what Rich has already laid out (its own
    ellipsis and rules; the guide's text was spelled in ASCII before layout)."""
    return text.translate(_NARROW).encode("ascii", "replace").decode("ascii")


class OutputError(Exception):
    """Writing to stdout failed for a reason the reader can act on (a full disk, a closed
    or bad descriptor); ``errno`` and ``reason`` say which."""

    def __init__(self, exc: OSError) -> None:
        self.errno = exc.errno
        self.reason = exc.strerror or str(exc)
        super().__init__(self.reason)


class PipeClosed(Exception):
    """The reader of stdout went away (``| head``): not an error, the run ends quietly."""


class GuardedStream:
    """A text stream whose write and flush failures become ``PipeClosed`` or ``OutputError``
    (never an ``OSError`` that could pass for a bug), spelled in ASCII when the terminal
    cannot show UTF-8.

    Rich (ours and Typer's help) sees ``encoding == "ascii"`` then and draws its boxes
    with ASCII characters; everything else is passed to the wrapped stream.
    """

    def __init__(self, stream: IO[str], ascii: bool) -> None:
        self._stream = stream
        self._ascii = ascii
        if ascii:
            self.encoding = "ascii"

    def write(self, text: str) -> int:
        if self._ascii:
            text = to_ascii_narrow(text)
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as exc:
            raise OutputError(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed() from None
        except OSError as exc:
            raise OutputError(exc) from None
        except ValueError:  # flushing a closed file
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class ClosedStream:
    """Stands in for a stdout the shell closed (``mrt-guide steps >&-``): writing to it is an
    output error like any other, so the reader hears of it on stderr."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        import errno

        raise OutputError(OSError(errno.EBADF, "stdout is closed"))

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError("stdout is closed")


COLUMNS_RANGE = (20, 1000)
"""Widths the guide draws at; ``COLUMNS`` outside is clamped (an absurd value would make
Rich allocate lines gigabytes long)."""


def clamp_width(env: Any = os.environ) -> None:
    """Keep ``COLUMNS`` (and ``LINES``) within a sane range, for Rich and Typer's help alike."""
    for name, (low, high) in (("COLUMNS", COLUMNS_RANGE), ("LINES", (5, 10_000))):
        value = env.get(name)
        if value is None:
            continue
        try:
            number = int(value.strip())
        except ValueError:
            del env[name]  # Rich would ignore it too; asking the terminal is better
            continue
        if not low <= number <= high:
            env[name] = str(min(max(number, low), high))


@contextlib.contextmanager
def usable_streams() -> Iterator[None]:
    """Streams the run can write to: guarded (see ``GuardedStream``), ASCII on a terminal that
    cannot show UTF-8. A stdout the shell closed is an output error when written to; a closed
    stderr is /dev/null (nothing could be said there); a closed stdin reads as empty."""
    saved = sys.stdin, sys.stdout, sys.stderr
    if sys.stdin is None:
        sys.stdin = open(os.devnull)  # noqa: SIM115 - lives as long as the process
    if sys.stdout is None:
        sys.stdout = ClosedStream()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    clamp_width()
    if not isinstance(sys.stdout, ClosedStream):
        sys.stdout = GuardedStream(sys.stdout, ascii_only(sys.stdout))
    sys.stderr = GuardedStream(sys.stderr, ascii_only(sys.stderr))
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
