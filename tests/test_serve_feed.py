"""The LDES event stream, round trip: a client replicates the stream, new deliberations and a
corrected one are ingested, and the client fetches only the pages that changed and ends with
the members a fresh replication gives."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from delibgraph.publish.terms import LDES, TREE
from delibgraph.vocab import DCTERMS, PROV, RDF
from serve_support import (
    INGESTED_AT,
    Reply,
    RunningServer,
    example_files,
    fetch,
    free_port,
    load,
    scratch,
)

PAGE_SIZE = 2
CORRECTED_NUMBER = "2023-014"


@dataclass
class CachedPage:
    etag: str
    immutable: bool
    members: dict[str, tuple[str, str]]
    next_pages: list[str]
    body: bytes


@dataclass
class LdesClient:
    """Replicates an LDES: follows the view and the relations, keeps what it fetched, and
    asks again only for pages that are not immutable (with If-None-Match)."""

    stream: str
    pages: dict[str, CachedPage] = field(default_factory=dict)
    fetched: list[str] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)

    def sync(self) -> None:
        self.fetched, self.not_modified = [], []
        root = self._get(self.stream, None)
        graph = Graph().parse(data=root.text, format="turtle")
        stream = URIRef(self.stream)
        assert (stream, RDF.type, LDES.EventStream) in graph
        assert graph.value(stream, LDES.versionOfPath) == DCTERMS.isVersionOf
        assert graph.value(stream, LDES.timestampPath) == PROV.generatedAtTime
        queue = [str(view) for view in graph.objects(stream, TREE.view)]
        seen: set[str] = set()
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            cached = self.pages.get(url)
            if cached is None or not cached.immutable:
                cached = self._refresh(url, cached)
            queue.extend(cached.next_pages)

    def _get(self, url: str, etag: str | None) -> Reply:
        reply = fetch(url, accept="text/turtle", headers={"If-None-Match": etag} if etag else {})
        (self.not_modified if reply.status == 304 else self.fetched).append(url)
        assert reply.status in (200, 304), (url, reply.status)
        return reply

    def _refresh(self, url: str, cached: CachedPage | None) -> CachedPage:
        reply = self._get(url, cached.etag if cached else None)
        if reply.status == 304 and cached is not None:
            return cached
        graph = Graph().parse(data=reply.text, format="turtle")
        members = {}
        for member in graph.objects(URIRef(self.stream), TREE.member):
            members[str(member)] = (
                str(graph.value(member, DCTERMS.isVersionOf)),
                str(graph.value(member, PROV.generatedAtTime)),
            )
        node = URIRef(url)
        next_pages = [
            str(graph.value(relation, TREE.node)) for relation in graph.objects(node, TREE.relation)
        ]
        page = CachedPage(
            etag=reply.headers["ETag"],
            immutable="immutable" in reply.headers.get("Cache-Control", ""),
            members=members,
            next_pages=next_pages,
            body=reply.body,
        )
        self.pages[url] = page
        return page

    def members(self) -> dict[str, tuple[str, str]]:
        merged: dict[str, tuple[str, str]] = {}
        for page in self.pages.values():
            merged.update(page.members)
        return merged


def corrected_copy(folder: Path) -> Path:
    """``val-daurele-2023-014.txt`` with a corrected sentence in its reasoning."""
    original = next(p for p in example_files() if p.name == f"val-daurele-{CORRECTED_NUMBER}.txt")
    text = original.read_text(encoding="utf-8")
    assert "La commission des finances" in text
    copy = folder / original.name
    copy.write_text(
        text.replace("La commission des finances", "La commission des finances et du budget"),
        encoding="utf-8",
    )
    return copy


@pytest.fixture(scope="module")
def feed_store() -> tuple[Path, int]:
    folder = scratch("delibgraph-feed-")
    return folder / "store", free_port()


def test_ldes_round_trip(feed_store: tuple[Path, int]) -> None:
    store, port = feed_store
    base = f"http://127.0.0.1:{port}/"
    files = example_files()
    assert load(store, files[:5], base=base, now=INGESTED_AT) == 5

    server = RunningServer(store, port=port, feed_page_size=PAGE_SIZE, workers=1).start()
    try:
        client = LdesClient(server.url("feed"))
        client.sync()
        assert client.fetched == [server.url(p) for p in ("feed", "feed/0", "feed/1", "feed/2")]
        assert len(client.members()) == 5
        full_before = {
            url: client.pages[url].body for url in (server.url("feed/0"), server.url("feed/1"))
        }
        assert all(client.pages[url].immutable for url in full_before)
        assert not client.pages[server.url("feed/2")].immutable
    finally:
        server.stop()

    # new data while the server is stopped: a new deliberation, a corrected one, an unchanged one
    corrections = scratch("delibgraph-corrected-")
    assert load(store, [files[5]], base=base, now=INGESTED_AT + dt.timedelta(days=1)) == 1
    load(store, [corrected_copy(corrections)], base=base, now=INGESTED_AT + dt.timedelta(days=2))
    load(store, [files[1]], base=base, now=INGESTED_AT + dt.timedelta(days=3))  # unchanged

    server = RunningServer(store, port=port, feed_page_size=PAGE_SIZE, workers=1).start()
    try:
        client.sync()
        # the full pages were not asked for again; the open page and the new one were
        assert client.fetched == [server.url(p) for p in ("feed", "feed/2", "feed/3")]
        members = client.members()
        assert len(members) == 7  # 5 + the new deliberation + the corrected version
        corrected = [m for m, (act, _) in members.items() if act.endswith(f"/{CORRECTED_NUMBER}")]
        assert len(corrected) == 2 and len({members[m][1] for m in corrected}) == 2

        fresh = LdesClient(server.url("feed"))
        fresh.sync()
        assert fresh.members() == members
        for url, body in full_before.items():  # immutable means immutable
            assert fetch(url, accept="text/turtle").body == body

        client.sync()  # nothing changed: only revalidations of the pages that may change
        assert client.fetched == [server.url("feed")]
        assert server.url("feed/3") in client.not_modified
    finally:
        server.stop()
