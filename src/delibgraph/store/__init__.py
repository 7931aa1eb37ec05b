"""Triple stores: the :class:`Store` protocol, the embedded Oxigraph backend and a backend for
any SPARQL 1.1 endpoint.

The embedded store lives in a folder: ``--store DIR`` on the command line, else the
``DELIBGRAPH_STORE`` environment variable, else ``./delibgraph-store``. A remote store is
``--endpoint URL`` (see :class:`EndpointConfig`; credentials from the environment only).
"""

from __future__ import annotations

import os
from pathlib import Path

from delibgraph.errors import StoreError
from delibgraph.store.base import EXPORT_FORMATS, ExportFormat, GraphData, RdfTriple, Store
from delibgraph.store.embedded import EmbeddedStore
from delibgraph.store.endpoint import EndpointStore
from delibgraph.store.remote import ENDPOINT_ENV, EndpointConfig
from delibgraph.store.results import PythonValue, QueryResult, Row, Term

__all__ = [
    "DEFAULT_STORE_DIR", "ENDPOINT_ENV", "EXPORT_FORMATS", "STORE_ENV", "EmbeddedStore",
    "EndpointConfig", "EndpointStore", "ExportFormat", "GraphData", "PythonValue", "QueryResult",
    "RdfTriple", "Row", "Store", "Term", "default_store_path", "open_store",
]  # fmt: skip

DEFAULT_STORE_DIR = "delibgraph-store"
STORE_ENV = "DELIBGRAPH_STORE"


def default_store_path() -> Path:
    """``$DELIBGRAPH_STORE`` when set, else ``./delibgraph-store``."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE_DIR)


def open_store(
    path: Path | str | None = None,
    *,
    create: bool = True,
    endpoint: EndpointConfig | None = None,
) -> Store:
    """The remote store at ``endpoint`` when given, else the embedded store at ``path``
    (default :func:`default_store_path`).

    With ``create`` False, a missing embedded store is a :class:`StoreError` rather than a new
    empty one (reading commands should not create stores by mistake).
    """
    if endpoint is not None:
        if path is not None:
            raise StoreError("give a store folder or an endpoint, not both")
        return EndpointStore(endpoint)
    location = Path(path) if path is not None else default_store_path()
    if not create and not location.exists():
        raise StoreError(
            f"no store at {location}: run `delibgraph ingest PATH --store {location}` first"
        )
    return EmbeddedStore(location)
