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

import re
from dataclasses import dataclass

from delibgraph.parse.normalize import Document, Located, join_lines

HONORIFIC_PATTERN = (
    r"(?:M\.|MM\.|Mme\.?|MME\.?|Mmes\.?|MMES\.?|Mlle\.?|Mr\.?|Dr\.?|Monsieur|MONSIEUR|Madame"
    r"|MADAME|Mademoiselle|Messieurs|MESSIEURS|Mesdames|MESDAMES)"
)
_HONORIFICS = re.compile(rf"^(?:{HONORIFIC_PATTERN}(?:\s+|$))+")
_STARTS_WITH_HONORIFIC = re.compile(rf"^\s*{HONORIFIC_PATTERN}\s")
PARTICLES = frozenset(
    {"de", "du", "des", "d'", "le", "la", "les", "van", "von", "der", "den", "di", "da", "dos",
     "del", "della", "y", "ben", "bin", "ibn", "al", "el", "ter"}
)  # fmt: skip
_NAME_TOKEN = re.compile(
    r"^(?:(?:[dl]['’])?[^\W\d_][^\W\d_'’.\-]*(?:['’\-][^\W\d_]+)*\.?|(?:[^\W\d_]\.-?)+)$"
)
_ROLE_WORDS = re.compile(
    r"^(?:maire|adjointe?s?|conseill[eè]re?s?|pr[ée]sidente?s?|vice-pr[ée]sidente?s?|"
    r"d[ée]l[ée]gu[ée]e?s?|municipa(?:l|le|ux|les)|communautaires?|m[ée]tropolitaine?s?|"
    r"d[ée]partementa(?:l|le|ux|les)|au|aux|à|la|le)$",
    re.IGNORECASE,
)
_PROXY_CONNECTOR = re.compile(
    r"(?:\b(?:qui\s+)?(?:a|ont|ayant|avait)\s+donn[ée]e?s?\s+(?:(?:son|sa|leur)\s+)?"
    r"|\bdonn(?:e|ant|ent)\s+(?:(?:son|sa|leur)\s+)?)?"
    r"\b(?:pouvoirs?|procurations?|mandat|d[ée]l[ée]gation(?:\s+de\s+vote)?)\s*"
    r"(?:[àa]|au\s+profit\s+d[e']|en\s+faveur\s+d[e'])\s*"
    r"|\brepr[ée]sent[ée](?:\(e\)|e)?s?\s+par\s+"
    r"|\s(?:->|=>|→)\s*",
    re.IGNORECASE,
)
_BARE_A_CONNECTOR = re.compile(rf"\s[àa]\s+(?={HONORIFIC_PATTERN}\s|[A-ZÀ-Ý])")
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


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One item of a name list: a member, and the proxy holder when the item names one."""

    name: Located[str]
    holder: Located[str] | None = None
    holder_role: Located[str] | None = None  # "le Maire": a holder named by office only


def strip_honorific(text: str) -> tuple[str, bool]:
    """Drop leading honorifics; return the rest and whether there was one."""
    match = _HONORIFICS.match(text)
    if not match:
        return text, False
    return text[match.end() :].strip(), True


def clean_name(text: str) -> str | None:
    """A printed name without honorific, notes or punctuation; None if it is not a name."""
    text = join_lines(_TRAILING_COUNT.sub("", text))
    text = _PARENTHETICAL.sub(" ", text)
    text, _ = strip_honorific(_LEADING_NOISE.sub("", text))
    text = _TRAILING_NOISE.sub("", text)
    return text if looks_like_name(text) and not _NOBODY.match(text) else None


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


def _is_caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_whole_name(fragment: str) -> bool:
    """True when ``fragment`` reads as a complete name (not a piece broken at a line end).

    A whole name has two words ("Jean DUPONT", "DUPONT Jean", "Jean Dupont"), or an
    honorific and a family name in capitals ("M. DUPONT"); "Yves", "M. Jean" or "MEJRI"
    alone are pieces.
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
    if not words or words[-1] in PARTICLES:
        return False
    if len(words) >= 2:
        return True
    return had_honorific and _is_caps_word(words[0])


