"""Start-up benchmark for the installed ``mrt-guide`` (plain Python, no extra dependency).

Runs every command of the installed package, its ``--json`` form, ``--version``,
a completion request, ``python -c pass`` and ``reference_app.py`` (a minimal
Typer + Rich app printing a three-row table), interleaved A B A B ... in one
process, after a warm-up. Prints the median wall time of each, its ratio to the
reference (the median of each round's ratio to the reference run beside it, steady when
the machine's speed drifts between rounds), the peak RSS of each, and which targets of
issue 7 hold.

    python benchmarks/startup.py            # 15 runs each
    python benchmarks/startup.py --runs 30

Exit status: 0 when every target holds, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from installed import timed_copy

HERE = Path(__file__).resolve().parent
TABLE_COMMANDS = [
    ["facts"],
    ["steps"],
    ["salary"],
    ["salary", "--history"],
    ["certs"],
    ["certs", "RHIT"],
    ["compare", "CPC", "CCS"],
    ["degrees"],
    ["outlook"],
    ["careers"],
    ["careers", "medical-coders"],
    ["duties"],
    ["skills"],
    ["workplaces"],
    ["about"],
    ["sources"],
    ["search", "coding"],
    [
        "plan",
        "--education",
        "associate",
        "--not-him",
        "--goal",
        "coding",
        "--no-bachelor-later",
        "--start",
        "2027-01",
    ],
    ["guide", "--no-pager"],
    ["handout"],
    ["salary", "--state", "NJ"],
    ["salary", "--states"],
    ["data", "imports"],
    ["ce", "status"],
    ["ce", "list"],
    ["ce", "credential", "list"],
    ["ce", "work", "list"],
    ["ce", "report"],
]
OTHER_COMMANDS = [
    ["data", "validate"],
    ["data", "schema", "pay"],
    ["data", "import-oews", "{state_zip}"],
    ["data", "import-projections", "{projections}"],
]
"""Commands that build the pydantic models by design (validating, generating schemas) or read a
workbook (the OEWS file made by tests/oews_layout.py; BLS's real occupation.xlsx of 2024-34 in
official/): timed, no target."""
WITH_IMPORTS = [["salary"], ["salary", "--state", "NJ"]]
"""Run with a national and a state OEWS file imported (in a folder of their own, so the cases
above time the usual start-up, with no imports)."""
ELSEWHERE = {
    "ce path", "ce add", "ce edit", "ce remove", "ce export", "ce import", "ce calendar", "ce backup",
    "ce restore", "ce credential add", "ce credential remove", "ce cycle set", "ce cycle clear", "ce profile",
    "ce work add", "ce work remove",
}  # fmt: skip
"""Commands that write the CE log or a file: not run over and over here; benchmarks/ce.py times
the log with 10,000 activities (status, list, import)."""
CE_LOG = [
    ["ce", "credential", "add", "RHIT", "--earned", "2025-03-13"],
    ["ce", "credential", "add", "CCS", "--earned", "2025-03-13"],
    ["ce", "add", "--title", "Coding update", "--date", "2025-06-10", "--hours", "2.5", "--ahima-source"],
    ["ce", "add", "--title", "Privacy webinar", "--date", "2025-09-01", "--minutes", "50"],
    ["ce", "work", "add", "--role", "coding", "--start", "2025-01"],
]
"""A small CE log in a temporary folder, so the ce commands read something."""
COMPLETE_ENV = {"_MRT_GUIDE_COMPLETE": "complete_bash", "COMP_WORDS": "mrt-guide certs CC", "COMP_CWORD": "2"}


@dataclass
class Case:
    name: str
    argv: list[str]
    kind: str  # reference, baseline, table, document, json, version, completion, other
    env: dict[str, str] = field(default_factory=dict)
    times: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)

    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    def peak_mib(self) -> float:
        return max(self.rss) / 1024


def run_once(case: Case, base_env: dict[str, str]) -> None:
    env = {**base_env, **case.env}
    start = time.perf_counter()
    proc = subprocess.Popen(case.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        sys.exit(f"{case.name} failed with exit status {proc.returncode}:\n{err}")
    case.times.append(elapsed)
    case.rss.append(usage.ru_maxrss)  # KiB on Linux


def cases(exe: str, python: str, files: dict[str, str] | None = None) -> list[Case]:
    """Every case; ``files`` names the OEWS fixture and the folders the import cases use."""
    files = files or {}
    out = [
        Case("reference (Typer + Rich table)", [python, str(HERE / "reference_app.py")], "reference"),
        Case("python -c pass", [python, "-c", "pass"], "baseline"),
        Case("mrt-guide --version", [exe, "--version"], "version"),
        Case("completion: certs CC<TAB>", [exe], "completion", env=COMPLETE_ENV),
    ]
    for argv in TABLE_COMMANDS:
        kind = "document" if argv[0] == "guide" else "table"
        out.append(Case("mrt-guide " + " ".join(argv), [exe, *argv], kind))
        if argv[0] != "guide":
            out.append(Case("mrt-guide " + " ".join(argv) + " --json", [exe, *argv, "--json"], "json"))
    home = {"MRT_GUIDE_HOME": files.get("import_home", "")}
    for argv in OTHER_COMMANDS:
        filled = [a.format(**files) for a in argv]
        shown = [Path(a).name if a != b else a for a, b in zip(filled, argv, strict=True)]
        out.append(Case("mrt-guide " + " ".join(shown), [exe, *filled], "other", env=home))
    for argv in WITH_IMPORTS:
        imported = {"MRT_GUIDE_HOME": files.get("imported_home", "")}
        name = "mrt-guide " + " ".join(argv) + " (2 files imported)"
        out.append(Case(name, [exe, *argv], "table", env=imported))
        out.append(Case(name.replace(" (", " --json ("), [exe, *argv, "--json"], "json", env=imported))
    return out


def oews_files(folder: Path, exe: str, cache: str) -> dict[str, str]:
    """The fixture OEWS files (tests/oews_layout.py, made-up numbers), and a folder where a
    national and a state file are imported already. Made in a process of their own: a child
    reports at least its parent's peak RSS, and openpyxl here would inflate every case's."""
    made = folder / "fixtures"
    made.mkdir()
    script = str(HERE.parent / "tests" / "oews_layout.py")
    state_zip, national = subprocess.run(  # this script's Python: the timed copy has no openpyxl
        [sys.executable, script, str(made)], check=True, capture_output=True, text=True
    ).stdout.split()
    files = {
        "state_zip": state_zip,
        "national": national,
        "projections": str(HERE.parent / "official" / "projections" / "occupation_2024-34.xlsx"),
        "import_home": str(folder / "home-import"),
        "imported_home": str(folder / "home-imported"),
    }
    for name in ("state_zip", "national"):
        env = {**os.environ, "MRT_GUIDE_HOME": files["imported_home"], "MRT_GUIDE_CACHE_DIR": cache}
        subprocess.run([exe, "data", "import-oews", files[name]], env=env, check=True, capture_output=True)
    return files


def unbenchmarked(python: str) -> list[str]:
    """Commands of the installed package that no case runs (the list above must grow with the CLI)."""
    script = (
        "from mrt_guide.cli import tree\n"
        "print('\\n'.join(' '.join(p) for p, c in tree() if not hasattr(c, 'list_commands')))"
    )
    names = subprocess.run(
        [python, "-c", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()

    def name(argv: list[str]) -> str:
        groups = (["credential"], ["cycle"], ["work"])
        depth = {"data": 2, "ce": 3 if argv[1:2] in groups else 2}.get(argv[0], 1)
        return " ".join(argv[:depth])

    covered = {name(a) for a in TABLE_COMMANDS + OTHER_COMMANDS} | ELSEWHERE
    return sorted(set(names) - covered)


TARGETS = {"table": 1.0, "document": 2.0, "json": 0.9, "version": 0.9, "completion": 0.6}
"""Ratios to the reference. The whole guide ("document") draws about 2,200 lines where the
reference draws a three-row table: its target is what drawing them costs, not a screen's."""
RSS_MARGIN_MIB = 10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each case (default 15)")
    beside = Path(sys.executable).with_name("mrt-guide")  # the venv this script runs in
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
        return print("mrt-guide is not on PATH; install it or pass --exe.", file=sys.stderr) or 2
    with timed_copy(args.exe, editable=args.editable) as exe:
        args.exe = exe
        return measure(args)


