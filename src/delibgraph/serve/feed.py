"""``/feed``: the LDES event stream of act versions, and its pages ``/feed/{n}``.

Full pages never change (:mod:`delibgraph.publish.ldes`): they are served with
``Cache-Control: public, max-age=31536000, immutable``. The last page and the stream's
description are ``no-cache`` (revalidate each time). Every response has an ETag (a hash of
its bytes) and answers ``If-None-Match`` with 304, so a client that keeps what it fetched
downloads only the pages that changed.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from delibgraph.publish.ldes import page_graph, stream_graph

from .errors import error_response, not_acceptable
from .negotiation import RDF_FORMATS, negotiate
from .rdfout import cached_response, serialize
from .state import server_state

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


async def feed(request: Request) -> Response:
    state = server_state(request)
    chosen = negotiate(request, RDF_FORMATS)
    if chosen is None:
        return not_acceptable(request, RDF_FORMATS)
    graph = stream_graph(state.root, state.info, page_size=state.settings.feed_page_size)
    return cached_response(request, serialize(graph, chosen), chosen.content_type, REVALIDATE)


async def feed_page(request: Request) -> Response:
    state = server_state(request)
    index = request.path_params["index"]
    if not isinstance(index, int) or not 0 <= index < len(state.pages):
        return error_response(
            request, 404, f"the feed has pages 0 to {len(state.pages) - 1}, not {index}"
        )
    chosen = negotiate(request, RDF_FORMATS)
    if chosen is None:
        return not_acceptable(request, RDF_FORMATS)
    page = state.pages[index]
    body = serialize(page_graph(state.root, state.info, page), chosen)
    return cached_response(
        request, body, chosen.content_type, IMMUTABLE if page.full else REVALIDATE
    )
