"""Precomputed statistics: recomputed from the store after each ingestion, exact on re-ingest.

The figures themselves are checked through the queries that read them
(tests/test_query_library.py: every expected row there was worked out by hand); here, that
they are derived data — the same whatever the order and repetition of ingestions — and that
they conform to the shapes.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import to_isomorphic

from corpus_stores import BASE, COUNCIL, MINTER, examples_dir
from delibgraph.cli import main
from delibgraph.pipeline import ingest
from delibgraph.statistics import bodies_of_graphs, refresh_statistics
from delibgraph.store import EmbeddedStore
from delibgraph.validate import validate_rdf
from delibgraph.vocab import DLG, RDF

INGESTED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
STATISTICS_GRAPH = f"{BASE}graph/statistics/219990001/conseil-municipal"
PERSON = f"{BASE}id/authority/219990001/person/"


def _ingest(store: EmbeddedStore, paths: list[Path]) -> None:
    report = ingest(paths, store, minter=MINTER, report_dir=None, ner=False, now=INGESTED_AT)
    assert report.exit_code == 0, report.to_text()


def _statistics(store: EmbeddedStore) -> Graph:
    out = io.BytesIO()
    store.export_graph(STATISTICS_GRAPH, out)
    dataset = Dataset()
    dataset.parse(data=out.getvalue(), format="nquads")
    graph = Graph()
    for triple in dataset.graph(URIRef(STATISTICS_GRAPH)):
        graph.add(triple)
    return graph


def _member(graph: Graph, person_key: str, prop: URIRef) -> int:
    record = URIRef(f"{COUNCIL}/statistics/member/{person_key}")
    values = list(graph.objects(record, prop))
    assert len(values) == 1, (record, prop, values)
    return int(values[0].toPython())


def _copy_examples(target: Path, skip: str | None = None) -> list[Path]:
    target.mkdir()
    for path in sorted(examples_dir().glob("*.txt")):
        if path.name != skip:
            shutil.copy(path, target / path.name)
    return sorted(target.glob("*.txt"))


def test_ingestion_writes_one_statistics_graph_per_body(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        _ingest(store, [examples_dir()])
        assert STATISTICS_GRAPH in store.graphs()
        graph = _statistics(store)
    # Paul GIRARD gave a proxy at séance 1 (3 deliberations) and séance 3 (2 deliberations)
    assert _member(graph, "girard-paul", DLG.proxiesGivenCount) == 5
    assert _member(graph, "girard-paul", DLG.givenProxySeanceCount) == 2
    assert (URIRef(f"{PERSON}girard-paul"), None, None) in graph  # names repeated for queries


def test_reingesting_leaves_the_statistics_unchanged(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        _ingest(store, [examples_dir()])
        first = to_isomorphic(_statistics(store))
        _ingest(store, [examples_dir()])
        assert to_isomorphic(_statistics(store)) == first


def test_statistics_do_not_depend_on_how_the_corpus_was_ingested(tmp_path: Path) -> None:
    """One run, or two runs split at any file, or a file ingested twice: same figures."""
    files = _copy_examples(tmp_path / "corpus")
    with EmbeddedStore(tmp_path / "whole") as store:
        _ingest(store, files)
        whole = to_isomorphic(_statistics(store))
    with EmbeddedStore(tmp_path / "split") as store:
        _ingest(store, files[:3])
        _ingest(store, files[2:])
        assert to_isomorphic(_statistics(store)) == whole


def test_a_removed_deliberation_leaves_the_figures_of_a_store_without_it(tmp_path: Path) -> None:
    skipped = "val-daurele-2023-015.txt"
    with EmbeddedStore(tmp_path / "without") as store:
        _ingest(store, _copy_examples(tmp_path / "corpus", skip=skipped))
        expected = to_isomorphic(_statistics(store))
    with EmbeddedStore(tmp_path / "with") as store:
        _ingest(store, [examples_dir()])
        before = _statistics(store)
        graph = next(g for g in store.graphs() if g.endswith("/2023-015"))
        bodies = bodies_of_graphs(store, [graph])
        assert bodies == {COUNCIL}
        store.remove_graph(graph)
        refresh = refresh_statistics(store, MINTER, bodies)
        assert refresh.bodies == (COUNCIL,) and refresh.records > 0
        after = _statistics(store)
        assert to_isomorphic(after) == expected
    assert _member(before, "girard-paul", DLG.proxiesGivenCount) == 5
    assert _member(after, "girard-paul", DLG.proxiesGivenCount) == 4


def test_a_body_left_without_deliberations_loses_its_statistics_graph(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        _ingest(store, [examples_dir()])
        for graph in store.graphs():
            if "/graph/219990001/" in graph:
                store.remove_graph(graph)
        refresh_statistics(store, MINTER, [COUNCIL])
        assert STATISTICS_GRAPH not in store.graphs()


def test_statistics_graph_conforms_to_the_shapes(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        _ingest(store, [examples_dir()])
        graph = _statistics(store)
    report = validate_rdf(graph, "statistics", graph_iri=STATISTICS_GRAPH)
    assert report.conforms, report.to_text()
    kinds = set(graph.objects(None, RDF.type))
    assert {DLG.MemberStatistics, DLG.MemberYearStatistics, DLG.MemberThemeStatistics,
            DLG.ProxyStatistics, DLG.SeanceStatistics} <= kinds  # fmt: skip


def test_stats_refresh_rebuilds_lost_statistics(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A run cut short between its writes and the recomputation: `stats --refresh` repairs it."""
    with EmbeddedStore(tmp_path / "store") as store:
        _ingest(store, [examples_dir()])
        expected = to_isomorphic(_statistics(store))
        store.remove_graph(STATISTICS_GRAPH)
    code = main(["stats", "--store", str(tmp_path / "store"), "--base", BASE, "--refresh"])
    assert code == 0
    assert "graphs" in capsys.readouterr().out
    with EmbeddedStore(tmp_path / "store") as store:
        assert to_isomorphic(_statistics(store)) == expected
