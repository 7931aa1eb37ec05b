"""A mapped deliberation's triples: collected once and in order, serialised as Oxigraph would,
and turned into an rdflib graph only when someone asks for one."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef, Variable
from rdflib.term import Node

from delibgraph import ingestwork, vocab
from delibgraph.errors import StoreError
from delibgraph.mapping import DeliberationGraph, map_deliberation
from delibgraph.mapping.terms import RDF, SCHEMA, KeptTerms
from delibgraph.store.convert import TermConverter
from mapping_fixtures import INGESTED_AT, MINTER, seed_deliberation

EX = "http://example.org/"


def _mapped() -> DeliberationGraph:
    return map_deliberation(seed_deliberation(), minter=MINTER, ingested_at=INGESTED_AT)


def _oxigraph_ntriples(triples: list[tuple[Node, Node, Node]]) -> bytes:
    written = ox.serialize(TermConverter().triples(triples), format=ox.RdfFormat.N_TRIPLES)
    return written or b""


def _labels_renamed(ntriples: bytes) -> bytes:
    """Blank node labels are fresh per serialisation: number them by first appearance."""
    labels: dict[bytes, bytes] = {}
    return re.sub(
        rb"_:[A-Za-z0-9]+",
        lambda m: labels.setdefault(m.group(0), b"_:n%d" % len(labels)),
        ntriples,
    )


def test_triples_are_unique_in_a_stable_order_and_are_the_graph() -> None:
    one, two = _mapped(), _mapped()
    assert one.triples == two.triples  # same order, not only the same set
    assert len(set(one.triples)) == len(one.triples) > 1000
    assert set(one.graph) == set(one.triples)
    assert len(one.graph) == len(one.triples)
    assert one.graph is one.graph  # built once
    assert one.graph.identifier == one.graph_iri


def test_ntriples_are_what_oxigraph_writes() -> None:
    dg = _mapped()
    triples = list(dg.triples)
    written = TermConverter().ntriples(triples)
    assert _labels_renamed(written) == _labels_renamed(_oxigraph_ntriples(triples))


@pytest.mark.parametrize(
    "literal",
    [
        Literal('quote " backslash \\ newline \n tab \t return \r'),
        Literal("controls \x00 \x01 \x08 \x0c \x1f \x7f"),
        Literal("accents é ŒUVRE l’an 5 € \u2028 \U0001f600", lang="fr"),
        Literal("Conseil", lang="fr-FR"),
        Literal("5000.0", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
        Literal("2021-04-16", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
        Literal("x", datatype=URIRef(f"{EX}type")),
        Literal(""),
    ],
)
def test_literals_are_written_as_oxigraph_writes_them(literal: Literal) -> None:
    triples: list[tuple[Node, Node, Node]] = [(URIRef(f"{EX}s"), URIRef(f"{EX}p"), literal)]
    assert TermConverter().ntriples(triples) == _oxigraph_ntriples(triples)


def test_a_blank_node_keeps_one_label_within_a_document() -> None:
    blank, other = BNode("checksum"), BNode("other")
    triples: list[tuple[Node, Node, Node]] = [
        (URIRef(f"{EX}s"), URIRef(f"{EX}p"), blank),
        (blank, URIRef(f"{EX}p"), Literal("v")),
        (BNode("checksum"), URIRef(f"{EX}q"), other),  # equal to ``blank``, another object
    ]
    written = TermConverter().ntriples(triples)
    assert _labels_renamed(written) == _labels_renamed(_oxigraph_ntriples(triples))
    assert _labels_renamed(written).count(b"_:n0") == 3


@pytest.mark.parametrize(
    "triple",
    [
        (Literal("s"), URIRef(f"{EX}p"), Literal("o")),
        (URIRef(f"{EX}s"), BNode(), Literal("o")),
        (URIRef(f"{EX}s"), Variable("p"), Literal("o")),
        (URIRef(f"{EX}s"), URIRef(f"{EX}p"), Variable("o")),
        (URIRef(f"{EX}s"), URIRef("not an iri"), Literal("o")),
    ],
)
def test_what_cannot_be_written_raises_a_store_error(triple: tuple[Node, Node, Node]) -> None:
    with pytest.raises(StoreError):
        TermConverter().ntriples([triple])
    with pytest.raises(StoreError):
        _oxigraph_ntriples([triple])


def test_a_conforming_deliberation_is_checked_without_an_rdflib_graph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dg = _mapped()

    def no_graph(self: DeliberationGraph) -> None:
        raise AssertionError("the rdflib graph was built")

    monkeypatch.setattr(DeliberationGraph, "graph", property(no_graph))
    checked = ingestwork._check(dg, "fast", ingestwork._Clock())
    assert checked.conforms and checked.triples == len(dg.triples)
    written = _labels_renamed(TermConverter().ntriples(dg.triples))
    assert _labels_renamed(checked.ntriples) == written


def test_kept_terms_are_the_vocabulary_terms() -> None:
    assert RDF.type == vocab.RDF.type and SCHEMA.attendee == vocab.SCHEMA.attendee
    assert RDF.type is RDF.type
    with pytest.raises(AttributeError):
        _ = SCHEMA.notATerm
    with pytest.raises(AttributeError):
        _ = KeptTerms(vocab.RDF).__wrapped__
