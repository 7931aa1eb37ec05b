"""Query results (:class:`delibgraph.store.Term`) as rdflib terms and graphs.

The publication layer builds its documents (catalogue, VoID, feed pages, descriptions) with
rdflib, from what the store answers. Blank nodes keep their label within one result, so a
``CONSTRUCT`` that returns a checksum node and its properties stays connected.
"""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from delibgraph.errors import QueryError
from delibgraph.store import QueryResult, Term
from delibgraph.vocab import PREFIXES, XSD

from .terms import PUBLICATION_PREFIXES

XSD_STRING = str(XSD.string)


def to_rdflib(term: Term) -> Node:
    """One result term as an rdflib term."""
    if term.kind == "iri":
        return URIRef(term.value)
    if term.kind == "bnode":
        return BNode(term.value)
    if term.kind == "literal":
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype and term.datatype != XSD_STRING:
            return Literal(term.value, datatype=URIRef(term.datatype))
        return Literal(term.value)
    raise QueryError(f"cannot publish an RDF-star term: {term.value}")


def new_graph() -> Graph:
    """An empty graph with delibgraph's prefixes (data and publication vocabularies) bound."""
    graph = Graph()
    for prefix, namespace in {**PREFIXES, **PUBLICATION_PREFIXES}.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def graph_from_triples(result: QueryResult, graph: Graph | None = None) -> Graph:
    """The triples of a ``CONSTRUCT`` / ``DESCRIBE`` result, added to ``graph`` (or a new one)."""
    target = graph if graph is not None else new_graph()
    for row in result.rows:
        subject, predicate, obj = row
        if subject is None or predicate is None or obj is None:
            continue
        target.add((to_rdflib(subject), to_rdflib(predicate), to_rdflib(obj)))
    return target
