"""The reading text that layout repairs build: each character remembers its offset in the
source text, so that every :class:`~delibgraph.model.Span` still points into the file as
extracted (:mod:`delibgraph.parse.layout`, :mod:`delibgraph.parse.columns`)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

Piece = tuple[int, int] | str  # a slice of the input, or inserted text
Lines = Sequence[tuple[int, int]]  # (start, end) of each line, without its line break


@dataclass(frozen=True, slots=True)
class Reading:
    """The text to parse and, for each of its characters, the source offset (None: identity)."""

    text: str
    offsets: tuple[int, ...] | None = None

    def source_offset(self, index: int) -> int:
        if self.offsets is None:
            return index
        if not self.offsets:
            return 0
        return self.offsets[min(index, len(self.offsets) - 1)]


def assemble(reading: Reading, pieces: list[Piece]) -> Reading:
    """The reading made of ``pieces`` of ``reading`` (inserted text maps to its neighbour)."""
    chars: list[str] = []
    offsets: list[int] = []
    text = reading.text
    last = 0
    for piece in pieces:
        if isinstance(piece, str):
            chars.append(piece)
            offsets.extend([reading.source_offset(last)] * len(piece))
            continue
        start, end = piece
        chars.append(text[start:end])
        if reading.offsets is None:
            offsets.extend(range(start, end))
        else:
            offsets.extend(reading.offsets[start:end])
        last = end if end > start else last
    return Reading("".join(chars), tuple(offsets))


@functools.lru_cache(maxsize=4)  # each step of :func:`repair` reads the lines of one text
def line_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each line, without its line break."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append((start, end))
        start = end + 1
    return tuple(spans)
