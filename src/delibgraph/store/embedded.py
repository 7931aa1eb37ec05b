"""The embedded store: Oxigraph (RocksDB) in a folder on disk.

Replacing a graph is one SPARQL UPDATE request, ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH
<g> { … } }``, which Oxigraph applies as one transaction: readers see the old graph or the new
one, never a mix, and a failure leaves the old graph in place. The triples are converted to
Oxigraph terms and written by Oxigraph's own N-Triples serialiser, so every IRI and literal is
checked and escaped before the request is built.

A batch of new graphs (:meth:`EmbeddedStore.replace_graphs`) goes through Oxigraph's bulk
loader, several times faster than a transaction, guarded by an intent journal
(:mod:`delibgraph.store.journal`): a load cut short is rolled back, at once or when the store is
next opened. The workers' N-Triples lines become N-Quads by adding the graph's name to each
line, so the data is parsed once, by Oxigraph, without Python objects per triple. Graphs that
already exist are always replaced in a transaction.

Only one process can open a store folder at a time (RocksDB holds a lock on it).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from delibgraph.errors import QueryError, StoreError
from delibgraph.store.base import EXPORT_FORMATS, ClosesOnExit, ExportFormat, GraphData, RdfTriple
from delibgraph.store.convert import TermConverter, from_term, named_node, to_term
from delibgraph.store.journal import PendingJournal
from delibgraph.store.results import QueryResult, Row, Term
from delibgraph.vocab import PREFIXES

_SYNTAX_AT = re.compile(r"error at (\d+):(\d+):?\s*")
_RDF_FORMATS: dict[ExportFormat, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
}
_DISTINCT_UNION = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def syntax_error(exc: SyntaxError, what: str) -> QueryError:
    """A pyoxigraph ``SyntaxError`` ("error at 3:14: expected …") as a located QueryError."""
    message = str(exc)
    match = _SYNTAX_AT.search(message)
    if match is None:
        return QueryError(f"malformed {what}: {message}")
    reason = message[match.end() :] or message
    return QueryError(f"malformed {what}: {reason}", line=int(match[1]), column=int(match[2]))


class OxigraphReader(ClosesOnExit):
    """The reading side of the :class:`delibgraph.store.Store` protocol over one Oxigraph
    database: shared by the embedded store and the server's read-only view of it."""

    path: Path

    @property
    def _db(self) -> ox.Store:
        raise NotImplementedError

    def has_graph(self, graph_iri: str) -> bool:
        return bool(self._db.contains_named_graph(named_node(graph_iri)))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._db.named_graphs() if isinstance(g, ox.NamedNode))

    def triple_count(self) -> int:
        return len(self._db)

    def query(self, sparql: str, *, substitutions: Mapping[str, Term] | None = None) -> QueryResult:
        bindings: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
            ox.Variable(name): from_term(term) for name, term in (substitutions or {}).items()
        }
        try:
            answer = self._db.query(
                sparql.rstrip(),  # Oxigraph reports errors at the furthest point it read
                prefixes=PREFIXES,
                use_default_graph_as_union=True,
                substitutions=bindings or None,
            )
            return collect(answer)
        except SyntaxError as exc:
            raise syntax_error(exc, "SPARQL query") from exc
        except RuntimeError as exc:  # e.g. a substituted variable that is not projected
            raise QueryError(f"the query cannot run: {exc}") from exc
        except OSError as exc:
            raise QueryError(f"the query failed: {exc}") from exc

    def export_graph(self, graph_iri: str, out: BinaryIO) -> int:
        quads = list(self._db.quads_for_pattern(None, None, None, named_node(graph_iri)))
        try:
            ox.serialize(quads, out, ox.RdfFormat.N_QUADS)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise StoreError(f"exporting the graph {graph_iri} failed: {exc}") from exc
        return len(quads)

    def export(self, format: ExportFormat, out: BinaryIO) -> None:
        dump_dataset(self._db, format, out, where=str(self.path))


