"""The query worker process: ``python -m delibgraph.serve.query_worker FD STORE LIMIT``
(the pool starts it through :func:`main`).

Started by :class:`delibgraph.serve.workers.QueryPool`. It opens the store read-only, says it
is ready, then answers one request after another on the socket ``FD`` (a
:class:`multiprocessing.connection.Connection`): a request is ``(query, default graphs, named
graphs)``, an answer ``("ok", kind, variables, rows, boolean)`` or ``("error", kind, text)``.
It reads an answer lazily and stops past ``LIMIT`` rows or triples. It ignores SIGINT (the
server stops it) and exits when the server closes the socket.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence
from multiprocessing.connection import Connection

import pyoxigraph as ox

from delibgraph.store.convert import to_term
from delibgraph.store.embedded import syntax_error
from delibgraph.vocab import PREFIXES

WireTerm = tuple[str, str, str | None, str | None]
WireRow = tuple[WireTerm | None, ...]
Request = tuple[str, tuple[str, ...], tuple[str, ...]]


def serve_requests(conn: Connection, store_path: str, limit: int) -> None:
    """Open the store read-only, then answer requests until the socket closes."""
    try:
        db = ox.Store.read_only(store_path)
    except OSError as exc:
        conn.send(("fatal", f"cannot open the store {store_path} read-only: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        conn.send(execute(db, request, limit))


def execute(db: ox.Store, request: Request, limit: int) -> tuple[object, ...]:
    """Run one query; ``("ok", kind, variables, rows, boolean)`` or ``("error", kind, text)``."""
    query, default_graphs, named_graphs = request
    try:
        answer = db.query(
            query,
            prefixes=PREFIXES,
            use_default_graph_as_union=not default_graphs,
            default_graph=[ox.NamedNode(g) for g in default_graphs] or None,
            named_graphs=[ox.NamedNode(g) for g in named_graphs] or None,
        )
        if isinstance(answer, ox.QueryBoolean):
            return ("ok", "boolean", ("ask",), (), bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples: list[WireRow] = []
            for triple in answer:
                if len(triples) >= limit:
                    return ("error", "too-large", too_large(limit, "triples"))
                subject, predicate, obj = triple.subject, triple.predicate, triple.object
                triples.append((wire(subject), wire(predicate), wire(obj)))
            return ("ok", "graph", ("subject", "predicate", "object"), tuple(triples), None)
        variables = tuple(v.value for v in answer.variables)
        rows: list[WireRow] = []
        for solution in answer:
            if len(rows) >= limit:
                return ("error", "too-large", too_large(limit, "rows"))
            rows.append(tuple(wire(solution[name]) for name in variables))
        return ("ok", "solutions", variables, tuple(rows), None)
    except SyntaxError as exc:
        error = syntax_error(exc, "SPARQL query")
        where = f" (line {error.line}, column {error.column})" if error.line is not None else ""
        return ("error", "syntax", f"{error.reason}{where}")
    except ValueError as exc:  # e.g. a default-graph-uri that is not an IRI
        return ("error", "syntax", f"bad request: {exc}")
    except (OSError, RuntimeError) as exc:
        return ("error", "failed", f"the query failed: {exc}")


def too_large(limit: int, what: str) -> str:
    return (
        f"the result has more than {limit} {what}, the endpoint's cap: "
        f"add a LIMIT (at most {limit}) or narrow the query"
    )


def wire(value: object) -> WireTerm | None:
    if value is None:
        return None
    term = to_term(value)
    return (term.kind, term.value, term.datatype, term.language)


def main(argv: Sequence[str]) -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the server; it stops us
    fd, store_path, limit = int(argv[0]), argv[1], int(argv[2])
    conn = Connection(fd)
    try:
        serve_requests(conn, store_path, limit)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
