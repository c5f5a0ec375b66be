"""``mrt-guide compare``: credentials side by side, one column each, one row per question.

On a terminal too narrow for the columns the table is drawn one question at a time, each
credential's answer under it (``render.to_rich`` stacks a table that does not fit)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Column, Document, Hint, Inline, Notes, Para, Span, Table, plain_text, spans

if TYPE_CHECKING:
    from ..records import CompareColumn, CompareOut

STARTS = {
    "none": "after high school",
    "high-school": "from high school",
    "certificate": "from a certificate",
    "associate": "from an associate degree",
    "bachelor": "from a bachelor's",
}
LEVELS = {
    "none": "none",
    "high-school": "a high-school diploma",
    "certificate": "a certificate",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
}
ORDER = list(LEVELS)
UNKNOWN = Span("unknown", "warn")


class Cite:
    """How a cell cites: in a document, a numbered note per source (the note names it), so the
    side-by-side table stays narrow, and notes for what a cell leaves out; in plain text,
    ``[key]`` and the left-out text in parentheses. A flag other than official is said in the cell."""

    def __init__(self, sources: Mapping[str, Any] | None) -> None:
        self.sources = sources

    def __call__(self, record: Mapping[str, Any]) -> list[Span]:
        if self.sources is None:
            return [Span(" "), *fmt.cite(record)]
        key = str(record["source"])
        found = self.sources.get(key)
        said: list[str | Span] = [*fmt.cite(record), " "]
        if found:
            said.append(f"{found['publisher']}: {found['title']} ({found['vintage']}).")
        flag = record["flag"]
        shown = [Span(f" {flag}", flag)] if flag != "official" else []
        return [*shown, Span("*", "mark", note=f"source {key}", gloss=said), *fmt.ref(record)]

    def note(self, key: str, text: str) -> list[Span]:
        if self.sources is None:
            return [Span(f" ({text})")]
        return [Span("*", "mark", note=key, gloss=text)]


def _joined(parts: Sequence[Inline], sep: str = "; ") -> list[Span]:
    out: list[Span] = []
    for i, part in enumerate(parts):
        if i:
            out.append(Span(sep))
        out += spans(part)
    return out


def _cited(
    figs: Sequence[Mapping[str, Any]], cite: Cite, sep: str = ", ", labels: bool = False
) -> list[Span]:
    """Figures' values, each run of one year and source followed once by its year and citation."""
    out: list[Span] = []
    for i, fig in enumerate(figs):
        if i:
            out.append(Span(sep))
        if labels:
            out.append(Span(f"{fig['label']}: "))
        out.append(Span(fmt.value(fig), "strong"))
        following = figs[i + 1] if i + 1 < len(figs) else None
        same = following is not None and (following["year"], following["source"], following["flag"]) == (
            fig["year"],
            fig["source"],
            fig["flag"],
        )
        if not same:
            out += [Span(f" ({fmt.period(fig)})"), *cite(fig)]
    return out


def _open(way: Mapping[str, Any]) -> bool:
    """A way in that asks for nothing: no education, program, credential, subject or experience."""
    return (
        way["education"] is None
        and way["accredited_by"] is None
        and not way["credentials"]
        and way["coursework"] is None
        and way["extra_program"] is None
        and way["experience"] is None
        and not way["figures"]
    )


def _eligible(col: CompareColumn, cite: Cite) -> list[Span]:
    elig = col["eligibility"]
    parts: list[Inline] = [[f["text"], *cite(f)] for f in elig["required"]]
    ways = [p for p in elig["pathways"] if not p["recommended"]]
    if len(ways) == 1:
        said = "Asks no education or experience" if _open(ways[0]) else ways[0]["text"]
        parts.append([said, *cite(ways[0])])
    elif ways:
        levels = [ORDER.index(str(w["education"])) for w in ways if w["education"] is not None]
        lowest = ORDER[min(levels)] if levels else None
        said = f"Any of {len(ways)} ways" + (f", from {LEVELS[lowest]}" if lowest else "")
        listed = " Or: ".join(w["text"] for w in ways)
        parts.append([said, *cite(ways[0]), *cite.note(f"ways {col['id']}", listed)])
    if elig["missing"]:
        parts.append([UNKNOWN, f": {elig['missing']}"])
    return _joined(parts, " ") if parts else [UNKNOWN]


