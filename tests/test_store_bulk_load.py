"""The embedded store's bulk path: new graphs go to Oxigraph's bulk loader as N-Quads built from
the workers' N-Triples lines (store/embedded.py ``_as_nquads``)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from delibgraph.errors import StoreError
from delibgraph.store import EmbeddedStore, GraphData
from delibgraph.store.journal import JOURNAL_NAME

G1, G2, G3 = (f"http://example.org/graph/{n}" for n in (1, 2, 3))


def quads(store: EmbeddedStore) -> set[tuple[str, str, str, str]]:
    """Every quad as text, blank nodes as ``_:`` whatever their label."""

    def text(term: object) -> str:
        return "_:" if isinstance(term, ox.BlankNode) else str(term)

    return {
        (text(q.subject), text(q.predicate), text(q.object), text(q.graph_name))
        for q in store._db.quads_for_pattern(None, None, None)
    }


def test_lines_of_triples_become_quads_in_their_graph(tmp_path: Path) -> None:
    data = (
        b'<http://a/s> <http://a/p> "un . deux" .\n'
        b'<http://a/s> <http://a/q> "x"@fr .\n'
        b'<http://a/s> <http://a/r> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    )
    with EmbeddedStore(tmp_path / "s") as store:
        assert store.replace_graphs([GraphData(G1, data), GraphData(G2, data)]) == [False, False]
        assert store.triple_count() == 6
        assert {q[3] for q in quads(store)} == {f"<{G1}>", f"<{G2}>"}
        assert '"un . deux"' in {q[2] for q in quads(store)}
    assert not (tmp_path / "s" / JOURNAL_NAME).exists()


def test_blank_nodes_of_two_graphs_stay_apart(tmp_path: Path) -> None:
    data = b'_:c <http://a/v> "1" .\n<http://a/s> <http://a/checksum> _:c .\n'
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graphs([GraphData(G1, data), GraphData(G2, data)])
        answer = store.query(
            "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?s <http://a/checksum> ?c . "
            "?c <http://a/v> ?v } }"
        )
        assert answer.records() == [{"n": 2}]  # each graph's node, linked inside its graph


def test_a_comment_after_a_triple_does_not_swallow_the_graph_name(tmp_path: Path) -> None:
    data = b"<http://a/s> <http://a/p> <http://a/o> . # reviewed .\n"
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graphs([GraphData(G1, data)])
        assert quads(store) == {("<http://a/s>", "<http://a/p>", "<http://a/o>", f"<{G1}>")}


def test_data_in_another_layout_is_parsed_first(tmp_path: Path) -> None:
    data = b"<http://a/s>   <http://a/p>\t<http://a/o>.\r\n\n<http://a/s> <http://a/p> _:x ."
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graphs([GraphData(G1, data)])
        assert store.triple_count() == 2
        assert {q[3] for q in quads(store)} == {f"<{G1}>"}


def test_a_bad_line_in_a_batch_writes_nothing_and_names_its_graph(tmp_path: Path) -> None:
    good = b"<http://a/s> <http://a/p> <http://a/o> .\n"
    bad = b"<http://a/s> <not an iri> <http://a/o> .\n"
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graphs([GraphData(G1, good)])
        with pytest.raises(StoreError, match=f"graph {G3} is not valid N-Triples"):
            store.replace_graphs([GraphData(G2, good), GraphData(G3, bad)])
        assert store.graphs() == [G1]
    assert not (tmp_path / "s" / JOURNAL_NAME).exists()


def test_an_existing_graph_is_not_replaced_when_a_new_one_fails(tmp_path: Path) -> None:
    old = b"<http://a/s> <http://a/p> <http://a/old> .\n"
    new = b"<http://a/s> <http://a/p> <http://a/new> .\n"
    bad = b'<http://a/s> <http://a/p> "open .\n'
    with EmbeddedStore(tmp_path / "s") as store:
        store.replace_graphs([GraphData(G1, old)])
        with pytest.raises(StoreError, match="not valid N-Triples"):
            store.replace_graphs([GraphData(G1, new), GraphData(G2, bad)])
        assert quads(store) == {("<http://a/s>", "<http://a/p>", "<http://a/old>", f"<{G1}>")}
