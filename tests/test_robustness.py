"""Nothing breaks: custom datasets, every kind of broken data file, hostile arguments and terminals."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from mrt_guide.dataset.sections import SECTIONS
from mrt_guide.status import ExitStatus

from .conftest import DATA


def assert_clean_failure(result: Any, status: int) -> None:
    assert result.exit_code == status, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr


def test_data_option_and_environment_point_everything_at_a_copy(cli: Any, data_copy: Any) -> None:
    def raise_median(doc: Any) -> None:
        next(f for f in doc["figures"] if f["id"] == "pay-median-2015-annual")["value"] = 38000

    directory = data_copy("pay.json", raise_median)
    assert "$38,000/yr" in cli("--data", str(directory), "salary").stdout
    assert "$38,000/yr" in cli("salary", env={"MRT_GUIDE_DATA": str(directory)}).stdout
    assert "$37,110/yr" in cli("salary").stdout


def test_data_validate_clean(cli: Any, guide: Any) -> None:
    result = cli("data", "validate")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.endswith(
        f"is valid: {len(SECTIONS)} files, {len(guide.sources)} sources, {len(guide.figures)} figures.\n"
    )


def test_data_validate_lists_every_fault_with_file_path_and_fix(cli: Any, data_copy: Any) -> None:
    def break_renewal(doc: Any) -> None:
        doc["certifications"][3]["renewal"]["ceus"]["value"] = 0
        doc["certifications"][4]["renewal"]["cycle"]["unit"] = "fortnights"

    directory = data_copy("certifications.json", break_renewal)
    result = cli("data", "validate", str(directory))
    assert_clean_failure(result, ExitStatus.DATA)
    lines = result.stderr.splitlines()
    assert (
        f"{directory}/certifications.json → certifications[3].renewal.ceus: "
        "value 0 is outside the range for ceu (0.5 to 1000)" in lines
    )
    assert any(
        "certifications[4].renewal.cycle.unit: Input should be 'usd_per_year'" in line for line in lines
    )
    assert lines[-1] == f"2 fault(s) in {directory}."
    assert cli("data", "validate").stdout.startswith("The bundled dataset (data/) is valid")


def test_data_validate_reads_the_global_data_option(cli: Any, data_copy: Any) -> None:
    directory = data_copy("pay.json", lambda d: d["figures"][0].update(value=-5))
    result = cli("--data", str(directory), "data", "validate")
    assert result.exit_code == ExitStatus.DATA and "figures[0]: value -5 is outside" in result.stderr


def test_data_schema_describes_each_file(cli: Any) -> None:
    result = cli("data", "schema", "pay")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$id"] == "mrt-guide/pay.schema.json"
    assert set(schema["required"]) == {"figures", "headline", "spreads", "factors"}
    assert schema["additionalProperties"] is False
    figure = schema["$defs"]["Figure"]
    assert figure["properties"]["unit"]["enum"][:2] == ["usd_per_year", "usd_per_hour"]
    assert "note" not in figure["required"] and "value" in figure["required"]
    every = json.loads(cli("data", "schema").stdout)
    assert set(every) == {p.name for p in DATA.glob("*.json")}


def test_data_schema_of_a_command_output(cli: Any) -> None:
    result = cli("data", "schema", "--output", "SALARY")
    assert result.exit_code == 0 and result.stderr == ""
    schema = json.loads(result.stdout)
    assert schema["$id"] == "mrt-guide/output/salary.schema.json"
    assert {"schema_version", "figures", "sources"} <= set(schema["required"])
    assert json.loads(cli("data", "schema", "--output", "certs ID").stdout)["title"] == "CertOut"
    wrong = cli("data", "schema", "--output", "salry")
    assert wrong.exit_code == 2 and "No command output 'salry'. Did you mean salary?" in wrong.stderr


def test_data_schema_unknown_file(cli: Any) -> None:
    result = cli("data", "schema", "payy.json")
    assert_clean_failure(result, 2)
    assert "No data file 'payy.json'. Did you mean pay.json?" in result.stderr


def _write(directory: Path, name: str, content: bytes) -> Path:
    (directory / name).write_bytes(content)
    return directory


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (lambda d: (d / "steps.json").unlink(), "steps.json: is missing; every dataset needs steps.json."),
        (
            lambda d: _write(d, "pay.json", b'{\n  "figures": [\n    {"id": "x",}\n'),
            "pay.json: is not valid JSON: "
            "Expecting property name enclosed in double quotes at line 3, column 16.",
        ),
        (
            lambda d: _write(d, "work.json", '{"duties": "caf\xe9"}'.encode("latin-1")),
            "work.json: is not UTF-8 text (bad byte at offset 15); save it as UTF-8.",
        ),
        (
            lambda d: _write(d, "outlook.json", b"  \n"),
            "outlook.json: is empty; it should hold a JSON object.",
        ),
        (
            lambda d: os.truncate(_write(d, "sources.json", b"") / "sources.json", 50 * 1024 * 1024),
            "sources.json: is over 5 MiB (50.0 MiB or more); a data file may be at most 5 MiB.",
        ),
        (
            lambda d: ((d / "goals.json").unlink(), (d / "goals.json").mkdir()),
            "goals.json: is a folder; it should be a file.",
        ),
        (
            lambda d: ((d / "goals.json").unlink(), os.mkfifo(d / "goals.json")),
            "goals.json: is a named pipe (FIFO); it should be a file.",
        ),
        (
            lambda d: ((d / "pay.json").unlink(), (d / "pay.json").symlink_to("/dev/zero")),
            "pay.json: is a device; it should be a file.",
        ),
    ],
    ids=["missing", "invalid-json", "encoding", "empty", "50-MB", "directory", "fifo", "device"],
)
def test_each_broken_file_has_its_own_message(cli: Any, data_copy: Any, breakage: Any, message: str) -> None:
    directory = data_copy()
    breakage(directory)
    for args in (["salary"], ["certs", "RHIT", "--json"], ["guide"]):
        result = cli("--data", str(directory), *args)
        assert_clean_failure(result, ExitStatus.DATA)
        assert result.stderr == f"Error: {directory}/{message}\n"
    validate = cli("data", "validate", str(directory))
    assert validate.exit_code == ExitStatus.DATA and message in validate.stderr


def test_a_missing_data_folder(cli: Any, tmp_path: Path) -> None:
    """A wrong --data is the reader's typing, not a damaged dataset: a usage error."""
    result = cli("--data", str(tmp_path / "nowhere"), "steps")
    assert_clean_failure(result, ExitStatus.USAGE)
    assert result.stderr == (
        f"Error: {tmp_path / 'nowhere'}: does not exist; --data (or MRT_GUIDE_DATA) names a folder "
        "of JSON files like data/.\n"
    )
    (tmp_path / "file").write_text("x")
    result = cli("--data", str(tmp_path / "file"), "steps")
    assert_clean_failure(result, ExitStatus.USAGE)
    assert "file: is not a folder; --data" in result.stderr


