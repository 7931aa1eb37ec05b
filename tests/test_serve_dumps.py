"""``/dumps/`` (N-Quads gzipped, Turtle, SHA256SUMS) and ``/exports/deliberations.csv``."""

from __future__ import annotations

import gzip
import hashlib
import io
import json

import pyoxigraph as ox
import pytest
from rdflib import Graph

from delibgraph.publish.dumps import write_files
from delibgraph.publish.scdl import write_scdl
from delibgraph.serve.readonly import ReadOnlyStore
from serve_support import INFO, RunningServer, examples_server, fetch, scratch


@pytest.fixture(scope="module")
def server() -> RunningServer:
    return examples_server()


@pytest.fixture(scope="module")
def direct(server: RunningServer) -> ReadOnlyStore:
    return ReadOnlyStore(server.store_path)


@pytest.fixture(scope="module")
def listing(server: RunningServer) -> dict[str, dict[str, object]]:
    reply = fetch(server.url("dumps/"), accept="application/json")
    assert reply.status == 200 and reply.content_type == "application/json"
    return {str(item["name"]): item for item in json.loads(reply.text)["files"]}


def test_listing_and_checksums(
    server: RunningServer, listing: dict[str, dict[str, object]]
) -> None:
    assert set(listing) == {"deliberations.nq.gz", "deliberations.ttl", "deliberations.csv"}
    sums = fetch(server.url("dumps/SHA256SUMS")).text.splitlines()
    assert sorted(sums) == sorted(
        f"{listing[name]['sha256']}  {name}"
        for name in ("deliberations.nq.gz", "deliberations.ttl")
    )
    for item in listing.values():
        reply = fetch(str(item["url"]))
        assert reply.status == 200
        assert hashlib.sha256(reply.body).hexdigest() == item["sha256"]
        assert len(reply.body) == item["byte_size"]
        assert reply.headers["ETag"] == f'"{item["sha256"]}"'
        again = fetch(str(item["url"]), headers={"If-None-Match": reply.headers["ETag"]})
        assert again.status == 304


def test_nquads_dump_holds_every_quad(
    listing: dict[str, dict[str, object]], direct: ReadOnlyStore
) -> None:
    reply = fetch(str(listing["deliberations.nq.gz"]["url"]))
    assert reply.content_type == "application/gzip"
    quads = list(ox.parse(gzip.decompress(reply.body), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == direct.triple_count()
    assert {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)} == set(
        direct.graphs()
    )


def test_turtle_dump_is_the_union(
    listing: dict[str, dict[str, object]], direct: ReadOnlyStore
) -> None:
    reply = fetch(str(listing["deliberations.ttl"]["url"]))
    assert reply.content_type == "text/turtle"
    graph = Graph().parse(data=reply.text, format="turtle")
    distinct = direct.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    ).column("n")[0]
    assert len(graph) == distinct


def test_scdl_export_is_write_scdl(server: RunningServer, direct: ReadOnlyStore) -> None:
    reply = fetch(server.url("exports/deliberations.csv"))
    assert reply.status == 200 and reply.content_type == "text/csv"
    expected = io.StringIO(newline="")
    write_scdl(direct, expected, siret=INFO.siret)
    assert reply.text == expected.getvalue()


def test_files_are_reproducible(direct: ReadOnlyStore) -> None:
    first, _ = write_files(direct, scratch("delibgraph-dumps-a-"))
    second, _ = write_files(direct, scratch("delibgraph-dumps-b-"))
    assert [f.sha256 for f in first] == [f.sha256 for f in second]


def test_unknown_file_is_404(server: RunningServer) -> None:
    assert fetch(server.url("dumps/nothing.zip")).status == 404
    assert fetch(server.url("exports/other.csv")).status == 404
