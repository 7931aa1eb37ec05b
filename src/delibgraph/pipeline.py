"""The batch pipeline: files → extract → parse → map → validate → store.

:func:`ingest` never holds the corpus: files are read lazily and at most a few are in flight
(:mod:`delibgraph.executors`); each is parsed, mapped and validated — here, in worker
processes or on a Dask cluster (:mod:`delibgraph.ingestwork`) — and comes back as N-Triples,
in file order, to be written here in batches. A file that cannot be read or parsed is
recorded and the batch goes on; a deliberation whose graph does not conform to the shapes is
never stored, and its report (and the rejected graph, in Turtle) is written aside
(:mod:`delibgraph.rejections`). The run ends with an :class:`IngestReport` of counts and
the time spent per stage.

:func:`validate_paths` and :func:`parse_paths` run the first stages only.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from pathlib import Path

from rdflib import Graph

from delibgraph.errors import DelibgraphError, UsageError
from delibgraph.executors import in_flight_for, ordered_results
from delibgraph.fastshacl import ShaclEngine
from delibgraph.identity import rosters_from_store
from delibgraph.ids import IriMinter
from delibgraph.ingestwork import STAGES, Checked, FileWork, WorkOptions, process_file
from delibgraph.mapping import DeliberationGraph, map_deliberation
from delibgraph.model import Deliberation
from delibgraph.outcomes import (
    FileFailure,
    IngestReport,
    Issue,
    LoadedGraph,
    Rejection,
    ValidationRun,
)
from delibgraph.parse import parse_file
from delibgraph.progress import Counts, Progress
from delibgraph.rejections import ReportWriter, rejection
from delibgraph.statistics import bodies_of_graphs, refresh_statistics
from delibgraph.store import GraphData, Store
from delibgraph.validate import ValidationReport, validate_graph

BATCH_TRIPLES = 100_000
"""Conforming graphs are written once about this many triples are waiting."""

__all__ = [
    "FileFailure", "IngestReport", "Issue", "LoadedGraph", "Rejection", "ValidationRun",
    "ingest", "map_paths", "parse_paths", "source_files", "union_graph", "validate_paths",
]  # fmt: skip


# --------------------------------------------------------------------------- sources

SOURCE_SUFFIXES = frozenset({".txt", ".pdf"})


def source_files(paths: Iterable[Path], *, exclude: Path | None = None) -> Iterator[Path]:
    """The files to read: each file given, and every ``*.txt`` / ``*.pdf`` under each folder.

    Folders are walked recursively in sorted order (deterministic), skipping hidden entries
    (``.git``, ``.venv`` …) and ``exclude`` (the reports folder). A path that does not exist
    raises :class:`UsageError` before anything is read.
    """
    given = [Path(p) for p in paths]
    missing = [str(p) for p in given if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    excluded = exclude.resolve() if exclude is not None else None
    for path in given:
        if path.is_dir():
            yield from _walk(path, excluded)
        else:
            yield path


def _walk(folder: Path, excluded: Path | None) -> Iterator[Path]:
    if excluded is not None and folder.resolve() == excluded:
        return
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, excluded)
        elif entry.is_file() and entry.suffix.lower() in SOURCE_SUFFIXES:
            yield entry


# --------------------------------------------------------------------------- stages


def parse_paths(paths: Iterable[Path], *, ner: bool = True) -> Iterator[Deliberation]:
    """Every deliberation of the files under ``paths``; the first error is raised."""
    for path in source_files(paths):
        yield from parse_file(path, ner=ner)


def map_paths(
    paths: Iterable[Path],
    *,
    minter: IriMinter,
    ner: bool = True,
    now: dt.datetime | None = None,
) -> Iterator[DeliberationGraph]:
    """The graph of every deliberation under ``paths``; the first error is raised."""
    ingested_at = now or dt.datetime.now(dt.UTC)
    for deliberation in parse_paths(paths, ner=ner):
        yield map_deliberation(deliberation, minter=minter, ingested_at=ingested_at)


def union_graph(graphs: Iterable[Graph]) -> Graph:
    """One graph holding the triples (and prefixes) of ``graphs``."""
    union = Graph()
    for graph in graphs:
        for prefix, namespace in graph.namespaces():
            union.bind(prefix, namespace, override=False)
        union += graph
    return union


def validate_paths(
    paths: Iterable[Path],
    *,
    minter: IriMinter,
    ner: bool = True,
    now: dt.datetime | None = None,
) -> ValidationRun:
    """Parse, map and validate every deliberation under ``paths``; store nothing."""
    ingested_at = now or dt.datetime.now(dt.UTC)
    reports: list[ValidationReport] = []
    failed: list[FileFailure] = []
    for path in source_files(paths):
        for outcome in _mapped(path, minter=minter, ner=ner, ingested_at=ingested_at):
            if isinstance(outcome, FileFailure):
                failed.append(outcome)
            else:
                reports.append(validate_graph(outcome))
    return ValidationRun(tuple(reports), tuple(failed))


def ingest(
    paths: Iterable[Path],
    store: Store,
    *,
    minter: IriMinter,
    report_dir: Path | None,
    ner: bool = True,
    now: dt.datetime | None = None,
    executor: Executor | None = None,
    in_flight: int | None = None,
    engine: ShaclEngine = "fast",
    progress: Progress | None = None,
    batch_triples: int = BATCH_TRIPLES,
    resolve_persons: bool = True,
) -> IngestReport:
    """Load every conforming deliberation under ``paths`` into ``store``.

    Files are read, parsed, mapped and validated by ``executor`` (any
    ``concurrent.futures``-style executor: worker processes, a Dask cluster), at most
    ``in_flight`` at a time, or here when it is None; results come back in file order and
    are written here, in batches of about ``batch_triples`` triples, each deliberation whole or
    not at all. Rejected deliberations are reported (and, with ``report_dir``, written there as
    ``<file-stem>.txt``, ``<file-stem>.ttl`` (SHACL report) and ``<file-stem>.data.ttl`` (the
    rejected graph)); they are never stored.

    With ``resolve_persons``, a person printed differently across documents of one authority
    gets one IRI (:mod:`delibgraph.identity`: the store's names and the run's so far); names
    that fit several members are listed in the report's ``ambiguities``.
    """
    started = time.perf_counter()
    rosters = rosters_from_store(store) if resolve_persons else None
    options = WorkOptions(minter=minter, ingested_at=now or dt.datetime.now(dt.UTC), ner=ner,
                          engine=engine, rosters=rosters)  # fmt: skip
    run = _Run(store, ReportWriter(report_dir), progress, batch_triples, minter)
    files = source_files(paths, exclude=report_dir)
    window = in_flight if in_flight is not None else in_flight_for(_workers(executor))
    try:
        for work in ordered_results(process_file, files, options, executor, in_flight=window):
            run.take(work)
    finally:
        run.flush()  # what was checked is written even when a later file breaks the run
        run.refresh_statistics()  # the bodies written to: their figures stay exact
        if progress is not None:
            progress.close()
    return run.report(time.perf_counter() - started)


def _workers(executor: Executor | None) -> int:
    return int(getattr(executor, "_max_workers", 0) or 2) if executor is not None else 1


class _Run:
    """The parent's side of an ingestion: batches of graphs to write, counts, reports."""

    def __init__(
        self,
        store: Store,
        writer: ReportWriter,
        progress: Progress | None,
        batch_triples: int,
        minter: IriMinter,
    ) -> None:
        self.store, self.writer, self.progress = store, writer, progress
        self.batch_triples, self.minter = batch_triples, minter
        self.touched_bodies: set[str] = set()  # bodies whose statistics must be recomputed
        self.files = self.parsed = 0
        self.loaded: list[LoadedGraph] = []
        self.rejected: list[Rejection] = []
        self.failed: list[FileFailure] = []
        self.ambiguities: list[str] = []
        self.seconds: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self._batch: list[tuple[str, Checked]] = []
        self._batch_size = 0

    def take(self, work: FileWork) -> None:
        self.files += 1
        for stage, seconds in work.seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds
        self.failed.extend(work.failures)
        self.ambiguities.extend(work.ambiguities)
        self.parsed += len(work.checked) + sum(1 for f in work.failures if f.stage == "map")
        rejected_here = []
        for item in work.checked:
            if item.conforms:
                self._add(work.path, item)
            else:
                rejected_here.append(item)
        if rejected_here:
            self.flush()  # whether a previous version is kept depends on what is written
            path = Path(work.path)
            written = self.writer.write(path, rejected_here)
            self.rejected.extend(
                rejection(path, item, written, self.store.has_graph(item.graph_iri))
                for item in rejected_here
            )
        if self.progress is not None:
            self.progress.update(
                Counts(self.files, self.parsed, len(self.loaded) + self._pending(),
                       len(self.rejected), len(self.failed))
            )  # fmt: skip

    def _pending(self) -> int:
        return len(self._batch)

    def _add(self, path: str, item: Checked) -> None:
        if any(queued.graph_iri == item.graph_iri for _, queued in self._batch):
            self.flush()  # the same act twice: write the first before the second
        self._batch.append((path, item))
        self._batch_size += item.triples
        if self._batch_size >= self.batch_triples:
            self.flush()

    def flush(self) -> None:
        if not self._batch:
            return
        batch, self._batch, self._batch_size = self._batch, [], 0
        graphs = [item.graph_iri for _, item in batch]
        start = time.perf_counter()
        self.touched_bodies |= bodies_of_graphs(self.store, graphs)  # a replaced graph's body
        middle = time.perf_counter()
        existed = self.store.replace_graphs([GraphData(i.graph_iri, i.ntriples) for _, i in batch])
        end = time.perf_counter()
        self.touched_bodies |= bodies_of_graphs(self.store, graphs)
        self.seconds["load"] = self.seconds.get("load", 0.0) + end - middle
        self.seconds["statistics"] = (
            self.seconds.get("statistics", 0.0) + (middle - start) + (time.perf_counter() - end)
        )
        self.loaded.extend(
            LoadedGraph(file=path, number=item.number, graph_iri=item.graph_iri,
                        replaced=was_there, triples=item.triples, digest=item.digest)
            for (path, item), was_there in zip(batch, existed, strict=True)
        )  # fmt: skip

    def refresh_statistics(self) -> None:
        if not self.touched_bodies:
            return
        refresh = refresh_statistics(self.store, self.minter, self.touched_bodies)
        self.touched_bodies = set()
        self.seconds["statistics"] = self.seconds.get("statistics", 0.0) + refresh.seconds

    def report(self, elapsed: float) -> IngestReport:
        return IngestReport(
            files=self.files,
            deliberations=self.parsed,
            loaded=tuple(self.loaded),
            rejected=tuple(self.rejected),
            failed=tuple(self.failed),
            triples_in_store=self.store.triple_count(),
            stage_seconds=tuple((name, self.seconds.get(name, 0.0)) for name in STAGES),
            elapsed=elapsed,
            ambiguities=tuple(self.ambiguities),
        )


def _mapped(
    path: Path, *, minter: IriMinter, ner: bool, ingested_at: dt.datetime
) -> Iterator[DeliberationGraph | FileFailure]:
    """The graphs of a file's deliberations; a typed error becomes a :class:`FileFailure`."""
    try:
        deliberations = parse_file(path, ner=ner)
    except DelibgraphError as exc:
        yield FileFailure(str(path), _located(exc, path))
        return
    if not deliberations:
        yield FileFailure(str(path), f"{path}: no deliberation found")
    for deliberation in deliberations:
        try:
            yield map_deliberation(deliberation, minter=minter, ingested_at=ingested_at)
        except DelibgraphError as exc:
            yield FileFailure(str(path), _located(exc, path), stage="map")


def _located(exc: DelibgraphError, path: Path) -> str:
    line = exc.one_line()
    return line if exc.source else f"{path}: {line}"