def test_many_faults_are_cut_short_with_a_count(cli: Any, data_copy: Any) -> None:
    def many(doc: Any) -> None:
        for fig in doc["figures"][:12]:
            fig["value"] = -1

    result = cli("--data", str(data_copy("pay.json", many)), "salary")
    assert_clean_failure(result, ExitStatus.DATA)
    assert result.stderr.startswith("Error: the dataset has 12 faults; nothing was shown.\n")
    assert result.stderr.count("is outside the range") == 8
    assert "... and 4 more; run 'mrt-guide data validate' for the full list." in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["certs", ""], "No certification ''. Choose one of: RHIT,"),
        (["certs", "R" * 5000], "No certification 'RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR…'."),
        (["certs", "RHÏT"], "No certification 'RHÏT'. Did you mean RHIT?"),
        (["certs", "RH\x1b[31mIT\x07"], "No certification 'RH\\x1b[31mIT\\x07'. Did you mean RHIT?"),
        (["degrees", "ÄAS"], "No degree 'ÄAS'. Did you mean AAS?"),
        (["search", "", " "], "Give a word to search for"),
        (["plan", "--education", "\t", "--goal", "rhit"], "No education level '\\t'."),
        (
            ["plan", "--education", "associate", "--goal", "rhit", "--start", "２０２７-０１"],
            "Invalid --start",
        ),
        (["salary", "--hourly=yes"], "Option '--hourly' does not take a value."),
        (["certs", "RHIT", "CCS"], "Got unexpected extra argument(s) (CCS)"),
    ],
)
def test_hostile_arguments_get_one_line_and_exit_2(cli: Any, args: list[str], message: str) -> None:
    result = cli(*args)
    assert_clean_failure(result, 2)
    assert message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1


