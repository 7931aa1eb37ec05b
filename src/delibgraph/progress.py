"""Progress of a long ingestion on stderr: one line redrawn in place on a terminal (documents,
rate, rejected, failed), plain log lines every few seconds otherwise (CI logs, files)."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TextIO

REDRAW_SECONDS = 0.2
LOG_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class Counts:
    """Running totals of an ingestion."""

    files: int
    deliberations: int
    loaded: int
    rejected: int
    failed: int


class Progress:
    """Call :meth:`update` after each file and :meth:`close` at the end."""

    def __init__(self, stream: TextIO | None = None, *, interactive: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.interactive = interactive if interactive is not None else bool(isatty and isatty())
        self._start = time.monotonic()
        self._last = 0.0
        self._counts = Counts(0, 0, 0, 0, 0)
        self._width = 0

    def update(self, counts: Counts) -> None:
        self._counts = counts
        now = time.monotonic()
        every = REDRAW_SECONDS if self.interactive else LOG_SECONDS
        if now - self._last >= every:
            self._last = now
            self._emit(final=False)

    def close(self) -> None:
        self._emit(final=True)

    def line(self) -> str:
        c = self._counts
        elapsed = max(time.monotonic() - self._start, 1e-9)
        return (
            f"ingest: {c.deliberations} deliberations from {c.files} files, "
            f"{c.deliberations / elapsed:.1f}/s, loaded {c.loaded}, rejected {c.rejected}, "
            f"failed {c.failed}, {elapsed:.0f}s"
        )

    def _emit(self, *, final: bool) -> None:
        text = self.line()
        if self.interactive:
            padding = " " * max(0, self._width - len(text))
            self._width = len(text)
            self.stream.write(f"\r{text}{padding}" + ("\n" if final else ""))
        else:
            self.stream.write(text + "\n")
        self.stream.flush()
