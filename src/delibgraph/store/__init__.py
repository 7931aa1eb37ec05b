"""Triple stores: the :class:`Store` protocol and its embedded Oxigraph backend.

The embedded store lives in a folder: ``--store DIR`` on the command line, else the
``DELIBGRAPH_STORE`` environment variable, else ``./delibgraph-store``.
"""

from __future__ import annotations

import os
from pathlib import Path

from delibgraph.errors import StoreError
from delibgraph.store.base import EXPORT_FORMATS, ExportFormat, RdfTriple, Store
from delibgraph.store.embedded import EmbeddedStore
from delibgraph.store.results import PythonValue, QueryResult, Row, Term

__all__ = [
    "DEFAULT_STORE_DIR", "EXPORT_FORMATS", "STORE_ENV", "EmbeddedStore", "ExportFormat",
    "PythonValue", "QueryResult", "RdfTriple", "Row", "Store", "Term", "default_store_path",
    "open_store",
]  # fmt: skip

DEFAULT_STORE_DIR = "delibgraph-store"
STORE_ENV = "DELIBGRAPH_STORE"


def default_store_path() -> Path:
    """``$DELIBGRAPH_STORE`` when set, else ``./delibgraph-store``."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE_DIR)


def open_store(path: Path | str | None = None, *, create: bool = True) -> Store:
    """Open the embedded store at ``path`` (default :func:`default_store_path`).

    With ``create`` False, a missing store is a :class:`StoreError` rather than a new empty one
    (reading commands should not create stores by mistake).
    """
    location = Path(path) if path is not None else default_store_path()
    if not create and not location.exists():
        raise StoreError(
            f"no store at {location}: run `delibgraph ingest PATH --store {location}` first"
        )
    return EmbeddedStore(location)