class EmbeddedStore(OxigraphReader):
    """An Oxigraph store on disk (created when the folder does not exist)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"the store path {self.path} is a file, not a folder")
        if _is_foreign_folder(self.path):
            raise StoreError(
                f"{self.path} is not a delibgraph store (a folder with other files): "
                "give a new or an existing store folder"
            )
        try:
            self._store: ox.Store | None = ox.Store(str(self.path))
        except OSError as exc:
            raise _open_error(self.path, exc) from exc
        self._journal = PendingJournal(self.path)
        self._roll_back(self._journal.pending())

    # -- lifecycle
    @property
    def _db(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"the store {self.path} is closed")
        return self._store

    def close(self) -> None:
        """Flush and release the folder's lock."""
        if self._store is not None:
            try:
                self._store.flush()
            finally:
                self._store = None  # dropping the last reference closes RocksDB

    # -- writing
    def replace_graph(self, graph_iri: str, triples: Iterable[RdfTriple]) -> bool:
        graph = named_node(graph_iri)
        # Convert and serialise everything first: a bad term or a failing source raises here,
        # before anything is written.
        body = ox.serialize(TermConverter().triples(triples), format=ox.RdfFormat.N_TRIPLES) or b""
        existed = self._db.contains_named_graph(graph)
        request = (
            f"DROP SILENT GRAPH {graph} ;\n"
            f"INSERT DATA {{ GRAPH {graph} {{\n{body.decode('utf-8')}}} }}"
        )
        self._update(request)
        return existed

    def replace_graphs(self, graphs: Sequence[GraphData]) -> list[bool]:
        """Existing graphs are replaced one transaction each; new ones are bulk-loaded together
        under the journal. Nothing is written when any graph's data does not parse."""
        if len({g.iri for g in graphs}) < len(graphs):  # a graph twice: keep the order exact
            parsed = [(named_node(g.iri), _parse_ntriples(g)) for g in graphs]
            return [self._replace_parsed(name, triples) for name, triples in parsed]
        existed = [bool(self._db.contains_named_graph(named_node(g.iri))) for g in graphs]
        replacing = [  # parsed (and so checked) before anything is written
            (named_node(g.iri), _parse_ntriples(g))
            for g, was_there in zip(graphs, existed, strict=True)
            if was_there
        ]
        self._bulk_load([g for g, was_there in zip(graphs, existed, strict=True) if not was_there])
        for name, triples in replacing:
            self._replace_parsed(name, triples)
        return existed

    def _replace_parsed(self, graph: ox.NamedNode, triples: list[ox.Triple]) -> bool:
        existed = bool(self._db.contains_named_graph(graph))
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        self._update(
            f"DROP SILENT GRAPH {graph} ;\n"
            f"INSERT DATA {{ GRAPH {graph} {{\n{body.decode('utf-8')}}} }}"
        )
        return existed

    def _bulk_load(self, graphs: list[GraphData]) -> None:
        """Load new graphs in one call to Oxigraph's bulk loader, which parses the data itself.
        Data in the line-per-triple form Oxigraph and :class:`TermConverter` write becomes
        N-Quads by adding the graph's name to each line; any other form is parsed here first."""
        if not graphs:
            return
        payload = b"".join(map(_as_nquads, graphs))
        names = [g.iri for g in graphs]
        self._journal.begin(names)
        try:
            self._db.bulk_load(input=payload, format=ox.RdfFormat.N_QUADS)
        except SyntaxError:
            self._roll_back(names)
            for graph in graphs:  # which one: its own error, with its name
                _parse_ntriples(graph)
            raise StoreError("the data of a graph of the batch is not valid N-Triples") from None
        except BaseException:
            self._roll_back(names)
            raise
        self._journal.end()

    def _roll_back(self, graph_iris: list[str]) -> None:
        """Remove the graphs of a bulk load that did not finish (they were all new)."""
        if not graph_iris:
            return
        for iri in graph_iris:
            self._db.remove_graph(named_node(iri))
        self._db.flush()
        self._journal.end()

    def remove_graph(self, graph_iri: str) -> bool:
        graph = named_node(graph_iri)
        existed = self._db.contains_named_graph(graph)
        if existed:
            self._update(f"DROP SILENT GRAPH {graph}")
        return existed

    def _update(self, request: str) -> None:
        try:
            self._db.update(request)
        except SyntaxError as exc:  # our own request: a bug, not the user's query
            raise StoreError(f"the store refused an update: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"writing to the store {self.path} failed: {exc}") from exc


def dump_dataset(db: ox.Store, format: ExportFormat, out: BinaryIO, *, where: str) -> None:
    """Write ``db``: N-Quads or TriG keep the named graphs; Turtle writes their union."""
    if format not in _RDF_FORMATS:
        raise StoreError(
            f"unknown export format {format!r}; expected one of {', '.join(EXPORT_FORMATS)}"
        )
    rdf_format = _RDF_FORMATS[format]
    try:
        if format == "turtle":
            union = db.query(_DISTINCT_UNION, use_default_graph_as_union=True)
            if not isinstance(union, ox.QueryTriples):
                raise StoreError("the union of the graphs could not be built")
            ox.serialize(union, out, rdf_format, prefixes=PREFIXES)
        elif format == "trig":
            db.dump(out, rdf_format, prefixes=PREFIXES)
        else:
            db.dump(out, rdf_format)
    except BrokenPipeError:  # the reader went away (`export | head`): not a store failure
        raise
    except OSError as exc:
        raise StoreError(f"exporting the store {where} failed: {exc}") from exc


def collect(answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> QueryResult:
    """A whole pyoxigraph answer as a :class:`QueryResult`."""
    if isinstance(answer, ox.QueryBoolean):
        value = bool(answer)
        return QueryResult(("ask",), ((Term.literal(str(value).lower()),),), boolean=value)
    if isinstance(answer, ox.QueryTriples):
        return QueryResult(
            ("subject", "predicate", "object"),
            tuple((to_term(t.subject), to_term(t.predicate), to_term(t.object)) for t in answer),
        )
    variables = tuple(v.value for v in answer.variables)
    # Values repeat down a column (a body, a date, a currency): each is converted once. A
    # solution iterates over its values in the order of the variables.
    converted: dict[object, Term] = {}
    rows: list[Row] = []
    for solution in answer:
        row: list[Term | None] = []
        for value in solution:
            if value is None:
                row.append(None)
                continue
            term = converted.get(value)
            if term is None:
                term = converted[value] = to_term(value)
            row.append(term)
        rows.append(tuple(row))
    return QueryResult(variables, tuple(rows))


_COMMENT_START = re.compile(rb"[ \t.>]#")  # a "#" that may start a comment (or is in a literal)
_SUBJECT_BLANK = re.compile(rb"^_:", re.MULTILINE)
_OBJECT_BLANK = re.compile(rb" _:(\S+) \.$", re.MULTILINE)


def _as_nquads(graph: GraphData) -> bytes:
    """``graph``'s N-Triples as N-Quads in that graph: every line ends with " ." and holds one
    triple (no comment), so the name goes before that end; blank node labels get a prefix of
    their own, so that no two graphs share a blank node. Data in any other form is parsed and
    written again by Oxigraph (which also raises a located error when it does not parse)."""
    data = graph.ntriples
    lines = data.count(b"\n")
    if (
        not data.endswith(b" .\n")
        or data.count(b" .\n") != lines
        or _COMMENT_START.search(data) is not None
    ):
        quads = [ox.Quad(t.subject, t.predicate, t.object, named_node(graph.iri))
                 for t in _parse_ntriples(graph)]  # fmt: skip
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    if b"_:" in data:
        label = b"_:" + uuid.uuid4().hex.encode("ascii") + b"b"
        data = _SUBJECT_BLANK.sub(label, data)
        data = _OBJECT_BLANK.sub(b" " + label + rb"\1 .", data)
    return data.replace(b" .\n", f" {named_node(graph.iri)} .\n".encode())


def _parse_ntriples(graph: GraphData) -> list[ox.Triple]:
    try:
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in ox.parse(
                graph.ntriples, format=ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True
            )
        ]
    except SyntaxError as exc:
        raise StoreError(
            f"the data of the graph {graph.iri} is not valid N-Triples: {exc}"
        ) from exc


def _open_error(path: Path, exc: OSError) -> StoreError:
    message = str(exc)
    if "lock" in message.lower():
        return StoreError(
            f"the store {path} is in use by another process (its lock is held); "
            "wait for it to finish or use another --store"
        )
    return StoreError(f"cannot open the store {path}: {message}")


def _is_foreign_folder(path: Path) -> bool:
    """A non-empty folder that is not an Oxigraph store (RocksDB always writes ``CURRENT``)."""
    return path.is_dir() and not (path / "CURRENT").exists() and any(path.iterdir())
