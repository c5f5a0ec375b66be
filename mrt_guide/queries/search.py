"""``mrt-guide search``: find any record by a word, and the command that shows it in full.

What is searched is ``FINDS``: for each section of the dataset (``dataset/sections.py``),
the records to look through and the command that shows them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, cast

from ..dataset.index import Dataset, Record
from . import certs, pay, places, plan
from .links import link

if TYPE_CHECKING:
    from ..records import LinkOut as Link
    from ..records import SearchOut, SearchResult

LinkMaker = Callable[[Dataset, Record, list[int | str]], "Link"]
"""Makes the link to a found record, given the record and its path in the dataset."""


class Find:
    """Records ``search`` looks through: ``path`` inside the section's file (dotted keys;
    ``*`` stands for every item of a list), and how the command that shows them is made:
    ``arg`` is the record field passed to ``command`` as its argument (``certs RHIT``);
    ``link`` makes the link instead; ``fields`` limits the search to those fields."""

    __slots__ = ("arg", "command", "fields", "link", "path")

    def __init__(
        self,
        path: str,
        command: str,
        arg: str | None = None,
        link: LinkMaker | None = None,
        fields: tuple[str, ...] = (),
    ) -> None:
        self.path, self.command, self.arg, self.link, self.fields = path, command, arg, link, fields


FINDS: dict[str, tuple[Find, ...]] = {
    "occupation": (
        Find("", "about", fields=("title", "also_called")),
        Find("summary", "about"),
        Find("specialties", "about"),
        Find("classification", "about"),
    ),
    "steps": (Find("steps", "steps"),),
    "education": (
        Find("routes", "degrees", arg="short"),
        Find("coursework", "degrees"),
        Find("requirement", "degrees"),
        Find("choice_rule", "degrees"),
        Find("accreditation", "degrees"),
        Find("high_school", "degrees"),
        Find("bls_entry", "degrees"),
        Find("where_to_study", "degrees"),
    ),
    "certifications": (
        Find("certifications", "certs", arg="id"),
        Find("benefits", "certs"),
        Find("issuers", "certs"),
        Find("recertification.*.rules", "certs", link=certs.rule_link),
    ),
    "pay": (
        Find("figures", "salary", link=pay.figure_link),
        Find("factors", "salary"),
        Find("surveys", "salary"),
    ),
    "outlook": (
        Find("trend", "outlook"),
        Find("comparison", "outlook"),
        Find("drivers", "outlook"),
        Find("projections", "outlook"),
        Find("employment", "outlook"),
    ),
    "work": (
        Find("duties_intro", "duties"),
        Find("duties", "duties"),
        Find("definition", "duties"),
        Find("tasks.items", "duties"),
        Find("bls_duties.items", "duties"),
        Find("skills_intro", "skills"),
        Find("skills", "skills"),
        Find("qualities.items", "skills"),
        Find("environment", "workplaces"),
        Find("settings", "workplaces"),
        Find("employer_shares", "workplaces"),
        Find("industries", "workplaces"),
    ),
    "goals": (Find("goals", "plan", link=plan.goal_link),),
    "renewal": (
        Find("issuers.*.shares", "certs", link=certs.renewal_link),
        Find("issuers.*.minimums", "certs", link=certs.renewal_link),
        Find("issuers.*.combined", "certs", link=certs.renewal_link),
        Find("issuers.*.rules", "certs", link=certs.renewal_link),
    ),
    "states": (
        Find("states", "salary", link=places.state_link, fields=("id", "name", "note")),
        Find("national", "salary", link=places.states_link),
    ),
    "careers": (Find("careers", "careers", arg="id"),),
    "sources": (Find("sources", "sources"),),
}
"""Each section's searchable records, by section name (``tests/test_sections.py`` checks that
every section has some)."""

# Keys whose values are codes, not words a reader would search for.
_SKIP = {"source", "flag", "unit", "measure", "kind", "url", "level", "qualifier"}


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for key, value in obj.items():
            if key not in _SKIP:
                yield from _strings(value)
    elif isinstance(obj, list):
        for item in obj:
            yield from _strings(item)


def _title(rec: Record) -> str:
    for key in ("title", "name", "label", "text", "employer", "industry"):
        if isinstance(rec.get(key), str):
            return str(rec[key])
    return str(rec.get("id") or rec.get("key") or "")


def located(node: Any, parts: list[str], path: list[int | str]) -> Iterator[tuple[Record, list[int | str]]]:
    """The records at a ``Find`` path (``a.*.b``), each with its path from the section."""
    if node is None:  # an optional record the dataset leaves out
        return
    if not parts:
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield item, [*path, i]
        elif isinstance(node, dict):
            yield node, path
        return
    head, *rest = parts
    if head == "*":
        for i, item in enumerate(node):
            yield from located(item, rest, [*path, i])
    else:
        yield from located(node[head], rest, [*path, head])


def _link(ds: Dataset, find: Find, rec: Record, path: list[int | str]) -> Link:
    if find.link is not None:
        return find.link(ds, rec, path)
    return link(find.command, *([str(rec[find.arg])] if find.arg else []))


def units(ds: Dataset) -> Iterator[tuple[str, Link, Record]]:
    """Every searchable record: (the command that shows it, the link to it, the record)."""
    for section, finds in FINDS.items():
        for find in finds:
            parts = find.path.split(".") if find.path else []
            for rec, path in located(ds.section(section), parts, [section]):
                shown = {k: rec[k] for k in find.fields} if find.fields else rec
                yield find.command, _link(ds, find, rec, path), shown


SUGGEST_FOR = 3
"""Close words are looked for the first few searched words only: thousands of words must
still answer at once."""

SYNONYMS: list[tuple[frozenset[str], tuple[str, ...]]] = [
    (
        frozenset({"salary", "salaries", "pay", "paid", "income", "wage", "wages", "earn", "earns"})
        | {"earnings", "money"},
        ("salary",),
    ),
    (frozenset({"fee", "fees", "cost", "costs", "price", "prices", "charge"}), ("certs",)),
    (
        frozenset({"how long", "duration", "length", "long", "time", "years", "months", "weeks"}),
        ("steps", "degrees", "plan"),
    ),
    (
        frozenset({"job", "jobs", "work", "works", "employer", "employers", "employment", "workplace"})
        | {"workplaces", "setting", "settings"},
        ("workplaces", "outlook"),
    ),
    (frozenset({"test", "tests", "exam", "exams", "examination"}), ("certs",)),
]
"""Words people use for the same thing, each group with the commands that answer it: a
search for any word of a group finds records holding any other (``salary`` finds the
median wage), and the commands come first among the results."""

STOP_WORDS = frozenset(
    {"a", "an", "and", "are", "can", "do", "does", "for", "how", "i", "in", "is", "it", "much", "my"}
    | {"of", "or", "per", "take", "takes", "the", "to", "what", "which"}
)
"""Left out of a question (``how long does it take``) unless nothing else is left."""


def words(terms: list[str]) -> list[tuple[str, ...]]:
    """The searched words, each with its synonyms: ``how long`` is one word, question words
    are left out, and a word repeated counts once."""
    text = " ".join(" ".join(terms).casefold().split())
    found: list[str] = []
    rest = text
    for group, _ in SYNONYMS:
        for phrase in (w for w in group if " " in w):
            if re.search(rf"\b{re.escape(phrase)}\b", rest):
                found.append(phrase)
                rest = re.sub(rf"\b{re.escape(phrase)}\b", " ", rest)
    plain = rest.split()
    kept = (
        [w for w in plain if w not in STOP_WORDS]
        if found or any(w not in STOP_WORDS for w in plain)
        else plain
    )
    out: list[tuple[str, ...]] = []
    for word in dict.fromkeys([*found, *kept]):
        found_in = [g for g, _ in SYNONYMS if word in g]
        alternatives = tuple(sorted(found_in[0], key=lambda w: (w != word, w)) if found_in else [word])
        if alternatives not in out:
            out.append(alternatives)
    return out


def _pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the alternatives at the start of a word (``earn`` finds earnings, not learn)."""
    return re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(a) for a in sorted(alternatives, key=len, reverse=True)) + ")",
        re.IGNORECASE,
    )


