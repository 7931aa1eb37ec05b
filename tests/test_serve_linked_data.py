"""Dereferencing: every IRI minted under the base answers in every RDF format and in HTML;
404 for unknown IRIs, 406 when nothing offered is acceptable."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from corpus_stores import deliberation_graphs, examples_statistics_graph
from delibgraph.serve.readonly import ReadOnlyStore
from delibgraph.vocab import DCTERMS, ELI, FOAF, OPENGOV, PERSON, RDF, SCHEMA, SKOS
from serve_support import RunningServer, examples_server, fetch

FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}
ACT_PATH = "eli/deliberation/219990001/2023/03/14/2023-014"
PERSON_PATH = "id/authority/219990001/person/girard-paul"


@pytest.fixture(scope="module")
def server() -> RunningServer:
    return examples_server()


@pytest.fixture(scope="module")
def minted(server: RunningServer) -> list[str]:
    """Every IRI under the base that the store describes (is the subject of a triple)."""
    store = ReadOnlyStore(server.store_path)
    query = "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s) && STRSTARTS(STR(?s), BASE)) }"
    result = store.query(query.replace("BASE", f'"{server.base}"'))
    iris = sorted(str(row[0]) for row in result.rows if row[0] is not None)
    store.close()
    return iris


def parse(reply_text: str, media_type: str) -> Graph:
    return Graph().parse(data=reply_text, format=FORMATS[media_type])


@pytest.mark.parametrize(
    "path",
    [
        ACT_PATH,
        f"{ACT_PATH}/fra",
        f"{ACT_PATH}/fra/txt",
        f"{ACT_PATH}/decision/1",
        "id/authority/219990001",
        "id/authority/219990001/body/conseil-municipal",
        "id/authority/219990001/body/conseil-municipal/session/2023-03-14",
        PERSON_PATH,
        "id/authority/219990001/deliberation/2023-014/vote-event",
    ],
)
def test_every_rdf_format_gives_the_same_description(server: RunningServer, path: str) -> None:
    graphs = []
    for media_type in FORMATS:
        reply = fetch(server.url(path), accept=media_type)
        assert reply.status == 200, (path, media_type, reply.text)
        assert reply.content_type == media_type
        assert "Accept" in reply.headers["Vary"]
        graphs.append(parse(reply.text, media_type))
    iri = URIRef(server.url(path))
    assert (iri, None, None) in graphs[0]
    for other in graphs[1:]:
        assert isomorphic(graphs[0], other), path


def test_description_carries_labels_of_linked_resources(server: RunningServer) -> None:
    graph = parse(fetch(server.url(ACT_PATH), accept="text/turtle").text, "text/turtle")
    act = URIRef(server.url(ACT_PATH))
    assert (act, RDF.type, ELI.LegalResource) in graph
    body = graph.value(act, ELI.passed_by)
    assert graph.value(body, SKOS.prefLabel) == Literal("Conseil municipal")
    rapporteur = graph.value(act, ELI.responsibility_of_agent)
    assert graph.value(rapporteur, FOAF.name) == Literal("Marc DUBOIS")
    expression = graph.value(act, ELI.is_realized_by)
    assert "taxes foncières" in str(graph.value(expression, ELI.title))
    file_graph = parse(
        fetch(server.url(f"{ACT_PATH}/fra/txt"), accept="text/turtle").text, "text/turtle"
    )
    assert file_graph.value(URIRef(server.url(f"{ACT_PATH}/fra/txt")), DCTERMS.title) == Literal(
        "val-daurele-2023-014.txt"
    )


def test_every_minted_iri_dereferences(server: RunningServer, minted: list[str]) -> None:
    kinds = {re.sub(r"/[^/]+$", "/…", iri[len(server.base) :]) for iri in minted}
    assert len(minted) > 200 and len(kinds) > 10

    def status(iri: str) -> tuple[str, int]:
        return iri, fetch(iri, accept="application/n-triples").status

    with ThreadPoolExecutor(max_workers=8) as pool:
        failures = [(iri, code) for iri, code in pool.map(status, minted) if code != 200]
    assert failures == []


def test_html_by_negotiation_and_alternates(server: RunningServer) -> None:
    reply = fetch(server.url(PERSON_PATH), accept="text/html,application/xhtml+xml,*/*;q=0.8")
    assert reply.status == 200 and reply.content_type == "text/html"
    alternates = re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)">', reply.text)
    assert {media_type for media_type, _ in alternates} == set(FORMATS)
    for media_type, href in alternates:
        linked = fetch(href.replace("&amp;", "&"))
        assert linked.status == 200 and linked.content_type == media_type
        person = URIRef(server.url(PERSON_PATH))
        assert (person, RDF.type, PERSON.Person) in parse(linked.text, media_type)


def test_curl_default_is_turtle(server: RunningServer) -> None:
    reply = fetch(server.url(PERSON_PATH), accept="*/*")
    assert reply.content_type == "text/turtle"
    assert fetch(server.url(PERSON_PATH)).content_type == "text/turtle"


@pytest.mark.parametrize(
    "path",
    [
        "eli/deliberation/219990001/2023/03/14/2099-999",
        "id/authority/219990001/person/nobody-at-all",
        "id/authority/219990001/person/girard-paul/extra",
        "id/%3Cnot-an-iri%3E",
    ],
)
def test_unknown_iri_is_404(server: RunningServer, path: str) -> None:
    for accept in ("text/turtle", "text/html"):
        reply = fetch(server.url(path), accept=accept)
        assert reply.status == 404
    assert "knows nothing" in fetch(server.url(path), accept="application/json").text


def test_nothing_acceptable_is_406(server: RunningServer) -> None:
    reply = fetch(server.url(ACT_PATH), accept="application/pdf, image/*")
    assert reply.status == 406
    assert "text/turtle" in reply.text
    assert fetch(server.url(ACT_PATH), accept="text/turtle;q=0").status == 406


def test_version_members_dereference(server: RunningServer) -> None:
    version = next(v for v in server.state.versions if v.act.endswith("/2023-014"))
    graph = parse(fetch(version.iri, accept="text/turtle").text, "text/turtle")
    assert graph.value(URIRef(version.iri), DCTERMS.isVersionOf) == URIRef(server.url(ACT_PATH))


def test_vote_event_links_votes_and_séance(server: RunningServer) -> None:
    path = "id/authority/219990001/deliberation/2023-014/vote-event"
    graph = parse(fetch(server.url(path), accept="text/turtle").text, "text/turtle")
    event = URIRef(server.url(path))
    assert len(list(graph.objects(event, OPENGOV.vote))) == 14
    assert graph.value(event, SCHEMA.superEvent) == URIRef(
        server.url("id/authority/219990001/body/conseil-municipal/session/2023-03-14")
    )


def test_named_graphs_dereference_whole(server: RunningServer) -> None:
    store = ReadOnlyStore(server.store_path)
    graphs = store.graphs()
    # seven deliberations, the council's statistics graph and the version log
    assert len(deliberation_graphs(graphs, server.base)) == 7
    besides = [examples_statistics_graph(server.base), server.url("graph/versions")]
    assert graphs == sorted([*deliberation_graphs(graphs, server.base), *besides])
    for graph_iri in graphs:
        reply = fetch(graph_iri, accept="application/n-triples")
        assert reply.status == 200, graph_iri
        served = parse(reply.text, "application/n-triples")
        count = store.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
        ).column("n")[0]
        assert len(served) == count
    store.close()
    assert fetch(server.url("graph/219990001/2099-999")).status == 404
