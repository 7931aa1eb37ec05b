"""The version log: one version per distinct content of a deliberation's graph, kept across
re-ingestions, idempotent, append-only in time, invisible to the library's queries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from delibgraph.errors import QueryError
from delibgraph.ids import IriMinter
from delibgraph.pipeline import ingest
from delibgraph.publish.versions import list_versions, log_graph_iri, record_versions
from delibgraph.querylib import list_queries, run
from delibgraph.stats import store_stats
from delibgraph.store import EmbeddedStore
from serve_support import INGESTED_AT, example_files, load, scratch

BASE = "http://localhost:8000/"
DAY = dt.timedelta(days=1)


def corrected(folder: Path, name: str, old: str, new: str) -> Path:
    original = next(p for p in example_files() if p.name == name)
    text = original.read_text(encoding="utf-8")
    assert old in text
    copy = folder / name
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy


def answers(store: EmbeddedStore) -> dict[str, object]:
    """Each library query's rows (its error, for a query the engine rejects), except the
    queries that read the version log on purpose."""
    found: dict[str, object] = {}
    for query in list_queries():
        if "isVersionOf" in query.text:
            continue
        try:
            found[query.name] = sorted(run(store, query).rows, key=repr)
        except QueryError as exc:
            found[query.name] = exc.reason
    return found


@pytest.fixture
def store_path() -> Path:
    path = scratch("delibgraph-versions-") / "store"
    load(path, example_files(), base=BASE, now=INGESTED_AT)
    return path


def test_one_version_per_deliberation_and_idempotent(store_path: Path) -> None:
    with EmbeddedStore(store_path) as store:
        versions = list_versions(store, base=BASE)
        assert len(versions) == 7 and len({v.act for v in versions}) == 7
        assert store.has_graph(log_graph_iri(BASE))
        count = store.triple_count()
        assert record_versions(store, base=BASE) == ()
        assert store.triple_count() == count
    # re-ingesting the same files later: same content, no new version, same triple count
    load(store_path, example_files(), base=BASE, now=INGESTED_AT + DAY)
    with EmbeddedStore(store_path) as store:
        assert list_versions(store, base=BASE) == versions
        assert store.triple_count() == count


def test_a_corrected_deliberation_adds_a_version(store_path: Path) -> None:
    folder = scratch("delibgraph-corrected-")
    copy = corrected(folder, "val-daurele-2023-016.txt", "parcelle", "parcelle cadastrale")
    load(store_path, [copy], base=BASE, now=INGESTED_AT + DAY)
    with EmbeddedStore(store_path) as store:
        versions = list_versions(store, base=BASE)
    assert len(versions) == 8
    newest = versions[-1]
    assert newest.act.endswith("/2023-016")
    assert newest.timestamp == INGESTED_AT + DAY
    older = [v for v in versions if v.act == newest.act and v is not newest]
    assert len(older) == 1 and older[0].digest != newest.digest
    # the old version is kept as it was (batch members are one microsecond apart)
    assert dt.timedelta(0) <= older[0].timestamp - INGESTED_AT < dt.timedelta(milliseconds=1)


def test_timestamps_only_grow(store_path: Path) -> None:
    folder = scratch("delibgraph-corrected-")
    copy = corrected(folder, "val-daurele-2023-014.txt", "La commission", "La commission réunie")
    load(store_path, [copy], base=BASE, now=INGESTED_AT - 30 * DAY)  # a clock set in the past
    with EmbeddedStore(store_path) as store:
        versions = list_versions(store, base=BASE)
    times = [v.timestamp for v in versions]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert versions[-1].act.endswith("/2023-014") and versions[-1].timestamp > INGESTED_AT


def test_the_log_does_not_change_query_answers() -> None:
    path = scratch("delibgraph-versions-") / "store"

    with EmbeddedStore(path) as store:
        ingest(
            example_files(),
            store,
            minter=IriMinter(BASE),
            report_dir=None,
            ner=False,
            now=INGESTED_AT,
        )
        before = answers(store)
        stats_before = store_stats(store)
        assert len(record_versions(store, base=BASE)) == 7
        after = answers(store)
        assert after == before
        counted = [name for name, _ in stats_before.counts if name != "distinct triples"]
        for name in counted:  # deliberations, persons, séances … are still counted once
            assert store_stats(store).count(name) == stats_before.count(name), name
