"""``mrt-guide plan``: the answer first (when, what it takes to keep), then the dated timeline,
the routes chosen, and the command that makes the plan again.

The query gives typed steps (a kind, the credential, program or pathway, the record it
rests on); this view phrases them. It states no fact of its own: names, issuers,
accreditors, lengths and rules all come from the records.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import fmt
from .doc import Bullets, Column, Document, Hint, Inline, Notes, Panel, Para, Span, Table, plain_text, spans

if TYPE_CHECKING:
    from ..records import PlanOut

LEVEL_WORDS = {
    "none": "no diploma yet",
    "high-school": "a high-school diploma",
    "certificate": "a certificate",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
}
UNIT_WORDS = {"ceu": "CEUs", "ce_hours": "CE hours"}


class Phrases:
    """Lookups the sentences need, from the plan's own records."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.programs = {r["id"]: r for r in data["programs"]}
        self.credentials = {c["id"]: c for c in data["credentials"]}
        self.renewal = {r["issuer"]: r for r in data["renewal"]}
        self.steps = {m["id"]: m for m in data["milestones"]}
        self.routes = {r["certification"]: r for r in data["routes"]}
        self.preparations = {p["id"]: p for p in data["preparations"]}

    def issuer(self, cert: str | None) -> str:
        return self.credentials[cert]["issuer"] if cert in self.credentials else ""

    def title(self, m: Mapping[str, Any]) -> str:
        kind, cert = m["kind"], m["cert"]
        if kind == "school":
            return "Finish high school"
        if kind == "study":
            return f"Earn the {self.programs[m['route']]['short']}"
        if kind == "prepare":
            return f"Prepare for the {cert} exam"
        if kind == "exam":
            return f"Pass the {cert} exam"
        if kind == "work":
            if m["id"].endswith("-removal"):  # after the exam: the apprentice title's experience
                return f"Prove coding experience to hold the full {cert}"
            return f"Gain experience for the {cert}"
        if kind == "job":
            return "Start your first job"
        if kind == "renew":
            return f"Renew with {self.issuer(cert)}"
        if kind == "ce":
            if m["joins"] and m["id"] != f"ce-{self.issuer(cert).lower()}":
                return f"{cert} joins your {self.issuer(cert)} cycle"
            if m["open_ended"]:
                return f"Keep your {self.issuer(cert)} credentials together"
            return f"Earn your {self.issuer(cert)} continuing education"
        route = self.routes.get(cert or "")
        pathway = route["pathway"] if route else None
        if pathway and pathway.get("extra_program") and m["id"].endswith("-program"):
            return "Complete a further program"
        if pathway and pathway.get("coursework"):
            return f"Study {pathway['coursework'].lower()}"
        return f"Check {cert} eligibility"

    def what(self, m: Mapping[str, Any]) -> list[Inline]:
        """What the step means, in a line or two, each fact from a record."""
        kind, cert = m["kind"], m["cert"]
        lines: list[Inline] = []
        if kind == "study":
            program = self.programs[m["route"]]
            lines.append(f"{program['name']}, in a program accredited by {self.data['accreditor']}.")
            if m["range"]:
                short, full = m["figures"][0], m["figures"][1]
                length: list[str | Span] = [
                    "Length: ",
                    Span(f"{fmt.value(short)} to {fmt.value(full)}", "strong"),
                    " ",
                    *fmt.cite(short),
                    *fmt.ref(short),
                    ", as the program counts your earlier study: ask the program.",
                ]
                lines.append(length)
                if m["range"]["ends"]:
                    first, last = m["range"]["ends"]
                    lines.append(
                        Span(f"Ends between {first} and {last}; later dates count from its end.", "muted")
                    )
            if m["transfer"]:
                lines.append(Span(self.data["transfer"]["text"], "muted"))
        elif kind == "prepare":
            prep = self.preparations[m["preparation"]]
            lines.append(f"{prep['label']}.")
            lines += [fmt.figure_line(f) for f in m["figures"]]
            if prep["length_missing"]:
                lines.append(Span(prep["length_missing"], "warn"))
        elif kind == "exam":
            name = self.credentials[cert]["name"]
            lines.append(f"{name} ({self.issuer(cert)}).")
            if m["prepared"]:
                lines.append(Span(f"Prepared by: {self.prepared(m['prepared'])}.", "muted"))
        elif kind == "work":
            for fig in m["figures"]:
                line: list[str | Span] = [f"{fig['label']}: ", Span(fmt.value(fig), "strong")]
                if m["recommended"]:
                    line.append(Span(f" (recommended by {self.issuer(cert)}, not required)", "muted"))
                lines.append(line)
            logged = m["logged"]
            if logged is not None:
                done = logged["months"]
                if logged["needed"] is None:
                    text = f"{fmt.count(done, 'month', 'months')} of {logged['role']} logged (not in months)"
                elif m["months"] == 0:
                    text = f"done: {fmt.count(done, 'month', 'months')} logged"
                else:
                    text = f"{done} of {logged['needed']} months logged; {m['months']} to go"
                lines.append(Span(f"Your CE log's work history: {text}.", "muted"))
            course = next((s for s in self.steps.values() if s["preparation"] == m["preparation"]), None)
            if m["preparation"] and course is not None and course is not m:
                lines.append(Span(f"The course of “{self.title(course)}” counts toward this.", "muted"))
        elif kind == "gap":
            route = self.routes.get(cert or "")
            pathway = route["pathway"] if route else None
            if pathway and pathway.get("extra_program") and m["id"].endswith("-program"):
                lines.append(f"Complete {pathway['extra_program']}.")
            elif pathway and pathway.get("coursework"):
                lines.append(f"Coursework in {pathway['coursework'].lower()}.")
            elif route and route["missing"]:
                lines.append(route["missing"])
            lines.append(Span("The dataset gives no length for this step.", "warn"))
        elif kind in ("ce", "renew"):
            lines += self._keeping(m)
        if m["after"] is not None:
            anchor = self.steps[m["after"]["step"]]
            months = m["after"]["months"]
            gap = f"{fmt.count(months, 'month', 'months')} after" if months else "when"
            lines.append(Span(f"Starts {gap} “{self.title(anchor)}” ends.", "muted"))
        return lines

    def prepared(self, prepared: Mapping[str, Any]) -> str:
        """What prepares for an exam: the steps before it, or what the reader holds."""
        inputs = self.data["inputs"]
        parts = [f"“{self.title(self.steps[s])}”" for s in prepared["steps"] if s in self.steps]
        for held in prepared["held"]:
            if held == "education":
                words = LEVEL_WORDS[inputs["education"]]
                if inputs["him"]:
                    words += f" from a {self.data['accreditor']}-accredited program"
                parts.append(f"your {words.split(' ', 1)[1]}" if " " in words else words)
            else:
                parts.append(f"your {held}")
        return ", ".join(parts)

    def _keeping(self, m: Mapping[str, Any]) -> list[Inline]:
        need, cert = m["requirement"], m["cert"]
        rules = self.renewal.get(self.issuer(cert))
        if need is None:
            return [fmt.figure_line(f) for f in m["figures"]]
        unit = UNIT_WORDS.get(rules["unit"] if rules else "", "units")
        held = " + ".join(need["credentials"])
        lines: list[Inline] = []
        if m["kind"] == "renew":
            due = f" by {m['due']}" if m["due"] else " by the end of the cycle"
            lines.append(f"Report the cycle's {unit} ({need['total']:g}){due}; the next cycle begins.")
            return lines
        line: list[str | Span] = [f"{held}: ", Span(f"{need['total']:g} {unit}", "strong"), " per cycle"]
        if need["derived"]:
            line.append(Span(" (derived from the issuer's worked examples)", "muted"))
        lines.append(line)
        joins = m["joins"]
        if joins and (joins["credential"] != cert or len(joins["with"]) > 1):
            lines.append(
                Span(
                    f"This cycle, {m['start']} to {m['end']}, owes {joins['required']:g} {unit} "
                    f"for {' + '.join(joins['with'])}, as 'mrt-guide ce status' counts it.",
                    "muted",
                )
            )
        elif m["open_ended"]:
            lines.append(Span("The cycle it joins is dated once this exam is.", "muted"))
        if need["replaced"]:
            lines.append(Span(f"{', '.join(need['replaced'])} is replaced, not kept beside it.", "muted"))
        if rules:
            lines.append(Span(rules["cycle_text"], "muted"))
            if (m["open_ended"] or m["joins"]) and rules["dates_set_by_issuer"]:
                lines.append(Span(rules["dates_set_by_issuer"], "muted"))
        return lines


