"""Two things in a name list that are not names nor separators, but split it.

* **Group labels**: intercommunal councils list their members by commune ("Castelbrune :
  M. Alain FABRÈGUES ; Mme Claire MONTEIL", "… Corinne LAVABRE Saint-Martial-d'Ourdenne :
  Henri POUJOL …"). A label is a run of words in mixed case (a place name: "Le Bouyssou",
  "Mirandol-sur-Vère") just before a colon, not an honorific and not a name in capitals, and
  not followed by a proxy phrase ("Mme SOULIÉ : pouvoir à …" is a proxy, not a label).
* **Names printed one after the other with no separator** ("Didier ASTRUC Nadine COMBES
  Frédéric VERNHET"): the family names in capitals tell where each name ends. In a list of
  "Prénom NOM", a new name starts at a word in mixed case after a word in capitals; in a list
  of "NOM Prénom", at a word in capitals after a word in mixed case; an honorific always
  starts one.
"""

from __future__ import annotations

import functools
import itertools
import re

from delibgraph.parse.nametokens import (
    HONORIFIC,
    NAME_TOKEN,
    PARTICLES,
    PROXY_CONNECTOR,
    is_caps_word,
)

_WORD = re.compile(r"\S+")
_LABEL_JOINERS = frozenset({"de", "du", "des", "la", "le", "les", "sur", "sous", "en", "lès"})
_MAX_LABEL_WORDS = 5
_AFTER_COLON = re.compile(
    r"\s*(?:\S+\s+){0,2}?(?:pouvoirs?|procurations?|mandat|repr[ée]sent)", re.IGNORECASE
)


def _label_word(word: str) -> bool:
    if is_caps_word(word) or HONORIFIC.match(word) or word[-1:] in ",;.":
        return False
    if word.lower() in _LABEL_JOINERS:
        return True
    return word[0].isupper() and any(c.islower() for c in word) and bool(NAME_TOKEN.match(word))


def _label_words(view: str, start: int, colon: int) -> list[re.Match[str]]:
    """The label words just before ``colon``, first to last, on the colon's line."""
    words: list[re.Match[str]] = []
    follows = colon
    for word in reversed(list(_WORD.finditer(view, start, colon))):
        if "\n" in view[word.end() : follows] or not _label_word(word.group()):
            break
        words.insert(0, word)
        follows = word.start()
    return words[-_MAX_LABEL_WORDS:]


def group_labels(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans (label and colon) of the group labels in ``view[start:end]``."""
    labels: list[tuple[int, int]] = []
    colon = view.find(":", start, end)
    while colon != -1:
        if not _AFTER_COLON.match(view, colon + 1, end):
            label = _label_words(view, start, colon)
            while label and not label[0].group()[0].isupper():
                label.pop(0)
            label_start = label[0].start() if label else None
            if label_start is not None:
                labels.append((label_start, colon + 1))
        colon = view.find(":", colon + 1, end)
    return labels


def without_labels(line: str) -> str:
    """``line`` with its group labels replaced by a comma."""
    labels = group_labels(line, 0, len(line))
    for label_start, label_end in reversed(labels):
        line = line[:label_start] + "," + line[label_end:]
    return line


def cut_labels(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ranges of ``view[start:end]`` between group labels."""
    ranges = []
    position = start
    for label_start, label_end in group_labels(view, start, end):
        ranges.append((position, label_start))
        position = label_end
    ranges.append((position, end))
    return ranges


@functools.lru_cache(maxsize=16384)
def _kind(word: str) -> str:
    if HONORIFIC.match(word):
        return "honorific"
    if word in PARTICLES:
        return "particle"
    if is_caps_word(word):
        return "caps"
    if NAME_TOKEN.match(word) and word[:1].isupper():
        return "mixed"
    return "other"


def name_runs(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """``view[start:end]`` cut where a new name starts, when it holds several names printed
    without separator; the whole range otherwise."""
    runs = _runs_in(view[start:end])
    if runs is None:
        return [(start, end)]
    return [(start + run_start, start + run_end) for run_start, run_end in runs]


@functools.lru_cache(maxsize=8192)
def _runs_in(text: str) -> tuple[tuple[int, int], ...] | None:
    """The names of ``text`` printed without separator, as offsets into it; None when it
    is one name (or not a list of names)."""
    if "(" in text or PROXY_CONNECTOR.search(text):
        return None
    words = list(_WORD.finditer(text))
    kinds = [_kind(w.group()) for w in words]
    if "other" in kinds or kinds.count("caps") < 2:
        return None
    family_first = next((k for k in kinds if k != "honorific"), "mixed") in ("caps", "particle")
    cuts = []
    for index in range(1, len(words)):
        kind, previous = kinds[index], kinds[index - 1]
        if (
            (kind == "honorific" and previous != "honorific")
            or (not family_first and kind == "mixed" and previous == "caps")
            or (family_first and kind in ("caps", "particle") and previous == "mixed")
        ):
            cuts.append(index)
    if not cuts:
        return None
    bounds = [0, *cuts, len(words)]
    pieces = [kinds[a:b] for a, b in itertools.pairwise(bounds)]
    if not all("caps" in p and ("mixed" in p or "honorific" in p) for p in pieces):
        return None
    return tuple((words[a].start(), words[b - 1].end()) for a, b in itertools.pairwise(bounds))
