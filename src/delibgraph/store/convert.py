"""Conversions between rdflib terms, pyoxigraph terms and :class:`Term`.

rdflib builds the graphs (mapping, validation); pyoxigraph stores them. IRIs repeat a lot in
a deliberation graph (every member, every predicate), so converted IRIs are cached. Blank
nodes get fresh Oxigraph blank nodes, one per rdflib blank node within a call.

:meth:`TermConverter.ntriples` writes N-Triples directly from rdflib triples: each line is
what Oxigraph's N-Triples serialiser writes (the terms' N-Triples forms come from Oxigraph),
without building an Oxigraph triple per line, which costs more than the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from delibgraph.errors import StoreError
from delibgraph.store.results import Term

OxSubject = ox.NamedNode | ox.BlankNode
OxObject = ox.NamedNode | ox.BlankNode | ox.Literal


@lru_cache(maxsize=65_536)
def named_node(iri: str) -> ox.NamedNode:
    """An Oxigraph IRI; an invalid IRI raises :class:`StoreError`."""
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise StoreError(f"not a valid IRI: {iri!r} ({exc})") from exc


@lru_cache(maxsize=16_384)
def iri_text(iri: str) -> str:
    """``<iri>`` as N-Triples writes it; an invalid IRI raises :class:`StoreError`."""
    return str(named_node(iri))


def _literal(term: RdfLiteral) -> ox.Literal:
    try:
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=named_node(str(term.datatype)))
        return ox.Literal(str(term))
    except ValueError as exc:
        raise StoreError(f"not a valid RDF literal: {term.n3()} ({exc})") from exc


class TermConverter:
    """Converts the terms of one graph; keeps blank nodes consistent within it."""

    def __init__(self) -> None:
        self._blank_nodes: dict[BNode, ox.BlankNode] = {}

    def convert(self, term: Node) -> OxObject:
        if isinstance(term, URIRef):
            return named_node(str(term))
        if isinstance(term, RdfLiteral):
            return _literal(term)
        if isinstance(term, BNode):
            blank = self._blank_nodes.get(term)
            if blank is None:
                blank = self._blank_nodes[term] = ox.BlankNode()
            return blank
        raise StoreError(f"cannot store an RDF term of type {type(term).__name__}: {term!r}")

    def triples(self, triples: Iterable[tuple[Node, Node, Node]]) -> Iterator[ox.Triple]:
        for s, p, o in triples:
            subject = self.convert(s)
            predicate = self.convert(p)
            if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
                raise StoreError(f"not a valid RDF triple: ({s!r}, {p!r}, {o!r})")
            yield ox.Triple(subject, predicate, self.convert(o))

    def ntriples(self, triples: Iterable[tuple[Node, Node, Node]]) -> bytes:
        """The triples as an N-Triples document, line for line what
        ``ox.serialize(self.triples(triples), format=N_TRIPLES)`` writes (blank node labels
        aside: they are fresh at each call)."""
        known, text = forms_by_id(self._text)
        lines: list[str] = []
        for s, p, o in triples:
            if type(s) not in _SUBJECT_TYPES or type(p) is not URIRef:
                self._check_triple(s, p, o)
            lines.append(
                f"{known(id(s)) or text(s)} {known(id(p)) or text(p)} {known(id(o)) or text(o)} .\n"
            )
        return "".join(lines).encode()

    def _text(self, term: Node) -> str:
        if isinstance(term, URIRef):
            return iri_text(str(term))
        return str(self.convert(term))

    def _check_triple(self, s: Node, p: Node, o: Node) -> None:
        """Raise what :meth:`triples` raises for this triple, if anything."""
        self.convert(s)
        self.convert(p)
        if isinstance(s, RdfLiteral) or not isinstance(p, URIRef):
            raise StoreError(f"not a valid RDF triple: ({s!r}, {p!r}, {o!r})")


def forms_by_id(
    form: Callable[[Node], str],
) -> tuple[Callable[[int], str | None], Callable[[Node], str]]:
    """A cache of ``form`` for the terms of one document, keyed by the term object's id (terms
    repeat as the same objects, and hashing an rdflib term costs more than ``form`` saves):
    ``known(id(term)) or compute(term)``. ``compute`` holds each term it sees, so that no id is
    reused while the cache lives."""
    forms: dict[int, str] = {}
    held: list[Node] = []

    def compute(term: Node) -> str:
        held.append(term)
        value = forms[id(term)] = form(term)
        return value

    return forms.get, compute


_SUBJECT_TYPES = (URIRef, BNode)  # the exact types of a valid subject, for a quick check


def to_term(term: object) -> Term:
    """A pyoxigraph term (as a query returns it) as a backend-independent :class:`Term`."""
    if isinstance(term, ox.NamedNode):
        return Term.iri(term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        return Term.literal(term.value, datatype=term.datatype.value, language=term.language)
    return Term("triple", str(term))


def from_term(term: Term) -> OxObject:
    """A :class:`Term` as a pyoxigraph term (for query substitutions)."""
    if term.kind == "iri":
        return named_node(term.value)
    if term.kind == "bnode":
        return ox.BlankNode(term.value)
    if term.kind == "literal":
        try:
            if term.language:
                return ox.Literal(term.value, language=term.language)
            if term.datatype:
                return ox.Literal(term.value, datatype=named_node(term.datatype))
            return ox.Literal(term.value)
        except ValueError as exc:
            raise StoreError(f"not a valid RDF literal: {term.value!r} ({exc})") from exc
    raise StoreError(f"cannot bind a {term.kind} term")
