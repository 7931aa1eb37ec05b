"""The reports of rejected deliberations, written beside the store (never into it).

For each source file with rejected deliberations: ``<stem>.txt`` (the reports as text),
``<stem>.ttl`` (the SHACL validation reports) and ``<stem>.data.ttl`` (the rejected graphs,
kept for inspection). A second file with the same stem gets ``<stem>-2.*``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from delibgraph.errors import UsageError
from delibgraph.ingestwork import Checked
from delibgraph.outcomes import Rejection


class ReportWriter:
    """Writes the reports of one run into ``directory`` (nothing when it is None)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._used: set[str] = set()

    def write(self, path: Path, rejected: Sequence[Checked]) -> tuple[str, ...]:
        """The three files for ``rejected`` (deliberations of ``path``); their paths."""
        if self.directory is None or not rejected:
            return ()
        stem = self._unique_stem(path.stem)
        text_path = self.directory / f"{stem}.txt"
        report_path = self.directory / f"{stem}.ttl"
        data_path = self.directory / f"{stem}.data.ttl"
        text = [f"# {path}: {len(rejected)} deliberation(s) rejected, not loaded"]
        text.extend(item.report_text.rstrip("\n") for item in rejected)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            text_path.write_text("\n".join(text) + "\n", encoding="utf-8")
            report_path.write_text(
                "\n".join(item.report_turtle for item in rejected), encoding="utf-8"
            )
            data_path.write_text("\n".join(item.data_turtle for item in rejected), encoding="utf-8")
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


def rejection(
    path: Path, item: Checked, report_files: tuple[str, ...], kept_previous: bool
) -> Rejection:
    return Rejection(
        file=str(path),
        number=item.number,
        graph_iri=item.graph_iri,
        issues=item.issues,
        report_files=report_files,
        kept_previous=kept_previous,
    )
