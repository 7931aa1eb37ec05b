"""A store behind any SPARQL 1.1 endpoint (Oxigraph server, Virtuoso, Fuseki, GraphDB …).

Queries and updates go through SPARQLWrapper (SPARQL 1.1 Protocol, POST). A deliberation's
graph is written with the Graph Store HTTP Protocol, staged so that a failed write leaves the
old graph in place on every server: the new triples are ``PUT`` into a fresh staging graph,
then one update ``MOVE``s it onto the deliberation's graph (a ``PUT`` straight onto the graph is
not atomic everywhere: Virtuoso keeps what it parsed before a syntax error). A failed ``PUT``
drops the staging graph and leaves the target untouched.

Parameters are bound as a ``VALUES`` block (:mod:`delibgraph.store.sparqltext`), never pasted.
The usual prefixes (``dlg:``, ``eli:`` …) are declared for queries that leave them out.
"""

from __future__ import annotations

import contextlib
import io
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, BinaryIO

import pyoxigraph as ox
from SPARQLWrapper import BASIC, DIGEST, JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
)

from delibgraph.errors import QueryError, StoreError
from delibgraph.store.base import ClosesOnExit, ExportFormat, GraphData, RdfTriple
from delibgraph.store.convert import TermConverter, named_node, to_term
from delibgraph.store.embedded import dump_dataset
from delibgraph.store.remote import (
    EndpointConfig,
    HttpClient,
    http_error,
    server_message,
    unreachable,
)
from delibgraph.store.results import QueryResult, Row, Term
from delibgraph.store.sparqltext import QueryForm, check_query, values_clause, with_prefixes
from delibgraph.vocab import RDF, XSD

STAGING_PREFIX = "urn:delibgraph:staging:"
_RDF_CONTENT_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


