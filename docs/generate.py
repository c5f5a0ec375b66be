"""Regenerate docs/cli.md (every command's real --help), the example outputs in README.md and
mrt_guide/records.py (the typed records, from mrt_guide/contract.py).

    python docs/generate.py           rewrite what is stale
    python docs/generate.py --check   exit 1 if anything is stale (tests/test_docs.py runs this)

README examples sit between ``<!-- example: ARGS | LINES -->`` and the end of the
console block after it; LINES is how many lines of output to keep.
"""

from __future__ import annotations

import atexit
import functools
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from mrt_guide.cli import app, tree

ROOT = Path(__file__).resolve().parent.parent
CLI_MD = ROOT / "docs" / "cli.md"
README = ROOT / "README.md"
KEYS = re.compile(r"(<!-- generated: json-keys[^\n]*-->)\n.*?(<!-- end: json-keys -->)", re.S)
"""The README's table of JSON keys, written from ``contract.key_table()``."""
RECORDS = ROOT / "mrt_guide" / "records.py"
ENV = {
    "COLUMNS": "80",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "LANG": "C.UTF-8",
    "LC_ALL": "",
    "MRT_GUIDE_DATA": "",
    # the examples show the dataset as shipped, whatever the person regenerating them imported
    "MRT_GUIDE_HOME": str(ROOT / "docs" / ".no-user-folder"),
}
EXAMPLE = re.compile(
    r"(<!-- example: (?P<args>[^|]+?) \| (?P<lines>\d+) -->\n```console\n)(?P<body>.*?)(```)", re.S
)


DEMO = [
    ["ce", "credential", "add", "CCS", "--earned", "2023-11-02"],
    ["ce", "credential", "add", "RHIT", "--earned", "2024-05-06"],
    ["ce", "add", "--title", "ICD-10-CM/PCS updates", "--provider", "AHIMA", "--date", "2025-12-04",
     "--hours", "3", "--ahima-source"],
    ["ce", "add", "--title", "CDI query compliance", "--provider", "State HIM association",
     "--date", "2026-02-18", "--minutes", "105", "--ahima-source"],
    ["ce", "add", "--title", "Spreadsheets for data quality", "--provider", "Community college",
     "--date", "2026-04-09", "--ceus", "4", "--not-in-domain"],
    ["ce", "add", "--title", "Outpatient coding webinar", "--provider", "Coding vendor",
     "--date", "2026-06-23", "--ceus", "6"],
]  # fmt: skip
"""The CE log the README's ``ce`` examples read: a holder of the CCS and the RHIT, part-way
through a cycle. Built afresh in a temporary folder on each run."""


@functools.cache
def demo_home() -> str:
    home = tempfile.mkdtemp(prefix="mrt-guide-demo-")
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    for args in DEMO:
        result = CliRunner().invoke(app, args, env={**ENV, "MRT_GUIDE_HOME": home}, prog_name="mrt-guide")
        if result.exit_code != 0:
            raise SystemExit(f"mrt-guide {' '.join(args)} failed: {result.stderr}")
    return home


def output(args: list[str]) -> str:
    env = {**ENV, "MRT_GUIDE_HOME": demo_home()} if args[:1] == ["ce"] and "--help" not in args else ENV
    result = CliRunner().invoke(app, args, env=env, prog_name="mrt-guide")
    if result.exit_code != 0:
        raise SystemExit(f"mrt-guide {' '.join(args)} failed: {result.stderr}")
    return "\n".join(line.rstrip() for line in result.stdout.splitlines()).strip("\n") + "\n"


def commands() -> list[tuple[str, ...]]:
    """Every command path, the root first, in the order of the root's help."""
    return [path for path, _ in tree()]


def cli_md() -> str:
    parts = [
        "# mrt-guide command reference\n",
        "Generated from the real `--help` output by `python docs/generate.py`; "
        "`tests/test_docs.py` fails when it is stale.\n",
    ]
    for path in commands():
        title = " ".join(("mrt-guide", *path))
        parts.append(f"## `{title}`\n\n```text\n{output([*path, '--help'])}```\n")
    return "\n".join(parts)


def readme(text: str) -> str:
    def fill(match: re.Match[str]) -> str:
        args = shlex.split(match["args"])
        lines = output(args).splitlines()
        keep = int(match["lines"])
        shown = lines[:keep] + (["..."] if len(lines) > keep else [])
        body = f"$ mrt-guide {match['args']}\n" + "\n".join(shown) + "\n"
        return match.group(1) + body + match.group(5)

    from mrt_guide.contract import key_table

    text = EXAMPLE.sub(fill, text)
    return KEYS.sub(lambda m: m.group(1) + "\n" + key_table() + m.group(2), text)


def records() -> str:
    """mrt_guide/records.py as the contract makes it, formatted as ruff formats the code."""
    import subprocess

    from mrt_guide.contract import typed_dicts

    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run(
        [str(ruff) if ruff.exists() else "ruff", "format", "--stdin-filename", str(RECORDS), "-"],
        input=typed_dicts(),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return done.stdout


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    generated = ((CLI_MD, cli_md()), (README, readme(README.read_text("utf-8"))), (RECORDS, records()))
    for path, fresh in generated:
        current = path.read_text("utf-8") if path.exists() else ""
        if current != fresh:
            stale.append(path.relative_to(ROOT))
            if not check:
                path.write_text(fresh, "utf-8")
    if check and stale:
        print(f"stale: {', '.join(map(str, stale))}; run python docs/generate.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
