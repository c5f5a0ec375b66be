"""``mrt-guide guide``: every part in reading order, one document.

``PARTS`` is the guide's table of contents: each part's key (its key in the JSON), the
section of the dataset it comes from and the query that gives its records.
``views/guide.py`` draws each part; ``tests/test_sections.py`` checks that every section
is in a part or in ``NOT_IN_GUIDE``, and that every part has a view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from ..dataset.index import Dataset
from . import careers, certs, education, facts, outlook, pay, places, sources, steps, work

if TYPE_CHECKING:
    from ..records import GuideOut


class Part:
    """A part of the whole guide: ``query`` gives its records from ``section``."""

    __slots__ = ("key", "query", "section")

    def __init__(self, key: str, section: str, query: Callable[[Dataset], Any]) -> None:
        self.key, self.section, self.query = key, section, query


PARTS: tuple[Part, ...] = (
    Part("facts", "occupation", facts.facts),
    Part("about", "occupation", work.about),
    Part("steps", "steps", steps.steps),
    Part("degrees", "education", education.degrees),
    Part("certifications", "certifications", certs.certs),
    Part("certification_details", "certifications", certs.details),
    Part("salary", "pay", pay.salary),
    Part("salary_history", "pay", pay.history),
    Part("states", "states", places.states),
    Part("outlook", "outlook", outlook.outlook),
    Part("duties", "work", work.duties),
    Part("skills", "work", work.skills),
    Part("workplaces", "work", work.workplaces),
    Part("careers", "careers", careers.careers),
    Part("source_list", "sources", sources.sources),
)
"""The whole guide's parts, in reading order."""

NOT_IN_GUIDE: dict[str, str] = {
    "goals": "a plan is personal: it needs the reader's own starting point",
    "renewal": "its rules are shown with each issuer's credentials",
}
"""Sections the whole guide leaves out, and why."""


def whole(ds: Dataset) -> GuideOut:
    """Each part's records in reading order; the command adds the sources they cite, once."""
    return cast("GuideOut", {part.key: part.query(ds) for part in PARTS})