def _range(figs: Sequence[Mapping[str, Any]]) -> str:
    """``1-2 years`` from figures of one unit (the lowest and highest)."""
    low = min(figs, key=lambda f: f["value"])
    high = max(figs, key=lambda f: f["value"])
    if low["value"] == high["value"] or low["unit"] != high["unit"]:
        return fmt.value(low)
    return fmt.value({**low, "upper": high["value"]})


def _prepare(col: CompareColumn, cite: Cite) -> list[Span]:
    parts: list[Inline] = []
    prep = col["preparation"]
    if prep is not None:
        length = "" if prep["length"] is None else f" ({fmt.value(prep['length'])})"
        parts.append([f"{prep['label']}{length}", *cite(prep)])  # an unknown length: the Time row says so
    advised = [p for p in col["eligibility"]["pathways"] if p["recommended"]]
    if advised:
        years = [p["experience"] for p in advised if p["experience"] is not None]
        if len(advised) == 1:
            said = "one way" + (f", with {_range(years)} of experience" if years else "")
        else:
            some = "each" if len(years) == len(advised) else str(len(years))
            said = f"any of {len(advised)} ways" + (
                f", {some} with {_range(years)} of experience" if years else ""
            )
        listed = " Or: ".join(p["text"] for p in advised)
        parts.append([f"Recommended: {said}", *cite(advised[0]), *cite.note(f"ways {col['id']}", listed)])
    app = col["apprentice"]
    if app is not None:
        removal = app["removal"]
        text = f"{app['id']} until {_range([r['experience'] for r in removal])} of "
        if prep is None:
            text += f"verified work ({fmt.count(len(removal), 'way', 'ways')})"
        else:
            text += "work"  # the note lists the ways; with the course, one screen at 80 columns
        listed = " Or: ".join(r["text"] for r in removal)
        parts.append([text, *cite(app), *cite.note(f"ways {app['id']}", listed)])
    programs = [p for p in col["eligibility"]["pathways"] if not p["recommended"] and p["accredited_by"]]
    if not parts and programs:
        parts.append(f"The {programs[0]['accredited_by']}-accredited program it asks for")
    return _joined(parts) if parts else [UNKNOWN]


def _exam(col: CompareColumn, cite: Cite) -> list[Span]:
    exam = col["exam"]
    cases = [f for f in exam["items"] if f["unit"] == "cases"][:1]
    shown = [*exam["items"][:1], *cases, *exam["length"][:1]]
    return _cited(shown, cite) if shown else [UNKNOWN]


def _fees(col: CompareColumn, cite: Cite) -> list[Span]:
    fees = col["exam"]["fees"]
    if not fees:
        return [UNKNOWN]
    out = _cited(fees, cite, " / ")
    if len(fees) > 1:
        out += cite.note(f"fees {col['id']}", "; ".join(f"{f['label']}: {fmt.value(f)}" for f in fees) + ".")
    return out


def _retake(col: CompareColumn, cite: Cite) -> list[Span]:
    return _cited(col["exam"]["retake"][:1], cite) if col["exam"]["retake"] else [UNKNOWN]


def _step(step: Mapping[str, Any]) -> str:
    what = step["route"] or (f"{step['cert']} exam" if step["kind"] == "exam" else step["kind"])
    if step["months"] is None:
        return f"{what} (length unknown)"
    if step["kind"] == "exam" or not step["months"]:
        return what
    text = f"{what} {step['months']}"
    return f"{text} (recommended)" if step["recommended"] else text


def _time(col: CompareColumn, cite: Cite) -> list[Span]:
    time = col["time"]
    if time is None:
        return [UNKNOWN, Span(": no plan goal leads to it")]
    steps = [_step(s) for s in time["steps"] if s["kind"] != "school"]
    months = time["months"]
    head = [UNKNOWN] if months is None else [Span(fmt.count(months, "month", "months"), "strong")]
    return [*head, Span(": " + (", ".join(steps) if steps else "no step before the exam"))]


