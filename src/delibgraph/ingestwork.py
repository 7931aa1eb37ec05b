"""The work of ingestion that needs no store: one file read, parsed, mapped and validated.

:func:`process_file` runs in the ingesting process or in a worker (a process of a
``ProcessPoolExecutor``, a Dask worker): it takes and returns only small picklable values.
Each deliberation comes back as N-Triples (written by Oxigraph's serialiser, ready for the
store) with its validation outcome, and the file with the time spent in each stage.

Stages: ``extract`` (text from .txt/.pdf), ``parse`` (layout rules), ``ner`` (spaCy, timed
inside the parser), ``map`` (the RDF graph), ``serialize`` (to N-Triples), ``validate``
(SHACL). The parent adds ``load``.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import delibgraph.parse as parse_package
from delibgraph.errors import DelibgraphError
from delibgraph.extract import extract
from delibgraph.fastshacl import ShaclEngine, checked_report
from delibgraph.fastshacl import warm_up as warm_up_shacl
from delibgraph.identity import Rosters
from delibgraph.ids import IriMinter
from delibgraph.mapping import DeliberationGraph, map_deliberation
from delibgraph.model import Source
from delibgraph.outcomes import FileFailure, Issue
from delibgraph.publish.versions import triples_digest
from delibgraph.store.convert import TermConverter
from delibgraph.validate import ValidationReport

STAGES = ("extract", "parse", "ner", "map", "serialize", "validate", "load", "statistics")


@dataclass(frozen=True, slots=True)
class WorkOptions:
    """How every file of a run is processed (sent to each worker with each file)."""

    minter: IriMinter
    ingested_at: dt.datetime
    ner: bool = True
    engine: ShaclEngine = "fast"
    rosters: Rosters | None = None  # names known per authority: persons are resolved


@dataclass(frozen=True, slots=True)
class Checked:
    """One deliberation, mapped and validated. ``digest`` (its content's digest, for the
    version log) is set only when it conforms; ``report_*`` and ``data_turtle`` only when it
    does not (what the rejection report needs)."""

    number: str | None
    graph_iri: str
    ntriples: bytes
    triples: int
    conforms: bool
    issues: tuple[Issue, ...] = ()
    report_text: str = ""
    report_turtle: str = ""
    data_turtle: str = ""
    digest: str = ""


@dataclass(frozen=True, slots=True)
class FileWork:
    """What one file gave: its deliberations in order, its failures, and stage timings."""

    path: str
    checked: tuple[Checked, ...]
    failures: tuple[FileFailure, ...]
    seconds: dict[str, float] = field(default_factory=dict)
    ambiguities: tuple[str, ...] = ()  # printed names that fit several members


class _Clock:
    """Seconds spent per stage in this process (NER is timed from inside the parser)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds


_current: list[_Clock] = []  # the clock of the file being processed in this process


@functools.cache
def _time_ner_inside_the_parser() -> None:
    """Wrap the parser's NER entry point once per process, so that its time is its own stage
    (it is subtracted from ``parse``). Without that entry point NER stays inside ``parse``."""
    find_named: Callable[..., Any] | None = getattr(parse_package, "find_named", None)
    if find_named is None:
        return

    @functools.wraps(find_named)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return find_named(*args, **kwargs)
        finally:
            if _current:
                _current[-1].add("ner", time.perf_counter() - start)

    parse_package.find_named = timed  # type: ignore[attr-defined]


def warm_up(ner: bool, engine: ShaclEngine) -> None:
    """Load what every file needs once per worker: the spaCy model, the compiled shapes."""
    _time_ner_inside_the_parser()
    if ner:
        from delibgraph.parse.entities import load_model

        load_model()
    if engine == "fast":
        warm_up_shacl()


def process_file(path: Path, options: WorkOptions) -> FileWork:
    """Read, parse, map, serialise and validate every deliberation of ``path``."""
    _time_ner_inside_the_parser()
    clock = _Clock()
    _current.append(clock)
    ambiguities: list[str] = []
    try:
        checked, failures = _process(Path(path), options, clock, ambiguities)
    finally:
        _current.pop()
    seconds = dict(clock.seconds)
    if "ner" in seconds and "parse" in seconds:
        seconds["parse"] = max(0.0, seconds["parse"] - seconds["ner"])
    return FileWork(str(path), tuple(checked), tuple(failures), seconds, tuple(ambiguities))


def _process(
    path: Path, options: WorkOptions, clock: _Clock, ambiguities: list[str]
) -> tuple[list[Checked], list[FileFailure]]:
    checked: list[Checked] = []
    failures: list[FileFailure] = []
    try:
        with clock.stage("extract"):
            extracted = extract(path)
        with clock.stage("parse"):
            source = Source(path=str(path), sha256=extracted.sha256)
            deliberations = parse_package.parse_text(extracted.text, source, ner=options.ner)
    except DelibgraphError as exc:
        return [], [FileFailure(str(path), located(exc, path))]
    if not deliberations:
        return [], [FileFailure(str(path), f"{path}: no deliberation found")]
    for deliberation in deliberations:
        try:
            with clock.stage("map"):
                resolver = None
                if options.rosters is not None:
                    resolver = options.rosters.resolver_for(options.minter, deliberation)
                    ambiguities += [a.message() for a in resolver.ambiguities(deliberation)]
                    options.rosters.learn(options.minter, deliberation)
                dg = map_deliberation(
                    deliberation,
                    minter=options.minter,
                    ingested_at=options.ingested_at,
                    resolver=resolver,
                )
        except DelibgraphError as exc:
            failures.append(FileFailure(str(path), located(exc, path), stage="map"))
            continue
        checked.append(_check(dg, options.engine, clock))
    return checked, failures


def _check(dg: DeliberationGraph, engine: ShaclEngine, clock: _Clock) -> Checked:
    """Serialise and validate one mapped deliberation. The rdflib graph (``dg.graph``) is
    built only for pyshacl: with the fast engine, only when a deliberation is rejected."""
    with clock.stage("serialize"):
        ntriples = TermConverter().ntriples(dg.triples)
    with clock.stage("validate"):
        report = checked_report(
            engine,
            lambda: dg.graph,
            ntriples.decode("utf-8"),
            source=dg.deliberation.source.path or None,
            graph_iri=str(dg.graph_iri),
        )
    number, graph_iri = dg.deliberation.number, str(dg.graph_iri)
    if report is None or report.conforms:
        with clock.stage("serialize"):  # what the version log compares, read from nothing
            digest = triples_digest(dg.triples)
        return Checked(
            number, graph_iri, ntriples, triples=len(dg.triples), conforms=True, digest=digest
        )
    return Checked(
        number,
        graph_iri,
        ntriples=b"",
        triples=len(dg.triples),
        conforms=False,
        issues=issues_of(report),
        report_text=report.to_text(),
        report_turtle=report.to_turtle(),
        data_turtle=dg.graph.serialize(format="turtle"),
    )


def issues_of(report: ValidationReport) -> tuple[Issue, ...]:
    return tuple(
        Issue(
            focus_node=str(result.focus_node),
            path=str(result.path) if result.path is not None else None,
            severity=str(result.severity),
            message=str(result.message),
            source_shape=str(result.source_shape) if result.source_shape is not None else None,
        )
        for result in report.results
    )


def located(exc: DelibgraphError, path: Path) -> str:
    """The error's one line, naming the file when the error does not."""
    line = exc.one_line()
    return line if exc.source else f"{path}: {line}"
