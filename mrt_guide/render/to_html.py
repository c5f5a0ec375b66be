"""A document as a standalone HTML page: for a browser, a phone and paper.

Semantic headings, real tables, lists, notes and sources as links; one embedded
stylesheet and nothing loaded from the network; readable on a phone (no sideways
scrolling of the page) and on paper (page margins, tables and headings kept whole,
addresses printed). Colors meet WCAG AA contrast on white. Terminal hints
("More: mrt-guide degrees") are gathered into one short box at the end. Stdlib only.
"""

from __future__ import annotations

from html import escape

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

STYLE = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1b1b1b; overflow-wrap: break-word;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #1f4e79; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .4rem 0; }
.meta { color: #4a4a4a; margin: 0 0 1rem; }
.muted { color: #4a4a4a; }
.warn { color: #7a3e00; font-style: normal; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em;
  background: #f1f3f5; padding: 0 .2em; border-radius: 3px; }
mark { background: #fff3b0; color: inherit; }
sup { font-size: .75em; }
ul, ol { padding-left: 1.4rem; margin: .3rem 0 .8rem; }
li { margin: .2rem 0; }
.flag { font-size: .85em; white-space: nowrap; }
.flag-secondary { color: #7a4b00; }
.flag-article-only { color: #6b2468; }
.table-wrap { overflow-x: auto; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .95em; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; }
th, td { border-bottom: 1px solid #c9ced6; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #eef1f5; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.caption { font-size: .9em; color: #4a4a4a; }
.bars td { border: 0; padding: .15rem .5rem; }
.bars .track { width: 50%; }
.bar { display: block; height: .8rem; background: #9db8d6; border: 1px solid #1f4e79; border-radius: 2px; }
.timeline dt { font-weight: 600; margin-top: .7rem; }
.timeline dd { margin: 0 0 0 1.2rem; }
aside.notes { font-size: .9em; color: #333; border-top: 1px solid #c9ced6; margin-top: 1rem; }
aside.notes ul { list-style: none; padding-left: 0; }
.panel { border: 1px solid #c9ced6; border-radius: 6px; padding: .2rem 1rem .6rem; margin: 1rem 0; }
.sources li { margin: .3rem 0; }
.terminal { border: 1px dashed #8a929c; border-radius: 6px; padding: .3rem 1rem .6rem; margin-top: 2rem;
  font-size: .9em; }
.terminal h2 { border: 0; font-size: 1rem; margin: .4rem 0; }
@media screen and (max-width: 600px) {
  main { padding: 1rem .8rem 2rem; }
  h1 { font-size: 1.4rem; }
  .timeline dd { margin-left: .4rem; }
  /* a phone: each row of a table becomes a card of "header: value" lines */
  .stack table, .stack tbody, .stack tr, .stack td, .stack caption { display: block; width: auto; }
  .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .stack tr { border-bottom: 1px solid #c9ced6; padding: .3rem 0; }
  .stack td { border: 0; padding: .1rem 0; text-align: left; white-space: normal; }
  .stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
@page { margin: 11mm 12mm 12mm; }
@media print {
  html { font-size: 9pt; }
  body { font-size: 1rem; line-height: 1.3; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.2rem; margin: .9rem 0 .35rem; break-after: avoid; page-break-after: avoid; }
  h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  p { margin: .25rem 0; }
  ul, ol { margin: .2rem 0 .4rem; }
  li { margin: .1rem 0; }
  th, td { padding: .2rem .4rem; }
  .table-wrap { margin: .3rem 0 .5rem; overflow: visible; }
  table, .table-wrap, .bars, .panel, figure, li, dd { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; }
  .sources { font-size: .85em; }
  .sources li { margin: .05rem 0; }
  table { font-size: .92em; }
  a { color: #1b1b1b; text-decoration: none; }
  .terminal { display: none; }
}
"""

_TAGS = {
    "strong": ("<strong>", "</strong>"),
    "muted": ('<span class="muted">', "</span>"),
    "match": ("<mark>", "</mark>"),
    "warn": ('<em class="warn">', "</em>"),
    "code": ("<code>", "</code>"),
    "official": ('<span class="flag flag-official">', "</span>"),
    "secondary": ('<span class="flag flag-secondary">', "</span>"),
    "article-only": ('<span class="flag flag-article-only">', "</span>"),
    "mark": ("<sup>", "</sup>"),
}


def inline(value: Inline) -> str:
    out = []
    for span in on_paper(value):
        text = escape(span.text).replace("\n", "<br>")
        opening, closing = _TAGS.get(span.style or "", ("", ""))
        if span.link:
            text = f'<a href="{escape(span.link, quote=True)}">{text}</a>'
        out.append(f"{opening}{text}{closing}")
    return "".join(out)


class _Page:
    """Renders blocks in order, gathering terminal hints for the box at the end."""

    def __init__(self) -> None:
        self.hints: list[str] = []

    def blocks(self, blocks: list[Block] | tuple[Block, ...], level: int) -> list[str]:
        out: list[str] = []
        for block in blocks:
            out += self.block(block, level)
        return out

    def block(self, block: Block, level: int) -> list[str]:
        h = min(level, 6)
        if isinstance(block, Heading):
            n = min(level + block.level - 1, 6)
            return [f"<h{n}>{escape(block.text)}</h{n}>"]
        if isinstance(block, Para):
            cls = f' class="{block.style}"' if block.style in ("muted", "warn") else ""
            return [f"<p{cls}>{inline(block.content)}</p>"]
        if isinstance(block, Hint):
            self.hints.append(inline(block.content))
            return []
        if isinstance(block, Bullets):
            head = [f"<h{min(h + 1, 6)}>{escape(block.title)}</h{min(h + 1, 6)}>"] if block.title else []
            if block.marks is not None:
                items = [
                    f"<dt>{escape(m)}</dt><dd>{inline(i)}</dd>"
                    for m, i in zip(block.marks, block.items, strict=True)
                ]
                return [*head, '<dl class="timeline">', *items, "</dl>"]
            tag = "ol" if block.numbered else "ul"
            return [*head, f"<{tag}>", *(f"<li>{inline(i)}</li>" for i in block.items), f"</{tag}>"]
        if isinstance(block, Table):
            classes = [
                ' class="num"' if c.justify == "right" else ' class="nowrap"' if c.no_wrap else ""
                for c in block.columns
            ]
            header = "".join(
                f'<th scope="col"{k}>{escape(c.header)}</th>'
                for c, k in zip(block.columns, classes, strict=True)
            )
            labels = [
                f' data-label="{escape(c.header, quote=True)}"' if c.header else "" for c in block.columns
            ]
            rows = [
                "<tr>"
                + "".join(
                    f"<td{k}{label}>{inline(cell)}</td>"
                    for cell, k, label in zip(row, classes, labels, strict=True)
                )
                + "</tr>"
                for row in block.rows
            ]
            caption = f"<caption>{escape(block.title)}</caption>" if block.title else ""
            after = [f'<p class="caption">{escape(block.caption)}</p>'] if block.caption else []
            return [
                '<div class="table-wrap stack">',
                f"<table>{caption}<thead><tr>{header}</tr></thead><tbody>",
                *rows,
                "</tbody></table>",
                *after,
                "</div>",
            ]
        if isinstance(block, Bars):
            top = block.top()
            rows = [
                f'<tr><th scope="row">{escape(b.label)}</th><td class="track">'
                f'<span class="bar" style="width:{max(1.0, 100 * b.value / top):.1f}%"></span></td>'
                f'<td class="num">{escape(b.text)}</td><td class="muted">{escape(b.note)}</td></tr>'
                for b in block.bars
            ]
            return [
                '<div class="table-wrap bars">',
                f"<table><caption>{escape(block.title)}</caption><tbody>",
                *rows,
                "</tbody></table></div>",
            ]
        if isinstance(block, Notes):
            items = []
            for item in block.items:
                mark, rest = note_mark(item)
                shown = f"<sup>{escape(mark)}</sup> " if mark != "-" else ""
                items.append(f"<li>{shown}{inline(rest)}</li>")
            return ['<aside class="notes"><h4>Notes</h4><ul>', *items, "</ul></aside>"]
        if isinstance(block, SourceList):
            title = block.title or "Sources"
            items = []
            for s in block.sources:
                url = s.get("url")
                address = f' <a href="{escape(str(url), quote=True)}">{escape(str(url))}</a>' if url else ""
                key = escape(str(s["key"]), quote=True)
                items.append(f'<li id="source-{key}"><code>{key}</code> {escape(described(s))}{address}</li>')
            return [f'<section class="sources"><h{h}>{escape(title)}</h{h}><ol>', *items, "</ol></section>"]
        if isinstance(block, Panel):
            title = inline(block.title)
            return [
                f'<section class="panel"><h{min(h + 1, 6)}>{title}</h{min(h + 1, 6)}>',
                *self.blocks(list(block.body), level + 2),
                f'<p class="muted">{escape(block.subtitle)}</p>' if block.subtitle else "",
                "</section>",
            ]
        if isinstance(block, Section):
            return [
                f"<section><h{h}>{escape(block.title)}</h{h}>",
                *self.blocks(list(block.body), level + 1),
                "</section>",
            ]
        raise TypeError(f"cannot render {type(block).__name__}")


def render(doc: Document, about: dict[str, str] | None = None) -> str:
    """The page: ``about`` holds the facts printed under the title (data as of, printed, version)."""
    page = _Page()
    body = page.blocks(doc.blocks, 2)
    meta = " · ".join(f"{escape(k)} {escape(v)}" for k, v in (about or {}).items())
    terminal = (
        [
            '<aside class="terminal"><h2>In the terminal</h2><ul>',
            *(f"<li>{h}</li>" for h in dict.fromkeys(page.hints)),
            "</ul></aside>",
        ]
        if page.hints
        else []
    )
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body><main>",
        f"<header><h1>{escape(doc.title)}</h1>"
        + (f'<p class="meta">{meta}</p>' if meta else "")
        + "</header>",
        *[line for line in body if line],
        *terminal,
        "</main></body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