def test_lang_c_degrades_to_ascii(cli: Any) -> None:
    env = {"LANG": "C", "LC_ALL": "C", "FORCE_COLOR": ""}
    for args in (["steps"], ["salary"], ["certs", "ODS"], ["guide"], ["certs", "--help"], ["plan", "-h"]):
        result = cli(*args, env=env)
        assert result.exit_code == 0, args
        assert result.stdout.isascii(), [ch for ch in result.stdout if not ch.isascii()][:5]
    out = cli("salary", env=env).stdout
    assert "+-" in out or "|" in out  # ASCII boxes
    assert "#" in out and "$37,110/yr" in out  # bars drawn with '#'
    data = cli("certs", "--json", env=env).stdout
    assert data.isascii() and json.loads(data)["certifications"][0]["id"] == "RHIT"
    err = cli("certs", "RHTI", env=env).stderr
    assert err.isascii()


@pytest.mark.parametrize("env", [{"TERM": "dumb"}, {"COLUMNS": "20"}, {"COLUMNS": "500"}])
def test_hostile_terminals_still_read(cli: Any, env: dict[str, str]) -> None:
    for args in (
        ["steps"],
        ["salary", "--history"],
        ["certs"],
        ["outlook"],
        [
            "plan",
            "--education",
            "none",
            "--high-school-done",
            "2027-06",
            "--goal",
            "coding",
            "--no-bachelor-later",
            "--start",
            "2027-01",
        ],
    ):
        result = cli(*args, env=env)
        assert result.exit_code == 0, (args, result.stderr)
        lines = result.stdout.splitlines()
        assert "\x1b[" not in result.stdout
        if env.get("COLUMNS") == "20":
            assert max(len(line) for line in lines) <= 20, args
            assert "$37,110/yr" in result.stdout or args[0] != "salary" or "--history" in args


def test_ctrl_c_at_a_prompt_exits_130(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.prompt import Prompt

    from mrt_guide.commands import plan

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(plan, "_interactive", lambda: True)
    monkeypatch.setattr(Prompt, "ask", interrupted)
    result = cli("plan")
    assert result.exit_code == ExitStatus.INTERRUPTED == 130
    assert result.stderr == "\nInterrupted.\n"


def test_ctrl_c_in_the_pager_exits_130(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from mrt_guide.render import to_rich

    def interrupted(self: Any, content: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Console, "is_terminal", property(lambda self: True))
    monkeypatch.setattr(to_rich, "reader_at_terminal", lambda: True)
    monkeypatch.setattr(to_rich.Pager, "show", interrupted)
    result = cli("guide")
    assert result.exit_code == 130 and "Traceback" not in result.stderr


def test_a_bug_is_one_line_and_exit_70(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from mrt_guide.queries import pay

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(pay, "salary", broken)
    result = cli("salary")
    assert_clean_failure(result, ExitStatus.INTERNAL)
    assert result.stderr == (
        "Error: internal error (ZeroDivisionError: division by zero). "
        "Please report it; MRT_GUIDE_DEBUG=1 shows the traceback.\n"
    )


def test_no_file_is_written_by_reading_commands(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cli("guide")
    assert list(tmp_path.iterdir()) == []


def test_reading_commands_leave_the_bundled_data_untouched(cli: Any) -> None:
    import hashlib

    from mrt_guide.dataset.load import BUNDLED_NORMALISED

    def digests() -> dict[str, str]:
        files = [*DATA.iterdir(), BUNDLED_NORMALISED]
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}

    before = digests()
    for args in (["guide", "--json"], ["data", "validate"], ["certs", "RHIT"], ["search", "pay"]):
        assert cli(*args).exit_code == 0, args
    assert digests() == before
    assert set(before) == {s.file for s in SECTIONS} | {"bundled.json"}
