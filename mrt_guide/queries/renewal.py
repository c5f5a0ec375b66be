"""How an issuer's credentials are kept: its renewal rules with every figure they name resolved.

Shared by ``certs`` (shown with each credential), ``plan`` (one cycle for the credentials a
plan earns) and ``ce`` (the checks of the continuing-education log).
"""

from __future__ import annotations

from typing import Any

from ..dataset.index import Dataset, Record


def rules(ds: Dataset, issuer: str) -> Record | None:
    """The issuer's renewal rules (``renewal.json``) with figure ids replaced by the figures."""
    found = next((r for r in ds.section("renewal")["issuers"] if r["issuer"] == issuer), None)
    if found is None:
        return None
    fig = ds.figures.__getitem__
    combined = found["combined"]
    counting = found["counting"]
    return {
        **found,
        "combined": None
        if combined is None
        else {
            **combined,
            "extra": None if combined["extra"] is None else fig(combined["extra"]),
            "cap": None if combined["cap"] is None else fig(combined["cap"]),
            "ladder": [fig(i) for i in combined["ladder"]],
        },
        "shares": [{**s, "share": fig(s["share"])} for s in found["shares"]],
        "minimums": [{**m, "amount": fig(m["amount"])} for m in found["minimums"]],
        "counting": None
        if counting is None
        else {
            **counting,
            "minutes_per_unit": fig(counting["minutes_per_unit"]),
            "round_up_from": fig(counting["round_up_from"]),
        },
        "after_end": [
            {**a, "after_days": None if a["after_days"] is None else fig(a["after_days"])}
            for a in found["after_end"]
        ],
    }


def tags(ds: Dataset) -> list[Record]:
    """What a CE activity may be marked as (``renewal.json`` ``tags``), in the data's order."""
    return list(ds.section("renewal").get("tags", []))


def figures(resolved: Record) -> list[Record]:
    """Every figure a resolved set of rules shows, in reading order."""
    combined, counting = resolved["combined"], resolved["counting"]
    found = []
    if combined is not None:
        found += [f for f in (combined["extra"], combined["cap"], *combined["ladder"]) if f is not None]
    found += [s["share"] for s in resolved["shares"]] + [m["amount"] for m in resolved["minimums"]]
    if counting is not None:
        found += [counting["minutes_per_unit"], counting["round_up_from"]]
    found += [a["after_days"] for a in resolved["after_end"] if a["after_days"] is not None]
    found += [f for rule in resolved["rules"] for f in rule["figures"]]
    found += [f for fee in resolved.get("fees", []) for f in fee["figures"]]
    return found


def combined_requirement(ds: Dataset, credentials: list[str]) -> dict[str, Any]:
    """What one cycle owes for ``credentials`` (ids, all of one issuer): the total in the
    issuer's unit, the credentials counted (a replaced one dropped) and how it was reached."""
    certs = [ds.certification(c) for c in credentials]
    issuers = {c["issuer"] for c in certs}
    if len(issuers) != 1:
        raise ValueError(f"credentials of one issuer expected, got {sorted(issuers)}")
    issuer = issuers.pop()
    found = rules(ds, issuer)
    held = {c["id"] for c in certs}
    dropped = set()
    for swap in (found or {}).get("replacements", []):
        if swap["holder"] in held and swap["replaces"] in held:
            dropped.add(swap["replaces"])
    counted = [c for c in certs if c["id"] not in dropped]
    single = {c["id"]: float(c["renewal"]["ceus"]["value"]) for c in counted}
    combined = None if found is None else found["combined"]
    if len(counted) == 1 or combined is None:
        total = max(single.values()) if len(counted) == 1 else sum(single.values())
        how = "single" if len(counted) == 1 else "sum"
    elif combined["rule"] == "highest-plus-extra":
        total = max(single.values()) + float(combined["extra"]["value"]) * (len(counted) - 1)
        total = min(total, float(combined["cap"]["value"]))
        how = "highest-plus-extra"
    else:
        ladder = combined["ladder"]
        total = float(ladder[min(len(counted), len(ladder)) - 1]["value"])
        how = "ladder"
    return {
        "issuer": issuer,
        "credentials": [c["id"] for c in counted],
        "replaced": sorted(dropped),
        "single": single,
        "total": total,
        "how": how,
        "derived": bool(combined and combined["derived"] and len(counted) > 1),
    }
