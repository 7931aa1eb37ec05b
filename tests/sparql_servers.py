"""Real SPARQL servers for the tests: started on 127.0.0.1 on a free port, data in a temporary
folder, stopped (and the folder removed) afterwards.

- Oxigraph server: the ``oxigraph`` command of the ``oxigraph`` package (the test extra installs
  it), ``oxigraph serve --union-default-graph``; no authentication.
- Virtuoso: Debian's ``virtuoso-opensource`` (``virtuoso-t``), with a ``virtuoso.ini`` written
  here; updates and the graph store through ``/sparql-auth`` and ``/sparql-graph-crud-auth``
  with digest authentication as ``dba`` (a new database's password is ``dba``).

A missing server program skips the tests that need it, saying how to install it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from delibgraph.store import EndpointConfig

LOCALHOST = "127.0.0.1"
START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOCALHOST, 0))
        return int(sock.getsockname()[1])


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped at start (exit {process.returncode}): "
                               f"{log.read_text(errors='replace')[-2000:]}")  # fmt: skip
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} after {START_TIMEOUT:.0f}s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def _program(name: str, install: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":  # .ci/run installs it: missing there is a failure
            pytest.fail(f"{name} is not installed ({install})")
        pytest.skip(f"{name} is not installed ({install})")
    return found


@contextlib.contextmanager
def oxigraph_server() -> Iterator[EndpointConfig]:
    """An Oxigraph server on a fresh store; yields its endpoint configuration."""
    program = _program("oxigraph", "pip install oxigraph, or pip install -e '.[test]'")
    folder = Path(tempfile.mkdtemp(prefix="delibgraph-oxigraph-"))
    port = free_port()
    log = folder / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [program, "serve", "--location", str(folder / "data"),
             "--bind", f"{LOCALHOST}:{port}", "--union-default-graph"],
            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    base = f"http://{LOCALHOST}:{port}"
    try:
        _wait_until_up(f"{base}/query?query=ASK%7B%7D", process, log)
        yield EndpointConfig.from_url(base, graph_prefix="", environ={})
    finally:
        _stop(process)
        shutil.rmtree(folder, ignore_errors=True)


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = {host}:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., {folder}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
CheckpointInterval = 0

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {folder}/www
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
"""


@contextlib.contextmanager
def virtuoso_server() -> Iterator[EndpointConfig]:
    """A Virtuoso instance on a new database; yields its (digest-authenticated) configuration."""
    program = _program("virtuoso-t", "apt-get install -y virtuoso-opensource")
    folder = Path(tempfile.mkdtemp(prefix="delibgraph-virtuoso-"))
    (folder / "www").mkdir()
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(
        folder=folder, host=LOCALHOST, http_port=http_port, sql_port=sql_port
    ))  # fmt: skip
    log = folder / "stdout.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [program, "-c", str(ini), "+foreground"],
            cwd=folder, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    base = f"http://{LOCALHOST}:{http_port}"
    try:
        _wait_until_up(f"{base}/sparql?query=ASK%7B%7D", process, log)
        yield EndpointConfig.from_url(
            base,
            query_url=f"{base}/sparql-auth",
            update_url=f"{base}/sparql-auth",
            graph_store_url=f"{base}/sparql-graph-crud-auth",
            environ={
                "DELIBGRAPH_ENDPOINT_USER": "dba",
                "DELIBGRAPH_ENDPOINT_PASSWORD": "dba",
                "DELIBGRAPH_ENDPOINT_AUTH": "digest",
            },
        )
    finally:
        _stop(process)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def oxigraph_config() -> Iterator[EndpointConfig]:
    """An Oxigraph server for the session (import this fixture into a test module)."""
    with oxigraph_server() as config:
        yield config


@pytest.fixture(scope="session")
def virtuoso_config() -> Iterator[EndpointConfig]:
    """A Virtuoso server for the session (import this fixture into a test module)."""
    with virtuoso_server() as config:
        yield config
