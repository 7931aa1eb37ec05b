"""The embedded Oxigraph store: atomic, idempotent graph replacement; queries; export."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from delibgraph.errors import QueryError, StoreError
from delibgraph.store import EmbeddedStore, RdfTriple, Store, Term, default_store_path
from delibgraph.store import embedded as embedded_module

EX = "http://example.org/"
G1 = EX + "graph/1"
G2 = EX + "graph/2"


def _triples(n: int, tag: str = "v") -> list[RdfTriple]:
    act = URIRef(EX + "act")
    checksum = BNode()
    triples: list[RdfTriple] = [
        (act, URIRef(EX + "checksum"), checksum),
        (checksum, URIRef(EX + "value"), Literal(f"{tag}-sum")),
        (act, URIRef(EX + "date"), Literal("2021-03-29", datatype=XSD.date)),
        (act, URIRef(EX + "title"), Literal(f"Titre « {tag} »\nsur deux lignes", lang="fr")),
    ]
    triples += [(act, URIRef(EX + "member"), URIRef(f"{EX}person/{tag}{i}")) for i in range(n)]
    return triples


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EmbeddedStore]:
    with EmbeddedStore(tmp_path / "store") as opened:
        yield opened


def _members(store: Store, graph: str) -> set[str]:
    rows = store.query(
        "SELECT ?g ?m WHERE { GRAPH ?g { ?a <http://example.org/member> ?m } }",
        substitutions={"g": Term.iri(graph)},
    )
    return {str(row[1]) for row in rows}


def test_the_embedded_store_follows_the_protocol(store: EmbeddedStore) -> None:
    assert isinstance(store, Store)


def test_replace_graph_inserts_then_replaces(store: EmbeddedStore) -> None:
    assert store.replace_graph(G1, _triples(3)) is False
    assert store.triple_count() == 7
    assert store.replace_graph(G1, _triples(2, tag="w")) is True
    assert store.triple_count() == 6
    assert _members(store, G1) == {EX + "person/w0", EX + "person/w1"}
    assert store.graphs() == [G1]


def test_replace_graph_is_idempotent(store: EmbeddedStore) -> None:
    store.replace_graph(G1, _triples(5))
    store.replace_graph(G2, _triples(1, tag="x"))
    before = store.triple_count()
    for _ in range(3):
        store.replace_graph(G1, _triples(5))
    assert store.triple_count() == before
    assert store.graphs() == [G1, G2]


def test_a_source_failing_midway_leaves_the_old_graph(store: EmbeddedStore) -> None:
    store.replace_graph(G1, _triples(3))

    def failing() -> Iterator[RdfTriple]:
        yield from _triples(50, tag="new")
        raise RuntimeError("the mapping broke down")

    with pytest.raises(RuntimeError):
        store.replace_graph(G1, failing())
    assert store.triple_count() == 7
    assert _members(store, G1) == {f"{EX}person/v{i}" for i in range(3)}


def test_an_invalid_term_midway_leaves_the_old_graph(store: EmbeddedStore) -> None:
    store.replace_graph(G1, _triples(3))
    bad = [*_triples(40, tag="new"), (URIRef(EX + "act"), URIRef("not an iri"), Literal(1))]
    with pytest.raises(StoreError, match="not a valid IRI"):
        store.replace_graph(G1, bad)
    assert _members(store, G1) == {f"{EX}person/v{i}" for i in range(3)}


def test_an_update_refused_by_the_store_changes_nothing(
    store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drop and the insert are one request: when the store refuses it (here, cut short
    after the DROP as if the process died while sending it), the old graph stays whole."""
    store.replace_graph(G1, _triples(3))
    real_update = EmbeddedStore._update

    def truncated(self: EmbeddedStore, request: str) -> None:
        real_update(self, request[: request.index("INSERT DATA") + 30])

    monkeypatch.setattr(EmbeddedStore, "_update", truncated)
    with pytest.raises(StoreError, match="refused"):
        store.replace_graph(G1, _triples(9, tag="new"))
    monkeypatch.undo()
    assert store.triple_count() == 7
    assert store.has_graph(G1)


def test_remove_graph(store: EmbeddedStore) -> None:
    store.replace_graph(G1, _triples(1))
    store.replace_graph(G2, _triples(2))
    assert store.remove_graph(G1) is True
    assert store.remove_graph(G1) is False
    assert store.graphs() == [G2]
    assert not store.has_graph(G1)


