"""One person per member of an authority, however the registers print the name."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from corpus_stores import deliberation_graphs
from delibgraph.identity import (
    PersonResolver,
    Rosters,
    matches,
    parse_person,
    roster_from_store,
    rosters_from_store,
)
from delibgraph.ids import IriMinter
from delibgraph.mapping import map_deliberation
from delibgraph.parse import parse_file
from delibgraph.pipeline import ingest
from delibgraph.store import EmbeddedStore
from delibgraph.vocab import FOAF, PERSON, RDF

FIXTURES = Path(__file__).parent / "fixtures"
MINTER = IriMinter("http://example.org/")
NOW = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
# Sainte-Colombe-des-Aulnes: Aurélie MEYNADIER (BERTHÉZÈNE) printed four ways, two ROUQUETTE
# (the truncated document is left out: its graph does not conform, it is never stored).
SAINTE_COLOMBE = [
    "sainte-colombe-2022-041", "sainte-colombe-2023-007", "sainte-colombe-2023-012-ocr",
    "sainte-colombe-2023-020-hosting-site",
]  # fmt: skip


@pytest.mark.parametrize(
    ("printed", "family", "given", "initials", "maiden"),
    [
        ("Aurélie MEYNADIER (BERTHÉZÈNE)", "meynadier", "aurelie", "", "berthezene"),
        ("MEYNADIER (BERTHÉZÈNE) Aurélie", "meynadier", "aurelie", "", "berthezene"),
        ("Mme Meynadier", "meynadier", "", "", ""),
        ("A. MEYNADIER", "meynadier", "", "a", ""),
        ("Rouquette P.", "rouquette", "", "p", ""),
        ("J.-P. Martin", "martin", "", "jp", ""),
        ("Jean-Pierre Martin", "martin", "jean-pierre", "", ""),
        ("Olivier de LAVERGNE", "de lavergne", "olivier", "", ""),
    ],
)
def test_parse_person(printed: str, family: str, given: str, initials: str, maiden: str) -> None:
    parts = parse_person(printed)
    assert (parts.family, parts.given, parts.initials, parts.maiden) == (
        family, given, initials, maiden
    )  # fmt: skip


def test_matches() -> None:
    full = parse_person("Aurélie MEYNADIER (BERTHÉZÈNE)")
    for short in ("Mme Meynadier", "A. MEYNADIER", "Aurelie MEYNADIER", "BERTHÉZÈNE Aurélie"):
        assert matches(parse_person(short), full), short
    for other in ("B. MEYNADIER", "Sylvie MEYNADIER", "Aurélie MARTIN"):
        assert not matches(parse_person(other), full), other
    assert matches(parse_person("J.-P. Martin"), parse_person("Jean-Pierre MARTIN"))


def test_the_resolver_lists_ambiguities_and_never_guesses() -> None:
    resolver = PersonResolver.of(["Paul ROUQUETTE", "Sylvie ROUQUETTE", "Aurélie MEYNADIER"])
    assert resolver.resolve("Rouquette P.").canonical == "Paul ROUQUETTE"
    ambiguous = resolver.resolve("M. Rouquette")
    assert ambiguous.ambiguous and ambiguous.canonical is None
    assert ambiguous.candidates == ("Paul ROUQUETTE", "Sylvie ROUQUETTE")
    assert resolver.canonical("M. Rouquette") == "M. Rouquette"  # kept as printed
    assert resolver.resolve("Jean NOUVEAU").canonical == "Jean NOUVEAU"  # unknown: itself


def _persons(graph_iris: list[str], store: EmbeddedStore) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for row in store.query(
        f"SELECT ?p ?n WHERE {{ ?p a <{PERSON.Person}> ; <{FOAF.name}> ?n }}"
    ).rows:
        assert row[0] is not None and row[1] is not None
        names.setdefault(row[0].value, set()).add(row[1].value)
    return names


def test_one_person_across_the_documents_of_an_authority(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in SAINTE_COLOMBE:
        shutil.copy(FIXTURES / f"{name}.txt", folder)
    with EmbeddedStore(tmp_path / "store") as store:
        report = ingest([folder], store, minter=MINTER, report_dir=None, ner=False, now=NOW)
        assert report.exit_code == 0, report.to_text()
        persons = _persons(store.graphs(), store)
        meynadier = [iri for iri in persons if "meynadier" in iri]
        assert meynadier == ["http://example.org/id/authority/219990482/person/meynadier-aurelie"]
        # "M. Rouquette" (Contre, 2023-020) may be Paul or Sylvie: listed, not merged
        assert any("'Rouquette'" in message for message in report.ambiguities)
        assert "ambiguous name:" in report.to_text()
        rouquettes = sorted(iri.rsplit("/", 1)[1] for iri in persons if "rouquette" in iri)
        assert rouquettes == ["rouquette", "rouquette-paul", "rouquette-sylvie"]
        # the store's roster, for the next run
        prefix = "http://example.org/id/authority/219990482/person/"
        assert "Sylvie ROUQUETTE" in roster_from_store(store, prefix)
        assert prefix in rosters_from_store(store).names


def test_the_statistics_graph_adds_no_name_to_the_rosters(tmp_path: Path) -> None:
    """The statistics graph repeats each counted person's name: one the registers print."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in SAINTE_COLOMBE:
        shutil.copy(FIXTURES / f"{name}.txt", folder)
    with EmbeddedStore(tmp_path / "store") as store:
        ingest([folder], store, minter=MINTER, report_dir=None, ner=False, now=NOW)
        graphs = store.graphs()
        deliberations = deliberation_graphs(graphs, MINTER.base)
        [statistics] = set(graphs) - set(deliberations)
        named = f"ASK {{ GRAPH <{statistics}> {{ ?person <{FOAF.name}> ?name }} }}"
        assert store.query(named).boolean
        values = " ".join(f"<{graph}>" for graph in deliberations)
        printed = store.query(
            f"SELECT DISTINCT ?person ?name WHERE {{ VALUES ?g {{ {values} }} "
            f"GRAPH ?g {{ ?person <{FOAF.name}> ?name }} }}"
        ).records()
        rosters = rosters_from_store(store)
    prefix = "http://example.org/id/authority/219990482/person/"
    assert rosters.names == {prefix: {str(row["name"]) for row in printed}}


