"""One file per shape rule in ``tests/shape_cases/``: data that breaks exactly that rule.

Each case file is Turtle whose comment header says what the report must hold::

    # include: base/deliberation.ttl        (optional, repeatable: graphs the case adds to)
    # expect: focus=<…> path=dlg:x severity=Violation shape=dlgsh:VoteEventShape
    # unmet: focus=<…> path=dlg:x severity=Info shape=dlgsh:VoteEventShape   (level requirements)
    # level: 2                                (optional: the level the graph reaches)
    # message: text the result's message contains   (optional, repeatable)

IRIs in ``<…>`` are relative to the cases' ``@base`` (``http://localhost:8000/``); ``path=-``
means no result path. The report must hold exactly the expected results, no more; when a case
has ``unmet`` or ``level`` lines, the unmet level requirements and the level must match too.
``base/`` holds valid graphs (each conforms alone); ``additions/`` holds triples that cases add
to a base (e.g. the votes that make the base reach level 3). ``tests/test_shape_cases_jena.py``
runs the same cases through Apache Jena.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph

from delibgraph.validate import ValidationIssue, load_shapes, validate_rdf
from delibgraph.vocab import DLGSH, PREFIXES, RDF, SH, SHAPES_NS

CASES = Path(__file__).resolve().parent / "shape_cases"
BASE = "http://localhost:8000/"
_HEADER = re.compile(r"^#\s*(include|expect|unmet|level|message):\s*(.+?)\s*$", re.M)
_KNOWN = {**PREFIXES, "dlgsh": SHAPES_NS}


@dataclass(frozen=True)
class Expected:
    focus: str
    path: str | None
    severity: str
    shape: str


@dataclass(frozen=True)
class Case:
    path: Path
    includes: tuple[Path, ...]
    expected: tuple[Expected, ...]
    messages: tuple[str, ...]
    unmet: tuple[Expected, ...] = ()
    level: int | None = None

    @property
    def checks_levels(self) -> bool:
        return bool(self.unmet) or self.level is not None


def _iri(token: str) -> str | None:
    if token == "-":
        return None
    if token.startswith("<") and token.endswith(">"):
        return BASE + token[1:-1] if "://" not in token else token[1:-1]
    prefix, _, local = token.partition(":")
    return _KNOWN[prefix] + local


def _expected(spec: str) -> Expected:
    fields = dict(part.split("=", 1) for part in spec.split())
    return Expected(
        focus=str(_iri(fields["focus"])),
        path=_iri(fields["path"]),
        severity=fields["severity"],
        shape=str(_iri(fields["shape"])),
    )


def load_case(path: Path) -> Case:
    header = _HEADER.findall(path.read_text(encoding="utf-8"))
    return Case(
        path=path,
        includes=tuple(CASES / value for key, value in header if key == "include"),
        expected=tuple(_expected(value) for key, value in header if key == "expect"),
        messages=tuple(value for key, value in header if key == "message"),
        unmet=tuple(_expected(value) for key, value in header if key == "unmet"),
        level=next((int(value) for key, value in header if key == "level"), None),
    )


def case_graph(case: Case) -> Graph:
    """The case's data: its includes, then its own triples."""
    graph = Graph()
    for include in case.includes:
        graph.parse(include, format="turtle")
    graph.parse(case.path, format="turtle")
    return graph


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.ttl"))


def _observed(issue: ValidationIssue) -> Expected:
    return Expected(issue.focus_node, issue.path, issue.severity, issue.source_shape)


def test_there_is_a_case_per_rule_family() -> None:
    names = {path.stem for path in case_files()}
    for rule in (
        "attendance-rule",
        "count-rule",
        "votes-exceed-count",
        "derived-votes-match-count",
        "present-and-absent",
        "not-taking-part-voted",
        "proxy-holder-not-present",
        "not-taking-part-not-listed",
        "inferred-subject-rule",
        "level-2-members-in-office",
        "level-2-attendee",
        "level-3-result",
        "level-3-votes-complete",
    ):
        assert any(rule in name for name in names), rule
    for family in ("datatype", "max-count", "min-count", "pattern", "class", "closed", "in"):
        assert any(name.endswith(family) for name in names), family


@pytest.mark.parametrize("path", sorted((CASES / "base").glob("*.ttl")), ids=lambda p: p.stem)
def test_base_graphs_conform_without_any_result(path: Path) -> None:
    report = validate_rdf(Graph().parse(path, format="turtle"), str(path))
    assert report.results == (), report.to_text()


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_case_gives_exactly_the_expected_result(path: Path) -> None:
    case = load_case(path)
    assert case.expected or case.checks_levels, f"{path.name} has no '# expect:' line"

    report = validate_rdf(case_graph(case), str(path))

    observed = sorted(map(_observed, report.results), key=repr)
    assert observed == sorted(case.expected, key=repr), report.to_text()
    if case.checks_levels:
        unmet = sorted(map(_observed, report.unmet), key=repr)
        assert unmet == sorted(case.unmet, key=repr), report.to_text()
    if case.level is not None:
        assert report.level == case.level, report.to_text()
    for fragment in case.messages:
        assert any(fragment in i.message for i in (*report.results, *report.unmet)), (
            f"no message contains {fragment!r}:\n{report.to_text()}"
        )
    expect_violation = any(e.severity == "Violation" for e in case.expected)
    assert report.conforms is not expect_violation


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_every_message_is_in_french_and_english(path: Path) -> None:
    report = validate_rdf(case_graph(load_case(path)))
    for issue in (*report.results, *report.unmet):
        assert issue.message.count(" / ") >= 1, issue.message


def _rule_requirements() -> set[tuple[str, str | None]]:
    """(shape, path) of every SHACL-SPARQL rule shape and every level-tagged property shape."""
    shapes = load_shapes()
    wanted: set[tuple[str, str | None]] = set()
    for rule_shape in shapes.subjects(SH.sparql, None):
        if (rule_shape, RDF.type, SH.NodeShape) in shapes:
            wanted.add((str(rule_shape), None))
    for tagged in shapes.subjects(DLGSH.level, None):
        parent = shapes.value(None, SH.property, tagged)
        if parent is not None:
            wanted.add((str(parent), str(shapes.value(tagged, SH.path))))
    return wanted


def test_every_rule_and_level_requirement_has_a_failing_case() -> None:
    covered: set[tuple[str, str | None]] = set()
    for path in case_files():
        case = load_case(path)
        for e in (*case.expected, *case.unmet):
            covered |= {(e.shape, None), (e.shape, e.path)}
    missing = sorted(map(str, _rule_requirements() - covered))
    assert not missing, f"rules without a case file: {missing}"
