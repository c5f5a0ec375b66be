"""How figures, periods, flags and sources read in every view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .doc import Column, Inline, Span, Table, spans

_UNITS: dict[str, tuple[str, str]] = {
    # unit: (singular, plural) words after the number; "" for none
    "jobs": ("job", "jobs"),
    "workers": ("worker", "workers"),
    "months": ("month", "months"),
    "years": ("year", "years"),
    "hours": ("hour", "hours"),
    "ceu": ("CEU", "CEUs"),
    "ce_hours": ("CE hour", "CE hours"),
    "questions": ("question", "questions"),
    "credit_hours": ("credit hour", "credit hours"),
    "minutes": ("minute", "minutes"),
    "days": ("day", "days"),
    "cases": ("case", "cases"),
}

FLAG_NOTES = {
    "official": "read on the issuing body's own page",
    "secondary": "read on a third-party page that cites the official source; check before relying on it",
    "article-only": "found only in the seed article; no official source was found",
}


def command(link: Mapping[str, Any]) -> str:
    """A link record as the command line a reader types: ``mrt-guide certs RHIT``."""
    return " ".join(["mrt-guide", link["command"], *link["args"]])


def figures_of(obj: Any) -> list[Mapping[str, Any]]:
    """Every figure record inside a command's records, depth first (for a table of them)."""
    found: list[Mapping[str, Any]] = []
    if isinstance(obj, dict):
        if isinstance(obj.get("unit"), str) and "value" in obj and "year" in obj and "label" in obj:
            found.append(obj)
        for value in obj.values():
            found += figures_of(value)
    elif isinstance(obj, list):
        for item in obj:
            found += figures_of(item)
    return found


def cite_text(record: Mapping[str, Any]) -> str:
    """``cite`` as plain text: ``[ooh-2021]``, ``[jobhuntday-2024, secondary]``, ``[article-only]``."""
    if record["flag"] == "article-only":
        return "[article-only]"
    if record["flag"] == "official":
        return f"[{record['source']}]"
    return f"[{record['source']}, {record['flag']}]"


def cite(record: Mapping[str, Any]) -> list[Span]:
    """A compact citation: ``[ooh-2021]`` for an official source; the flag shown where it
    matters, ``[jobhuntday-2024, secondary]``; the seed article as ``[article-only]``."""
    flag_name = record["flag"]
    if flag_name == "article-only":
        return [Span("[", "muted"), Span("article-only", "article-only"), Span("]", "muted")]
    parts = [Span(f"[{record['source']}", "muted")]
    if flag_name != "official":
        parts += [Span(", ", "muted"), Span(flag_name, flag_name)]
    return [*parts, Span("]", "muted")]


def count(n: int, one: str, many: str) -> str:
    """``1 figure``, ``3 figures``."""
    return f"{n} {one if n == 1 else many}"


def number(value: float, unit: str) -> str:
    if unit in ("usd_per_year", "usd_per_hour", "usd"):
        cents = unit == "usd_per_hour" or (unit == "usd" and not float(value).is_integer())
        return f"${value:,.2f}" if cents else f"${value:,.0f}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,}"


def value(fig: Mapping[str, Any], *, words: bool = True) -> str:
    """A figure's value with its unit: ``$37,110/yr``, ``$17.84/hr``, ``up to 6 months``.

    ``words=False`` leaves out unit words (``27,800`` for 27,800 jobs) where a column header says them.
    """
    unit = fig["unit"]
    text = number(fig["value"], unit)
    if fig.get("upper") is not None:
        text += "-" + number(fig["upper"], unit)
    if not words and unit in _UNITS:
        pass
    elif unit == "usd_per_hour":
        text += "/hr"
    elif unit == "usd_per_year":
        text += "/yr"
    elif unit == "percent":
        text += "%"
    elif unit == "usd":
        pass
    else:
        one, many = _UNITS[unit]
        plural = fig.get("upper") is not None or fig["value"] != 1
        text += " " + (many if plural else one)
    if fig.get("qualifier"):
        text = f"{fig['qualifier']} {text}"
    return text


def period(fig: Mapping[str, Any]) -> str:
    """The year a figure describes: ``2015`` or ``2016-26``."""
    start, end = fig["year"], fig.get("year_end")
    if end is None:
        return str(start)
    return f"{start}-{end % 100:02d}" if end // 100 == start // 100 else f"{start}-{end}"


def flag(name: str) -> Span:
    return Span(name, name)  # type: ignore[arg-type]


def article_note(record: Mapping[str, Any]) -> str | None:
    """How a figure or statement is often put differently, and what is right, for a reader
    who never saw the source that put it so: the record's correction."""
    claim = record.get("article")
    if not claim or not claim.get("correction"):
        return None
    return str(claim["correction"])


