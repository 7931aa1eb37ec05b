"""Ingestion in worker processes and on a Dask cluster: same store, same order, bounded work."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from corpus_stores import (
    INGESTED_AT,
    MINTER,
    SEED_BODY,
    deliberation_graphs,
    examples_dir,
    seed_path,
)
from delibgraph.executors import dask_cluster, ordered_results, worker_processes
from delibgraph.ingestwork import STAGES
from delibgraph.outcomes import IngestReport, LoadedGraph
from delibgraph.pipeline import ingest
from delibgraph.progress import Counts, Progress
from delibgraph.store import EmbeddedStore


def _loaded(report: IngestReport) -> list[tuple[str, str | None, str, bool, int]]:
    return [(g.file, g.number, g.graph_iri, g.replaced, g.triples) for g in report.loaded]


def _corpus(tmp_path: Path) -> Path:
    """The examples, the seed and a broken copy of the seed (rejected)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(examples_dir().glob("*.txt")):
        (corpus / path.name).write_bytes(path.read_bytes())
    text = seed_path().read_text(encoding="utf-8")
    (corpus / "seed.txt").write_text(text, encoding="utf-8")
    (corpus / "zz-broken.txt").write_text(
        text.replace("Pour : 87 voix", "Pour : 86 voix"), encoding="utf-8"
    )
    return corpus


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport, int]:
    """The corpus ingested in this process, the reference for the other executors."""
    folder = tmp_path_factory.mktemp("reference")
    corpus = _corpus(folder)
    with EmbeddedStore(folder / "store") as store:
        report = ingest([corpus], store, minter=MINTER, report_dir=None, ner=False, now=INGESTED_AT)
        return corpus, report, store.triple_count()


def _same_as_reference(
    report: IngestReport, triples: int, reference: tuple[Path, IngestReport, int]
) -> None:
    _, expected, expected_triples = reference
    assert _loaded(report) == _loaded(expected)
    assert [(r.file, r.number, r.kept_previous) for r in report.rejected] == [
        (r.file, r.number, r.kept_previous) for r in expected.rejected
    ]
    assert triples == expected_triples
    assert len(expected.loaded) == 8 and len(expected.rejected) == 1


@pytest.mark.slow
def test_worker_processes_give_the_same_store(
    reference: tuple[Path, IngestReport, int], tmp_path: Path
) -> None:
    corpus = reference[0]
    with (
        EmbeddedStore(tmp_path / "store") as store,
        worker_processes(2, ner=False, engine="fast") as executor,
    ):
        report = ingest(
            [corpus], store, minter=MINTER, report_dir=tmp_path / "reports", ner=False,
            now=INGESTED_AT, executor=executor, in_flight=3,
        )  # fmt: skip
        triples = store.triple_count()
    _same_as_reference(report, triples, reference)
    assert (tmp_path / "reports" / "zz-broken.txt").is_file()
    assert report.stage_seconds[0][0] == "extract"
    seconds = dict(report.stage_seconds)
    assert set(seconds) == set(STAGES)
    assert seconds["parse"] > 0 and seconds["map"] > 0 and seconds["load"] > 0
    assert report.elapsed > 0 and report.rate > 0


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_store(
    reference: tuple[Path, IngestReport, int], tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = reference[0]
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
            host="127.0.0.1", dashboard_address=None,
        ) as cluster,
        EmbeddedStore(tmp_path / "store") as store,
        dask_cluster(cluster.scheduler_address, ner=False, engine="fast") as executor,
    ):  # fmt: skip
        report = ingest(
            [corpus], store, minter=MINTER, report_dir=None, ner=False, now=INGESTED_AT,
            executor=executor, in_flight=4,
        )  # fmt: skip
        triples = store.triple_count()
    _same_as_reference(report, triples, reference)


def test_results_come_in_order_with_bounded_work_in_flight() -> None:
    pulled = 0
    lock = threading.Lock()

    def items() -> Iterator[int]:
        nonlocal pulled
        for n in range(40):
            with lock:
                pulled += 1
            yield n

    def slow_square(n: int, offset: int) -> int:
        threading.Event().wait(0.001 * (n % 5))
        return n * n + offset

    seen = []
    with ThreadPoolExecutor(max_workers=4) as executor:
        for consumed, result in enumerate(
            ordered_results(slow_square, items(), 1, executor, in_flight=3), start=1
        ):
            seen.append(result)
            assert pulled <= consumed + 3  # never more than 3 submitted and not yet consumed
    assert seen == [n * n + 1 for n in range(40)]


def test_without_an_executor_each_file_waits_its_turn() -> None:
    calls: list[int] = []

    def record(n: int, _: object) -> int:
        calls.append(n)
        return n

    results = ordered_results(record, iter(range(5)), None, None, in_flight=99)
    assert next(results) == 0 and calls == [0]
    assert list(results) == [1, 2, 3, 4]


def test_a_worker_count_below_one_is_a_usage_error() -> None:
    from delibgraph.errors import UsageError

    with pytest.raises(UsageError), worker_processes(0, ner=False, engine="fast"):
        pass


def test_progress_on_a_terminal_redraws_one_line() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=True)
    progress.update(Counts(files=3, deliberations=5, loaded=4, rejected=1, failed=0))
    progress.close()
    text = stream.getvalue()
    assert text.startswith("\r") and text.endswith("\n") and text.count("\n") == 1
    assert "5 deliberations from 3 files" in text and "rejected 1" in text and "/s" in text


def test_progress_elsewhere_writes_log_lines() -> None:
    stream = io.StringIO()
    progress = Progress(stream, interactive=False)
    progress.update(Counts(files=1, deliberations=1, loaded=1, rejected=0, failed=0))
    progress.update(Counts(files=2, deliberations=2, loaded=2, rejected=0, failed=0))
    progress.close()
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert lines[0].startswith("ingest: 1 deliberations")  # the first, then every 10 s
    assert lines[-1].startswith("ingest: 2 deliberations")
    assert len(lines) == 2


def test_the_same_act_twice_in_one_batch_is_replaced_in_order(tmp_path: Path) -> None:
    corpus = tmp_path / "twice"
    corpus.mkdir()
    text = seed_path().read_text(encoding="utf-8")
    (corpus / "a.txt").write_text(text, encoding="utf-8")
    (corpus / "b.txt").write_text(text, encoding="utf-8")
    with EmbeddedStore(tmp_path / "store") as store:
        report = ingest([corpus], store, minter=MINTER, report_dir=None, ner=False)
        assert [(g.file.endswith("a.txt"), g.replaced) for g in report.loaded] == [
            (True, False), (False, True),
        ]  # fmt: skip
        graphs, second = store.graphs(), report.loaded[1]
        assert deliberation_graphs(graphs) == [second.graph_iri]  # the second copy, alone
        statistics = str(MINTER.statistics_graph(SEED_BODY))
        assert graphs == [second.graph_iri, statistics]  # and its body's statistics graph
        statistics_triples = store.export_graph(statistics, io.BytesIO())
        assert report.triples_in_store == second.triples + statistics_triples


def test_loaded_graph_is_small_and_picklable() -> None:
    import pickle

    graph = LoadedGraph(file="f.txt", number="1", graph_iri="http://x/g", replaced=False,
                        triples=3)  # fmt: skip
    assert pickle.loads(pickle.dumps(graph)) == graph