def _ce(col: CompareColumn, cite: Cite) -> list[Span]:
    ren = col["renewal"]
    out = _cited([ren["ceus"], ren["cycle"]], cite, " / ")
    found, rule = col["with_others"], col["combined"]
    if found is not None:
        total = fmt.value({"value": found["total"], "unit": found["unit"]})
        out += [Span(f"; {', '.join(found['credentials'])} together: "), Span(total, "strong")]
        said = ["derived"] if found["derived"] else []
        said += [f"{', '.join(found['replaced'])} not counted beside it"] if found["replaced"] else []
        if said:
            out.append(Span(f" ({'; '.join(said)})", "muted"))
        if rule is not None:
            out += cite(rule)
    return out


def _pay(col: CompareColumn, cite: Cite) -> list[Span]:
    pay = col["pay"]
    survey = (pay["holders"] or pay["field"])[:1]
    if survey:
        s = survey[0]
        fig = s["figure"]
        # a figure of the field, not of this credential's holders, says so
        whose = f" ({s['title']})" if pay["holders"] else f", not {col['id']} holders alone"
        return [
            *_cited([fig], cite),
            *cite.note(f"survey {s['survey']}", f"{s['title']} ({s['year']}): {s['population']}."),
            Span(f" {fig['label']}{whose}", "muted"),
        ]
    if pay["careers"]:
        career = pay["careers"][0]
        code = f" ({career['soc']})" if career["soc"] else ""
        fig = career["pay"]
        return [*_cited([fig], cite), Span(f" {fig['label']}, {career['title']}{code}", "muted")]
    return [UNKNOWN]


ROWS: tuple[tuple[str, Callable[[CompareColumn, Cite], list[Span]]], ...] = (
    ("For", lambda c, cite: [Span(c["audience"]["text"]), *cite(c["audience"])]),
    ("Eligible", _eligible),
    ("Prepare", _prepare),
    ("Exam", _exam),
    ("Fee", _fees),
    ("Retake", _retake),
    ("Time", _time),
    ("CE", _ce),
    ("Pay", _pay),
)
"""The questions, in reading order: a row label and the answer for one credential."""


def _header(col: CompareColumn) -> str:
    return f"{col['id']} ({col['issuer']['id']})"


def _after(data: CompareOut, cite: Cite) -> Para | None:
    """What holds for all the columns: the occupation's official median (the whole occupation,
    not a credential's holders) and, for credentials of different issuers held together, what
    each issuer's cycle owes."""
    parts: list[Inline] = []
    occupation = data["occupation"]
    if occupation["pay"] is not None:
        fig = occupation["pay"]
        parts.append([f"{fig['label']}, the whole occupation: ", *_cited([fig], cite), "."])
    groups = data["together"]
    if len(groups) > 1:
        owed = [
            f"{g['issuer']} {fmt.value({'value': g['total'], 'unit': g['unit']})}"
            f" ({', '.join(g['credentials'])})"
            for g in groups
        ]
        parts.append(f"Held together, each issuer's cycle owes its own: {', '.join(owed)}.")
    return Para(_joined(parts, " ")) if parts else None


def build(data: CompareOut) -> Document:
    cols = data["columns"]
    cite = Cite(data.get("sources", {}))
    doc = Document(f"Compare {', '.join(c['id'] for c in cols)} (time {STARTS[data['start']]})")
    rows: list[list[Inline]] = [[label, *(answer(c, cite) for c in cols)] for label, answer in ROWS]
    doc.add(Table([Column(""), *(Column(_header(c)) for c in cols)], rows, compact=True))
    doc.add(_after(data, cite))
    shown = [*fmt.figures_of(cols), *(c["audience"] for c in cols)]
    flags = [n for n in ("secondary", "article-only") if any(r.get("flag") == n for r in shown)]
    doc.add(
        Notes([[fmt.flag(n), f": {fmt.FLAG_NOTES[n]}."] for n in flags] or [["Every figure is official."]])
    )
    links = [fmt.command(c["link"]) for c in cols]
    links += [fmt.command(c["time"]["plan"]) for c in cols if c["time"] is not None]
    doc.add(Hint(["More: ", ", ".join(links), ". Sources in full: mrt-guide sources."]))
    return doc


def records(data: CompareOut) -> Table:
    """One row per credential, one column per question, as plain text with ``[source]``."""
    cite = Cite(None)
    rows = [
        [c["id"], c["issuer"]["id"], *(plain_text(answer(c, cite)) for _, answer in ROWS)]
        for c in data["columns"]
    ]
    return Table([Column("id"), Column("issuer"), *(Column(label.lower()) for label, _ in ROWS)], rows)
