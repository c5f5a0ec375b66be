"""``python -m mrt_guide``."""

from mrt_guide.entry import main

main()