def _commands(wanted: list[tuple[str, ...]], summaries: dict[str, str]) -> list[dict[str, Any]]:
    """The commands that answer the searched words: named by one, or by a synonym group."""
    names: list[str] = []
    for alternatives in wanted:
        names += [a for a in alternatives if a in summaries]
        for group, commands in SYNONYMS:
            if alternatives[0] in group:
                names += [c for c in commands if c in summaries]
    return [
        {
            "section": "commands",
            "id": name,
            "title": summaries[name],
            "link": link(name),
            "matches": [],
            "figures": [],
        }
        for name in dict.fromkeys(names)
    ]


def _figures(ds: Dataset, rec: Record, strings: list[str]) -> list[Record]:
    """The figures a result shows: the record itself when it is one, else those inside it or
    named by it (a step's durations)."""
    from ..dataset.index import records

    found = [r for r in records(rec) if "unit" in r and "value" in r and "label" in r]
    found += [ds.figures[s] for s in strings if s in ds.figures]
    return list({f["id"]: f for f in found}.values())


def _newest_first(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Within each section, the results that are figures newest first, in the places figures
    held (records of other kinds keep theirs)."""
    out = list(results)
    for section in dict.fromkeys(r["section"] for r in results):
        places = [
            i
            for i, r in enumerate(out)
            if r["section"] == section and len(r["figures"]) == 1 and r["figures"][0]["id"] == r["id"]
        ]
        ordered = sorted(
            (out[i] for i in places), key=lambda r: -(r["figures"][0]["year_end"] or r["figures"][0]["year"])
        )
        for i, r in zip(places, ordered, strict=True):
            out[i] = r
    return out


def search(ds: Dataset, terms: list[str], commands: dict[str, str] | None = None) -> SearchOut:
    """Records holding every searched word (or a synonym of it); ``commands`` (name: one line
    of help) adds the commands that answer the words, first."""
    wanted = words(terms)
    patterns = [_pattern(alternatives) for alternatives in wanted]
    known = ds.every_id
    results = []
    for section, found_link, rec in units(ds):
        rec_id = str(rec.get("id") or rec.get("key") or "")
        strings = list(_strings(rec))
        figures = _figures(ds, rec, strings)
        # a reference to another record is an id, not words: its figures' labels stand for it
        words_ = [t for t in strings if t not in known] + [
            f["label"] for f in figures if f["label"] not in strings
        ]
        if all(p.search(rec_id) or any(p.search(t) for t in words_) for p in patterns):
            matches = [t for t in words_ if any(p.search(t) for p in patterns)]
            if not (len(figures) == 1 and figures[0]["id"] == rec_id):
                # only the figures the words are about: "how long" shows the lengths
                figures = [f for f in figures if any(p.search(f["label"]) for p in patterns)][:3]
            results.append(
                {
                    "section": section,
                    "id": rec_id,
                    "title": _title(rec),
                    "link": found_link,
                    "matches": list(dict.fromkeys(matches)),
                    "figures": figures,
                }
            )
    answering = _commands(wanted, commands or {})
    first = [c["id"] for c in answering]
    results.sort(key=lambda r: first.index(r["section"]) if r["section"] in first else len(first))
    hits = [*answering, *_newest_first(results)]
    return {
        "terms": terms,
        "words": [list(w) for w in wanted],
        "results": cast("list[SearchResult]", hits),
        "suggestions": [] if hits else suggestions(ds, [w[0] for w in wanted]),
    }


def suggestions(ds: Dataset, wanted: list[str]) -> list[str]:
    """Words of the dataset close to each searched word."""
    import difflib

    vocabulary = {
        w.casefold()
        for _, _, rec in units(ds)
        for text in _strings(rec)
        for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", text)
    }
    found: list[str] = []
    words = sorted(vocabulary)
    for word in wanted[:SUGGEST_FOR]:
        found += difflib.get_close_matches(word, words, n=3, cutoff=0.75)
    return list(dict.fromkeys(found))
