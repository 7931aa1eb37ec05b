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
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self

import pyoxigraph as ox

from delibgraph.errors import QueryError, StoreError
from delibgraph.store import EXPORT_FORMATS, ExportFormat, QueryResult, RdfTriple, Row, Term
from delibgraph.store.base import GraphData
from delibgraph.store.convert import from_term, named_node, to_term
from delibgraph.store.embedded import syntax_error
from delibgraph.vocab import PREFIXES

LOCK_FILE = "LOCK"
_RDF_FORMATS: dict[ExportFormat, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
}
_DISTINCT_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


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


class ReadOnlyStore:
    """A :class:`delibgraph.store.Store` over a read-only Oxigraph; writing raises StoreError."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._db: ox.Store | None = open_read_only(self.path)

    @property
    def db(self) -> ox.Store:
        if self._db is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._db

    # -- refused writes
    def replace_graph(self, graph_iri: str, triples: Iterable[RdfTriple]) -> bool:
        raise StoreError(f"the store {self.path} is open read-only: cannot replace {graph_iri}")

    def replace_graphs(self, graphs: Sequence[GraphData]) -> list[bool]:
        raise StoreError(f"the store {self.path} is open read-only: cannot replace graphs")

    def remove_graph(self, graph_iri: str) -> bool:
        raise StoreError(f"the store {self.path} is open read-only: cannot remove {graph_iri}")

    # -- reading
    def has_graph(self, graph_iri: str) -> bool:
        return bool(self.db.contains_named_graph(named_node(graph_iri)))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.db.named_graphs() if isinstance(g, ox.NamedNode))

    def triple_count(self) -> int:
        return len(self.db)

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        bindings: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(name): from_term(term) for name, term in (substitutions or {}).items()
        }
        try:
            answer = self.db.query(
                sparql.rstrip(),
                prefixes=PREFIXES,
                use_default_graph_as_union=True,
                substitutions=bindings or None,
            )
            return collect(answer)
        except SyntaxError as exc:
            raise syntax_error(exc, "SPARQL query") from exc
        except (RuntimeError, OSError) as exc:
            raise QueryError(f"the query failed: {exc}") from exc

    def export_graph(self, graph_iri: str, out: BinaryIO) -> int:
        quads = list(self.db.quads_for_pattern(None, None, None, named_node(graph_iri)))
        try:
            ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
        except OSError as exc:
            raise StoreError(f"exporting the graph {graph_iri} failed: {exc}") from exc
        return len(quads)

    def export(self, format: ExportFormat, out: BinaryIO) -> None:
        if format not in _RDF_FORMATS:
            raise StoreError(
                f"unknown export format {format!r}; expected one of {', '.join(EXPORT_FORMATS)}"
            )
        try:
            if format == "turtle":
                union = self.db.query(_DISTINCT_UNION, use_default_graph_as_union=True)
                if not isinstance(union, ox.QueryTriples):
                    raise StoreError("the union of the graphs could not be built")
                ox.serialize(union, out, _RDF_FORMATS[format], prefixes=PREFIXES)
            elif format == "trig":
                self.db.dump(out, _RDF_FORMATS[format], prefixes=PREFIXES)
            else:
                self.db.dump(out, _RDF_FORMATS[format])
        except OSError as exc:
            raise StoreError(f"exporting the store {self.path} failed: {exc}") from exc

    # -- lifecycle
    def close(self) -> None:
        self._db = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def collect(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    """A whole pyoxigraph answer as a :class:`QueryResult` (for the server's own queries)."""
    if isinstance(answer, ox.QueryBoolean):
        value = bool(answer)
        return QueryResult(("ask",), ((Term.literal(str(value).lower()),),), boolean=value)
    if isinstance(answer, ox.QueryTriples):
        return QueryResult(
            ("subject", "predicate", "object"),
            tuple((to_term(t.subject), to_term(t.predicate), to_term(t.object)) for t in answer),
        )
    variables = tuple(v.value for v in answer.variables)
    rows: list[Row] = []
    for solution in answer:
        rows.append(tuple(_bound(solution[name]) for name in variables))
    return QueryResult(variables, tuple(rows))


def _bound(value: object) -> Term | None:
    return to_term(value) if value is not None else None
