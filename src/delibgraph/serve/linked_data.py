"""Dereferencing: every IRI delibgraph mints under the base answers at its own path.

``GET {base}eli/…`` and ``GET {base}id/…`` (acts, expressions, formats, decisions, versions,
authorities, bodies, persons, séances, vote events …) give the resource's description
(:mod:`delibgraph.serve.describe`) as Turtle, JSON-LD, N-Triples or RDF/XML, or an HTML page:
the deliberation, person and séance pages for those, a generic page for the others.
``?format=`` overrides ``Accept``. 404 when the store says nothing about the IRI, 406 when no
offered format is acceptable.

``GET {base}graph/…`` gives a whole named graph (one deliberation's, or the version log) in an
RDF format.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from delibgraph.errors import StoreError
from delibgraph.publish.rdfterms import graph_from_triples
from delibgraph.vocab import ELI, PERSON, SCHEMA

from . import describe as describing
from .browse import resource_page
from .errors import error_response, not_acceptable
from .negotiation import HTML, RDF_FORMATS, negotiate
from .page_data import deliberation_view, iri_ref, person_view, seance_view
from .pages import deliberation_page, person_page, seance_page
from .rdfout import rdf_response
from .state import ServerState, server_state

OFFERS = (*RDF_FORMATS, HTML)


def requested_iri(request: Request, state: ServerState) -> str:
    """The IRI a request dereferences: the base followed by the request's path."""
    return state.root + request.url.path.lstrip("/")


async def dereference(request: Request) -> Response:
    state = server_state(request)
    iri = requested_iri(request, state)
    try:
        graph = await run_in_threadpool(describing.describe, state.store, iri)
    except StoreError:
        graph = None
    if graph is None or not any(True for _ in graph.triples((None, None, None))):
        return error_response(request, 404, f"delibgraph knows nothing about <{iri}>")
    chosen = negotiate(request, OFFERS)
    if chosen is None:
        return not_acceptable(request, OFFERS)
    if chosen is not HTML:
        return rdf_response(graph, chosen)
    return await run_in_threadpool(_html, state, iri)


_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH $g { ?s ?p ?o } }"


async def named_graph(request: Request) -> Response:
    state = server_state(request)
    iri = requested_iri(request, state)
    try:
        known = state.store.has_graph(iri)
    except StoreError:
        known = False
    if not known:
        return error_response(request, 404, f"there is no named graph <{iri}>")
    chosen = negotiate(request, RDF_FORMATS)
    if chosen is None:
        return not_acceptable(request, RDF_FORMATS)
    query = _GRAPH.replace("$g", iri_ref(iri))
    result = await run_in_threadpool(state.store.query, query)
    return rdf_response(graph_from_triples(result), chosen)


def _html(state: ServerState, iri: str) -> Response:
    store, root, info = state.store, state.root, state.info
    types = describing.types_of(store, iri)
    if str(ELI.LegalResource) in types:
        view = deliberation_view(store, iri)
        if view is not None:
            return deliberation_page(root, info, view, state.versions_of(iri))
    if str(PERSON.Person) in types:
        person = person_view(store, iri)
        if person is not None:
            return person_page(root, info, person)
    if str(SCHEMA.Event) in types:
        seance = seance_view(store, iri)
        if seance is not None:
            return seance_page(root, info, seance)
    return resource_page(
        root,
        info,
        iri,
        types,
        describing.statements(store, iri),
        describing.incoming(store, iri),
    )
