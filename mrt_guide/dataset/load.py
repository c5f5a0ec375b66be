"""Find, read and validate a dataset directory.

Reading is cheap; validating with pydantic is not (building the models' schemas
costs more than the rest of a command's start-up). So a dataset that passed
validation is remembered by a digest of its files and of the models' source,
in the user's cache directory; the next run reads plain JSON and skips the
models. Any change to a file or to the models changes the digest and brings
validation back. Within one process a dataset is read and validated at most once.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from pathlib import Path
from typing import Any

from .faults import DataError, Fault, json_path

DATA_ENV = "MRT_GUIDE_DATA"
CACHE_ENV = "MRT_GUIDE_CACHE_DIR"
FILE_NAMES = (
    "sources.json",
    "occupation.json",
    "steps.json",
    "education.json",
    "certifications.json",
    "pay.json",
    "outlook.json",
    "work.json",
    "goals.json",
)
MAX_FILE_BYTES = 5 * 1024 * 1024
_MODELS_FILE = Path(__file__).with_name("models.py")
_loaded: dict[Path, dict[str, Any]] = {}


def bundled_dir() -> Path:
    """The dataset shipped with the package.

    In a wheel the files sit in ``mrt_guide/data``; in a source checkout or an
    editable install they are the top-level ``data/`` beside the package.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "data", package.parent / "data"):
        if (candidate / FILE_NAMES[0]).is_file():
            return candidate
    return package / "data"


def resolve_dir(option: Path | None) -> Path:
    """The dataset to use: ``--data``, else ``$MRT_GUIDE_DATA``, else the bundled one."""
    if option is not None:
        return option
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else bundled_dir()


def shown_name(directory: Path, name: str) -> str:
    """How a file is named in messages: ``data/pay.json`` for the bundled dataset."""
    if directory.resolve() == bundled_dir().resolve():
        return f"data/{name}"
    return str(directory / name)


def _read_one(directory: Path, name: str) -> tuple[bytes | None, Any, Fault | None]:
    path = directory / name
    shown = shown_name(directory, name)
    if path.is_dir():
        return None, None, Fault(shown, "", "is a directory; it should be a JSON file.")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            mib = size / 1024 / 1024
            limit = MAX_FILE_BYTES // 1024 // 1024
            return None, None, Fault(shown, "", f"is {mib:.0f} MiB; a data file may be at most {limit} MiB.")
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None, Fault(shown, "", f"is missing; every dataset needs {name}.")
    except OSError as exc:
        return None, None, Fault(shown, "", f"cannot be read: {exc.strerror or exc}.")
    if not raw.strip():
        return raw, None, Fault(shown, "", "is empty; it should hold a JSON object.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (
            raw,
            None,
            Fault(shown, "", f"is not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8."),
        )
    try:
        return raw, json.loads(text), None
    except json.JSONDecodeError as exc:
        return (
            raw,
            None,
            Fault(shown, "", f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."),
        )


def read(directory: Path) -> tuple[dict[str, Any], str, list[Fault]]:
    """Read every file: the parsed JSON by file name, a digest of their bytes, and read faults.

    The digest (length and CRC-32 of the models' source and of each file) only has to tell
    an edited dataset from one validated before; it needs no cryptographic hash, whose
    import alone would cost more than reading the whole dataset.
    """
    if not directory.is_dir():
        what = "is not a directory" if directory.exists() else "does not exist"
        raise DataError(
            [Fault(str(directory), "", f"{what}; point --data or {DATA_ENV} at a dataset directory.")]
        )
    models = _MODELS_FILE.read_bytes()
    digest = [f"{len(models):x}.{zlib.crc32(models):08x}"]
    parsed: dict[str, Any] = {}
    faults: list[Fault] = []
    for name in FILE_NAMES:
        raw, data, fault = _read_one(directory, name)
        digest.append(f"{len(raw or b''):x}.{zlib.crc32(raw or b''):08x}")
        if fault:
            faults.append(fault)
        else:
            parsed[name] = data
    return parsed, "-".join(digest), faults


_HINTS = {
    "missing": "Field required: add this key.",
    "extra_forbidden": "Unknown key: remove it, or check its spelling.",
}
"""Pydantic messages that say what is wrong but not what to do, reworded."""


def validate(directory: Path, parsed: dict[str, Any]) -> list[Fault]:
    """Validate parsed files against the models and across records; return the faults."""
    from pydantic import ValidationError

    from .checks import check
    from .models import FILES

    faults: list[Fault] = []
    models = {}
    for name, data in parsed.items():
        shown = shown_name(directory, name)
        try:
            models[name] = (shown, FILES[name].model_validate(data))
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                message = _HINTS.get(err["type"], err["msg"].removeprefix("Value error, "))
                faults.append(Fault(shown, json_path(err["loc"]), message))
    if not faults and len(models) == len(FILE_NAMES):
        faults.extend(check(models))
    return faults


_STAMPS_KEPT = 50


def _stamp_file() -> Path | None:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]) / "validated"
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return None
    return Path(base) / "mrt-guide" / "validated"


def _stamps(stamp: Path | None) -> list[str]:
    """Digests of datasets that passed validation before."""
    try:
        return stamp.read_text(encoding="ascii").split() if stamp else []
    except (OSError, UnicodeDecodeError):
        return []


def _remember(stamp: Path | None, stamps: list[str], digest: str) -> None:
    if stamp is None:
        return
    kept = [*stamps[-(_STAMPS_KEPT - 1) :], digest]
    tmp = stamp.with_name(f"{stamp.name}.{os.getpid()}.tmp")
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text("\n".join(kept) + "\n", encoding="ascii")
        os.replace(tmp, stamp)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)  # no cache: the next run validates again, only slower


def load(directory: Path) -> dict[str, Any]:
    """The dataset as plain JSON by file name, validated; raises ``DataError``."""
    key = directory.resolve()
    if key in _loaded:
        return _loaded[key]
    parsed, digest, faults = read(directory)
    if faults:
        raise DataError(faults)
    stamp = _stamp_file()
    stamps = _stamps(stamp)
    if digest not in stamps:
        faults = validate(directory, parsed)
        if faults:
            raise DataError(faults)
        _remember(stamp, stamps, digest)
    _loaded[key] = parsed
    return parsed
