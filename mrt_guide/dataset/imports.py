"""Official OEWS files the reader imported, laid over the dataset when it is loaded.

``mrt-guide data import-oews`` stores each import as ``imports/oews-YYYY-KIND.json`` in the
user's folder (``paths.user_dir()``). Every command then sees those figures as part of the
dataset: national wages join ``pay`` (first in the headline, with their own spread), national
employment joins the state tables' national rows, state and area figures join ``states``,
each import's source joins ``sources`` and its occupation code joins ``codes``.

Reading is as careful as the cache's: a regular file only (no symlink followed), the reader's
own and writable by no one else, at most ``MAX_BYTES``, strict JSON, then the import model
(``import_model.py``, pydantic), whose result is cached under a key of the file's bytes and
the validating code, so a command pays for pydantic once per import. A file that fails any
of this is left out with one warning line; it never stops a command. Without an imports
folder this costs one ``scandir`` of a folder that is not there. Stdlib only.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from .read import ReadError, parse_json, read_bytes

FOLDER = "imports"
NAME = r"^oews-(\d{4})-(national|state|metro|all)\.json$|^(ep-\d{4}-\d{2})\.json$"
"""An import file's name (compiled on first use, by ``re``'s cache: most runs have no imports)."""
"""An OEWS import (``oews-2023-state.json``) or a projections import (``ep-2024-34.json``)."""
MAX_BYTES = 32 * 1024 * 1024
TABLES_URL = "https://www.bls.gov/oes/tables.htm"
"""Where BLS publishes the OEWS files (the importer, the build and `data imports` say it)."""
KIND_ORDER = {"national": 0, "state": 1, "metro": 2, "all": 3}
"""Where two imports of one vintage give the same figure for a place, the narrower file's wins."""
WAGES = ("usd_per_year", "usd_per_hour")
SPREAD = ("p10", "p25", "median", "p75", "p90")
HEADLINE = ("median", "mean")


def folder() -> Path | None:
    """The imports folder (it may not exist), or None where the user folder is unusable."""
    quick = _linux_data_home()
    if quick is not None:
        return quick / "mrt-guide" / FOLDER
    from ..paths import user_dir
    from ..status import GuideError

    try:
        return user_dir() / FOLDER
    except GuideError:
        return None


def _linux_data_home() -> Path | None:
    """The XDG data folder where platformdirs would find it on Linux, without importing it
    (every command looks for imports; platformdirs costs more than the look). None wherever
    the answer is less plain (``$MRT_GUIDE_HOME`` set, another platform, no usable ``$HOME``):
    ``paths.user_dir()`` decides there. ``tests/test_oews_import.py`` holds the two equal."""
    import sys

    if os.environ.get("MRT_GUIDE_HOME") or not sys.platform.startswith("linux"):
        return None
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg)
    home = os.environ.get("HOME", "")
    return Path(home) / ".local" / "share" if os.path.isabs(home) else None


def import_id(name: str) -> str | None:
    """``2023-state`` for ``oews-2023-state.json``, ``ep-2024-34`` for ``ep-2024-34.json``;
    None for any other name."""
    found = re.match(NAME, name)
    if found is None:
        return None
    return found.group(3) or f"{found.group(1)}-{found.group(2)}"


def is_projection(ident: str) -> bool:
    return ident.startswith("ep-")


def file_name(ident: str) -> str:
    return f"{ident}.json" if is_projection(ident) else f"oews-{ident}.json"


def names(directory: Path | None) -> list[str]:
    """The import files in ``directory``, sorted; none when it does not exist."""
    if directory is None:
        return []
    try:
        with os.scandir(directory) as found:
            return sorted(entry.name for entry in found if re.match(NAME, entry.name))
    except OSError:
        return []


class Damaged(Exception):
    """An import that cannot be used; the message says why, in a few words."""


