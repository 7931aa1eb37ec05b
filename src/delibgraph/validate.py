"""SHACL validation of a deliberation's graph against ``shapes/`` (the only user of pyshacl).

The shapes graph (every ``shapes/*.ttl`` plus ``ontology/*.ttl``) is parsed once and cached.
Validation runs pyshacl without inference, with SHACL-SPARQL enabled (``advanced=True``) for
the register's arithmetic, in place (no shape writes to the data graph: we use no SHACL rules).

``conforms`` is True when no result has severity ``sh:Violation``: warnings (a title the text
does not give, a vote without a séance …) and infos are reported but do not reject the graph.
This differs from pyshacl's own ``conforms``, which any result makes False.

**Graded levels.** Shapes tagged ``dlgsh:level n`` state what a deliberation needs to reach level
n (:data:`LEVELS`: 1 identified, 2 attendance complete, 3 votes complete). The report's ``level``
is the highest level whose requirements, and those of every lower level, are all met; a graph
that does not conform is level 0. Unmet requirements of severity Info are kept apart from the
results, in ``unmet``; level-1 requirements are Warnings and stay among the results.
:func:`read_report` reads any engine's SHACL report graph this way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Literal

import pyshacl
from rdflib import ConjunctiveGraph, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from delibgraph.resources import resource_dir
from delibgraph.vocab import DLGSH, PREFIXES, SH, SHAPES_NS

if TYPE_CHECKING:
    from delibgraph.mapping import DeliberationGraph

Severity = Literal["Violation", "Warning", "Info"]

_SEVERITIES: dict[Node, Severity] = {
    SH.Violation: "Violation",
    SH.Warning: "Warning",
    SH.Info: "Info",
}
_LANGUAGE_ORDER = ("fr", "en")

# level → (French name, English name); level 0 is "below level 1" (or not conforming).
LEVELS: dict[int, tuple[str, str]] = {
    0: ("non identifiée", "not identified"),
    1: ("identifiée", "identified"),
    2: ("présences complètes", "attendance complete"),
    3: ("votes complets", "votes complete"),
}
TOP_LEVEL = max(LEVELS)


def level_name(level: int, language: str = "en") -> str:
    """``"attendance complete"`` for 2 (``language`` "fr" gives the French name)."""
    french, english = LEVELS[level]
    return french if language == "fr" else english


@dataclass(frozen=True, slots=True)
class ValidationIssue:
    """One SHACL result: where, how serious, why (French / English), from which shape."""

    focus_node: str
    path: str | None
    severity: Severity
    message: str
    source_shape: str
    level: int | None = None  # the level of the requirement, for a shape tagged dlgsh:level

    def to_json(self) -> dict[str, Any]:
        return {
            "focus_node": self.focus_node,
            "path": self.path,
            "severity": self.severity,
            "message": self.message,
            "source_shape": self.source_shape,
            "level": self.level,
        }


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating one graph; ``report_graph`` is pyshacl's raw SHACL report.

    ``results`` are the violations and warnings; ``unmet`` the requirements of higher levels
    the graph does not meet (severity Info); ``level`` the level it reaches (0 to 3).
    """

    conforms: bool
    results: tuple[ValidationIssue, ...]
    source: str | None = None
    graph_iri: str | None = None
    level: int = 0
    unmet: tuple[ValidationIssue, ...] = ()
    report_graph: Graph = field(default_factory=Graph, compare=False, repr=False)

    @property
    def violations(self) -> tuple[ValidationIssue, ...]:
        return tuple(issue for issue in self.results if issue.severity == "Violation")

    @property
    def level_name(self) -> str:
        return level_name(self.level)

    def to_text(self) -> str:
        """One line per issue (``file: focus path: message``, prefixed names where known), then
        the requirements of the next level that are unmet, then the verdict and level."""
        where = self.source or self.graph_iri or "-"
        lines = []
        next_level = [issue for issue in self.unmet if issue.level == self.level + 1]
        for issue in (*self.results, *next_level):
            head = f"{where}: {_qname(issue.focus_node)}"
            if issue.path:
                head += f" {_qname(issue.path)}"
            severity = "" if issue.severity == "Violation" else f"[{issue.severity}] "
            lines.append(f"{head}: {severity}{issue.message}")
        verdict = "conforms" if self.conforms else "does not conform"
        french, english = LEVELS[self.level]
        lines.append(f"{where}: {verdict}; level {self.level} ({english} / {french})")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        french, english = LEVELS[self.level]
        return {
            "source": self.source,
            "graph": self.graph_iri,
            "conforms": self.conforms,
            "level": self.level,
            "level_name": {"fr": french, "en": english},
            "results": [issue.to_json() for issue in self.results],
            "unmet": [issue.to_json() for issue in self.unmet],
        }

    def to_json_text(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2)

    def to_turtle(self) -> str:
        """The raw SHACL validation report (``sh:ValidationReport``) in Turtle."""
        return self.report_graph.serialize(format="turtle")


