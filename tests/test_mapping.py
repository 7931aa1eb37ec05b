"""Mapping a deliberation to RDF: the golden graph of the seed, derivation rules, determinism."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from decimal import Decimal

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from delibgraph.errors import MappingError
from delibgraph.mapping import DeliberationGraph, derive_yes_votes, map_deliberation
from delibgraph.mapping.people import office_name
from delibgraph.model import AbsentMember, Authority, Deliberation, RepresentedMember, Vote
from delibgraph.vocab import (
    DLG,
    ELI,
    FILE_TYPE,
    FOAF,
    OPENGOV,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    SCHEMA,
    SPDX,
    XSD,
)
from mapping_fixtures import (
    INGESTED_AT,
    MINTER,
    SEED_NAME,
    TESTS,
    hand_built_seed,
    seed_deliberation,
    small_council,
)

GOLDEN_GRAPH = TESTS / "golden" / "graph" / f"{SEED_NAME}.trig"
UPDATE_GOLDEN = os.environ.get("DELIBGRAPH_UPDATE_GOLDEN") == "1"


def mapped(d: Deliberation) -> DeliberationGraph:
    return map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT)


@pytest.fixture(scope="module")
def seed() -> DeliberationGraph:
    return mapped(seed_deliberation())


def ask_count(graph: Graph, query: str) -> int:
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    rows = list(graph.query(prefixes + query))
    return int(rows[0][0])  # type: ignore[index]


# --------------------------------------------------------------------------- golden graph


def _write_golden(dg: DeliberationGraph) -> None:
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    named = dataset.graph(dg.graph_iri)
    for triple in dg.graph:
        named.add(triple)
    GOLDEN_GRAPH.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN_GRAPH.write_text(dataset.serialize(format="trig"), encoding="utf-8")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own TriG plugin
def test_seed_graph_matches_the_golden_file(seed: DeliberationGraph) -> None:
    if UPDATE_GOLDEN:
        _write_golden(seed)
    assert GOLDEN_GRAPH.is_file(), "run with DELIBGRAPH_UPDATE_GOLDEN=1 to write the golden"
    dataset = Dataset()
    dataset.parse(GOLDEN_GRAPH, format="trig")
    names = [
        g.identifier for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier
    ]
    assert names == [seed.graph_iri]
    golden = dataset.graph(seed.graph_iri)
    if not isomorphic(golden, seed.graph):
        _, only_golden, only_mapped = graph_diff(to_isomorphic(golden), to_isomorphic(seed.graph))
        lost = sorted(only_golden.serialize(format="nt").splitlines())[:10]
        new = sorted(only_mapped.serialize(format="nt").splitlines())[:10]
        pytest.fail(f"graph differs from {GOLDEN_GRAPH.name}\nonly golden: {lost}\nonly now: {new}")


# --------------------------------------------------------------------------- the seed's facts


def test_seed_has_87_yes_votes_and_12_proxies(seed: DeliberationGraph) -> None:
    yes = ask_count(
        seed.graph,
        """SELECT (COUNT(DISTINCT ?voter) AS ?n) WHERE {
             ?act eli:number "M2021-162" .
             ?event prov:generated ?act .
             ?vote opengov:voteEvent ?event ; schema:option "yes" ; schema:agent ?voter .
           }""",
    )
    proxies = ask_count(seed.graph, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a dlg:Proxy }")
    assert (yes, proxies) == (87, 12)


def test_seed_attendance_and_counts(seed: DeliberationGraph) -> None:
    g, event = seed.graph, seed.ids.vote_event
    assert len(set(g.objects(event, SCHEMA.attendee))) == 75
    assert len(set(g.objects(event, DLG.absentMember))) == 5
    assert g.value(event, DLG.membersInOffice) == Literal(92, datatype=XSD.integer)
    assert g.value(seed.ids.count("yes"), RDF.value) == Literal(87, datatype=XSD.integer)
    assert (seed.ids.count("no"), RDF.type, OPENGOV.NoCount) in g
    assert (event, DLG.votingMethod, DLG.ElectronicVote) in g
    assert (event, OPENGOV.result, OPENGOV.Pass) in g
    assert set(g.objects(None, DLG.derivedBy)) == {DLG.unanimityRule}


def test_seed_act_is_eli_shaped(seed: DeliberationGraph) -> None:
    g, act = seed.graph, seed.ids.act
    assert "/eli/" in act
    assert str(act).endswith("/eli/deliberation/243400017/2021/03/29/m2021-162")
    assert g.value(act, DLG.actesId) == Literal("034-243400017-20210329-156275-DE-1-1")
    assert g.value(act, ELI.date_document) == Literal("2021-03-29", datatype=XSD.date)
    assert len(set(g.objects(act, ELI.has_part))) == 4
    annex = g.value(act, ELI.has_annex)
    assert g.value(annex, ELI.title) == Literal("convention NEC", lang="fr")
    file_format = seed.ids.format("txt")
    assert g.value(file_format, ELI.format) == FILE_TYPE.TXT
    checksum = g.value(file_format, SPDX.checksum)
    assert g.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256


def test_seed_persons_and_posts(seed: DeliberationGraph) -> None:
    g = seed.graph
    president = MINTER.person("243400017", "Michaël DELAFOSSE")
    assert g.value(president, FOAF.familyName) == Literal("DELAFOSSE")
    assert g.value(president, FOAF.givenName) == Literal("Michaël")
    body = MINTER.body("243400017", "Conseil de Métropole")
    vice = MINTER.post("243400017", "Conseil de Métropole", "Vice-Président")
    assert (vice, ORG.heldBy, MINTER.person("243400017", "Hind EMAD")) in g
    assert (body, ORG.hasPost, vice) in g
    memberships = set(g.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 92


def test_prefixes_are_bound(seed: DeliberationGraph) -> None:
    bound = {prefix: str(ns) for prefix, ns in seed.graph.namespaces()}
    for prefix, namespace in PREFIXES.items():
        assert bound[prefix] == namespace


# --------------------------------------------------------------------------- derivation rules


def _yes_voters(dg: DeliberationGraph) -> set[URIRef]:
    g = dg.graph
    return {
        g.value(vote, SCHEMA.agent)  # type: ignore[misc]
        for vote in g.subjects(SCHEMA.option, Literal("yes"))
    }


def test_unanimity_rule_when_for_equals_voters() -> None:
    dg = mapped(small_council())
    assert len(_yes_voters(dg)) == 5
    assert set(dg.graph.objects(None, DLG.derivedBy)) == {DLG.unanimityRule}


def test_unanimity_rule_without_a_stated_count() -> None:
    vote = Vote(method="show_of_hands", outcome="adopted", unanimous=True)
    derivation = derive_yes_votes(small_council(vote=vote))
    assert derivation is not None and derivation.rule == DLG.unanimityRule


def test_majority_with_complete_names_is_derived() -> None:
    vote = Vote(
        outcome="adopted",
        unanimous=False,
        for_=3,
        against=1,
        abstention=1,
        against_names=("Chloé CHARLIE",),
        abstention_names=("Emma ECHO",),
    )
    dg = mapped(small_council(vote=vote))
    g = dg.graph
    assert set(g.objects(None, DLG.derivedBy)) == {DLG.completeNamesRule}
    assert len(_yes_voters(dg)) == 3
    no_vote = dg.ids.vote("Chloé CHARLIE")
    assert g.value(no_vote, SCHEMA.option) == Literal("no")
    assert g.value(no_vote, DLG.derivedBy) is None
    echo = dg.ids.vote("Emma ECHO")  # represented: her holder cast the vote
    assert g.value(echo, SCHEMA.option) == Literal("abstain")
    assert g.value(echo, DLG.castBy) == MINTER.person("219990009", "Anne ALPHA")


def test_unanimous_of_voters_with_a_member_not_taking_part() -> None:
    vote = Vote(
        outcome="adopted", unanimous=True, for_=4, against=0, abstention=0, not_voting=1,
        not_voting_names=("Denis DELTA",),
    )  # fmt: skip
    dg = mapped(small_council(vote=vote))
    g = dg.graph
    delta = MINTER.person("219990009", "Denis DELTA")
    assert (dg.ids.vote_event, DLG.notTakingPart, delta) in g
    assert g.value(dg.ids.vote("Denis DELTA"), SCHEMA.option) == Literal("not voting")
    assert delta not in _yes_voters(dg)
    assert len(_yes_voters(dg)) == 4


@pytest.mark.parametrize(
    "vote",
    [
        # against counted but not all named
        Vote(unanimous=False, for_=3, against=2, against_names=("Chloé CHARLIE",)),
        # "for" does not add up
        Vote(unanimous=True, for_=4, against=0, abstention=0),
        # no count of "for" and not unanimous
        Vote(unanimous=False, against=1, against_names=("Chloé CHARLIE",)),
        # a named voter who is not among the voters
        Vote(unanimous=False, for_=4, against=1, against_names=("Zoé ZULU",)),
        # unanimous, yet abstentions are counted
        Vote(unanimous=True, for_=4, abstention=1),
    ],
    ids=["incomplete-names", "for-mismatch", "no-for", "unknown-name", "unanimous-abstention"],
)
def test_no_yes_vote_when_not_exact(vote: Vote) -> None:
    d = small_council(vote=vote)
    assert derive_yes_votes(d) is None
    assert _yes_voters(mapped(d)) == set()


def test_no_derivation_when_attendance_lists_repeat_a_name() -> None:
    d = small_council(present=("Anne ALPHA", "Bruno BRAVO", "ALPHA Anne", "Denis DELTA"))
    assert derive_yes_votes(d) is None


def test_no_derivation_without_attendance_lists() -> None:
    d = small_council(present=(), represented=(), absent=())
    assert derive_yes_votes(d) is None


# --------------------------------------------------------------------------- other rules


def test_proxy_holder_only_when_named() -> None:
    d = small_council(
        represented=(
            RepresentedMember("Emma ECHO"),
            RepresentedMember("Félix FOXTROT", "Anne ALPHA"),
        ),
        absent=(),
        members_in_office=6,
        vote=Vote(unanimous=True, for_=6),
    )
    dg = mapped(d)
    g = dg.graph
    assert g.value(dg.ids.proxy("Emma ECHO"), DLG.proxyHolder) is None
    assert g.value(dg.ids.proxy("Félix FOXTROT"), DLG.proxyHolder) == MINTER.person(
        "219990009", "Anne ALPHA"
    )
    assert g.value(dg.ids.vote("Emma ECHO"), DLG.castBy) is None


def test_excused_members_are_also_absent() -> None:
    d = small_council(
        absent=(AbsentMember("Félix FOXTROT", excused=True), AbsentMember("Gil GOLF"))
    )
    dg = mapped(d)
    event = dg.ids.vote_event
    assert len(set(dg.graph.objects(event, DLG.absentMember))) == 2
    assert set(dg.graph.objects(event, DLG.excusedMember)) == {
        MINTER.person("219990009", "Félix FOXTROT")
    }


def test_fields_the_text_does_not_give_make_no_triple() -> None:
    d = dataclasses.replace(small_council(), theme=None, body=None, members_in_office=None)
    dg = mapped(d)
    g = dg.graph
    assert g.value(dg.ids.act, ELI.is_about) is None
    assert g.value(dg.ids.act, ELI.passed_by) is None
    assert not set(g.subjects(RDF.type, ORG.Membership))
    assert not set(g.subjects(RDF.type, SCHEMA.Event))
    assert g.value(dg.ids.vote_event, DLG.membersInOffice) is None


def test_pdf_source_gives_a_pdf_format() -> None:
    dg = mapped(small_council(source="archive/Délib 2023-001.PDF"))
    file_format = dg.ids.format("pdf")
    assert dg.graph.value(file_format, ELI.format) == FILE_TYPE.PDF
    assert (dg.ids.ingestion, PROV.used, file_format) in dg.graph


def test_one_person_iri_across_deliberations_and_spellings() -> None:
    first = mapped(
        small_council(present=("Anne ALPHA", "Bruno BRAVO", "Chloé CHARLIE", "Denis DELTA"))
    )
    second = mapped(
        small_council(
            number="2023-002",
            present=("ALPHA Anne", "Bruno BRAVO", "Chloé CHARLIE", "Denis DELTA"),
        )
    )
    people = [set(dg.graph.objects(dg.ids.vote_event, SCHEMA.attendee)) for dg in (first, second)]
    assert people[0] == people[1]


def test_mapping_is_deterministic() -> None:
    d = hand_built_seed()
    one, two = mapped(d), mapped(d)
    assert set(one.graph) == set(two.graph)
    assert sorted(one.graph.serialize(format="nt").splitlines()) == sorted(
        two.graph.serialize(format="nt").splitlines()
    )


def test_ingestion_time_is_utc() -> None:
    naive = map_deliberation(small_council(), minter=MINTER, ingested_at=dt.datetime(2024, 1, 2, 3))
    ended = naive.graph.value(naive.ids.ingestion, PROV.endedAtTime)
    assert ended == Literal("2024-01-02T03:00:00+00:00", datatype=XSD.dateTime)


def test_amounts_are_canonical_decimals() -> None:
    from delibgraph.mapping.context import decimal

    assert (
        decimal(Decimal("5000"))
        == decimal(Decimal("5000.00"))
        == Literal("5000.0", datatype=XSD.decimal)
    )
    assert decimal(Decimal("12.50")) == Literal("12.5", datatype=XSD.decimal)


@pytest.mark.parametrize(
    ("role", "office"),
    [
        ("Vice-Présidente", "Vice-Président"),
        ("Vice-Président", "Vice-Président"),
        ("Adjointe déléguée à la culture", "Adjoint délégué à la culture"),
        ("conseillère municipale", "Conseiller municipal"),
        ("Maire", "Maire"),
    ],
)
def test_office_names_do_not_depend_on_gender(role: str, office: str) -> None:
    assert office_name(role) == office


def test_mapping_error_for_a_name_that_identifies_nobody() -> None:
    with pytest.raises(MappingError) as caught:
        mapped(small_council(present=("Anne ALPHA", "M. —")))
    assert caught.value.source == "examples/fictional-2023-001.txt"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"number": None}, "no number"),
        ({"session": dataclasses.replace(small_council().session, date=None)}, "no date"),
        ({"authority": Authority()}, "no authority"),
    ],
)
def test_mapping_error_when_nothing_identifies_the_act(
    change: dict[str, object], reason: str
) -> None:
    d = dataclasses.replace(small_council(), **change)  # type: ignore[arg-type]
    with pytest.raises(MappingError) as caught:
        mapped(d)
    assert caught.value.source == "examples/fictional-2023-001.txt"
    assert reason in caught.value.reason
