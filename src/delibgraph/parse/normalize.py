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
import itertools
import operator
import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from delibgraph.model import Span
from delibgraph.parse.layout import repair

T_co = TypeVar("T_co", covariant=True)

# Look-alike characters and what the view folds them to: one character for one, and no
# replacement is itself folded, so that replacing them one after the other is a translation.
_VIEW_FOLDS = (
    ("’", "'"), ("‘", "'"), ("ʼ", "'"), ("´", "'"), ("`", "'"),
    ("\u00a0", " "), ("\u202f", " "), ("\u2007", " "), ("\u2009", " "), ("\t", " "),
    ("\r", " "), ("\f", "\n"), ("\v", "\n"),
    ("–", "-"), ("—", "-"), ("‐", "-"), ("‑", "-"), ("−", "-"),
    ("º", "°"), ("˚", "°"),
)  # fmt: skip
# Bullets some PDF producers emit from the Symbol / Wingdings fonts (private-use code points).
_PRIVATE_BULLETS = (("\uf0b7", "•"), ("\uf0a7", "▪"), ("\uf0d8", "•"), ("\uf076", "•"))


def _fold(text: str, folds: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each character of ``folds`` replaced (``str.translate``, but scanning
    the text with ``in`` and ``replace``, which are much faster on non-ASCII text)."""
    for char, replacement in folds:
        if char in text:
            text = text.replace(char, replacement)
    return text


_NON_SPACE = re.compile(r"\S+")
_WHITE_SPACE = re.compile(r"\s+")
# A word cut by a hyphen at the end of a line: "finance-\nment" (typographic hyphenation,
# joined without the hyphen) or "Jean-\nFrançois" (a capital follows: the hyphen is kept).
_HYPHEN_BREAK = re.compile(r"([^\W\d_]+)-[ \t]*\n\s*(?=([^\W\d_]))")
_LINE_END_HYPHEN = re.compile(r"-[ \t]*\n")
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
# The pattern finds the space, then looks behind it for the elided word and for no letter or
# apostrophe before that word: a pattern starting with a look-behind is tried at every
# position of the text, one starting with a space only at the spaces, several times faster.
_LOST_APOSTROPHE = re.compile(
    r" (?=[aeiouyhàâäéèêëîïôöûùüAEIOUYHÀÂÉÈÊÎÔÛ])"
    r"(?:(?<=[lLdDsSnNjJmMcCtT] )(?<![\w'][\s\S]{2})|(?<=[Qq]u )(?<![\w'][\s\S]{3})"
    r"|(?<=[Jj]usqu )(?<![\w'][\s\S]{6})|(?<=[Ll]orsqu |[Pp]uisqu )(?<![\w'][\s\S]{7}))"
)


def matching_view(text: str) -> str:
    """The text with look-alike characters folded, same length, for pattern matching."""
    return _LOST_APOSTROPHE.sub("'", _fold(text, _VIEW_FOLDS))


def collapse(text: str) -> str:
    """Runs of white space (spaces, line breaks, no-break spaces) become one space; trimmed."""
    return " ".join(text.split())  # str.split and r"\s" agree on white space


def _join_hyphen(match: re.Match[str]) -> str:
    compound = match[2].isupper() or match[1].lower() in _COMPOUND_PREFIXES
    return match[1] + ("-" if compound else "")


def join_lines(text: str) -> str:
    """Join a paragraph's lines into one line, mending words cut by a hyphen at a line end."""
    if _LINE_END_HYPHEN.search(text):  # found much faster than the word before it
        text = _HYPHEN_BREAK.sub(_join_hyphen, text)
    return _fold(collapse(text), _PRIVATE_BULLETS)


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
        return trimmed(self.text, start, end)

    def span(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]``, leading and trailing white space trimmed."""
        start, end = trimmed(self.text, start, end)
        if self.source_offsets is None:
            return Span(line=bisect.bisect_right(self.line_starts, start), start=start, end=end)
        if start == end:
            at = self._source(start)
            return Span(line=self.line_of(start), start=at, end=at)
        mapped = self.source_offsets[start:end]
        first, last = min(mapped), max(mapped) + 1
        return Span(line=bisect.bisect_right(self.source_line_starts, first), start=first, end=last)

    def value(self, start: int, end: int) -> str:
        """``text[start:end]`` as one line: lines joined, white space collapsed."""
        return join_lines(self.text[start:end])


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` of ``text`` with leading and trailing white space left out."""
    end = min(end, len(text))
    start = min(start, end)
    if start < 0:
        return _trimmed_slowly(text, start, end)
    kept = text[start:end].lstrip()  # str.strip and str.isspace agree on white space
    start = end - len(kept)
    return start, start + len(kept.rstrip())


def _trimmed_slowly(text: str, start: int, end: int) -> tuple[int, int]:
    """:func:`trimmed` character by character (a negative offset counts from the end)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_starts(text: str) -> tuple[int, ...]:
    lengths = (len(line) + 1 for line in text.split("\n")[:-1])
    return tuple(itertools.accumulate(lengths, initial=0))


@dataclass(frozen=True, slots=True)
class Located(Generic[T_co]):
    """A value read from the text with the offsets it came from."""

    value: T_co
    start: int
    end: int


class _Run:
    """A piece of an :class:`OffsetText`: inserted characters that all map to one document
    offset (``words`` False), or document text from ``source`` to ``end`` with its white
    space collapsed (``words`` True), whose offsets are worked out when first asked for."""

    __slots__ = ("_table", "end", "source", "text", "words")

    def __init__(self, text: str, source: int, end: int = 0, *, words: bool) -> None:
        self.text = text  # the document text (words) or the inserted characters
        self.source = source
        self.end = end
        self.words = words
        self._table: tuple[list[int], list[int], list[int]] | None = None

    def offset(self, index: int) -> int:
        """The document offset of the run's ``index``-th character."""
        if not self.words:
            return self.source
        if self._table is None:
            self._table = self._word_table()
        at, starts, lengths = self._table
        word = bisect.bisect_right(at, index) - 1
        within = index - at[word]
        # the space joining two words maps to the start of the next one
        return starts[word] + within if within < lengths[word] else starts[word + 1]

    def _word_table(self) -> tuple[list[int], list[int], list[int]]:
        """Where each word starts in the run and in the document, and its length."""
        lengths = list(map(len, self.text[self.source : self.end].split()))
        gaps = map(len, _WHITE_SPACE.findall(self.text, self.source, self.end))
        count = len(lengths)
        ends = itertools.accumulate(map(operator.add, lengths, itertools.repeat(1)))
        starts = itertools.accumulate(map(operator.add, lengths, gaps), initial=self.source)
        return [0, *itertools.islice(ends, count - 1)], list(starts)[:count], lengths


class OffsetText:
    """Text assembled from pieces of a document, remembering each character's offset.

    Used for the body text handed to spaCy and the amount rule: white space is collapsed,
    and a match in the assembled text maps back to a span of the document.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._runs: list[_Run] = []
        self._starts: list[int] = []  # where each run starts in the assembled text
        self._size = 0
        self._last = ""  # the last character appended
        self._text: str | None = ""

    def _append(self, run: _Run, text: str) -> None:
        self._runs.append(run)
        self._starts.append(self._size)
        self._parts.append(text)
        self._size += len(text)
        self._last = text[-1]
        self._text = None

    def add(self, doc: Document, start: int, end: int, separator: str = "\n") -> None:
        """Append ``doc.text[start:end]`` with white space collapsed, after ``separator``.

        A run of white space becomes one space, except at the start of the text or right
        after the separator; the separator's characters map to ``start``, a space to the
        start of the word after it."""
        if self._size and separator:
            self._append(_Run(separator, start, words=False), separator)
        raw = doc.text[start:end]
        words = raw.split()
        if not words:
            return
        first = start + len(raw) - len(raw.lstrip())
        if not separator.isspace() and any(word[-1] in separator for word in words[:-1]):
            # no space after a word ending with a character of the separator
            for word in _NON_SPACE.finditer(doc.text, start, end):
                self._add_words(doc.text, (start, *word.span()), separator, word.group())
        else:
            self._add_words(doc.text, (start, first, end), separator, " ".join(words))

    def _add_words(
        self, text: str, bounds: tuple[int, int, int], separator: str, words: str
    ) -> None:
        """Append ``words``, the words of ``text[first:end]`` joined by one space, after a
        space when white space comes before them (``bounds``: start, first, end)."""
        start, first, end = bounds
        if first > start and self._size and self._last not in separator:
            self._append(_Run(" ", first, words=False), " ")
        self._append(_Run(text, first, end, words=True), words)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._parts)
        return self._text

    def _offset(self, index: int) -> int:
        run = bisect.bisect_right(self._starts, index) - 1
        return self._runs[run].offset(index - self._starts[run])

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The document offsets ``[start, end)`` of the assembled text's ``[start, end)``."""
        if not self._size or start >= end:
            return (0, 0)
        return self._offset(start), self._offset(end - 1) + 1
