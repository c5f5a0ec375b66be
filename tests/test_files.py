"""What a command writes where the user points it: whole or not at all, and never a rename over
something that is not a file (as root, that would replace a device with a regular file)."""

from __future__ import annotations

import os
import socket
import stat
import threading
from pathlib import Path
from typing import Any

import pytest


def _drain(fifo: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(fifo, "rb") as fh:
            into.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("args", [["salary", "--export"], ["ce", "export"], ["ce", "calendar"]], ids=" ".join)
def test_a_character_device_is_written_into_not_replaced(cli: Any, tmp_path: Path, args: list[str]) -> None:
    if args[0] == "ce":
        assert cli("ce", "credential", "add", "RHIT", "--earned", "2025-03-13").exit_code == 0
        assert cli("ce", "add", "--title", "Webinar", "--date", "2025-06-10", "--hours", "2").exit_code == 0
    node = tmp_path / {"--export": "null.html", "export": "null.csv", "calendar": "null.ics"}[args[-1]]
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # /dev/null's numbers
    result = cli(*args, str(node))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.stat(node).st_mode) and os.stat(node).st_rdev == os.makedev(1, 3)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_named_pipe_gets_the_whole_export(cli: Any, tmp_path: Path) -> None:
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _drain(fifo, got)
    result = cli("salary", "--export", str(fifo))
    reader.join(30)
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert got and got[0].startswith(b"# ") and b"Median" in got[0] and got[0].endswith(b"\n")


def test_a_socket_is_refused_and_left_alone(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(target))
        result = cli("salary", "--export", str(target))
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == f"Error: Cannot export to '{target}': it is a socket. Give a file name.\n"
        assert stat.S_ISSOCK(os.stat(target).st_mode)
    finally:
        sock.close()


def test_an_export_replaces_a_file_whole_with_the_umask_applied(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    old = os.umask(0o027)
    try:
        result = cli("salary", "--export", str(target))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert target.read_text().startswith("{") and stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
