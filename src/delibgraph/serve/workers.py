"""SPARQL queries run in worker processes, killed when they overrun their time limit.

pyoxigraph cannot interrupt a query from Python: a query with a ``GROUP BY`` or ``ORDER BY``
over a large join computes everything before its first row. So the endpoint's queries never
run in the server process. A :class:`QueryPool` keeps ``size`` worker processes
(:mod:`delibgraph.serve.query_worker`, each with the store opened read-only); a query goes to
an idle worker and the server waits for its answer at most ``timeout`` seconds. When the time
is up the worker is **killed** (SIGKILL: the query stops, its memory is freed) and a fresh
worker takes its place. The result cap is enforced in the worker, which reads the answer
lazily and stops past ``limit`` rows or triples.

What is not under this deadline: the server's own short queries (pages, descriptions, the
catalogue) run in the server process; they are fixed queries over one resource.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Literal

import delibgraph
from delibgraph.errors import StoreError
from delibgraph.store import QueryResult, Term
from delibgraph.store.results import TermKind

__all__ = ["QueryAnswer", "QueryFailed", "QueryPool", "QueryRequest"]

ResultKind = Literal["solutions", "boolean", "graph"]
FailureKind = Literal["syntax", "too-large", "timeout", "busy", "failed"]
READY_TIMEOUT = 60.0
_PACKAGE_ROOT = str(Path(delibgraph.__file__).resolve().parents[1])
# The worker imports delibgraph from where the server did (a source checkout, a wheel).
_BOOT = (
    "import sys\n"
    "if sys.argv[1] not in sys.path: sys.path.insert(0, sys.argv[1])\n"
    "from delibgraph.serve.query_worker import main\n"
    "sys.exit(main(sys.argv[2:]))"
)


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


class _Worker:
    """One worker process and the server's end of its socket."""

    def __init__(self, store_path: Path, limit: int) -> None:
        ours, theirs = socket.socketpair()
        command = [
            sys.executable, "-P", "-c", _BOOT, _PACKAGE_ROOT,
            str(theirs.fileno()), str(store_path), str(limit),
        ]  # fmt: skip
        try:
            self.process = subprocess.Popen(command, pass_fds=(theirs.fileno(),))
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.ready = False

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        try:
            if not self.conn.poll(timeout):
                raise StoreError("a query worker did not start in time")
            message = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise StoreError(f"a query worker exited before it was ready: {exc}") from exc
        if message[0] != "ready":
            raise StoreError(str(message[1]))
        self.ready = True

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        with contextlib.suppress(OSError):
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        try:
            self.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
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
            return sorted(worker.pid for worker in self._workers)

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
            worker.conn.send((request.query, request.default_graphs, request.named_graphs))
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
        worker = _Worker(self.store_path, self.limit)
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


_KINDS: dict[str, TermKind] = {
    "iri": "iri",
    "bnode": "bnode",
    "literal": "literal",
    "triple": "triple",
}


def _term(value: tuple[str, str, str | None, str | None] | None) -> Term | None:
    if value is None:
        return None
    kind, text, datatype, language = value
    return Term(_KINDS[kind], text, datatype=datatype, language=language)
