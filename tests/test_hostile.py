"""Nothing breaks, round two: one real-process test per class of the robustness attack
(special files, parser limits, signals, output errors, the environment, slow input)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import DATA
from .test_installed import command, run

DOCUMENTED = {0, 1, 2, 65, 70, 74, 129, 130, 143}


def clean(result: subprocess.CompletedProcess[str], status: int) -> None:
    assert result.returncode == status, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert "internal error" not in result.stderr


# special files and sizes


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "dev-urandom", "socket"])
def test_a_special_file_in_place_of_a_data_file_never_hangs(tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    target = data / "pay.json"
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "socket":
        import socket

        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    else:
        target.symlink_to(f"/dev/{kind.split('-')[1]}")
    for args in (["salary"], ["data", "validate"]):
        result = run("--data", str(data), *args)  # run() has a timeout: a hang fails
        clean(result, 65)
        assert "pay.json" in result.stderr and result.stdout == ""
    completion = run(
        env={
            "_MRT_GUIDE_COMPLETE": "complete_bash",
            "COMP_WORDS": "mrt-guide certs CC",
            "COMP_CWORD": "2",
            "MRT_GUIDE_DATA": str(data),
        }
    )
    assert completion.returncode == 0 and completion.stdout.strip() == ""


def test_a_data_folder_you_may_not_read(tmp_path: Path) -> None:
    """As an ordinary user (root is dropped to nobody with setpriv, since root reads anything)."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    tmp_path.chmod(0o755)
    data.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv to drop to an ordinary user")
        prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    try:
        env = {
            **os.environ,
            "HOME": str(tmp_path),
            "MRT_GUIDE_CACHE_DIR": str(tmp_path / "cache"),
            "LANG": "C.UTF-8",
        }
        result = subprocess.run(
            [*prefix, *command(), "--data", str(data), "steps"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        clean(result, 65)
        assert result.stderr.count("\n") == 1 and "Permission denied" in result.stderr
    finally:
        data.chmod(0o755)


def test_a_broken_completion_request_completes_nothing() -> None:
    result = run(
        env={"_MRT_GUIDE_COMPLETE": "complete_bash", "COMP_WORDS": "mrt-guide certs CC", "COMP_CWORD": "x"}
    )
    assert result.returncode == 0 and result.stdout.strip() == "" and result.stderr == ""


# signals


INTERRUPT_DURING_IMPORT = """
import os, signal, sys
TRIP = sys.argv[1]
class Trip:
    def find_spec(self, name, path=None, target=None):
        if name == TRIP:
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, Trip())
sys.argv[1:] = ["guide", "--no-pager"]
from mrt_guide.entry import main
main()
"""


@pytest.mark.parametrize(
    "module", ["typer", "typer.main", "mrt_guide.cli", "mrt_guide.dataset.load", "rich.console"]
)
def test_ctrl_c_while_any_module_is_imported(module: str) -> None:
    """Deterministic: Ctrl-C exactly as a module starts to import, from Typer's to Rich's."""
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPT_DURING_IMPORT, module], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 130, (result.returncode, result.stderr)
    assert result.stderr.endswith("Interrupted.\n") and "Traceback" not in result.stderr


def _wait_for_our_handlers(pid: int, timeout: float = 10) -> None:
    """Until the process runs mrt-guide's first line (entry.install catches SIGTERM and SIGHUP;
    Python itself catches only SIGINT), or it has ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            status = open(f"/proc/{pid}/status").read()  # noqa: SIM115
        except OSError:
            return
        caught = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt")), 16)
        if caught & (1 << (signal.SIGTERM - 1)) and caught & (1 << (signal.SIGHUP - 1)):
            return
        time.sleep(0.001)


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def _blocked_writing(*args: str) -> subprocess.Popen[bytes]:
    """``mrt-guide ARGS`` writing into a pipe nobody reads yet: it cannot finish before the
    test has signalled it (the guide is many times a pipe's 64 KiB)."""
    env = {**os.environ, "COLUMNS": "80", "LANG": "C.UTF-8"}
    proc = subprocess.Popen([*command(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _wait_for_our_handlers(proc.pid)
    return proc


def _ended(proc: subprocess.Popen[bytes]) -> str:
    """What the process said on stderr once it ended."""
    _, err = proc.communicate(timeout=60)
    return err.decode("utf-8", "replace")


SIGNALS = [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)]


@pytest.mark.parametrize("moment", ["as soon as it starts", "while it writes"])
@pytest.mark.parametrize(("sig", "status"), SIGNALS)
def test_signals_end_with_their_statuses(sig: int, status: int, moment: str) -> None:
    """A signal ends the run like any other, 130 and "Interrupted." for Ctrl-C, 143 and 129
    quietly for TERM and HUP: at the first moment mrt-guide's own code runs (its handlers
    installed, Typer not yet imported), and blocked on a full pipe in mid-output.

    (Before that first moment, the process is still Python's own start-up and the console
    script's wrapper, which run no code of ours: the system ends it, 130 in a shell.)
    ``test_ctrl_c_while_any_module_is_imported`` covers every import between."""
    proc = _blocked_writing("guide", "--no-pager")
    if moment == "while it writes":
        assert proc.stdout is not None
        proc.stdout.read(4096)  # the output has begun
    proc.send_signal(sig)
    err = _ended(proc)
    assert proc.returncode == status, (proc.returncode, err)
    assert err == ("\nInterrupted.\n" if sig == signal.SIGINT else ""), err


@pytest.mark.parametrize(("sig", "status"), SIGNALS)
def test_signals_while_the_pager_runs(sig: int, status: int) -> None:
    """A long-running moment (the pager is open): TERM and HUP end quietly, INT says so."""
    import pty

    env = {**os.environ, "COLUMNS": "80", "LANG": "C.UTF-8", "TERM": "xterm", "PAGER": "sleep 60"}
    reader, terminal = pty.openpty()  # stdout a terminal: the pager opens
    try:
        proc = subprocess.Popen(
            [*command(), "guide"],
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)  # until the pager has started (a hang guard, not a result)
        assert _children(proc.pid), "the pager never started"
        os.killpg(proc.pid, sig)
        _, err = proc.communicate(timeout=30)
    finally:
        os.close(reader)
        os.close(terminal)
    assert proc.returncode == status, (proc.returncode, err)
    assert "Traceback" not in err
    assert err == ("\nInterrupted.\n" if sig == signal.SIGINT else "")


# output errors


@pytest.mark.parametrize(
    "args", [["steps"], ["certs", "--plain"], ["guide", "--markdown"], ["salary", "--json"]]
)
def test_a_full_disk_is_an_output_error(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*command(), *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert result.returncode == 74, result.stderr
    assert result.stderr == "Error: cannot write the output: No space left on device.\n"


def test_a_read_only_stdout_and_a_closed_stdout_are_output_errors(tmp_path: Path) -> None:
    readonly = tmp_path / "in.txt"
    readonly.write_text("x")
    with open(readonly) as fh:
        bad = subprocess.run([*command(), "steps"], stdout=fh, stderr=subprocess.PIPE, text=True, timeout=60)
    assert bad.returncode == 74 and bad.stderr.startswith(
        "Error: cannot write the output: Bad file descriptor"
    )
    closed = subprocess.run(
        ["bash", "-c", f"{' '.join(command())} steps >&-"], capture_output=True, text=True
    )
    assert closed.returncode == 74 and closed.stderr == "Error: cannot write the output: stdout is closed.\n"
    export = subprocess.run(
        ["bash", "-c", f"{' '.join(command())} salary --export {tmp_path}/pay.md >&-"],
        capture_output=True,
        text=True,
    )
    assert export.returncode == 0 and (tmp_path / "pay.md").exists()  # nothing was meant for stdout


@pytest.mark.parametrize(
    "args",
    [
        ["steps"],
        ["salary", "--plain"],
        ["certs", "--json"],
        ["guide", "--no-pager"],
        ["--help"],
        ["--version"],
        ["plan", "--help"],
        ["data", "schema"],
        ["data", "validate"],
        ["search", "coding"],
        ["sources", "--markdown"],
    ],
)
def test_a_reader_that_closes_the_pipe_early_is_not_an_error(args: list[str]) -> None:
    for reader in ("true", "head -c1"):
        shell = f"set -o pipefail; {' '.join(command())} {' '.join(args)} | {reader} >/dev/null"
        result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, (args, reader, result.stderr)
        assert result.stderr == "", (args, reader, result.stderr)


def test_a_full_stderr_does_not_turn_a_usage_error_into_another_status() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([*command(), "certs", "RHTI"], stdout=subprocess.DEVNULL, stderr=full)
    assert result.returncode == 2


# the environment


@pytest.mark.parametrize("columns", ["2147483648", "100000000000000000000", "-5", "0", "abc", "3"])
def test_absurd_columns_are_clamped(columns: str) -> None:
    result = run("steps", env={"COLUMNS": columns})  # run() has a timeout: a hang fails
    clean(result, 0)
    assert max(len(line) for line in result.stdout.splitlines()) <= 1000


def test_a_closed_stdin() -> None:
    missing = subprocess.run(
        ["bash", "-c", f"{' '.join(command())} plan <&-"], capture_output=True, text=True
    )
    assert missing.returncode == 2 and missing.stderr.startswith("Error: Missing --education")
    whole = subprocess.run(
        ["bash", "-c", f"{' '.join(command())} plan --education associate --him --goal rhit <&-"],
        capture_output=True,
        text=True,
    )
    assert whole.returncode == 0 and "Pass the RHIT exam" in whole.stdout


def test_export_names_at_the_file_name_limit(tmp_path: Path) -> None:
    longest = tmp_path / ("a" * 250 + ".html")  # 255 bytes: the temporary name must fit too
    clean(run("salary", "--export", str(longest)), 0)
    assert longest.exists() and [p.name for p in tmp_path.iterdir()] == [longest.name]
    too_long = tmp_path / ("b" * 251 + ".html")
    result = run("salary", "--export", str(too_long))
    assert result.returncode in (2, 74) and "File name too long" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("width", ["80", "40"])
@pytest.mark.parametrize(
    "args",
    [
        ["steps"],
        ["salary"],
        ["outlook"],
        ["certs"],
        ["certs", "RHIT"],
        ["guide", "--no-pager"],
        ["handout"],
        ["search", "coding"],
        ["sources"],
        ["workplaces"],
        ["degrees"],
        ["--help"],
        ["plan", "--help"],
    ],
)
def test_lang_c_never_goes_past_the_width(args: list[str], width: str) -> None:
    result = run(*args, env={"LANG": "C", "COLUMNS": width})
    clean(result, 0)
    assert result.stdout.isascii()
    # a source's address is printed whole on its own line (the terminal wraps it)
    too_wide = [
        line
        for line in result.stdout.splitlines()
        if len(line) > int(width) and not re.fullmatch(r" *https?://\S+", line)
    ]
    assert too_wide == [], too_wide[:3]


# slow input


def test_a_search_of_thousands_of_words_answers() -> None:
    """Three thousand words get one answer (benchmarks/hostile.py times it)."""
    words = [f"zq{i}x" for i in range(3000)]
    result = run("search", *words)
    assert result.returncode == 1 and result.stderr.startswith("Error: No match for")
    assert result.stderr.count("\n") == 1 and len(result.stderr) < 300


def test_statuses_are_documented_in_the_readme() -> None:
    from .conftest import REPO

    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("## Exit status") :]
    for status in DOCUMENTED:
        assert f"| {status} |" in section, status