def when(m: Mapping[str, Any]) -> str:
    if m["start"] is None:
        return "later"
    if m["range"]:
        return f"from {m['start']}"
    if m["open_ended"] and m["end"] is None:
        return f"from {m['start']}"
    if m["end"] is None:
        return f"{m['start']} - ?"
    return m["start"] if m["start"] == m["end"] else f"{m['start']} - {m['end']}"


def _milestone(say: Phrases, m: Mapping[str, Any]) -> Inline:
    why = m["why"]
    line: list[str | Span] = [Span(say.title(m), "strong")]
    for part in say.what(m):
        line.append("\n")
        line += spans(part)
    # a reason that only names the credential again says nothing the title has not said
    said = " ".join(plain_text(part) for part in say.what(m))
    reason = why["text"] or ""
    name = say.credentials[m["cert"]]["name"] if m["cert"] in say.credentials else None
    bare = reason in (say.title(m), said, name) or bool(m["cert"] and reason in said)
    if why["text"] and m["kind"] not in ("ce", "renew") and not bare:
        line += [
            "\n",
            Span("Why: ", "muted"),
            why["text"],
            Span(" " + fmt.cite_text(why), "muted"),
        ]
    line += ["\n", Span(f"More: {fmt.command(m['link'])}", "hint")]
    return line


