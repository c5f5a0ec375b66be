"""Write the bundled dataset pre-validated: ``python -m mrt_guide.dataset.bundle``.

Validates ``data/`` with the models and writes the normalised dataset, with the key
of the files and code it was made from, to ``mrt_guide/dataset/bundled.json``. The
loader uses it while that key still holds; ``tests/test_dataset.py`` fails when it
is out of date. Run it after any change to ``data/`` or to ``mrt_guide/dataset``.
"""

from __future__ import annotations

import json
import sys

from .faults import DataError
from .load import BUNDLED_NORMALISED, bundled_dir, bundled_key, check_dir, read_raw


def build() -> str:
    """The text of ``bundled.json`` for the data and code as they are now."""
    directory = bundled_dir()
    raw, faults = read_raw(directory)
    sections, index, more = check_dir(directory)
    if faults or more:
        raise DataError(faults + more)
    entry = {"key": bundled_key(raw), "sections": sections, "index": index}
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"


def main() -> int:
    try:
        text = build()
    except DataError as exc:
        for fault in exc.faults:
            sys.stderr.write(fault.line() + "\n")
        return 1
    BUNDLED_NORMALISED.write_text(text, encoding="utf-8")
    sys.stderr.write(f"Wrote {BUNDLED_NORMALISED} ({len(text.encode()):,} bytes).\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
