"""Shell completion through Typer's own mechanism: the candidates, for bash, zsh and fish."""

from __future__ import annotations

from typing import Any

import pytest

COMPLETE = "_MRT_GUIDE_COMPLETE"


def complete(cli: Any, shell: str, line: str) -> list[str]:
    """The candidates Typer offers for the words of ``line`` (the last one being typed)."""
    words = line.split(" ")
    env = {COMPLETE: f"complete_{shell}", "_TYPER_COMPLETE_ARGS": line}
    if shell == "bash":
        env |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    if shell == "fish":
        env["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    result = cli(env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = result.stdout
    if shell == "zsh":  # _arguments '*: :(("CCA" "CCS"...))'
        import re

        return re.findall(r'"([^"]+?)"(?::"[^"]*")?', out)
    return [line for line in out.splitlines() if line]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_certification_ids_complete(cli: Any, shell: str) -> None:
    # one spelling per credential: CCSP, an alias of CCS-P, is the same word again
    assert complete(cli, shell, "mrt-guide certs CC") == ["CCA", "CCS", "CCS-P"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_offers_aliases(cli: Any, shell: str) -> None:
    assert complete(cli, shell, "mrt-guide certs CT") == ["CTR"]


def test_degree_names_complete_in_the_case_typed(cli: Any) -> None:
    """The short names people type (not internal ids), in whatever case the reader began."""
    assert complete(cli, "bash", "mrt-guide degrees A") == ["AS", "AAS"]
    assert complete(cli, "bash", "mrt-guide degrees a") == ["as", "aas"]
    assert complete(cli, "bash", "mrt-guide degrees ") == ["Certificate", "AS", "AAS", "BS"]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_lower_case_certification_ids_complete(cli: Any, shell: str) -> None:
    assert complete(cli, shell, "mrt-guide certs cc") == ["cca", "ccs", "ccs-p"]


def test_command_names_complete(cli: Any) -> None:
    got = complete(cli, "bash", "mrt-guide s")
    assert {"steps", "salary", "skills", "search", "sources"} <= set(got)


def test_options_complete(cli: Any) -> None:
    assert "--history" in complete(cli, "bash", "mrt-guide salary --h")


def test_completion_with_a_broken_dataset_offers_nothing(cli: Any, tmp_path: Any) -> None:
    (tmp_path / "certifications.json").write_text("{ not json", "utf-8")
    result = cli(
        env={
            COMPLETE: "complete_bash",
            "COMP_WORDS": "mrt-guide certs C",
            "COMP_CWORD": "2",
            "MRT_GUIDE_DATA": str(tmp_path),
        }
    )
    assert result.exit_code == 0 and result.stdout.strip() == "" and "Traceback" not in result.stderr


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_script_for_each_shell(cli: Any, shell: str) -> None:
    result = cli("--show-completion", shell)
    assert result.exit_code == 0
    assert COMPLETE in result.stdout


def test_plan_choices_complete(cli: Any) -> None:
    assert complete(cli, "bash", "mrt-guide plan --goal c") == ["coding", "coding-aapc", "cancer-registry"]
    assert complete(cli, "bash", "mrt-guide plan --education high-school --goal p") == ["privacy"]
    assert complete(cli, "bash", "mrt-guide plan --education a") == ["associate"]
    assert complete(cli, "zsh", "mrt-guide plan --education b") == ["bachelor"]


def test_data_file_names_complete(cli: Any) -> None:
    assert complete(cli, "bash", "mrt-guide data schema p") == ["pay.json"]
