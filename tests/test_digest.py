"""The version log's digests computed at ingestion (:func:`triples_digest`) are the digests
:func:`graph_digest` reads back from an embedded store, and the log records versions from them
without reading any graph back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Literal, URIRef

from delibgraph.cli_publish import log_versions
from delibgraph.ids import IriMinter
from delibgraph.outcomes import IngestReport
from delibgraph.pipeline import ingest
from delibgraph.publish import versions
from delibgraph.publish.versions import (
    digests_apply_to,
    graph_digest,
    list_versions,
    record_versions,
    triples_digest,
)
from delibgraph.store import (
    EmbeddedStore,
    EndpointConfig,
    EndpointStore,
    GraphData,
    RdfTriple,
    Term,
)
from delibgraph.store.convert import TermConverter
from delibgraph.synth import generate
from delibgraph.vocab import PROV, RDF, XSD
from serve_support import INGESTED_AT, example_files, scratch

BASE = "http://localhost:8000/"
FIXTURES = Path(__file__).parent / "fixtures"
EX = "http://example.org/"
GRAPH = f"{EX}graph"


def ingested(store: EmbeddedStore, files: Sequence[Path], now: dt.datetime) -> IngestReport:
    report = ingest(list(files), store, minter=IriMinter(BASE), report_dir=None, ner=False, now=now)
    assert report.loaded and not report.failed, report.to_text()
    return report


def logged_digest(store: EmbeddedStore, graph: str) -> str:
    """The digest as the version log has always written it (logs already kept compare with
    it): SHA-256 of the sorted JSON forms of the graph's triples, one per line."""
    rows = store.query(versions._CONTENT, substitutions={"g": Term.iri(graph)}).rows
    lines = sorted(
        json.dumps(
            [[] if t is None else _form(t) for t in row[1:]],
            ensure_ascii=False,
        )
        for row in rows
    )
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _form(term: Term) -> list[str | None]:
    return (
        ["bnode"] if term.kind == "bnode" else [term.kind, term.value, term.datatype, term.language]
    )


def assert_digests_as_stored(files: Sequence[Path]) -> None:
    with EmbeddedStore(scratch("delibgraph-digest-") / "store") as store:
        report = ingested(store, files, INGESTED_AT)
        for graph in report.loaded:
            assert graph.digest, graph.graph_iri
            assert graph.digest == graph_digest(store, graph.graph_iri), graph.file
            assert graph.digest == logged_digest(store, graph.graph_iri), graph.file


@pytest.fixture(scope="module")
def generated() -> list[Path]:
    out = scratch("delibgraph-digest-synth-")
    generate(out, authorities=2, seances=2, seed=7, deliberations_per_seance=(2, 4))
    return sorted(out.glob("*.txt"))


def test_ingestion_digests_are_the_stored_graphs_digests_examples() -> None:
    assert_digests_as_stored(example_files())


def test_ingestion_digests_are_the_stored_graphs_digests_fixtures() -> None:
    assert_digests_as_stored(sorted(FIXTURES.glob("*.txt")))


def test_ingestion_digests_are_the_stored_graphs_digests_generated(
    generated: list[Path],
) -> None:
    assert len(generated) >= 8
    assert_digests_as_stored(generated)


def test_ingestion_digest_is_the_stored_graphs_digest_seed(seed_path: Path) -> None:
    assert_digests_as_stored([seed_path])


def stored_digest(triples: Sequence[RdfTriple]) -> str:
    """What the version log reads from an embedded store holding ``triples`` (written as an
    ingestion writes them)."""
    with EmbeddedStore(scratch("delibgraph-digest-") / "store") as store:
        store.replace_graphs([GraphData(GRAPH, TermConverter().ntriples(triples))])
        digest = graph_digest(store, GRAPH)
        assert digest == logged_digest(store, GRAPH)
        return digest


def term(name: str) -> URIRef:
    return URIRef(EX + name)


