"""What a pipeline run reports: loaded, rejected and failed deliberations, with counts.

:class:`IngestReport` closes :func:`delibgraph.pipeline.ingest`; :class:`ValidationRun` closes
:func:`delibgraph.pipeline.validate_paths`. Both are frozen and give the CLI's exit code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from delibgraph.errors import EXIT_DATA, EXIT_OK
from delibgraph.render import compact_iri
from delibgraph.validate import ValidationReport


@dataclass(frozen=True, slots=True)
class LoadedGraph:
    """A deliberation written to the store. ``digest`` is its content's digest as the version
    log counts it on an embedded store (:func:`delibgraph.publish.versions.triples_digest`),
    "" when not known."""

    file: str
    number: str | None
    graph_iri: str
    replaced: bool
    triples: int
    digest: str = ""


@dataclass(frozen=True, slots=True)
class Issue:
    """One SHACL result of a rejected deliberation."""

    focus_node: str
    path: str | None
    severity: str
    message: str
    source_shape: str | None = None

    def one_line(self) -> str:
        where = self.focus_node + (f" {compact_iri(self.path)}" if self.path else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Rejection:
    """A deliberation not stored because its graph does not conform to the shapes."""

    file: str
    number: str | None
    graph_iri: str
    issues: tuple[Issue, ...]
    report_files: tuple[str, ...] = ()
    kept_previous: bool = False


@dataclass(frozen=True, slots=True)
class FileFailure:
    """A file (or one of its deliberations) that could not be read, parsed or mapped."""

    file: str
    error: str
    stage: str = "parse"  # "parse" (reading or parsing the file) or "map" (one deliberation)


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one :func:`ingest` run did."""

    files: int
    deliberations: int
    loaded: tuple[LoadedGraph, ...]
    rejected: tuple[Rejection, ...]
    failed: tuple[FileFailure, ...]
    triples_in_store: int
    # Seconds per stage, summed over every worker (extract, parse, ner, map, serialize,
    # validate, load), and the run's wall-clock time.
    stage_seconds: tuple[tuple[str, float], ...] = ()
    elapsed: float = 0.0
    # Printed names that fit several members of their authority ("M. Rouquette"): listed,
    # never guessed (delibgraph.identity).
    ambiguities: tuple[str, ...] = ()

    @property
    def rate(self) -> float:
        """Deliberations per second of wall-clock time (0 when not timed)."""
        return self.deliberations / self.elapsed if self.elapsed > 0 else 0.0

    def stage_shares(self) -> dict[str, float]:
        """Each stage's share of the time spent in all stages (0–1)."""
        total = sum(seconds for _, seconds in self.stage_seconds)
        return {name: (s / total if total else 0.0) for name, s in self.stage_seconds}

    def timings_text(self) -> str:
        """The time per stage, one line each, and the rate."""
        lines = [f"{len(self.loaded) + len(self.rejected)} deliberations in {self.elapsed:.1f}s "
                 f"({self.rate:.1f}/s)"]  # fmt: skip
        shares = self.stage_shares()
        for name, seconds in self.stage_seconds:
            lines.append(f"  {name:<10} {seconds:8.2f}s  {shares[name]:6.1%}")
        return "\n".join(lines)

    @property
    def inserted(self) -> int:
        return sum(1 for graph in self.loaded if not graph.replaced)

    @property
    def replaced(self) -> int:
        return sum(1 for graph in self.loaded if graph.replaced)

    @property
    def exit_code(self) -> int:
        return EXIT_DATA if self.rejected or self.failed else EXIT_OK

    def to_text(self) -> str:
        rows = [
            ("files read", str(self.files)),
            ("deliberations parsed", str(self.deliberations)),
            (
                "deliberations loaded",
                f"{len(self.loaded)} (inserted {self.inserted}, replaced {self.replaced})",
            ),
            ("deliberations rejected", str(len(self.rejected))),
            ("failed (read, parse, map)", str(len(self.failed))),
            ("triples in store", str(self.triples_in_store)),
        ]
        width = max(len(label) for label, _ in rows)
        lines = [f"{label.ljust(width)}  {value}" for label, value in rows]
        for rejection in self.rejected:
            number = rejection.number or "?"
            lines.append(f"rejected: {rejection.file} (deliberation {number})")
            lines.extend(f"  - {issue.one_line()}" for issue in rejection.issues)
            if rejection.kept_previous:
                lines.append("  the version already in the store is kept")
            lines.extend(f"  report: {path}" for path in rejection.report_files)
        lines.extend(f"failed: {failure.error}" for failure in self.failed)
        lines.extend(f"ambiguous name: {message}" for message in self.ambiguities)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ValidationRun:
    """Reports of :func:`validate_paths`: one per deliberation, plus files that failed."""

    reports: tuple[ValidationReport, ...]
    failed: tuple[FileFailure, ...] = field(default=())

    @property
    def conforms(self) -> bool:
        return not self.failed and all(report.conforms for report in self.reports)

    @property
    def exit_code(self) -> int:
        return EXIT_OK if self.conforms else EXIT_DATA

    def to_text(self) -> str:
        lines = [
            report.to_text().rstrip("\n") or f"{report.source or report.graph_iri}: conforms"
            for report in self.reports
        ]
        lines.extend(f"failed: {failure.error}" for failure in self.failed)
        conforming = sum(1 for report in self.reports if report.conforms)
        lines.append(
            f"{conforming} of {len(self.reports)} deliberation(s) conform"
            + (f"; {len(self.failed)} file(s) failed" if self.failed else "")
        )
        return "\n".join(lines)

    def to_json(self) -> dict[str, object]:
        return {
            "conforms": self.conforms,
            "reports": [report.to_json() for report in self.reports],
            "failed": [{"file": f.file, "error": f.error} for f in self.failed],
        }
