"""SHACL on the fast path: the Rust ``shacl`` engine decides, pyshacl explains.

pyshacl (:mod:`delibgraph.validate`) is the reference; it takes ≈ 100 ms a deliberation, the
Rust engine a few milliseconds on the same shapes graph, SHACL-SPARQL constraints (the
register's arithmetic) included. During ingestion the Rust engine decides whether a
deliberation conforms; a deliberation it rejects is validated again by pyshacl, whose report
(messages with their values filled in, levels) is the one written and shown, and whose
verdict stands. ``tests/test_fastshacl.py`` checks that both engines give the same results —
focus node, path, severity and shape — on every shape case, the examples and a generated
corpus.

The engine reads N-Triples, which is what ingestion workers produce anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from rdflib import Graph

from delibgraph.errors import UsageError
from delibgraph.validate import ValidationReport, load_shapes, validate_rdf

ShaclEngine = Literal["fast", "pyshacl"]
SHACL_ENGINES: tuple[ShaclEngine, ...] = ("fast", "pyshacl")


@dataclass(frozen=True, slots=True, order=True)
class FastResult:
    """One result of the Rust engine: the parts both engines state the same way."""

    focus_node: str
    path: str | None
    severity: str
    shape: str


@cache
def _compiled() -> Any:
    try:
        import shacl
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise UsageError(
            "the fast SHACL engine needs the 'shacl' package (pip install shacl); "
            "or use --shacl-engine pyshacl"
        ) from exc
    return shacl.Shapes.from_turtle(load_shapes().serialize(format="turtle"))


def warm_up() -> None:
    """Compile the shapes now (once per process) rather than on the first deliberation."""
    _compiled()


def _bare(term: str | None) -> str | None:
    """``<http://…>`` → ``http://…``; other forms unchanged."""
    if term is None:
        return None
    return term[1:-1] if term.startswith("<") and term.endswith(">") else term


def fast_results(ntriples: str) -> list[FastResult]:
    """The Rust engine's results for a graph given as N-Triples, sorted."""
    report = _compiled().validate_turtle(ntriples)
    return sorted(
        FastResult(
            focus_node=str(_bare(result.focus_node)),
            path=_bare(result.path),
            severity=str(result.severity),
            shape=str(_bare(result.root_shape)),
        )
        for result in report.results
    )


def fast_conforms(ntriples: str) -> bool:
    """No result of severity Violation (warnings and infos do not reject)."""
    return not any(result.severity == "Violation" for result in fast_results(ntriples))


def checked_report(
    engine: ShaclEngine,
    graph: Callable[[], Graph],
    ntriples: str,
    *,
    source: str | None,
    graph_iri: str,
) -> ValidationReport | None:
    """None when the fast engine finds the graph (``ntriples``) conforms; else pyshacl's full
    report on ``graph()``, an rdflib graph of the same triples built only then."""
    if engine == "fast" and fast_conforms(ntriples):
        return None
    return validate_rdf(graph(), source, graph_iri=graph_iri)
