"""CE log benchmark: a log of 10,000 activities, timed against the reference Typer + Rich script.

Builds a CE log in a temporary folder (an RHIT and a CCS since 2016, an ODS since 2017),
imports 10,000 activities spread over those years from a CSV file (timed: the import is
one transaction), then runs ``ce status``, ``ce list --json`` and a few more forms
interleaved with ``reference_app.py``, after a warm-up, and prints the median wall time
of each and its ratio to the reference (the median of each round's ratio to the reference
run beside it, so a machine whose speed drifts between rounds does not move it) and the
targets of issues 16 and 21 (``ce status`` and ``ce list --json`` at most 1.0 x the
reference, a ``ce list`` table and ``ce report --export r.html`` within 1.5 x; the import
within a few seconds).

    python benchmarks/ce.py              # 15 runs each
    python benchmarks/ce.py --runs 30 --activities 20000

Exit status: 0 when every target holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import timed_copy

HERE = Path(__file__).resolve().parent
CREDENTIALS = [("RHIT", "2016-01-04"), ("CCS", "2016-01-04"), ("ODS", "2017-06-20")]
CASES: list[tuple[list[str], float | None]] = [
    (["ce", "status"], 1.0),
    (["ce", "list", "--json"], 1.0),
    (["ce", "list"], 1.5),
    (["ce", "report", "--export", "{tmp}/r.html"], 1.5),
    (["ce", "status", "--json"], None),
    (["ce", "list", "--cycle", "all", "--json"], None),
]
"""What is timed, and its target as a ratio to the reference (None: reported only; issue 21
item 10). ``{tmp}`` is the benchmark's temporary folder."""
IMPORT_TARGET_S = 5.0
TOPICS = ["coding update", "CDI webinar", "privacy course", "staging"]


def activities_csv(path: Path, count: int, seed: int = 16) -> None:
    """``count`` activities from 2016-01-05 to last month, for the AHIMA or the NCRA credentials."""
    rng = random.Random(seed)
    start = dt.date(2016, 1, 5)
    days = (dt.date.today().replace(day=1) - start).days
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\r\n")
        out.writerow(["date", "title", "provider", "minutes", "ceus", "for", "ahima_source", "in_person"])
        for n in range(count):
            ncra = n % 4 == 0
            minutes, ceus = (
                ("", str(rng.choice([1, 1.5, 2, 3]))) if n % 3 == 0 else (str(rng.randint(30, 240)), "")
            )
            out.writerow(
                [
                    (start + dt.timedelta(days=rng.randrange(days))).isoformat(),
                    f"Activity {n}: {rng.choice(TOPICS)}",
                    rng.choice(["AHIMA", "State association", "Vendor", "NCRA", ""]),
                    minutes,
                    ceus,
                    "ODS" if ncra else "RHIT CCS",
                    "yes" if not ncra and n % 5 == 0 else "no",
                    "yes" if ncra and n % 7 == 0 else "no",
                ]
            )


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.decode()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each case (default 15)")
    parser.add_argument(
        "--activities", type=int, default=10_000, help="activities in the log (default 10,000)"
    )
    beside = Path(sys.executable).with_name("mrt-guide")
    parser.add_argument(
        "--exe",
        default=str(beside) if beside.exists() else shutil.which("mrt-guide"),
        help="the installed mrt-guide to time (default: the one beside this Python, else on PATH)",
    )
    parser.add_argument(
        "--editable",
        action="store_true",
        help="time an editable install as it is (default: time a 'pip install .' of this checkout)",
    )
    args = parser.parse_args()
    if not args.exe:
        print("mrt-guide is not on PATH; install it or pass --exe.", file=sys.stderr)
        return 2
    with timed_copy(args.exe, editable=args.editable) as exe:
        args.exe = exe
        return measure(args)


def measure(args: argparse.Namespace) -> int:
    """Build the log, time every case and print the table; 0 when every target holds."""
    python = str(Path(args.exe).with_name("python"))
    if not Path(python).exists():
        python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "COLUMNS": "80",
            "MRT_GUIDE_HOME": f"{tmp}/home",
            "MRT_GUIDE_CACHE_DIR": f"{tmp}/c",
        }
        env.pop("MRT_GUIDE_DATA", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed wheel has its bytecode, as pip compiles it
        for cred, earned in CREDENTIALS:
            add = [args.exe, "ce", "credential", "add", cred, "--earned", earned]
            subprocess.run(add, env=env, check=True, capture_output=True)
        source = Path(tmp) / "activities.csv"
        activities_csv(source, args.activities)
        import_s = timed([args.exe, "ce", "import", str(source)], env)
        again_s = timed([args.exe, "ce", "import", str(source)], env)
        size = (Path(tmp) / "home" / "ce.db").stat().st_size
        cases = [("reference (Typer + Rich table)", [python, str(HERE / "reference_app.py")], None)]
        cases += [
            (
                "mrt-guide " + " ".join(argv).replace("{tmp}/", ""),
                [args.exe, *(a.format(tmp=tmp) for a in argv)],
                target,
            )
            for argv, target in CASES
        ]
        times: dict[str, list[float]] = {name: [] for name, _, _ in cases}
        for _name, argv, _ in cases:  # warm-up
            timed(argv, env)
        for _ in range(args.runs):
            for name, argv, _ in cases:
                times[name].append(timed(argv, env))
    print(
        f"mrt-guide CE log, {args.activities:,} activities, {args.runs} interleaved runs each; "
        f"{platform.node() or 'this machine'}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    print()
    width = max(len(name) for name, _, _ in cases)
    print(f"| {'case':<{width}} | median ms | ratio | target | holds |")
    print(f"|{'-' * (width + 2)}|----------:|------:|-------:|:-----:|")
    failures = 0
    for name, _, target in cases:
        median = statistics.median(times[name])
        ratio = statistics.median(a / b for a, b in zip(times[name], times[cases[0][0]], strict=True))
        ok = target is None or ratio <= target
        failures += not ok
        mark = "-" if target is None else ("yes" if ok else "NO")
        shown = "-" if target is None else f"{target:.1f}"
        print(f"| {name:<{width}} | {median * 1000:9.0f} | {ratio:5.2f} | {shown:>6} | {mark:^5} |")
    ok = import_s <= IMPORT_TARGET_S
    failures += not ok
    print()
    print(
        f"Import of {args.activities:,} rows (one transaction, a fresh process): {import_s:.2f} s "
        f"(target {IMPORT_TARGET_S:.0f} s: {'holds' if ok else 'MISSED'}); the same file again, "
        f"adding nothing: {again_s:.2f} s. Log size: {size / 2**20:.1f} MiB."
    )
    print("All targets hold." if not failures else f"{failures} target(s) missed.")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