def read_file(path: Path) -> bytes:
    """The bytes of an import, if it may be trusted as a file: ``Damaged`` otherwise."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        raise Damaged(f"cannot be read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise Damaged("is not a regular file")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise Damaged("belongs to another user")
    if info.st_mode & 0o022:
        raise Damaged("may be changed by other users")
    try:
        return read_bytes(path, MAX_BYTES)
    except ReadError as exc:
        raise Damaged(exc.message) from None


def validated(name: str, raw: bytes) -> dict[str, Any]:
    """The import in ``raw`` as the model dumps it, through the cache: ``Damaged`` if refused."""
    from . import cache

    key = cache.key({f"import/{name}": raw})
    entry = cache.get(key)
    if entry is not None and isinstance(entry["sections"].get("import"), dict):
        found: dict[str, Any] = entry["sections"]["import"]
        return found
    try:
        data = parse_json(raw)
    except ReadError as exc:
        raise Damaged(exc.message) from None
    from .import_model import ImportFault, check, check_projections

    ident = import_id(name) or ""
    try:
        doc = check_projections(data) if is_projection(ident) else check(data)
    except ImportFault as exc:
        raise Damaged(str(exc)) from None
    if ident != (f"ep-{doc['id']}" if is_projection(ident) else doc["id"]):
        raise Damaged(f"holds the import {doc['id']}, not the one its name says")
    remember(name, raw, doc)
    return doc


def remember(name: str, raw: bytes, doc: dict[str, Any]) -> None:
    """Cache a validated import, so that the next command reads it without pydantic."""
    from . import cache

    cache.put(cache.key({f"import/{name}": raw}), {"import": doc}, {})


def load_all(directory: Path | None) -> tuple[list[dict[str, Any]], list[str]]:
    """Every usable import in ``directory`` and a warning line for each one left out."""
    docs, warnings = [], []
    for name in names(directory):
        assert directory is not None
        try:
            docs.append(validated(name, read_file(directory / name)))
        except Damaged as exc:
            from ..textsafe import neutral_line

            ident = import_id(name)
            warnings.append(
                f"ignored the imported file {name}: {neutral_line(str(exc), 160)}. Import the "
                f"{'projections' if is_projection(ident or '') else 'OEWS'} file again, or remove it "
                f"with 'mrt-guide data imports --remove {ident}'."
            )
    return docs, warnings


def overlay(entry: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The dataset ``entry`` (sections and index) with every usable import laid over it, and
    the warnings; unchanged, at the cost of one ``scandir``, when nothing was imported."""
    directory = folder()
    if not names(directory):
        return entry, []
    docs, warnings = load_all(directory)
    if docs:
        warnings += apply(entry["sections"], entry["index"], docs)
    return entry, warnings


def _figure_place(place: str, fig: dict[str, Any]) -> tuple[Any, ...]:
    return (place, fig["measure"], fig["unit"], fig["year"])


class _Adder:
    """Appends records to the sections and keeps the index in step."""

    def __init__(self, sections: dict[str, Any], index: dict[str, Any]) -> None:
        self.sections, self.index = sections, index
        self.records: dict[str, dict[str, list[int | str]]] = index.setdefault("records", {})
        self.sourced: list[list[Any]] = index.setdefault("sourced", [])

    def known(self, kind: str, key: str) -> bool:
        return key in self.records.get(kind, {})

    def add(self, path: list[int | str], record: dict[str, Any], kind: str | None, key: str = "id") -> None:
        """Append ``record`` to the list at ``path`` (a section and keys), indexed as ``kind``."""
        target: Any = self.sections
        for part in path:
            target = target[part]
        target.append(record)
        where = [*path, len(target) - 1]
        if kind is not None:
            self.records.setdefault(kind, {})[record[key]] = where
        if "source" in record and "flag" in record:
            self.sourced.append([where, record["source"]])

    def figures(self, path: list[int | str], figures: list[dict[str, Any]]) -> None:
        for fig in figures:
            self.add(path, fig, "figure")


def _clash(adder: _Adder, doc: dict[str, Any]) -> str | None:
    """Why ``doc`` cannot join the dataset (an id it uses is taken), or None."""
    if adder.known("source", doc["source"]["key"]):
        return f"its source key {doc['source']['key']} is already used by the dataset"
    ids = [f["id"] for f in doc["national"]]
    for state in doc["states"]:
        ids += [f["id"] for f in state["figures"]]
        for area in state["areas"]:
            ids += [f["id"] for f in area["figures"]]
            if adder.known("area", area["id"]) and not _area_of(adder, area["id"], state["id"]):
                return f"its area {area['id']} sits under another state in the dataset"
    taken = next((i for i in ids if adder.known("figure", i)), None)
    return None if taken is None else f"its figure id {taken} is already used by the dataset"


