"""Lists of names, as the attendance blocks and the vote lines print them.

A list is split at commas, semicolons and the word "et" outside parentheses. A line break
separates two names only when the text on both sides is a whole name (a given name and a
family name, or an honorific and a name), so that names broken across lines
("Yves\\nBARRAL") are joined while lists with one name per line are split.

An item may name a proxy holder: "X (pouvoir à Y)", "X donne pouvoir à Y", "X représenté(e)
par Y", "X : procuration à Y"; in a list headed "Pouvoirs :" also "X à Y". Honorifics
("M.", "Mme", "Monsieur" …) are dropped; names are otherwise kept as printed, white space
collapsed. Items that are not names (roles such as "adjointe", notes, numbers) are left out.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from delibgraph.parse.listsplit import cut_labels, name_runs, without_labels
from delibgraph.parse.nametokens import (
    HONORIFIC_PATTERN,
    NAME_TOKEN,
    PARTICLES,
    PROXY_CONNECTOR,
    is_caps_word,
)
from delibgraph.parse.normalize import Document, Located, collapse, join_lines, trimmed

__all__ = ["HONORIFIC_PATTERN", "OFFICE", "PARTICLES", "ListEntry", "clean_name", "parse_names"]

_NAME_TOKEN = NAME_TOKEN
_PROXY_CONNECTOR = PROXY_CONNECTOR
_is_caps_word = is_caps_word

_HONORIFICS = re.compile(rf"^(?:{HONORIFIC_PATTERN}(?:\s+|$))+")
_STARTS_WITH_HONORIFIC = re.compile(rf"^\s*{HONORIFIC_PATTERN}\s")
_ROLE_WORDS = re.compile(
    r"^(?:maire|adjointe?s?|conseill[eè]re?s?|pr[ée]sidente?s?|vice-pr[ée]sidente?s?|"
    r"d[ée]l[ée]gu[ée]e?s?|municipa(?:l|le|ux|les)|communautaires?|m[ée]tropolitaine?s?|"
    r"d[ée]partementa(?:l|le|ux|les)|au|aux|à|la|le)$",
    re.IGNORECASE,
)
_BARE_A_CONNECTOR = re.compile(rf"\s(?:[àa]|par)\s+(?={HONORIFIC_PATTERN}\s|[A-ZÀ-Ý])")
# A person named by office: "Mme le Maire", "M. le Président".
OFFICE = re.compile(
    rf"^(?:{HONORIFIC_PATTERN}\s+)?l[ea]\s+(?P<office>(?:Vice-)?(?:Maire|Pr[ée]sidente?))\b"
    r"[\s).,;]*$",
    re.IGNORECASE,
)
_NOBODY = re.compile(r"^(?:n[ée]ant|aucun(?:e)?|sans\s+objet|personne|idem)$", re.IGNORECASE)
LIST_SEPARATOR = re.compile(r"[,;]|\bet\b|(?:^|\s)-\s")
_OPEN_PAREN_TAIL = re.compile(r"\([^()]*$")  # "… N'DIAYE (pouvoir" continued on the next line
_CLOSE_PAREN_HEAD = re.compile(r"^[^()]*\)")  # "à Danièle MARTIN GARCIA), …" ending one
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_LEADING_NOISE = re.compile(r"^[\s\-•▪◦*·:,;(]+")
# Trailing punctuation, but not the full stop of an initial ("Rouquette P.", "J.-P.").
_TRAILING_NOISE = re.compile(r"(?<!\b[^\W\d_])[\s,;:.)(\-]+$|[\s,;:)(\-]+$")
_TRAILING_COUNT = re.compile(r"\s*\(\s*\d+\s*\)\s*$")
# What :func:`_hard_segments` looks at: parentheses and the separators.
_SEGMENT_MARK = re.compile(r"[(),;\-]|et")


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One item of a name list: a member, and the proxy holder when the item names one."""

    name: Located[str]
    holder: Located[str] | None = None
    holder_role: Located[str] | None = None  # "le Maire": a holder named by office only
    item: tuple[int, int] = (0, 0)  # the whole list item, notes included