def _summary(data: Mapping[str, Any], say: Phrases) -> list[Inline]:
    totals = data["totals"]
    lines: list[Inline] = []
    exams = [m for m in data["milestones"] if m["kind"] == "exam"]
    for n, exam in enumerate(exams):
        what = "First credential" if n == 0 else "Then"
        if exam["start"]:
            after = (
                f", {fmt.count(totals['months_to_first_credential'], 'month', 'months')} from the start"
                if n == 0
                else ""
            )
            lines.append([f"{what}: ", Span(exam["cert"], "strong"), f" in {exam['start']}{after}."])
        else:
            lines.append(
                [f"{what}: ", Span(exam["cert"], "strong"), ", once the steps without a length are done."]
            )
    for m in data["milestones"]:
        if m["kind"] == "ce" and m["requirement"]:
            need = m["requirement"]
            rules = say.renewal.get(need["issuer"])
            unit = UNIT_WORDS.get(rules["unit"] if rules else "", "units")
            line: list[str | Span] = [
                f"Keeping {' + '.join(need['credentials'])}: ",
                Span(f"{need['total']:g} {unit}", "strong"),
                f" per {need['issuer']} cycle",
            ]
            if m["joins"] and m["start"]:
                line.append(f", from {m['start']}")
            if need["derived"]:
                line.append(Span(" (derived from the issuer's worked examples)", "muted"))
            lines.append(line)
    for fig in totals["pay"]:
        lines.append(fmt.figure_line(fig))
    career = totals["career_pay"]
    if career and career["survey_pay"]:
        first = career["survey_pay"][0]
        lines.append(
            [f"{career['title']}, {first['population']}: ", *spans(fmt.figure_line(first["figure"]))]
        )
    return lines


def _career_pay(data: Mapping[str, Any]) -> Bullets | None:
    """The career's own pay figures, each with the survey and who answered it."""
    career = data["totals"]["career_pay"]
    if not career or not career["survey_pay"]:
        return None
    lines: list[Inline] = [
        [*spans(fmt.figure_line(s["figure"])), Span(f" {s['title']}, {s['population']}", "muted")]
        for s in career["survey_pay"]
    ]
    lines.append(["More: ", Span(fmt.command(career["link"]), "code")])
    surveys = ", ".join(dict.fromkeys(s["title"] for s in career["survey_pay"]))
    means = all(s["figure"]["measure"] == "mean" for s in career["survey_pay"])
    return Bullets(
        lines, title=f"Pay of {career['title'].lower()} ({'averages, ' if means else ''}{surveys})"
    )


def _log(data: Mapping[str, Any]) -> list[Panel | Table | Bullets]:
    """``--from-log``: what the log holds, the next renewals, and what could follow."""
    log = data["log"]
    if log is None:
        return []
    held: list[Inline] = [
        [Span(c["credential"], "strong"), f" ({c['issuer']}), earned {c['earned']}"]
        for c in log["credentials"]
    ]
    for w in log["work"]:
        months = Span(fmt.count(w["months"], "month", "months"), "strong")
        held.append([f"{w['label'] or w['role']}: ", months, " logged ('mrt-guide ce work list')"])
    for r in log["renewals"]:
        unit = UNIT_WORDS.get(r["unit"] or "", "units")
        creds = " + ".join(r["credentials"])
        if r["end"] is None:
            unknown = f"{r['issuer']} ({creds}): the current cycle is not known from the log."
            held.append(Span(unknown, "warn"))
            continue
        line: list[str | Span] = [
            f"{r['issuer']} ({creds}): this cycle, {r['start']} to {r['end']}, owes ",
            Span(f"{r['required']:g} {unit}", "strong"),
            f"; report by {r['due']}.",
        ]
        held.append(line)
    held.append(Span("Where each cycle stands: mrt-guide ce status", "hint"))
    rows: list[list[Inline]] = []
    for n in log["next"]:
        unit = UNIT_WORDS.get(n["unit"] or "", "units")
        exam = n["exam"] or "after a step with no fixed length"
        if n["ce_then"] is None:
            ce = "not in the dataset"
        elif n["ce_now"] is None:
            ce = f"{n['ce_then']:g} {unit} per {n['issuer']} cycle, a new one"
        else:
            ce = f"{n['ce_now']:g} → {n['ce_then']:g} {unit} per {n['issuer']} cycle"
            if n["joins"]:
                ce += f", from {n['joins']}"
        rows.append([Span(n["target"], "strong"), exam, ce, Span(fmt.command(n["link"]), "code")])
    out: list[Panel | Table | Bullets] = [Panel("From your CE log", [Bullets(held)])]
    if rows:
        out.append(
            Table(
                [Column("Next"), Column("Exam"), Column("CE per cycle"), Column("Plan it")],
                rows,
                title="What could follow, from what you hold",
            )
        )
    return out


