"""Layout noise of extracted text, handled without changing the text.

Values are read from the original text, so that they stay faithful (curly apostrophes, accents,
names as printed) and every :class:`~delibgraph.model.Span` points into it. Matching runs on a
*view* of the same length where look-alike characters are folded (typographic apostrophes to
``'``, no-break spaces to a space, dashes to ``-``, ``º`` to ``°``): an offset in the view is
the same offset in the text. Runs of spaces and line breaks are absorbed by the patterns
(``\\s+``), and values are collapsed when they are read (:func:`collapse`, :func:`join_lines`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from delibgraph.model import Span
from delibgraph.parse.layout import repair

T_co = TypeVar("T_co", covariant=True)

_VIEW_TABLE = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "`": "'",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\t": " ",
        "\r": " ",
        "\f": "\n",
        "\v": "\n",
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
        "º": "°",
        "˚": "°",
    }
)
# Bullets some PDF producers emit from the Symbol / Wingdings fonts (private-use code points).
_PRIVATE_BULLETS = str.maketrans({"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•"})
_SPACES = re.compile(r"\s+")
# A word cut by a hyphen at the end of a line: "finance-\nment" (typographic hyphenation,
# joined without the hyphen) or "Jean-\nFrançois" (a capital follows: the hyphen is kept).
_HYPHEN_BREAK = re.compile(r"([^\W\d_]+)-[ \t]*\n\s*(?=([^\W\d_]))")
# First parts of compound words, whose hyphen stays at a line break ("avant-\nprojet").
_COMPOUND_PREFIXES = frozenset(
    {"avant", "après", "arrière", "sous", "sur", "non", "anti", "auto", "contre", "demi",
     "extra", "inter", "intra", "mi", "multi", "post", "pré", "semi", "vice", "ex", "porte",
     "garde", "grand", "grande", "haut", "haute", "basse", "bas", "nord", "sud", "est",
     "ouest", "saint", "sainte", "co", "quasi", "re", "plus", "moins", "lieu", "rez"}
)  # fmt: skip
_TITLE_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "les", "en", "sur", "sous", "et", "lès", "aux", "au", "à"}
)
# Generic words that stay in lower case in a name: "Communauté de communes", "Conseil municipal".
_TITLE_GENERIC = frozenset(
    {"communes", "agglomération", "urbaine", "municipal", "municipale", "communautaire",
     "départemental", "départementale", "régional", "régionale", "permanente", "syndical",
     "métropolitain", "métropolitaine", "administration", "territorial", "plénière"}
)  # fmt: skip
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")


# An apostrophe lost in extraction ("L an", "s est", "d approuver", "qu à"): an elided word
# alone before a vowel. The view gets the apostrophe back (the text keeps what is printed).
_LOST_APOSTROPHE = re.compile(
    r"(?<![\w'])((?:[lLdDsSnNjJmMcCtT]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)) "
    r"(?=[aeiouyhàâäéèêëîïôöûùüAEIOUYHÀÂÉÈÊÎÔÛ])"
)


def matching_view(text: str) -> str:
    """The text with look-alike characters folded, same length, for pattern matching."""
    return _LOST_APOSTROPHE.sub(r"\1'", text.translate(_VIEW_TABLE))


def collapse(text: str) -> str:
    """Runs of white space (spaces, line breaks, no-break spaces) become one space; trimmed."""
    return _SPACES.sub(" ", text).strip()


def _join_hyphen(match: re.Match[str]) -> str:
    compound = match[2].isupper() or match[1].lower() in _COMPOUND_PREFIXES
    return match[1] + ("-" if compound else "")


def join_lines(text: str) -> str:
    """Join a paragraph's lines into one line, mending words cut by a hyphen at a line end."""
    return collapse(_HYPHEN_BREAK.sub(_join_hyphen, text)).translate(_PRIVATE_BULLETS)


def _title_word(word: str, first: bool) -> str:
    parts = re.split(r"([-'’])", word.lower())
    out = []
    for index, part in enumerate(parts):
        elided = index + 1 < len(parts) and parts[index + 1] in ("'", "’") and part in ("d", "l")
        keep_lower = part in _TITLE_PARTICLES or elided or (index == 0 and part in _TITLE_GENERIC)
        if part and part not in "-'’" and not (keep_lower and not (first and index == 0)):
            part = part[0].upper() + part[1:]
        out.append(part)
    return "".join(out)


