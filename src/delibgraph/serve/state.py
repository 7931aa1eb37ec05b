"""What the server prepares when it starts, and holds while it serves.

Start-up, in order: record in the version log any deliberation version not yet in it (a short
write with the store opened as a writer; nothing happens when ``ingest`` already recorded
them), take the store's lock, open it read-only, write the dumps and the SCDL export, build
the catalogue, VoID, service description and feed pages, start the query workers. The data
cannot change while the server holds the lock, so all of this stays true until it stops.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from starlette.requests import Request

from delibgraph.ids import normalise_base
from delibgraph.publish.dcat import catalog_graph
from delibgraph.publish.dumps import PublishedFile, write_files
from delibgraph.publish.ldes import DEFAULT_PAGE_SIZE, FeedPage, paginate
from delibgraph.publish.metadata import DatasetFacts, PublicationInfo, dataset_facts
from delibgraph.publish.scdl import ScdlTable
from delibgraph.publish.service import service_graph
from delibgraph.publish.terms import VOID
from delibgraph.publish.versions import Version, list_versions, record_versions
from delibgraph.publish.void import void_graph
from delibgraph.store import EmbeddedStore

from .readonly import ReadOnlyStore, StoreLock, check_store_folder
from .workers import QueryPool

log = logging.getLogger("delibgraph.serve")

DEFAULT_TIMEOUT = 10.0
DEFAULT_RESULT_LIMIT = 10_000
DEFAULT_WORKERS = 2


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """How to serve a store. ``base`` must be the base the store's IRIs were minted under."""

    store_path: Path
    base: str
    query_timeout: float = DEFAULT_TIMEOUT
    result_limit: int = DEFAULT_RESULT_LIMIT
    workers: int = DEFAULT_WORKERS
    feed_page_size: int = DEFAULT_PAGE_SIZE
    info: PublicationInfo = field(default_factory=PublicationInfo)
    publish_dir: Path | None = None
    """Where the dumps are written (default: a temporary folder removed on shutdown)."""
    record_versions: bool = True

    @property
    def root(self) -> str:
        return normalise_base(self.base)


@dataclass(slots=True)
class ServerState:
    settings: ServeSettings
    store: ReadOnlyStore
    pool: QueryPool
    lock: StoreLock
    files: tuple[PublishedFile, ...]
    scdl: ScdlTable
    facts: DatasetFacts
    versions: list[Version]
    pages: list[FeedPage]
    catalog: Graph
    void: Graph
    service: Graph
    temporary: Path | None = None

    @property
    def root(self) -> str:
        return self.settings.root

    @property
    def info(self) -> PublicationInfo:
        return self.settings.info

    def file(self, route: str) -> PublishedFile | None:
        return next((f for f in self.files if f.route == route), None)

    def versions_of(self, act: str) -> list[Version]:
        return [v for v in self.versions if v.act == act]


def open_state(settings: ServeSettings) -> ServerState:
    """Prepare everything (see the module's docstring); undo what was done on failure."""
    path = settings.store_path
    check_store_folder(path)
    if settings.record_versions:
        with EmbeddedStore(path) as writer:
            added = record_versions(writer, base=settings.root)
        if added:
            log.info("recorded %d new version(s) in the version log", len(added))
    lock = StoreLock(path)
    lock.acquire()
    cleanup = contextlib.ExitStack()
    cleanup.callback(lock.release)
    try:
        store = ReadOnlyStore(path)
        cleanup.callback(store.close)
        temporary: Path | None = None
        if settings.publish_dir is not None:
            folder = settings.publish_dir
        else:
            folder = temporary = Path(tempfile.mkdtemp(prefix="delibgraph-serve-"))
            cleanup.callback(shutil.rmtree, temporary, True)
        files, scdl = write_files(store, folder, siret=settings.info.siret)
        facts = dataset_facts(store)
        versions = list_versions(store, base=settings.root)
        pool = QueryPool(
            path, size=settings.workers, timeout=settings.query_timeout, limit=settings.result_limit
        )
        cleanup.callback(pool.close)
        pool.start()
        state = ServerState(
            settings=settings,
            store=store,
            pool=pool,
            lock=lock,
            files=files,
            scdl=scdl,
            facts=facts,
            versions=versions,
            pages=paginate(versions, settings.feed_page_size),
            catalog=catalog_graph(settings.root, settings.info, facts, files),
            void=void_graph(store, settings.root, settings.info, files),
            service=service_graph(
                settings.root,
                settings.info,
                triples=facts.triples,
                graphs=len(store.graphs()),
                query_timeout=settings.query_timeout,
                result_limit=settings.result_limit,
            ),
            temporary=temporary,
        )
    except BaseException:
        cleanup.close()
        raise
    cleanup.pop_all()
    _warn_if_foreign_base(state)
    for gap in scdl.gaps:
        log.warning("SCDL export: %s", gap)
    return state


def _warn_if_foreign_base(state: ServerState) -> None:
    example = state.void.value(predicate=VOID.exampleResource)
    if example is not None and not str(example).startswith(state.root):
        log.warning(
            "the store's IRIs (e.g. %s) are not under the base %s: they will not dereference; "
            "serve with the --base the store was ingested with",
            example,
            state.root,
        )


def close_state(state: ServerState) -> None:
    state.pool.close()
    state.store.close()
    state.lock.release()
    if state.temporary is not None:
        shutil.rmtree(state.temporary, ignore_errors=True)


def server_state(request: Request) -> ServerState:
    state = getattr(request.app.state, "delibgraph", None)
    if not isinstance(state, ServerState):
        raise RuntimeError("the delibgraph server has not started (lifespan not run)")
    return state
