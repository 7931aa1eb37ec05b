"""The shape cases through a second SHACL engine, Apache Jena: the shapes must not depend on
pyshacl's quirks. One JVM start validates every case, every base graph, the mapped seed and the
mapped examples (see :mod:`jena_shacl`).

Compared per graph: the results' focus node, path, severity and node shape, the unmet level
requirements and the level. Not compared: message texts (Jena 4.5 does not substitute
``{?var}`` in messages declared on a shape, where our rules keep theirs). Where the engines
disagree, the case is listed in :data:`KNOWN_DISAGREEMENTS` with the reason, and
``docs/profile.md`` says so too.

Skipped when Jena is not installed, unless ``$CI`` is "true": CI must install it
(``apt-get install -y libapache-jena-java``).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from rdflib import Graph

from corpus_stores import BASE, MINTER, examples_dir, seed_path
from delibgraph.mapping import map_deliberation
from delibgraph.parse import parse_file
from delibgraph.validate import ValidationIssue, ValidationReport, validate_rdf
from delibgraph.vocab import ACTES_MATIERE_NS, ACTES_MATIERES_SCHEME
from jena_shacl import find_jena, rename, validate_batch
from test_shape_cases import CASES, Expected, case_files, case_graph, load_case

# case file stem → why Jena's answer differs from pyshacl's (empty: the engines agree)
KNOWN_DISAGREEMENTS: dict[str, str] = {}

INGESTED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def _renames(name: str) -> dict[str, str]:
    home = f"{BASE}case/{name}/"
    return {
        BASE: home,
        ACTES_MATIERE_NS: f"{home}actes-matiere/",
        str(ACTES_MATIERES_SCHEME): f"{home}actes-matieres",
    }


def _mapped_graphs() -> dict[str, Graph]:
    """Our own output: the seed and every example, mapped without NER."""
    graphs: dict[str, Graph] = {}
    for path in [seed_path(), *sorted(examples_dir().glob("*.txt"))]:
        for d in parse_file(path, ner=False):
            dg = map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT)
            graphs[f"mapped-{path.stem}-{d.number}"] = dg.graph
    return graphs


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    found = {path.stem: case_graph(load_case(path)) for path in case_files()}
    for base in sorted((CASES / "base").glob("*.ttl")):
        found[f"base-{base.stem}"] = Graph().parse(base, format="turtle")
    found.update(_mapped_graphs())
    return found


@pytest.fixture(scope="module")
def jena_reports(
    graphs: dict[str, Graph], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, ValidationReport]:
    jena = find_jena()
    if jena is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Apache Jena is required in CI: apt-get install -y libapache-jena-java")
        pytest.skip("Apache Jena is not installed (apt-get install -y libapache-jena-java)")
    renames = {name: _renames(name) for name in graphs}
    renamed = {name: rename(graph, renames[name]) for name, graph in graphs.items()}
    return validate_batch(jena, renamed, renames, tmp_path_factory.mktemp("jena"))


def _observed(issues: tuple[ValidationIssue, ...]) -> list[Expected]:
    found = {Expected(i.focus_node, i.path, i.severity, i.source_shape) for i in issues}
    return sorted(found, key=repr)


def _expected(items: tuple[Expected, ...]) -> list[Expected]:
    return sorted(set(items), key=repr)


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_jena_gives_the_expected_result(
    path: Path, jena_reports: dict[str, ValidationReport]
) -> None:
    if path.stem in KNOWN_DISAGREEMENTS:
        pytest.xfail(KNOWN_DISAGREEMENTS[path.stem])
    case = load_case(path)
    report = jena_reports[path.stem]
    assert _observed(report.results) == _expected(case.expected), report.to_text()
    if case.checks_levels:
        assert _observed(report.unmet) == _expected(case.unmet), report.to_text()
    if case.level is not None:
        assert report.level == case.level, report.to_text()


def test_jena_finds_the_base_graphs_valid(jena_reports: dict[str, ValidationReport]) -> None:
    bases = {name: r for name, r in jena_reports.items() if name.startswith("base-")}
    assert bases
    for name, report in bases.items():
        assert report.results == (), f"{name}:\n{report.to_text()}"


def test_jena_and_pyshacl_agree_on_our_own_output(
    graphs: dict[str, Graph], jena_reports: dict[str, ValidationReport]
) -> None:
    mapped = [name for name in graphs if name.startswith("mapped-")]
    assert len(mapped) == 8  # the seed and the 7 examples
    for name in mapped:
        ours, theirs = validate_rdf(graphs[name]), jena_reports[name]
        assert theirs.conforms, f"{name}:\n{theirs.to_text()}"
        assert _observed(theirs.results) == _observed(ours.results), name
        assert _observed(theirs.unmet) == _observed(ours.unmet), name
        assert theirs.level == ours.level == 3, name
