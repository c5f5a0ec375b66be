"""``mrt-guide certs``: every credential, or one in full."""

from __future__ import annotations

from typing import Any

from .common import Guide, Record


def _issuer(guide: Guide, issuer_id: str) -> Record:
    return next(i for i in guide["certifications"]["issuers"] if i["id"] == issuer_id)


def certs(guide: Guide) -> dict[str, Any]:
    data = guide["certifications"]
    rows = [
        {
            "id": c["id"],
            "aliases": c["aliases"],
            "name": c["name"],
            "issuer": c["issuer"],
            "audience": c["audience"],
            "renewal": {"ceus": c["renewal"]["ceus"], "cycle": c["renewal"]["cycle"]},
            "renamed_from": c["renamed_from"],
            "article": c["article"],
            "source": c["source"],
            "flag": c["flag"],
        }
        for c in guide.certifications
    ]
    return guide.with_sources(
        {"certifications": rows, "issuers": data["issuers"], "benefits": data["benefits"]}
    )


def cert(guide: Guide, name: str) -> dict[str, Any]:
    found = guide.certification(name)
    recert = [r for r in guide["certifications"]["recertification"] if r["issuer"] == found["issuer"]]
    return guide.with_sources(
        {
            "certification": found,
            "issuer": _issuer(guide, found["issuer"]),
            "issuer_rules": recert[0] if recert else None,
        }
    )
