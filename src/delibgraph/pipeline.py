"""The batch pipeline: files → parse → map → validate → store, one file at a time.

:func:`ingest` never holds the corpus: each file is parsed, each of its deliberations mapped,
validated and written (or rejected) before the next file is read. A file that cannot be read or
parsed is recorded and the batch goes on; a deliberation whose graph does not conform to the
shapes is never stored, and its report (and the rejected graph, in Turtle) is written aside.
The run ends with an :class:`IngestReport` of counts.

:func:`validate_paths` and :func:`parse_paths` run the first stages only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Graph

from delibgraph.errors import DelibgraphError, UsageError
from delibgraph.ids import IriMinter
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
from delibgraph.store import Store
from delibgraph.validate import ValidationReport, validate_graph

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
) -> IngestReport:
    """Load every conforming deliberation under ``paths`` into ``store``.

    Rejected deliberations are reported (and, with ``report_dir``, written there as
    ``<file-stem>.txt``, ``<file-stem>.ttl`` (SHACL report) and ``<file-stem>.data.ttl`` (the
    rejected graph)); they are never stored.
    """
    ingested_at = now or dt.datetime.now(dt.UTC)
    writer = _ReportWriter(report_dir)
    files = parsed = 0
    loaded: list[LoadedGraph] = []
    rejected: list[Rejection] = []
    failed: list[FileFailure] = []
    for path in source_files(paths, exclude=report_dir):
        files += 1
        rejected_here: list[tuple[DeliberationGraph, ValidationReport]] = []
        for outcome in _mapped(path, minter=minter, ner=ner, ingested_at=ingested_at):
            if isinstance(outcome, FileFailure):
                failed.append(outcome)
                parsed += 1 if outcome.stage == "map" else 0
                continue
            parsed += 1
            report = validate_graph(outcome)
            if report.conforms:
                replaced = store.replace_graph(str(outcome.graph_iri), outcome.graph)
                loaded.append(_loaded(path, outcome, replaced))
            else:
                rejected_here.append((outcome, report))
        if rejected_here:
            written = writer.write(path, rejected_here)
            rejected.extend(
                _rejection(path, dg, report, written, store.has_graph(str(dg.graph_iri)))
                for dg, report in rejected_here
            )
    return IngestReport(
        files=files,
        deliberations=parsed,
        loaded=tuple(loaded),
        rejected=tuple(rejected),
        failed=tuple(failed),
        triples_in_store=store.triple_count(),
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


def _loaded(path: Path, dg: DeliberationGraph, replaced: bool) -> LoadedGraph:
    return LoadedGraph(
        file=str(path),
        number=dg.deliberation.number,
        graph_iri=str(dg.graph_iri),
        replaced=replaced,
        triples=len(dg.graph),
    )


def _rejection(
    path: Path,
    dg: DeliberationGraph,
    report: ValidationReport,
    report_files: tuple[str, ...],
    kept_previous: bool,
) -> Rejection:
    issues = tuple(
        Issue(
            focus_node=str(result.focus_node),
            path=str(result.path) if result.path is not None else None,
            severity=str(result.severity),
            message=str(result.message),
            source_shape=str(result.source_shape) if result.source_shape is not None else None,
        )
        for result in report.results
    )
    return Rejection(
        file=str(path),
        number=dg.deliberation.number,
        graph_iri=str(dg.graph_iri),
        issues=issues,
        report_files=report_files,
        kept_previous=kept_previous,
    )


class _ReportWriter:
    """Writes the reports of rejected deliberations aside, one set of files per source file."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._used: set[str] = set()

    def write(
        self, path: Path, rejected: list[tuple[DeliberationGraph, ValidationReport]]
    ) -> tuple[str, ...]:
        """``<stem>.txt`` (the reports as text), ``<stem>.ttl`` (the SHACL reports) and
        ``<stem>.data.ttl`` (the rejected graphs, kept for inspection)."""
        if self.directory is None:
            return ()
        stem = self._unique_stem(path.stem)
        text_path = self.directory / f"{stem}.txt"
        report_path = self.directory / f"{stem}.ttl"
        data_path = self.directory / f"{stem}.data.ttl"
        text = [f"# {path}: {len(rejected)} deliberation(s) rejected, not loaded"]
        text.extend(report.to_text().rstrip("\n") for _, report in rejected)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            text_path.write_text("\n".join(text) + "\n", encoding="utf-8")
            report_path.write_text(
                "\n".join(report.to_turtle() for _, report in rejected), encoding="utf-8"
            )
            data = union_graph(dg.graph for dg, _ in rejected)
            data.serialize(destination=data_path, format="turtle", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write the rejection report: {exc}", source=str(path)) from exc
        return str(text_path), str(report_path), str(data_path)

    def _unique_stem(self, stem: str) -> str:
        candidate, n = stem, 1
        while candidate in self._used:
            n += 1
            candidate = f"{stem}-{n}"
        self._used.add(candidate)
        return candidate
