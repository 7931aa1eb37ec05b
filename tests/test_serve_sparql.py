"""The SPARQL 1.1 Protocol endpoint, exercised by real clients (SPARQLWrapper, rdflib's
SPARQLStore, urllib) against a server started on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import os
import time
import urllib.error
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)

from delibgraph.errors import QueryError
from delibgraph.publish.terms import SD
from delibgraph.querylib import list_queries, run
from delibgraph.serve.readonly import ReadOnlyStore
from delibgraph.serve.sparql import is_update
from delibgraph.vocab import ELI, RDF
from serve_support import QUERY_TIMEOUT, RESULT_LIMIT, RunningServer, examples_server, fetch

COUNT_ACTS = (
    "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
    "SELECT (COUNT(DISTINCT ?act) AS ?n) WHERE { ?act a eli:LegalResource ; eli:number ?num }"
)
VOTES_OF_FAURE = """
PREFIX schema: <http://schema.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?number ?option WHERE {
  ?vote schema:agent ?p ; schema:option ?option ; <http://www.w3.org/ns/opengov#voteEvent> ?e .
  ?p foaf:name "Julien FAURE" . ?e prov:generated ?act . ?act eli:number ?number .
} ORDER BY ?number
"""
CONSTRUCT_ACT_TITLES = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
CONSTRUCT { ?act eli:number ?n . ?e eli:title ?t }
WHERE { ?act eli:number ?n . ?e eli:realizes ?act ; eli:title ?t }
"""
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def server() -> RunningServer:
    return examples_server()


@pytest.fixture(scope="module")
def endpoint(server: RunningServer) -> str:
    return server.url("query")


@pytest.fixture(scope="module")
def direct(server: RunningServer) -> ReadOnlyStore:
    """The same store read directly (read-only, beside the server), for expected answers."""
    return ReadOnlyStore(server.store_path)


def wrapper(endpoint: str, query: str, fmt: str, *, method: str | None = None) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method == "form":
        client.setMethod(POST)
    elif method == "direct":
        client.setMethod(POST)
        client.setRequestMethod(POSTDIRECTLY)
    return client


@pytest.mark.parametrize("method", [None, "form", "direct"])
def test_sparqlwrapper_select_json_by_get_and_both_posts(endpoint: str, method: str | None) -> None:
    result = wrapper(endpoint, VOTES_OF_FAURE, JSON, method=method).query().convert()
    assert isinstance(result, dict)
    rows = [(b["number"]["value"], b["option"]["value"]) for b in result["results"]["bindings"]]
    # Julien FAURE voted against 2023-014 and 2024-004, abstained on 2023-031 (examples/README)
    assert ("2023-014", "no") in rows and ("2024-004", "no") in rows
    assert ("2023-031", "abstain") in rows


def test_every_results_format_gives_the_same_rows(endpoint: str, direct: ReadOnlyStore) -> None:
    expected = [tuple(str(term) for term in row) for row in direct.query(VOTES_OF_FAURE).rows]
    as_json = wrapper(endpoint, VOTES_OF_FAURE, JSON).query().convert()
    json_rows = [
        (b["number"]["value"], b["option"]["value"]) for b in as_json["results"]["bindings"]
    ]
    xml_doc = wrapper(endpoint, VOTES_OF_FAURE, XML).query().convert()
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    xml_rows = [
        tuple(b.find("r:literal", ns).text for b in result.findall("r:binding", ns))
        for result in ET.fromstring(xml_doc.toxml()).iter(f"{{{ns['r']}}}result")
    ]
    csv_text = wrapper(endpoint, VOTES_OF_FAURE, CSV).query().convert().decode("utf-8")
    csv_rows = [tuple(row) for row in csv.reader(io.StringIO(csv_text))]
    tsv_text = wrapper(endpoint, VOTES_OF_FAURE, TSV).query().convert().decode("utf-8")
    tsv_rows = [
        tuple(cell.strip('"') for cell in line.split("\t")) for line in tsv_text.splitlines()
    ]
    assert expected and json_rows == expected and xml_rows == expected
    assert csv_rows[0] == ("number", "option") and csv_rows[1:] == expected
    assert tsv_rows[0] == ("?number", "?option") and tsv_rows[1:] == expected


