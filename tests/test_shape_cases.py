"""One file per shape rule in ``tests/shape_cases/``: data that breaks exactly that rule.

Each case file is Turtle whose comment header says what the report must hold::

    # include: base/deliberation.ttl        (optional: a valid graph the case adds to)
    # expect: focus=<…> path=dlg:x severity=Violation shape=dlgsh:VoteEventShape
    # message: text the result's message contains   (optional, repeatable)

IRIs in ``<…>`` are relative to the cases' ``@base`` (``http://localhost:8000/``); ``path=-``
means no result path. The report must hold exactly the expected results, no more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph

from delibgraph.validate import ValidationIssue, validate_rdf
from delibgraph.vocab import PREFIXES, SHAPES_NS

CASES = Path(__file__).resolve().parent / "shape_cases"
BASE = "http://localhost:8000/"
_HEADER = re.compile(r"^#\s*(include|expect|message):\s*(.+?)\s*$", re.M)
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
    )


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
    assert case.expected, f"{path.name} has no '# expect:' line"
    graph = Graph()
    for include in case.includes:
        graph.parse(include, format="turtle")
    graph.parse(path, format="turtle")

    report = validate_rdf(graph, str(path))

    observed = sorted(map(_observed, report.results), key=repr)
    assert observed == sorted(case.expected, key=repr), report.to_text()
    for fragment in case.messages:
        assert any(fragment in issue.message for issue in report.results), (
            f"no message contains {fragment!r}:\n{report.to_text()}"
        )
    expect_violation = any(e.severity == "Violation" for e in case.expected)
    assert report.conforms is not expect_violation


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_every_message_is_in_french_and_english(path: Path) -> None:
    case = load_case(path)
    graph = Graph()
    for include in case.includes:
        graph.parse(include, format="turtle")
    graph.parse(path, format="turtle")
    for issue in validate_rdf(graph).results:
        assert issue.message.count(" / ") >= 1, issue.message