def test_a_later_document_resolves_against_the_store(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        ingest([FIXTURES / "sainte-colombe-2022-041.txt"], store, minter=MINTER,
               report_dir=None, ner=False, now=NOW)  # fmt: skip
        rosters = rosters_from_store(store)
    [d] = parse_file(FIXTURES / "sainte-colombe-2023-007.txt", ner=False)
    assert "A. MEYNADIER" in d.present
    resolver = rosters.resolver_for(MINTER, d)
    assert resolver.canonical("A. MEYNADIER") == "Aurélie MEYNADIER"
    graph = map_deliberation(d, minter=MINTER, ingested_at=NOW, resolver=resolver).graph
    persons = {str(s) for s in graph.subjects(RDF.type, PERSON.Person)}
    assert "http://example.org/id/authority/219990482/person/meynadier-aurelie" in persons
    assert not any(iri.endswith("/person/meynadier-a") for iri in persons)


def test_without_a_resolver_mapping_keeps_the_printed_names() -> None:
    [d] = parse_file(FIXTURES / "sainte-colombe-2023-007.txt", ner=False)
    graph = map_deliberation(d, minter=MINTER, ingested_at=NOW).graph
    names = {str(o) for o in graph.objects(None, FOAF.name)}
    assert "A. MEYNADIER" in names


def test_rosters_learn_from_the_run() -> None:
    rosters = Rosters()
    [first] = parse_file(FIXTURES / "sainte-colombe-2022-041.txt", ner=False)
    rosters.learn(MINTER, first)
    [later] = parse_file(FIXTURES / "sainte-colombe-2023-007.txt", ner=False)
    assert rosters.resolver_for(MINTER, later).canonical("P. ROUQUETTE") == "Paul ROUQUETTE"
