"""Changes of attendance during a séance, as procès-verbaux print them.

* in a sentence of the text: "M. LACAN Ludovic rejoint la séance", "M. DE SOUSA Ricardo entre
  en séance", "Mme KHELIFI Samia quitte définitivement la séance avant le vote du point 3 et
  donne pouvoir à M. GINESTET Patrick", "Arrivée de Mme X";
* in the note of a list entry: "DE SOUSA Ricardo (présent à partir du point 5)", "Mme El
  Moudden, arrivée en séance à partir du point 2", "LACAN Ludovic donne pouvoir à MONTEIL
  Claire pour les points 1 et 2".

A change holds from the item it names ("à partir du point 5", "avant le vote du point 3", "de
ce point"); without one, from the item whose vote follows the sentence. A member who leaves
gives a proxy (represented) or not (absent, excuse unknown). A proxy limited to some items
leaves the member absent after them unless an arrival is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from delibgraph.parse.attendance import ABSENT, PRESENT, REPRESENTED
from delibgraph.parse.nametokens import HONORIFIC_PATTERN, PROXY_CONNECTOR
from delibgraph.parse.normalize import Document
from delibgraph.parse.people import OFFICE, clean_name

_I = re.IGNORECASE
_ARRIVES = re.compile(
    r"\b(?:rejoint|rejoignent|a\s+rejoint|ont\s+rejoint|entre(?:nt)?\s+en\s+s[ée]ance"
    r"|arrive(?:nt)?(?:\s+en\s+s[ée]ance)?|est\s+arriv[ée]e?|prend\s+(?:place|s[ée]ance)"
    r"|(?:est|sont)\s+de\s+retour|revient|reviennent"
    r"|reprend\s+(?:la\s+pr[ée]sidence|place|sa\s+place|part\s+aux\s+d[ée]bats))\b",
    _I,
)
_LEAVES = re.compile(
    r"\b(?:(?:quitte|quittent|a\s+quitt[ée]e?|sort|sortent)\s+(?:d[ée]finitivement\s+)?"
    r"(?:la\s+s[ée]ance|la\s+salle|de\s+la\s+salle|de\s+la\s+s[ée]ance|l'assembl[ée]e"
    r"|la\s+r[ée]union)|se\s+retirer?|se\s+retirent|s'absente(?:nt)?)\b",
    _I,
)
_NOMINAL = re.compile(r"\b(?P<kind>Arriv[ée]e|D[ée]part|Retour)\s+de\s+", _I)
_POINT = r"(?:point|dossier|rapport|question|d[ée]lib[ée]ration)\s*(?:n\s*°\s*)?(?P<n>\d{1,3})"
_FROM_POINT = re.compile(
    r"(?:à\s+partir\s+d[ue']|avant\s+(?:le\s+vote\s+d[ue']|l'examen\s+d[ue']|le\s+d[ée]bat\s+"
    r"(?:sur\s+le|d[ue'])|la\s+pr[ée]sentation\s+d[ue']|le)|d[èe]s\s+le|lors\s+d[ue']|"
    r"au\s+moment\s+d[ue']|pendant\s+(?:le|l'examen\s+d[ue']))\s*" + _POINT,
    _I,
)
_AFTER_POINT = re.compile(r"(?:apr[èe]s|jusqu'au)\s+(?:le\s+vote\s+d[ue']\s*)?" + _POINT, _I)
_THIS_POINT = re.compile(
    r"\b(?:de\s+ce(?:tte)?|sur\s+ce(?:tte)?|pour\s+ce(?:tte)?)\s+(?:point|dossier|rapport"
    r"|question|d[ée]lib[ée]ration)\b",
    _I,
)
_FOR_POINTS = re.compile(
    r"\bpour\s+(?:les?\s+)?(?:points?|dossiers?|questions?)\s*(?:n\s*°\s*)?"
    r"(?P<list>\d{1,3}(?:\s*(?:,|et|à|-)\s*\d{1,3})*)",
    _I,
)
_FOR_THIS_VOTE = re.compile(
    r"ne\s+(?:prend|prennent)\s+pas\s+part|pendant\s+(?:le\s+vote|l'examen|ce\s+point|le\s+d[ée]bat)"
    r"|pour\s+ce\s+(?:point|vote|dossier)|le\s+temps\s+d[ue']|au\s+moment\s+du\s+vote",
    _I,
)
_SENTENCE_END = re.compile(r"(?<!\bM)(?<!\bMM)(?<!\bMme)(?<!\b[A-Z])[.!?;](?=\s|$)|\n[ \t]*\n")
_LAST_HONORIFIC = re.compile(rf"(?:^|\s)(?={HONORIFIC_PATTERN}\s)")


@dataclass(frozen=True, slots=True)
class Change:
    """A member's standing from item ``first`` (0-based) to ``last`` (None: to the end)."""

    who: str
    status: str  # PRESENT | REPRESENTED | ABSENT
    first: int
    at: int  # offset in the text, to apply changes in the order printed
    holder: str | None = None
    last: int | None = None