def _area_of(adder: _Adder, area_id: str, state_id: str) -> bool:
    path = adder.records["area"][area_id]
    state_path = adder.records.get("state", {}).get(state_id)
    return state_path is not None and path[: len(state_path)] == state_path


def apply(sections: dict[str, Any], index: dict[str, Any], docs: list[dict[str, Any]]) -> list[str]:
    """Lay ``docs`` over the dataset, newest vintage first; returns warnings for any left out."""
    adder = _Adder(sections, index)
    warnings: list[str] = []
    seen: set[tuple[Any, ...]] = set()
    headline: list[str] = []
    spreads: list[dict[str, Any]] = []
    for doc in sorted((d for d in docs if "start" in d), key=lambda d: -d["start"]):
        why = _projection(adder, doc)
        if why is not None:
            warnings.append(f"ignored the imported file ep-{doc['id']}.json: {why}.")
    docs = [d for d in docs if "vintage" in d]
    for doc in sorted(docs, key=lambda d: (-d["vintage"], KIND_ORDER[d["kind"]])):
        why = _clash(adder, doc)
        if why is not None:
            warnings.append(f"ignored the imported file {file_name(doc['id'])}: {why}.")
            continue
        adder.add(["sources", "sources"], doc["source"], "source", key="key")
        _code(adder, doc)
        national = [f for f in doc["national"] if _figure_place("US", f) not in seen]
        seen.update(_figure_place("US", f) for f in national)
        wages = [f for f in national if f["unit"] in WAGES]
        adder.figures(["pay", "figures"], wages)
        adder.figures(["states", "national"], [f for f in national if f["unit"] not in WAGES])
        headline += [f["id"] for m in HEADLINE for f in wages if f["measure"] == m]
        spread = [f["id"] for m in SPREAD for f in wages if f["measure"] == m and f["unit"] == "usd_per_year"]
        if len(spread) >= 2:
            spreads.append(
                {
                    "id": f"spread-oews-{doc['id']}",
                    "title": f"Spread of annual pay, May {doc['vintage']} (the OEWS file you imported)",
                    "figures": spread,
                }
            )
        for state in doc["states"]:
            _state(adder, state, seen)
    pay = sections["pay"]
    pay["headline"] = headline + pay["headline"]
    if spreads:  # the imported spreads first, newest first
        pay["spreads"] = spreads + pay["spreads"]
        where = adder.records.setdefault("spread", {})
        for i, spread_record in enumerate(pay["spreads"]):
            where[spread_record["id"]] = ["pay", "spreads", i]
    return warnings


def _projection(adder: _Adder, doc: dict[str, Any]) -> str | None:
    """Lay a projections import over the outlook: its projection where the dataset has none
    for the period, and the related careers' pay and growth where it is newer; None, or why not."""
    from .projection_records import career_figures, projection_record

    key = doc["source"]["key"]
    if adder.known("source", key):
        held: Any = adder.sections
        for part in adder.records["source"][key]:
            held = held[part]
        if held.get("sha256") == doc["sha256"]:
            return None  # the very file the dataset was built from: nothing to add
        return (
            f"the dataset already holds the {doc['id']} edition (source {key}) from another copy of the file"
        )
    adder.add(["sources", "sources"], doc["source"], "source", key="key")
    _code(adder, {"source": doc["source"], "occupation": doc["occupation"]})
    outlook = adder.sections["outlook"]
    record = _dumped(projection_record(doc, None))
    if not any(p["start"] == doc["start"] and p["end"] == doc["end"] for p in outlook["projections"]):
        if adder.known("projection", record["id"]):
            return f"its projection id {record['id']} is already used by the dataset"
        adder.add(["outlook", "projections"], record, "projection")
        where = adder.records["projection"][record["id"]]
        for name in PROJECTION_FIGURES:
            if record[name] is not None:
                adder.records.setdefault("figure", {})[record[name]["id"]] = [*where, name]
                adder.sourced.append([[*where, name], key])
    careers = adder.sections.get("careers") or {}
    for i, career in enumerate(careers.get("careers", [])):
        for field, fig in career_figures(doc, career).items():
            old = career.get(field)
            if old is not None and _year(old) >= _year(fig):
                continue  # the dataset's own figure is as new
            full = {**FIGURE_DEFAULTS, **fig}
            career[field] = full
            path: list[int | str] = ["careers", "careers", i, field]
            adder.records.setdefault("figure", {})[full["id"]] = path
            adder.sourced[:] = [s for s in adder.sourced if s[0] != path] + [[path, key]]
    return None


