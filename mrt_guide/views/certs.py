"""``mrt-guide certs``: the credentials table, or one credential in a panel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Block, Bullets, Column, Document, Hint, Inline, Notes, Para, Span, Table, spans

if TYPE_CHECKING:
    from ..records import CertOut, CertsOut


def renewal(cert: Mapping[str, Any]) -> str:
    return f"{fmt.value(cert['renewal']['ceus'])} every {fmt.value(cert['renewal']['cycle'])}"


def _name(cert: Mapping[str, Any]) -> Inline:
    name: list[str | Span] = [cert["name"]]
    if cert["renamed_from"]:
        name.append(
            Span(f" (formerly {cert['renamed_from']['id']}, {cert['renamed_from']['name']})", "muted")
        )
    return name


def issued_by(issuer: Mapping[str, Any]) -> str:
    """``National Cancer Registrars Association (NCRA)``; ``AAPC`` where the name is the id."""
    return issuer["name"] if issuer["name"] == issuer["id"] else f"{issuer['name']} ({issuer['id']})"


def _list_table(certs: Sequence[Mapping[str, Any]], *, ids: bool, title: str | None = None) -> Table:
    columns = [
        Column("ID" if not ids else "id", no_wrap=True),
        Column("Full name"),
        Column("Issuer"),
        Column("Who it is for"),
        Column("Renewal"),
    ]
    rows: list[list[Inline]] = []
    for c in certs:
        first: Inline = c["id"] if ids else Span(c["id"], "strong")
        if ids:
            rows.append([first, c["name"], c["issuer"], c["audience"], renewal(c)])
        else:
            kept: Inline = [renewal(c), *fmt.ref(c["renewal"]["ceus"]), *fmt.ref(c["renewal"]["cycle"])]
            rows.append([first, [*spans(_name(c)), *fmt.ref(c)], c["issuer"], c["audience"], kept])
    if ids:
        columns += [Column("Source", no_wrap=True), Column("Flag", no_wrap=True)]
        rows = [[*row, c["source"], c["flag"]] for row, c in zip(rows, certs, strict=True)]
    else:  # the table's title names the issuer
        del columns[2]
        rows = [[row[0], row[1], *row[3:]] for row in rows]
    return Table(columns, rows, title=title)


def _list(data: Mapping[str, Any]) -> Document:
    doc = Document("Certifications for medical records technicians")
    for issuer in data["issuers"]:
        certs = [c for c in data["certifications"] if c["issuer"] == issuer["id"]]
        if certs:
            doc.add(_list_table(certs, ids=False, title=f"Issued by {issued_by(issuer)}"))
    doc.add(Bullets([fmt.sourced_line(b) for b in data["benefits"]], title="Why get certified"))
    first = {"command": "certs", "args": [data["certifications"][0]["id"]]}
    doc.add(Hint(["One in full: ", Span(fmt.command(first), "code")]))
    doc.add(
        Notes(
            fmt.figure_notes(
                [c["renewal"]["ceus"] for c in data["certifications"]] + data["benefits"], data["sources"]
            )
        )
    )
    return doc


def _pathway(p: Mapping[str, Any]) -> Inline:
    line: list[Any] = [p["text"]]
    if p["recommended"]:
        line.append(Span(" (recommended, not required)", "muted"))
    line.append(Span(" " + fmt.cite_text(p), "muted"))
    return line


def _rules(rules: Sequence[Mapping[str, Any]]) -> list[Inline]:
    """Each rule, then the figures it rests on."""
    return [
        line
        for r in rules
        for line in [fmt.sourced_line(r), *(fmt.figure_line(f) for f in r.get("figures", []))]
    ]


def _linked(leads: Sequence[Mapping[str, Any]]) -> list[Inline]:
    """Statements, each followed by the commands of the credentials and degrees it names."""
    lines: list[Inline] = []
    for lead in leads:
        line: list[Any] = list(fmt.sourced_line(lead))  # type: ignore[arg-type]
        for ref in lead["links"]:
            line += ["  → ", Span(fmt.command(ref), "code")]
        lines.append(line)
    return lines


def exam_rules(issuer: Mapping[str, Any]) -> list[Inline]:
    """What holds for every exam of the issuer (its figures are in the text, and in the records)."""
    return [fmt.sourced_line(f) for f in issuer["exams"]["facts"]] if issuer["exams"] else []


def not_found(items: list[str]) -> Para:
    """Everything looked for and not found, said once."""
    return Para([Span("Not found in the sources: ", "warn"), "; ".join(items) + "."])


def _apprentice(a: Mapping[str, Any]) -> list[Block]:
    ways = [fmt.sourced_line(way) for way in a["removal"]] + _rules(a["rules"])
    return [
        Para(
            [Span(f"Apprentice title ({a['id']}): ", "strong"), *spans(fmt.sourced_line({**a, "note": None}))]
        ),
        Bullets(
            ways, title=f"Removing the A from {a['id']}" + (" (any one way)" if len(a["removal"]) > 1 else "")
        ),
    ]


def _detail(data: Mapping[str, Any], *, issuer_wide: bool = True) -> Document:
    """One credential in a panel; ``issuer_wide`` adds the rules of all of its issuer's exams
    (the whole guide shows those once, apart)."""
    c = data["certification"]
    issuer = data["issuer"]
    doc = Document(f"{c['id']}: {c['name']}")
    body: list[Any] = [Para(c["audience"]), Para(f"Issued by {issued_by(issuer)}.", "muted")]
    if c["renamed_from"]:
        r = c["renamed_from"]
        body.append(Para(f"Formerly {r['id']} ({r['name']}); renamed on {r['date']} {fmt.cite_text(r)}."))
    missing = list(c["not_found"])
    if issuer_wide and issuer["exams"]:
        missing += issuer["exams"]["not_found"]
    elig = c["eligibility"]
    if elig["required"]:
        body.append(Bullets([fmt.sourced_line(r) for r in elig["required"]], title="Required"))
    if elig["pathways"]:
        several = len(elig["pathways"]) > 1
        if elig["required"] and all(p["recommended"] for p in elig["pathways"]):
            title = "Recommended preparation" + (" (any one)" if several else "")
        else:
            title = "Eligibility (any one route)" if several else "Eligibility"
        body.append(Bullets([_pathway(p) for p in elig["pathways"]], title=title))
    elif elig["missing"] and not c["not_found"]:
        body.append(Para(Span(f"Not in the dataset: {elig['missing']}", "warn")))
    exam: list[Inline] = []
    if c["exam"]:
        exam = [fmt.figure_line(f) for f in c["exam"]["figures"]] + _rules(c["exam"]["facts"])
    if exam:
        body.append(Bullets(exam, title="Exam"))
    elif not missing:
        body.append(Para("Exam: the dataset holds no exam facts for this credential.", "muted"))
    if issuer_wide and issuer["exams"]:
        body.append(Bullets(exam_rules(issuer), title=f"Any {issuer['id']} exam"))
    if c["apprentice"]:
        body += _apprentice(c["apprentice"])
    rn = c["renewal"]
    keep: list[Inline] = [fmt.figure_line(rn["ceus"]), fmt.figure_line(rn["cycle"]), *_rules(rn["rules"])]
    if data["issuer_rules"]:
        keep += _rules(data["issuer_rules"]["rules"])
    if data["renewal"]:
        keep += renewal_lines(data["renewal"])
    body.append(Bullets(keep, title="Keeping it"))
    if c["compared"]:
        body.append(Bullets(_linked(c["compared"]), title="How it compares"))
    if c["leads_to"]:
        body.append(Bullets(_linked(c["leads_to"]), title="Where it leads"))
    if missing:
        body.append(not_found(missing))
    doc.add(*body)  # the document's title names the credential: no box repeating it
    notes = fmt.figure_notes([*data["figures"], c, *elig["pathways"]], data["sources"])
    doc.add(Notes(notes))
    return doc


def renewal_lines(renewal: Mapping[str, Any]) -> list[Inline]:
    """An issuer's renewal rules in words, each figure with its year, source and flag."""
    lines: list[Inline] = [fmt.sourced_line({**renewal, "text": renewal["cycle_text"], "note": None})]
    if renewal["dates_set_by_issuer"]:
        lines.append(fmt.sourced_line({**renewal, "text": renewal["dates_set_by_issuer"], "note": None}))
    combined = renewal["combined"]
    if combined:
        lines.append(fmt.sourced_line({**combined, "note": None}))
        lines += [fmt.figure_line(f) for f in (combined["extra"], combined["cap"], *combined["ladder"]) if f]
    for swap in renewal["replacements"]:
        lines.append(fmt.sourced_line({**swap, "note": None}))
    for rule in renewal["shares"]:
        lines += [fmt.sourced_line({**rule, "note": None}), fmt.figure_line(rule["share"])]
    for rule in renewal["minimums"]:
        lines += [fmt.sourced_line({**rule, "note": None}), fmt.figure_line(rule["amount"])]
    counting = renewal["counting"]
    if counting:
        lines.append(fmt.sourced_line({**counting, "note": None}))
        lines += [fmt.figure_line(counting["minutes_per_unit"]), fmt.figure_line(counting["round_up_from"])]
    for after in renewal["after_end"]:
        lines.append(fmt.sourced_line({**after, "note": None}))
        if after["after_days"]:
            lines.append(fmt.figure_line(after["after_days"]))
    lines += _rules(renewal["rules"])
    for fee in renewal.get("fees", []):
        lines.append([Span(f"{fee['label']}: ", "strong"), *spans(fmt.sourced_line({**fee, "note": None}))])
        lines += [fmt.figure_line(f) for f in fee["figures"]]
        lines += [Span(f"Not known: {missing}", "warn") for missing in fee["not_found"]]
    lines += [Span(f"Not known: {missing}", "warn") for missing in renewal["not_found"]]
    return lines