class EndpointStore(ClosesOnExit):
    """A :class:`~delibgraph.store.base.Store` on a remote SPARQL 1.1 service."""

    def __init__(self, config: EndpointConfig) -> None:
        self.config = config
        self._http = HttpClient(config)

    # -- lifecycle (nothing is held open between requests)
    def close(self) -> None:
        return None

    # -- writing
    def replace_graph(self, graph_iri: str, triples: Iterable[RdfTriple]) -> bool:
        graph = named_node(graph_iri)
        # Everything is converted and serialised before the first request.
        body = ox.serialize(TermConverter().triples(triples), format=ox.RdfFormat.N_TRIPLES) or b""
        return self._write(graph, body)

    def replace_graphs(self, graphs: Sequence[GraphData]) -> list[bool]:
        existed: list[bool] = []
        for graph in graphs:
            name = named_node(graph.iri)
            try:
                triples = list(ox.parse(graph.ntriples, format=ox.RdfFormat.N_TRIPLES))
            except SyntaxError as exc:
                raise StoreError(
                    f"the data of the graph {graph.iri} is not valid N-Triples: {exc}"
                ) from exc
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            existed.append(self._write(name, body))
        return existed

    def _write(self, graph: ox.NamedNode, body: bytes) -> bool:
        existed = self.has_graph(graph.value)
        if not body.strip():
            self._update(f"DROP SILENT GRAPH {graph}")
            return existed
        staging = named_node(f"{STAGING_PREFIX}{uuid.uuid4()}")
        try:
            self._http.request(
                "PUT", self.config.graph_url(staging.value), body, content_type="text/turtle"
            )
            self._update(f"MOVE SILENT GRAPH {staging} TO GRAPH {graph}")
        except BaseException:
            self._drop_quietly(staging)
            raise
        return existed

    def _drop_quietly(self, graph: ox.NamedNode) -> None:
        # The endpoint is failing anyway: the first error is the one to report.
        with contextlib.suppress(StoreError):
            self._update(f"DROP SILENT GRAPH {graph}")

    def remove_graph(self, graph_iri: str) -> bool:
        graph = named_node(graph_iri)
        existed = self.has_graph(graph_iri)
        if existed:
            self._update(f"DROP SILENT GRAPH {graph}")
        return existed

    def _update(self, request: str) -> None:
        wrapper = self._wrapper()
        wrapper.setQuery(request)
        wrapper.queryType = request.split(None, 1)[0].upper()  # DROP or MOVE: our own requests
        try:
            wrapper.query().response.read()
        except (Unauthorized, EndPointNotFound) as exc:
            raise _refused(exc, self.config.update_url) from exc
        except SPARQLWrapperException as exc:
            raise StoreError(f"the endpoint refused an update: {_wrapper_message(exc)}") from exc
        except OSError as exc:
            raise unreachable(self.config.update_url, exc) from exc

    # -- reading
    def has_graph(self, graph_iri: str) -> bool:
        graph = named_node(graph_iri)
        return bool(self._raw_query(f"ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}", "ASK").boolean)

    def graphs(self) -> list[str]:
        result = self._raw_query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._mine('?g')} }}", "SELECT"
        )
        return sorted(row[0].value for row in result.rows if row[0] is not None)

    def triple_count(self) -> int:
        result = self._raw_query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._mine('?g')} }}",
            "SELECT",
        )
        term = result.rows[0][0] if result.rows else None
        return int(term.value) if term is not None else 0

    def _mine(self, variable: str) -> str:
        """A FILTER keeping the graphs of this store (and never a staging graph)."""
        if self.config.graph_prefix:
            prefix = ox.Literal(self.config.graph_prefix)
            return f"FILTER(STRSTARTS(STR({variable}), {prefix}))"
        return f'FILTER(!STRSTARTS(STR({variable}), "{STAGING_PREFIX}"))'

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        form = check_query(sparql, substitutions)
        text = with_prefixes(sparql.rstrip()) + values_clause(substitutions or {})
        return self._raw_query(text, form)

    def _raw_query(self, text: str, form: QueryForm | None = None) -> QueryResult:
        wrapper = self._wrapper()
        wrapper.setQuery(text)
        # SPARQLWrapper guesses the form with regular expressions that comments and IRIs with
        # "#" mislead (a query taken for an update goes to the update URL): say it.
        if form is not None:
            wrapper.queryType = form
        elif wrapper.isSparqlUpdateRequest():
            wrapper.queryType = "SELECT"
        graph_answer = wrapper.queryType in {"CONSTRUCT", "DESCRIBE"}
        wrapper.setReturnFormat(TURTLE if graph_answer else JSON)
        try:
            body, content_type = self._fetch(wrapper)
        except QueryBadFormed as exc:
            raise QueryError(f"the endpoint refused the query: {_wrapper_message(exc)}") from exc
        except SPARQLWrapperException as exc:
            raise QueryError(f"the query failed on the endpoint: {_wrapper_message(exc)}") from exc
        if graph_answer:
            return _triples_result(body, content_type)
        return _json_result(body)

    def _fetch(self, wrapper: SPARQLWrapper) -> tuple[bytes, str]:
        """Send a read request: the body and its content type. Refused credentials or a missing
        service and an unreachable endpoint become StoreErrors; other SPARQLWrapper errors are
        left to the caller, which knows what was asked."""
        try:
            response = wrapper.query().response
            return response.read(), str(response.headers.get("Content-Type") or "")
        except (Unauthorized, EndPointNotFound) as exc:
            raise _refused(exc, self.config.query_url) from exc
        except OSError as exc:
            raise unreachable(self.config.query_url, exc) from exc

    def _wrapper(self) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.config.query_url, updateEndpoint=self.config.update_url)
        wrapper.setMethod(POST)
        wrapper.setTimeout(int(self.config.timeout))
        if self.config.user is not None:
            wrapper.setCredentials(self.config.user, self.config.password or "")
            wrapper.setHTTPAuth(DIGEST if self.config.auth == "digest" else BASIC)
        return wrapper

    # -- export
    def export_graph(self, graph_iri: str, out: BinaryIO) -> int:
        graph = named_node(graph_iri)
        result = self._construct(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
        )
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in result]
        ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
        return len(quads)

    def _construct(self, text: str) -> list[ox.Triple]:
        wrapper = self._wrapper()
        wrapper.setQuery(text)
        wrapper.queryType = "CONSTRUCT"
        wrapper.setReturnFormat(TURTLE)
        try:
            body, content_type = self._fetch(wrapper)
        except SPARQLWrapperException as exc:
            raise StoreError(f"the endpoint refused an export: {_wrapper_message(exc)}") from exc
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in _parse_rdf(body, content_type, rename_blank_nodes=True)
        ]

    def export(self, format: ExportFormat, out: BinaryIO) -> None:
        """N-Quads streams graph by graph; TriG and Turtle are assembled in memory first."""
        if format == "nquads":
            for graph in self.graphs():
                self.export_graph(graph, out)
            return
        dataset = ox.Store()
        for graph in self.graphs():
            buffer = io.BytesIO()
            self.export_graph(graph, buffer)
            dataset.load(buffer.getvalue(), ox.RdfFormat.N_QUADS)
        dump_dataset(dataset, format, out, where=self.config.query_url)


