"""The store contract (tests/store_contract.py) on every backend, and the query library on each.

Backends: embedded Oxigraph (always), the Oxigraph server (``oxigraph`` from the test extra)
and Virtuoso (``virtuoso-t`` from Debian's ``virtuoso-opensource``; marked ``virtuoso``). The
servers are started once per session on 127.0.0.1 and stopped at the end.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from corpus_stores import (
    INGESTED_AT,
    MINTER,
    deliberation_graphs,
    examples_dir,
    examples_statistics_graph,
    examples_store,
)
from delibgraph.pipeline import ingest
from delibgraph.querylib import list_queries, run
from delibgraph.store import EmbeddedStore, EndpointConfig, EndpointStore, PythonValue, Store
from delibgraph.store.embedded import EmbeddedStore as EmbeddedClass
from delibgraph.store.remote import HttpClient
from sparql_servers import oxigraph_config, virtuoso_config
from store_contract import EX, Backend, StoreContract

GRAPH_BASE = "http://localhost:8000/graph/"
# A server's name, its answer to every stored query, and its statistics graph.
ServerRun = tuple[str, dict[str, Any], set[tuple[object, ...]]]
NUMBERS = {f"http://www.w3.org/2001/XMLSchema#{kind}" for kind in ("integer", "decimal")}


def _refuse_embedded(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The update is cut short after the DROP, as if the process died while sending it."""
    real_update = EmbeddedClass._update

    def truncated(self: EmbeddedClass, request: str) -> None:
        real_update(self, request[: request.index("INSERT DATA") + 30])

    monkeypatch.setattr(EmbeddedClass, "_update", truncated)


