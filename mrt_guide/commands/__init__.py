"""Typer commands: a few lines of wiring each, from options to a query, a view and ``show``."""
