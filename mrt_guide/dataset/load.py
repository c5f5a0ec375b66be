"""Find, read and validate a dataset folder; hand back the one ``Dataset`` every command reads.

Three ways to the same normalised dataset, cheapest first:

1. The bundled dataset ships pre-validated (``bundled.json``, made by
   ``python -m mrt_guide.dataset.bundle`` and checked by the tests): it is used as
   long as the data files and the validating code are the ones it was made from.
2. A dataset validated before is read back from the cache (``cache.py``), under a
   key of its bytes and of the code that validated it.
3. Anything else is validated with the models (``validate.py``, which imports
   pydantic), then cached.

Official OEWS files the reader imported (``imports.py``) are laid over whichever of the
three it was. Within one process a dataset is loaded at most once.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .faults import DataError, Fault
from .index import Dataset
from .read import ReadError, parse_json, read_bytes
from .sections import SECTIONS

DATA_ENV = "MRT_GUIDE_DATA"
BUNDLED_NORMALISED = Path(__file__).with_name("bundled.json")
_loaded: dict[Path, Dataset] = {}


def bundled_dir() -> Path:
    """The dataset shipped with the package.

    In a wheel the files sit in ``mrt_guide/data``; in a source checkout or an
    editable install they are the top-level ``data/`` beside the package.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "data", package.parent / "data"):
        if (candidate / SECTIONS[0].file).is_file():
            return candidate
    return package / "data"


def resolve_dir(option: Path | None) -> Path:
    """The dataset to use: ``--data``, else ``$MRT_GUIDE_DATA``, else the bundled one."""
    if option is not None:
        return option
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else bundled_dir()


def is_bundled(directory: Path) -> bool:
    try:
        return directory.resolve() == bundled_dir().resolve()
    except (OSError, RuntimeError):
        return False


def shown_name(directory: Path, name: str) -> str:
    """How a file is named in messages: ``data/pay.json`` for the bundled dataset."""
    return f"data/{name}" if is_bundled(directory) else str(directory / name)


def read_raw(directory: Path) -> tuple[dict[str, bytes | None], list[Fault]]:
    """Every data file's bytes (None for an optional file left out), and the read faults."""
    try:
        is_dir = directory.is_dir()
    except OSError as exc:
        raise DataError([Fault(str(directory), "", f"cannot be read: {exc.strerror or exc}.")]) from None
    if not is_dir:  # a wrong --data (or MRT_GUIDE_DATA): a usage error, not a damaged dataset
        from ..status import GuideError
        from ..textsafe import neutral_line

        what = "is not a folder" if directory.exists() else "does not exist"
        raise GuideError(
            f"{neutral_line(str(directory), 200)}: {what}; --data (or MRT_GUIDE_DATA) names a folder "
            "of JSON files like data/."
        )
    raw: dict[str, bytes | None] = {}
    faults: list[Fault] = []
    for section in SECTIONS:
        path = directory / section.file
        try:
            raw[section.name] = read_bytes(path)
        except ReadError as exc:
            if exc.message == "is missing" and section.optional:
                raw[section.name] = None
                continue
            message = exc.message
            if message == "is missing":
                message = f"is missing; every dataset needs {section.file}"
            faults.append(Fault(shown_name(directory, section.file), "", message + "."))
    return raw, faults


def parse_all(directory: Path, raw: dict[str, bytes | None]) -> tuple[dict[str, Any], list[Fault]]:
    parsed: dict[str, Any] = {}
    faults: list[Fault] = []
    for name, data in raw.items():
        if data is None:
            parsed[name] = None
            continue
        try:
            parsed[name] = parse_json(data)
        except ReadError as exc:
            message = exc.message if exc.path else exc.message + "."
            faults.append(Fault(shown_name(directory, f"{name}.json"), exc.path, message))
    return parsed, faults


def _validate(
    directory: Path, raw: dict[str, bytes | None]
) -> tuple[dict[str, Any], dict[str, Any], list[Fault]]:
    parsed, faults = parse_all(directory, raw)
    from .validate import validate

    sections, index, more = validate(parsed, {s.name: shown_name(directory, s.file) for s in SECTIONS})
    faults += more
    return ({}, {}, faults) if faults else (sections, index, faults)


def check_dir(directory: Path) -> tuple[dict[str, Any], dict[str, Any], list[Fault]]:
    """Read, parse and validate ``directory`` with the models, whatever any cache says:
    (sections, index, faults). ``DataError`` when the folder itself cannot be used."""
    raw, faults = read_raw(directory)
    sections, index, more = _validate(directory, raw)
    faults += more
    return ({}, {}, faults) if faults else (sections, index, faults)


def _prevalidated(directory: Path) -> dict[str, Any] | None:
    """The shipped normalised dataset, if it was made from exactly these files and this code.

    In an installed wheel the data files, the code and ``bundled.json`` are one build, made
    and checked together, so it is used as it is. In a source checkout (``data/`` beside the
    package) someone may have edited either since: there the key is checked first.
    """
    try:
        entry = json.loads(read_bytes(BUNDLED_NORMALISED, 4 * 5 * 1024 * 1024))
    except (ReadError, ValueError):
        return None
    if not isinstance(entry, dict) or not isinstance(entry.get("sections"), dict):
        return None
    if directory.resolve().parent == BUNDLED_NORMALISED.parent.parent:  # mrt_guide/data: a wheel
        return entry
    raw, faults = read_raw(directory)
    return None if faults or entry.get("key") != bundled_key(raw) else entry


def bundled_key(raw: dict[str, bytes | None]) -> str:
    """The bundled dataset's key: its bytes and the validating code, not pydantic's version
    (the normalised dataset ships ready; no model runs on it)."""
    from . import cache

    return cache.key(raw, cache.code_digest(with_pydantic=False))


def forget() -> None:
    """Drop the datasets this process loaded (after an import changed what they include)."""
    _loaded.clear()


def _warn(lines: list[str]) -> None:
    """One line on stderr per import left out (never while completing a word: the shell
    would print it over the command line)."""
    if lines and "_MRT_GUIDE_COMPLETE" not in os.environ:
        import sys

        for line in lines:
            sys.stderr.write(f"Warning: {line}\n")


def load(directory: Path) -> Dataset:
    """The validated dataset in ``directory``; raises ``DataError`` listing every fault."""
    memo = directory.absolute()
    if memo in _loaded:
        return _loaded[memo]
    bundled = is_bundled(directory)
    entry = _prevalidated(directory) if bundled else None
    if entry is None:
        raw, faults = read_raw(directory)
        if faults:
            raise DataError(faults)
        from . import cache

        dataset_key = cache.key(raw)
        entry = cache.get(dataset_key)
        if entry is None:
            sections, index, faults = _validate(directory, raw)
            if faults:
                raise DataError(faults)
            cache.put(dataset_key, sections, index)
            entry = {"sections": sections, "index": index}
    from .imports import overlay

    entry, warnings = overlay(entry)
    _warn(warnings)
    dataset = Dataset(entry["sections"], entry["index"], directory, bundled)
    _loaded[memo] = dataset
    return dataset