def gloss(record: Mapping[str, Any]) -> Inline | None:
    """What a note on ``record`` says: its correction and its note; None if nothing."""
    parts = [p for p in (article_note(record), record.get("note")) if p]
    if not parts:
        return None
    text = " ".join(parts)
    if "label" in record and "year" in record:
        return [Span(f"{record['label']} ({period(record)})", "strong"), f": {text}"]
    return text


def ref(record: Mapping[str, Any]) -> list[Span]:
    """A note marker for ``record`` where it has a note (nothing where it has none): put it
    after the record wherever it is shown; ``doc.number_notes`` numbers it and lists the note."""
    said = gloss(record)
    if said is None:
        return []
    key = str(record.get("id") or record.get("key") or record.get("text") or record.get("label"))
    return [Span("*", "mark", note=key, gloss=said)]


def figure_notes(records: Sequence[Mapping[str, Any]], sources: Mapping[str, Any]) -> list[Inline]:
    """The notes a command's output ends with, beside those its markers bring (see ``ref``):
    what the flags of the shown records mean, and the sources cited, by key. With no sources
    (a section of the whole guide, which lists both once, at its end) nothing."""
    if not sources:
        return []
    notes: list[Inline] = []
    for name in ("secondary", "article-only"):
        if any(r.get("flag") == name for r in records):
            notes.append([flag(name), f": {FLAG_NOTES[name]}."])
    notes.append(
        [
            "Sources: "
            + "; ".join(f"{key} = {src['publisher']}, {src['vintage']}" for key, src in sources.items())
            + ".",
            Span(" Titles and links: mrt-guide sources.", "hint"),
        ]
    )
    return notes


def label(fig: Mapping[str, Any]) -> Inline:
    """A figure's label, with its note marker when it has a note."""
    marker = ref(fig)
    return [fig["label"], *marker] if marker else fig["label"]


def figure_table(
    figures: Sequence[Mapping[str, Any]], title: str | None = None, *, ids: bool = False
) -> Table:
    """Figures as rows: what, value, year, source, flag (and id first when ``ids``)."""
    columns = [
        Column("What"),
        Column("Value", "right", no_wrap=True),
        Column("Year", no_wrap=True),
        Column("Source", no_wrap=True),
        Column("Flag", no_wrap=True),
    ]
    rows: list[list[Inline]] = [
        [f["label"] if ids else label(f), value(f), period(f), Span(f["source"], "code"), flag(f["flag"])]
        for f in figures
    ]
    if ids:
        columns.insert(0, Column("id"))
        rows = [[f["id"], *row] for f, row in zip(figures, rows, strict=True)]
    return Table(columns, rows, title=title)


def every_figure(data: Mapping[str, Any]) -> Table:
    """Every figure inside a command's records, once, in reading order, with its id: the
    plain records of a document that gathers figures from many parts (facts, handout, guide)."""
    seen: dict[str, Mapping[str, Any]] = {}
    for fig in figures_of({k: v for k, v in data.items() if k != "sources"}):
        seen.setdefault(fig["id"], fig)
    return figure_table(list(seen.values()), ids=True)


def figure_line(fig: Mapping[str, Any]) -> Inline:
    """``label: value (year) [source]`` for a figure shown inside prose, with its note marker."""
    return [*spans(label(fig)), ": ", Span(value(fig), "strong"), f" ({period(fig)}) ", *cite(fig)]


def value_line(fig: Mapping[str, Any]) -> Inline:
    """``value (year) [source]`` with the note marker: a figure where its label is the heading."""
    return [Span(value(fig), "strong"), f" ({period(fig)}) ", *cite(fig), *ref(fig)]


def sourced_line(record: Mapping[str, Any]) -> Inline:
    """A sourced statement, its compact citation and its note marker."""
    return [record["text"], " ", *cite(record), *ref(record)]


def statement_table(records: Sequence[Mapping[str, Any]]) -> Table:
    """One row per sourced statement: id, text, source, flag."""
    return Table(
        [Column("id"), Column("Text"), Column("Source", no_wrap=True), Column("Flag", no_wrap=True)],
        [[r["id"], r["text"], r["source"], r["flag"]] for r in records],
    )


UNSTATED = "group not stated"
"""The one label for figures whose source gives no occupation code."""
BROADER = "broader group"
"""The one word for a group that includes the occupation (29-2098)."""


def code_of(fig: dict[str, Any], codes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The occupation code record a figure's source publishes under, where the dataset says."""
    return next((c for c in codes if fig["source"] in c["figures_from"]), None)


def code_cell(code: dict[str, Any] | None) -> str:
    """A code as a table cell shows it: ``29-2072``, ``29-2098 (broader group)``, ``group not stated``."""
    if code is None or code.get("code") is None:
        return UNSTATED
    return f"{code['code']} ({BROADER})" if code.get("broader") else str(code["code"])


def code_legend(codes: list[dict[str, Any]]) -> str:
    """What each code shown stands for, in one sentence: ``29-2071 is ...; 29-2098 (broader
    group) is ...``."""
    return "; ".join(f"{code_cell(c)} is {c['title']}" for c in codes)
