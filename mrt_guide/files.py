"""Writing a file the user named, whole or not at all, without ever replacing what is not a file.

A file is written to a temporary name beside it and renamed over the target, so a crash
leaves the old file or the new one, never half of one. A rename replaces a directory
entry, whatever it is: as root, ``--export /dev/zero`` would put a regular file where the
device was. So a target that exists and is not a regular file is written in place when it
is a stream (a character device such as ``/dev/stdout``, or a named pipe), as a shell's
``>`` would, and refused otherwise (a block device, a socket).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class Refused(Exception):
    """The target is something a file must not replace; ``reason`` says what it is."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def stream(path: Path) -> bool:
    """Whether ``path`` is a stream to write into (no rename), refusing what is neither a
    stream nor a regular file. A missing path is a new regular file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return False
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return True
    if stat.S_ISDIR(mode):
        raise Refused("it is a folder. Give a file name")
    what = "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a file"
    raise Refused(f"it is {what}. Give a file name")


def write(path: Path, data: bytes, mode: int = 0o666) -> None:
    """Write ``data`` to ``path`` whole or not at all; a new file gets ``mode`` (less the
    umask). Raises ``Refused`` or ``OSError``."""
    if stream(path):
        with open(path, "wb") as fh:
            fh.write(data)
        return
    tmp = path.with_name(f".{path.name[:200]}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