class _PreparedQueryGraph(Graph):
    """A view of a graph's store that parses each SHACL-SPARQL query text once, not per call.

    pyshacl sends the same query text for every focus node; rdflib would parse it every time.
    """

    def query(self, query_object: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


@lru_cache(maxsize=256)
def _prepared(text: str) -> Query:
    return prepareQuery(text)


@cache
def load_shapes() -> Graph:
    """Every ``shapes/*.ttl`` and ``ontology/*.ttl`` in one graph, parsed once (do not mutate)."""
    graph = Graph(bind_namespaces="core")
    for folder in ("shapes", "ontology"):
        for path in sorted(resource_dir(folder).glob("*.ttl")):
            graph.parse(path, format="turtle")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.bind("dlgsh", SHAPES_NS)
    return graph


def validate_graph(dg: DeliberationGraph) -> ValidationReport:
    """Validate a mapped deliberation; its source file and graph IRI label the report."""
    return validate_rdf(
        dg.graph, source=dg.deliberation.source.path or None, graph_iri=str(dg.graph_iri)
    )


def validate_rdf(
    graph: Graph, source: str | None = None, *, graph_iri: str | None = None
) -> ValidationReport:
    """Validate any RDF graph against delibgraph's shapes."""
    shapes = load_shapes()
    data = (
        graph
        if isinstance(graph, ConjunctiveGraph)  # a dataset: validate the union as given
        else _PreparedQueryGraph(store=graph.store, identifier=graph.identifier)
    )
    _, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        inplace=True,
        abort_on_first=False,
    )
    if graph_iri is None and isinstance(graph.identifier, URIRef):
        graph_iri = str(graph.identifier)
    return read_report(report_graph, shapes, source=source, graph_iri=graph_iri)


def read_report(
    report_graph: Graph,
    shapes: Graph | None = None,
    *,
    source: str | None = None,
    graph_iri: str | None = None,
) -> ValidationReport:
    """A :class:`ValidationReport` from a SHACL report graph (``sh:ValidationReport``).

    ``shapes`` is the shapes graph the report refers to (default: :func:`load_shapes`); any
    engine's report can be read, as long as its ``sh:sourceShape`` nodes are in ``shapes``.
    """
    shapes = load_shapes() if shapes is None else shapes
    issues = sorted(set(_issues(report_graph, shapes)), key=_issue_order)
    conforms = not any(issue.severity == "Violation" for issue in issues)
    unmet = tuple(i for i in issues if i.level is not None and i.severity == "Info")
    results = tuple(i for i in issues if i not in unmet)
    tagged = (issue.level for issue in issues if issue.level is not None)
    level = min((n - 1 for n in tagged), default=TOP_LEVEL) if conforms else 0
    return ValidationReport(
        conforms=conforms,
        results=results,
        source=source,
        graph_iri=graph_iri,
        level=level,
        unmet=unmet,
        report_graph=report_graph,
    )


