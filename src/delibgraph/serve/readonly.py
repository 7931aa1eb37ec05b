"""The store as the server sees it: opened read-only, with its lock held.

While ``delibgraph serve`` runs, the data does not change: the server takes the store
folder's lock file (``LOCK``, the very lock RocksDB takes for a writer, an ``fcntl`` lock) so
that ``delibgraph ingest`` refuses to open the store ("in use by another process") instead of
writing under the readers' feet. Every reader, the server process and each query worker
process, opens the folder with :meth:`pyoxigraph.Store.read_only`, which takes no lock.
To load new deliberations: stop the server, ingest, start it again.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from delibgraph.errors import StoreError
from delibgraph.store import RdfTriple
from delibgraph.store.base import GraphData
from delibgraph.store.embedded import OxigraphReader

LOCK_FILE = "LOCK"

def check_store_folder(path: Path) -> None:
    """Raise :class:`StoreError` unless ``path`` is an existing store folder."""
    if not path.is_dir() or not (path / "CURRENT").is_file():
        raise StoreError(f"no store at {path}: run `delibgraph ingest PATH --store {path}` first")


class StoreLock:
    """Holds a store folder's writer lock so that no other process writes while we read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        check_store_folder(self.path)
        fd = os.open(self.path / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise StoreError(
                f"the store {self.path} is in use by another process (its lock is held); "
                "wait for it to finish or use another --store"
            ) from exc
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None


def open_read_only(path: Path) -> ox.Store:
    """The store folder opened read-only (no lock taken)."""
    check_store_folder(path)
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the store {path} read-only: {exc}") from exc


class ReadOnlyStore(OxigraphReader):
    """A :class:`delibgraph.store.Store` over a read-only Oxigraph; writing raises StoreError."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._database: ox.Store | None = open_read_only(self.path)

    @property
    def _db(self) -> ox.Store:
        if self._database is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._database

    def close(self) -> None:
        self._database = None

    # -- refused writes
    def replace_graph(self, graph_iri: str, triples: Iterable[RdfTriple]) -> bool:
        raise StoreError(f"the store {self.path} is open read-only: cannot replace {graph_iri}")

    def replace_graphs(self, graphs: Sequence[GraphData]) -> list[bool]:
        raise StoreError(f"the store {self.path} is open read-only: cannot replace graphs")

    def remove_graph(self, graph_iri: str) -> bool:
        raise StoreError(f"the store {self.path} is open read-only: cannot remove {graph_iri}")
