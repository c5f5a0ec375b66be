"""``mrt-guide data import-oews`` and ``data imports``: bring an official OEWS file into the
user's folder, list what was imported, remove it.

An import is one JSON file, ``imports/oews-YYYY-KIND.json``, checked by the import model
before it is written, and written whole: to a temporary file in the same folder, flushed
to disk, then renamed over the old one. A file that fails anywhere before that rename
changes nothing, so an import that fails after a good one leaves the good one in place.
Importing a file whose figures are already there writes nothing.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .dataset import imports
from .dataset.index import Dataset, choose
from .dataset.load import forget
from .status import ExitStatus, GuideError
from .textsafe import neutral_line

KIND_WORDS = {
    "national": "national",
    "state": "state",
    "metro": "metro and nonmetro area",
    "all": "national, state and area",
    "projections": "projections",
}
NOTES_SHOWN = 5

if TYPE_CHECKING:
    from .oews import Progress


@contextlib.contextmanager
def progress_bar() -> Iterator[Progress | None]:
    """A progress bar on stderr while the workbook is read, on a terminal only."""
    stream = sys.stderr
    if not (hasattr(stream, "isatty") and stream.isatty()) or os.environ.get("TERM") == "dumb":
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("Reading rows"),
        BarColumn(),
        TextColumn("{task.completed:,}"),
        TimeElapsedColumn(),
        console=Console(file=stream),
        transient=True,
    )
    task = bar.add_task("rows", total=None)

    def tick(done: int, total: int | None) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield tick


def _comparable(doc: dict[str, Any]) -> dict[str, Any]:
    """An import without the date it was made: two imports of one file compare equal."""
    return {**doc, "imported": None, "source": {**doc["source"], "note": None}}


def _write(folder: Path, name: str, raw: bytes) -> None:
    """``raw`` as ``folder/name``, atomically, private to the user."""
    import tempfile

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".import-", suffix=".tmp", dir=folder)  # mode 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / name)
        tmp = None
        with contextlib.suppress(OSError):  # the rename itself, on disk
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as exc:
        raise GuideError(
            f"Cannot save the import in {neutral_line(str(folder), 80)}: {exc.strerror or exc}; "
            "nothing was changed.",
            ExitStatus.IO,
        ) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _folder() -> Path:
    from .paths import ensure_user_dir

    folder = ensure_user_dir() / imports.FOLDER
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise GuideError(
            f"Cannot create {neutral_line(str(folder), 80)}: {exc.strerror or exc}.", ExitStatus.IO
        ) from None
    if not folder.is_dir() or folder.is_symlink():
        raise GuideError(f"{neutral_line(str(folder), 80)} is not a folder; move it away and import again.")
    return folder


def import_file(ds: Dataset, path: Path, vintage: int | None) -> str:
    """Read, check and save the OEWS file at ``path``; the line that says what was done."""
    from .dataset.import_model import check
    from .oews import build

    known = {s["id"]: s["name"] for s in ds.states}
    with progress_bar() as tick:
        made = build(path, known, vintage=vintage, progress=tick)
    shown = neutral_line(path.name, 80)
    doc = _usable(check, made, shown)
    folder = _folder()
    name = imports.file_name(doc["id"])
    what = f"May {doc['vintage']} {KIND_WORDS[doc['kind']]} estimates for {_occupation(doc)}"
    before = _previous(folder, name)
    if before is not None and _comparable(before) == _comparable(doc):
        return f"Already imported: {what}, from {shown}. Nothing changed."
    raw = imports.dumps(doc)
    _write(folder, name, raw)
    imports.remember(name, raw, doc)
    forget()
    for note in doc["notes"][:NOTES_SHOWN]:
        sys.stderr.write(f"Note: {note}\n")
    if len(doc["notes"]) > NOTES_SHOWN:
        sys.stderr.write(
            f"Note: ... and {len(doc['notes']) - NOTES_SHOWN} more "
            "('mrt-guide data imports --json' lists them).\n"
        )
    counts = imports.summary(doc)
    places = []
    if doc["national"]:
        places.append("the nation")
    if counts["states"]:
        states = sum(1 for s in doc["states"] if s["figures"])
        if states:
            places.append(f"{states} {'state' if states == 1 else 'states'} and territories")
    if counts["areas"]:
        places.append(f"{counts['areas']} {'area' if counts['areas'] == 1 else 'areas'}")
    verb = "Replaced the earlier import with" if before is not None else "Imported"
    return (
        f"{verb} {what}, from {shown}: {', '.join(places)}; {counts['figures']} figures, flagged official "
        f"(source {doc['source']['key']}). Saved in {neutral_line(str(folder / name), 120)}."
    )


def _usable(check: Callable[[object], dict[str, Any]], made: object, shown: str) -> dict[str, Any]:
    """What the importer ``made`` once the import model accepts it; else exit 65, nothing changed."""
    from .dataset.import_model import ImportFault

    try:
        return check(made)
    except ImportFault as exc:
        raise GuideError(
            f"'{shown}' gives figures mrt-guide cannot use ({neutral_line(str(exc), 160)}); "
            "nothing was changed.",
            ExitStatus.DATA,
        ) from None


def _occupation(doc: dict[str, Any]) -> str:
    """The import's occupation code and title, and, for a broader group, that it is one."""
    occupation = doc["occupation"]
    text = f"{occupation['code']} {occupation['title']}"
    if occupation["broader"]:
        text += " (a broader group that includes medical records specialists; labelled so everywhere)"
    return text


