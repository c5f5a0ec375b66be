"""What the terminal can show: encoding and ASCII fallbacks. No Rich here."""

from __future__ import annotations

import os
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


def ascii_only(stream: IO[str] | Any) -> bool:
    """True when ``stream`` or the locale cannot show UTF-8 (``LANG=C``, ``LC_ALL=C``)."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "")
    if not encoding.startswith("utf"):
        return True
    for var in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = os.environ.get(var)
        if value:
            value = value.lower().replace("-", "")
            return "utf8" not in value
    return False


def to_ascii(text: str) -> str:
    """``text`` with the guide's symbols spelled in ASCII and anything else replaced by '?'."""
    return text.translate(_ASCII).encode("ascii", "replace").decode("ascii")


def safe(text: str, stream: IO[str] | Any) -> str:
    """``text`` as ``stream`` can show it."""
    return to_ascii(text) if ascii_only(stream) else text


class AsciiFile:
    """A text stream that spells everything written to it in ASCII.

    Rich sees ``encoding == "ascii"`` and draws its boxes with ASCII characters.
    """

    encoding = "ascii"

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(to_ascii(text))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()
