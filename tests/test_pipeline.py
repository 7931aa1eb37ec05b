"""The ingest pipeline on the real seed and on a broken copy of it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from corpus_stores import (
    INGESTED_AT,
    MINTER,
    SEED_BODY,
    deliberation_graphs,
    examples_dir,
    examples_statistics_graph,
    seed_path,
)
from delibgraph.errors import UsageError
from delibgraph.pipeline import ingest, parse_paths, source_files, validate_paths
from delibgraph.store import EmbeddedStore

SEED_GRAPH = "http://localhost:8000/graph/243400017/m2021-162"
SEED_STATISTICS_GRAPH = "http://localhost:8000/graph/statistics/243400017/conseil-de-metropole"


def _copy_seed(folder: Path, name: str, *, broken: bool = False) -> Path:
    text = seed_path().read_text(encoding="utf-8")
    if broken:
        assert "Pour : 87 voix" in text
        text = text.replace("Pour : 87 voix", "Pour : 86 voix")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    target.write_text(text, encoding="utf-8")
    return target


def _count(store: EmbeddedStore, sparql: str) -> int:
    [[term]] = store.query(sparql).rows
    assert term is not None
    return int(term.value)


@pytest.mark.slow
def test_ingesting_the_seed_with_ner(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        report = ingest([seed_path()], store, minter=MINTER, report_dir=None, now=INGESTED_AT)
        assert report.exit_code == 0, report.to_text()
        assert (report.files, report.deliberations, report.inserted) == (1, 1, 1)
        # the deliberation's graph, and its body's statistics graph recomputed after the run
        assert str(MINTER.statistics_graph(SEED_BODY)) == SEED_STATISTICS_GRAPH
        assert store.graphs() == [SEED_GRAPH, SEED_STATISTICS_GRAPH]
        yes_votes = _count(
            store,
            'SELECT (COUNT(DISTINCT ?vote) AS ?n) WHERE { ?act eli:number "M2021-162" . '
            '?ve prov:generated ?act ; opengov:vote ?vote . ?vote schema:option "yes" }',
        )
        assert yes_votes == 87
        yes_count = _count(
            store,
            'SELECT ?n WHERE { ?act eli:number "M2021-162" . ?ve prov:generated ?act ; '
            "opengov:count [ a opengov:YesCount ; rdf:value ?n ] }",
        )
        assert yes_count == 87
        represented = _count(
            store,
            'SELECT (COUNT(DISTINCT ?member) AS ?n) WHERE { ?act eli:number "M2021-162" . '
            "?ve prov:generated ?act ; dlg:proxy/dlg:proxyGiver ?member }",
        )
        assert represented == 12
        anct = _count(
            store,
            "SELECT (COUNT(*) AS ?n) WHERE { ?e schema:mentions ?o . ?o a schema:Organization ;"
            ' schema:name ?name FILTER(CONTAINS(?name, "ANCT") || '
            'CONTAINS(?name, "Agence Nationale de la Cohésion des Territoires")) }',
        )
        assert anct >= 1


def test_a_broken_register_is_rejected_and_the_rest_loaded(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _copy_seed(corpus, "a-good.txt")
    broken = _copy_seed(corpus / "sub", "m2021-162-broken.txt", broken=True)
    reports = tmp_path / "reports"
    with EmbeddedStore(tmp_path / "store") as store:
        report = ingest(
            [corpus, examples_dir()], store, minter=MINTER, report_dir=reports, ner=False
        )
        assert report.exit_code == 1
        assert report.files == 9
        assert len(report.loaded) == 8  # the good copy and the 7 examples
        assert len(report.rejected) == 1 and not report.failed
        [rejection] = report.rejected
        assert rejection.file == str(broken)
        assert rejection.number == "M2021-162"
        # The message names the broken rule: the counts no longer add up to the voters.
        messages = " ".join(issue.message for issue in rejection.issues)
        assert re.search(r"(?i)\b(rule|règle)\b", messages), messages
        assert "86" in messages and "87" in messages, messages
        assert rejection.kept_previous  # the good copy (same act) was loaded first
        text = report.to_text()
        assert "rejected: " + str(broken) in text
        assert "the version already in the store is kept" in text
        # the report is written aside, never loaded
        assert (reports / "m2021-162-broken.txt").read_text(encoding="utf-8").strip()
        assert (reports / "m2021-162-broken.ttl").stat().st_size > 0
        # nothing of the broken file is stored: neither its name nor its checksum
        digest = hashlib.sha256(broken.read_bytes()).hexdigest()
        assert (
            _count(
                store,
                f'SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(STR(?o) IN ("{broken.name}", '
                f'"{digest}")) }}',
            )
            == 0
        )
        # the store holds the good copy's 87 yes votes
        assert (
            _count(
                store,
                "SELECT ?n WHERE { ?c a opengov:YesCount ; rdf:value ?n . "
                '?ve opengov:count ?c ; prov:generated/eli:number "M2021-162" }',
            )
            == 87
        )


def test_a_rejected_file_leaves_no_trace_in_an_empty_store(tmp_path: Path) -> None:
    broken = _copy_seed(tmp_path / "in", "broken.txt", broken=True)
    with EmbeddedStore(tmp_path / "store") as store:
        report = ingest([broken], store, minter=MINTER, report_dir=None, ner=False)
        assert report.exit_code == 1 and len(report.rejected) == 1
        assert not report.rejected[0].kept_previous
        assert report.rejected[0].report_files == ()
        assert store.triple_count() == 0 and store.graphs() == []


def test_ingesting_twice_leaves_the_triple_count_unchanged(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "store") as store:
        first = ingest([examples_dir()], store, minter=MINTER, report_dir=None, ner=False)
        again = ingest([examples_dir()], store, minter=MINTER, report_dir=None, ner=False)
        assert first.exit_code == again.exit_code == 0
        assert (first.inserted, first.replaced) == (7, 0)
        assert (again.inserted, again.replaced) == (0, 7)
        assert again.triples_in_store == first.triples_in_store == store.triple_count()
        graphs = store.graphs()
        assert len(deliberation_graphs(graphs)) == 7
        assert graphs == sorted([*deliberation_graphs(graphs), examples_statistics_graph()])


def test_unreadable_files_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "not-a-register.txt").write_text("Bonjour.\nRien à voir.\n", encoding="utf-8")
    (corpus / "fake.pdf").write_bytes(b"not a pdf at all")
    _copy_seed(corpus, "seed.txt")
    with EmbeddedStore(tmp_path / "store") as store:
        report = ingest([corpus], store, minter=MINTER, report_dir=None, ner=False)
    assert report.exit_code == 1
    assert len(report.loaded) == 1
    assert {Path(f.file).name for f in report.failed} == {
        "empty.txt", "not-a-register.txt", "fake.pdf",
    }  # fmt: skip
    for failure in report.failed:
        assert failure.file in failure.error  # the error line names the file
    assert "failed: " in report.to_text()


def test_source_files_walk_folders_in_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.PDF", "notes.md", ".hidden.txt", "sub/c.txt", ".git/d.txt",
                 "reports/r.txt"):  # fmt: skip
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in source_files([tmp_path],
             exclude=tmp_path / "reports")]  # fmt: skip
    assert found == ["a.PDF", "b.txt", "sub/c.txt"]
    with pytest.raises(UsageError, match="no such file"):
        list(source_files([tmp_path / "missing"]))


def test_validate_paths_stores_nothing_and_reports(tmp_path: Path) -> None:
    good = _copy_seed(tmp_path, "good.txt")
    broken = _copy_seed(tmp_path, "broken.txt", broken=True)
    run = validate_paths([good, broken], minter=MINTER, ner=False)
    assert [r.conforms for r in run.reports] == [True, False]
    assert run.exit_code == 1 and not run.conforms
    assert run.to_json()["conforms"] is False
    assert "1 of 2 deliberation(s) conform" in run.to_text()


def test_parse_paths_yields_every_deliberation() -> None:
    numbers = sorted(d.number or "" for d in parse_paths([examples_dir()], ner=False))
    assert numbers == [
        "2023-014", "2023-015", "2023-016", "2023-031", "2023-032", "2024-003", "2024-004",
    ]  # fmt: skip
