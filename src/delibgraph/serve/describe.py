"""What the server says about one IRI: its description as RDF, its types, its incoming links.

The description of ``<x>`` is every triple with ``<x>`` as subject, across all graphs, plus
the triples of the blank nodes it points to (a checksum), plus the labels of the resources it
links to (``foaf:name``, ``skos:prefLabel``, ``eli:title``, ``eli:number``, ``rdfs:label``,
``schema:name``, ``dcterms:title``) so that a client can show them without another request.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from delibgraph.publish.rdfterms import graph_from_triples
from delibgraph.store import Store, Term

from .page_data import PROLOGUE, iri_ref

LABEL_PROPERTIES = (
    "foaf:name", "skos:prefLabel", "eli:title", "eli:number", "rdfs:label", "schema:name",
    "dcterms:title",
)  # fmt: skip
_VALUES = " ".join(LABEL_PROPERTIES)

_DESCRIBE = f"""
CONSTRUCT {{ $x ?p ?o . ?o ?labelProperty ?label . ?o ?bp ?bo }}
WHERE {{
  {{ $x ?p ?o }}
  UNION {{ $x ?p ?o FILTER isIRI(?o)
           VALUES ?labelProperty {{ {_VALUES} }} ?o ?labelProperty ?label }}
  UNION {{ $x ?p ?o FILTER isBlank(?o) ?o ?bp ?bo }}
}}
"""
_TYPES = "SELECT DISTINCT ?type WHERE { $x a ?type } ORDER BY ?type"
_PROPERTIES = f"""
SELECT DISTINCT ?p ?o ?label WHERE {{
  $x ?p ?o
  OPTIONAL {{ ?o ?labelProperty ?label VALUES ?labelProperty {{ {_VALUES} }} FILTER isIRI(?o) }}
}} ORDER BY ?p ?o
"""
_INCOMING = f"""
SELECT DISTINCT ?s ?p ?label WHERE {{
  ?s ?p $x FILTER isIRI(?s)
  OPTIONAL {{ ?s ?labelProperty ?label VALUES ?labelProperty {{ {_VALUES} }} }}
}} ORDER BY ?p ?s LIMIT $limit
"""


def _text(template: str, iri: str) -> str:
    return PROLOGUE + template.replace("$x", iri_ref(iri))


def describe(store: Store, iri: str) -> Graph:
    """The description of ``iri`` (empty when the store says nothing about it)."""
    return graph_from_triples(store.query(_text(_DESCRIBE, iri)))


def types_of(store: Store, iri: str) -> set[str]:
    return {str(t) for t in store.query(_text(_TYPES, iri)).column("type") if t is not None}


@dataclass(frozen=True, slots=True)
class Statement:
    """One property value of a resource, for an HTML table."""

    predicate: str
    value: Term
    label: str | None


def statements(store: Store, iri: str) -> list[Statement]:
    """The resource's property values (one label per value at most)."""
    seen: dict[tuple[str, Term], Statement] = {}
    for row in store.query(_text(_PROPERTIES, iri)).rows:
        predicate, value, label = row
        if predicate is None or value is None:
            continue
        key = (predicate.value, value)
        if key not in seen or (seen[key].label is None and label is not None):
            seen[key] = Statement(predicate.value, value, label.value if label else None)
    return list(seen.values())


def incoming(store: Store, iri: str, *, limit: int = 200) -> list[Statement]:
    """Resources that link to ``iri`` (subject as ``value``), at most ``limit``."""
    text = _text(_INCOMING, iri).replace("$limit", str(int(limit)))
    seen: dict[tuple[str, Term], Statement] = {}
    for row in store.query(text).rows:
        subject, predicate, label = row
        if subject is None or predicate is None:
            continue
        key = (predicate.value, subject)
        if key not in seen:
            seen[key] = Statement(predicate.value, subject, label.value if label else None)
    return list(seen.values())
