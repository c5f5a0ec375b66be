"""GitHub-flavoured Markdown: headings, tables, lists."""

from __future__ import annotations

from ..views.doc import (
    Bars,
    Block,
    Bullets,
    Document,
    Heading,
    Inline,
    Notes,
    Panel,
    Para,
    Section,
    Table,
    spans,
)

_MARK = {"strong": "**", "match": "**", "code": "`", "muted": "_"}
BAR_WIDTH = 30


def _escape(text: str) -> str:
    for ch in ("\\", "*", "_", "`", "|", "<", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


def inline(value: Inline) -> str:
    out = []
    for span in spans(value):
        mark = _MARK.get(span.style or "", "")
        if mark == "`":
            out.append(f"`{span.text.replace('`', '')}`")
        elif mark and span.text.strip():
            # emphasis must hug its text: keep surrounding spaces outside the marks
            body = span.text.strip()
            lead = span.text[: len(span.text) - len(span.text.lstrip())]
            tail = span.text[len(span.text.rstrip()) :]
            out.append(f"{lead}{mark}{_escape(body)}{mark}{tail}")
        else:
            out.append(_escape(span.text))
    return "".join(out).replace("\n", "<br>")


def _table(columns: list[str], aligns: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join(aligns) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _block(block: Block, level: int) -> list[str]:
    h = "#" * min(level, 6)
    if isinstance(block, Heading):
        return [f"{'#' * min(level + block.level - 1, 6)} {_escape(block.text)}", ""]
    if isinstance(block, Para):
        return [inline(block.content), ""]
    if isinstance(block, Bullets):
        head = [f"**{_escape(block.title)}**", ""] if block.title else []
        if block.marks:
            items = [f"- **{_escape(mark)}**: " for mark in block.marks]
        else:
            items = [f"{i + 1}. " if block.numbered else "- " for i in range(len(block.items))]
        return head + [m + inline(item) for m, item in zip(items, block.items, strict=True)] + [""]
    if isinstance(block, Table):
        head = [f"**{_escape(block.title)}**", ""] if block.title else []
        aligns = ["---:" if c.justify == "right" else "---" for c in block.columns]
        body = _table(
            [_escape(c.header) for c in block.columns],
            aligns,
            [[inline(c) for c in row] for row in block.rows],
        )
        tail = ["", f"_{_escape(block.caption)}_"] if block.caption else []
        return head + body + tail + [""]
    if isinstance(block, Bars):
        top = max((b.value for b in block.bars), default=1) or 1
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
        return ["**Notes**", "", *[f"- {inline(item)}" for item in block.items], ""]
    if isinstance(block, Panel):
        lines = [f"{h}# {inline(block.title)}", ""]
        if block.subtitle:
            lines += [f"_{_escape(block.subtitle)}_", ""]
        for inner in block.body:
            lines += _block(inner, level + 2)
        return lines
    if isinstance(block, Section):
        lines = [f"{h} {_escape(block.title)}", ""]
        for inner in block.body:
            lines += _block(inner, level + 1)
        return lines
    raise TypeError(f"cannot render {type(block).__name__}")


def render(doc: Document) -> str:
    lines = [f"# {_escape(doc.title)}", ""]
    for block in doc.blocks:
        lines += _block(block, 2)
    return "\n".join(lines).rstrip() + "\n"