def _refuse_remote(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The graph store receives the new triples cut in the middle of a literal."""
    real_request = HttpClient.request

    def truncated(
        self: HttpClient,
        method: str,
        url: str,
        body: bytes | None = None,
        *,
        content_type: str | None = None,
    ) -> int:
        if method == "PUT" and body:
            cut = body.rindex(b'"', 0, len(body) // 2)
            body = body[: cut + 1] + b"no end\n"
        return real_request(self, method, url, body, content_type=content_type)

    monkeypatch.setattr(HttpClient, "request", truncated)


__all__ = ["oxigraph_config", "virtuoso_config"]  # fixtures used by name

BACKENDS = {
    "embedded": Backend("embedded", _refuse_embedded),
    "oxigraph-server": Backend("oxigraph-server", _refuse_remote),
    "virtuoso": Backend("virtuoso", _refuse_remote),
}
PARAMS = [
    pytest.param("embedded", id="embedded"),
    pytest.param("oxigraph-server", id="oxigraph-server", marks=pytest.mark.server),
    pytest.param("virtuoso", id="virtuoso", marks=[pytest.mark.server, pytest.mark.virtuoso]),
]


def _remote(request: pytest.FixtureRequest, name: str) -> EndpointConfig:
    fixture = "oxigraph_config" if name == "oxigraph-server" else "virtuoso_config"
    config: EndpointConfig = request.getfixturevalue(fixture)
    return config


@pytest.fixture(params=PARAMS)
def backend(request: pytest.FixtureRequest) -> Backend:
    return BACKENDS[request.param]


@pytest.fixture
def store(backend: Backend, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if backend.name == "embedded":
        with EmbeddedStore(tmp_path / "store") as embedded:
            yield embedded
        return
    config = dataclasses.replace(_remote(request, backend.name), graph_prefix=EX)
    with EndpointStore(config) as remote:
        for graph in remote.graphs():  # what an earlier test left
            remote.remove_graph(graph)
        yield remote
        for graph in remote.graphs():
            remote.remove_graph(graph)


class TestStoreContract(StoreContract):
    """Every test of the contract, once per backend."""


# --------------------------------------------------------------------- the query library


def _comparable(value: PythonValue | None) -> object:
    """Decimals to 9 places: servers write a rate with more or fewer digits."""
    if isinstance(value, Decimal | float):
        return round(Decimal(value), 9)
    return value


def _answers(store: Store) -> dict[str, list[tuple[object, ...]]]:
    answers = {}
    for query in list_queries():
        result = run(store, query)
        rows = [tuple(_comparable(v) for v in record.values()) for record in result.records()]
        answers[query.name] = sorted(rows, key=repr)
    return answers


def _statistics(store: Store) -> set[tuple[object, ...]]:
    """The examples' statistics graph as the store holds it (it has no blank nodes), numbers
    compared as in :func:`_comparable`: Virtuoso keeps an xsd:decimal to 15 significant digits
    and gives a whole one back as an xsd:integer."""
    iri = examples_statistics_graph()
    out = io.BytesIO()
    store.export_graph(iri, out)
    triples = set()
    for quad in ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS):
        value: object = quad.object
        if isinstance(value, ox.Literal) and value.datatype.value in NUMBERS:
            value = _comparable(Decimal(value.value))
        triples.add((quad.subject, quad.predicate, value))
    return triples


@pytest.fixture(scope="module")
def embedded_answers() -> dict[str, list[tuple[object, ...]]]:
    path, report = examples_store(ner=False)
    assert report.exit_code == 0, report.to_text()
    with EmbeddedStore(path) as store:
        return _answers(store)


@pytest.fixture(scope="module")
def embedded_statistics() -> set[tuple[object, ...]]:
    path, _ = examples_store(ner=False)
    with EmbeddedStore(path) as store:
        return _statistics(store)


# Stored queries that answer differently on a server, with the reason (when such a query comes
# to agree, the test fails so that its entry goes).
KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {}
SERVERS = [pytest.param("oxigraph-server"), pytest.param("virtuoso", marks=pytest.mark.virtuoso)]


@pytest.fixture(scope="module", params=SERVERS)
def server_answers(request: pytest.FixtureRequest) -> Iterator[ServerRun]:
    """The examples ingested into a server, and every stored query's rows there."""
    name: str = request.param
    config = dataclasses.replace(_remote(request, name), graph_prefix=GRAPH_BASE)
    with EndpointStore(config) as store:
        report = ingest(
            [examples_dir()], store, minter=MINTER, report_dir=None, ner=False, now=INGESTED_AT
        )
        try:
            assert report.exit_code == 0, report.to_text()
            graphs = store.graphs()
            assert len(deliberation_graphs(graphs)) == 7
            # the council's statistics graph, computed through the endpoint (SPARQL aggregates)
            assert graphs == sorted([*deliberation_graphs(graphs), examples_statistics_graph()])
            yield name, _answers(store), _statistics(store)
        finally:
            for graph in store.graphs():
                store.remove_graph(graph)


def _query_names() -> list[str]:
    return [query.name for query in list_queries()]


@pytest.mark.server
@pytest.mark.parametrize("query", _query_names())
def test_every_library_query_answers_alike_on_a_server(
    query: str,
    server_answers: ServerRun,
    embedded_answers: dict[str, list[tuple[object, ...]]],
) -> None:
    server, answers, _ = server_answers
    reason = KNOWN_DIFFERENCES.get((server, query))
    if reason is not None:
        assert answers[query] != embedded_answers[query], (
            f"{query} now answers alike on {server}: take it out of KNOWN_DIFFERENCES"
        )
        pytest.xfail(reason)
    assert answers[query] == embedded_answers[query]


@pytest.mark.server
def test_the_statistics_are_computed_alike_on_a_server(
    server_answers: ServerRun, embedded_statistics: set[tuple[object, ...]]
) -> None:
    """The figures come from SPARQL aggregates run by the store itself (on a server, through
    its endpoint): the same records and figures as the embedded store's (numbers compared as
    the queries' answers are)."""
    _, _, statistics = server_answers
    assert len(embedded_statistics) > 0
    assert statistics == embedded_statistics
