"""Helpers for the server tests: stores built by the real pipeline, a server started on
127.0.0.1 (uvicorn in a thread, on a free port) and a small HTTP client on urllib.

:func:`examples_server` starts one server over the example corpus for the whole session
(stopped at exit); tests that need their own store (the event stream round trip) start their
own :class:`RunningServer`.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import shutil
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

import uvicorn

from delibgraph.ids import IriMinter
from delibgraph.pipeline import ingest
from delibgraph.publish.metadata import PublicationInfo
from delibgraph.publish.versions import record_versions
from delibgraph.resources import resource_dir
from delibgraph.serve import create_app
from delibgraph.serve.state import ServerState
from delibgraph.store import EmbeddedStore

INGESTED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
QUERY_TIMEOUT = 4.0
RESULT_LIMIT = 1500
FEED_PAGE_SIZE = 3
AUTHORITY_SIREN = "219990001"


def luhn_siret(siren: str, establishment: str = "0001") -> str:
    """A 14-digit SIRET for ``siren`` whose last digit makes the Luhn check pass (fictional)."""
    for last in "0123456789":
        candidate = siren + establishment + last
        total = 0
        for position, char in enumerate(reversed(candidate)):
            n = int(char) * (2 if position % 2 else 1)
            total += n - 9 if n > 9 else n
        if total % 10 == 0:
            return candidate
    raise AssertionError("unreachable: one check digit always fits")


FICTIONAL_SIRET = luhn_siret(AUTHORITY_SIREN)
INFO = PublicationInfo(siret={AUTHORITY_SIREN: FICTIONAL_SIRET})


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def scratch(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def example_files() -> list[Path]:
    return sorted(resource_dir("examples").glob("*.txt"))


def load(store_path: Path, files: Iterable[Path], *, base: str, now: dt.datetime) -> int:
    """Ingest ``files`` with the real pipeline and record their versions; loaded count."""
    with EmbeddedStore(store_path) as store:
        report = ingest(
            list(files), store, minter=IriMinter(base), report_dir=None, ner=False, now=now
        )
        assert not report.rejected and not report.failed, report.to_text()
        record_versions(store, base=base, graphs=[g.graph_iri for g in report.loaded])
    return len(report.loaded)


class RunningServer:
    """``create_app`` served by uvicorn on 127.0.0.1:``port`` in a background thread."""

    def __init__(self, store_path: Path, *, port: int, **options: Any) -> None:
        self.port = port
        self.base = f"http://127.0.0.1:{port}/"
        self.store_path = store_path
        self.app = create_app(store_path, base=self.base, **options)
        config = uvicorn.Config(
            self.app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"uvicorn-{port}", daemon=True)

    def start(self) -> RunningServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive():
                raise RuntimeError(f"the server on port {self.port} did not start")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server on port {self.port} took too long to start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)

    @property
    def state(self) -> ServerState:
        state = self.app.state.delibgraph
        assert isinstance(state, ServerState)
        return state

    def url(self, path: str) -> str:
        return self.base + path.lstrip("/")


@functools.cache
def examples_server() -> RunningServer:
    """The example corpus (7 deliberations, 3 séances) served for the whole session."""
    folder = scratch("delibgraph-serve-")
    port = free_port()
    load(folder / "store", example_files(), base=f"http://127.0.0.1:{port}/", now=INGESTED_AT)
    server = RunningServer(
        folder / "store",
        port=port,
        query_timeout=QUERY_TIMEOUT,
        result_limit=RESULT_LIMIT,
        workers=2,
        feed_page_size=FEED_PAGE_SIZE,
        info=INFO,
    ).start()
    atexit.register(server.stop)
    return server


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def content_type(self) -> str:
        return (self.headers.get("Content-Type") or "").split(";")[0].strip()


def fetch(
    url: str,
    *,
    accept: str | None = None,
    method: str = "GET",
    data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 60,
) -> Reply:
    """One HTTP request with urllib; an HTTP error status is a reply, not an exception."""
    all_headers = dict(headers or {})
    if accept is not None:
        all_headers["Accept"] = accept
    request = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.headers, error.read())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None
