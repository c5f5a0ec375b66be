"""Rebuild the dataset's official records from BLS's own files: ``python -m mrt_guide.official``.

The files live in the repository's ``official/`` (not in the wheel), listed in
``official/manifest.json`` with where each came from and its SHA-256. This reads every file
the manifest marks ``"use": "dataset"`` through the importers users run (``oews.build``,
``projections.build``), and writes what they give into ``data/``:

- ``sources.json``: one source per file (``oews-2025``, ``ep-2024-34``), with the file and
  its checksum;
- ``pay.json``: each May's national median, mean and 10th/25th/75th/90th percentiles,
  annual and hourly; the headline (the occupation's own medians; a broader group's are
  history); the spread of the newest May;
- ``outlook.json``: each May's national employment, and a projection per edition (growth,
  change, employment at the base and target year, openings a year, BLS's growth for all
  occupations, the entry education);
- ``careers.json``: the related occupations' median pay and growth from the newest edition;
- ``states.json``: each file's source under the occupation code its figures are for.

Everything else in those files is left as it is, and so is a generated record's ``article``
(how the seed article words it). ``--check`` writes nothing and exits 1 when ``data/`` is
not what the files give (``tests/test_official.py`` runs it), or 65 when a file is missing
or its checksum differs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

from .dataset.imports import TABLES_URL as OEWS_URL
from .dataset.projection_records import career_figures, projection_record

ROOT = Path(__file__).resolve().parent.parent
OFFICIAL = ROOT / "official"
DATA = ROOT / "data"
MANIFEST = "manifest.json"
BUILT = dt.date(2026, 12, 3)
"""The ``imported`` date the importers are given, so that a rebuild is byte for byte the same."""
OEWS_KEY = re.compile(r"^oews-\d{4}$")
EP_KEY = re.compile(r"^ep-\d{4}-\d{2}$")
GENERATED_ID = re.compile(r"^(?:oews-\d{4}-|spread-oews-\d{4}$)")
SPREAD = ("p10", "p25", "median", "p75", "p90")
PAY_ORDER = ("median", "mean", "p10", "p25", "p75", "p90")


class Problem(Exception):
    """A file of the manifest is missing or is not the file it lists (exit 65)."""


def manifest(folder: Path = OFFICIAL) -> list[dict[str, Any]]:
    files: list[dict[str, Any]] = json.loads((folder / MANIFEST).read_text("utf-8"))["files"]
    return files


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify(entries: list[dict[str, Any]], folder: Path = OFFICIAL) -> None:
    """Every listed file is there with its checksum, or ``Problem``."""
    for entry in entries:
        path = folder / entry["path"]
        if not path.is_file():
            raise Problem(f"official/{entry['path']} is missing.")
        found = sha256(path)
        if found != entry["sha256"]:
            raise Problem(
                f"official/{entry['path']} is not the file the manifest lists "
                f"(SHA-256 {found[:12]}, not {entry['sha256'][:12]})."
            )


def read(
    entries: list[dict[str, Any]], related: list[str], folder: Path = OFFICIAL
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The OEWS and projections imports of the files used by the dataset, newest first."""
    from . import oews, projections

    pay, outlook = [], []
    for entry in entries:
        if entry["use"] != "dataset":
            continue
        path = folder / entry["path"]
        if entry["program"] == "oews":
            pay.append(oews.build(path, {}, today=BUILT))
        else:
            outlook.append(projections.build(path, related, today=BUILT))
    pay.sort(key=lambda d: -d["vintage"])
    outlook.sort(key=lambda d: -d["start"])
    return pay, outlook


def _bare(record: dict[str, Any]) -> dict[str, Any]:
    """A figure as the data files write it: no empty optional fields."""
    return {k: v for k, v in record.items() if v is not None}


