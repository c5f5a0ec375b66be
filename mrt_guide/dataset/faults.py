"""Faults in a dataset: where (file and JSON path) and what is wrong."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Fault(NamedTuple):
    file: str
    """The file as the user knows it, e.g. ``data/pay.json``."""
    path: str
    """JSON path inside the file, e.g. ``figures[3].value``; empty for the whole file."""
    message: str

    def line(self, arrow: str = "→") -> str:
        """The fault on one line, safe to print: nothing in it can drive a terminal."""
        from ..textsafe import neutral_line

        where = f"{self.file} {arrow} {self.path}" if self.path else self.file
        return neutral_line(f"{where}: {self.message}")


class DataError(Exception):
    """The dataset cannot be used; ``faults`` says why."""

    def __init__(self, faults: Iterable[Fault]) -> None:
        self.faults = list(faults)
        super().__init__(f"{len(self.faults)} fault(s) in the dataset")


def json_path(loc: Iterable[int | str]) -> str:
    """Render a location tuple as ``a.b[3].c``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