def strip_honorific(text: str) -> tuple[str, bool]:
    """Drop leading honorifics; return the rest and whether there was one."""
    match = _HONORIFICS.match(text)
    if not match:
        return text, False
    return text[match.end() :].strip(), True


def _keep_maiden(match: re.Match[str]) -> str:
    """A parenthesis holding a name in capitals (a maiden name) stays; a note goes."""
    inner = match.group()[1:-1].strip()
    letters = [c for c in inner if c.isalpha()]
    is_name = (
        len(letters) >= 4
        and all(c.isupper() for c in letters)
        and any(c in "AEIOUYÀÂÄÉÈÊËÎÏÔÖÛÙÜ" for c in letters)
        and all(_NAME_TOKEN.match(w) for w in inner.split())
    )
    return f" ({inner}) " if is_name else " "


def name_before_note(text: str) -> str:
    """The name at the start of ``text`` when a note in lower case follows it: "MONTEIL Claire
    pour les points 1 et 2" → "MONTEIL Claire", "Peyronnet par procuration" → "Peyronnet"."""
    words = text.split()
    kept: list[str] = []
    for index, word in enumerate(words):
        starts_lower = word[:1].islower()
        next_word = words[index + 1] if index + 1 < len(words) else ""
        if word in ("à", "a") and next_word[:1].isupper():
            return ""  # "X à Y": a proxy, not a note, outside a list of proxies
        if starts_lower and not (word in PARTICLES and next_word[:1].isupper()):
            break
        kept.append(word)
    return " ".join(kept)


def _trim(text: str) -> str:
    """Trailing punctuation off, but not the parenthesis closing a kept maiden name."""
    trimmed = _TRAILING_NOISE.sub("", text)
    return trimmed + ")" if trimmed.count("(") > trimmed.count(")") else trimmed


@functools.lru_cache(maxsize=16384)
def clean_name(text: str) -> str | None:
    """A printed name without honorific, notes or punctuation; None if it is not a name.

    A maiden name in parentheses is kept ("Aurélie MEYNADIER (BERTHÉZÈNE)"); other
    parentheses ("(arrivée à partir du point 2)") and a trailing note in lower case ("par
    procuration") are not part of the name.
    """
    text = join_lines(_TRAILING_COUNT.sub("", text))
    text = collapse(_PARENTHETICAL.sub(_keep_maiden, text))
    text, _ = strip_honorific(_LEADING_NOISE.sub("", text))
    text = _trim(text)
    if not looks_like_name(_PARENTHETICAL.sub(" ", text)):
        text = _trim(name_before_note(text))
    plain = _PARENTHETICAL.sub(" ", text)
    return text if looks_like_name(plain) and not _NOBODY.match(plain.strip()) else None


def _name_words(words: list[str]) -> bool:
    """Each word a capitalised name word or a particle, and not only role words."""
    if all(_ROLE_WORDS.match(w) and not _is_caps_word(w) for w in words):
        return False
    for word in words:
        if word in PARTICLES:
            continue
        core = word[2:] if word[:2].lower() in ("d'", "d’") else word
        if not _NAME_TOKEN.match(word) or not core[:1].isupper():
            return False
    return True


def looks_like_name(text: str) -> bool:
    """1 to 7 words, each a capitalised word or a particle, not only role words."""
    words = text.split()
    if not 1 <= len(words) <= 7 or words[-1] in PARTICLES:
        return False
    return _name_words(words)


@functools.lru_cache(maxsize=16384)
def is_whole_name(fragment: str) -> bool:
    """True when ``fragment`` reads as a complete name (not a piece broken at a line end).

    A whole name has two words ("Jean DUPONT", "DUPONT Jean", "Jean Dupont"), or an
    honorific and a family name in capitals ("M. DUPONT"); "Yves", "M. Jean" or "MEJRI"
    alone are pieces, and so is a name ending with a particle in any case ("Paul LE",
    "Jean-Luc VAN", "Marie De"): its family name goes on on the next line.
    """
    match = _PROXY_CONNECTOR.search(fragment)
    if match:
        fragment = fragment[match.end() :]
    fragment = _PARENTHETICAL.sub(" ", fragment)
    fragment = _LEADING_NOISE.sub("", fragment).strip()
    if fragment.count("(") > fragment.count(")") or fragment.endswith("-"):
        return False
    rest, had_honorific = strip_honorific(fragment)
    words = rest.split()
    if not words or words[-1].lower() in PARTICLES:
        return False
    if len(words) >= 2:
        return True
    return had_honorific and _is_caps_word(words[0])


