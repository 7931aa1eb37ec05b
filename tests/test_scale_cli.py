"""Scale features through the command line and the library: split N-Quads exports, the bulk
load journal, ``synth``, ``ingest --workers`` and a remote store behind ``--endpoint``."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from corpus_stores import (
    MINTER,
    deliberation_graphs,
    examples_dir,
    examples_statistics_graph,
    examples_store,
)
from delibgraph.cli import main
from delibgraph.querylib import list_queries, run
from delibgraph.splitexport import export_split, file_stem
from delibgraph.store import EmbeddedStore, EndpointConfig, EndpointStore, GraphData, Store
from delibgraph.store.journal import JOURNAL_NAME, PendingJournal
from sparql_servers import oxigraph_config

__all__ = ["oxigraph_config"]  # a fixture, used by name


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _quads(path: Path) -> list[ox.Quad]:
    return list(ox.parse(path=path, format=ox.RdfFormat.N_QUADS))


# ------------------------------------------------------------------ split exports


def test_file_stems_come_from_graph_names() -> None:
    assert file_stem("http://h/graph/243400017/m2021-162") == "243400017-m2021-162"
    assert file_stem("urn:x:y z") == "urn-x-y-z"


def test_split_export_writes_one_whole_graph_per_file(tmp_path: Path) -> None:
    path, _ = examples_store(ner=False)
    with EmbeddedStore(path) as store:
        graphs, triples = store.graphs(), store.triple_count()
        done = export_split(store, tmp_path / "one")
        grouped = export_split(store, tmp_path / "three", graphs_per_file=3)
    assert (done.files, done.graphs, done.quads) == (len(graphs), len(graphs), triples)
    # one file per deliberation, and one for the council's statistics graph (the queries read it)
    assert len(deliberation_graphs(graphs)) == 7
    assert graphs == sorted([*deliberation_graphs(graphs), examples_statistics_graph()])
    files = sorted((tmp_path / "one").glob("*.nq"))
    assert len(files) == len(graphs) and not list((tmp_path / "one").glob(".*"))
    assert tmp_path / "one" / "statistics-219990001-conseil-municipal.nq" in files
    names = set()
    for file in files:
        [name] = {q.graph_name.value for q in _quads(file)}  # type: ignore[union-attr]
        assert file.stem == file_stem(name)
        names.add(name)
    assert sorted(names) == graphs
    assert grouped.files == 3
    parts = sorted(p.name for p in (tmp_path / "three").glob("*.nq"))
    assert parts == ["part-000001.nq", "part-000002.nq", "part-000003.nq"]
    assert sum(len(_quads(p)) for p in (tmp_path / "three").glob("*.nq")) == triples


def _library_answers(store: Store) -> dict[str, list[str]]:
    return {
        query.name: sorted(repr(record) for record in run(store, query).records())
        for query in list_queries()
    }


def test_a_store_bulk_loaded_from_the_split_files_answers_every_query_alike(
    tmp_path: Path,
) -> None:
    """What the README's bulk loaders do (here Oxigraph's): the copy holds the statistics
    graphs too, which the queries read."""
    path, _ = examples_store(ner=False)
    with EmbeddedStore(path) as store:
        export_split(store, tmp_path / "nq")
        expected = _library_answers(store)
    loaded = ox.Store(str(tmp_path / "copy"))
    for file in sorted((tmp_path / "nq").glob("*.nq")):
        loaded.bulk_load(path=file, format=ox.RdfFormat.N_QUADS)
    del loaded  # closes it
    with EmbeddedStore(tmp_path / "copy") as copy:
        assert examples_statistics_graph() in copy.graphs()
        answers = _library_answers(copy)
    assert all(expected.values())  # every query answers something on the examples
    assert answers == expected


def test_export_split_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, _ = examples_store(ner=False)
    with EmbeddedStore(path) as store:
        graphs = store.graphs()
    assert graphs == sorted([*deliberation_graphs(graphs), examples_statistics_graph()])
    code, out, err = _run(capsys, "export", "--store", str(path), "--split", str(tmp_path / "d"))
    assert code == 0, err
    assert f"{len(graphs)} graphs" in out
    assert len(list((tmp_path / "d").glob("*.nq"))) == len(graphs)
    code, _, err = _run(capsys, "export", "--store", str(path), "--split", "x", "--format", "trig")
    assert code == 2 and "N-Quads" in err


# ------------------------------------------------------------------ bulk-load journal


def test_a_bulk_load_cut_short_is_rolled_back_when_the_store_opens(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    kept = GraphData("http://example.org/graph/kept", b"<http://a/> <http://b/> <http://c/> .\n")
    with EmbeddedStore(folder) as store:
        assert store.replace_graphs([kept]) == [False]
        assert not (folder / JOURNAL_NAME).exists()  # a finished load leaves no journal
        # A crash in the middle of the next load: its graphs are written, its journal stays.
        PendingJournal(folder).begin(["http://example.org/graph/half"])
        store._db.add(  # the half-written graph
            ox.Quad(ox.NamedNode("http://a/"), ox.NamedNode("http://b/"), ox.Literal("half"),
                    ox.NamedNode("http://example.org/graph/half"))
        )  # fmt: skip
    with EmbeddedStore(folder) as store:
        assert store.graphs() == ["http://example.org/graph/kept"]
        assert store.triple_count() == 1
    assert not (folder / JOURNAL_NAME).exists()


def test_a_torn_journal_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with EmbeddedStore(folder) as store:
        store.replace_graphs([GraphData("http://e/g", b"<http://a/> <http://b/> <http://c/> .\n")])
    (folder / JOURNAL_NAME).write_text('{"graphs": ["http://e/g"', encoding="utf-8")
    with EmbeddedStore(folder) as store:
        assert store.graphs() == ["http://e/g"]


# ------------------------------------------------------------------ synth and ingest


def test_synth_writes_a_reproducible_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    argv = ["synth", "--authorities", "1", "--seances", "2", "--per-seance", "2", "3"]
    code, out, err = _run(capsys, *argv, "--out", str(tmp_path / "a"), "--seed", "5")
    assert code == 0, err
    assert "1 authorities" in out or "deliberations of 1" in out
    _run(capsys, *argv, "--out", str(tmp_path / "b"), "--seed", "5")
    first = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert first == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert "manifest.json" in first and 4 <= len(first) - 1 <= 6
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest
    code, _, err = _run(capsys, "synth", "--authorities", "0", "--seances", "1", "--out", "x")
    assert code == 2 and err.startswith("delibgraph: ")


@pytest.mark.slow
def test_ingest_with_workers_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = str(tmp_path / "store")
    code, out, err = _run(capsys, "ingest", str(examples_dir()), "--store", store, "--no-ner",
                          "--workers", "2")  # fmt: skip
    assert code == 0, err
    assert "inserted 7" in out
    assert "ingest: 7 deliberations from 7 files" in err  # the progress line, on stderr
    code, _, err = _run(capsys, "ingest", str(examples_dir()), "--store", store,
                        "--workers", "1", "--dask-scheduler", "tcp://127.0.0.1:1")  # fmt: skip
    assert code == 2 and "not both" in err


def test_store_and_endpoint_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "query", "vote-results", "--store", "x",
                        "--endpoint", "http://127.0.0.1:9")  # fmt: skip
    assert code == 2 and "not both" in err
    code, _, err = _run(capsys, "stats", "--query-url", "http://127.0.0.1:9/q")
    assert code == 2 and "--endpoint" in err


@pytest.mark.server
def test_ingest_and_query_through_an_endpoint(
    capsys: pytest.CaptureFixture[str], oxigraph_config: EndpointConfig, tmp_path: Path
) -> None:
    url = oxigraph_config.query_url.removesuffix("/query")
    common = ("--endpoint", url)
    code, out, err = _run(capsys, "ingest", str(examples_dir()), *common, "--no-ner",
                          "--reports", str(tmp_path / "reports"))  # fmt: skip
    assert code == 0, err
    assert "inserted 7" in out
    code, out, err = _run(capsys, "query", "vote-results", *common, "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)) == 7
    code, out, err = _run(capsys, "stats", *common, "--format", "json")
    assert code == 0, err
    with EndpointStore(oxigraph_config) as store:
        graphs = store.graphs()
    # 7 deliberations, the council's statistics graph (computed through the endpoint) and the
    # version log
    assert len(deliberation_graphs(graphs)) == 7
    besides = [examples_statistics_graph(), f"{MINTER.base}graph/versions"]
    assert graphs == sorted([*deliberation_graphs(graphs), *besides])
    assert json.loads(out)["graphs"] == len(graphs)
    code, _, err = _run(capsys, "export", *common, "--split", str(tmp_path / "nq"))
    assert code == 0, err
    stems = sorted(file.stem for file in (tmp_path / "nq").glob("*.nq"))
    assert stems == sorted(file_stem(graph) for graph in graphs)  # each graph in its own file
    assert MINTER.base in next((tmp_path / "nq").glob("*.nq")).read_text(encoding="utf-8")
