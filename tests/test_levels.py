"""The levels read from a record's triples agree with pyshacl's graded report (the shapes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from corpus_stores import MINTER, examples_dir, seed_path
from delibgraph.levels import record_levels
from delibgraph.mapping import DeliberationGraph, map_deliberation
from delibgraph.parse import parse_file
from delibgraph.validate import validate_graph

ROOT = Path(__file__).resolve().parents[1]
INGESTED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def _documents() -> list[Path]:
    fixtures = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    return [seed_path(), *sorted(examples_dir().glob("*.txt")), *fixtures]


def _graphs(path: Path) -> list[DeliberationGraph]:
    return [
        map_deliberation(d, minter=MINTER, ingested_at=INGESTED_AT)
        for d in parse_file(path, ner=False)
    ]


def _shapes_levels(dg: DeliberationGraph) -> tuple[int | None, frozenset[int]]:
    """pyshacl's level (None for a record that does not conform: it is level 0 whatever it
    meets, and is never stored) and the levels none of whose requirements is reported."""
    report = validate_graph(dg)
    unmet = {issue.level for issue in (*report.results, *report.unmet) if issue.level}
    return (report.level if report.conforms else None), frozenset({1, 2, 3} - unmet)


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_levels_agree_with_the_shapes(path: Path) -> None:
    for dg in _graphs(path):
        levels = record_levels(dg.graph, dg.ids.act)
        level, met = _shapes_levels(dg)
        assert levels.met == met, dg.deliberation.number
        if level is not None:
            assert levels.reached == level, dg.deliberation.number
