"""Two columns printed side by side ("pdftotext -layout"), read one after the other.

Where at least three lines show a gap of three spaces or more at the same column, the right
column is read after the left one (after the left paragraph when the left column flows on below
the two-column block). Lines of a justified paragraph whose word gaps happen to line up are not
two columns.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

from delibgraph.parse.reading import Lines, Piece, Reading, assemble, line_spans

_GAP = re.compile(r"\S( {3,})(?=\S)")
_WORD_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")  # the wider spacing of a justified line
_MIN_COLUMN = 20
_MIN_ROWS = 3
_SLACK = 2


@dataclass(frozen=True, slots=True)
class _Row:
    left: tuple[int, int] | None  # slice of the text
    right: tuple[int, int] | None


def _gaps(text: str, lines: Lines) -> list[list[int]]:
    """For each line, where the text after each wide gap starts (an offset in the line).

    A gap never runs over a line break: one pass over the text finds those of every line."""
    starts = [start for start, _ in lines]
    gaps: list[list[int]] = [[] for _ in lines]
    for gap in _GAP.finditer(text):
        line = bisect.bisect_right(starts, gap.start()) - 1
        gaps[line].append(gap.end(1) - starts[line])
    return gaps


def _right_starts(line: str, gaps: list[int]) -> list[int]:
    starts = list(gaps)
    stripped = line.lstrip(" ")
    if stripped and len(line) - len(stripped) >= _MIN_COLUMN:
        starts.append(len(line) - len(stripped))
    return starts


def _split_row(text: str, start: int, end: int, column: int, gaps: list[int]) -> _Row | None:
    """The line cut at ``column``; None if text runs across the column without a gap
    (``gaps``: where the text after each wide gap of the line starts)."""
    line = text[start:end]
    if not line.strip():
        return _Row(None, None)
    if len(line.rstrip()) <= column - _SLACK:
        return _Row((start, start + len(line.rstrip())), None)
    for right in _right_starts(line, gaps):
        if abs(right - column) <= _SLACK:
            left = line[:right].rstrip()
            left_slice = (start, start + len(left)) if left.strip() else None
            return _Row(left_slice, (start + right, start + len(line.rstrip())))
    return None


def _column(gaps: list[list[int]]) -> int | None:
    """The column most lines are split at by a wide gap, if enough of them are."""
    votes = Counter(column for line in gaps for column in line if column >= _MIN_COLUMN)
    if not votes:
        return None
    best, count = max(
        ((col, sum(n for c, n in votes.items() if abs(c - col) <= _SLACK)) for col in votes),
        key=lambda pair: (pair[1], -pair[0]),
    )
    return best if count >= _MIN_ROWS else None


def _regions(
    text: str, lines: Lines, gaps: list[list[int]], column: int
) -> list[tuple[int, int, list[_Row]]]:
    """Runs of lines that read as two columns split at ``column``, with at least three rows
    holding both columns."""
    split = [
        _split_row(text, start, end, column, line_gaps)
        for (start, end), line_gaps in zip(lines, gaps, strict=True)
    ]
    regions = []
    index = 0
    while index < len(lines):
        rows: list[_Row] = []
        first = index
        while index < len(lines):
            row = split[index]
            if row is None:
                break
            rows.append(row)
            index += 1
        kept = _trim_region(rows)
        if sum(1 for r in kept if r.left and r.right) >= _MIN_ROWS and not _justified(text, kept):
            regions.append((first, first + len(kept), kept))
            index = first + len(kept)
        if index == first:
            index += 1
    return regions


def _justified(text: str, rows: list[_Row]) -> bool:
    """True when ``rows`` are lines of a justified paragraph, not two columns: in every row
    holding both columns the gap at the column is one of the line's word gaps, no wider than
    the widest of its other runs of spaces (and one more for rounding). A row of two words
    has no other gap to compare with and tells nothing; one row at least must."""
    compared = 0
    for row in rows:
        if row.left is None or row.right is None:
            continue
        line_start, gap_end, line_end = row.left[0], row.right[0], row.right[1]
        if len(text[line_start:line_end].split()) == 2:
            continue
        others = [
            run.end() - run.start()
            for run in _WORD_GAP.finditer(text, line_start, line_end)
            if run.end() != gap_end
        ]
        if not others or gap_end - row.left[1] > max(others) + 1:
            return False
        compared += 1
    return compared > 0


def _trim_region(rows: list[_Row]) -> list[_Row]:
    """The rows up to the last one holding both columns, the left column's lines that go on
    right below it, and one blank row; a blank row followed by left lines only ends it (the
    text goes on in one column)."""
    both = [i for i, r in enumerate(rows) if r.left and r.right]
    if not both:
        return rows
    end = both[-1] + 1
    while end < len(rows) and rows[end].left and not rows[end].right:
        end += 1
    if end < len(rows) and rows[end].left is None and rows[end].right is None:
        end += 1
    return rows[:end]


def _ends_sentence(text: str, piece: tuple[int, int]) -> bool:
    return text[piece[0] : piece[1]].rstrip().endswith((".", ":", "!", "?", "»"))


def unfold_columns(reading: Reading) -> Reading:
    text = reading.text
    lines = line_spans(text)
    gaps = _gaps(text, lines)
    column = _column(gaps)
    if column is None:
        return reading
    regions = _regions(text, lines, gaps, column)
    if not regions:
        return reading
    pieces: list[Piece] = []
    pending: list[Piece] = []  # a right column waiting for the end of the left paragraph
    index = 0
    for first, last, rows in regions:
        for line in range(index, first):
            _copy_line(text, lines, line, pieces, pending)
        left = _block(rows, "left", trim_start=False)
        right = _block(rows, "right", trim_start=True)
        pieces.extend(left)
        last_left = next((p for p in reversed(left) if isinstance(p, tuple)), None)
        open_left = last_left is not None and not _ends_sentence(text, last_left)
        ends_blank = rows[-1].left is None and rows[-1].right is None
        flows_on = not ends_blank and last < len(lines) and bool(text[slice(*lines[last])].strip())
        if flows_on and open_left:
            pieces.append("\n")
            pending.extend(right)
        else:
            if right:
                pieces.append("\n" if open_left else "\n\n")
                pieces.extend(right)
            pieces.append("\n\n" if ends_blank else "\n")
        index = last
    for line in range(index, len(lines)):
        _copy_line(text, lines, line, pieces, pending)
    if pending:
        pieces.append("\n\n")
        pieces.extend(pending)
    return assemble(reading, pieces)


def _block(rows: list[_Row], side: str, *, trim_start: bool) -> list[Piece]:
    """One column of ``rows`` as lines (a row without it is a blank line), without the blank
    lines at its end (and at its start when ``trim_start``)."""
    parts: list[tuple[int, int] | None] = [getattr(row, side) for row in rows]
    while trim_start and parts and parts[0] is None:
        parts.pop(0)
    while parts and parts[-1] is None:
        parts.pop()
    block: list[Piece] = []
    for index, part in enumerate(parts):
        if index:
            block.append("\n")
        if part is not None:
            block.append(part)
    return block


def _copy_line(
    text: str,
    lines: Lines,
    line: int,
    pieces: list[Piece],
    pending: list[Piece],
) -> None:
    start, end = lines[line]
    if pending and not text[start:end].strip():
        pieces.append("\n")
        pieces.extend(pending)
        pieces.append("\n")
        pending.clear()
    pieces.append((start, end))
    if line + 1 < len(lines):
        pieces.append((end, end + 1))
