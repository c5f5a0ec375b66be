"""What the terminal can show: encoding and ASCII fallbacks. No Rich here."""

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


def to_ascii(text: str) -> str:
    """``text`` with the guide's symbols spelled in ASCII and anything else replaced by '?'."""
    return text.translate(_ASCII).encode("ascii", "replace").decode("ascii")


class AsciiFile:
    """A text stream that spells everything written to it in ASCII.

    Rich (ours and Typer's help) sees ``encoding == "ascii"`` and draws its boxes
    with ASCII characters; everything else is passed to the wrapped stream.
    """

    encoding = "ascii"

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(to_ascii(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def usable_streams() -> Iterator[None]:
    """Streams the run can write to: ASCII on a terminal that cannot show UTF-8, and
    /dev/null for a stream the shell closed (``mrt-guide steps >&-``), as for a closed pipe."""
    saved = sys.stdout, sys.stderr
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    if ascii_only(sys.stdout):
        sys.stdout = AsciiFile(sys.stdout)  # type: ignore[assignment]
    if ascii_only(sys.stderr):
        sys.stderr = AsciiFile(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
