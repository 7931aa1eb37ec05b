"""Where each deliberation of a text starts: the item headings.

A text holds one deliberation (an extract), several extracts one after the other, or a whole
séance (procès-verbal, compte rendu) whose header and attendance lists come first, followed by
its items. An item starts at a heading line that names a deliberation by its number, perhaps
after the item's rank and before its title::

    Délibération n° 2023-014
    Point 1 – Délibération n° 2022-101 – Finances – Budget principal
    2. Délibération n° CC-2023-102 – Désignation d'un représentant …
    Délibération n° 2023-004 : Cession d'un terrain communal
    Décision n° B-2023-012

A number met twice (a running header, a web page's link above the document) starts one item
only, at its first heading. The text before the first heading is the *preamble*: in a whole
séance it holds the séance's header and lists, which every item inherits (:mod:`.session`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from delibgraph.parse.normalize import Document

Range = tuple[int, int]

ITEM_HEADING = re.compile(
    r"^[ \t]*(?:(?:Point|Question|Affaire|Dossier|Rapport)\s*(?:n\s*°\s*)?(?P<rank>\d{1,3})"
    r"[ \t]*[-:.)]?[ \t]*|(?P<rank2>\d{1,3})[ \t]*(?:[.)°]|-(?=[ \t]))[ \t]*)?"
    r"(?:Extrait\s+de\s+la\s+)?(?:D[ée]lib[ée]ration|D[ée]cision)\s*(?:n\s*°|num[ée]ro)\s*:?\s*"
    r"(?P<number>[A-Z0-9](?:[\w/-]|\.(?=\w))*+)\.?"
    r"(?P<title>(?:[ \t]*:|[ \t]+-)[ \t]*\S[^\n]*)?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_LEAD = re.compile(r"^[ \t]*[-:][ \t]*")


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
    headings: list[re.Match[str]] = []
    seen: set[str] = set()
    for match in ITEM_HEADING.finditer(doc.view):
        number = match["number"].upper()
        if number not in seen:
            seen.add(number)
            headings.append(match)
    if len(headings) < 2:
        only = headings[0] if headings else None
        title = _title_start(only) if only else None
        return Plan(None, (Item(0, len(doc.text), 1, None, title),))
    starts = [doc.line_start(m.start()) for m in headings]
    ends = [*starts[1:], len(doc.text)]
    items = []
    for position, (match, start, end) in enumerate(zip(headings, starts, ends, strict=True)):
        rank_text = match["rank"] or match["rank2"]
        rank = int(rank_text) if rank_text else position + 1
        items.append(Item(start, end, rank, match["number"], _title_start(match)))
    preamble = (0, starts[0]) if starts[0] > 0 else None
    return Plan(preamble, tuple(items))


def _title_start(match: re.Match[str]) -> int | None:
    if not match["title"]:
        return None
    lead = _TITLE_LEAD.match(match["title"])
    return match.start("title") + (lead.end() if lead else 0)
