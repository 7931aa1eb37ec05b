"""RDF documents as HTTP responses, in the negotiated format.

Documents are built as rdflib graphs and serialised by rdflib. N-Triples lines are sorted so
that a document's bytes (and the ETag derived from them) do not depend on insertion order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from rdflib import Graph
from starlette.requests import Request
from starlette.responses import Response

from .negotiation import JSONLD, NTRIPLES, RDF_FORMATS, RDFXML, TURTLE, Format

_RDFLIB_NAMES = {
    TURTLE.name: "turtle",
    NTRIPLES.name: "nt",
    JSONLD.name: "json-ld",
    RDFXML.name: "xml",
}


def serialize(graph: Graph, fmt: Format) -> bytes:
    """``graph`` in ``fmt`` (one of :data:`RDF_FORMATS`) as UTF-8 bytes."""
    name = _RDFLIB_NAMES[fmt.name]
    if name == "json-ld":
        text = graph.serialize(format="json-ld", auto_compact=True, indent=2)
    else:
        text = graph.serialize(format=name)
    if name == "nt":
        lines = sorted({line for line in text.splitlines() if line.strip()})
        text = "\n".join(lines) + ("\n" if lines else "")
    return text.encode("utf-8")


def etag_of(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def rdf_response(
    graph: Graph,
    fmt: Format,
    *,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """``graph`` serialised in ``fmt`` with its content type, ``Vary: Accept`` and an ETag."""
    body = serialize(graph, fmt)
    all_headers = {"Vary": "Accept", "ETag": etag_of(body), **(headers or {})}
    return Response(body, status_code=status, media_type=fmt.content_type, headers=all_headers)


def not_modified(request: Request, etag: str, headers: Mapping[str, str]) -> Response | None:
    """A 304 response when the client's ``If-None-Match`` holds ``etag``."""
    held = request.headers.get("if-none-match")
    if held is None:
        return None
    tags = {tag.strip().removeprefix("W/") for tag in held.split(",")}
    if etag in tags or "*" in tags:
        return Response(status_code=304, headers={"ETag": etag, **headers})
    return None


def cached_response(request: Request, body: bytes, content_type: str, cache: str) -> Response:
    """``body`` with an ETag (its hash) and ``Cache-Control: cache``; 304 when the client
    already holds it (``If-None-Match``)."""
    headers = {"Cache-Control": cache, "Vary": "Accept"}
    etag = etag_of(body)
    unchanged = not_modified(request, etag, headers)
    if unchanged is not None:
        return unchanged
    return Response(body, media_type=content_type, headers={**headers, "ETag": etag})


__all__ = [
    "RDF_FORMATS", "cached_response", "etag_of", "not_modified", "rdf_response", "serialize",
]  # fmt: skip
