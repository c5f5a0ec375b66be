"""Links to commands, as records: ``{"command": "certs", "args": ["RHIT"]}``.

Queries say which command tells more; views spell it (``mrt-guide certs RHIT``).
``tests/test_links.py`` runs every link found in every command's JSON output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..records import LinkOut as Link


def link(command: str, *args: str) -> Link:
    return {"command": command, "args": list(args)}
