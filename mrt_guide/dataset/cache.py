"""The validated-dataset cache: validation off the fast path, never stale, never trusted blindly.

Validating with pydantic costs more than the rest of a command's start-up, so the
normalised dataset that validation produced (the models' own dump plus the index)
is kept on disk under a key made of everything that decides validity:

* the bytes of every data file (and which optional files are absent),
* the source of every module that validates (``dataset/*.py``, ``textsafe.py``),
* the package version and pydantic's version.

Any change to any of them is a different key, so an upgrade that adds a check, or
an edit to one file, validates again. An entry is written atomically through a
unique temporary file in a folder private to the user; an entry that is damaged,
not a regular file, owned by someone else, writable by others, too big or written
for another key is ignored ("validate again"), never followed, never a hang.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from .. import __version__
from .read import MAX_FILE_BYTES, ReadError, read_bytes

CACHE_ENV = "MRT_GUIDE_CACHE_DIR"
FORMAT = 1
"""Version of the cache entry's own layout."""
KEPT = 32
"""Entries kept; the oldest go first."""

_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = ("dataset", "textsafe.py", "suggest.py")
"""What decides validity, relative to the package: every module of ``dataset/`` and the
two it imports from outside it (``tests/test_cache.py`` checks the list is complete)."""


def _code_files() -> Iterable[Path]:
    for name in _CODE:
        path = _PACKAGE / name
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix in (".py", ".pyc") and p.is_file())
        else:
            yield path if path.exists() else path.with_suffix(".pyc")


def _pydantic_version() -> bytes:
    """pydantic's version file, found without importing pydantic."""
    from importlib.util import find_spec

    spec = find_spec("pydantic")
    if spec is None or spec.origin is None:
        return b"no pydantic"
    try:
        return (Path(spec.origin).parent / "version.py").read_bytes()
    except OSError:
        return b"unreadable pydantic version"


class _Hash(Protocol):
    def update(self, data: bytes, /) -> None: ...
    def hexdigest(self) -> str: ...


class _Crc:
    """CRC-32 and length, behind hashlib's interface: enough to tell the shipped dataset from
    an edited checkout (nobody forges a file in site-packages), without importing hashlib."""

    def __init__(self, data: bytes = b"") -> None:
        self.crc, self.size = 0, 0
        self.update(data)

    def update(self, data: bytes, /) -> None:
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)

    def hexdigest(self) -> str:
        return f"crc32-{self.size:x}-{self.crc:08x}"


def _hasher(strong: bool, first: bytes) -> _Hash:
    if strong:
        import hashlib

        return hashlib.sha256(first)
    return _Crc(first)


def code_digest(*, with_pydantic: bool = True) -> str:
    """What the validating code is: its bytes, the package version and (unless told not to)
    pydantic's version. SHA-256 for the cache, CRC-32 for the shipped dataset's check."""
    h = _hasher(with_pydantic, f"mrt-guide {__version__}\0".encode())
    for path in _code_files():
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            h.update(f"{path.name}\0{len(data)}\0".encode())
            h.update(data)
    if with_pydantic:
        h.update(_pydantic_version())
    return h.hexdigest()


def key(raw: dict[str, bytes | None], code: str | None = None) -> str:
    """The key of a dataset: its files' bytes (None for an absent optional file) and the code
    (SHA-256, unless the code digest is the shipped dataset's CRC-32 one)."""
    code = code or code_digest()
    h = _hasher(not code.startswith("crc32-"), code.encode())
    for name in sorted(raw):
        data = raw[name]
        h.update(f"\0{name}\0{'absent' if data is None else len(data)}\0".encode())
        h.update(data or b"")
    return h.hexdigest()


def folder() -> Path | None:
    """The cache folder, or None where there is no proper one (the run then validates every time).

    ``$MRT_GUIDE_CACHE_DIR`` if it is an absolute path; else the platform's user cache
    folder (XDG on Linux: a relative ``$XDG_CACHE_HOME`` is ignored, as the spec says).
    A home folder that does not exist is never created: a reading command writes
    nothing into ``/`` or the working directory.
    """
    chosen = os.environ.get(CACHE_ENV, "")
    if chosen:
        return Path(chosen) if os.path.isabs(chosen) else None
    import platformdirs

    base = Path(platformdirs.user_cache_dir("mrt-guide", appauthor=False))
    home = base.parent.parent
    if not base.is_absolute() or home == Path(base.anchor) or not home.is_dir():
        return None
    return base


def _entry(directory: Path, dataset_key: str) -> Path:
    return directory / f"dataset-{dataset_key[:40]}.json"


def get(dataset_key: str) -> dict[str, Any] | None:
    """The cached normalised dataset for ``dataset_key``, or None (no entry, or one not to trust)."""
    directory = folder()
    if directory is None:
        return None
    path = _entry(directory, dataset_key)
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode):
            return None  # a symlink, pipe or device in place of an entry: never followed
        if hasattr(os, "geteuid") and (info.st_uid != os.geteuid() or info.st_mode & 0o022):
            return None  # someone else's file, or one others may change
        entry = json.loads(read_bytes(path, 4 * MAX_FILE_BYTES))
    except (OSError, ReadError, ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != dataset_key:
        return None
    if not isinstance(entry.get("sections"), dict) or not isinstance(entry.get("index"), dict):
        return None
    return entry


def put(dataset_key: str, sections: dict[str, Any], index: dict[str, Any]) -> None:
    """Remember a validated dataset. Best effort: without a cache, the next run validates again."""
    directory = folder()
    if directory is None:
        return
    text = json.dumps({"format": FORMAT, "key": dataset_key, "sections": sections, "index": index})
    tmp = None
    try:
        import tempfile

        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry-", suffix=".tmp", dir=directory)  # O_EXCL, mode 0600
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, _entry(directory, dataset_key))
        tmp = None
        _prune(directory)
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _prune(directory: Path) -> None:
    entries = []
    for path in directory.glob("dataset-*.json"):
        with contextlib.suppress(OSError):
            entries.append((path.lstat().st_mtime, path))
    for _, path in sorted(entries)[:-KEPT]:
        with contextlib.suppress(OSError):
            path.unlink()
