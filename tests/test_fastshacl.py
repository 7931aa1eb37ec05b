"""The fast SHACL engine agrees with pyshacl, the reference: on every shape case, the examples,
the seed (intact and broken) and a generated corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from corpus_stores import INGESTED_AT, MINTER, examples_dir, seed_path
from delibgraph.fastshacl import FastResult, checked_report, fast_conforms, fast_results
from delibgraph.mapping import map_deliberation
from delibgraph.parse import parse_file
from delibgraph.store.convert import TermConverter
from delibgraph.synth import generate
from delibgraph.validate import validate_rdf
from test_shape_cases import CASES, load_case

CASE_FILES = sorted(CASES.glob("*.ttl")) + sorted((CASES / "additions").glob("*.ttl"))


def _ntriples(graph: Graph) -> str:
    data = ox.serialize(TermConverter().triples(graph), format=ox.RdfFormat.N_TRIPLES)
    return (data or b"").decode("utf-8")


def _agree(graph: Graph, label: str) -> bool:
    """Assert both engines give the same results and verdict; return the verdict."""
    reference = validate_rdf(graph, label)
    expected = sorted(
        FastResult(issue.focus_node, issue.path, issue.severity, issue.source_shape)
        for issue in (*reference.results, *reference.unmet)
    )
    ntriples = _ntriples(graph)
    assert fast_results(ntriples) == expected, label
    assert fast_conforms(ntriples) is reference.conforms, label
    return reference.conforms


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_both_engines_agree_on_each_shape_case(path: Path) -> None:
    case = load_case(path)
    graph = Graph()
    for include in case.includes:
        graph.parse(include, format="turtle")
    graph.parse(path, format="turtle")
    _agree(graph, path.name)


def _graphs(folder: Path) -> list[Graph]:
    return [
        map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT).graph
        for path in sorted(folder.glob("*.txt"))
        for d in parse_file(path, ner=False)
    ]


def test_both_engines_agree_on_the_examples_and_the_seed(tmp_path: Path) -> None:
    for graph in _graphs(examples_dir()):
        assert _agree(graph, "example")
    text = seed_path().read_text(encoding="utf-8")
    (tmp_path / "seed.txt").write_text(text, encoding="utf-8")
    (tmp_path / "broken.txt").write_text(text.replace("Pour : 87 voix", "Pour : 86 voix"))
    verdicts = [_agree(graph, "seed") for graph in _graphs(tmp_path)]
    assert sorted(verdicts) == [False, True]  # the broken copy is rejected by both


def test_both_engines_agree_on_a_generated_corpus(tmp_path: Path) -> None:
    generate(tmp_path, authorities=2, seances=2, seed=11, deliberations_per_seance=(4, 6))
    graphs = _graphs(tmp_path)
    assert len(graphs) >= 16
    for graph in graphs:
        _agree(graph, "generated")


def test_the_fast_path_lets_pyshacl_explain_a_rejection(tmp_path: Path) -> None:
    text = seed_path().read_text(encoding="utf-8").replace("Pour : 87 voix", "Pour : 86 voix")
    (tmp_path / "broken.txt").write_text(text, encoding="utf-8")
    [deliberation] = parse_file(tmp_path / "broken.txt", ner=False)
    dg = map_deliberation(deliberation, minter=MINTER, ingested_at=dt.datetime.now(dt.UTC))
    ntriples = _ntriples(dg.graph)
    report = checked_report("fast", lambda: dg.graph, ntriples, source="broken.txt", graph_iri="g")
    assert report is not None and not report.conforms
    messages = " ".join(issue.message for issue in report.violations)
    assert "86" in messages and "87" in messages  # values filled in, as pyshacl does
    good = map_deliberation(
        parse_file(seed_path(), ner=False)[0], minter=MINTER, ingested_at=INGESTED_AT
    )
    built: list[bool] = []  # a conforming graph is never built for pyshacl

    def good_graph() -> Graph:
        built.append(True)
        return good.graph

    assert (
        checked_report("fast", good_graph, _ntriples(good.graph), source=None, graph_iri="g")
        is None
    )
    assert not built
    reference = checked_report("pyshacl", lambda: good.graph, "", source=None, graph_iri="g")
    assert reference is not None and reference.conforms