def issuer_rules(rules: Mapping[str, Any]) -> Bullets:
    """An issuer's renewal rules, common to all of its credentials."""
    return Bullets(_rules(rules["rules"]), title=f"Keeping any {rules['issuer']} credential")


def build(data: CertsOut | CertOut) -> Document:
    return _detail(data) if "certification" in data else _list(data)


def details(data: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Block]]]:
    """Every credential in full, for the whole guide: the issuers' renewal rules once each,
    then each credential without them."""
    out: list[tuple[str, list[Block]]] = []
    shown: set[str] = set()
    for detail in data:
        rules = detail["issuer_rules"]
        if rules and rules["issuer"] not in shown:
            shown.add(rules["issuer"])
            out.append((f"Keeping any {rules['issuer']} credential", [issuer_rules(rules)]))
    issuers = {d["issuer"]["id"]: d["issuer"] for d in data if d["issuer"]["exams"]}
    for issuer in issuers.values():
        blocks: list[Block] = [Bullets(exam_rules(issuer))]
        if issuer["exams"]["not_found"]:
            blocks.append(not_found(issuer["exams"]["not_found"]))
        out.append((f"Taking any {issuer['id']} exam", blocks))
    for detail in data:
        one = _detail({**detail, "issuer_rules": None, "sources": {}}, issuer_wide=False)
        out.append((one.title, one.blocks))
    return out


def records(data: CertsOut | CertOut) -> Table:
    if "certification" in data:
        return fmt.figure_table(data["figures"], ids=True)
    return _list_table(data["certifications"], ids=True)
