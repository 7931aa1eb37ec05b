"""Attendance lists: their headings, what kind of list each is, and where each list ends.

A heading ("Présents :", "Étaient présents :", "Absents excusés :", "Avaient donné pouvoir :",
"Procurations :", "Secrétaire de séance :" …) starts a list; :func:`classify_heading` tells
present, represented (proxies) and absent (excused or not) apart. The list runs over lines of
names until a blank line, the next heading, a line that is not a list of names, or a line
ending with a full stop (unless another proxy follows in a list of proxies); a line inside an
open parenthesis, after a dangling "pouvoir à" or a hyphen, or going on with a note in lower
case continues it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from delibgraph.parse.nametokens import PROXY_CONNECTOR
from delibgraph.parse.normalize import Document
from delibgraph.parse.people import is_list_line, is_whole_name, list_pieces, strip_honorific

Range = tuple[int, int]

_LIST_HEADING = re.compile(
    r"^[ \t]*(?P<head>(?:(?:[ée]taient|[ée]tait|membres|conseill\w*|[ée]lus|sont"
    r"|(?:avaient|ayant|ont|a)\s+donn[ée]e?s?|titulaires|d[ée]l[ée]gu[ée]e?s|suppl[ée]ant(?:e|s|es)?"
    r")\s+){0,2}"
    r"(?:pr\s?[ée]sent|absent|excus[ée]|repr[ée]sent|procuration|pouvoir|secr[ée]taire|assist"
    r"|participai(?:en)?t\s+(?:à|a)\s+la\s+s[ée]ance|ont\s+particip[ée]\s+(?:à|a)\s+la\s+s[ée]ance)"
    r"[^:\n]{0,160}(?:\n(?![ \t]*\n)[^:\n]{0,160}){0,3}?)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
_PRESENT_HEADING = re.compile(
    r"^(?:(?:etaient|sont|membres|conseill\w*|elus|titulaires|delegue\w*|suppleant\w*)\s+){0,2}"
    r"presente?s?"
    r"(?:$|\s+(?:les\b|membres|conseill|elus|titulaires|a\s+la\s+seance|en\s+|lors\b|ou\b))"
)
_NUMERIC_LIST = re.compile(r"^\s*\d{1,4}\s*(?:[^\W\d_]+\s*)?\.?\s*$")
_SEPARATOR_END = re.compile(r"(?:[,;]|\bet|\s-)\s*$")
_DANGLING_CONNECTOR = re.compile(
    r"\b(?:pouvoirs?|procurations?|mandat|repr[ée]sent[ée]e?s?|par|[àa]|donn[ée]e?)\s*$",
    re.IGNORECASE,
)
_HONORIFIC_END = re.compile(r"\b(?:M|MM|Mme|Mmes)\.$")


@dataclass(frozen=True, slots=True)
class AttendanceList:
    """An attendance block: its kind, what its heading says of excuse, and its name text."""

    kind: str  # "present" | "represented" | "absent" | "other"
    excused: bool | None
    heading: Range
    body: Range
    proxy_heading: bool = False  # a list of proxies: "X à Y", "X par Y" name a holder


def classify_heading(heading: str) -> tuple[str, bool | None] | None:
    """The kind of an attendance heading and whether it says the absent are excused."""
    h = re.sub(r"\([^)]*\)", "", heading.lower()).translate(str.maketrans("éèêàç’", "eeeac'"))
    h = " ".join(h.split()).replace("pr esent", "present")  # OCR: "Pr ésents"
    if _PRESENT_HEADING.match(h) or "particip" in h:
        return None if ("represent" in h or "absent" in h) else ("present", None)
    if "non represent" in h:
        return ("absent", None)
    if "procuration" in h or "pouvoir" in h or "represent" in h or h.startswith("mandat"):
        return ("represented", None)
    if "absent" in h or "excuse" in h:
        if "non excuse" in h:
            return ("absent", False)
        if "absent" in h and "excuse" in h:
            return ("absent", None) if ("/" in h or " ou " in h) else ("absent", True)
        return ("absent", "excuse" in h)
    if "secretaire" in h or "assist" in h:
        return ("other", None)
    return None


def _list_body_end(
    doc: Document, body_start: int, limit: int, headings: set[int], *, proxies: bool = False
) -> int:
    """Where the name list starting at ``body_start`` ends.

    The list runs over lines of names; it stops at a blank line, the next heading, a line
    that is not a list of names, or after a line ending with a full stop. A line inside an
    open parenthesis or after a dangling "pouvoir" / "représenté par" always continues it.
    """
    view = doc.view
    end = body_start
    pos = body_start
    seen_content = False
    pending_words = 0
    depth = 0
    dangling = False
    closed = False
    while pos < limit:
        line_end = view.find("\n", pos, limit)
        line_end = limit if line_end == -1 else line_end
        line = view[pos:line_end]
        stripped = line.strip()
        if pos != body_start and pos in headings:
            break
        if not stripped:
            if seen_content:
                break
        else:
            # A line in lower case goes on with the note the line above left open.
            note = seen_content and stripped[:1].islower() and not closed
            continues = depth > 0 or dangling or note
            if seen_content and not continues and not is_list_line(line, bare_a=proxies):
                break
            pieces = list_pieces(stripped, bare_a=proxies)
            first_words = len(strip_honorific(pieces[0])[0].split()) if pieces else 0
            if not continues and pending_words + first_words > 7:
                break
            depth = max(0, depth + line.count("(") - line.count(")"))
            dangling = _ends_with(_DANGLING_CONNECTOR, stripped, 12) or stripped.endswith("-")
            # Words a name broken at this line end carries onto the next line: none after a
            # separator or a whole name ("Étienne de la FORGE" then "Catherine de la MOTTE").
            last = pieces[-1] if pieces else ""
            ended = _ends_with(_SEPARATOR_END, stripped, 2) or is_whole_name(last)
            pending_words = 0 if ended else len(last.split())
            seen_content = True
            end = line_end
            closed = stripped.endswith(".") and not _ends_with(_HONORIFIC_END, stripped, 5)
            more_proxies = proxies and _proxy_line_follows(view, line_end, limit)
            if depth == 0 and closed and not more_proxies:
                break
        pos = line_end + 1
    return end


def _ends_with(pattern: re.Pattern[str], line: str, reach: int) -> bool:
    """``pattern.search(line)`` for a pattern ending with "$" on a line without trailing white
    space, whose matches are ``reach`` characters long at most: only the line's last
    characters are searched (the word boundaries and look-behinds still see those before)."""
    return pattern.search(line, max(0, len(line) - reach)) is not None


def _proxy_line_follows(view: str, line_end: int, limit: int) -> bool:
    """True when the next line gives another proxy ("Y donne pouvoir à Z.")."""
    next_end = view.find("\n", line_end + 1, limit)
    line = view[line_end + 1 : limit if next_end == -1 else next_end]
    return bool(line.strip()) and bool(PROXY_CONNECTOR.search(line)) and is_list_line(line)


def find_lists(doc: Document, start: int, end: int) -> list[AttendanceList]:
    """Attendance lists whose heading starts between ``start`` and ``end``."""
    matches = list(_LIST_HEADING.finditer(doc.view, start, end))
    heading_starts = {doc.line_start(m.start()) for m in matches}
    lists: list[AttendanceList] = []
    for match in matches:
        heading = doc.view[match.start("head") : match.end("head")]
        kind = classify_heading(heading)
        if kind is None:
            continue
        proxies = kind[0] == "represented"
        body_end = _list_body_end(doc, match.end(), end, heading_starts, proxies=proxies)
        if _NUMERIC_LIST.match(doc.view[match.end() : body_end]):
            continue  # "Présents : 75" is a count, not a list
        lists.append(
            AttendanceList(
                kind=kind[0],
                excused=kind[1],
                heading=(match.start("head"), match.end()),
                body=(match.end(), body_end),
                proxy_heading=proxies,
            )
        )
    return lists