def title_case_fr(text: str) -> str:
    """A name printed in capitals, in the usual French case.

    >>> title_case_fr("COMMUNAUTÉ DE COMMUNES DES CAUSSES ET DE L'OURDENNE")
    "Communauté de communes des Causses et de l'Ourdenne"
    >>> title_case_fr("COMMUNE DE SAINT-MARTIAL-D’OURDENNE")
    'Commune de Saint-Martial-d’Ourdenne'
    """
    if any(c.islower() for c in text):
        return text
    return " ".join(_title_word(w, i == 0) for i, w in enumerate(text.split()))


def paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each joined into one line; empty ones dropped."""
    return [p for p in (join_lines(chunk) for chunk in _PARAGRAPH_BREAK.split(text)) if p]


@dataclass(frozen=True, slots=True)
class Document:
    """One extracted text, as read: its reading text, matching view and line starts.

    ``text`` is the *reading text* (see :mod:`.layout`): the source text, or the source with
    its layout repaired (page furniture dropped, columns unfolded, a flattened document broken
    into lines). ``source_offsets`` maps each reading offset to the source offset (None when
    the reading text is the source); :meth:`span` gives spans in the source text, so that they
    always point into the file as extracted.
    """

    text: str
    view: str
    line_starts: tuple[int, ...]
    source_offsets: tuple[int, ...] | None = None
    source_line_starts: tuple[int, ...] = (0,)

    @classmethod
    def of(cls, text: str) -> Document:
        reading = repair(text)
        return cls(
            text=reading.text,
            view=matching_view(reading.text),
            line_starts=_line_starts(reading.text),
            source_offsets=reading.offsets,
            source_line_starts=_line_starts(text) if reading.offsets is not None else (),
        )

    def line_of(self, offset: int) -> int:
        """1-based line number, in the source text, of a reading offset."""
        if self.source_offsets is None:
            return bisect.bisect_right(self.line_starts, offset)
        return bisect.bisect_right(self.source_line_starts, self._source(offset))

    def _source(self, offset: int) -> int:
        offsets = self.source_offsets
        if offsets is None:
            return offset
        return offsets[min(offset, len(offsets) - 1)] if offsets else 0

    def line_start(self, offset: int) -> int:
        """Reading offset where the reading line holding ``offset`` starts."""
        return self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]

    def line_end(self, offset: int) -> int:
        """Offset of the end of the line holding ``offset`` (the ``\\n`` or the text end)."""
        index = bisect.bisect_right(self.line_starts, offset)
        return self.line_starts[index] - 1 if index < len(self.line_starts) else len(self.text)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """``(start, end)`` of the reading text with leading and trailing white space left out."""
        end = min(end, len(self.text))
        start = min(start, end)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def span(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]``, leading and trailing white space trimmed."""
        start, end = self.trim(start, end)
        if self.source_offsets is None:
            return Span(line=self.line_of(start), start=start, end=end)
        if start == end:
            at = self._source(start)
            return Span(line=self.line_of(start), start=at, end=at)
        mapped = self.source_offsets[start:end]
        first, last = min(mapped), max(mapped) + 1
        return Span(line=bisect.bisect_right(self.source_line_starts, first), start=first, end=last)

    def value(self, start: int, end: int) -> str:
        """``text[start:end]`` as one line: lines joined, white space collapsed."""
        return join_lines(self.text[start:end])


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return tuple(starts)


@dataclass(frozen=True, slots=True)
class Located(Generic[T_co]):
    """A value read from the text with the offsets it came from."""

    value: T_co
    start: int
    end: int


class OffsetText:
    """Text assembled from pieces of a document, remembering each character's offset.

    Used for the body text handed to spaCy and the amount rule: white space is collapsed,
    and a match in the assembled text maps back to a span of the document.
    """

    def __init__(self) -> None:
        self._chars: list[str] = []
        self._offsets: list[int] = []

    def add(self, doc: Document, start: int, end: int, separator: str = "\n") -> None:
        """Append ``doc.text[start:end]`` with white space collapsed, after ``separator``."""
        pending_space = False
        if self._chars:
            for ch in separator:
                self._chars.append(ch)
                self._offsets.append(start)
        text = doc.text
        for i in range(start, end):
            ch = text[i]
            if ch.isspace():
                pending_space = bool(self._chars) and self._chars[-1] not in separator
                continue
            if pending_space:
                self._chars.append(" ")
                self._offsets.append(i)
                pending_space = False
            self._chars.append(ch)
            self._offsets.append(i)

    @property
    def text(self) -> str:
        return "".join(self._chars)

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The document offsets ``[start, end)`` of the assembled text's ``[start, end)``."""
        if not self._offsets or start >= end:
            return (0, 0)
        return self._offsets[start], self._offsets[end - 1] + 1
