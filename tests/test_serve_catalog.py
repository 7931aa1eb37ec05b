"""``/catalog`` validated with the DCAT-AP 3.0 shapes (pyshacl), in every RDF format; its
distributions match the files served; VoID at ``/.well-known/void``."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, VOID

from delibgraph.publish.terms import SCDL_DELIBERATIONS_SCHEMA
from delibgraph.serve.readonly import ReadOnlyStore
from delibgraph.vocab import RDF, SPDX, XSD
from serve_support import RunningServer, examples_server, fetch

SHAPES = Path(__file__).resolve().parent / "data" / "dcat-ap-3.0.0-SHACL.ttl"
FORMATS = {
    "text/turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
}


@pytest.fixture(scope="module")
def server() -> RunningServer:
    return examples_server()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def catalog(server: RunningServer, media_type: str = "text/turtle") -> Graph:
    reply = fetch(server.url("catalog"), accept=media_type)
    assert reply.status == 200 and reply.content_type == media_type
    return Graph().parse(data=reply.text, format=FORMATS[media_type])


def validate(data: Graph, shapes: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes)
    return bool(conforms), str(text)


@pytest.mark.parametrize(
    "media_type", ["text/turtle", "application/rdf+xml", "application/ld+json"]
)
def test_catalog_conforms_to_dcat_ap_3(
    server: RunningServer, shapes: Graph, media_type: str
) -> None:
    conforms, report = validate(catalog(server, media_type), shapes)
    assert conforms, report


def test_the_shapes_do_catch_a_broken_catalogue(server: RunningServer, shapes: Graph) -> None:
    graph = catalog(server)
    dataset = graph.value(predicate=RDF.type, object=DCAT.Dataset)
    graph.remove((dataset, DCTERMS.title, None))
    distribution = next(graph.objects(dataset, DCAT.distribution))
    graph.remove((distribution, DCAT.accessURL, None))
    conforms, report = validate(graph, shapes)
    assert not conforms
    assert "dcat:DatasetShape" in report or "DatasetShape" in report
    assert "accessURL" in report


def test_distributions_describe_the_served_files(server: RunningServer) -> None:
    graph = catalog(server)
    dataset = graph.value(predicate=RDF.type, object=DCAT.Dataset)
    distributions = list(graph.objects(dataset, DCAT.distribution))
    assert len(distributions) == 3
    media_types = set()
    for distribution in distributions:
        url = graph.value(distribution, DCAT.downloadURL)
        reply = fetch(str(url))
        assert reply.status == 200, url
        assert graph.value(distribution, DCAT.byteSize) == Literal(
            str(len(reply.body)), datatype=XSD.nonNegativeInteger
        )
        checksum = graph.value(distribution, SPDX.checksum)
        assert graph.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert (
            str(graph.value(checksum, SPDX.checksumValue)) == hashlib.sha256(reply.body).hexdigest()
        )
        assert graph.value(distribution, DCTERMS.modified) is not None
        media_types.add(str(graph.value(distribution, DCAT.mediaType)).rsplit("/", 2)[-2:][1])
        if str(url).endswith(".csv"):
            assert graph.value(distribution, DCTERMS.conformsTo) == SCDL_DELIBERATIONS_SCHEMA
    assert media_types == {"n-quads", "turtle", "csv"}


def test_sparql_endpoint_is_a_data_service(server: RunningServer) -> None:
    graph = catalog(server)
    endpoints = {
        str(graph.value(service, DCAT.endpointURL))
        for service in graph.subjects(RDF.type, DCAT.DataService)
    }
    assert server.url("query") in endpoints
    assert server.url("feed") in endpoints


def test_void(server: RunningServer) -> None:
    reply = fetch(server.url(".well-known/void"), accept="text/turtle")
    assert reply.status == 200
    graph = Graph().parse(data=reply.text, format="turtle")
    dataset = graph.value(predicate=RDF.type, object=VOID.Dataset)
    assert graph.value(dataset, VOID.sparqlEndpoint) == URIRef(server.url("query"))
    assert graph.value(dataset, VOID.uriSpace) == Literal(server.base)
    dumps = {str(dump) for dump in graph.objects(dataset, VOID.dataDump)}
    assert dumps == {server.url("dumps/deliberations.nq.gz"), server.url("dumps/deliberations.ttl")}
    store = ReadOnlyStore(server.store_path)
    distinct = store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
    ).column("n")[0]
    assert int(str(graph.value(dataset, VOID.triples))) == distinct
    classes = {
        str(graph.value(partition, VOID["class"]))
        for partition in graph.objects(dataset, VOID.classPartition)
    }
    assert "http://data.europa.eu/eli/ontology#LegalResource" in classes
    assert "http://www.w3.org/ns/person#Person" in classes
