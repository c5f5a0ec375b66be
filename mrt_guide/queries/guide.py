"""``mrt-guide guide``: every section in reading order, one document."""

from __future__ import annotations

from typing import Any

from . import certs, education, outlook, pay, steps, work
from .common import Guide


def whole(guide: Guide) -> dict[str, Any]:
    """Each section's records in reading order (without their own ``sources``), then every source once."""
    sections: dict[str, Any] = {
        "about": work.about(guide),
        "steps": steps.steps(guide),
        "degrees": education.degrees(guide),
        "certifications": certs.certs(guide),
        "certification_details": [certs.cert(guide, c["id"]) for c in guide.certifications],
        "salary": pay.salary(guide),
        "salary_history": pay.salary(guide, history=True),
        "outlook": outlook.outlook(guide),
        "duties": work.duties(guide),
        "skills": work.skills(guide),
        "workplaces": work.workplaces(guide),
    }
    for section in sections.values():
        for part in section if isinstance(section, list) else [section]:
            del part["sources"]
    return guide.with_sources(sections)
