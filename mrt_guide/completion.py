"""Shell completion answered by mrt-guide itself, through Click's public command API.

Typer writes the shell scripts (``--install-completion``, ``--show-completion``); each TAB
then runs ``mrt-guide`` with ``_MRT_GUIDE_COMPLETE=complete_<shell>`` and the words typed.
Typer would answer that request too, but for zsh, fish and PowerShell it passes every help
text through Rich to strip markup, which loads Rich on every TAB (about 60 ms here). Our
help texts carry no markup in the line completion shows, so this module answers the same
protocol in the same formats without Rich, and without touching Typer: it resolves the
words with public methods only (``make_context``, ``get_command``, ``get_params``,
``shell_complete``). ``tests/test_completion.py`` checks that it offers exactly what
Typer's own completion offers, shell by shell.
"""

from __future__ import annotations

import os
import re
import shlex
from typing import Any

Item = Any
"""A Click ``CompletionItem``: ``value`` and ``help``."""


def words(line: str) -> list[str]:
    """``line`` split as a POSIX shell would, keeping an unfinished last word as it is."""
    lex = shlex.shlex(line, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out: list[str] = []
    try:
        out.extend(lex)
    except ValueError:  # an open quote or a trailing backslash: keep the partial word
        out.append(lex.token)
    return out


def request(shell: str) -> tuple[list[str], str]:
    """The complete words after the program's name, and the word being typed, as the shell
    script of ``shell`` passes them."""
    if shell == "bash":
        typed = words(os.environ.get("COMP_WORDS", ""))
        at = int(os.environ.get("COMP_CWORD", "0") or 0)
        return typed[1:at], typed[at] if at < len(typed) else ""
    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    typed = words(line)[1:]
    if shell in ("powershell", "pwsh"):
        incomplete = os.environ.get("_TYPER_COMPLETE_WORD_TO_COMPLETE", "")
        return (typed[:-1] if incomplete else typed), incomplete
    if typed and not line.endswith(" "):
        return typed[:-1], typed[-1]
    return typed, ""


def _option(params: list[Any], word: str) -> Any:
    name = word.partition("=")[0]
    return next(
        (p for p in params if p.param_type_name == "option" and name in (*p.opts, *p.secondary_opts)),
        None,
    )


def _takes_value(option: Any) -> bool:
    return option is not None and not option.is_flag and not option.count


def _split(command: Any, ctx: Any, args: list[str]) -> tuple[list[str], str | None, list[str]]:
    """For a group: its own words, the subcommand's name (None if not typed yet) and the
    words after it."""
    params = command.get_params(ctx)
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            break
        if word.startswith("-"):
            i += 2 if _takes_value(_option(params, word)) and "=" not in word else 1
            continue
        return args[:i], word, args[i + 1 :]
    return args, None, []


def innermost(root: Any, prog: str, args: list[str]) -> tuple[Any, list[str]]:
    """The context of the innermost command the words name, and the words given to it."""
    own, name, rest = _split(root, root.make_context(prog, [], resilient_parsing=True), args)
    ctx = root.make_context(prog, list(own), resilient_parsing=True)  # it consumes the list
    while name is not None:
        command = ctx.command.get_command(ctx, name)
        if command is None:
            return ctx, own
        if hasattr(command, "get_command"):  # a group: split again
            own, next_name, after = _split(command, ctx, rest)
        else:
            own, next_name, after = rest, None, []
        ctx = command.make_context(name, list(own), parent=ctx, resilient_parsing=True)
        name, rest = next_name, after
    return ctx, own


def _argument_open(ctx: Any, param: Any) -> bool:
    if param.param_type_name != "argument":
        return False
    value = ctx.params.get(param.name)
    source = ctx.get_parameter_source(param.name)
    return bool(
        param.nargs == -1
        or source is None
        or source.name != "COMMANDLINE"
        or (param.nargs > 1 and isinstance(value, (tuple, list)) and len(value) < param.nargs)
    )


def candidates(root: Any, prog: str, args: list[str], incomplete: str) -> list[Item]:
    """What Click offers for ``incomplete`` after ``args``: option names, an option's or an
    argument's values, or subcommands (Click's own resolution, step by step)."""
    ctx, own = innermost(root, prog, args)
    args = list(own)
    if incomplete == "=":
        incomplete = ""
    elif "=" in incomplete and incomplete.startswith("-"):
        name, _, incomplete = incomplete.partition("=")
        args.append(name)
    if "--" not in args and incomplete.startswith("-"):
        return list(ctx.command.shell_complete(ctx, incomplete))
    params = ctx.command.get_params(ctx)
    for param in params:
        if param.param_type_name != "option" or not _takes_value(param):
            continue
        last = next((a for a in reversed(args[-param.nargs :]) if a.startswith("-")), None)
        if last is not None and last in param.opts:
            return list(param.shell_complete(ctx, incomplete))
    for param in params:
        if _argument_open(ctx, param):
            return list(param.shell_complete(ctx, incomplete))
    return list(ctx.command.shell_complete(ctx, incomplete))


def _zsh(item: Item) -> str:
    def escape(s: str) -> str:
        return (
            s.replace('"', '""')
            .replace("'", "''")
            .replace("$", "\\$")
            .replace("`", "\\`")
            .replace(":", r"\\:")
        )

    if item.help:
        return f'"{escape(item.value)}":"{escape(item.help)}"'
    return f'"{escape(item.value)}"'


def _one_line(text: str) -> str:
    return re.sub(r"\s", " ", text)


def answer(shell: str, items: list[Item]) -> tuple[str, int]:
    """The text the shell script of ``shell`` reads back, and the exit status it expects."""
    if shell == "bash":
        return "\n".join(str(i.value) for i in items), 0
    if shell == "zsh":
        if not items:
            return "_files", 0
        return "_arguments '*: :((" + "\n".join(_zsh(i) for i in items) + "))'", 0
    if shell == "fish":
        shown = [f"{i.value}\t{_one_line(i.help)}" if i.help else str(i.value) for i in items]
        action = os.environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if action == "is-args":  # status only: 0 offers these, 1 lets fish complete files
            return "", 0 if shown else 1
        return ("\n".join(shown) if action == "get-args" else ""), 0
    return "\n".join(f"{i.value}:::{i.help or ' '}" for i in items), 0


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def respond(root: Any, prog: str, instruction: str) -> int | None:
    """Answer a ``complete_<shell>`` request on stdout and return the exit status; None for any
    other instruction (``source_<shell>``: Typer prints the script)."""
    verb, _, shell = instruction.partition("_")
    if verb != "complete" or shell not in SHELLS:
        return None
    import sys

    args, incomplete = request(shell)
    text, status = answer(shell, candidates(root, prog, args, incomplete))
    if not (shell == "fish" and os.environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args"):
        sys.stdout.write(text + "\n")  # as Typer echoes it: a line even when empty
    return status
