"""The installed command in real processes: hostile environments, pipes, Ctrl-C, broken datasets."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from .conftest import DATA


def command() -> list[str]:
    """The installed ``mrt-guide`` beside this Python (the README's venv), else ``python -m``."""
    beside = Path(sys.executable).with_name("mrt-guide")
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "mrt_guide"]


def run(*args: str, env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "COLUMNS": "80", "LANG": "C.UTF-8", **(env or {})}
    for var in ("LC_ALL", "LC_CTYPE", "MRT_GUIDE_DATA", "FORCE_COLOR", "NO_COLOR"):
        if var not in (env or {}):
            full.pop(var, None)
    return subprocess.run([*command(), *args], capture_output=True, text=True, env=full, timeout=60, **kwargs)


@pytest.mark.parametrize("locale", [{"LANG": "C"}, {"LC_ALL": "C"}, {"LANG": "POSIX"}])
def test_c_locale_prints_ascii(locale: dict[str, str]) -> None:
    for args in (["steps"], ["salary"], ["certs", "--help"]):
        result = run(*args, env=locale)
        assert result.returncode == 0, result.stderr
        assert result.stdout.isascii() and result.stderr == ""
        assert "UnicodeEncodeError" not in result.stderr


def test_dumb_terminal_has_no_escape_codes() -> None:
    result = run("certs", "RHIT", env={"TERM": "dumb", "FORCE_COLOR": "1"})
    assert result.returncode == 0 and "\x1b[" not in result.stdout


@pytest.mark.parametrize("width", ["20", "500"])
def test_extreme_widths(width: str) -> None:
    result = run("salary", env={"COLUMNS": width})
    assert result.returncode == 0 and result.stderr == ""
    assert max(len(line) for line in result.stdout.splitlines()) <= int(width)
    assert "$37,110/yr" in result.stdout


def test_piped_into_head_is_quiet() -> None:
    shell = f"set -o pipefail; {' '.join(command())} guide --no-pager | head -1"
    result = subprocess.run(
        ["bash", "-c", shell],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Medical Records Technician: the whole guide"
    assert result.stderr == ""


def test_reader_closing_the_pipe_early() -> None:
    proc = subprocess.Popen(
        [*command(), "guide", "--markdown"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    status = proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    assert status == 0 and "Exception ignored" not in err and "Traceback" not in err and err == ""


def test_custom_dataset_with_a_fault(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "pay.json").write_text('{"figures": [', "utf-8")
    result = run("--data", str(tmp_path / "data"), "salary")
    assert result.returncode == 65 and result.stdout == ""
    assert "pay.json: is not valid JSON: Expecting value at line 1, column 14." in result.stderr
    assert "Traceback" not in result.stderr


def test_ctrl_c_at_a_prompt_in_a_real_terminal() -> None:
    """A pseudo-terminal: the plan asks, the user presses Ctrl-C, the guide leaves quietly with 130."""
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, attached to the pseudo-terminal
        os.environ.update({"TERM": "xterm", "LANG": "C.UTF-8", "COLUMNS": "80"})
        os.execv(command()[0], [*command(), "plan"])
    output = b""
    deadline = time.monotonic() + 30
    while b"Where do you stand now?" not in output and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            output += os.read(fd, 4096)
    assert b"Where do you stand now?" in output, output
    # A person reads the question before pressing Ctrl-C. (Pressed in the instant between
    # the question being printed and the program starting to read, a Ctrl-C is noticed at
    # the next key: CPython's input() blocks in read() after its handler has run. A second
    # press then ends it, as it would for the person.)
    time.sleep(0.3)
    os.write(fd, b"\x03")
    pressed_again = time.monotonic() + 5
    while time.monotonic() < deadline:
        if time.monotonic() > pressed_again:
            os.write(fd, b"\x03")
            pressed_again = deadline
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    done, status = os.waitpid(pid, os.WNOHANG)
    while not done and time.monotonic() < deadline + 5:
        time.sleep(0.05)
        done, status = os.waitpid(pid, os.WNOHANG)
    if not done:
        os.kill(pid, 9)  # fail, never hang the suite
        _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 130, output
    assert b"Traceback" not in output and b"Interrupted." in output
