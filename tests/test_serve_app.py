"""``run_server`` as ``delibgraph serve`` runs it: a process that serves until interrupted,
holds the store's lock while it serves (an ingest is refused), and leaves no worker behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_stores import deliberation_graphs, examples_statistics_graph
from delibgraph.errors import StoreError
from delibgraph.publish.scdl import SCDL_COLUMNS
from delibgraph.serve import run_server
from delibgraph.store import EmbeddedStore
from serve_support import (
    INGESTED_AT,
    RunningServer,
    example_files,
    fetch,
    free_port,
    load,
    scratch,
)


def children(pid: int) -> set[int]:
    found = set()
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
            )
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.add(int(status.parent.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to list child processes")
def test_serve_process_lifecycle() -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    store = scratch("delibgraph-run-") / "store"
    load(store, example_files()[:2], base=base, now=INGESTED_AT)
    code = (
        "import sys; from pathlib import Path; from delibgraph.serve import run_server; "
        f"run_server(Path({str(store)!r}), port={port}, base={base!r}, workers=2, "
        "log_level='warning')"
    )
    process = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(base, accept="text/html", timeout=2).status == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, "the server exited"
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.2)
        workers = children(process.pid)
        assert len(workers) >= 2  # the query workers
        with pytest.raises(StoreError, match="in use by another process"):
            EmbeddedStore(store)  # what `delibgraph ingest` would do while serving
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    with EmbeddedStore(store) as reopened:  # the lock is released
        graphs = reopened.graphs()
    # as loaded: two deliberations, their council's statistics graph and the version log
    assert len(deliberation_graphs(graphs, base)) == 2
    besides = [examples_statistics_graph(base), f"{base}graph/versions"]
    assert graphs == sorted([*deliberation_graphs(graphs, base), *besides])


def test_run_server_refuses_a_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        run_server(tmp_path / "absent", port=free_port())


def test_an_empty_store_is_served() -> None:
    store = scratch("delibgraph-empty-") / "store"
    EmbeddedStore(store).close()
    server = RunningServer(store, port=free_port(), workers=1).start()
    try:
        assert fetch(server.url(""), accept="text/html").status == 200
        assert fetch(server.url("catalog"), accept="text/turtle").status == 200
        page = fetch(server.url("feed/0"), accept="text/turtle")
        assert page.status == 200 and "no-cache" in page.headers["Cache-Control"]
        assert fetch(server.url("feed/1")).status == 404
        csv_lines = fetch(server.url("exports/deliberations.csv")).text.splitlines()
        assert csv_lines == [",".join(SCDL_COLUMNS)]
    finally:
        server.stop()
