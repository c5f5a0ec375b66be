"""Every format on every data command: JSON, plain, Markdown, exports; colour and width rules."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.views.fmt import number

COLOR = re.compile(r"\x1b\[[0-9;]*?(?:3[0-8]|9[0-7]|4[0-8])(?:;[0-9;]*)?m")
ANSI = re.compile(r"\x1b\[")


def figures_in(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, dict):
        if "unit" in obj and "value" in obj and "id" in obj:
            yield obj
        for key, value in obj.items():
            if key != "sources":
                yield from figures_in(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from figures_in(item)


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in records]


# command -> how to read its main records' ids from its JSON
DATA_COMMANDS: dict[str, tuple[list[str], Any]] = {
    "steps": (["steps"], lambda d: ids(d["steps"])),
    "salary": (["salary"], lambda d: ids(d["figures"])),
    "salary-history": (["salary", "--history", "--hourly"], lambda d: ids(d["figures"])),
    "salary-state": (["salary", "--state", "IL"], lambda d: ids(d["state"]["figures"] + d["national"])),
    "salary-states": (["salary", "--states"], lambda d: [r["state"] for r in d["states"]]),
    "certs": (["certs"], lambda d: ids(d["certifications"])),
    "certs-one": (["certs", "ODS"], lambda d: sorted({f["id"] for f in figures_in(d)})),
    "compare": (["compare", "CPC", "CCS", "RHIA"], lambda d: [c["id"] for c in d["columns"]]),
    "degrees": (["degrees"], lambda d: ids(d["routes"])),
    "degrees-one": (["degrees", "bs"], lambda d: [d["route"]["id"]]),
    "outlook": (["outlook"], lambda d: ids(d["projections"])),
    "careers": (["careers"], lambda d: ids(d["careers"])),
    "careers-one": (["careers", "cancer-registrars"], lambda d: [d["career"]["id"]]),
    "duties": (["duties"], lambda d: ids(d["tasks"]["items"] + d["bls_duties"]["items"] + d["duties"])),
    "skills": (["skills"], lambda d: ids(d["qualities"]["items"] + d["intro"] + d["skills"])),
    "workplaces": (["workplaces"], lambda d: ids(d["settings"])),
    "about": (["about"], lambda d: ids(d["summary"] + d["specialties"] + d["classification"])),
    "sources": (["sources"], lambda d: [s["key"] for s in d["sources"]]),
    "search": (["search", "hours"], lambda d: ids(d["results"])),
    "guide": (["guide"], lambda d: sorted({f["id"] for f in figures_in(d)})),
    "facts": (["facts"], lambda d: sorted({f["id"] for f in figures_in(d)})),
    "handout": (["handout"], lambda d: sorted({f["id"] for f in figures_in(d)})),
}
NOT_IN_DATA_COMMANDS = {
    "plan": "its milestones: tests/test_plan.py (its JSON holds renewal figures it words, not shows)",
    "data imports": "lists the user's imports, none in a fresh folder: tests/test_oews_import.py",
    "ce status": "reads the user's log, empty here: tests/test_ce.py compares its plain records",
    "ce list": "reads the user's log, empty here: tests/test_ce.py compares its plain records",
    "ce report": "reads the user's log, empty here: tests/test_ce.py",
    "ce credential list": "reads the user's log, empty here: tests/test_ce.py",
    "ce work list": "reads the user's log, empty here: tests/test_ce_work.py",
}
"""Records commands whose formats are checked by their own tests, not by the tables here."""
AS_SETS = {"certs-one", "guide", "facts", "handout"}
"""Commands whose plain records are a set (every figure shown), compared without order."""
NO_TABLE = {
    "duties",
    "skills",
    "about",
    "search",
    "steps",
    "certs-one",
    "degrees-one",
    "facts",
    "careers-one",
    "sources",
}
"""Commands whose documents are lists and panels, with no table in Markdown."""


@pytest.mark.parametrize("name", sorted(DATA_COMMANDS))
def test_plain_has_the_same_records_as_json(cli: Any, cli_json: Any, name: str) -> None:
    args, main_ids = DATA_COMMANDS[name]
    expected = main_ids(cli_json(*args))
    result = cli(*args, "--plain")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    header = lines[0].split("\t")
    assert header[0] in ("id", "key") and len(header) >= 3
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(row) == len(header) for row in rows), "one record per line, a cell per column"
    got = [row[0] for row in rows]
    assert (sorted(got) if name in AS_SETS else got) == expected
    assert not ANSI.search(result.stdout) and "│" not in result.stdout and "─" not in result.stdout


@pytest.mark.parametrize("name", sorted(DATA_COMMANDS))
def test_markdown_renders_headings_and_tables(cli: Any, name: str) -> None:
    args, _ = DATA_COMMANDS[name]
    result = cli(*args, "--markdown")
    assert result.exit_code == 0 and result.stderr == ""
    out = result.stdout
    assert out.startswith("# ")
    if name not in NO_TABLE:
        assert re.search(r"^\|.*\|\n\|(?:-{3}:?\|)+", out, re.M), "a GFM table with its rule line"
    assert not ANSI.search(out) and "│" not in out


def test_markdown_table_cells_cannot_break_the_table(cli: Any) -> None:
    out = cli("salary", "--markdown").stdout
    table = next(ln for ln in out.splitlines() if ln.startswith("| ") and "$37,110" in ln)
    assert table.count(" | ") == 4  # five cells: what, value, year, source, flag


def test_formats_are_exclusive(cli: Any) -> None:
    for pair in (["--json", "--markdown"], ["--plain", "--markdown"], ["--json", "--plain"]):
        result = cli("steps", *pair)
        assert result.exit_code == 2 and result.stdout == ""
        assert "Choose one output format" in result.stderr
    result = cli("steps", "--json", "--export", "x.html")
    assert result.exit_code == 2 and "--export picks the format" in result.stderr


@pytest.mark.parametrize("suffix", [".html", ".svg"])
def test_rich_exports_keep_figures_and_sources(cli: Any, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"guide{suffix}"
    result = cli("guide", "--export", str(path))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith(f"Wrote {path} ")
    content = path.read_text("utf-8")
    assert ("<!DOCTYPE html>" in content) if suffix == ".html" else content.lstrip().startswith("<svg")
    for needle in ("$37,110/yr", "27,800", "ooh-2016", "Job outlook", "Sources", "career-org-2018"):
        assert needle.replace(" ", "&#160;") in content.replace(" ", "&#160;"), needle
    if suffix == ".html":
        assert (
            "http://stats.bls.gov/ooh/healthcare/medical-records-and-health-information-technicians.htm"
            in content
        )


@pytest.mark.parametrize(
    ("suffix", "check"),
    [
        (".json", lambda text: json.loads(text)["figures"][0]["id"] == "oews-2025-median-annual"),
        (".md", lambda text: text.startswith("# Pay of medical records technicians")),
        (".txt", lambda text: text.splitlines()[0].split("\t")[0] == "id"),
    ],
)
def test_text_exports(cli: Any, tmp_path: Path, suffix: str, check: Any) -> None:
    path = tmp_path / f"pay{suffix}"
    result = cli("salary", "--export", str(path))
    assert result.exit_code == 0 and result.stdout == ""
    assert check(path.read_text("utf-8"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("handout.pdf", "unknown suffix '.pdf'"),
        ("no-such-folder/handout.html", "folder"),
        (".", "it is a folder"),
        ("handout.html/", "it names a folder"),
        ("", "--export needs a file name"),
    ],
)
def test_bad_export_targets_exit_2_and_write_nothing(
    cli: Any, tmp_path: Path, target: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("salary", "--export", target)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_unwritable_export_leaves_no_partial_file(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder the user may not write to (simulated: tests may run as root, who may write anywhere)."""
    import os

    real_open = os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).startswith(str(tmp_path)):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    result = cli("guide", "--export", str(tmp_path / "guide.html"))
    assert result.exit_code == 74
    assert result.stderr == f"Error: Cannot export to '{tmp_path / 'guide.html'}': Permission denied.\n"
    assert list(tmp_path.iterdir()) == []


