"""``mrt-guide certs``: every credential, or one in full."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from ..dataset.index import Dataset, Record
from .links import link
from .renewal import figures as renewal_figures
from .renewal import rules as renewal_rules

if TYPE_CHECKING:
    from ..records import CertificationOut, CertOut, CertsOut, IssuerRow
    from ..records import LinkOut as Link


def _row(c: Record) -> Record:
    return {
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


def certs(ds: Dataset) -> CertsOut:
    data = ds.section("certifications")
    return {
        "certifications": [_row(c) for c in ds.certifications],
        "issuers": [cast("IssuerRow", {k: v for k, v in i.items() if k != "exams"}) for i in data["issuers"]],
        "benefits": data["benefits"],
    }


def cert(ds: Dataset, name: str) -> CertOut:
    found = ds.certification(name)
    rules = ds.renewal_rules(found["issuer"])
    figures = ds.within("figure", ds.path("certification", found["id"]))
    if rules is not None:
        figures += [f for rule in rules["rules"] for f in rule["figures"]]
    issuer = ds.issuer(found["issuer"])
    if issuer["exams"] is not None:
        figures += [f for rule in issuer["exams"]["facts"] for f in rule["figures"]]
    renewal = renewal_rules(ds, found["issuer"])
    if renewal is not None:
        figures += [f for f in renewal_figures(renewal) if f not in figures]
    return {
        "certification": cast(
            "CertificationOut",
            {
                **found,
                "leads_to": _linked(ds, found["leads_to"], found["id"]),
                "compared": _linked(ds, found["compared"], found["id"]),
            },
        ),
        "issuer": issuer,
        "issuer_rules": rules,
        "renewal": renewal,
        "figures": figures,
    }


def _linked(ds: Dataset, leads: list[Record], shown: str) -> list[Record]:
    """Each statement with links to the credentials (but the one ``shown``) and degrees it names."""
    return [
        {
            **lead,
            "links": [link("certs", c) for c in lead["certifications"] if c != shown]
            + [link("degrees", ds.get("degree", d)["short"]) for d in lead["degrees"]],
        }
        for lead in leads
    ]


def details(ds: Dataset) -> list[CertOut]:
    """Every credential in full, for the whole guide."""
    return [cert(ds, c["id"]) for c in ds.certifications]


def _first_of(ds: Dataset, issuer: str) -> Link:
    return link("certs", next(c["id"] for c in ds.certifications if c["issuer"] == issuer))


def rule_link(ds: Dataset, record: Record, path: list[int | str]) -> Link:
    """A renewal rule is shown with any credential of its issuer; link the first."""
    return _first_of(ds, ds.at(path[:3])["issuer"])


def renewal_link(ds: Dataset, record: Record, path: list[int | str]) -> Link:
    """A rule of renewal.json is shown with any credential of its issuer; link the first."""
    return _first_of(ds, ds.at(path[:3])["issuer"])
