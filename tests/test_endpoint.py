"""The remote store's configuration, its SPARQL text and its HTTP requests (credentials).

The contract with real servers is in tests/test_store_contract.py; here a small recording
HTTP server on 127.0.0.1 shows what the store sends.
"""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from delibgraph.errors import QueryError, StoreError, UsageError
from delibgraph.store import EndpointConfig, EndpointStore, Term
from delibgraph.store.sparqltext import check_query, values_clause, with_prefixes
from delibgraph.vocab import XSD

ENV = {"DELIBGRAPH_ENDPOINT_USER": "alice", "DELIBGRAPH_ENDPOINT_PASSWORD": "s3cret:pw"}


def test_one_url_gives_the_three_services_as_oxigraph_lays_them_out() -> None:
    config = EndpointConfig.from_url("http://127.0.0.1:7878/", environ={})
    assert config.query_url == "http://127.0.0.1:7878/query"
    assert config.update_url == "http://127.0.0.1:7878/update"
    assert config.graph_store_url == "http://127.0.0.1:7878/store"
    assert config.user is None and config.password is None and config.auth == "basic"


def test_each_service_can_be_set_apart() -> None:
    config = EndpointConfig.from_url(
        "http://h:8890",
        query_url="http://h:8890/sparql-auth",
        update_url="http://h:8890/sparql-auth",
        graph_store_url="http://h:8890/sparql-graph-crud-auth",
        environ={**ENV, "DELIBGRAPH_ENDPOINT_AUTH": "Digest"},
    )
    assert config.update_url.endswith("/sparql-auth") and config.auth == "digest"
    assert config.graph_url("http://x/graph/a b#c") == (
        "http://h:8890/sparql-graph-crud-auth?graph=http%3A%2F%2Fx%2Fgraph%2Fa%20b%23c"
    )


def test_credentials_come_from_the_environment_only() -> None:
    config = EndpointConfig.from_url("http://h/", environ=ENV)
    assert (config.user, config.password) == ("alice", "s3cret:pw")
    assert "s3cret" not in repr(config)
    with pytest.raises(UsageError, match="credentials do not go in the URL"):
        EndpointConfig.from_url("http://bob:pw@h/", environ={})
    with pytest.raises(UsageError, match="PASSWORD"):
        EndpointConfig.from_url("http://h/", environ={"DELIBGRAPH_ENDPOINT_USER": "bob"})
    with pytest.raises(UsageError, match="basic or digest"):
        EndpointConfig.from_url("http://h/", environ={**ENV, "DELIBGRAPH_ENDPOINT_AUTH": "ntlm"})
    with pytest.raises(UsageError, match="http"):
        EndpointConfig.from_url("ftp://h/", environ={})


def test_missing_prefixes_are_declared_on_one_line() -> None:
    query = "PREFIX eli: <http://example.org/mine#>\nSELECT * WHERE { ?s eli:x ?o }"
    text = with_prefixes(query)
    first, rest = text.split("\n", 1)
    assert rest == query  # the query's own lines are untouched (line numbers shift by one)
    assert "PREFIX dlg: <https://w3id.org/delibgraph/ns#>" in first
    assert "PREFIX eli:" not in first  # declared by the query: its own IRI stands


def test_values_escape_every_term() -> None:
    clause = values_clause(
        {
            "name": Term.literal('a" } ; DROP ALL ; #\n', language="fr"),
            "n": Term.literal("3", datatype=str(XSD.integer)),
            "body": Term.iri("http://example.org/b"),
        }
    )
    assert clause.strip() == (
        'VALUES (?name ?n ?body) { ("a\\" } ; DROP ALL ; #\\n"@fr '
        '"3"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/b>) }'
    )
    with pytest.raises(QueryError):
        values_clause({"x y": Term.iri("http://a/")})
    with pytest.raises(QueryError):
        values_clause({"x": Term("bnode", "b0")})
    with pytest.raises(QueryError):
        values_clause({"x": Term.iri("not an iri")})


