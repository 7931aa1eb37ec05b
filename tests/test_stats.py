"""``delibgraph stats``: the counts of a store, and its deliberations per graded level."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from corpus_stores import MINTER, examples_dir, examples_store
from delibgraph.cli import main
from delibgraph.mapping import map_deliberation
from delibgraph.parse import parse_file
from delibgraph.stats import level_counts, store_stats
from delibgraph.store import EmbeddedStore

INGESTED_AT = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def test_counts_and_levels_of_the_examples() -> None:
    path, _ = examples_store(ner=False)
    with EmbeddedStore(path) as store:
        stats = store_stats(store)
    # seven deliberations, each complete down to the individual votes (examples/README.md)
    assert stats.count("deliberations") == 7 and stats.count("persons") == 15
    assert stats.levels == ((0, 0), (1, 0), (2, 0), (3, 7))
    assert "3 votes complete                   7" in stats.to_text()
    assert stats.to_json()["levels"] == {"0": 0, "1": 0, "2": 0, "3": 7}


def test_levels_of_incomplete_deliberations(tmp_path: Path) -> None:
    (d,) = parse_file(examples_dir() / "val-daurele-2023-016.txt", ner=False)
    (other,) = parse_file(examples_dir() / "val-daurele-2023-014.txt", ner=False)
    no_count = dataclasses.replace(d, members_in_office=None)  # level 1
    no_title = dataclasses.replace(other, title=None)  # below level 1
    with EmbeddedStore(tmp_path / "store") as store:
        for deliberation in (no_count, no_title):
            dg = map_deliberation(deliberation, minter=MINTER, ingested_at=INGESTED_AT)
            store.replace_graph(str(dg.graph_iri), dg.graph)
        assert level_counts(store) == ((0, 1), (1, 1), (2, 0), (3, 0))


def test_stats_command_shows_levels(capsys: pytest.CaptureFixture[str]) -> None:
    path, _ = examples_store(ner=False)
    assert main(["stats", "--store", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["levels"]["3"] == 7