def test_export_to_a_read_only_folder(cli: Any, tmp_path: Path) -> None:
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: the folder is writable anyway")
        result = cli("guide", "--export", str(locked / "guide.html"))
        assert result.exit_code == 74 and "Permission denied" in result.stderr
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_export_replaces_atomically(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure while writing keeps the old file whole and leaves no temporary file."""
    import os

    path = tmp_path / "pay.md"
    path.write_text("old handout\n", "utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = cli("salary", "--export", str(path))
    assert result.exit_code == 74 and "No space left on device" in result.stderr
    assert path.read_text("utf-8") == "old handout\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pay.md"]


def test_piped_output_has_no_escape_codes(cli: Any) -> None:
    for args in (["steps"], ["salary"], ["certs", "RHIT"], ["guide"], ["search", "coding"]):
        assert not ANSI.search(cli(*args).stdout), args


@pytest.mark.parametrize("name", sorted(DATA_COMMANDS))
@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}, {"LANG": "C", "COLUMNS": "40"}])
def test_no_line_ends_in_spaces(cli: Any, name: str, env: dict[str, str]) -> None:
    """Piped or coloured, wide or narrow: no trailing spaces (Rich pads and wraps with them)."""
    args, _ = DATA_COMMANDS[name]
    out = cli(*args, env=env).stdout
    plain = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", out)
    assert plain.strip()
    ending = [line for line in plain.splitlines() if line != line.rstrip()]
    assert ending == [], ending[:3]


def test_force_color_turns_colour_on(cli: Any) -> None:
    assert COLOR.search(cli("salary", env={"FORCE_COLOR": "1"}).stdout)


@pytest.mark.parametrize(
    ("env", "args"),
    [({"NO_COLOR": "1"}, []), ({"TERM": "dumb"}, []), ({}, ["--no-color"])],
)
def test_colour_off_switches_beat_force_color(cli: Any, env: dict[str, str], args: list[str]) -> None:
    out = cli("salary", *args, env={"FORCE_COLOR": "1", **env}).stdout
    assert "$37,110/yr" in out and not COLOR.search(out)


@pytest.mark.parametrize("name", sorted(set(DATA_COMMANDS) - {"guide", "handout"}))
def test_forty_columns_wrap_without_cutting_a_figure(cli: Any, cli_json: Any, name: str) -> None:
    args, _ = DATA_COMMANDS[name]
    result = cli(*args, env={"COLUMNS": "40"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    # a source's address is printed whole on a line of its own (the terminal wraps it)
    assert max(len(line) for line in lines if not re.fullmatch(r" *https?://\S+", line)) <= 40
    text = "\n".join(lines)
    data = cli_json(*args)
    data.pop("no_hourly_figure", None)  # named, not shown with a value
    for fig in figures_in(data):
        shown = number(fig["value"], fig["unit"])
        if name in {"search", "sources", "about", "duties", "skills"}:
            continue  # these show no figure values
        if name == "compare":
            continue  # its JSON holds every rule a cell sums up: tests/test_compare.py checks the shown ones
        assert shown in text, f"{fig['id']}: {shown} cut or missing at 40 columns"


def test_width_follows_columns(cli: Any) -> None:
    wide = cli("certs", env={"COLUMNS": "120"}).stdout
    narrow = cli("certs", env={"COLUMNS": "60"}).stdout
    assert max(map(len, wide.splitlines())) > 100 >= 60 >= max(map(len, narrow.splitlines()))


def test_squeezed_tables_keep_words_whole(cli: Any, guide: Any) -> None:
    out = cli("workplaces", env={"COLUMNS": "56"}).stdout
    assert "│ General medical  │" in out and "│ and surgical     │" in out  # wrapped at spaces
    assert max(len(line) for line in out.splitlines()) <= 56


def test_panel_titles_too_long_for_the_border_move_inside(cli: Any) -> None:
    out = cli("careers", env={"COLUMNS": "40"}).stdout
    box = out.split("╭")[1]
    assert "medical registrars (29-9021)" in box.split("An occupation")[0]  # the title, inside
    assert "─╮" in out  # the box is still drawn


@pytest.mark.parametrize("width", [8, 12, 20, 33, 40, 79])
def test_the_fast_wrap_wraps_as_rich_does(width: int) -> None:
    """to_rich.wrap takes a shortcut for prose of one-cell characters: it must break every
    line where Rich's own Text.wrap would, long words, odd spaces and all."""
    import random

    from rich.console import Console
    from rich.text import Text

    from mrt_guide.render.to_rich import wrap

    con = Console(width=200)
    rng = random.Random(width)
    words = ["a", "of", "RHIT", "[ahima-ccs-competency]", "certification", "x" * 45, "50,250/yr", "—", "¹"]
    for _ in range(300):
        plain = "".join(rng.choice(words) + rng.choice([" ", " ", "  "]) for _ in range(rng.randint(1, 30)))
        text = Text(plain.rstrip(), style="bold")
        ours = [line.plain for line in wrap(text, con, width)]
        rich = [line.plain for line in text.wrap(con, width)]
        assert ours == rich, (width, plain)


def test_a_table_of_wide_characters_fits_its_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    """Columns are fitted in terminal cells: a wide character takes two, so a table of them
    stays inside the width instead of running past it (or stacks when it cannot fit)."""
    from rich.cells import cell_len

    from mrt_guide.render import to_rich
    from mrt_guide.views.doc import Column, Document, Table

    monkeypatch.setenv("COLUMNS", "40")
    rows = [["病歴管理士", "診療情報管理 記録"], ["RHIT", "登録 認定 資格 試験"]]
    doc = Document("T", [Table([Column("名前"), Column("説明")], rows)])
    to_rich.show(doc, no_color=True)
    lines = capsys.readouterr().out.splitlines()
    assert max(cell_len(line) for line in lines) <= 40, lines
    assert any("病歴管理士" in line for line in lines)  # no word folded in two
