"""``/catalog`` (DCAT-AP 3.0) and ``/.well-known/void`` (VoID), in every RDF format.

Both are built once at start-up (:mod:`delibgraph.serve.state`) from the store and the
published files; Turtle unless ``Accept`` or ``?format=`` asks for JSON-LD, N-Triples or
RDF/XML.
"""

from __future__ import annotations

from rdflib import Graph
from starlette.requests import Request
from starlette.responses import Response

from .errors import not_acceptable
from .negotiation import RDF_FORMATS, negotiate
from .rdfout import cached_response, serialize
from .state import server_state


def _graph_response(request: Request, graph: Graph) -> Response:
    chosen = negotiate(request, RDF_FORMATS)
    if chosen is None:
        return not_acceptable(request, RDF_FORMATS)
    return cached_response(request, serialize(graph, chosen), chosen.content_type, "no-cache")


async def catalog(request: Request) -> Response:
    return _graph_response(request, server_state(request).catalog)


async def void_description(request: Request) -> Response:
    return _graph_response(request, server_state(request).void)