def test_queries_see_the_union_of_graphs_and_typed_values(store: EmbeddedStore) -> None:
    store.replace_graph(G1, _triples(2))
    store.replace_graph(G2, _triples(1, tag="x"))
    result = store.query(
        "SELECT (COUNT(DISTINCT ?m) AS ?n) (SAMPLE(?d) AS ?date) "
        "WHERE { ?a <http://example.org/member> ?m ; <http://example.org/date> ?d }"
    )
    assert result.variables == ("n", "date")
    assert result.records() == [{"n": 3, "date": dt.date(2021, 3, 29)}]


def test_ask_and_construct(store: EmbeddedStore) -> None:
    store.replace_graph(G1, _triples(1))
    assert store.query("ASK { ?s ?p ?o }").boolean is True
    construct = store.query(
        "CONSTRUCT { ?s <http://example.org/when> ?o } WHERE { ?s <http://example.org/date> ?o }"
    )
    assert construct.variables == ("subject", "predicate", "object")
    assert len(construct) == 1


def test_the_usual_prefixes_are_declared(store: EmbeddedStore) -> None:
    store.replace_graph(G1, [(URIRef(EX + "p"), URIRef(EX + "type"), URIRef(EX + "x"))])
    result = store.query("SELECT ?s WHERE { ?s a eli:LegalResource }")
    assert result.rows == ()


def test_substitution_binds_a_parameter_safely(store: EmbeddedStore) -> None:
    store.replace_graph(G1, _triples(2))
    hostile = Term.literal('x" } ; DROP ALL ; SELECT * { "')
    rows = store.query(
        "SELECT ?v WHERE { ?c <http://example.org/value> ?v }", substitutions={"v": hostile}
    )
    assert rows.rows == ()
    assert store.triple_count() == 6


def test_malformed_sparql_gives_line_and_column(store: EmbeddedStore) -> None:
    with pytest.raises(QueryError) as caught:
        store.query("SELECT ?x\nWHERE { ?x ?p }")
    assert caught.value.line == 2
    assert caught.value.column is not None and caught.value.column >= 14
    assert caught.value.exit_code == 2


def test_export_formats(store: EmbeddedStore) -> None:
    store.replace_graph(G1, _triples(1))
    store.replace_graph(G2, _triples(1))
    nquads, trig, turtle = io.BytesIO(), io.BytesIO(), io.BytesIO()
    store.export("nquads", nquads)
    store.export("trig", trig)
    store.export("turtle", turtle)
    assert len(nquads.getvalue().decode().splitlines()) == 10
    assert f"<{G1}>" in trig.getvalue().decode()
    # Turtle is the union: the triples both graphs state appear once.
    text = turtle.getvalue().decode()
    assert text.count("<http://example.org/person/v0>") == 1
    assert G1 not in text
    with pytest.raises(StoreError):
        store.export("rdfxml", io.BytesIO())  # type: ignore[arg-type]


def test_data_survives_reopening(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "s") as first:
        first.replace_graph(G1, _triples(2))
    with EmbeddedStore(tmp_path / "s") as again:
        assert again.triple_count() == 6


def test_a_store_locked_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "locked"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True);"
         " sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process") as caught:
            EmbeddedStore(path)
        assert caught.value.exit_code == 2
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_file_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        EmbeddedStore(tmp_path / "file")


def test_a_folder_of_other_files_is_not_a_store(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not a delibgraph store"):
        EmbeddedStore(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_closed_store_says_so(tmp_path: Path) -> None:
    opened = EmbeddedStore(tmp_path / "s")
    opened.close()
    with pytest.raises(StoreError, match="closed"):
        opened.triple_count()


def test_default_store_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DELIBGRAPH_STORE", raising=False)
    assert default_store_path() == Path("delibgraph-store")
    monkeypatch.setenv("DELIBGRAPH_STORE", str(tmp_path / "elsewhere"))
    assert default_store_path() == tmp_path / "elsewhere"


def test_syntax_errors_without_a_position_keep_their_message() -> None:
    error = embedded_module.syntax_error(SyntaxError("something odd"), "SPARQL query")
    assert error.line is None and "something odd" in error.reason
