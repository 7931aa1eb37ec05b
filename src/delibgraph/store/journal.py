"""The intent journal that makes the embedded store's bulk writes whole-or-nothing.

Oxigraph's bulk loader is several times faster than a transaction but is not one: a crash
halfway leaves part of the data. The embedded store bulk-loads only graphs that did not exist,
and first writes their names to ``STORE/delibgraph-pending.json`` (flushed to disk). The
journal is removed once the load returned. When a store is opened with a journal left behind
(the process died during a load), the graphs it lists are removed: they were new, so removing
them restores the store as it was before that batch.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from delibgraph.errors import StoreError

JOURNAL_NAME = "delibgraph-pending.json"


class PendingJournal:
    """The list of graphs a bulk load is writing, kept in the store's folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL_NAME

    def begin(self, graph_iris: Sequence[str]) -> None:
        """Record ``graph_iris`` durably before the load starts."""
        data = json.dumps({"graphs": list(graph_iris)}).encode("utf-8")
        try:
            with open(self.path, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise StoreError(f"cannot write the journal {self.path}: {exc}") from exc

    def end(self) -> None:
        """The load is over (done or rolled back): forget it."""
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot remove the journal {self.path}: {exc}") from exc

    def pending(self) -> list[str]:
        """The graphs of an unfinished load, or ``[]``."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StoreError(f"cannot read the journal {self.path}: {exc}") from exc
        try:
            graphs = json.loads(raw.decode("utf-8"))["graphs"]
        except (ValueError, KeyError, TypeError):
            return []  # torn while being written: the load had not started
        return [g for g in graphs if isinstance(g, str)]
