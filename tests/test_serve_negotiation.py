"""Content negotiation by Accept (RFC 9110 qualities and specificity) and ?format=."""

from __future__ import annotations

import pytest

from delibgraph.serve.negotiation import (
    HTML,
    JSONLD,
    NTRIPLES,
    RDF_FORMATS,
    RDFXML,
    RESULTS_FORMATS,
    RESULTS_JSON,
    RESULTS_XML,
    TURTLE,
    by_name,
    choose,
)

PAGES = (*RDF_FORMATS, HTML)


@pytest.mark.parametrize(
    ("accept", "offers", "expected"),
    [
        (None, PAGES, TURTLE),
        ("*/*", PAGES, TURTLE),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", PAGES, HTML),
        ("application/ld+json", PAGES, JSONLD),
        ("application/x-json+ld", PAGES, JSONLD),
        ("text/turtle;q=0.5, application/rdf+xml", PAGES, RDFXML),
        ("application/ld+json;q=0.9, text/turtle;q=0.1", PAGES, JSONLD),
        ("image/*, application/rdf+xml;q=0.2", PAGES, RDFXML),
        ("application/n-triples, */*;q=0", PAGES, NTRIPLES),
        ("text/*, text/turtle;q=0", PAGES, HTML),
        ("application/pdf", PAGES, None),
        ("text/turtle;q=0", (TURTLE,), None),
        ("application/sparql-results+json,application/json,text/javascript", RESULTS_FORMATS,
         RESULTS_JSON),
        ("application/sparql-results+xml", RESULTS_FORMATS, RESULTS_XML),
        ("*/*", RESULTS_FORMATS, RESULTS_JSON),
    ],
)  # fmt: skip
def test_choose(accept: str | None, offers: tuple, expected: object) -> None:  # type: ignore[type-arg]
    assert choose(accept, offers) is expected


def test_by_name() -> None:
    assert by_name("ttl", RDF_FORMATS) is TURTLE
    assert by_name("json-ld", RDF_FORMATS) is JSONLD
    assert by_name("application/rdf+xml", RDF_FORMATS) is RDFXML
    assert by_name("csv", RDF_FORMATS) is None
