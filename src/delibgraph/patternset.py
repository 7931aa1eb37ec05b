"""Search one text for many regular expressions, skipping those that cannot match it.

A :class:`PatternSet` reads, for each pattern, a piece of text that every match of the pattern
contains (:func:`required_text`: "convention" for ``\\bconventions?\\b``). One scan of the text
with a trie of those pieces tells which of them occur; only the patterns whose piece occurs
are searched. The matches are exactly those of searching every pattern in turn — the scan only
saves the searches that would fail, which are most of them (the ACTES subject classifier has
about 300 cues, and a deliberation's text matches a dozen).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

__all__ = ["PatternSet", "required_text"]

_QUANTIFIERS = "?*+{"
_SPECIAL = "\\.^$[]()|" + _QUANTIFIERS
_NUMERIC_ESCAPES = "xuUN0123456789"  # escapes followed by digits or a name: not read here


def required_text(phrase: str) -> str:
    """The longest run of plain characters that every match of the regular expression
    ``phrase`` (compiled without flags) contains, or "" when none is sure.

    A run is made of literal characters outside any group, none of them quantified ("s?"),
    in a phrase without alternatives at its top level. Whatever this reading does not know
    (inline flags, look-arounds, numeric escapes) gives "": never a text a match may lack.
    """
    if "(?" in phrase.replace("(?:", ""):
        return ""
    runs = [""]  # the last one is the run being read
    depth, i, extended = 0, 0, False
    while i < len(phrase):
        char = phrase[i]
        i += 1
        literal: str | None = None
        if char == "\\" and i < len(phrase):
            escaped = phrase[i]
            i += 1
            if escaped in _NUMERIC_ESCAPES:
                return ""
            literal = None if escaped.isalnum() else escaped  # \b, \d … match no set text
        elif char in _QUANTIFIERS:
            if extended:  # the quantified character may be absent or repeated
                runs[-1] = runs[-1][:-1]
            if char == "{":
                i = phrase.find("}", i) + 1 or len(phrase)
        elif char == "|" and depth == 0:
            return ""
        elif char == "[":
            i = _end_of_class(phrase, i)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char not in _SPECIAL:
            literal = char
        extended = literal is not None and depth == 0
        if literal is not None and depth == 0:
            runs[-1] += literal
        else:
            runs.append("")
    return max(runs, key=len)


def _end_of_class(phrase: str, start: int) -> int:
    """The index just after the ``]`` closing the character class opened before ``start``."""
    i = start
    if phrase.startswith("^", i):
        i += 1
    if phrase.startswith("]", i):  # a leading "]" is a member
        i += 1
    while i < len(phrase) and phrase[i] != "]":
        i += 2 if phrase[i] == "\\" else 1
    return i + 1


_Trie = dict[str, "_Trie"]  # next character → the rest; "" → {} where a text ends


def _trie_pattern(texts: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching, at every position of a text where some of ``texts`` starts, the
    longest of them (group 1). Its alternatives branch on one character each, so a position
    costs a few comparisons whatever the number of texts."""
    root: _Trie = {}
    for text in texts:
        node = root
        for char in text:
            node = node.setdefault(char, {})
        node[""] = {}

    def alternatives(node: _Trie) -> str:
        branches = [
            re.escape(char) + alternatives(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body  # greedy: the longest text first

    return re.compile(f"(?=({alternatives(root)}))")


class PatternSet:
    """Patterns searched together in one text (see the module's description)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        # flags would change what a literal matches (IGNORECASE, VERBOSE …): no piece then
        self._required = tuple(
            required_text(p.pattern) if p.flags == re.UNICODE else "" for p in self.patterns
        )
        self._pieces = sorted(set(self._required) - {""})
        self._scanner = _trie_pattern(self._pieces) if self._pieces else None
        self._within: dict[str, frozenset[str]] = {}  # piece → the pieces it contains

    def occurring(self, text: str) -> set[str]:
        """The required pieces that occur in ``text``, and "" (the piece of every pattern
        without one)."""
        found = {""}
        if self._scanner is None:
            return found
        for longest in {match.group(1) for match in self._scanner.finditer(text)}:
            # a piece occurs if and only if it is within the longest piece starting where it does
            within = self._within.get(longest)
            if within is None:
                within = self._within[longest] = frozenset(
                    piece for piece in self._pieces if piece in longest
                )
            found |= within
        return found

    def search(self, text: str) -> list[tuple[int, re.Match[str]]]:
        """(index, match) for every pattern that matches ``text`` (``pattern.search``), in
        the order of the patterns."""
        occurring = self.occurring(text)
        found = []
        for index, (pattern, required) in enumerate(
            zip(self.patterns, self._required, strict=True)
        ):
            if required in occurring:
                match = pattern.search(text)
                if match is not None:
                    found.append((index, match))
        return found
