"""The ASGI application (Starlette) and ``delibgraph serve`` (uvicorn).

Routes (``{base}`` is the public root the store's IRIs were minted under):

======================================  =====================================================
``/``                                   home page: every deliberation, links to the services
``/query``                              SPARQL 1.1 Protocol (GET, POST); without a query: the
                                        service description (``sd:Service``)
``/sparql``                             query page (editor, library examples, table, CSV)
``/eli/…``, ``/id/…``                   dereferenceable IRIs: RDF or HTML by ``Accept``
``/graph/…``                            a named graph (one deliberation, the version log)
``/catalog``                            DCAT-AP 3.0 catalogue
``/.well-known/void``                   VoID description
``/feed``, ``/feed/{n}``                LDES event stream of act versions, its pages
``/dumps/``, ``/dumps/{file}``          N-Quads (gzip) and Turtle dumps, ``SHA256SUMS``
``/exports/deliberations.csv``          SCDL Délibérations CSV
======================================  =====================================================

Every response allows cross-origin requests (CORS ``*``, no credentials).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from delibgraph.errors import UsageError
from delibgraph.ids import default_base, normalise_base
from delibgraph.publish.ldes import DEFAULT_PAGE_SIZE
from delibgraph.publish.metadata import PublicationInfo

from .browse import home_page
from .catalog import catalog, void_description
from .dumps import dump_file, dumps_index, export_file
from .errors import error_response
from .feed import feed, feed_page
from .linked_data import dereference, named_graph
from .query_page import query_page
from .readonly import check_store_folder
from .sparql import query_endpoint
from .state import (
    DEFAULT_RESULT_LIMIT,
    DEFAULT_TIMEOUT,
    DEFAULT_WORKERS,
    ServeSettings,
    close_state,
    open_state,
    server_state,
)

__all__ = ["create_app", "run_server"]


async def home(request: Request) -> Response:
    state = server_state(request)
    return await run_in_threadpool(home_page, state.store, state.root, state.info)


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, f"no resource at {request.url.path}")


async def _method_not_allowed(request: Request, exc: Exception) -> Response:
    return error_response(request, 405, f"{request.method} is not allowed on {request.url.path}")


def create_app(
    store_path: Path,
    *,
    base: str,
    query_timeout: float = DEFAULT_TIMEOUT,
    result_limit: int = DEFAULT_RESULT_LIMIT,
    workers: int = DEFAULT_WORKERS,
    feed_page_size: int = DEFAULT_PAGE_SIZE,
    info: PublicationInfo | None = None,
    publish_dir: Path | None = None,
    record_versions: bool = True,
) -> Starlette:
    """The application serving ``store_path``; the store is opened when the app starts."""
    settings = ServeSettings(
        store_path=Path(store_path),
        base=normalise_base(base),
        query_timeout=query_timeout,
        result_limit=result_limit,
        workers=workers,
        feed_page_size=feed_page_size,
        info=info or PublicationInfo(),
        publish_dir=publish_dir,
        record_versions=record_versions,
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state = await run_in_threadpool(open_state, settings)
        app.state.delibgraph = state
        try:
            yield
        finally:
            await run_in_threadpool(close_state, state)

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/query", query_endpoint, methods=["GET", "POST"]),
        Route("/sparql", query_page, methods=["GET"]),
        Route("/catalog", catalog, methods=["GET"]),
        Route("/.well-known/void", void_description, methods=["GET"]),
        Route("/feed", feed, methods=["GET"]),
        Route("/feed/{index:int}", feed_page, methods=["GET"]),
        Route("/dumps/", dumps_index, methods=["GET"]),
        Route("/dumps/{name}", dump_file, methods=["GET"]),
        Route("/exports/{name}", export_file, methods=["GET"]),
        Route("/eli/{path:path}", dereference, methods=["GET"]),
        Route("/id/{path:path}", dereference, methods=["GET"]),
        Route("/graph/{path:path}", named_graph, methods=["GET"]),
    ]
    middleware = [
        Middleware(
            CORSMiddleware,
            allow_origins=["*"],
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["*"],
            expose_headers=["ETag", "Content-Type", "Link"],
            max_age=86400,
        )
    ]
    return Starlette(
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={404: _not_found, 405: _method_not_allowed},
    )


def run_server(
    store_path: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    base: str | None = None,
    query_timeout: float = DEFAULT_TIMEOUT,
    result_limit: int = DEFAULT_RESULT_LIMIT,
    workers: int = DEFAULT_WORKERS,
    info: PublicationInfo | None = None,
    record_versions: bool = True,
    log_level: str = "info",
) -> None:
    """Serve ``store_path`` on ``host:port`` until interrupted (``delibgraph serve``).

    ``base`` defaults to the same base as ``ingest`` (``$DELIBGRAPH_BASE``, else
    ``http://localhost:8000/``); it must be the base the store's IRIs were minted with
    (``delibgraph ingest --base``) for them to dereference.
    """
    check_store_folder(Path(store_path))
    if query_timeout <= 0 or result_limit < 1 or workers < 1:
        raise UsageError("--timeout, --limit and --workers must be positive")
    app = create_app(
        Path(store_path),
        base=base or default_base(),
        query_timeout=query_timeout,
        result_limit=result_limit,
        workers=workers,
        info=info,
        record_versions=record_versions,
    )
    logging.getLogger("delibgraph.serve").setLevel(log_level.upper())
    uvicorn.run(app, host=host, port=port, log_level=log_level, lifespan="on")
