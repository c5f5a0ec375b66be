"""Reading files that someone else may have made: bounded, regular files only, strict JSON.

A dataset may come by e-mail. Whatever sits in place of a file (a named pipe, a
device, a socket, a symlink to one, a file of gigabytes) and whatever its bytes hold
(a byte-order mark, NaN, a key given twice, nesting thousands deep, a number of
thousands of digits) ends as a ``ReadError`` with a message a person can act on,
never as a hang, a crash or a number the reader did not write. Stdlib only.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from typing import Any

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32
"""Deepest nesting of arrays and objects a data file may use (the dataset needs about 8)."""
MAX_DIGITS = 15
"""Longest integer a data file may write; anything longer is a typing accident."""


class ReadError(Exception):
    """A file that cannot be used; the message completes "<file> ..."."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        """JSON path of the fault inside the file, where known."""


_KINDS = {
    stat.S_IFDIR: "is a folder",
    stat.S_IFIFO: "is a named pipe (FIFO)",
    stat.S_IFCHR: "is a device",
    stat.S_IFBLK: "is a device",
    stat.S_IFSOCK: "is a socket",
}


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` (symlinks followed), at most ``limit``.

    Opened without blocking, so a named pipe cannot hang the reader; checked to be a
    regular file on the opened descriptor, so nothing can be swapped in between; read
    to ``limit`` + 1 bytes at most, so a device cannot fill the memory.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ReadError("is missing") from None
    except OSError as exc:
        raise ReadError(f"cannot be read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        kind = stat.S_IFMT(info.st_mode)
        if kind != stat.S_IFREG:
            raise ReadError(f"{_KINDS.get(kind, 'is not a regular file')}; it should be a file")
        if info.st_size > limit:
            raise ReadError(_too_big(info.st_size, limit))
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        raw = b"".join(chunks)
    except OSError as exc:
        raise ReadError(f"cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise ReadError(_too_big(len(raw), limit))
    return raw


def _too_big(size: int, limit: int) -> str:
    mib = limit // 1024 // 1024
    return f"is over {mib} MiB ({size / 1024 / 1024:.1f} MiB or more); a data file may be at most {mib} MiB"


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys it was given twice."""

    duplicates: list[str]


class _Long:
    """Stands in for an integer literal too long to be meant."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _integer(text: str) -> int | _Long:
    digits = len(text.lstrip("-"))
    return _Long(digits) if digits > MAX_DIGITS else int(text)


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _too_deep(text: str) -> str:
    """Where the nesting first goes deeper than MAX_DEPTH, as 'line L, column C'."""
    depth = 0
    bare = re.sub(r'"(?:[^"\\]|\\.)*"', lambda m: " " * len(m.group()), text, flags=re.S)
    for match in re.finditer(r"[\[\]{}]", bare):
        depth += 1 if match.group() in "[{" else -1
        if depth > MAX_DEPTH:
            line = bare.count("\n", 0, match.start()) + 1
            column = match.start() - (bare.rfind("\n", 0, match.start()) + 1) + 1
            return f"line {line}, column {column}"
    return "an unknown place"


def parse_json(raw: bytes) -> Any:
    """Strict JSON from ``raw``: UTF-8 without a byte-order mark, no NaN or Infinity, no key
    twice in an object, no integer longer than MAX_DIGITS, nesting at most MAX_DEPTH."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ReadError("starts with a byte-order mark (BOM); save it as UTF-8 without a BOM")
    if not raw.strip():
        raise ReadError("is empty; it should hold a JSON object")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8") from None
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_int=_integer, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ReadError(f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ReadError(f"nests arrays or objects more than {MAX_DEPTH} deep, at {_too_deep(text)}") from None
    except ValueError as exc:
        raise ReadError(f"is not valid JSON: {exc}") from None
    _check(data, (), 0)
    return data


def _check(value: Any, loc: tuple[int | str, ...], depth: int) -> None:
    from .faults import json_path

    if depth > MAX_DEPTH:
        raise ReadError(f"nests arrays or objects more than {MAX_DEPTH} deep", json_path(loc))
    if isinstance(value, _Long):
        raise ReadError(
            f"Integer of {value.digits} digits; a number here has at most {MAX_DIGITS}.", json_path(loc)
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise ReadError("Number out of range: write a finite number.", json_path(loc))
    if isinstance(value, _Object):
        if value.duplicates:
            key = value.duplicates[0]
            raise ReadError(f"Key '{key}' is given twice in this object; keep one.", json_path((*loc, key)))
        for key, item in value.items():
            _check(item, (*loc, key), depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check(item, (*loc, i), depth + 1)
