"""The query library: headers, parameters, and every query's answer on the example corpus.

The expected rows below were worked out by reading ``examples/*.txt`` by hand (three séances
of the fictional Val-d'Aurèle council, 7 deliberations, 15 members), not by running the
program. Séance 1 (2023-03-14) has 3 deliberations, séance 2 (2023-06-27) and séance 3
(2024-02-06) have 2 each; attendance is stated per deliberation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from corpus_stores import AUTHORITY, BASE, COUNCIL, examples_dir, examples_store
from delibgraph.errors import QueryError
from delibgraph.querylib import (
    QueryParameter,
    bind,
    list_queries,
    load_query,
    parse_header,
    parse_parameters,
    resolve,
    run,
    stored_query,
)
from delibgraph.store import EmbeddedStore, PythonValue, Term
from delibgraph.vocab import XSD

Records = list[dict[str, PythonValue | None]]

# ---------------------------------------------------------------- headers and parameters


def test_header_keys_and_continuation_lines() -> None:
    text = (
        "# title: Attendance rate per member\n"
        "# description: For each member,\n"
        "#   the deliberations where present.\n"
        "# parameters: ?body (IRI, default: all) the council;\n"
        "#   ?year (integer) the year\n"
        "PREFIX x: <http://example.org/>\n"
        "# title: not a header line any more\n"
        "SELECT * WHERE { ?s ?p ?o }\n"
    )
    header = parse_header(text)
    assert header["title"] == "Attendance rate per member"
    assert header["description"] == "For each member, the deliberations where present."
    query = stored_query(text, name="q", path=None, strict=True)
    assert query.parameters == (
        QueryParameter("body", "IRI", "all", "the council"),
        QueryParameter("year", "integer", None, "the year"),
    )


def test_parameters_none_and_descriptions_over_several_lines() -> None:
    assert parse_parameters("none") == ()
    assert parse_parameters("?act (IRI) the act\nwhose mentions are listed") == (
        QueryParameter("act", "IRI", None, "the act whose mentions are listed"),
    )


def test_bad_headers_are_query_errors() -> None:
    with pytest.raises(QueryError, match="unknown parameter type"):
        parse_parameters("?x (colour)")
    with pytest.raises(QueryError, match="cannot read the parameter"):
        parse_parameters("body (IRI)")
    with pytest.raises(QueryError, match="lacks description, parameters"):
        stored_query("# title: t\nSELECT * {}", name="q", path=None, strict=True)
    with pytest.raises(QueryError, match="repeats 'title'"):
        parse_header("# title: a\n# title: b\n")


def test_every_library_query_has_a_complete_header() -> None:
    queries = list_queries()
    assert len(queries) >= 6
    for query in queries:
        header = parse_header(query.text)
        for key in ("title", "description", "parameters"):
            assert header.get(key), f"{query.name}: no {key}"
        projection = _projection(query.text)
        for parameter in query.parameters:
            # pyoxigraph substitutes only variables the SELECT projects
            assert parameter.name in projection, f"{query.name}: ?{parameter.name} not projected"


def _projection(text: str) -> set[str]:
    select = re.search(r"^SELECT(.*?)WHERE", text, re.MULTILINE | re.DOTALL)
    assert select is not None
    clause = re.sub(r"\([^()]*(?:\([^()]*\)[^()]*)*\s+AS\s+\?(\w+)\)", r" ?\1 ", select[1])
    return set(re.findall(r"\?(\w+)", clause))


def test_the_required_questions_are_in_the_library() -> None:
    names = {query.name for query in list_queries()}
    assert names >= {
        "attendance-by-member", "proxies-by-member", "deliberations-by-body-month",
        "dissent-by-member", "deliberations-by-theme", "entities-mentioned",
    }  # fmt: skip


def test_resolve_a_name_a_file_or_sparql(tmp_path: Path) -> None:
    assert resolve("attendance-by-member").path is not None
    query_file = tmp_path / "mine.rq"
    query_file.write_text("SELECT ?s WHERE { ?s ?p ?o }\n", encoding="utf-8")
    from_file = resolve(str(query_file))
    assert (from_file.name, from_file.title, from_file.parameters) == ("mine", "mine", ())
    literal = resolve("SELECT * WHERE { ?s ?p ?o }")
    assert literal.path is None and literal.source == "query"
    with pytest.raises(QueryError, match="unknown query 'no-such-question'"):
        resolve("no-such-question")
    with pytest.raises(QueryError, match="cannot read"):
        resolve(str(tmp_path / "missing.rq"))


def test_parameters_are_typed_by_the_header() -> None:
    query = stored_query(
        "# title: t\n# description: d\n"
        "# parameters: ?body (IRI, default: all); ?year (integer, default: 2023); ?day (date)\n"
        "SELECT ?body ?year ?day WHERE { ?body ?p ?year }",
        name="t",
        path=None,
        strict=True,
    )
    bindings = bind(query, {"body": "<http://example.org/b>", "day": "2023-03-14"})
    assert bindings == {
        "body": Term.iri("http://example.org/b"),
        "day": Term.literal("2023-03-14", datatype=str(XSD.date)),
        "year": Term.literal("2023", datatype=str(XSD.integer)),  # the header's default
    }
    with pytest.raises(QueryError, match="expects a value of type IRI"):
        bind(query, {"body": "not an iri"})
    with pytest.raises(QueryError, match="expects a value of type date"):
        bind(query, {"day": "14/03/2023"})
    with pytest.raises(QueryError, match=r"no parameter \?colour; it takes \?body, \?year"):
        bind(query, {"colour": "red"})


def test_sparql_without_header_takes_any_parameter_typed_by_its_look() -> None:
    query = resolve("SELECT ?a ?b ?c WHERE { ?a ?b ?c }")
    assert bind(query, {"a": "http://example.org/x", "b": "12", "c": "Finances"}) == {
        "a": Term.iri("http://example.org/x"),
        "b": Term.literal("12", datatype=str(XSD.integer)),
        "c": Term.literal("Finances"),
    }


def test_errors_name_the_query_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rq"
    broken.write_text("# title: t\nSELECT ?x\nWHERE { ?x ?p }\n", encoding="utf-8")
    with EmbeddedStore(tmp_path / "store") as store, pytest.raises(QueryError) as caught:
        run(store, str(broken))
    assert caught.value.source == str(broken)
    assert caught.value.line == 3


def test_every_library_query_runs_on_an_empty_store(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        for query in list_queries():
            assert run(store, query).rows == (), query.name


# ---------------------------------------------------------------- answers on examples/


@pytest.fixture(scope="module")
def store() -> Iterator[EmbeddedStore]:
    path, report = examples_store(ner=True)
    assert report.exit_code == 0, report.to_text()
    with EmbeddedStore(path) as opened:
        yield opened


def _by_name(records: Records) -> dict[str, dict[str, PythonValue | None]]:
    named = {str(r["name"]): r for r in records}
    assert len(named) == len(records), "a member appears twice"
    return named


MEMBERS = (
    "Hélène MARCHAND", "Marc DUBOIS", "Sophie LEROY", "Paul GIRARD", "Nadia BENALI",
    "Julien FAURE", "Claire MOREAU", "Karim HADDAD", "Isabelle ROUSSEL-PETIT",
    "Jean-Baptiste LECOMTE", "Amélie DELATOUR", "Thomas MARTIN GARCIA", "Élise VIDAL",
    "François NGUYEN", "Lucie PERRIN",
)  # fmt: skip

# name → (present, represented, absent) over the 7 deliberations
ATTENDANCE = {
    **{name: (7, 0, 0) for name in MEMBERS},
    "Sophie LEROY": (2, 5, 0),  # proxy at séances 1 and 3
    "Paul GIRARD": (2, 5, 0),  # proxy at séances 1 and 3
    "Nadia BENALI": (4, 0, 3),  # absent at séance 1
    "Claire MOREAU": (5, 2, 0),  # proxy at séance 3
    "Karim HADDAD": (5, 2, 0),  # proxy at séance 2
    "Thomas MARTIN GARCIA": (5, 0, 2),  # absent at séance 3
    "Lucie PERRIN": (5, 0, 2),  # excused at séance 2
}


def test_each_member_has_one_person_iri_across_seances(store: EmbeddedStore) -> None:
    result = run(
        store,
        "SELECT ?name (COUNT(DISTINCT ?person) AS ?iris) "
        "WHERE { ?person a person:Person ; foaf:name ?name } GROUP BY ?name",
    )
    assert {str(r["name"]): r["iris"] for r in result.records()} == dict.fromkeys(MEMBERS, 1)


def test_attendance_by_member(store: EmbeddedStore) -> None:
    rows = _by_name(run(store, "attendance-by-member").records())
    assert set(rows) == set(MEMBERS)
    for name, (present, represented, absent) in ATTENDANCE.items():
        row = rows[name]
        assert (row["seances"], row["present"], row["represented"], row["absent"]) == (
            3, present, represented, absent,
        ), name  # fmt: skip
        rate = row["rate"]
        assert isinstance(rate, Decimal), "the rate is an xsd:decimal"
        assert abs(rate - Decimal(present) / Decimal(7)) < Decimal("1e-9"), name
        assert row["body"] == COUNCIL
    assert rows["Hélène MARCHAND"]["rate"] == 1
    order = [r["name"] for r in run(store, "attendance-by-member").records()]
    assert order[:3] == ["Nadia BENALI", "Amélie DELATOUR", "Marc DUBOIS"]  # by family name


def test_attendance_restricted_to_a_body(store: EmbeddedStore) -> None:
    assert len(run(store, "attendance-by-member", {"body": COUNCIL}).rows) == 15
    other = f"{AUTHORITY}/body/commission-des-finances"
    assert run(store, "attendance-by-member", {"body": other}).rows == ()


def test_proxies_by_member(store: EmbeddedStore) -> None:
    rows = _by_name(run(store, "proxies-by-member").records())
    got = {name: (r["given"], r["received"], r["seances"]) for name, r in rows.items()}
    assert got == {
        "Paul GIRARD": (5, 0, 2),  # → Hélène MARCHAND (séance 1), → Marc DUBOIS (séance 3)
        "Sophie LEROY": (5, 0, 2),  # → Marc DUBOIS (séance 1), → Hélène MARCHAND (séance 3)
        "Karim HADDAD": (2, 0, 1),  # → Julien FAURE (séance 2)
        "Claire MOREAU": (2, 0, 1),  # → Julien FAURE (séance 3)
        "Hélène MARCHAND": (0, 5, 2),
        "Marc DUBOIS": (0, 5, 2),
        "Julien FAURE": (0, 4, 2),
    }


def test_deliberations_by_body_and_month(store: EmbeddedStore) -> None:
    got = [
        (r["bodyName"], r["month"], r["deliberations"], r["seances"])
        for r in run(store, "deliberations-by-body-month").records()
    ]
    assert got == [
        ("Conseil municipal", "2023-03", 3, 1),
        ("Conseil municipal", "2023-06", 2, 1),
        ("Conseil municipal", "2024-02", 2, 1),
    ]


def test_dissent_by_member(store: EmbeddedStore) -> None:
    rows = _by_name(run(store, "dissent-by-member").records())
    got = {
        name: (r["votes"], r["againstVotes"], r["abstentions"], r["notVoting"])
        for name, r in rows.items()
    }
    # Six deliberations were voted (2024-003 only takes note); every vote is exact here, so
    # each member has one individual vote per voted deliberation where present or represented.
    expected = {name: (6, 0, 0, 0) for name in MEMBERS}
    expected |= {
        "Julien FAURE": (6, 2, 1, 0),  # against 2023-014 and 2024-004, abstains on 2023-031
        "Claire MOREAU": (6, 2, 0, 0),  # against 2023-014, and 2024-004 by proxy
        "Karim HADDAD": (6, 0, 2, 0),  # abstains on 2023-014, and 2023-031 by proxy
        "Élise VIDAL": (6, 0, 0, 1),  # does not take part in 2023-015
        "Nadia BENALI": (3, 0, 0, 0),  # absent at séance 1
        "Thomas MARTIN GARCIA": (5, 0, 0, 0),  # absent at séance 3
        "Lucie PERRIN": (4, 0, 0, 0),  # excused at séance 2
    }
    assert got == expected
    first = [r["name"] for r in run(store, "dissent-by-member").records()[:3]]
    assert first == ["Julien FAURE", "Karim HADDAD", "Claire MOREAU"]  # by dissent, family name


def test_deliberations_by_theme(store: EmbeddedStore) -> None:
    got = {
        r["themeName"]: (r["deliberations"], r["seances"], r["first"], r["last"])
        for r in run(store, "deliberations-by-theme").records()
    }
    march, june, february = dt.date(2023, 3, 14), dt.date(2023, 6, 27), dt.date(2024, 2, 6)
    assert got == {
        "Finances": (2, 2, march, february),
        "Culture": (1, 1, march, march),
        "Urbanisme": (1, 1, march, march),
        "Enfance": (1, 1, june, june),
        "Institutions": (1, 1, june, june),
        "Voirie": (1, 1, february, february),
    }
    assert run(store, "deliberations-by-theme").records()[0]["themeName"] == "Finances"


def test_vote_results(store: EmbeddedStore) -> None:
    got = {
        r["number"]: (r["outcome"], r["for"], r["against"], r["abstention"], r["notVoting"])
        for r in run(store, "vote-results").records()
    }
    assert got == {
        "2023-014": ("Pass", 11, 2, 1, 0),
        "2023-015": ("Pass", 13, 0, 0, 1),
        "2023-016": ("Pass", 14, 0, 0, 0),
        "2023-031": ("Pass", 12, 0, 2, 0),
        "2023-032": ("Pass", 14, 0, 0, 0),
        "2024-003": ("Noted", None, None, None, None),
        "2024-004": ("Pass", 12, 2, 0, 0),
    }
    unanimous = {r["number"]: r["unanimous"] for r in run(store, "vote-results").records()}
    assert unanimous["2023-016"] is True and unanimous["2023-032"] is True
    assert all(unanimous[n] is not True for n in ("2023-014", "2023-031", "2024-004"))


# Money amounts each text states (reasoning and decisions), by deliberation number.
AMOUNTS = {
    "2023-014": {Decimal(1_240_000), Decimal(312_000)},
    "2023-015": {Decimal(2_500), Decimal(9_800), Decimal(3_000)},
    "2023-016": {Decimal(48_000)},
    "2023-031": {Decimal("3.40"), Decimal("4.60"), Decimal(8_500)},
    "2024-003": {Decimal(2_150_000), Decimal(120_000), Decimal(450_000)},
    "2024-004": {Decimal(120_000), Decimal(36_000)},
}


def test_entities_mentioned_amounts(store: EmbeddedStore) -> None:
    records = run(store, "entities-mentioned").records()
    amounts: dict[str, set[PythonValue | None]] = {}
    for r in records:
        if r["kind"] == "amount":
            assert r["currency"] == "EUR"
            amounts.setdefault(str(r["number"]), set()).add(r["value"])
    assert amounts == AMOUNTS


def test_entities_mentioned_names_come_from_the_text(store: EmbeddedStore) -> None:
    """Organisations and places come from spaCy: their exact list is the model's, but each
    must be printed in its deliberation's text, and the texts name some organisations."""
    texts = {
        path.stem.removeprefix("val-daurele-"): " ".join(path.read_text("utf-8").split())
        for path in examples_dir().glob("*.txt")
    }
    named = [r for r in run(store, "entities-mentioned").records() if r["kind"] != "amount"]
    assert any(r["kind"] == "organization" for r in named)
    for r in named:
        assert " ".join(str(r["mention"]).split()) in texts[str(r["number"])], r


def test_entities_mentioned_for_one_act(store: EmbeddedStore) -> None:
    act = f"{BASE}eli/deliberation/219990001/2023/03/14/2023-016"
    records = run(store, "entities-mentioned", {"act": act}).records()
    assert {r["number"] for r in records} == {"2023-016"}
    assert {r["value"] for r in records if r["kind"] == "amount"} == {Decimal(48_000)}


def test_load_query_returns_the_file_text() -> None:
    query = load_query("attendance-by-member")
    assert query.text.startswith("# title: Attendance rate per member")
    assert query.title == "Attendance rate per member"