def _hard_segments(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split at ``,``, ``;`` and the word "et", outside parentheses."""
    segments: list[tuple[int, int]] = []
    depth = 0
    segment_start = start
    i = start
    while i < end:
        ch = view[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (
            ch in ",;"
            or (
                ch == "-"
                and (i == start or view[i - 1].isspace())
                and i + 1 < end
                and view[i + 1] in " \t\n"
            )
        ):
            segments.append((segment_start, i))
            segment_start = i + 1
        elif (
            depth == 0
            and view[i : i + 2] == "et"
            and (i == start or view[i - 1].isspace())
            and (i + 2 == end or (i + 2 < end and view[i + 2].isspace()))
        ):
            segments.append((segment_start, i))
            segment_start = i + 2
            i += 2
            continue
        i += 1
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
    for seg_start, seg_end in _hard_segments(view, start, end):
        for item_start, item_end in _line_segments(view, seg_start, seg_end):
            text = view[item_start:item_end]
            if not text.strip():
                continue
            lead = len(text) - len(text.lstrip(" \t\n("))
            if items and _PROXY_CONNECTOR.match(view, item_start + lead):
                items[-1] = (items[-1][0], item_end)
            else:
                items.append((item_start, item_end))
    return items


def _located_name(doc: Document, start: int, end: int) -> Located[str] | None:
    """The clean name in ``text[start:end]``, its span narrowed to the name's own words."""
    name = clean_name(doc.text[start:end])
    if name is None:
        return None
    words = name.split()
    first = doc.text.find(words[0], start, end)
    last = doc.text.rfind(words[-1], start, end)
    if first == -1 or last == -1 or last < first:
        span = doc.span(start, end)
        return Located(name, span.start, span.end)
    return Located(name, first, last + len(words[-1]))


def parse_entry(doc: Document, start: int, end: int, *, bare_a: bool = False) -> ListEntry | None:
    """Read one list item: a name and perhaps its proxy holder; None if it holds no name."""
    view = doc.view
    match = _PROXY_CONNECTOR.search(view, start, end)
    if match is None and bare_a:
        match = _BARE_A_CONNECTOR.search(view, start, end)
    if match is None:
        name = _located_name(doc, start, end)
        return ListEntry(name) if name else None
    name = _located_name(doc, start, match.start())
    if name is None:
        return None
    holder = _located_name(doc, match.end(), end)
    role = None
    if holder is None:
        office = OFFICE.match(doc.text[match.end() : end].strip())
        if office:
            offset = doc.text.index(office["office"], match.end(), end)
            role = Located(office["office"], offset, offset + len(office["office"]))
    return ListEntry(name, holder, role)


def parse_names(doc: Document, start: int, end: int, *, bare_a: bool = False) -> list[ListEntry]:
    """Every entry of the name list between ``start`` and ``end``."""
    entries = []
    for item_start, item_end in split_items(doc.view, start, end):
        entry = parse_entry(doc, item_start, item_end, bare_a=bare_a)
        if entry is not None:
            entries.append(entry)
    return entries


def list_pieces(line: str) -> list[str]:
    """The name pieces of one line of a list: notes and proxy phrases taken out."""
    text = _OPEN_PAREN_TAIL.sub(" ", _PARENTHETICAL.sub(" ", line))
    text = _PROXY_CONNECTOR.sub(",", _CLOSE_PAREN_HEAD.sub(" ", text))
    pieces = (_LEADING_NOISE.sub("", piece.strip()) for piece in LIST_SEPARATOR.split(text))
    return [_TRAILING_NOISE.sub("", piece) for piece in pieces]


def is_list_line(line: str) -> bool:
    """True when every item of ``line`` could belong to a name list."""
    for piece in list_pieces(line):
        rest, _ = strip_honorific(piece)
        words = rest.split()
        if words and (len(words) > 6 or not _name_words(words)):
            return False
    return True