def test_queries_are_checked_before_they_are_sent() -> None:
    assert check_query("SELECT ?s WHERE { ?s ?p ?o }") == "SELECT"
    assert check_query("ASK { ?s ?p ?o }") == "ASK"
    assert check_query("CONSTRUCT WHERE { ?s ?p ?o }") == "CONSTRUCT"
    assert check_query("DESCRIBE <http://a/>") == "CONSTRUCT"
    with pytest.raises(QueryError) as caught:
        check_query("SELECT ?x\nWHERE { ?x ?p }")
    assert caught.value.line == 2
    with pytest.raises(QueryError, match="projection"):
        check_query("SELECT ?x WHERE { ?x ?p ?o }", {"y": Term.iri("http://a/")})


# ------------------------------------------------------------------ what goes over the wire


class _Recorder(BaseHTTPRequestHandler):
    requests: ClassVar[list[tuple[str, str, dict[str, str], bytes]]] = []

    def _record(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.requests.append((self.command, self.path, dict(self.headers), body))
        return body

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        body = self._record()
        form = urllib.parse.parse_qs(body.decode())
        if self.headers.get("Authorization") is None:
            self._send(401, b"who are you", "text/plain")
        elif "query" in form and "ASK" in form["query"][0]:
            self._send(200, json.dumps({"boolean": False}).encode(), "application/json")
        elif "query" in form:
            answer = {
                "head": {"vars": ["n", "label", "t"]},
                "results": {"bindings": [{
                    "n": {"type": "typed-literal", "value": "3", "datatype": str(XSD.integer)},
                    "label": {"type": "literal", "value": "thème", "xml:lang": "fr"},
                }]},
            }  # fmt: skip
            self._send(200, json.dumps(answer).encode(), "application/sparql-results+json")
        else:
            self._send(200, b"", "text/plain")

    def do_PUT(self) -> None:
        self._record()
        self._send(201, b"", "text/plain")

    def log_message(self, format: str, *args: object) -> None:
        return None


@pytest.fixture
def recorder() -> Iterator[str]:
    _Recorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_basic_credentials_go_with_every_request(recorder: str) -> None:
    from rdflib import URIRef

    store = EndpointStore(EndpointConfig.from_url(recorder, environ=ENV))
    result = store.query("SELECT ?n ?label ?t WHERE { ?s ?p ?n }")
    assert result.records() == [{"n": 3, "label": "thème", "t": None}]
    lang_string = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    assert result.rows[0][1] == Term.literal("thème", datatype=lang_string, language="fr")
    store.replace_graph("http://example.org/g", [(URIRef("http://a/"), URIRef("http://b/"),
                                                  URIRef("http://c/"))])  # fmt: skip
    expected = "Basic " + base64.b64encode(b"alice:s3cret:pw").decode()
    methods = [(method, path.split("?")[0]) for method, path, _, _ in _Recorder.requests]
    assert methods == [("POST", "/query"), ("POST", "/query"), ("PUT", "/store"),
                       ("POST", "/update")]  # fmt: skip
    for _, _, headers, _ in _Recorder.requests:
        assert headers.get("Authorization") == expected
    put = _Recorder.requests[2]
    assert "graph=urn%3Adelibgraph%3Astaging%3A" in put[1]  # staged, then moved
    assert put[3] == b"<http://a/> <http://b/> <http://c/> .\n"
    move = urllib.parse.parse_qs(_Recorder.requests[3][3].decode())["update"][0]
    assert move.startswith("MOVE SILENT GRAPH <urn:delibgraph:staging:")
    assert move.endswith("TO GRAPH <http://example.org/g>")


def test_refused_credentials_say_where_they_come_from(recorder: str) -> None:
    store = EndpointStore(EndpointConfig.from_url(recorder, environ={}))
    with pytest.raises(StoreError, match="DELIBGRAPH_ENDPOINT_USER"):
        store.replace_graph("http://example.org/g", [])
    with pytest.raises(StoreError, match="refused the credentials"):
        store.query("SELECT * WHERE { ?s ?p ?o }")


def test_an_unreachable_endpoint_is_a_store_error() -> None:
    store = EndpointStore(EndpointConfig.from_url("http://127.0.0.1:9", environ={}))
    with pytest.raises(StoreError, match="cannot reach"):
        store.graphs()
