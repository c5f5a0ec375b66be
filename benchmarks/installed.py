"""Which ``mrt-guide`` the benchmarks time: a copy installed as users install it.

The README installs with ``pip install .``: the package, its data and the pre-validated
``bundled.json`` are one build, used as they are. An editable install (``pip install -e``,
the developers' venv) instead reads every data file and hashes them with the validating
code on each run, in case someone edited either since: a cost no user pays. So when the
``mrt-guide`` found is an editable install, the benchmark installs this checkout with
``pip install .`` into a temporary virtual environment and times that one (``--exe``
names another copy; ``--editable`` times the editable one anyway).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_WHERE = "import json, mrt_guide; print(json.dumps(mrt_guide.__file__))"


def is_editable(python: str) -> bool:
    """True when ``python`` imports mrt_guide from a source checkout rather than site-packages."""
    found = subprocess.run([python, "-c", _WHERE], capture_output=True, text=True, check=False)
    if found.returncode != 0:
        return False
    return "site-packages" not in Path(found.stdout.strip().strip('"')).parts


class _Installed(AbstractContextManager[str]):
    """A temporary virtual environment with this checkout installed by ``pip install .``;
    entering it gives the path of its ``mrt-guide``."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="mrt-guide-bench-")

    def __enter__(self) -> str:
        folder = Path(self._folder.name)
        print(
            "Timing a copy installed from this checkout with 'pip install .', as the README "
            "installs it (an editable install also checks the data files on every run) ...",
            file=sys.stderr,
        )
        venv.create(folder, with_pip=True)
        pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        result = subprocess.run(
            [*pip, "--disable-pip-version-check", str(REPO)], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            self._folder.cleanup()
            sys.exit(f"pip install . failed:\n{result.stderr}")
        return str(folder / "bin" / "mrt-guide")

    def __exit__(self, *exc: object) -> None:
        self._folder.cleanup()


def timed_copy(exe: str, *, editable: bool) -> AbstractContextManager[str]:
    """``exe`` itself, unless it is an editable install (and ``editable`` is False): then a
    fresh ``pip install .`` of this checkout, removed on leaving."""
    python = Path(exe).with_name("python")
    if editable or not python.exists() or not is_editable(str(python)):
        return nullcontext(exe)
    return _Installed()
