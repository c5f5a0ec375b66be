"""Characters that must never reach a reader's terminal from data or argv.

A shared dataset (or a mistyped argument) must not be able to set the window
title, clear the screen, fake a hyperlink, answer a cursor query into the shell
or reverse the text around it. Validation rejects these characters in every text
field (``unsafe``); renderers and error messages neutralise them as a second wall
(``neutral``). Stdlib only: the fast paths use it.
"""

from __future__ import annotations

import functools
import re

UNSAFE = (
    "["
    "\x00-\x08\x0b-\x1f\x7f"  # C0 controls (tab and newline allowed) and DEL
    "\x80-\x9f"  # C1 controls (CSI, OSC, ST ...)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u200b-\u200d\u2060\ufeff"  # zero-width characters
    "\u2028\u2029"  # line and paragraph separators
    "]"
)


@functools.cache
def _unsafe() -> re.Pattern[str]:
    return re.compile(UNSAFE)  # compiled on first use: completion and --version never need it


def unsafe(text: str) -> str | None:
    """The first character of ``text`` that may not appear in data, described, or None."""
    found = _unsafe().search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def neutral(text: str) -> str:
    """``text`` with every unsafe character shown as a visible escape such as ``\\x1b``."""
    pattern = _unsafe()
    if pattern.search(text) is None:
        return text
    return pattern.sub(lambda m: repr(m.group())[1:-1], text)


def neutral_line(text: str, limit: int = 0) -> str:
    """``text`` made safe to echo on one line: unsafe characters, tabs and newlines escaped,
    cut to ``limit`` characters (0: no cut)."""
    shown = neutral(text).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    if limit and len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown
