"""SHACL validation: our own output conforms; a broken register is rejected with a clear report."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from delibgraph.mapping import DeliberationGraph, map_deliberation
from delibgraph.model import AbsentMember, Deliberation, RepresentedMember, Vote
from delibgraph.resources import resource_dir
from delibgraph.validate import (
    ValidationReport,
    load_shapes,
    validate_graph,
    validate_rdf,
)
from delibgraph.vocab import RDF, SH, SHAPES_NS
from mapping_fixtures import INGESTED_AT, MINTER, seed_deliberation, small_council


def mapped(d: Deliberation) -> DeliberationGraph:
    return map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT)


@pytest.fixture(scope="module")
def seed() -> Deliberation:
    return seed_deliberation()


def test_the_mapped_seed_conforms_without_any_result(seed: Deliberation) -> None:
    report = validate_graph(mapped(seed))
    assert report.conforms, report.to_text()
    assert report.results == ()


@pytest.fixture(scope="module")
def seed_86(seed: Deliberation) -> ValidationReport:
    """The seed with "Pour : 86 voix" instead of 87."""
    return validate_graph(
        mapped(dataclasses.replace(seed, vote=dataclasses.replace(seed.vote, for_=86)))
    )


def test_for_86_breaks_the_count_rule(seed_86: ValidationReport) -> None:
    assert not seed_86.conforms
    (issue,) = seed_86.results
    assert issue.severity == "Violation"
    assert issue.focus_node.endswith("/deliberation/m2021-162/vote-event")
    assert issue.path == "http://www.w3.org/ns/opengov#count"
    assert issue.source_shape == "https://w3id.org/delibgraph/shapes#CountRuleShape"
    assert "Règle des décomptes" in issue.message and "Count rule" in issue.message
    assert "= 86)" in issue.message and "= 87)" in issue.message
    assert issue.message.index("Règle") < issue.message.index(" / ") < issue.message.index("Count")


def test_report_as_text_json_and_turtle(seed_86: ValidationReport) -> None:
    line, verdict = seed_86.to_text().splitlines()
    assert line.startswith(f"{seed_86.source}: http://localhost:8000/id/authority/243400017/")
    assert " opengov:count: Règle des décomptes" in line
    assert (
        verdict == f"{seed_86.source}: does not conform; level 0 (not identified / non identifiée)"
    )
    data = json.loads(json.dumps(seed_86.to_json()))
    assert data["conforms"] is False and data["graph"] == seed_86.graph_iri
    assert data["results"][0]["severity"] == "Violation"
    raw = Graph().parse(data=seed_86.to_turtle(), format="turtle")
    assert len(set(raw.subjects(SH.resultSeverity, SH.Violation))) == 1


def test_warnings_do_not_break_conformance() -> None:
    without_body = dataclasses.replace(small_council(), body=None)
    report = validate_graph(mapped(without_body))
    assert report.conforms, report.to_text()
    assert {issue.severity for issue in report.results} == {"Warning"}
    assert {issue.path.rsplit("/", 1)[-1] for issue in report.results if issue.path} == {
        "organizer",
        "superEvent",
    }
    assert "[Warning]" in report.to_text()


HAND_BUILT = {
    "unanimous": small_council(),
    "majority-named": small_council(
        vote=Vote(method="roll_call", outcome="adopted", unanimous=False, for_=3, against=1,
                  abstention=1, against_names=("Chloé CHARLIE",), abstention_names=("Emma ECHO",))
    ),
    "not-taking-part": small_council(
        vote=Vote(outcome="adopted", unanimous=True, for_=4, against=0, abstention=0,
                  not_voting=1, not_voting_names=("Denis DELTA",))
    ),
    "counts-without-names": small_council(
        vote=Vote(method="secret_ballot", outcome="elected", for_=3, against=2)
    ),
    "rejected": small_council(
        vote=Vote(outcome="rejected", unanimous=False, for_=2, against=3)
    ),
    "noted-without-vote": small_council(vote=Vote(outcome="noted")),
    "no-lists": small_council(present=(), represented=(), absent=()),
    "proxies-without-holders": small_council(
        represented=(RepresentedMember("Emma ECHO"), RepresentedMember("Gil GOLF", "Bruno BRAVO")),
        members_in_office=7,
        vote=Vote(unanimous=True, for_=6),
    ),
    "excused-and-absent": small_council(
        absent=(AbsentMember("Félix FOXTROT", excused=True), AbsentMember("Gil GOLF", False)),
        members_in_office=7,
    ),
    "pdf-without-theme": dataclasses.replace(
        small_council(source="scans/2023-001.pdf"), theme=None, decisions=()
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(HAND_BUILT))
def test_hand_built_deliberations_conform(name: str) -> None:
    report = validate_graph(mapped(HAND_BUILT[name]))
    assert report.conforms, report.to_text()
    assert report.violations == ()


def test_a_broken_hand_built_register_is_rejected() -> None:
    d = small_council(members_in_office=9)
    report = validate_graph(mapped(d))
    assert not report.conforms
    (issue,) = report.violations
    assert "Règle des présences" in issue.message and "9" in issue.message


def test_every_class_and_property_we_emit_is_covered_by_a_shape(seed: Deliberation) -> None:
    shapes = load_shapes()
    targeted = set(shapes.objects(None, SH.targetClass))
    paths = set(shapes.objects(None, SH.path)) | {RDF.type}
    graphs = [mapped(seed).graph, *(mapped(d).graph for d in HAND_BUILT.values())]
    for graph in graphs:
        assert set(graph.predicates()) <= paths
        for subject in set(graph.subjects()):
            assert set(graph.objects(subject, RDF.type)) & targeted, subject


def test_shapes_are_loaded_once() -> None:
    shapes = load_shapes()
    assert shapes is load_shapes()
    assert len(set(shapes.subjects(None, SH.ValidationReport))) == 0
    assert len(shapes) > 500


def test_validation_leaves_the_graph_unchanged() -> None:
    dg = mapped(small_council())
    before = set(dg.graph)
    validate_graph(dg)
    assert set(dg.graph) == before


def test_validate_rdf_uses_the_graph_identifier() -> None:
    dg = mapped(small_council())
    report = validate_rdf(dg.graph)
    assert report.graph_iri == str(dg.graph_iri)
    assert report.source is None
    assert report.conforms


# --------------------------------------------------------------------------- the shapes files

SHAPE_FILES = sorted(p for p in resource_dir("shapes").glob("*.ttl") if p.stem != "prefixes")


@pytest.mark.parametrize("path", SHAPE_FILES, ids=lambda p: p.stem)
def test_one_node_shape_per_file_named_after_its_class(path: Path) -> None:
    """One class shape per file; a rule of that class is a node shape ``…RuleShape`` beside it."""
    graph = Graph().parse(path, format="turtle")
    node_shapes = set(graph.subjects(RDF.type, SH.NodeShape))
    rules = {shape for shape in node_shapes if graph.value(shape, SH.sparql) is not None}
    (shape,) = node_shapes - rules
    assert str(shape).startswith(SHAPES_NS) and str(shape).endswith("Shape")
    targets = list(graph.objects(shape, SH.targetClass))
    assert targets, f"{shape} targets no class"
    local = str(shape)[len(SHAPES_NS) : -len("Shape")]
    class_names = {str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in targets}
    # "SessionShape" targets schema:Event; "SchemaOrganizationShape" targets schema:Organization
    assert (
        local in class_names
        or any(local.endswith(name) for name in class_names)
        or (local == "Session" and class_names == {"Event"})
    ), (local, class_names)
    for rule in rules:
        assert str(rule).endswith("RuleShape"), rule
        assert set(graph.objects(rule, SH.targetClass)) <= set(targets), rule


@pytest.mark.parametrize("path", SHAPE_FILES, ids=lambda p: p.stem)
def test_every_constraint_has_a_french_and_an_english_message(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    # a SHACL-SPARQL rule speaks through the node shape that holds it (Jena allows one
    # sh:message per SPARQL constraint, so the two languages sit on the shape)
    holders = set(graph.subjects(RDF.type, SH.NodeShape))
    for prop in graph.objects(None, SH.property):
        holders.add(prop)
    for constraint in graph.subjects(RDF.type, SH.SPARQLConstraint):
        assert set(graph.subjects(SH.sparql, constraint)) & holders, constraint
    for holder in holders:
        languages = {
            m.language for m in graph.objects(holder, SH.message) if isinstance(m, Literal)
        }
        assert {"fr", "en"} <= languages, f"{path.name}: {holder} lacks a fr or en sh:message"


# --------------------------------------------------------------------------- graded levels

LEVEL_OF = {
    "unanimous": 3,  # every vote derived by the unanimity rule
    "majority-named": 3,  # every dissenter named: the others voted yes
    "not-taking-part": 3,
    "counts-without-names": 3,  # a secret ballot: its counts are all one can know
    "rejected": 2,  # 2 for, 3 against, nobody named: individual votes unknown
    "noted-without-vote": 3,  # nothing to vote
    "no-lists": 1,  # nobody listed present
    "proxies-without-holders": 2,  # unanimous, but no outcome stated
    "excused-and-absent": 3,
    "pdf-without-theme": 3,
}


@pytest.mark.parametrize("name", sorted(HAND_BUILT))
def test_level_of_hand_built_deliberations(name: str) -> None:
    report = validate_graph(mapped(HAND_BUILT[name]))
    assert report.level == LEVEL_OF[name], report.to_text()
    assert all(issue.level == report.level + 1 for issue in report.unmet if issue.level)
    data = report.to_json()
    assert data["level"] == report.level
    assert len(data["unmet"]) == len(report.unmet)


def test_a_deliberation_without_body_is_below_level_1() -> None:
    report = validate_graph(mapped(dataclasses.replace(small_council(), body=None)))
    assert report.conforms and report.level == 0
    assert report.to_text().endswith("conforms; level 0 (not identified / non identifiée)")


def test_the_seed_conforms_at_level_3(seed: Deliberation) -> None:
    report = validate_graph(mapped(seed))
    assert (report.conforms, report.level, report.unmet) == (True, 3, ())
    assert report.to_text() == (
        f"{report.source}: conforms; level 3 (votes complete / votes complets)"
    )


def test_unmet_requirements_of_the_next_level_are_printed() -> None:
    report = validate_graph(mapped(small_council(members_in_office=None)))
    assert report.level == 1
    (unmet,) = report.unmet
    assert unmet.path is not None and unmet.path.endswith("membersInOffice")
    lines = report.to_text().splitlines()
    assert lines[0].endswith(
        "[Info] Niveau 2 (présences complètes) : le registre ne donne pas "
        "le nombre de membres en exercice. / Level 2 (attendance complete): "
        "the register does not state the number of members in office."
    )
    assert lines[-1].endswith("conforms; level 1 (identified / identifiée)")