def test_ask(endpoint: str) -> None:
    result = wrapper(endpoint, "ASK { ?s a <http://www.w3.org/ns/person#Person> }", JSON)
    assert result.query().convert()["boolean"] is True


@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, JSONLD, N3])
def test_construct_in_every_rdf_format(endpoint: str, direct: ReadOnlyStore, fmt: str) -> None:
    graph = wrapper(endpoint, CONSTRUCT_ACT_TITLES, fmt).query().convert()
    if isinstance(graph, bytes):  # N3 asks for Turtle / N-Triples; SPARQLWrapper leaves bytes
        graph = Graph().parse(data=graph.decode("utf-8"), format="turtle")
    expected = Graph()
    for s, p, o in direct.query(CONSTRUCT_ACT_TITLES).rows:
        assert s and p and o
        obj = URIRef(o.value) if o.kind == "iri" else Literal(o.value, lang=o.language)
        expected.add((URIRef(s.value), URIRef(p.value), obj))
    assert len(expected) == 14  # 7 numbers, 7 titles
    assert isomorphic(graph, expected)


def test_rdflib_sparql_store(endpoint: str) -> None:
    graph = Graph(store=SPARQLStore(query_endpoint=endpoint))
    rows = list(graph.query(COUNT_ACTS))
    assert int(rows[0][0]) == 7
    numbers = {str(o) for o in graph.objects(None, ELI.number)}
    assert {"2023-014", "2024-004"} <= numbers
    assert (None, RDF.type, ELI.LegalResource) in graph


def test_library_queries_give_the_rows_the_cli_gives(endpoint: str, direct: ReadOnlyStore) -> None:
    """Each ``queries/*.rq`` answers over HTTP what it answers in process (a query the engine
    rejects is a 400 here too: the library's own tests say which query is broken)."""
    answered = 0
    for stored in list_queries():
        reply = fetch(
            endpoint,
            method="POST",
            data=stored.text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query"},
            accept="application/sparql-results+json",
        )
        try:
            expected_result = run(direct, stored)
        except QueryError:
            assert reply.status == 400, (stored.name, reply.text)
            continue
        assert reply.status == 200, (stored.name, reply.text)
        document = json.loads(reply.text)
        served = [
            tuple(b.get(v, {}).get("value") for v in document["head"]["vars"])
            for b in document["results"]["bindings"]
        ]
        expected = [tuple(t.value if t else None for t in row) for row in expected_result.rows]
        # rows compared as multisets: with ties in ORDER BY (or none), grouping order may
        # differ from one process to another
        assert sorted(served, key=repr) == sorted(expected, key=repr), stored.name
        answered += bool(served)
    assert answered >= len(list_queries()) // 2  # most questions have answers on the examples


def test_default_graph_uri_restricts_the_dataset(endpoint: str, direct: ReadOnlyStore) -> None:
    graph = next(g for g in direct.graphs() if g.endswith("/2023-014"))
    query = urllib.parse.urlencode({"query": COUNT_ACTS, "default-graph-uri": graph})
    reply = fetch(f"{endpoint}?{query}", accept="application/sparql-results+json")
    assert json.loads(reply.text)["results"]["bindings"][0]["n"]["value"] == "1"


@pytest.mark.parametrize(
    ("description", "request_args"),
    [
        ("form update=", {"data": b"update=INSERT+DATA+%7B%3Ca%3E+%3Cb%3E+%3Cc%3E%7D",
                          "headers": {"Content-Type": "application/x-www-form-urlencoded"}}),
        ("update body", {"data": b"DROP ALL",
                         "headers": {"Content-Type": "application/sparql-update"}}),
        ("update as query", {"data": b"PREFIX x: <http://x.org/#> # c\nCLEAR ALL",
                             "headers": {"Content-Type": "application/sparql-query"}}),
    ],
)  # fmt: skip
def test_updates_are_refused(
    endpoint: str, direct: ReadOnlyStore, description: str, request_args: dict[str, object]
) -> None:
    before = direct.triple_count()
    reply = fetch(endpoint, method="POST", **request_args)  # type: ignore[arg-type]
    assert reply.status == 403, description
    assert "read-only" in json.loads(reply.text)["detail"]
    assert direct.triple_count() == before


def test_sparqlwrapper_update_is_refused(endpoint: str) -> None:
    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://a.example/s> <http://a.example/p> 1 }")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403