def _between_numbers(view: str, start: int, end: int, at: int, width: int) -> bool:
    """True when the separator at ``at`` joins two numbers ("points 1, 2 et 3")."""
    before = view[start:at].rstrip()
    after = view[at + width : end].lstrip()
    return bool(before[-1:].isdigit() and after[:1].isdigit())


def _hard_segments(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at ``,``, ``;``, " - " and the word "et", outside parentheses and not between
    two numbers."""
    segments: list[tuple[int, int]] = []
    depth = 0
    segment_start = start
    for mark in _SEGMENT_MARK.finditer(view, start, end):
        i = mark.start()
        ch = mark.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif ch == "et":
            if (
                (i == start or view[i - 1].isspace())
                and (i + 2 == end or (i + 2 < end and view[i + 2].isspace()))
                and not _between_numbers(view, start, end, i, 2)
            ):
                segments.append((segment_start, i))
                segment_start = i + 2
        elif (
            ch == ";"
            or (ch == "," and not _between_numbers(view, start, end, i, 1))
            or (
                ch == "-"
                and (i == start or view[i - 1].isspace())
                and i + 1 < end
                and view[i + 1] in " \t\n"
            )
        ):
            segments.append((segment_start, i))
            segment_start = i + 1
    segments.append((segment_start, end))
    return segments


def _leading_name(line: str) -> str:
    """The start of a line up to a proxy phrase or a parenthesis: the giver's name."""
    cuts = [len(line), line.find("(")]
    match = _PROXY_CONNECTOR.search(line)
    if match:
        cuts.append(match.start())
    return line[: min(c for c in cuts if c >= 0)]


def _line_segments(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one segment at line breaks that separate two whole names."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    newline = view.find("\n", start, end)
    while newline != -1:
        next_newline = view.find("\n", newline + 1, end)
        line_end = end if next_newline == -1 else next_newline
        left = view[piece_start:newline]
        right = view[newline + 1 : line_end]
        if (
            left.strip()
            and right.strip()
            and not right.lstrip().startswith("(")
            and is_whole_name(left)
            and (is_whole_name(_leading_name(right)) or _STARTS_WITH_HONORIFIC.match(right))
        ):
            pieces.append((piece_start, newline))
            piece_start = newline + 1
        newline = next_newline
    pieces.append((piece_start, end))
    return pieces


def split_items(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the items of the name list ``view[start:end]``; empty items dropped.

    A piece that starts with a proxy phrase ("…, représenté par Y") belongs to the item
    before it.
    """
    items: list[tuple[int, int]] = []
    segments = [
        segment
        for part_start, part_end in cut_labels(view, start, end)
        for segment in _hard_segments(view, part_start, part_end)
    ]
    for seg_start, seg_end in segments:
        for line_start, line_end in _line_segments(view, seg_start, seg_end):
            text = view[line_start:line_end]
            if not text.strip():
                continue
            lead = len(text) - len(text.lstrip(" \t\n("))
            if items and _PROXY_CONNECTOR.match(view, line_start + lead):
                items[-1] = (items[-1][0], line_end)
            else:
                items.extend(name_runs(view, line_start, line_end))
    return items


def _located_name(text: str, start: int, end: int) -> Located[str] | None:
    """The clean name in ``text[start:end]``, its span narrowed to the name's own words."""
    name = clean_name(text[start:end])
    if name is None:
        return None
    words = name.split()
    first = text.find(words[0], start, end)
    last = text.rfind(words[-1], start, end)
    if first == -1 or last == -1 or last < first:
        return Located(name, *trimmed(text, start, end))
    return Located(name, first, last + len(words[-1]))


def parse_entry(doc: Document, start: int, end: int, *, bare_a: bool = False) -> ListEntry | None:
    """Read one list item: a name and perhaps its proxy holder; None if it holds no name."""
    # An item reads the same wherever it is printed: it is read once, with the character
    # before it (a word boundary at its start depends on it), and moved to ``start``.
    before = max(0, start - 1)
    entry = _item_entry(doc.view[before:end], doc.text[before:end], start - before, bare_a)
    if entry is None or before == 0:
        return entry

    def moved(found: Located[str] | None) -> Located[str] | None:
        return found and Located(found.value, found.start + before, found.end + before)

    return ListEntry(
        Located(entry.name.value, entry.name.start + before, entry.name.end + before),
        moved(entry.holder),
        moved(entry.holder_role),
        (start, end),
    )


@functools.lru_cache(maxsize=16384)
def _item_entry(view: str, text: str, start: int, bare_a: bool) -> ListEntry | None:
    """:func:`parse_entry` of ``text[start:]`` (``view`` its matching view)."""
    end = len(text)
    match = _PROXY_CONNECTOR.search(view, start, end)
    if match is None and bare_a:
        match = _BARE_A_CONNECTOR.search(view, start, end)
    if match is None:
        name = _located_name(text, start, end)
        return ListEntry(name, item=(start, end)) if name else None
    name = _located_name(text, start, match.start())
    if name is None:
        return None
    holder = _located_name(text, match.end(), end)
    role = None
    if holder is None:
        office = OFFICE.match(text[match.end() : end].strip())
        if office:
            offset = text.index(office["office"], match.end(), end)
            role = Located(office["office"], offset, offset + len(office["office"]))
    return ListEntry(name, holder, role, (start, end))


def parse_names(doc: Document, start: int, end: int, *, bare_a: bool = False) -> list[ListEntry]:
    """Every entry of the name list between ``start`` and ``end``."""
    entries: list[ListEntry] = []
    for item_start, item_end in split_items(doc.view, start, end):
        entry = parse_entry(doc, item_start, item_end, bare_a=bare_a)
        if entry is not None:
            entries.append(entry)
        elif entries and doc.view[item_start:item_end].strip()[:1].islower():
            # a note on the member before: "Mme El Moudden, arrivée à partir du point 2"
            last = entries[-1]
            item = (last.item[0], item_end)
            entries[-1] = ListEntry(last.name, last.holder, last.holder_role, item)
    return entries


def list_pieces(line: str, *, bare_a: bool = False) -> list[str]:
    """The name pieces of one line of a list: notes, group labels and proxy phrases taken
    out, names printed without separator apart. ``bare_a``: "X à Y" names a proxy holder."""
    return list(_line_pieces(line, bare_a))


@functools.lru_cache(maxsize=4096)
def _line_pieces(line: str, bare_a: bool) -> tuple[str, ...]:
    text = _OPEN_PAREN_TAIL.sub(" ", _PARENTHETICAL.sub(" ", without_labels(line)))
    text = _PROXY_CONNECTOR.sub(",", _CLOSE_PAREN_HEAD.sub(" ", text))
    if bare_a:
        text = _BARE_A_CONNECTOR.sub(",", text)
    pieces = (_LEADING_NOISE.sub("", piece.strip()) for piece in LIST_SEPARATOR.split(text))
    runs = (piece[a:b] for piece in pieces for a, b in name_runs(piece, 0, len(piece)))
    return tuple(_TRAILING_NOISE.sub("", run) for run in runs)


def is_list_line(line: str, *, bare_a: bool = False) -> bool:
    """True when every item of ``line`` could belong to a name list."""
    return _is_list_line(line, bare_a)


@functools.lru_cache(maxsize=4096)
def _is_list_line(line: str, bare_a: bool) -> bool:
    for piece in _line_pieces(line, bare_a):
        rest, _ = strip_honorific(piece)
        words = rest.split()
        if words and (len(words) > 6 or not _name_words(words)):
            return False
    return True
