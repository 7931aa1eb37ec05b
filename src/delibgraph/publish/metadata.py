"""What the publisher says about the dataset, and what the store says about itself.

:class:`PublicationInfo` holds the publisher's choices (title, description, publisher, licence,
SIRET numbers for the SCDL export), with defaults suitable for a first run. :func:`dataset_facts`
reads from the store what the catalogue, VoID and pages need: the period the acts cover, when
the data was last ingested, the authorities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from delibgraph.store import Store
from delibgraph.vocab import PREFIXES

from .terms import LICENCE_OUVERTE_2

__all__ = ["DatasetFacts", "PublicationInfo", "dataset_facts"]

_PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
_PERIOD = (
    _PROLOGUE
    + """
SELECT (MIN(?date) AS ?first) (MAX(?date) AS ?last) (COUNT(DISTINCT ?act) AS ?acts)
       (MIN(?ended) AS ?issued) (MAX(?ended) AS ?modified)
WHERE {
  ?act eli:type_document dlg:DeliberationDocument .
  OPTIONAL { ?act eli:date_document ?date }
  OPTIONAL { ?act prov:wasGeneratedBy/prov:endedAtTime ?ended }
}
"""
)
_AUTHORITIES = (
    _PROLOGUE
    + """
SELECT DISTINCT ?name WHERE {
  ?act eli:type_document dlg:DeliberationDocument ;
       eli:passed_by/org:subOrganizationOf/skos:prefLabel ?name .
} ORDER BY ?name
"""
)


@dataclass(frozen=True, slots=True)
class PublicationInfo:
    """The publisher's statements about the published dataset."""

    title: str = "Délibérations des conseils (delibgraph)"
    description: str = (
        "Extraits des registres des délibérations de conseils de collectivités locales, "
        "convertis en données liées : actes (ELI), séances, présences, procurations, votes "
        "(Popolo), avec leur provenance. Chaque délibération est validée par des formes SHACL "
        "avant publication."
    )
    publisher: str = "delibgraph"
    licence: str = str(LICENCE_OUVERTE_2)
    licence_label: str = "Licence Ouverte / Open Licence 2.0 (Etalab)"
    keywords: tuple[str, ...] = (
        "délibérations", "conseil municipal", "vote", "procuration", "collectivités locales",
        "données liées",
    )  # fmt: skip
    siret: Mapping[str, str] = field(default_factory=dict)
    """SIREN → SIRET of the authorities, for the SCDL export's required COLL_SIRET."""


@dataclass(frozen=True, slots=True)
class DatasetFacts:
    """Counts and dates read from the store."""

    acts: int
    first_date: dt.date | None
    last_date: dt.date | None
    issued: dt.datetime | None
    modified: dt.datetime | None
    authorities: tuple[str, ...]
    triples: int


def dataset_facts(store: Store) -> DatasetFacts:
    period = store.query(_PERIOD).records()
    row = period[0] if period else {}
    first, last = row.get("first"), row.get("last")
    issued, modified = row.get("issued"), row.get("modified")
    acts = row.get("acts")
    names = tuple(str(value) for value in store.query(_AUTHORITIES).column("name") if value)
    return DatasetFacts(
        acts=acts if isinstance(acts, int) else 0,
        first_date=first if isinstance(first, dt.date) else None,
        last_date=last if isinstance(last, dt.date) else None,
        issued=issued if isinstance(issued, dt.datetime) else None,
        modified=modified if isinstance(modified, dt.datetime) else None,
        authorities=names,
        triples=store.triple_count(),
    )