def test_get_update_parameter_is_refused(endpoint: str) -> None:
    reply = fetch(f"{endpoint}?update=DROP%20ALL")
    assert reply.status == 403


def test_a_runaway_query_is_stopped_at_the_timeout(server: RunningServer, endpoint: str) -> None:
    before = set(server.state.pool.worker_pids())
    started = time.monotonic()
    reply = fetch(
        f"{endpoint}?{urllib.parse.urlencode({'query': RUNAWAY})}",
        accept="application/sparql-results+json",
    )
    elapsed = time.monotonic() - started
    assert reply.status == 503
    assert "longer than the endpoint's limit" in json.loads(reply.text)["detail"]
    assert QUERY_TIMEOUT <= elapsed < QUERY_TIMEOUT + 5
    killed = before - set(server.state.pool.worker_pids())
    assert len(killed) == 1, "the worker that ran the query was replaced"
    for pid in killed:  # really stopped: the process is gone
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    after = wrapper(endpoint, COUNT_ACTS, JSON).query().convert()
    assert after["results"]["bindings"][0]["n"]["value"] == "7"


def test_the_result_cap_is_a_clear_error(endpoint: str) -> None:
    reply = fetch(
        f"{endpoint}?{urllib.parse.urlencode({'query': 'SELECT * WHERE { ?s ?p ?o }'})}",
        accept="application/sparql-results+json",
    )
    assert reply.status == 422
    assert f"more than {RESULT_LIMIT} rows" in json.loads(reply.text)["detail"]
    limited = f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {RESULT_LIMIT}"
    capped = urllib.parse.urlencode({"query": limited})
    assert fetch(f"{endpoint}?{capped}").status == 200


def test_malformed_query_is_400_with_its_position(endpoint: str) -> None:
    query = urllib.parse.urlencode({"query": "SELECT ?x WHERE {\n  ?x ?y \n"})
    reply = fetch(f"{endpoint}?{query}", accept="application/json")
    assert reply.status == 400
    detail = json.loads(reply.text)["detail"]
    assert detail.startswith("malformed SPARQL query") and "(line 3, column 1)" in detail


def test_not_acceptable_format_is_406(endpoint: str) -> None:
    query = urllib.parse.urlencode({"query": COUNT_ACTS})
    assert fetch(f"{endpoint}?{query}", accept="image/png").status == 406
    construct = urllib.parse.urlencode({"query": CONSTRUCT_ACT_TITLES})
    assert fetch(f"{endpoint}?{construct}", accept="text/csv").status == 406


def test_cors(endpoint: str) -> None:
    preflight = fetch(
        endpoint,
        method="OPTIONS",
        headers={
            "Origin": "https://researcher.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    query = urllib.parse.urlencode({"query": COUNT_ACTS})
    reply = fetch(f"{endpoint}?{query}", headers={"Origin": "https://researcher.example"})
    assert reply.headers["Access-Control-Allow-Origin"] == "*"


def test_service_description(server: RunningServer, endpoint: str) -> None:
    reply = fetch(endpoint, accept="text/turtle")
    assert reply.status == 200 and reply.content_type == "text/turtle"
    graph = Graph().parse(data=reply.text, format="turtle")
    service = graph.value(predicate=RDF.type, object=SD.Service)
    assert service is not None
    assert graph.value(service, SD.endpoint) == URIRef(endpoint)
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    browser = fetch(endpoint, accept="text/html,application/xhtml+xml,*/*;q=0.8")
    assert browser.status == 303 and browser.headers["Location"] == server.url("sparql")


@pytest.mark.parametrize(
    ("text", "update"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", False),
        ("PREFIX ex: <http://example.org/#>\nASK { ex:a ?p ?o }", False),
        ("# INSERT in a comment\nCONSTRUCT WHERE { ?s ?p ?o }", False),
        ("BASE <http://example.org/> DESCRIBE <a>", False),
        ("INSERT DATA { <a> <b> <c> }", True),
        ("prefix ex: <http://example.org/#> # note\n delete where { ?s ?p ?o }", True),
        ("  WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
        ("LOAD <http://example.org/data.ttl>", True),
        ("CLEAR ALL", True),
    ],
)
def test_update_detection(text: str, update: bool) -> None:
    assert is_update(text) is update
