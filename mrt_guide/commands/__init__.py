"""Typer commands: a few lines of wiring each, from options to a query, a view and ``show``."""

COMMANDS: dict[str, str] = {
    "facts": "sections:facts",
    "steps": "sections:steps",
    "degrees": "degrees:degrees",
    "certs": "certs:certs",
    "salary": "salary:salary",
    "outlook": "sections:outlook",
    "careers": "careers:careers",
    "duties": "sections:duties",
    "skills": "sections:skills",
    "workplaces": "sections:workplaces",
    "about": "sections:about",
    "search": "search:search",
    "sources": "sections:sources",
    "plan": "plan:plan",
    "guide": "guide:guide",
    "handout": "sections:handout",
    "data": "data:app",
    "ce": "ce:app",
}
"""Every command, in the order of the help: ``module:attribute`` of ``mrt_guide.commands``,
a command function or a Typer app (a group of subcommands)."""
