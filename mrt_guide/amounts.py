"""Amounts of continuing education as people write them ("1.5", "2 CEUs"): shared by the CE
queries (their messages) and the CE views (their documents), so no view imports a query
for its wording. Stdlib only, no import-time work."""

from __future__ import annotations

UNIT_WORDS = {"ceu": ("CEU", "CEUs"), "ce_hours": ("CE hour", "CE hours")}


def num(value: float) -> str:
    """A count as people write it: 6, 1.5, 0.33."""
    value = round(float(value), 2)
    return str(int(value)) if value.is_integer() else f"{value:.2f}".rstrip("0")


def units(unit: str | None, amount: float) -> str:
    """The unit's word for ``amount``: "CEU" for 1, "CEUs" otherwise; "credits" for none."""
    one, many = UNIT_WORDS.get(unit or "", ("credit", "credits"))
    return one if num(amount) == "1" else many
