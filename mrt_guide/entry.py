"""The console script's entry point, imported before anything heavy.

A Ctrl-C while Typer and the rest are still being imported (the first tens of
milliseconds) must end like any other: "Interrupted." and status 130, no traceback.
So the first thing the process runs installs that handler; ``cli.main`` replaces it
with Python's own once the runner that reports interruptions is in place.
"""

import os
import signal


def _early_interrupt(signum: int, frame: object) -> None:
    try:
        os.write(2, b"\nInterrupted.\n")
    finally:
        os._exit(130)


def _early_stop(signum: int, frame: object) -> None:
    os._exit(143 if signum == signal.SIGTERM else 129)


def install() -> None:
    signal.signal(signal.SIGINT, _early_interrupt)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(sig) is signal.SIG_DFL:
            signal.signal(sig, _early_stop)


def main() -> None:
    install()
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
