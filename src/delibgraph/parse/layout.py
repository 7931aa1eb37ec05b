"""Repair the layout of extracted text before it is parsed, keeping track of every character.

Text pulled out of PDFs and web pages is not always in reading order. Three repairs give the
parser a *reading text*; each character of it remembers its offset in the source text, so that
every :class:`~delibgraph.model.Span` still points into the file as extracted:

* **page furniture**: "Page 2/4", "- 3 -" lines and the running header or footer repeated
  beside them are dropped; a paragraph cut by a page break is joined again;
* **two columns** printed side by side ("pdftotext -layout"): where at least three lines show a
  gap of three spaces or more at the same column, the right column is read after the left one
  (after the left paragraph when the left column flows on below the two-column block);
* **a document flattened onto one line** (web pages, some exports): line and paragraph breaks
  are put back before the phrases that start a register's blocks ("Présents :", "Objet :",
  "Délibération n°", "Fait à", "- " bullets …).

A text that needs none of these is read as it is (``offsets`` is None).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
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


def _assemble(reading: Reading, pieces: list[Piece]) -> Reading:
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
def _lines(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each line, without its line break."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append((start, end))
        start = end + 1
    return tuple(spans)


# --------------------------------------------------------------------------- page furniture

_PAGE_NUMBER = re.compile(
    r"^[ \t]*(?:[-–—][ \t]*\d{1,3}[ \t]*[-–—]|(?:Page|p\.)[ \t]*\d{1,3}(?:[ \t]*(?:/|sur|de)"
    r"[ \t]*\d{1,3})?|\d{1,3}[ \t]*/[ \t]*\d{1,3})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_OPEN_END = re.compile(r"[,;\-–]\s*$|[^\W\d_]\s*$")
_NEAR = 2  # a running header stands within this many non-blank lines of a page number


def _furniture(text: str, lines: Lines) -> set[int]:
    """Indexes of page-number lines and of the running headers or footers beside them.

    A running line stands next to a page number (only blank lines or other furniture between)
    and is printed on (nearly) every page: at least as many times as there are page numbers,
    less one.
    """
    if not _PAGE_NUMBER.search(text):  # (the pattern never runs over a line break)
        return set()
    numbers = {i for i, (s, e) in enumerate(lines) if _PAGE_NUMBER.match(text, s, e)}
    if not numbers:
        return set()
    keys = [" ".join(text[s:e].split()) for s, e in lines]
    counts = Counter(k for k in keys if len(k) >= 8)
    needed = max(2, len(numbers) - 1)
    content = [i for i, k in enumerate(keys) if k]
    rank = {line: position for position, line in enumerate(content)}
    furniture = set(numbers)
    for number in numbers:
        for step in (-1, 1):
            position = rank[number] + step
            for _ in range(_NEAR):
                if not 0 <= position < len(content):
                    break
                line = content[position]
                if line not in numbers and counts.get(keys[line], 0) < needed:
                    break
                furniture.add(line)
                position += step
    return furniture


def drop_page_furniture(reading: Reading) -> Reading:
    text = reading.text
    lines = _lines(text)
    furniture = _furniture(text, lines)
    if not furniture:
        return reading
    pieces: list[Piece] = []
    index = 0
    while index < len(lines):
        if index not in furniture:
            start, end = lines[index]
            pieces.append((start, end))
            if index + 1 < len(lines):
                pieces.append((end, end + 1))
            index += 1
            continue
        # A run of furniture lines and the blank lines around them.
        run_end = index
        while run_end < len(lines) and (
            run_end in furniture or not text[slice(*lines[run_end])].strip()
        ):
            run_end += 1
        before = "".join(text[s:e] for s, e in lines[max(0, index - 3) : index]).rstrip()
        while pieces and isinstance(pieces[-1], tuple) and not text[slice(*pieces[-1])].strip():
            pieces.pop()  # blank lines and breaks before the furniture
        if run_end < len(lines):
            pieces.append("\n" if before and _OPEN_END.search(before) else "\n\n")
        index = run_end
    return _assemble(reading, pieces)


# --------------------------------------------------------------------------- two columns

_GAP = re.compile(r"\S( {3,})(?=\S)")
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
        if sum(1 for r in kept if r.left and r.right) >= _MIN_ROWS:
            regions.append((first, first + len(kept), kept))
            index = first + len(kept)
        if index == first:
            index += 1
    return regions


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
    lines = _lines(text)
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
    return _assemble(reading, pieces)


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


# --------------------------------------------------------------------------- flattened text

_FLAT_MIN = 600  # a line this long with several block anchors is a flattened document
_FLAT_ANCHORS = 4
_PARAGRAPH_BEFORE = re.compile(
    r"(?<!\bde)\s(?=(?:Extrait\s+d[ue]s?\s+registre|(?:R[ée]union|S[ée]ance)(?:\s+\w+)?\s+du\s+\d"
    r"|D[ée]lib[ée]ration\s+n\s*°|D[ée]cision\s+n\s*°|L['’ ]\s*an\s+(?:deux|mil)"
    r"|(?:Nombre\s+de\s+)?(?:conseillers|membres)\b[^:.]{0,40}\ben\s+exercice\s*:"
    r"|(?:[ÉE]taient\s+|[ÉE]tait\s+|Membres\s+|Avaient\s+donn[ée]\s+)?(?:Pr[ée]sent(?:e|s|es)?"
    r"|Absent(?:e|s|es)?|Excus[ée](?:e|s|es)?|Repr[ée]sent[ée](?:e|s|es)?|Procurations?|Pouvoirs?"
    r"|Secr[ée]taire)\b[^:.\n]{0,60}\s:"
    r"|Objet\s*:|Rapporteur\s*:|(?:Monsieur|Madame)\s+l[ea]\s+(?:Maire|Pr[ée]sidente?)\s+\w+"
    r"|(?:Le|La)\s+(?:Conseil|Bureau|Commission)\b[^.:]{0,60},\s+apr[èe]s\s+en\s+avoir"
    r"|Pour\s*:\s*\d|Fait\s+[àa]\s|Re[çc]u\s+en\s+pr[ée]fecture|Acte\s+rendu\s+ex[ée]cutoire"
    r"|Envoy[ée]\s+en\s+pr[ée]fecture))"
)
_LINE_BEFORE = re.compile(
    r"(?<=[:;.])\s(?=[-•▪+]\s)|\s(?=(?:Publi[ée]e?\s+le|ID\s*:|Le\s+Maire,|Le\s+Pr[ée]sident,"
    r"|La\s+Pr[ée]sidente,))"
)


# The end of "Rapporteur : M. X, Président" when the reasoning follows on the same line.
_RAPPORTEUR_END = re.compile(
    r"Rapporteure?\s*:\s*[^,:]{1,60}?,\s*[^.:]{1,80}?(?P<cut>\s)(?=(?:Le|La|Les|L'|Il|Elle|Un|Une"
    r"|Ce|Cette|Vu|Considérant|Monsieur|Madame|En|Par|Suite|Dans|Afin)\s)"
)


def _flat_lines(text: str, lines: Lines) -> list[tuple[int, int]]:
    return [
        (s, e)
        for s, e in lines
        if e - s >= _FLAT_MIN and len(_PARAGRAPH_BEFORE.findall(text, s, e)) >= _FLAT_ANCHORS
    ]


def unflatten(reading: Reading) -> Reading:
    text = reading.text
    flat = _flat_lines(text, _lines(text))
    if not flat:
        return reading
    breaks: dict[int, str] = {}
    for start, end in flat:
        for match in _LINE_BEFORE.finditer(text, start, end):
            breaks[match.start()] = "\n"
        for match in _PARAGRAPH_BEFORE.finditer(text, start, end):
            breaks[match.start()] = "\n\n"
        for match in _RAPPORTEUR_END.finditer(text, start, end):
            breaks[match.start("cut")] = "\n\n"
    pieces: list[Piece] = []
    position = 0
    for at in sorted(breaks):
        pieces.append((position, at))
        pieces.append(breaks[at])
        position = at + 1  # the space the break replaces
    pieces.append((position, len(text)))
    return _assemble(reading, pieces)


def repair(text: str) -> Reading:
    """The reading text of ``text``: page furniture dropped, columns unfolded, flattened
    documents broken into lines again."""
    reading = Reading(text)
    for step in (drop_page_furniture, unfold_columns, unflatten):
        reading = step(reading)
    return reading