@dataclass(frozen=True, slots=True)
class Items:
    """The items of a séance as events see them."""

    ranks: dict[int, int]  # printed rank -> index
    item_at: Callable[[int], int]  # default first item of a change printed at an offset
    current: Callable[[int], int]  # the item whose text holds an offset

    def index(self, rank: int) -> int | None:
        return self.ranks.get(rank)


def _sentences(view: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = []
    position = start
    for match in _SENTENCE_END.finditer(view, start, end):
        bounds.append((position, match.end()))
        position = match.end()
    if position < end:
        bounds.append((position, end))
    return bounds


PRESIDENT = "\x00president"  # "Madame le Maire", "M. le Président": the séance's president


def _subject(doc: Document, start: int, end: int) -> str | None:
    """The member named just before a verb: the last comma piece that is a name, or the
    president when named by office ("Madame le Maire quitte la salle")."""
    text = doc.text[start:end]
    for piece in reversed(text.split(",")):
        if OFFICE.match(piece.strip()):
            return PRESIDENT
        honorific = list(_LAST_HONORIFIC.finditer(piece))
        if honorific:
            piece = piece[honorific[-1].end() :]
        name = clean_name(piece)
        if name:
            return name
    return None


def _holder(doc: Document, start: int, end: int) -> str | None:
    match = PROXY_CONNECTOR.search(doc.view, start, end)
    if match is None:
        return None
    rest = doc.text[match.end() : end]
    return clean_name(re.split(r"[,;(]", rest)[0])


def _first_item(view: str, start: int, end: int, items: Items, default: int) -> int:
    explicit = _FROM_POINT.search(view, start, end)
    if explicit:
        found = items.index(int(explicit["n"]))
        if found is not None:
            return found
    after = _AFTER_POINT.search(view, start, end)
    if after:
        found = items.index(int(after["n"]))
        if found is not None:
            return found + 1
    if _THIS_POINT.search(view, start, end):
        return items.current(start)
    return default


def changes_in_text(doc: Document, start: int, end: int, items: Items) -> list[Change]:
    """The arrivals and departures printed in the sentences of ``doc.text[start:end]``."""
    view = doc.view
    changes: list[Change] = []
    for s_start, s_end in _sentences(view, start, end):
        verb = _LEAVES.search(view, s_start, s_end) or _ARRIVES.search(view, s_start, s_end)
        nominal = _NOMINAL.search(view, s_start, s_end)
        if verb is not None:
            who = _subject(doc, s_start, verb.start())
            leaves = verb.re is _LEAVES
            after_verb = verb.end()
        elif nominal is not None:
            cut = re.search(r"[,(]|\s(?:à|a)\s+\d", view[nominal.end() : s_end])
            name_end = nominal.end() + cut.start() if cut else s_end
            who = clean_name(doc.text[nominal.end() : name_end])
            leaves = nominal["kind"].lower().startswith("d")
            after_verb = name_end
        else:
            continue
        if who is None:
            continue
        first = _first_item(view, s_start, s_end, items, items.item_at(s_start))
        holder = _holder(doc, after_verb, s_end) if leaves else None
        status = (REPRESENTED if holder else ABSENT) if leaves else PRESENT
        # "quitte la salle et ne prend pas part au vote": out for this item only
        last = first if leaves and _FOR_THIS_VOTE.search(view, s_start, s_end) else None
        changes.append(Change(who, status, first, s_start, holder, last))
    return changes


def _points(text: str) -> list[int]:
    numbers = [int(n) for n in re.findall(r"\d{1,3}", text)]
    if re.search(r"\d\s*(?:à|-)\s*\d", text) and len(numbers) == 2:
        return list(range(numbers[0], numbers[1] + 1))
    return numbers


def changes_in_note(
    doc: Document, who: str, status: str, item: tuple[int, int], items: Items
) -> list[Change]:
    """Changes a list entry's note announces: an arrival from an item, a proxy for some
    items only."""
    view = doc.view
    start, end = item
    changes = []
    limited = _FOR_POINTS.search(view, start, end)
    if limited and status == REPRESENTED:
        indexes = [i for i in (items.index(n) for n in _points(limited["list"])) if i is not None]
        if indexes:
            changes.append(Change(who, ABSENT, max(indexes) + 1, limited.start()))
            if min(indexes) > 0:
                changes.append(Change(who, ABSENT, 0, limited.start(), last=min(indexes) - 1))
    note = view[start:end]
    arrival = _FROM_POINT.search(view, start, end)
    if arrival and re.search(r"pr[ée]sente?|arriv|à\s+partir", note, re.I):
        found = items.index(int(arrival["n"]))
        if found is not None and status != PRESENT:
            changes.append(Change(who, PRESENT, found, arrival.start()))
        elif found:  # listed present, "(à partir du point 3)": absent before it
            changes.append(Change(who, ABSENT, 0, arrival.start(), last=found - 1))
    leaving = _AFTER_POINT.search(view, start, end)
    if leaving and status == PRESENT and re.search(r"jusqu|parti|quitt|d[ée]part", note, re.I):
        found = items.index(int(leaving["n"]))
        if found is not None:
            changes.append(Change(who, ABSENT, found + 1, leaving.start()))
    return changes