def _previous(folder: Path, name: str) -> dict[str, Any] | None:
    """The usable import already saved as ``name``, if any (a damaged one is replaced)."""
    if not (folder / name).exists():
        return None
    try:
        return imports.validated(name, imports.read_file(folder / name))
    except imports.Damaged:
        return None


def import_projections(ds: Dataset, path: Path, edition: str | None) -> str:
    """Read, check and save BLS's projections workbook at ``path``; the line that says what was done."""
    from .dataset.import_model import check_projections
    from .projections import build

    related = [c["soc"] for c in ds.section("careers")["careers"] if c.get("soc")]
    made = build(path, related, edition=edition)
    shown = neutral_line(path.name, 80)
    doc = _usable(check_projections, made, shown)
    folder = _folder()
    name = imports.file_name(f"ep-{doc['id']}")
    what = f"the {doc['id']} projections for {_occupation(doc)}"
    before = _previous(folder, name)
    if before is not None and _comparable(before) == _comparable(doc):
        return f"Already imported: {what}, from {shown}. Nothing changed."
    bundled = ds.sources.get(doc["source"]["key"])
    raw = imports.dumps(doc)
    _write(folder, name, raw)
    imports.remember(name, raw, doc)
    forget()
    row, everyone = doc["row"], doc["all"]
    verb = "Replaced the earlier import with" if before is not None else "Imported"
    line = (
        f"{verb} {what}, from {shown}: {row['percent']:.1f}% growth against "
        f"{everyone['percent']:.1f}% for all occupations, "
        f"{row['base']:,.1f} to {row['target']:,.1f} thousand jobs; "
        f"{len(doc['related'])} related occupations; flagged official (source {doc['source']['key']}). "
        f"Saved in {neutral_line(str(folder / name), 120)}."
    )
    if bundled is not None:
        line += " The dataset already holds this edition, from BLS's file: commands show that one."
    return line


def listing() -> dict[str, Any]:
    """Every import in the user's folder, with what it holds or why it cannot be used."""
    folder = imports.folder()
    rows: list[dict[str, Any]] = []
    for name in imports.names(folder):
        assert folder is not None
        ident = imports.import_id(name) or name
        try:
            doc = imports.validated(name, imports.read_file(folder / name))
        except imports.Damaged as exc:
            projection = imports.is_projection(ident)
            rows.append(
                {
                    "id": ident,
                    "vintage": int(ident[3:7] if projection else ident[:4]),
                    "kind": "projections" if projection else ident[5:],
                    "status": "damaged",
                    "problem": neutral_line(str(exc), 200),
                    "summary": None,
                }
            )
            continue
        info = imports.summary(doc)
        rows.append(
            {
                "id": ident,
                "vintage": info["vintage"],
                "kind": info["kind"],
                "status": "ok",
                "problem": None,
                "summary": info,
            }
        )
    rows.sort(key=lambda r: (-r["vintage"], imports.KIND_ORDER.get(r["kind"], 9)))
    return {
        "folder": None if folder is None else str(folder),
        "imports": rows,
        "download": imports.TABLES_URL,
    }


def remove_imports(value: str) -> list[str]:
    """Remove the import ``value`` names (an id, or a May year for all of that year)."""
    folder = imports.folder()
    present = [i for i in (imports.import_id(n) for n in imports.names(folder)) if i]
    if folder is None or not present:
        raise GuideError("Nothing is imported yet; 'mrt-guide data import-oews FILE' imports a file.")
    text = value.strip()
    text = text[4:].strip() if text[:4].lower() == "may " else text
    years = sorted({i[:4] for i in present if not imports.is_projection(i)})
    if text in years:
        chosen = [i for i in present if i.startswith(text)]
    else:
        chosen = [choose("import", text, present + years, present)]
        if chosen[0] in years:
            chosen = [i for i in present if i.startswith(chosen[0])]
    lines = []
    for ident in chosen:
        try:
            os.unlink(folder / imports.file_name(ident))
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise GuideError(
                f"Cannot remove {imports.file_name(ident)}: {exc.strerror or exc}.", ExitStatus.IO
            ) from None
        forget()
        if imports.is_projection(ident):
            lines.append(f"Removed the {ident[3:]} projections import ({imports.file_name(ident)}).")
            continue
        vintage, kind = ident.split("-", 1)
        lines.append(f"Removed the May {vintage} {KIND_WORDS[kind]} import ({imports.file_name(ident)}).")
    return lines
