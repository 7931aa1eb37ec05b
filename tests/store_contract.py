"""The contract every store backend passes: load, replace, idempotency, queries with
parameters, export, and a failed write that leaves the old graph in place.

:class:`StoreContract` holds the tests; ``tests/test_store_contract.py`` runs them once per
backend (embedded Oxigraph, the Oxigraph server, Virtuoso). Each test gets a ``store`` holding
no graph under ``http://example.org/`` and a ``backend`` that knows how to make that store
refuse its next write.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox
import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from delibgraph.errors import QueryError, StoreError
from delibgraph.store import GraphData, RdfTriple, Store, Term
from delibgraph.store.convert import TermConverter

EX = "http://example.org/"
GRAPHS = EX + "graph/"
G1 = GRAPHS + "1"
G2 = GRAPHS + "2"
G3 = GRAPHS + "3"
MEMBER = EX + "member"


@dataclass(frozen=True)
class Backend:
    """A store backend under test. ``refuse_next_write`` patches ``store`` (with the monkeypatch)
    so that its next write reaches the store and is refused there, mid-request."""

    name: str
    refuse_next_write: Callable[[Store, pytest.MonkeyPatch], None]


def triples(n: int, tag: str = "v") -> list[RdfTriple]:
    """A small act: a checksum (blank node), a date, a French title and ``n`` members."""
    act = URIRef(EX + "act")
    checksum = BNode()
    found: list[RdfTriple] = [
        (act, URIRef(EX + "checksum"), checksum),
        (checksum, URIRef(EX + "value"), Literal(f"{tag}-sum")),
        (act, URIRef(EX + "date"), Literal("2021-03-29", datatype=XSD.date)),
        (act, URIRef(EX + "title"), Literal(f"Titre « {tag} »\nsur deux lignes", lang="fr")),
    ]
    found += [(act, URIRef(MEMBER), URIRef(f"{EX}person/{tag}{i}")) for i in range(n)]
    return found


def graph_data(iri: str, n: int, tag: str = "v") -> GraphData:
    body = ox.serialize(TermConverter().triples(triples(n, tag)), format=ox.RdfFormat.N_TRIPLES)
    return GraphData(iri, body or b"")


def members(store: Store, graph: str) -> set[str]:
    rows = store.query(
        "SELECT ?g ?m WHERE { GRAPH ?g { ?a <http://example.org/member> ?m } }",
        substitutions={"g": Term.iri(graph)},
    )
    return {str(row[1]) for row in rows}


def _quads(data: bytes) -> list[ox.Quad]:
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS))


class StoreContract:
    """Run by ``TestStoreContract`` with the ``store`` and ``backend`` fixtures."""

    # -- load and replace
    def test_follows_the_protocol(self, store: Store) -> None:
        assert isinstance(store, Store)

    def test_replace_graph_inserts_then_replaces(self, store: Store) -> None:
        assert store.replace_graph(G1, triples(3)) is False
        assert store.triple_count() == 7
        assert store.replace_graph(G1, triples(2, tag="w")) is True
        assert store.triple_count() == 6
        assert members(store, G1) == {EX + "person/w0", EX + "person/w1"}
        assert store.graphs() == [G1]
        assert store.has_graph(G1) and not store.has_graph(G2)

    def test_replacing_is_idempotent(self, store: Store) -> None:
        store.replace_graph(G1, triples(5))
        store.replace_graph(G2, triples(1, tag="x"))
        before = store.triple_count()
        for _ in range(3):
            store.replace_graph(G1, triples(5))
            store.replace_graphs([graph_data(G2, 1, tag="x")])
        assert store.triple_count() == before == 14
        assert store.graphs() == [G1, G2]

    def test_a_batch_inserts_and_replaces(self, store: Store) -> None:
        store.replace_graph(G2, triples(1))
        existed = store.replace_graphs(
            [graph_data(G1, 2), graph_data(G2, 3, tag="y"), graph_data(G3, 1)]
        )
        assert existed == [False, True, False]
        assert store.graphs() == [G1, G2, G3]
        assert members(store, G2) == {f"{EX}person/y{i}" for i in range(3)}
        assert store.triple_count() == 6 + 7 + 5
        # blank nodes stay apart: each graph has its own checksum node
        result = store.query(
            "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?a <http://example.org/checksum> ?c }"
        )
        assert result.records() == [{"n": 3}]

    def test_a_graph_repeated_in_a_batch_ends_as_its_last_version(self, store: Store) -> None:
        existed = store.replace_graphs([graph_data(G1, 2), graph_data(G1, 4, tag="z")])
        assert existed == [False, True]
        assert members(store, G1) == {f"{EX}person/z{i}" for i in range(4)}

    def test_remove_graph(self, store: Store) -> None:
        store.replace_graph(G1, triples(1))
        store.replace_graph(G2, triples(2))
        assert store.remove_graph(G1) is True
        assert store.remove_graph(G1) is False
        assert store.graphs() == [G2]

    # -- failed writes
    def test_a_source_failing_midway_leaves_the_old_graph(self, store: Store) -> None:
        store.replace_graph(G1, triples(3))

        def failing() -> Iterator[RdfTriple]:
            yield from triples(50, tag="new")
            raise RuntimeError("the mapping broke down")

        with pytest.raises(RuntimeError):
            store.replace_graph(G1, failing())
        assert store.triple_count() == 7
        assert members(store, G1) == {f"{EX}person/v{i}" for i in range(3)}

    def test_an_invalid_term_leaves_the_old_graph(self, store: Store) -> None:
        store.replace_graph(G1, triples(3))
        bad = [*triples(40, tag="new"), (URIRef(EX + "act"), URIRef("not an iri"), Literal(1))]
        with pytest.raises(StoreError, match="not a valid IRI"):
            store.replace_graph(G1, bad)
        assert members(store, G1) == {f"{EX}person/v{i}" for i in range(3)}

    def test_invalid_graph_data_is_refused_before_writing(self, store: Store) -> None:
        store.replace_graph(G1, triples(3))
        broken = GraphData(G1, graph_data(G1, 9, tag="new").ntriples[:-40] + b'"unterminated\n')
        with pytest.raises(StoreError, match="not valid N-Triples"):
            store.replace_graphs([broken])
        injected = GraphData(G2, b"<http://a> <http://b> <http://c> . } } ; DROP ALL ; #\n")
        with pytest.raises(StoreError):
            store.replace_graphs([injected])
        assert store.graphs() == [G1]
        assert members(store, G1) == {f"{EX}person/v{i}" for i in range(3)}

    def test_a_write_the_store_refuses_leaves_the_old_graph(
        self, store: Store, backend: Backend, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store.replace_graph(G1, triples(3))
        backend.refuse_next_write(store, monkeypatch)
        with pytest.raises(StoreError):
            store.replace_graph(G1, triples(400, tag="new"))
        monkeypatch.undo()
        assert store.triple_count() == 7
        assert members(store, G1) == {f"{EX}person/v{i}" for i in range(3)}
        assert store.graphs() == [G1]
        leftover = store.query(
            'ASK { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:delibgraph:staging:")) }'
        )
        assert leftover.boolean is False  # no staging graph is left behind

    # -- queries
    def test_queries_see_the_union_of_graphs_and_typed_values(self, store: Store) -> None:
        store.replace_graph(G1, triples(2))
        store.replace_graph(G2, triples(1, tag="x"))
        result = store.query(
            "SELECT (COUNT(DISTINCT ?m) AS ?n) (SAMPLE(?d) AS ?date) (SAMPLE(?t) AS ?title) "
            "WHERE { ?a <http://example.org/member> ?m ; <http://example.org/date> ?d ; "
            "<http://example.org/title> ?t }"
        )
        assert result.variables == ("n", "date", "title")
        [record] = result.records()
        assert record["n"] == 3 and record["date"] == dt.date(2021, 3, 29)
        title = result.rows[0][2]
        assert title is not None and title.language == "fr" and "\n" in title.value

    def test_ask_and_construct(self, store: Store) -> None:
        store.replace_graph(G1, triples(1))
        assert store.query("ASK { ?s <http://example.org/member> ?o }").boolean is True
        assert store.query("ASK { ?s <http://example.org/nothing> ?o }").boolean is False
        construct = store.query(
            "CONSTRUCT { ?s <http://example.org/when> ?o } "
            "WHERE { ?s <http://example.org/date> ?o }"
        )
        assert construct.variables == ("subject", "predicate", "object")
        assert [row[2].value for row in construct.rows if row[2] is not None] == ["2021-03-29"]

    def test_the_usual_prefixes_are_declared(self, store: Store) -> None:
        store.replace_graph(G1, [(URIRef(EX + "p"), URIRef(EX + "type"), URIRef(EX + "x"))])
        assert store.query("SELECT ?s WHERE { ?s a eli:LegalResource }").rows == ()

    def test_a_parameter_restricts_the_answer(self, store: Store) -> None:
        store.replace_graph(G1, triples(2))
        store.replace_graph(G2, triples(3, tag="x"))
        assert members(store, G2) == {f"{EX}person/x{i}" for i in range(3)}
        counted = store.query(
            "SELECT ?g (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?a <http://example.org/member> ?m } }"
            " GROUP BY ?g",
            substitutions={"g": Term.iri(G1)},
        )
        assert counted.records() == [{"g": G1, "n": 2}]

    def test_a_hostile_parameter_is_bound_as_a_value(self, store: Store) -> None:
        store.replace_graph(G1, triples(2))
        hostile = Term.literal('x" } ; DROP ALL ; SELECT * { "\\')
        rows = store.query(
            "SELECT ?v WHERE { ?c <http://example.org/value> ?v }", substitutions={"v": hostile}
        )
        assert rows.rows == ()
        typed = store.query(
            "SELECT ?v WHERE { ?c <http://example.org/value> ?v }",
            substitutions={"v": Term.literal("v-sum", datatype=str(XSD.string))},
        )
        assert [str(row[0]) for row in typed.rows] == ["v-sum"]
        assert store.triple_count() == 6

    def test_a_parameter_the_query_does_not_project_is_refused(self, store: Store) -> None:
        with pytest.raises(QueryError):
            store.query("SELECT ?x WHERE { ?x ?p ?o }", substitutions={"y": Term.iri(G1)})

    def test_malformed_sparql_gives_line_and_column(self, store: Store) -> None:
        with pytest.raises(QueryError) as caught:
            store.query("SELECT ?x\nWHERE { ?x ?p }")
        assert caught.value.line == 2
        assert caught.value.column is not None and caught.value.column >= 14

    # -- export
    def test_export_formats(self, store: Store) -> None:
        store.replace_graph(G1, triples(1))
        store.replace_graph(G2, triples(1))
        nquads, trig, turtle = io.BytesIO(), io.BytesIO(), io.BytesIO()
        store.export("nquads", nquads)
        store.export("trig", trig)
        store.export("turtle", turtle)
        quads = _quads(nquads.getvalue())
        assert len(quads) == 10
        names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        assert names == {G1, G2}
        assert len(list(ox.parse(trig.getvalue(), format=ox.RdfFormat.TRIG))) == 10
        union = list(ox.parse(turtle.getvalue(), format=ox.RdfFormat.TURTLE))
        # The union: triples both graphs state appear once (the blank nodes are two).
        assert len(union) == 7
        with pytest.raises(StoreError):
            store.export("rdfxml", io.BytesIO())  # type: ignore[arg-type]

    def test_export_one_graph(self, store: Store) -> None:
        store.replace_graph(G1, triples(2))
        store.replace_graph(G2, triples(4))
        out = io.BytesIO()
        assert store.export_graph(G2, out) == 8
        quads = _quads(out.getvalue())
        assert len(quads) == 8
        names = {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
        assert names == {G2}
