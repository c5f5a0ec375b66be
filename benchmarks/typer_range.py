"""Why pyproject.toml keeps Typer below 0.29: mrt-guide's start-up under each Typer release.

Makes one virtual environment per Typer version (pip, from the package index), installs
this checkout into each, then times the fast paths interleaved and says which modules
each run loads. Prints a table of medians in milliseconds.

    python benchmarks/typer_range.py                       # 0.28.0 against 0.29.2, 15 runs
    python benchmarks/typer_range.py --versions 0.27.3 0.28.0 0.29.2 --runs 25
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CASES = {
    "--version": ["--version"],
    "salary --json": ["salary", "--json"],
    "certs RHIT --json": ["certs", "RHIT", "--json"],
    "steps": ["steps"],
}
LOADED = (
    "import json, os, sys\n"
    "leave = os._exit\n"
    "def report(status):\n"
    "    print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})), file=sys.stderr)\n"
    "    leave(status)\n"
    "os._exit = report\n"
    "from mrt_guide.entry import main\n"
    "sys.argv[0] = 'mrt-guide'\n"
    "main()\n"
)


def venv(folder: Path, version: str) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    deps = ["rich>=13.8", "pydantic>=2.7,<3", "platformdirs>=4", "xlrd>=2.0.1,<3", "icalendar>=6"]
    subprocess.run([*pip, f"typer=={version}", *deps], check=True)
    subprocess.run([*pip, "--no-deps", str(REPO)], check=True)  # past the pin, on purpose
    return folder / "bin"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", nargs="+", default=["0.28.0", "0.29.2"])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        bins = {v: venv(Path(scratch) / v, v) for v in args.versions}
        env = {**os.environ, "MRT_GUIDE_CACHE_DIR": str(Path(scratch) / "cache"), "COLUMNS": "80"}
        env["MRT_GUIDE_HOME"] = str(Path(scratch) / "home")
        times: dict[tuple[str, str], list[float]] = {}
        loads: dict[tuple[str, str], list[str]] = {}
        for v, bin_dir in bins.items():
            for name, argv in CASES.items():
                done = subprocess.run(
                    [str(bin_dir / "python"), "-c", LOADED, *argv], env=env, capture_output=True, text=True
                )
                found = set(json.loads(done.stderr.strip().splitlines()[-1]))
                loads[(v, name)] = sorted(found & {"rich", "pydantic", "pydantic_core"})
        for run in range(args.runs + 1):  # the first round warms up
            for name, argv in CASES.items():
                for v, bin_dir in bins.items():
                    started = time.perf_counter()
                    subprocess.run(
                        [str(bin_dir / "mrt-guide"), *argv], env=env, capture_output=True, check=True
                    )
                    if run:
                        times.setdefault((v, name), []).append((time.perf_counter() - started) * 1000)
    print(f"mrt-guide start-up by Typer release, median of {args.runs} interleaved runs (ms)")
    print()
    print("| case | " + " | ".join(f"Typer {v}" for v in args.versions) + " |")
    print("|---|" + "---:|" * len(args.versions))
    for name in CASES:
        cells = []
        for v in args.versions:
            heavy = ", ".join(loads[(v, name)]) or "neither"
            cells.append(f"{statistics.median(times[(v, name)]):.0f} (loads {heavy})")
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