def _entry(entries: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(e for e in entries if Path(e["path"]).name == name)


def oews_source(doc: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    year, occupation = doc["vintage"], doc["occupation"]
    group = " (a broader group that includes medical records specialists)" if occupation["broader"] else ""
    return {
        "key": f"oews-{year}",
        "title": f"OEWS May {year} national estimates: {occupation['code']} {occupation['title']}{group}"[
            :200
        ],
        "publisher": "U.S. Bureau of Labor Statistics (OEWS)",
        "url": OEWS_URL,
        "kind": "official",
        "vintage": year,
        "note": f"BLS's file {doc['file']}, from its download {entry['published_as']}; read by mrt-guide's "
        "own OEWS importer.",
        "file": f"official/{entry['path']}",
        "sha256": entry["sha256"],
    }


def ep_source(doc: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    return {
        **doc["source"],
        "title": f"Employment Projections {doc['id']}: occupation.xlsx, Tables 1.2 and 1.7",
        "note": f"BLS's occupation.xlsx of the {doc['id']} edition (kept as {Path(entry['path']).name}); "
        "employment in thousands; read by mrt-guide's own projections importer.",
        "file": f"official/{entry['path']}",
        "sha256": entry["sha256"],
    }


def pay_figures(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """One May's national figures with the dataset's ids (``oews-2025-median-annual``)."""
    year, key = doc["vintage"], f"oews-{doc['vintage']}"
    out = []
    for fig in doc["national"]:
        basis = {"workers": "", "usd_per_year": "-annual"}.get(fig["unit"], "-hourly")
        label = "Employment" if fig["unit"] == "workers" else fig["label"]
        out.append(_bare({**fig, "id": f"{key}-{fig['measure']}{basis}", "label": label, "source": key}))
    order = {m: i for i, m in enumerate(PAY_ORDER)}
    out.sort(key=lambda f: (f["unit"] != "usd_per_year", order.get(f["measure"], 9)))
    assert all(f["year"] == year for f in out)
    return out


def _codes(data: dict[str, Any], sources: list[tuple[str, str]]) -> None:
    """Each generated source under the code its figures are for."""
    for code in data["codes"]:
        code["figures_from"] = [k for k in code["figures_from"] if not (OEWS_KEY.match(k) or EP_KEY.match(k))]
    for key, soc in sources:
        record = next((c for c in data["codes"] if c["code"] == soc), None)
        if record is None:
            raise Problem(f"states.json has no code {soc} for the source {key}; add it.")
        record["figures_from"].append(key)


def rebuild(
    current: dict[str, Any],
    pay_docs: list[dict[str, Any]],
    ep_docs: list[dict[str, Any]],
    entries: list[dict[str, Any]],
) -> dict[str, Any]:
    """``current`` (data file name -> its JSON) with the generated records made anew."""
    out: dict[str, Any] = json.loads(json.dumps(current))
    sources = out["sources.json"]["sources"]
    kept = [s for s in sources if not (OEWS_KEY.match(s["key"]) or EP_KEY.match(s["key"]))]
    made = [oews_source(d, _entry(entries, d["file"])) for d in pay_docs]
    made += [ep_source(d, _entry(entries, d["file"])) for d in ep_docs]
    out["sources.json"]["sources"] = kept + made

    pay = out["pay.json"]
    generated = {f["id"] for f in pay["figures"] if GENERATED_ID.match(f["id"])}
    figures = [f for d in pay_docs for f in pay_figures(d)]
    wages = [f for f in figures if f["unit"] != "workers"]
    pay["figures"] = wages + [f for f in pay["figures"] if f["id"] not in generated]
    own = [d for d in pay_docs if not d["occupation"]["broader"]]
    own_medians = [f["id"] for d in own for f in pay_figures(d) if f["measure"] == "median"]
    years = {d["vintage"] for d in pay_docs}
    by_id = {f["id"]: f for f in pay["figures"]}
    others = [
        i
        for i in pay["headline"]
        if i not in generated and i in by_id and by_id[i]["year"] not in years and i not in own_medians
    ]
    pay["headline"] = own_medians + others
    newest = pay_docs[0]
    spread = [
        f["id"]
        for m in SPREAD
        for f in pay_figures(newest)
        if f["measure"] == m and f["unit"] == "usd_per_year"
    ]
    pay["spreads"] = [
        {
            "id": f"spread-oews-{newest['vintage']}",
            "title": f"Spread of annual pay, May {newest['vintage']} (BLS OEWS)",
            "figures": spread,
        }
    ] + [s for s in pay["spreads"] if not GENERATED_ID.match(s["id"])]

    outlook = out["outlook.json"]
    employment = [f for f in figures if f["unit"] == "workers"]
    outlook["employment"] = employment + [f for f in outlook["employment"] if not GENERATED_ID.match(f["id"])]
    editions = {f"projection-{d['id']}": d for d in ep_docs}
    before = {p["id"]: p for p in outlook["projections"]}
    projections = [p for p in outlook["projections"] if p["id"] not in editions]
    projections += [projection_record(d, before.get(pid)) for pid, d in editions.items()]
    outlook["projections"] = sorted(projections, key=lambda p: (p["start"], p["end"]))
    if ep_docs:
        for career in out["careers.json"]["careers"]:
            career.update(career_figures(ep_docs[0], career))
    _codes(
        out["states.json"],
        [(f"oews-{d['vintage']}", d["occupation"]["code"]) for d in pay_docs]
        + [(d["source"]["key"], d["occupation"]["code"]) for d in ep_docs],
    )
    return out


NAMES = ("sources.json", "pay.json", "outlook.json", "careers.json", "states.json")


def current(data: Path = DATA) -> dict[str, Any]:
    return {name: json.loads((data / name).read_text("utf-8")) for name in NAMES}


def dumps(doc: Any) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def related_codes(data: dict[str, Any]) -> list[str]:
    """The codes of the careers ``careers`` shows, other than the occupation's own."""
    return [c["soc"] for c in data["careers.json"]["careers"] if c.get("soc") and c["soc"] != "29-2072"]


def build(folder: Path = OFFICIAL, data: Path = DATA) -> dict[str, str]:
    """The data files as the official files make them (name -> text), checked first."""
    entries = manifest(folder)
    verify(entries, folder)
    now = current(data)
    pay_docs, ep_docs = read(entries, related_codes(now), folder)
    return {name: dumps(doc) for name, doc in rebuild(now, pay_docs, ep_docs, entries).items()}


def stale(made: dict[str, str], data: Path = DATA) -> list[str]:
    """The data files whose text differs from what the official files make."""
    return [name for name, text in made.items() if (data / name).read_text("utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    try:
        made = build()
    except Problem as exc:
        sys.stderr.write(f"Error: {exc}\n")
        return 65
    differs = stale(made)
    if check:
        if differs:
            sys.stderr.write(
                f"data/ is not what official/ makes: {', '.join(differs)} differ. "
                "Run 'python -m mrt_guide.official', then 'python -m mrt_guide.dataset.bundle'.\n"
            )
            return 1
        print("data/ is what official/ makes.")
        return 0
    for name in differs:
        (DATA / name).write_text(made[name], "utf-8")
    print(f"Rewrote {', '.join(differs)}." if differs else "Nothing changed: data/ is what official/ makes.")
    if differs:
        print("Now run 'python -m mrt_guide.dataset.bundle'.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
