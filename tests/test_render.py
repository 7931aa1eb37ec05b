"""Query results as an aligned table, CSV and JSON."""

from __future__ import annotations

import json

from delibgraph.render import compact_iri, render, shorten_iri, text_table
from delibgraph.store import QueryResult, Term
from delibgraph.vocab import XSD

PERSON = "http://localhost:8000/id/authority/219990001/person/marchand-helene"


def _result() -> QueryResult:
    return QueryResult(
        ("name", "rate", "present", "member", "since"),
        (
            (
                Term.literal("Hélène MARCHAND"),
                Term.literal("1", datatype=str(XSD.decimal)),
                Term.literal("7", datatype=str(XSD.integer)),
                Term.iri(PERSON),
                Term.literal("2023-03-14", datatype=str(XSD.date)),
            ),
            (
                Term.literal("Paul GIRARD"),
                Term.literal("0.285714285714285714", datatype=str(XSD.decimal)),
                Term.literal("2", datatype=str(XSD.integer)),
                None,
                None,
            ),
        ),
    )


def test_table_aligns_columns_and_shortens_values() -> None:
    lines = render(_result(), "table").splitlines()
    assert lines[0].split() == ["name", "rate", "present", "member", "since"]
    assert set(lines[1]) == {"-", " "}
    assert lines[2].split() == ["Hélène", "MARCHAND", "1", "7", "…/marchand-helene", "2023-03-14"]
    assert lines[3].split() == ["Paul", "GIRARD", "0.2857", "2"]
    # numbers are right-aligned: their last characters line up
    assert lines[2].index("7 ") == len(lines[3]) - 1  # "present" ends both rows
    assert lines[2].index("1 ") + 1 == lines[3].index("0.2857") + len("0.2857")
    assert lines[-1] == "(2 rows)"


def test_csv_keeps_values_whole() -> None:
    text = render(_result(), "csv")
    assert text.splitlines() == [
        "name,rate,present,member,since",
        f"Hélène MARCHAND,1,7,{PERSON},2023-03-14",
        "Paul GIRARD,0.285714285714285714,2,,",
    ]


def test_json_gives_typed_values() -> None:
    records = json.loads(render(_result(), "json"))
    assert records[0] == {
        "name": "Hélène MARCHAND", "rate": 1, "present": 7, "member": PERSON,
        "since": "2023-03-14",
    }  # fmt: skip
    assert abs(records[1]["rate"] - 2 / 7) < 1e-9 and records[1]["member"] is None
    assert "Hélène" in render(_result(), "json")  # not \\u-escaped


def test_ask_results() -> None:
    yes = QueryResult(("ask",), ((Term.literal("true"),),), boolean=True)
    assert render(yes, "table") == "yes\n"
    assert render(yes, "csv") == "ask\ntrue\n"
    assert json.loads(render(yes, "json")) == {"ask": True}


def test_iri_forms() -> None:
    assert compact_iri("http://data.europa.eu/eli/ontology#LegalResource") == "eli:LegalResource"
    assert compact_iri("^https://w3id.org/delibgraph/ns#proxy") == "^dlg:proxy"
    assert compact_iri(PERSON) == PERSON
    assert shorten_iri(PERSON) == "…/marchand-helene"
    assert shorten_iri("urn:x") == "urn:x"


def test_empty_table() -> None:
    assert text_table(("a", "b"), []) == "a  b\n-  -\n"
