"""Slow-input benchmark: how long mrt-guide takes to answer input built to be slow.

The tests check what these runs answer (tests/test_hostile.py); this script times them,
interleaved, and prints the median, minimum and maximum of each in milliseconds.

    python benchmarks/slow_input.py            # 9 runs each
    python benchmarks/slow_input.py --runs 20
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES: dict[str, tuple[list[str], dict[str, str], set[int]]] = {
    "search, 3,000 words that match nothing": (["search", *(f"zq{i}x" for i in range(3000))], {}, {0, 1}),
    "search, one word of 10,000 characters": (["search", "x" * 10_000], {}, {0, 1}),
    "steps at COLUMNS=2147483648": (["steps"], {"COLUMNS": "2147483648"}, {0}),
    "steps at COLUMNS=3": (["steps"], {"COLUMNS": "3"}, {0}),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs of each case (default 9)")
    beside = Path(sys.executable).with_name("mrt-guide")
    parser.add_argument("--exe", default=str(beside) if beside.exists() else shutil.which("mrt-guide"))
    args = parser.parse_args()
    if not args.exe:
        print("mrt-guide is not on PATH; install it or pass --exe.", file=sys.stderr)
        return 2
    times: dict[str, list[float]] = {name: [] for name in CASES}
    with tempfile.TemporaryDirectory() as cache:
        base = {**os.environ, "COLUMNS": "80", "LANG": "C.UTF-8", "MRT_GUIDE_CACHE_DIR": cache}
        for run in range(args.runs + 1):  # the first round warms up
            for name, (argv, env, statuses) in CASES.items():
                started = time.perf_counter()
                done = subprocess.run([args.exe, *argv], env={**base, **env}, capture_output=True)
                elapsed = time.perf_counter() - started
                if done.returncode not in statuses:
                    print(f"{name}: exit status {done.returncode}", file=sys.stderr)
                    return 1
                if run:
                    times[name].append(elapsed * 1000)
    width = max(map(len, CASES))
    print(f"| {'case':<{width}} | median ms | min | max |")
    print(f"|{'-' * (width + 2)}|----------:|----:|----:|")
    for name, ms in times.items():
        print(f"| {name:<{width}} | {statistics.median(ms):9.0f} | {min(ms):3.0f} | {max(ms):3.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
