"""mrt-guide: a terminal career guide for medical records technicians.

Data flows one way: ``data/*.json`` → ``dataset`` (pydantic models, checks, a
normalised cache, the typed index) → ``queries`` (JSON-ready records) → ``views``
(documents) → ``render`` (Rich, Markdown, plain text, HTML) → ``commands`` (Typer wiring).
"""

__version__ = "0.2.0"
"""The one place the version is written; pyproject.toml reads it (hatch's dynamic version)."""
