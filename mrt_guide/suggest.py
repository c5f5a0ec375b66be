"""The closest valid name to a mistyped one (difflib, imported only when needed)."""

from __future__ import annotations


def fold(word: str) -> str:
    """``word`` for comparing: no case, no accents, no control characters."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if ch.isprintable() and not unicodedata.combining(ch)).casefold()


def closest(word: str, choices: list[str]) -> str | None:
    """The choice closest to ``word`` (ignoring case, accents and control characters), or None."""
    import difflib

    by_fold = {fold(c): c for c in choices}
    match = difflib.get_close_matches(fold(word), list(by_fold), n=1, cutoff=0.6)
    return by_fold[match[0]] if match else None
