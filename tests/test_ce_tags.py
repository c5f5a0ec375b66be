"""Issue 21 item 9 (review 3 M3): the marks an activity may carry are records in
renewal.json (words, short name, issuers, default), set with one repeatable ``--tag ID`` /
``--no-tag ID`` completed from the data; the old one-flag-per-mark options still work,
hidden, so nobody's scripts break."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.test_completion import complete


def marks(ce: Any) -> dict[str, list[str]]:
    listed = json.loads(ce("list", "--cycle", "all", "--json").stdout)
    return {a["title"]: a["tags"] for a in listed["activities"]}


def test_the_marks_are_records_with_their_words(guide: Any) -> None:
    tags = {t["id"]: t for t in guide.section("renewal")["tags"]}
    assert (tags["ahima_source"]["short"], tags["ahima_source"]["issuers"]) == ("AHIMA source", ["AHIMA"])
    assert (tags["in_person"]["words"], tags["in_person"]["issuers"]) == ("in person", ["NCRA"])
    assert tags["in_domain"]["default"] is True and tags["category_a"]["default"] is False


def test_tag_and_no_tag_mark_as_the_old_flags_did(ce: Any, cli: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    ce("add", "--title", "new", "--date", "2025-04-01", "--hours", "2", "--tag", "ahima-source")
    ce("add", "--title", "old", "--date", "2025-04-02", "--hours", "2", "--ahima-source")
    ce(
        "add",
        "--title",
        "out",
        "--date",
        "2025-04-03",
        "--hours",
        "2",
        "--no-tag",
        "IN_DOMAIN",
        "--tag",
        "ahima_source",
    )
    ce(
        "add",
        "--title",
        "old out",
        "--date",
        "2025-04-04",
        "--hours",
        "2",
        "--not-in-domain",
        "--ahima-source",
    )
    assert marks(ce) == {
        "new": ["ahima_source", "in_domain"],  # in_domain by default (the data says so)
        "old": ["ahima_source", "in_domain"],
        "out": ["ahima_source"],
        "old out": ["ahima_source"],
    }
    ce("edit", "1", "--no-tag", "ahima_source", "--tag", "in_person")
    ce("edit", "2", "--no-ahima-source")
    after = marks(ce)
    assert (after["new"], after["old"]) == (["in_domain", "in_person"], ["in_domain"])
    shown = cli("ce", "list", "--cycle", "all", "--no-color", env={"COLUMNS": "120"}).stdout
    assert "HIM domains, in person" in shown and "AHIMA source" in shown  # the data's short names


def test_a_bad_mark_is_one_line_and_changes_nothing(ce: Any, cli: Any) -> None:
    ce("credential", "add", "RHIT", "--earned", "2025-03-13")
    for args, needle in (
        (["--tag", "ahima_sorce"], "No tag 'ahima_sorce'. Did you mean ahima_source?"),
        (["--tag", "in_domain", "--no-tag", "in-domain"], "Give in_domain as --tag or --no-tag, not both."),
    ):
        result = cli("ce", "add", "--title", "x", "--date", "2025-04-01", "--hours", "1", *args)
        assert result.exit_code == 2 and result.stdout == "", result.stderr
        assert result.stderr.strip().splitlines() == [f"Error: {needle}"]
    assert marks(ce) == {}


def test_help_shows_one_option_and_hides_the_old_flags(cli: Any) -> None:
    for command in ("add", "edit"):
        text = cli("ce", command, "--help", env={"COLUMNS": "100"}).stdout
        assert re.search(r"--tag\s+ID", text) and re.search(r"--no-tag\s+ID", text), command
        for old in ("--ahima-source", "--category-a", "--in-person", "--not-in-domain"):
            assert old not in text.replace("--tag ahima_source", ""), (command, old)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_tag_completes_from_the_data(cli: Any, shell: str) -> None:
    assert complete(cli, shell, "mrt-guide ce add --tag ") == [
        "in_domain",
        "ahima_source",
        "category_a",
        "in_person",
    ]
    assert complete(cli, shell, "mrt-guide ce edit 1 --no-tag in") == ["in_domain", "in_person"]


def _imported(path: Path, package: str) -> set[str]:
    """Every module a file of ``package`` imports (and each name it takes from one), relative
    imports resolved to absolute names, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                parts = package.split(".")
                module = ".".join([*parts[: len(parts) - node.level + 1], *([module] if module else [])])
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return found


def test_no_view_imports_the_store() -> None:
    """Issue 21 item 9 (review 3 H2): views phrase the records a query returns; none reads the
    store (the packet's CSV rows live in the neutral mrt_guide/cells.py), and no CE view
    reads a query module either."""
    import mrt_guide.views as views

    root = Path(views.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) > 20 and root / "ce" / "report.py" in files
    imports = {
        file: _imported(file, ".".join(["mrt_guide", *file.relative_to(root.parent).parent.parts]))
        for file in files
    }
    assert "mrt_guide.cells.report_rows" in imports[root / "ce" / "report.py"]
    store = {
        f"{f.name}: {m}" for f, found in imports.items() for m in found if m.startswith("mrt_guide.store")
    }
    assert store == set()
    queries = {
        f"{f.name}: {m}"
        for f, found in imports.items()
        if f.parent.name == "ce"
        for m in found
        if m.startswith("mrt_guide.queries")
    }
    assert queries == set()


def test_the_import_check_sees_every_form_of_a_store_import(tmp_path: Path) -> None:
    """The check above catches the import report.py had (relative, inside a function) and
    the absolute forms."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import mrt_guide.store.db\n"
        "from mrt_guide import store\n"
        "def f():\n    from ...store.csvio import report_rows\n",
        "utf-8",
    )
    found = _imported(probe, "mrt_guide.views.ce")
    assert {"mrt_guide.store.db", "mrt_guide.store", "mrt_guide.store.csvio.report_rows"} <= found
    assert not any(m.startswith("mrt_guide.views.store") for m in found)
