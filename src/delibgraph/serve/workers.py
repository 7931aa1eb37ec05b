"""SPARQL queries run in worker processes, killed when they overrun their time limit.

pyoxigraph cannot interrupt a query from Python: a query with a ``GROUP BY`` or ``ORDER BY``
over a large join computes everything before the first row comes out. So the endpoint's
queries never run in the server process. A :class:`QueryPool` keeps ``size`` worker processes
(``multiprocessing`` "spawn"), each with the store opened read-only; a query goes to an idle
worker, and the server waits for the answer at most ``timeout`` seconds. When the time is up
the worker is **killed** (SIGKILL: its query stops, its memory is freed, whatever it was doing)
and a fresh worker takes its place. What is not interrupted: nothing of the query outlives the
timeout, but the server's own short queries (pages, descriptions) run in-process without one.

The result-size cap is enforced in the worker while it reads the answer lazily: past
``limit`` rows (or triples) it stops and answers "too large" instead of building the rest.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Literal

import pyoxigraph as ox

from delibgraph.errors import StoreError
from delibgraph.store import QueryResult, Term
from delibgraph.store.convert import to_term
from delibgraph.store.embedded import syntax_error
from delibgraph.vocab import PREFIXES

__all__ = ["QueryFailed", "QueryPool", "QueryRequest"]

ResultKind = Literal["solutions", "boolean", "graph"]
FailureKind = Literal["syntax", "too-large", "timeout", "busy", "failed"]
WireTerm = tuple[str, str, str | None, str | None]
WireRow = tuple[WireTerm | None, ...]
READY_TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class QueryRequest:
    """A query and the SPARQL protocol's dataset parameters."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QueryAnswer:
    kind: ResultKind
    result: QueryResult


class QueryFailed(Exception):
    """A query that did not give an answer: ``kind`` says why."""

    def __init__(self, kind: FailureKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


# --------------------------------------------------------------------------- worker side


def worker_main(conn: Connection, store_path: str, limit: int) -> None:
    """The worker process: open the store read-only, then answer requests until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
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


def execute(db: ox.Store, request: QueryRequest, limit: int) -> tuple[object, ...]:
    """Run one query; ``("ok", kind, variables, rows, boolean)`` or ``("error", kind, text)``."""
    try:
        answer = db.query(
            request.query,
            prefixes=PREFIXES,
            use_default_graph_as_union=not request.default_graphs,
            default_graph=[ox.NamedNode(g) for g in request.default_graphs] or None,
            named_graphs=[ox.NamedNode(g) for g in request.named_graphs] or None,
        )
        if isinstance(answer, ox.QueryBoolean):
            return ("ok", "boolean", ("ask",), (), bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples: list[WireRow] = []
            for triple in answer:
                if len(triples) >= limit:
                    return ("error", "too-large", _too_large(limit, "triples"))
                subject, predicate, obj = triple.subject, triple.predicate, triple.object
                triples.append((_wire(subject), _wire(predicate), _wire(obj)))
            return ("ok", "graph", ("subject", "predicate", "object"), tuple(triples), None)
        variables = tuple(v.value for v in answer.variables)
        rows: list[WireRow] = []
        for solution in answer:
            if len(rows) >= limit:
                return ("error", "too-large", _too_large(limit, "rows"))
            rows.append(tuple(_wire(solution[name]) for name in variables))
        return ("ok", "solutions", variables, tuple(rows), None)
    except SyntaxError as exc:
        return ("error", "syntax", syntax_error(exc, "SPARQL query").one_line())
    except ValueError as exc:  # e.g. a malformed default-graph-uri
        return ("error", "syntax", f"bad request: {exc}")
    except (OSError, RuntimeError) as exc:
        return ("error", "failed", f"the query failed: {exc}")


def _too_large(limit: int, what: str) -> str:
    return (
        f"the result has more than {limit} {what}, the endpoint's cap: "
        f"add a LIMIT (at most {limit}) or narrow the query"
    )


def _wire(value: object) -> WireTerm | None:
    if value is None:
        return None
    term = to_term(value)
    return (term.kind, term.value, term.datatype, term.language)


def _term(value: WireTerm | None) -> Term | None:
    if value is None:
        return None
    kind, text, datatype, language = value
    return Term(kind, text, datatype=datatype, language=language)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- server side


class _Worker:
    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.pid: int | None = None

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self.conn.poll(timeout):
            raise StoreError("a query worker did not start in time")
        message = self.conn.recv()
        if message[0] != "ready":
            raise StoreError(str(message[1]))
        self.ready, self.pid = True, int(message[1])

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
        self.process.join(timeout=10)
        with contextlib.suppress(OSError):
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError, BrokenPipeError):
            self.conn.send(None)
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.kill()
        with contextlib.suppress(OSError):
            self.conn.close()


class QueryPool:
    """Worker processes that run SPARQL queries with a deadline and a result cap."""

    def __init__(self, store_path: Path, *, size: int, timeout: float, limit: int) -> None:
        if size < 1 or timeout <= 0 or limit < 1:
            raise ValueError("the pool needs at least 1 worker, a positive timeout and limit")
        self.store_path = store_path
        self.size, self.timeout, self.limit = size, timeout, limit
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        """Start the workers and wait until each has opened the store."""
        started = [self._spawn() for _ in range(self.size)]
        for worker in started:
            worker.wait_ready(READY_TIMEOUT)
            self._idle.put(worker)

    def worker_pids(self) -> list[int]:
        with self._lock:
            return sorted(w.process.pid for w in self._workers if w.process.pid is not None)

    def run(self, request: QueryRequest) -> QueryAnswer:
        """The answer to ``request``; :class:`QueryFailed` when there is none."""
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryFailed(
                "busy", f"all {self.size} query workers stayed busy for {self.timeout:g} s"
            ) from None
        try:
            worker.wait_ready(READY_TIMEOUT)
            worker.conn.send(request)
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                raise QueryFailed(
                    "timeout",
                    f"the query ran longer than the endpoint's limit of {self.timeout:g} s "
                    "and was stopped: narrow it, or add a LIMIT",
                )
            message = worker.conn.recv()
        except (EOFError, OSError, StoreError) as exc:
            self._replace(worker)
            raise QueryFailed("failed", f"the query worker failed: {exc}") from exc
        self._idle.put(worker)
        if message[0] == "error":
            raise QueryFailed(message[1], message[2])
        _, kind, variables, rows, boolean = message
        result = QueryResult(
            tuple(variables), tuple(tuple(_term(t) for t in row) for row in rows), boolean=boolean
        )
        return QueryAnswer(kind, result)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop()

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=worker_main,
            args=(child, str(self.store_path), self.limit),
            name="delibgraph-query-worker",
            daemon=True,
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._workers.discard(worker)
            if self._closed:
                return
        self._idle.put(self._spawn())