PROJECTION_FIGURES = (
    "growth",
    "new_jobs",
    "base_employment",
    "target_employment",
    "openings",
    "all_occupations",
)
FIGURE_DEFAULTS: dict[str, Any] = {
    "upper": None,
    "qualifier": None,
    "year_end": None,
    "measure": None,
    "article": None,
    "note": None,
}
"""The fields a figure record has once the models dump it (an overlay adds figures as dumped)."""


def _dumped(record: dict[str, Any]) -> dict[str, Any]:
    """A projection record with every field the models' dump has, as the loader's records do."""
    out = dict(record)
    for name in PROJECTION_FIGURES:
        if out.get(name) is not None:
            out[name] = {**FIGURE_DEFAULTS, **out[name]}
    return out


def _year(fig: dict[str, Any]) -> int:
    return int(fig.get("year_end") or fig["year"])


def _code(adder: _Adder, doc: dict[str, Any]) -> None:
    """The import's source joins the occupation code its figures are for."""
    key, occupation = doc["source"]["key"], doc["occupation"]
    codes = adder.sections["states"]["codes"]
    for code in codes:
        if code["code"] == occupation["code"]:
            code["figures_from"].append(key)
            return
    record = {
        "code": occupation["code"],
        "title": occupation["title"],
        "figures_from": [key],
        "note": None,
        "source": key,
        "flag": "official",
    }
    adder.add(["states", "codes"], record, "soc", key="code")


def _state(adder: _Adder, state: dict[str, Any], seen: set[tuple[Any, ...]]) -> None:
    figures = [f for f in state["figures"] if _figure_place(state["id"], f) not in seen]
    seen.update(_figure_place(state["id"], f) for f in figures)
    if adder.known("state", state["id"]):
        path = adder.records["state"][state["id"]]
        adder.figures([*path, "figures"], figures)
        if state["note"]:
            record: Any = adder.sections
            for part in path:
                record = record[part]
            record["note"] = f"{record['note']} {state['note']}" if record["note"] else state["note"]
    else:
        adder.add(["states", "states"], {**state, "figures": [], "areas": []}, "state")
        path = adder.records["state"][state["id"]]
        adder.figures([*path, "figures"], figures)
    for area in state["areas"]:
        area_figures = [f for f in area["figures"] if _figure_place(area["id"], f) not in seen]
        seen.update(_figure_place(area["id"], f) for f in area_figures)
        if adder.known("area", area["id"]):
            area_path = adder.records["area"][area["id"]]
        else:
            adder.add([*path, "areas"], {**area, "figures": []}, "area")
            area_path = adder.records["area"][area["id"]]
        adder.figures([*area_path, "figures"], area_figures)


def summary(doc: dict[str, Any]) -> dict[str, Any]:
    """What ``data imports`` lists about an import."""
    if "start" in doc:
        return {
            "id": f"ep-{doc['id']}",
            "vintage": doc["start"],
            "kind": "projections",
            "file": doc["file"],
            "archive": None,
            "imported": doc["imported"],
            "code": doc["occupation"]["code"],
            "title": doc["occupation"]["title"],
            "source": doc["source"]["key"],
            "states": 0,
            "areas": 0,
            "figures": 6 + 2 * len(doc["related"]),
            "notes": [],
        }
    states = doc["states"]
    figures = len(doc["national"]) + sum(
        len(s["figures"]) + sum(len(a["figures"]) for a in s["areas"]) for s in states
    )
    return {
        "id": doc["id"],
        "vintage": doc["vintage"],
        "kind": doc["kind"],
        "file": doc["file"],
        "archive": doc["archive"],
        "imported": doc["imported"],
        "code": doc["occupation"]["code"],
        "title": doc["occupation"]["title"],
        "source": doc["source"]["key"],
        "states": len(states),
        "areas": sum(len(s["areas"]) for s in states),
        "figures": figures,
        "notes": doc["notes"],
    }


def dumps(doc: dict[str, Any]) -> bytes:
    """An import as stored: indented JSON, a newline at the end."""
    return (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
