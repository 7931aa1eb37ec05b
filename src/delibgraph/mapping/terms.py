"""The vocabularies of :mod:`delibgraph.vocab`, for the mapping's hot paths.

An attribute of an rdflib ``DefinedNamespace`` (``RDF.type``, ``SCHEMA.attendee`` …) is looked
up again at each access, about a microsecond; a deliberation's mapping reads such terms a few
thousand times. Here each vocabulary is wrapped so that a term is looked up in its namespace
the first time it is read, then kept as a plain attribute. A term the namespace does not list
still raises ``AttributeError``.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace

from delibgraph import vocab

__all__ = [
    "DCTERMS",
    "DLG",
    "ELI",
    "FOAF",
    "OPENGOV",
    "ORG",
    "PERSON",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "SPDX",
    "XSD",
    "KeptTerms",
]


class KeptTerms:
    """The terms of one ``DefinedNamespace``, each kept once read."""

    def __init__(self, namespace: type[DefinedNamespace]) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):  # protocols probed by copy, pickle …: not terms
            raise AttributeError(name)
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)  # the next read finds it without calling __getattr__
        return term


DCTERMS = KeptTerms(vocab.DCTERMS)
DLG = KeptTerms(vocab.DLG)
ELI = KeptTerms(vocab.ELI)
FOAF = KeptTerms(vocab.FOAF)
OPENGOV = KeptTerms(vocab.OPENGOV)
ORG = KeptTerms(vocab.ORG)
PERSON = KeptTerms(vocab.PERSON)
PROV = KeptTerms(vocab.PROV)
RDF = KeptTerms(vocab.RDF)
RDFS = KeptTerms(vocab.RDFS)
SCHEMA = KeptTerms(vocab.SCHEMA)
SKOS = KeptTerms(vocab.SKOS)
SPDX = KeptTerms(vocab.SPDX)
XSD = KeptTerms(vocab.XSD)
