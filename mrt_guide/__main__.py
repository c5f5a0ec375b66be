"""``python -m mrt_guide``."""

from mrt_guide.cli import main

main()
