"""Queries: the records each command shows, as JSON-ready dicts (they *are* the ``--json`` output)."""