def _refused(exc: SPARQLWrapperException, url: str) -> StoreError:
    if isinstance(exc, Unauthorized):
        return http_error(401, b"", f"POST {url}")
    return StoreError(f"no SPARQL service at {url} (HTTP 404): check the endpoint's URLs")


def _wrapper_message(exc: SPARQLWrapperException) -> str:
    text = str(exc)
    _, _, detail = text.partition("Response:")
    raw = detail.strip()
    if raw.startswith(("b'", 'b"')):
        raw = raw[2:-1].encode("latin-1", errors="replace").decode("unicode_escape", "replace")
    return server_message(raw.encode("utf-8", errors="replace")) if raw else text


def _parse_rdf(body: bytes, content_type: str, *, rename_blank_nodes: bool) -> list[ox.Quad]:
    media = content_type.split(";")[0].strip().lower()
    rdf_format = _RDF_CONTENT_TYPES.get(media, ox.RdfFormat.TURTLE)
    try:
        return list(ox.parse(body, format=rdf_format, rename_blank_nodes=rename_blank_nodes))
    except SyntaxError as exc:
        raise StoreError(f"the endpoint sent RDF that does not parse ({media}): {exc}") from exc


def _triples_result(body: bytes, content_type: str) -> QueryResult:
    quads = _parse_rdf(body, content_type, rename_blank_nodes=False)
    return QueryResult(
        ("subject", "predicate", "object"),
        tuple((to_term(q.subject), to_term(q.predicate), to_term(q.object)) for q in quads),
    )


def _json_result(body: bytes) -> QueryResult:
    try:
        answer: dict[str, Any] = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise QueryError(f"the endpoint did not answer in SPARQL JSON: {exc}") from exc
    if "boolean" in answer:
        value = bool(answer["boolean"])
        return QueryResult(("ask",), ((Term.literal(str(value).lower()),),), boolean=value)
    variables = tuple(str(v) for v in answer.get("head", {}).get("vars", []))
    rows: list[Row] = []
    for binding in answer.get("results", {}).get("bindings", []):
        rows.append(tuple(_json_term(binding.get(name)) for name in variables))
    return QueryResult(variables, tuple(rows))


def _json_term(value: dict[str, Any] | None) -> Term | None:
    """One SPARQL JSON term, as the embedded store gives it (plain literals are xsd:string)."""
    if value is None:
        return None
    kind = value.get("type")
    text = str(value.get("value", ""))
    if kind == "uri":
        return Term.iri(text)
    if kind == "bnode":
        return Term("bnode", text)
    if kind in {"literal", "typed-literal"}:
        language = value.get("xml:lang")
        if language:
            return Term.literal(text, datatype=_LANG_STRING, language=str(language))
        return Term.literal(text, datatype=str(value.get("datatype") or _XSD_STRING))
    if kind == "triple":
        return Term("triple", json.dumps(value.get("value"), sort_keys=True))
    raise QueryError(f"the endpoint answered a term of unknown type {kind!r}")


__all__ = ["STAGING_PREFIX", "EndpointConfig", "EndpointStore", "http_error"]
