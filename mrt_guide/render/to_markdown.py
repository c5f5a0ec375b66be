"""Markdown: CommonMark with pipe tables (GitHub's and most renderers'): headings, tables,
lists, notes, sources as links. A line break inside a list item is CommonMark's own hard
break (a backslash at the end of the line), never HTML; terminal hints are gathered into
one short list at the end."""

from __future__ import annotations

from ..views.doc import (
    Bars,
    Block,
    Bullets,
    Document,
    Heading,
    Hint,
    Inline,
    Notes,
    Panel,
    Para,
    Section,
    SourceList,
    Table,
    described,
    note_mark,
    on_paper,
)

_MARK = {"strong": "**", "match": "**", "code": "`", "muted": "_"}
BAR_WIDTH = 30


def _escape(text: str) -> str:
    for ch in ("\\", "*", "_", "`", "|", "<", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


def inline(value: Inline, *, breaks: str = "\\\n") -> str:
    """Inline content; a line break becomes ``breaks`` (a hard break, or a space in a table)."""
    out = []
    for span in on_paper(value):
        mark = _MARK.get(span.style or "", "")
        if mark == "`":
            text = f"`{span.text.replace('`', '')}`"
        elif mark and span.text.strip():
            # emphasis must hug its text: keep surrounding spaces outside the marks
            body = span.text.strip()
            lead = span.text[: len(span.text) - len(span.text.lstrip())]
            tail = span.text[len(span.text.rstrip()) :]
            text = f"{lead}{mark}{_escape(body)}{mark}{tail}"
        else:
            text = _escape(span.text)
        if span.link:
            text = f"[{text}](<{span.link}>)"
        out.append(text)
    return "".join(out).replace("\n", breaks)


def _table(columns: list[str], aligns: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join(aligns) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _block(block: Block, level: int, hints: list[str]) -> list[str]:
    h = "#" * min(level, 6)
    if isinstance(block, Heading):
        return [f"{'#' * min(level + block.level - 1, 6)} {_escape(block.text)}", ""]
    if isinstance(block, Para):
        return [inline(block.content, breaks=" "), ""]
    if isinstance(block, Hint):
        hints.append(inline(block.content, breaks=" "))
        return []
    if isinstance(block, SourceList):
        items = [
            f"- `{s['key']}` {_escape(described(s))}" + (f" <{s['url']}>" if s.get("url") else "")
            for s in block.sources
        ]
        return [f"{h} {_escape(block.title or 'Sources')}", "", *items, ""]
    if isinstance(block, Bullets):
        head = [f"**{_escape(block.title)}**", ""] if block.title else []
        if block.marks:
            items = [f"- **{_escape(mark)}**: " for mark in block.marks]
        else:
            items = [f"{i + 1}. " if block.numbered else "- " for i in range(len(block.items))]
        return (
            head
            + [
                m + inline(item, breaks="\\\n" + " " * len(m))
                for m, item in zip(items, block.items, strict=True)
            ]
            + [""]
        )
    if isinstance(block, Table):
        head = [f"**{_escape(block.title)}**", ""] if block.title else []
        aligns = ["---:" if c.justify == "right" else "---" for c in block.columns]
        body = _table(
            [_escape(c.header) for c in block.columns],
            aligns,
            [[inline(c, breaks=" ") for c in row] for row in block.rows],
        )
        tail = ["", f"_{_escape(block.caption)}_"] if block.caption else []
        return head + body + tail + [""]
    if isinstance(block, Bars):
        top = block.top()
        rows = [
            [_escape(b.label), _escape(b.text), "█" * max(1, round(BAR_WIDTH * b.value / top))]
            for b in block.bars
        ]
        return [
            f"**{_escape(block.title)}**",
            "",
            *_table(["", "Value", ""], ["---", "---:", "---"], rows),
            "",
        ]
    if isinstance(block, Notes):
        lines = []
        for item in block.items:
            mark, rest = note_mark(item)
            lines.append(f"- {mark + ' ' if mark != '-' else ''}{inline(rest, breaks=' ')}")
        return ["**Notes**", "", *lines, ""]
    if isinstance(block, Panel):
        lines = [f"{h}# {inline(block.title, breaks=' ')}", ""]
        if block.subtitle:
            lines += [f"_{_escape(block.subtitle)}_", ""]
        for inner in block.body:
            lines += _block(inner, level + 2, hints)
        return lines
    if isinstance(block, Section):
        lines = [f"{h} {_escape(block.title)}", ""]
        for inner in block.body:
            lines += _block(inner, level + 1, hints)
        return lines
    raise TypeError(f"cannot render {type(block).__name__}")


def render(doc: Document, about: dict[str, str] | None = None) -> str:
    """The document; ``about`` (data as of, printed, version) goes under the title."""
    lines = [f"# {_escape(doc.title)}", ""]
    if about:
        lines += ["_" + _escape(" · ".join(f"{k} {v}" for k, v in about.items())) + "_", ""]
    hints: list[str] = []
    for block in doc.blocks:
        lines += _block(block, 2, hints)
    if hints:
        lines += ["## In the terminal", "", *(f"- {h}" for h in dict.fromkeys(hints)), ""]
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"
