"""Queries: the dataset's records arranged for one command, as JSON-ready dicts.

What a query returns is the command's ``--json`` output, and what its view draws.
"""