CASES: dict[str, list[RdfTriple]] = {
    "canonical literals": [
        (term("a"), term("amount"), Literal("5000.0", datatype=XSD.decimal, normalize=False)),
        (term("a"), term("when"), Literal("2024-05-01T12:00:00+00:00", datatype=XSD.dateTime)),
        (term("a"), term("count"), Literal("007", datatype=XSD.integer, normalize=False)),
        (term("a"), term("flag"), Literal("1", datatype=XSD.boolean, normalize=False)),
        (term("a"), term("label"), Literal("Délibération", lang="fr-FR")),
    ],
    "two literals stored as one": [
        (term("a"), term("amount"), Literal("5000.0", datatype=XSD.decimal, normalize=False)),
        (term("a"), term("amount"), Literal("5000.00", datatype=XSD.decimal, normalize=False)),
        (term("a"), term("name"), Literal("x")),
        (term("a"), term("name"), Literal("x", datatype=XSD.string)),
    ],
    "escaped and unusual strings": [
        (term("a"), term("text"), Literal('guillemets " et \\ barre\nligne\ttab\x01\x7f')),
        (term("a"), term("text"), Literal('["bnode", "looks like a form"]')),
        (term("a"), term("text"), Literal("accents éàç — “typographie” \u2028 fin")),
        (term("a"), term("text"), Literal("")),
        (term("a"), term("iri"), URIRef("http://example.org/é/ü?q=1#f")),
    ],
    "blank nodes told apart": [
        (term("a"), term("checksum"), BNode("b1")),
        (term("a"), term("checksum"), BNode("b2")),
        (BNode("b1"), term("value"), Literal("same")),
        (BNode("b2"), term("value"), Literal("same")),
        (BNode("b1"), RDF.type, term("Checksum")),
        (BNode("b2"), RDF.type, term("Checksum")),
    ],
    "provenance left out": [
        (term("act"), PROV.wasGeneratedBy, term("ingestion")),
        (term("ingestion"), RDF.type, PROV.Activity),
        (
            term("ingestion"),
            PROV.endedAtTime,
            Literal("2024-05-01T12:00:00Z", datatype=XSD.dateTime),
        ),
        (term("ingestion"), PROV.wasAssociatedWith, term("software")),
        (term("software"), RDF.type, PROV.SoftwareAgent),
        (term("software"), term("name"), Literal("delibgraph")),
        (term("act"), term("title"), Literal("Titre", lang="fr")),
    ],
    "blank node provenance": [
        (term("act"), PROV.wasGeneratedBy, BNode("run")),
        (BNode("run"), RDF.type, PROV.Activity),
        (BNode("run"), term("at"), Literal("2024-05-01", datatype=XSD.date)),
        (BNode("other"), term("at"), Literal("2024-05-01", datatype=XSD.date)),
        (term("act"), term("checksum"), BNode("other")),
    ],
    "empty": [],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_triples_digest_is_what_the_store_gives(name: str) -> None:
    triples = CASES[name]
    assert triples_digest(triples) == stored_digest(triples)


def test_provenance_does_not_count_but_content_does() -> None:
    triples = CASES["provenance left out"]
    later = [
        (s, p, Literal("2025-01-01T00:00:00Z", datatype=XSD.dateTime))
        if p == PROV.endedAtTime
        else (s, p, o)
        for s, p, o in triples
    ]
    assert triples_digest(later) == triples_digest(triples)
    changed = [*triples[:-1], (term("act"), term("title"), Literal("Autre titre", lang="fr"))]
    assert triples_digest(changed) != triples_digest(triples)


def test_digests_apply_to_embedded_stores_only() -> None:
    with EmbeddedStore(scratch("delibgraph-digest-") / "store") as store:
        assert digests_apply_to(store)
    assert not digests_apply_to(EndpointStore(EndpointConfig.from_url("http://127.0.0.1:9/")))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The graphs the version log reads back from the store."""
    read: list[str] = []
    original = versions.graph_digest

    def counted(store: Any, graph: str) -> str:
        read.append(graph)
        return original(store, graph)

    monkeypatch.setattr(versions, "graph_digest", counted)
    yield read


def test_the_log_reads_no_graph_back_and_keeps_its_versions(reads: list[str]) -> None:
    folder = scratch("delibgraph-digest-")
    with EmbeddedStore(folder / "store") as store:
        log_versions(store, BASE, ingested(store, example_files(), INGESTED_AT))
        first = list_versions(store, base=BASE)
        assert len(first) == 7 and not reads
        # the digests the ingestion gave are the ones the store gives
        assert record_versions(store, base=BASE) == ()
        assert len(reads) == 7
        reads.clear()

        # re-ingesting the same files: no new version
        log_versions(store, BASE, ingested(store, example_files(), INGESTED_AT + dt.timedelta(1)))
        assert list_versions(store, base=BASE) == first and not reads

        # a corrected file: one new version
        original = next(p for p in example_files() if p.name == "val-daurele-2023-016.txt")
        copy = folder / original.name
        copy.write_text(
            original.read_text(encoding="utf-8").replace("parcelle", "parcelle cadastrale"),
            encoding="utf-8",
        )
        report = ingested(store, [copy], INGESTED_AT + dt.timedelta(2))
        log_versions(store, BASE, report)
        added = list_versions(store, base=BASE)[len(first) :]
        assert [v.act.rsplit("/", 1)[-1] for v in added] == ["2023-016"] and not reads
        (graph,) = report.loaded
        assert added[0].digest == graph.digest == graph_digest(store, graph.graph_iri)


class ForeignStore:
    """An embedded store seen as another backend: the log cannot trust the ingestion's form."""

    def __init__(self, store: EmbeddedStore) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_another_backends_log_reads_its_graphs_back(reads: list[str]) -> None:
    with EmbeddedStore(scratch("delibgraph-digest-") / "store") as store:
        report = ingested(store, example_files(), INGESTED_AT)
        foreign: Any = ForeignStore(store)
        assert not digests_apply_to(foreign)
        log_versions(foreign, BASE, report)
        assert sorted(reads) == sorted(g.graph_iri for g in report.loaded)
        assert {v.digest for v in list_versions(store, base=BASE)} == {
            g.digest for g in report.loaded
        }
