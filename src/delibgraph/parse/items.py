"""Where each deliberation of a text starts: the item headings.

A text holds one deliberation (an extract), several extracts one after the other, or a whole
séance (procès-verbal, compte rendu) whose header and attendance lists come first, followed by
its items. An item starts at a heading line that names a deliberation by its number, perhaps
after the item's rank and before its title::

    Délibération n° 2023-014
    Point 1 – Délibération n° 2022-101 – Finances – Budget principal
    2. Délibération n° CC-2023-102 – Désignation d'un représentant …
    Délibération n° 2023-004 : Cession d'un terrain communal
    DELIBERATION 2023-58 : Tarifs de location de la salle des fêtes
    Décision n° B-2023-012

A number met twice (a running header, a web page's link above the document) starts one item
only, at its first heading. The text before the first heading is the *preamble*: in a whole
séance it holds the séance's header and lists, which every item inherits (:mod:`.session`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from delibgraph.parse.normalize import Document

Range = tuple[int, int]

ITEM_HEADING = re.compile(
    r"^[ \t]*(?:(?:Point|Question|Affaire|Dossier|Rapport)\s*(?:n\s*°\s*)?(?P<rank>\d{1,3})"
    r"[ \t]*[-:.)]?[ \t]*|(?P<rank2>\d{1,3})[ \t]*(?:[.)°]|-(?=[ \t]))[ \t]*)?"
    r"(?:Extrait\s+de\s+la\s+)?(?:D[ée]lib[ée]ration|D[ée]cision)"
    r"(?:\s*(?:n\s*°|num[ée]ro)\s*:?\s*|[ \t]+(?=[A-Z]{0,4}[-_/]?\d))"
    r"(?P<number>[A-Z0-9](?:[\w/-]|\.(?=\w))*+)\.?"
    r"(?P<title>(?:[ \t]*:|[ \t]+-)[ \t]*\S[^\n]*)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_LEAD = re.compile(r"^[ \t]*[-:][ \t]*")
# The lines of an extract's header, above its heading.
_HEADER_LINE = re.compile(
    r"^[ \t]*(?:R[ÉE]PUBLIQUE\s+FRAN[ÇC]AISE|(?:D[ÉE]PARTEMENT|ARRONDISSEMENT|CANTON|COMMUNE|VILLE"
    r"|MAIRIE|M[ÉE]TROPOLE|COMMUNAUT[ÉE]|R[ÉE]GION)\b|(?:Extrait\s+d[ue]s?\s+)?(?:registre|proc[èe]s"
    r"|compte)\b.{0,80}d[ée]lib[ée]rations?|(?:S[ée]ance|R[ée]union|Session)\b[^\n]{0,60}\d{4}"
    r"|(?:Commune|Ville|Département|Région|Communauté)\s+d[eu'])",
    re.IGNORECASE,
)
# What the text of a deliberation holds and an agenda line does not.
_BODY = re.compile(
    r"apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée]|\bd[ée]cide\b|\bRapporteure?\s*:|\bexpose\b"
    r"|\brapporte\b|\bpr[ée]sente\b|il\s+est\s+propos[ée]|\bprend\s+acte|\badopt[ée]e?\b"
    r"|\bvote\b|\bPour\s*:|^[ \t]*Objet\s*:",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Item:
    """One deliberation's part of the text."""

    start: int
    end: int
    rank: int  # the item's number as printed ("Point 3", "3."), else its position from 1
    number: str | None = None
    title_start: int | None = None  # a title printed on the heading line, when there is one


@dataclass(frozen=True, slots=True)
class Plan:
    """How a text divides: the preamble before the first item heading, and the items."""

    preamble: Range | None
    items: tuple[Item, ...]

    @property
    def several(self) -> bool:
        return len(self.items) > 1


def plan_document(doc: Document) -> Plan:
    """The items of ``doc``; a text with fewer than two item headings is one item, whole."""
    headings = _distinct(doc, list(ITEM_HEADING.finditer(doc.view)))
    if len(headings) < 2:
        only = headings[0] if headings else None
        title = _title_start(only) if only else None
        return Plan(None, (Item(0, len(doc.text), 1, None, title),))
    starts = [doc.line_start(m.start()) for m in headings]
    starts = [starts[0], *(_with_own_header(doc, s, p) for p, s in itertools.pairwise(starts))]
    ends = [*starts[1:], len(doc.text)]
    items = []
    for position, (match, start, end) in enumerate(zip(headings, starts, ends, strict=True)):
        rank_text = match["rank"] or match["rank2"]
        rank = int(rank_text) if rank_text else position + 1
        items.append(Item(start, end, rank, match["number"], _title_start(match)))
    preamble = (0, starts[0]) if starts[0] > 0 else None
    return Plan(preamble, tuple(items))


def _distinct(doc: Document, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """One heading per number: the first one followed by the body of a deliberation, else
    the first one (an agenda, or a web page's link, lists numbers before their items)."""
    chosen: dict[str, re.Match[str]] = {}
    for index, match in enumerate(matches):
        number = match["number"].upper()
        end = matches[index + 1].start() if index + 1 < len(matches) else len(doc.view)
        known = chosen.get(number)
        if known is None or (_thin(doc, known) and not _thin_range(doc, match, end)):
            chosen[number] = match
    kept = set(map(id, chosen.values()))
    return [m for m in matches if id(m) in kept]


def _thin_range(doc: Document, match: re.Match[str], end: int) -> bool:
    return _BODY.search(doc.view, match.end(), end) is None


def _thin(doc: Document, match: re.Match[str]) -> bool:
    following = ITEM_HEADING.search(doc.view, match.end())
    return _thin_range(doc, match, following.start() if following else len(doc.view))


def _with_own_header(doc: Document, heading: int, floor: int) -> int:
    """Where an item starts: its heading, or the header printed just above it when extracts
    follow one another ("COMMUNE DE …", "Extrait du registre …", "Séance du …")."""
    start = heading
    position = heading
    while position > floor:
        line_start = doc.line_start(position - 1)
        line = doc.view[line_start : position - 1]
        if line.strip() and not _HEADER_LINE.match(line):
            break
        if line.strip():
            start = line_start
        position = line_start
    return start


def _title_start(match: re.Match[str]) -> int | None:
    if not match["title"]:
        return None
    lead = _TITLE_LEAD.match(match["title"])
    return match.start("title") + (lead.end() if lead else 0)
