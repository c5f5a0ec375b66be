"""Education levels, lowest first. Light (no pydantic): the planner and the CLI use it too."""

from typing import Literal

Level = Literal["none", "high-school", "certificate", "associate", "bachelor", "master"]
LEVELS: tuple[Level, ...] = ("none", "high-school", "certificate", "associate", "bachelor", "master")
