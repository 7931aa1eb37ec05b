"""Where the store-free work of ingestion runs: this process, local worker processes, or a
Dask cluster — any ``concurrent.futures``-style executor.

:func:`ordered_results` keeps a bounded number of files in flight and yields their results
in the order the files were given, so the store sees the same writes in the same order
whatever the executor, and memory stays flat however many files there are.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from delibgraph.errors import UsageError
from delibgraph.fastshacl import ShaclEngine
from delibgraph.ingestwork import warm_up

T = TypeVar("T")
R = TypeVar("R")

IN_FLIGHT_PER_WORKER = 48
"""Files in flight per worker. The parent writes a batch of graphs at a time (about a second of
bulk loading, :data:`delibgraph.pipeline.BATCH_TRIPLES`) while the workers go on: with a
window of about a batch's worth of files they stay busy meanwhile instead of waiting for the
parent (measured on 2 cores: 4 per worker left them idle during every write). The finished
results wait as N-Triples, about 200 kB a deliberation."""


def ordered_results(
    function: Callable[[T, Any], R],
    items: Iterable[T],
    argument: Any,
    executor: Executor | None,
    *,
    in_flight: int,
) -> Iterator[R]:
    """``function(item, argument)`` for each item, in order; at most ``in_flight`` submitted
    and not yet yielded. Without an executor, each runs here when its turn comes."""
    if executor is None:
        for item in items:
            yield function(item, argument)
        return
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(function, item, argument))
            if len(pending) >= max(1, in_flight):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:  # an error, or the consumer stopped early
            future.cancel()


@contextmanager
def worker_processes(workers: int, *, ner: bool, engine: ShaclEngine) -> Iterator[Executor]:
    """``workers`` local processes (started fresh, not forked from a process holding a store
    open), each loading the spaCy model and the shapes once."""
    if workers < 1:
        raise UsageError(f"--workers must be at least 1, not {workers}")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=warm_up,
        initargs=(ner, engine),
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def dask_cluster(address: str, *, ner: bool, engine: ShaclEngine) -> Iterator[Executor]:
    """The executor of the Dask distributed scheduler at ``address`` (``tcp://host:8786``).

    Each worker must have delibgraph installed (and the spaCy model, for NER); the store is
    written by this process only.
    """
    try:
        from distributed import Client  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:
        raise UsageError(
            "--dask-scheduler needs Dask distributed: pip install 'delibgraph[cluster]'"
        ) from exc
    try:
        client = Client(address, timeout="30s")  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        client.run(warm_up, ner, engine)
        yield client.get_executor()  # type: ignore[no-untyped-call]
    finally:
        client.close()  # type: ignore[no-untyped-call]


def in_flight_for(workers: int) -> int:
    return max(1, workers) * IN_FLIGHT_PER_WORKER
