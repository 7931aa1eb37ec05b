"""What delibgraph needs from a triple store, whatever its backend.

One deliberation is one named graph. :meth:`Store.replace_graph` writes it whole or not at
all: the old graph is dropped and the new one inserted in one transaction. Queries see the
union of all named graphs as their default graph.

Backends: :class:`delibgraph.store.embedded.EmbeddedStore` (Oxigraph on disk) and
:class:`delibgraph.store.endpoint.EndpointStore` (any SPARQL 1.1 endpoint: queries and updates
over the SPARQL protocol, graphs written with the Graph Store HTTP Protocol). Both pass the
contract suite in ``tests/store_contract.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import BinaryIO, Literal, Protocol, Self, runtime_checkable

from rdflib.term import Node

from delibgraph.store.results import QueryResult, Term

ExportFormat = Literal["nquads", "turtle", "trig"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("nquads", "turtle", "trig")

RdfTriple = tuple[Node, Node, Node]


@dataclass(frozen=True, slots=True)
class GraphData:
    """One named graph serialised as N-Triples (UTF-8): what ingestion workers send back.

    ``ntriples`` is parsed (and so checked) by the store before anything is written.
    """

    iri: str
    ntriples: bytes


class ClosesOnExit:
    """``with store: …`` closes the store on the way out (a mixin for the backends)."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


@runtime_checkable
class Store(Protocol):
    """A quad store holding one named graph per deliberation."""

    def replace_graph(self, graph_iri: str, triples: Iterable[RdfTriple]) -> bool:
        """Make ``triples`` the whole content of ``graph_iri``, atomically.

        Returns ``True`` when a graph of that name existed before (it was replaced), ``False``
        when it is new. On any error the store is left as it was.
        """
        ...

    def replace_graphs(self, graphs: Sequence[GraphData]) -> list[bool]:
        """Replace each graph of a batch, each whole or not at all (a backend may group the
        batch into fewer writes). Returns, per graph, whether it existed before.

        A graph whose data does not parse raises :class:`delibgraph.errors.StoreError`; the
        graphs of the batch before it may have been written, none after it.
        """
        ...

    def remove_graph(self, graph_iri: str) -> bool:
        """Drop ``graph_iri``; ``True`` when it existed."""
        ...

    def has_graph(self, graph_iri: str) -> bool: ...

    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        ...

    def triple_count(self) -> int:
        """Triples summed over all graphs (a triple stated in two graphs counts twice)."""
        ...

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        """Run a SPARQL 1.1 query over the union of the graphs.

        ``substitutions`` binds variables (by name, without ``?``) before evaluation. A
        malformed query raises :class:`delibgraph.errors.QueryError` with line and column.
        """
        ...

    def export(self, format: ExportFormat, out: BinaryIO) -> None:
        """Write the store: N-Quads or TriG keep the named graphs; Turtle writes their union."""
        ...

    def export_graph(self, graph_iri: str, out: BinaryIO) -> int:
        """Write one named graph as N-Quads (graph name kept); returns the number of quads."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
