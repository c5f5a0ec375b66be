"""``mrt-guide ce calendar``: the events ``queries.ce.calendar_events`` finds, phrased as a
calendar shows them (a summary line and a description), for ``render/to_ics``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import fmt
from . import num, units


def _amounts(fee: Mapping[str, Any]) -> str:
    """A fee's amounts: "Amounts: ..., NCRA member: $35 (2024, ncra-ce)."; or that none was found."""
    if not fee["figures"]:
        return "The amount was not found in the sources."
    parts = [f"{f['label']}: {fmt.value(f)} ({f['year']}, {f['source']})" for f in fee["figures"]]
    return "Amounts: " + "; ".join(parts) + "."


def phrase(event: Mapping[str, Any]) -> dict[str, str]:
    """One event as ``uid``, ``date``, ``summary`` and ``description``."""
    issuer, creds = event["issuer"], ", ".join(event["credentials"])
    if event["kind"] == "fee":
        fee = event["fee"]
        summary = f"{issuer} {fee['label'].lower()} due ({creds})"
        description = f"{fee['text']} {_amounts(fee)} mrt-guide ce status shows the fees."
        return {"uid": event["uid"], "date": event["date"], "summary": summary, "description": description}
    owed = f"{num(event['required'])} {units(event['unit'], event['required'])}"
    span = f"{event['start']} to {event['end']}"
    if event["kind"] == "due":
        summary = f"{issuer} CE due: {owed} ({creds})"
        description = (
            f"Report the continuing education of the {issuer} cycle {span}: {owed}. "
            "mrt-guide ce status shows what is still needed."
        )
    else:
        tail = "" if event["due"] != event["end"] else f": {owed} due"
        summary = f"{issuer} CE cycle ends{tail} ({creds})"
        also = "".join(
            f" Also due by this day: the {issuer} {fee['label'].lower()}. {_amounts(fee)}"
            for fee in event["fees"]
        )
        description = (
            f"Last day of the {issuer} cycle {span}; {owed} must be earned within it.{also} "
            "mrt-guide ce status shows what is still needed."
        )
    return {"uid": event["uid"], "date": event["date"], "summary": summary, "description": description}


def events(found: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [phrase(e) for e in found]


def undated(issuers: Mapping[str, list[str]]) -> str:
    """The credentials ``ce calendar`` left out, with the command that records their cycle
    dates; "" for none."""
    return "; ".join(
        f"{', '.join(creds)} ({issuer}): no cycle dates known; record them with "
        f"'mrt-guide ce cycle set {issuer} --start YYYY-MM-DD --end YYYY-MM-DD'."
        for issuer, creds in issuers.items()
    )