def build(data: PlanOut) -> Document:
    inputs, goal = data["inputs"], data["goal"]
    say = Phrases(data)
    doc = Document(f"Your plan: {goal['label']}")
    facts = [f"From {LEVEL_WORDS[inputs['education']]}"]
    if data["log"] is not None:
        facts = [f"From your CE log ({', '.join(c['credential'] for c in data['log']['credentials'])})"]
    if inputs["him"] is not None and data["log"] is None:
        field = "an accredited health information program" if inputs["him"] else "another field"
        facts[0] += f" in {field}"
    if inputs["high_school_done"]:
        facts.append(f"high school done by {inputs['high_school_done']}")
    facts.append(f"starting {inputs['start']}")
    later = {True: "a bachelor's may follow", False: "no bachelor's planned", None: None}[
        inputs["bachelor_later"]
    ]
    if later:
        facts.append(later)
    doc.add(Para(", ".join(facts) + ".", "muted"))
    doc.add(Panel("In short", [Bullets(_summary(data, say))]))
    doc.add(*_log(data))
    milestones = data["milestones"]
    doc.add(
        Bullets(
            [_milestone(say, m) for m in milestones],
            title="Your timeline",
            marks=[when(m) for m in milestones],
        )
    )
    routes: list[Inline] = []
    for route in data["routes"]:
        pathway = route["pathway"]
        if pathway:
            line: list[str | Span] = [
                Span(route["certification"], "strong"),
                f" by this route: {pathway['text']}",
            ]
            if pathway["recommended"]:
                line.append(
                    Span(f" (recommended by {say.issuer(route['certification'])}, not required)", "muted")
                )
        else:
            line = [
                Span(route["certification"], "strong"),
                f": {route['missing'] or 'no route in the dataset fits.'}",
            ]
        routes.append(line)
    doc.add(Bullets(routes, title="Eligibility routes the plan follows"))
    for route in data["routes"]:
        others = [Span(other["text"], "muted") for other in route["other_pathways"]]
        if others:
            doc.add(Bullets(others, title=f"Other routes to the {route['certification']}"))
    for other in data.get("others", []):
        lines: list[Inline] = [fmt.sourced_line(fact) for fact in other["compared"]]
        lines.append(["Plan it: ", Span(fmt.command(other["link"]), "code")])
        doc.add(Bullets(lines, title=f"Another way: {other['label']}"))
    gaps = [m for m in milestones if m["id"] in data["gaps"]]
    if gaps:
        doc.add(
            Bullets(
                [
                    Span(f"{say.title(m)}: no length in the dataset; later dates count from its end.", "warn")
                    for m in gaps
                ],
                title="Where the dataset has no answer",
            )
        )
    doc.add(_career_pay(data))
    factors = [fmt.sourced_line(f) for f in data["totals"]["pay_factors"]]
    if factors:
        doc.add(Bullets(factors, title="What raises pay"))
    doc.add(Hint(["Make this plan again: ", Span(fmt.command(data["command"]), "code")]))
    figures = [f for m in milestones for f in m["figures"]] + data["totals"]["pay"]
    if data["totals"]["career_pay"]:
        figures += [s["figure"] for s in data["totals"]["career_pay"]["survey_pay"]]
    doc.add(Notes(fmt.figure_notes(figures, data["sources"])))
    return doc


def records(data: PlanOut) -> Table:
    say = Phrases(data)
    return Table(
        [Column("id"), Column("Start"), Column("End"), Column("Months"), Column("Step"), Column("Command")],
        [
            [
                m["id"],
                m["start"] or "",
                m["end"] or "",
                "" if m["months"] is None else str(m["months"]),
                say.title(m),
                fmt.command(m["link"]),
            ]
            for m in data["milestones"]
        ],
    )
