"""The SPARQL 1.1 Protocol endpoint at ``/query``: read-only, with a deadline and a cap.

* ``GET /query?query=…`` and ``POST /query`` with a form (``query=…``) or an
  ``application/sparql-query`` body; ``default-graph-uri`` / ``named-graph-uri`` as the
  protocol defines them (without them the default graph is the union of the named graphs).
* Results by ``Accept`` (or ``?format=``): ``SELECT`` / ``ASK`` as SPARQL JSON, XML, CSV, TSV;
  ``CONSTRUCT`` / ``DESCRIBE`` as Turtle, N-Triples, JSON-LD, RDF/XML.
* Updates are refused with 403: an ``update=`` parameter, an ``application/sparql-update``
  body, or a ``query`` whose text is an update (INSERT, DELETE, LOAD, CLEAR …).
* Errors: 400 malformed query, 406 no acceptable format, 422 result larger than the cap,
  503 query stopped at the timeout (or every worker busy), 415 unknown body type.
* ``GET /query`` without a query: the service description (``sd:Service``) in RDF, or a
  redirect to the query page ``/sparql`` for a browser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from delibgraph.publish.rdfterms import graph_from_triples

from .errors import error_response, not_acceptable
from .negotiation import HTML, RDF_FORMATS, RESULTS_FORMATS, negotiate
from .rdfout import rdf_response
from .results import serialize_results
from .state import server_state
from .workers import QueryFailed, QueryRequest

MAX_BODY = 1 << 20
FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
_STATUS = {"syntax": 400, "too-large": 422, "timeout": 503, "busy": 503, "failed": 500}
_PROLOGUE_ITEM = re.compile(
    r"\s*(?:#[^\n]*(?:\n|$)|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)", re.IGNORECASE
)
_UPDATE_KEYWORD = re.compile(
    r"\s*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE
)


def is_update(text: str) -> bool:
    """True when ``text`` (after its comments and PREFIX / BASE declarations) is an update."""
    position = 0
    while match := _PROLOGUE_ITEM.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    return _UPDATE_KEYWORD.match(text, position) is not None


@dataclass(slots=True)
class ProtocolRequest:
    query: str | None = None
    update: str | None = None
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


class BadProtocolRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def read_protocol_request(request: Request) -> ProtocolRequest:
    """The query (or update) and dataset of a GET or POST request, as the protocol defines."""
    fields: dict[str, list[str]] = {
        k: request.query_params.getlist(k) for k in request.query_params
    }
    if request.method == "POST":
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        if len(body) > MAX_BODY:
            raise BadProtocolRequest(413, f"the request body is larger than {MAX_BODY} bytes")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadProtocolRequest(400, "the request body is not UTF-8") from exc
        if media_type == FORM:
            for key, values in parse_qs(text, keep_blank_values=True).items():
                fields.setdefault(key, []).extend(values)
        elif media_type == SPARQL_QUERY:
            fields.setdefault("query", []).append(text)
        elif media_type == SPARQL_UPDATE:
            fields.setdefault("update", []).append(text)
        else:
            raise BadProtocolRequest(
                415,
                f"unsupported body type {media_type or '(none)'}: send {FORM} or {SPARQL_QUERY}",
            )
    queries, updates = fields.get("query", []), fields.get("update", [])
    if len(queries) > 1 or len(updates) > 1:
        raise BadProtocolRequest(400, "give exactly one query")
    return ProtocolRequest(
        query=queries[0] if queries else None,
        update=updates[0] if updates else None,
        default_graphs=fields.get("default-graph-uri", []),
        named_graphs=fields.get("named-graph-uri", []),
    )


READ_ONLY = (
    "this endpoint is read-only: SPARQL updates are refused. Load data with "
    "`delibgraph ingest` while the server is stopped."
)


async def query_endpoint(request: Request) -> Response:
    state = server_state(request)
    try:
        protocol = await read_protocol_request(request)
    except BadProtocolRequest as exc:
        return error_response(request, exc.status, exc.message)
    if protocol.update is not None or (protocol.query is not None and is_update(protocol.query)):
        return error_response(request, 403, READ_ONLY)
    if protocol.query is None:
        return service_description(request)
    if not protocol.query.strip():
        return error_response(request, 400, "the query is empty")
    if negotiate(request, RESULTS_FORMATS + RDF_FORMATS) is None:
        return not_acceptable(request, RESULTS_FORMATS + RDF_FORMATS)
    query = QueryRequest(
        protocol.query, tuple(protocol.default_graphs), tuple(protocol.named_graphs)
    )
    try:
        answer = await run_in_threadpool(state.pool.run, query)
    except QueryFailed as failure:
        return error_response(request, _STATUS[failure.kind], failure.message)
    if answer.kind == "graph":
        rdf_format = negotiate(request, RDF_FORMATS)
        if rdf_format is None:
            return not_acceptable(request, RDF_FORMATS)
        return rdf_response(graph_from_triples(answer.result), rdf_format)
    results_format = negotiate(request, RESULTS_FORMATS)
    if results_format is None:
        return not_acceptable(request, RESULTS_FORMATS)
    return Response(
        serialize_results(answer.result, results_format),
        media_type=results_format.content_type,
        headers={"Vary": "Accept"},
    )


def service_description(request: Request) -> Response:
    """The ``sd:Service`` in RDF; a browser asking for HTML goes to the query page."""
    state = server_state(request)
    chosen = negotiate(request, (*RDF_FORMATS, HTML))
    if chosen is None:
        return not_acceptable(request, RDF_FORMATS)
    if chosen is HTML:
        return RedirectResponse(f"{state.root}sparql", status_code=303)
    return rdf_response(state.service, chosen)
