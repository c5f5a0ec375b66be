"""The closest valid name to a mistyped one (difflib, imported only when needed)."""

from __future__ import annotations


def closest(word: str, choices: list[str]) -> str | None:
    """The choice closest to ``word``, ignoring case, or None if nothing is close."""
    import difflib

    by_fold = {c.casefold(): c for c in choices}
    match = difflib.get_close_matches(word.casefold(), list(by_fold), n=1, cutoff=0.6)
    return by_fold[match[0]] if match else None
