"""The SPARQL results writers: JSON, XML, CSV, TSV, read back by independent parsers."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox

from delibgraph.serve.results import to_csv, to_json, to_tsv, to_xml
from delibgraph.store import QueryResult, Term
from delibgraph.vocab import XSD

TRICKY = 'un "titre"\navec\tune tabulation, et une virgule'
RESULT = QueryResult(
    ("item", "label", "count", "missing"),
    (
        (
            Term.iri("http://example.org/a"),
            Term.literal(TRICKY, language="fr"),
            Term.literal("42", datatype=str(XSD.integer)),
            None,
        ),
        (
            Term("bnode", "b0"),
            Term.literal("plain"),
            Term.literal("x", datatype=str(XSD.string)),
            None,
        ),
    ),
)


def parsed(text: str, fmt: ox.QueryResultsFormat) -> list[dict[str, object]]:
    solutions = ox.parse_query_results(text.encode("utf-8"), format=fmt)
    assert isinstance(solutions, ox.QuerySolutions)
    return [
        {v.value: solution[v] for v in solutions.variables if solution[v] is not None}
        for solution in solutions
    ]


def test_json_xml_tsv_round_trip_through_oxigraph() -> None:
    expected = [
        {
            "item": ox.NamedNode("http://example.org/a"),
            "label": ox.Literal(TRICKY, language="fr"),
            "count": ox.Literal("42", datatype=ox.NamedNode(str(XSD.integer))),
        },
        {"label": ox.Literal("plain"), "count": ox.Literal("x")},
    ]
    for text, fmt in (
        (to_json(RESULT), ox.QueryResultsFormat.JSON),
        (to_xml(RESULT), ox.QueryResultsFormat.XML),
        (to_tsv(RESULT), ox.QueryResultsFormat.TSV),
    ):
        rows = parsed(text, fmt)
        assert isinstance(rows[1]["item"], ox.BlankNode)
        del rows[1]["item"]
        assert rows == expected, fmt


def test_csv_gives_plain_values() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(RESULT), newline="")))
    assert rows[0] == ["item", "label", "count", "missing"]
    assert rows[1] == ["http://example.org/a", TRICKY, "42", ""]
    assert rows[2] == ["_:b0", "plain", "x", ""]


def test_ask() -> None:
    ask = QueryResult(("ask",), ((Term.literal("true"),),), boolean=True)
    assert json.loads(to_json(ask)) == {"head": {}, "boolean": True}
    boolean = ox.parse_query_results(to_xml(ask).encode("utf-8"), format=ox.QueryResultsFormat.XML)
    assert bool(boolean) is True
    assert to_csv(ask).splitlines() == ["_askResult", "true"]
