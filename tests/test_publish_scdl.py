"""The SCDL Délibérations export checked against the schema's Table Schema constraints
(types, formats, required, patterns) and its custom checks (SIRET key, vote columns filled
together, VOTE_REEL = POUR + CONTRE + ABSTENTION, VOTE_EFFECTIF ≥ VOTE_REEL,
PREF_DATE ≥ DELIB_DATE). The schema is read from ../shared/reference (CI has it beside the
clone); the columns and the cells the registers cannot fill are checked without it too.

None of the examples states its ACTES matière (all are inferred); a second store holds copies
of them stamped with a matière the way registers print it, to check the stated case."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from rdflib.term import Node

from delibgraph.errors import UsageError
from delibgraph.publish.scdl import SCDL_COLUMNS, check_siret, scdl_matiere, write_scdl
from delibgraph.serve.readonly import ReadOnlyStore
from delibgraph.store import EmbeddedStore
from delibgraph.vocab import DLG, ELI
from serve_support import (
    AUTHORITY_SIREN,
    FICTIONAL_SIRET,
    INGESTED_AT,
    example_files,
    load,
    scratch,
)

BASE = "http://localhost:8000/"
SCHEMA = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "scdl-deliberations-schema.json"
)


@pytest.fixture(scope="module")
def store() -> ReadOnlyStore:
    path = scratch("delibgraph-scdl-") / "store"
    load(path, example_files(), base=BASE, now=INGESTED_AT)
    return ReadOnlyStore(path)


# Stamps added before the certification line, as an ACTES stamp or a register prints them.
STAMPS = {
    "val-daurele-2023-014.txt": "Nomenclature ACTES : 7.1 - Décisions budgétaires",
    "val-daurele-2023-031.txt": "Classification ACTES : 8.5.1",  # level 3: cut to 8.5
    "val-daurele-2023-016.txt": "Matière : 3",  # level 1 only
}
MATERIALISED = "2024-004"  # an inferred subject also written as eli:is_about, as a reasoner would
UNCLASSIFIED = "2024-003"  # its inferred subject removed: no ACTES matière at all


@pytest.fixture(scope="module")
def stamped() -> ReadOnlyStore:
    folder = scratch("delibgraph-scdl-stamped-")
    (folder / "in").mkdir()
    for source in example_files():
        text = source.read_text(encoding="utf-8")
        if source.name in STAMPS:
            anchor = "Acte Certifié exécutoire :"
            assert anchor in text
            text = text.replace(anchor, f"{STAMPS[source.name]}\n{anchor}")
        (folder / "in" / source.name).write_text(text, encoding="utf-8")
    load(folder / "store", sorted((folder / "in").iterdir()), base=BASE, now=INGESTED_AT)
    edit_act_graph(folder / "store", MATERIALISED, materialise_inferred_subject)
    edit_act_graph(folder / "store", UNCLASSIFIED, drop_inferred_subject)
    return ReadOnlyStore(folder / "store")


def edit_act_graph(path: Path, number: str, edit: Callable[[Graph, Node], None]) -> None:
    """Rewrite the named graph of the act ``number`` after ``edit(graph, act)``."""
    with EmbeddedStore(path) as store:
        for graph_iri in store.graphs():
            out = io.BytesIO()
            store.export_graph(graph_iri, out)
            # each N-Quads line ends with the graph's IRI: dropping it leaves N-Triples
            ntriples = out.getvalue().decode("utf-8").replace(f" <{graph_iri}> .\n", " .\n")
            graph = Graph().parse(data=ntriples, format="nt")
            for act, act_number in graph.subject_objects(ELI.number):
                if str(act_number) == number:
                    edit(graph, act)
                    store.replace_graph(graph_iri, graph)
                    return
    raise AssertionError(f"no act {number}")


def materialise_inferred_subject(graph: Graph, act: Node) -> None:
    (concept,) = graph.objects(act, DLG.inferredSubject)
    graph.add((act, ELI.is_about, concept))


def drop_inferred_subject(graph: Graph, act: Node) -> None:
    (concept,) = graph.objects(act, DLG.inferredSubject)
    graph.remove((act, DLG.inferredSubject, concept))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    if not SCHEMA.is_file():
        message = f"the SCDL schema {SCHEMA} is not beside the repository"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    data: dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return data


def export(
    store: ReadOnlyStore, siret: dict[str, str] | None
) -> tuple[list[str], list[dict[str, str]], tuple[str, ...]]:
    out = io.StringIO(newline="")
    table = write_scdl(store, out, siret=siret)
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    return list(reader.fieldnames or []), list(reader), table.gaps


def violations(schema: dict[str, Any], rows: list[dict[str, str]]) -> list[str]:
    """Every broken constraint, as ``row:field:rule``."""
    found: list[str] = []
    for index, row in enumerate(rows, start=1):
        for spec in schema["fields"]:
            name, value = spec["name"], row[spec["name"]]
            constraints = spec.get("constraints", {})
            if not value:
                if constraints.get("required"):
                    found.append(f"{index}:{name}:required")
                continue
            if "pattern" in constraints and not re.fullmatch(constraints["pattern"], value):
                found.append(f"{index}:{name}:pattern")
            if spec["type"] == "date":
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    found.append(f"{index}:{name}:date")
            if spec["type"] == "integer" and not re.fullmatch(r"-?\d+", value):
                found.append(f"{index}:{name}:integer")
            if spec.get("format") == "uri" and not re.match(r"^https?://\S+$", value):
                found.append(f"{index}:{name}:uri")
        found.extend(f"{index}:{rule}" for rule in custom_checks(row))
    return found


def custom_checks(row: dict[str, str]) -> list[str]:
    broken = []
    if row["COLL_SIRET"]:
        try:
            check_siret(row["COLL_SIRET"][:9], row["COLL_SIRET"])
        except UsageError:
            broken.append("french-siret-value")
    votes = [
        row[c]
        for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")
    ]
    if any(votes) and not all(votes):
        broken.append("cohesive-columns-value")
    if all(votes):
        effectif, reel, pour, contre, abstention = (int(v) for v in votes)
        if reel != pour + contre + abstention:
            broken.append("sum-columns-value")
        if effectif < reel:
            broken.append("compare-columns-value:VOTE_EFFECTIF")
    if row["PREF_DATE"] and row["PREF_DATE"] < row["DELIB_DATE"]:
        broken.append("compare-columns-value:PREF_DATE")
    if bool(row["BUDGET_ANNEE"]) != bool(row["BUDGET_NOM"]):
        broken.append("cohesive-columns-value:BUDGET")
    return broken


def test_columns_follow_the_schema(store: ReadOnlyStore, schema: dict[str, Any]) -> None:
    header, rows, _ = export(store, {AUTHORITY_SIREN: FICTIONAL_SIRET})
    assert header == [field["name"] for field in schema["fields"]] == list(SCDL_COLUMNS)
    assert len(rows) == 7


def test_an_inferred_matiere_is_left_out_and_counted(
    store: ReadOnlyStore, schema: dict[str, Any]
) -> None:
    _, rows, gaps = export(store, {AUTHORITY_SIREN: FICTIONAL_SIRET})
    assert violations(schema, rows) == [
        f"{i}:DELIB_MATIERE_{column}:required" for i in range(1, 8) for column in ("CODE", "NOM")
    ]
    assert {(row["DELIB_MATIERE_CODE"], row["DELIB_MATIERE_NOM"]) for row in rows} == {("", "")}
    (gap,) = gaps
    assert gap.startswith("DELIB_MATIERE_CODE and DELIB_MATIERE_NOM (required) are empty in 7 of")
    assert "inferred" in gap and "dlg:inferredSubject" in gap


def test_a_stated_matiere_gives_code_and_name(
    stamped: ReadOnlyStore, schema: dict[str, Any]
) -> None:
    _, rows, gaps = export(stamped, {AUTHORITY_SIREN: FICTIONAL_SIRET})
    by_id = {row["DELIB_ID"]: row for row in rows}
    matieres = {
        number: (row["DELIB_MATIERE_CODE"], row["DELIB_MATIERE_NOM"])
        for number, row in by_id.items()
    }
    assert matieres == {
        "2023-014": ("7.1", "finances locales/décisions budgétaires"),
        "2023-031": (
            "8.5",
            "domaines de compétences par thèmes/politique de la ville habitat logement",
        ),
        "2023-016": ("", ""),  # "Matière : 3": level 1 only, the schema needs level 2
        "2023-015": ("", ""),  # inferred
        "2023-032": ("", ""),  # inferred
        MATERIALISED: ("", ""),  # also eli:is_about, but still dlg:inferredSubject
        UNCLASSIFIED: ("", ""),
    }
    filled = {i for i, row in enumerate(rows, start=1) if row["DELIB_MATIERE_CODE"]}
    assert [v for v in violations(schema, rows) if int(v.split(":")[0]) in filled] == []
    empty = "DELIB_MATIERE_CODE and DELIB_MATIERE_NOM (required) are empty in"
    assert [gap.split(" rows ")[0] for gap in gaps[:3]] == [
        f"{empty} {count} of 7" for count in (3, 1, 1)
    ]
    assert "inferred" in gaps[0] and "level 1" in gaps[1] and "no ACTES matière" in gaps[2]
    assert "COLL_SIRET" not in " ".join(gaps)


def test_scdl_matiere_follows_the_schema(schema: dict[str, Any]) -> None:
    (code_spec,) = (f for f in schema["fields"] if f["name"] == "DELIB_MATIERE_CODE")
    assert scdl_matiere("7.5") == ("7.5", "finances locales/subventions")
    assert scdl_matiere("7.10") == ("7.10", "finances locales/divers")
    assert scdl_matiere("4.1") == (
        "4.1",
        "fonction publique/personnels titulaires et stagiaires de la fpt",
    )
    assert scdl_matiere("7") is None and scdl_matiere("9.99") is None
    for code in ("1.1", "3.6", "5.8", "7.10", "8.5", "8.6", "9.4"):
        columns = scdl_matiere(code)
        assert columns is not None, code
        assert re.fullmatch(code_spec["constraints"]["pattern"], columns[0])
        level1, level2 = columns[1].split("/")  # exactly one slash
        assert columns[1] == columns[1].lower() and not re.search(r"[,()]", columns[1])
        assert level1 == level1.strip() and level2 == level2.strip() and level1 and level2


def test_without_siret_the_gap_is_reported_not_invented(
    store: ReadOnlyStore, schema: dict[str, Any]
) -> None:
    _, rows, gaps = export(store, None)
    assert {row["COLL_SIRET"] for row in rows} == {""}
    assert sum(v.endswith("COLL_SIRET:required") for v in violations(schema, rows)) == 7
    assert any(AUTHORITY_SIREN in gap and "COLL_SIRET" in gap for gap in gaps)


def test_row_values(store: ReadOnlyStore) -> None:
    _, rows, _ = export(store, {AUTHORITY_SIREN: FICTIONAL_SIRET})
    by_id = {row["DELIB_ID"]: row for row in rows}
    row = by_id["2023-014"]
    assert row["COLL_NOM"] == "Commune de Val-d'Aurèle"
    assert row["COLL_SIRET"] == FICTIONAL_SIRET
    assert row["DELIB_DATE"] == "2023-03-14" and row["PREF_DATE"] == "2023-03-20"
    assert row["DELIB_MATIERE_NOM"] == ""  # not the theme "Finances": an ACTES name or nothing
    assert (row["VOTE_EFFECTIF"], row["VOTE_REEL"], row["VOTE_POUR"]) == ("15", "14", "11")
    assert (row["VOTE_CONTRE"], row["VOTE_ABSTENTION"]) == ("2", "1")
    assert (
        row["DELIB_URL"] == "http://localhost:8000/eli/deliberation/219990001/2023/03/14/2023-014"
    )
    noted = by_id["2024-003"]  # the council took note: no vote, the five columns stay empty
    assert [noted[c] for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR")] == ["", "", ""]


def test_siret_is_checked() -> None:
    assert check_siret(AUTHORITY_SIREN, FICTIONAL_SIRET) == FICTIONAL_SIRET
    with pytest.raises(UsageError, match="14 digits"):
        check_siret(AUTHORITY_SIREN, "2199900010")
    with pytest.raises(UsageError, match="does not start"):
        check_siret(AUTHORITY_SIREN, "12345678900011")
    bad_key = FICTIONAL_SIRET[:-1] + str((int(FICTIONAL_SIRET[-1]) + 1) % 10)
    with pytest.raises(UsageError, match="Luhn"):
        check_siret(AUTHORITY_SIREN, bad_key)