def measure(args: argparse.Namespace) -> int:
    """Time every case against the reference and print the table; 0 when every target holds."""
    python = str(Path(args.exe).with_name("python"))
    if not Path(python).exists():
        python = sys.executable
    missing = unbenchmarked(python)
    if missing:
        print(f"not benchmarked: {', '.join(missing)}; add them to TABLE_COMMANDS", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as cache, tempfile.TemporaryDirectory() as scratch:
        # the user's own folder is never touched: a fresh, empty one for every case but the imports
        os.environ["MRT_GUIDE_HOME"] = str(Path(scratch) / "home")
        all_cases = cases(args.exe, python, oews_files(Path(scratch), args.exe, cache))
        env = {**os.environ, "COLUMNS": "80", "MRT_GUIDE_CACHE_DIR": cache}
        env.pop("MRT_GUIDE_DATA", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode, as pip compiles it
        for argv in CE_LOG:
            subprocess.run([args.exe, *argv], env=env, check=True, capture_output=True)
        for case in all_cases:  # warm-up: disk cache, .pyc files, the validated-dataset stamp
            run_once(case, env)
            case.times.clear()
            case.rss.clear()
        for _ in range(args.runs):
            for case in all_cases:
                run_once(case, env)

    ref = all_cases[0]
    ref_rss = ref.peak_mib()
    print(
        f"mrt-guide start-up, {args.runs} interleaved runs each; {platform.node() or 'this machine'}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}"
    )
    print()
    name_w = max(len(case.name) for case in all_cases)
    print(f"| {'case':<{name_w}} | median ms | ratio | target | peak RSS MiB | holds |")
    print(f"|{'-' * (name_w + 2)}|----------:|------:|-------:|-------------:|:-----:|")
    failures = 0
    for case in all_cases:
        ratio = statistics.median(a / b for a, b in zip(case.times, ref.times, strict=True))
        target = TARGETS.get(case.kind)
        ok = True
        if target is not None:
            ok = ratio <= target and case.peak_mib() <= ref_rss + RSS_MARGIN_MIB
        failures += not ok
        shown_target = f"{target:.1f}" if target else "-"
        mark = ("yes" if ok else "NO") if target else "-"
        print(
            f"| {case.name:<{name_w}} | {case.median_ms():9.0f} | {ratio:5.2f} | {shown_target:>6} | "
            f"{case.peak_mib():12.1f} | {mark:^5} |"
        )
    print()
    print(
        f"Targets: tables <= 1.0 x reference, the whole guide <= 2.0, --json and --version <= 0.9, "
        f"completion <= 0.6; "
        f"peak RSS <= reference + {RSS_MARGIN_MIB} MiB ({ref_rss + RSS_MARGIN_MIB:.1f} MiB)."
    )
    print("All targets hold." if not failures else f"{failures} case(s) miss a target.")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