def _issue_order(issue: ValidationIssue) -> tuple[int, str, str, str, str]:
    rank = {"Violation": 0, "Warning": 1, "Info": 2}[issue.severity]
    return (rank, issue.focus_node, issue.path or "", issue.source_shape, issue.message)


def _issues(report: Graph, shapes: Graph) -> Iterable[ValidationIssue]:
    for result in set(report.objects(None, SH.result)):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        severity = _SEVERITIES.get(
            report.value(result, SH.resultSeverity) or SH.Violation, "Violation"
        )
        shape = report.value(result, SH.sourceShape)
        templates = _templates(shapes, report.value(result, SH.sourceConstraint), shape)
        messages = [
            m for m in report.objects(result, SH.resultMessage) if isinstance(m, RdfLiteral)
        ]
        yield ValidationIssue(
            focus_node=str(focus),
            path=str(path) if isinstance(path, URIRef) else _path_text(report, path),
            severity=severity,
            message=_bilingual(messages, templates),
            source_shape=_named_shape(shapes, shape),
            level=_requirement_level(shapes, shape),
        )


def _requirement_level(shapes: Graph, shape: Node | None) -> int | None:
    """The ``dlgsh:level`` a shape is tagged with, if any."""
    tag = shapes.value(shape, DLGSH.level) if shape is not None else None
    if isinstance(tag, RdfLiteral) and str(tag).isdigit():
        return int(str(tag))
    return None


def _path_text(report: Graph, path: Node | None) -> str | None:
    """A complex SHACL path as text (``^dlg:proxy`` for an inverse path)."""
    if path is None:
        return None
    inverse = report.value(path, SH.inversePath)
    if isinstance(inverse, URIRef):
        return f"^{inverse}"
    return str(path)


def _named_shape(shapes: Graph, shape: Node | None) -> str:
    """The IRI of the node shape a property shape (blank or named) belongs to."""
    if shape is not None:
        parent = shapes.value(None, SH.property, shape)
        if isinstance(parent, URIRef):
            return str(parent)
    return str(shape)


def _templates(shapes: Graph, *nodes: Node | None) -> list[RdfLiteral]:
    found: list[RdfLiteral] = []
    for node in nodes:
        if node is not None:
            found.extend(m for m in shapes.objects(node, SH.message) if isinstance(m, RdfLiteral))
    return found


def _language(message: RdfLiteral, templates: list[RdfLiteral]) -> str | None:
    """A message's language: its tag, else that of the ``{?var}`` template it was made from.

    pyshacl drops the language tag of SHACL-SPARQL messages when it substitutes variables.
    """
    if message.language:
        return message.language
    for template in templates:
        pattern = ".*?".join(re.escape(part) for part in re.split(r"\{[?$]\w+\}", str(template)))
        if template.language and re.fullmatch(pattern, str(message), flags=re.S):
            return template.language
    return None


def _bilingual(messages: list[RdfLiteral], templates: list[RdfLiteral]) -> str:
    """French, then English, then any other message, joined by " / "."""
    by_language = sorted(
        ((_language(m, templates), str(m)) for m in messages),
        key=lambda item: (
            _LANGUAGE_ORDER.index(item[0]) if item[0] in _LANGUAGE_ORDER else 2,
            item[1],
        ),
    )
    return " / ".join(text for _, text in by_language)


_LOCAL_NAME = re.compile(r"[A-Za-z_][\w.-]*")


def _qname(iri: str) -> str:
    """``dlg:membersInOffice`` for a term of a known vocabulary; other IRIs unchanged."""
    if iri.startswith("^"):
        return "^" + _qname(iri[1:])
    for prefix, namespace in (*PREFIXES.items(), ("dlgsh", SHAPES_NS)):
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(local):
            return f"{prefix}:{local}"
    return iri
