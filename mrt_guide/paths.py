"""Where the user's own files live: the CE log, imported official files, evidence.

``$MRT_GUIDE_HOME`` if it is set (an absolute path), else the platform's user data
folder for "mrt-guide" (``~/.local/share/mrt-guide`` on Linux, XDG rules applied by
platformdirs). Created on first write only, private to the user (mode 0700); a
reading command never creates it. ``mrt-guide ce path`` prints it.
"""

from __future__ import annotations

import os
from pathlib import Path

from .status import GuideError

HOME_ENV = "MRT_GUIDE_HOME"


def user_dir() -> Path:
    """The user's mrt-guide folder (it may not exist yet)."""
    chosen = os.environ.get(HOME_ENV, "")
    if chosen:
        if not os.path.isabs(chosen):
            raise GuideError(f"{HOME_ENV} must be an absolute path, not '{chosen}'.")
        return Path(chosen)
    import platformdirs

    return Path(platformdirs.user_data_dir("mrt-guide", appauthor=False))


def ensure_user_dir() -> Path:
    """The user's mrt-guide folder, created (mode 0700) if it is missing; for writing commands."""
    folder = user_dir()
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise GuideError(f"Cannot create {folder}: {exc.strerror or exc}.") from None
    if not folder.is_dir():
        raise GuideError(f"{folder} is not a folder; set {HOME_ENV} to another place.")
    return folder
