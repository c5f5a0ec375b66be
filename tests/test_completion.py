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


# --- mrt-guide answers TAB itself (mrt_guide/completion.py): exactly what Typer would ---

SHELL_ENVS = {
    "bash": lambda line: {"COMP_WORDS": line, "COMP_CWORD": str(len(line.split(" ")) - 1)},
    "zsh": lambda line: {},
    "fish-get": lambda line: {"_TYPER_COMPLETE_FISH_ACTION": "get-args"},
    "fish-is": lambda line: {"_TYPER_COMPLETE_FISH_ACTION": "is-args"},
    "powershell": lambda line: {"_TYPER_COMPLETE_WORD_TO_COMPLETE": line.split(" ")[-1]},
}


def _lines() -> list[str]:
    """Lines a reader might TAB on, for every command and subcommand the CLI has: its name
    half typed, its options, each option's values, its arguments, after global options."""
    from mrt_guide.cli import PROG, tree

    lines = [
        "mrt-guide ",
        "mrt-guide -",
        "mrt-guide --",
        "mrt-guide s",
        "mrt-guide --data data c",
        "mrt-guide x",
    ]
    for path, command in tree():
        ctx = command.make_context(PROG, [], resilient_parsing=True)
        at = " ".join(["mrt-guide", *path])
        lines.extend([f"{at} ", f"{at} -", f"{at} --", f"{at} --json ", f"{at} zz", f"{at} -- "])
        if path:
            lines.append(" ".join(["mrt-guide", *path[:-1], path[-1][:1]]))
        for param in command.get_params(ctx):
            if param.param_type_name == "option" and not param.is_flag:
                lines.extend(f"{at} {opt} " for opt in param.opts)
                lines.append(f"{at} {param.opts[0]}=")
    return lines


def _answer(run: Any, shell: str, line: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Any]:
    import contextlib
    import io

    monkeypatch.setenv(COMPLETE, f"complete_{shell.split('-')[0]}")
    monkeypatch.setenv("_TYPER_COMPLETE_ARGS", line)
    for var in (
        "COMP_WORDS",
        "COMP_CWORD",
        "_TYPER_COMPLETE_FISH_ACTION",
        "_TYPER_COMPLETE_WORD_TO_COMPLETE",
    ):
        monkeypatch.delenv(var, raising=False)
    for var, value in SHELL_ENVS[shell](line).items():
        monkeypatch.setenv(var, value)
    out = io.StringIO()
    status: Any
    with contextlib.redirect_stdout(out):
        try:
            status = run()
        except SystemExit as exc:
            status = exc.code
    return out.getvalue(), status or 0


@pytest.mark.parametrize("shell", list(SHELL_ENVS))
def test_completion_answers_as_typer_would(shell: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """For every command's names, options and values, the same text and status as Typer's own
    completion (which loads Rich for zsh, fish and PowerShell help texts; ours does not)."""
    import typer as _typer

    from mrt_guide import completion
    from mrt_guide.cli import GuideGroup, app

    root = _typer.main.get_command(app)
    instruction = f"complete_{shell.split('-')[0]}"
    lines = _lines()
    assert len(lines) > 300
    differ = []
    for line in lines:
        ours = _answer(lambda: completion.respond(root, "mrt-guide", instruction), shell, line, monkeypatch)
        typers = _answer(
            lambda: super(GuideGroup, root).main([], "mrt-guide", COMPLETE, standalone_mode=False),
            shell,
            line,
            monkeypatch,
        )
        if shell != "bash":  # Typer's Rich wraps long help texts at 80 columns, breaking the line
            ours, typers = (" ".join(ours[0].split()), ours[1]), (" ".join(typers[0].split()), typers[1])
        if ours != typers:
            differ.append((line, ours, typers))
    assert not differ, differ[:5]


@pytest.mark.parametrize("shell", ["zsh", "fish", "powershell"])
def test_each_candidate_stays_on_one_line(cli: Any, shell: str) -> None:
    """A long help text is not wrapped into the next candidate (the shell reads a line each)."""
    env = {COMPLETE: f"complete_{shell}", "_TYPER_COMPLETE_ARGS": "mrt-guide plan --"}
    env |= {"_TYPER_COMPLETE_FISH_ACTION": "get-args", "_TYPER_COMPLETE_WORD_TO_COMPLETE": "--"}
    lines = cli(env=env).stdout.strip().splitlines()
    starts = {"zsh": ("_arguments '*: :((\"--", '"--'), "fish": ("--",), "powershell": ("--",)}[shell]
    assert len(lines) > 10 and all(line.startswith(starts) for line in lines), lines
    goal = next(line for line in lines if "--goal" in line)
    assert "data-analysis, privacy or management." in goal
