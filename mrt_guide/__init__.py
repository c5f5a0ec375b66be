"""mrt-guide: a terminal career guide for medical records technicians.

Data flows one way: ``data/*.json`` → ``dataset`` (pydantic models, loading)
→ ``queries`` (JSON-ready records) → ``views`` (documents) → ``render``
(Rich, Markdown, plain text) → ``commands`` (Typer wiring).
"""
