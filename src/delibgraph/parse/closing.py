"""The end of an extract: signature, publication, prefecture receipt, ACTES id, annexes.

* "Fait à Montpellier, le 15/04/21" (or "Fait et délibéré à X, les jour, mois et an
  susdits": a place without a date);
* "Publiée le : 15 avril 2021", "Date de publication : …", "Mis en ligne le …", and
  "Affiché le …" when nothing says "publié";
* "Réception en Préfecture : 15/04/21", "Reçu en préfecture le …", "Date de réception
  préfecture : …"; the ACTES id anywhere in the deliberation;
* "Liste des annexes transmises en préfecture :" or "Annexe(s) :" followed by "- item" lines
  or one item on the heading line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from delibgraph.actes import ACTES_ID_RE
from delibgraph.parse.dates import DATE_PATTERN, parse_date
from delibgraph.parse.normalize import Document, Located

_I = re.IGNORECASE
_SIGNED = re.compile(
    r"^[ \t]*(?:Pour\s+extrait\s+conforme\s*,?\s*)?Fait\s+(?:et\s+d[ée]lib[ée]r[ée]\s+)?"
    r"(?:en\s+s[ée]ance\s+)?[àa]\s+(?P<place>[^,\n]{1,60}?)\s*"
    rf"(?:,\s*(?:le\s+|les\s+)?(?P<date>{DATE_PATTERN})|[,.]|[ \t]*$)",
    _I | re.MULTILINE,
)
_SIGNED_AT = re.compile(
    r"^[ \t]*(?:Pour\s+extrait\s+conforme\s*,?\s*)?[AÀ]\s+(?P<place>[A-ZÀ-Ý][^,\n]{0,60}?)\s*,\s*"
    rf"le\s+(?P<date>{DATE_PATTERN})",
    re.MULTILINE,
)
# Between a stamp's words and its date: a few words on the line ("publié sur le site internet
# de la Communauté de communes le"), or the line's end right after "le" / "du" / ":".
_GAP = r"[^\n\d]{0,80}?(?:(?<=\ble)[ \t]*\n[ \t]*|(?<=\bdu)[ \t]*\n[ \t]*|(?<=:)[ \t]*\n[ \t]*)?"
_PUBLISHED = re.compile(
    r"(?:\bPubli[ée]e?s?|\bMise?\s+en\s+ligne|\bDate\s+de\s+(?:publication|mise\s+en\s+ligne)"
    r"|\bpublication\s+le)"
    rf"{_GAP}(?P<date>{DATE_PATTERN})",
    _I,
)
_POSTED = re.compile(
    rf"(?:\bAffich[ée]e?s?|\bDate\s+d'affichage)[^\n\d]{{0,40}}?(?P<date>{DATE_PATTERN})", _I
)
_RECEIVED = re.compile(
    r"(?:R[ée]ception\s+(?:en|par\s+la|à\s+la)\s+pr[ée]fecture"
    r"|Re[çc]ue?\s+(?:en|à\s+la|par\s+la)\s+pr[ée]fecture"
    r"|Date\s+de\s+r[ée]ception\s+(?:en\s+|à\s+la\s+)?pr[ée]fecture"
    r"|Accus[ée]\s+de\s+r[ée]ception\s+(?:en\s+)?pr[ée]fecture"
    r"|d[ée]p[ôo]t\s+en\s+pr[ée]fecture)"
    rf"{_GAP}(?P<date>{DATE_PATTERN})",
    _I,
)
_ANNEX_HEADING = re.compile(
    r"^[ \t]*(?:Liste\s+des\s+)?(?:pi[èe]ces\s+)?annexes?\b[^:\n]{0,80}:[ \t]*", _I | re.MULTILINE
)
_BULLET = re.compile(r"^[ \t]*(?:[-•▪◦*·\uf0b7]|\d{1,2}[.)])[ \t]+")
# A line that continues the item above it rather than starting a new paragraph.
_CONTINUES = re.compile(r"^[ \t]*[a-zàâçéèêëîïôûùüÿœ0-9(]")
_NONE = re.compile(r"^\s*(?:aucune?s?|n[ée]ant|sans(?:\s+objet)?)\s*\.?\s*$", _I)
_MAX_ANNEXES = 50


@dataclass(frozen=True, slots=True)
class Closing:
    signed_place: Located[str] | None = None
    signed_date: Located[dt.date] | None = None
    published: Located[dt.date] | None = None
    received: Located[dt.date] | None = None
    actes_id: Located[str] | None = None
    annexes: tuple[Located[str], ...] = ()


def _dated(
    pattern: re.Pattern[str], doc: Document, start: int, end: int
) -> Located[dt.date] | None:
    for match in pattern.finditer(doc.view, start, end):
        found = parse_date(match["date"])
        if found is not None:
            return Located(found, *match.span("date"))
    return None


def _signature(
    doc: Document, start: int, end: int
) -> tuple[Located[str] | None, Located[dt.date] | None]:
    match = _SIGNED.search(doc.view, start, end) or _SIGNED_AT.search(doc.view, start, end)
    if match is None:
        return None, None
    place_value = doc.value(*match.span("place"))
    place = Located(place_value, *match.span("place")) if place_value else None
    date = None
    if match.group("date"):
        found = parse_date(match["date"])
        date = Located(found, *match.span("date")) if found else None
    return place, date


def _item(doc: Document, start: int, end: int) -> Located[str] | None:
    value = doc.value(start, end).rstrip(" ;,")
    if not value or _NONE.match(value):
        return None
    return Located(value, *doc.trim(start, end))


def _annexes(doc: Document, start: int, end: int) -> tuple[Located[str], ...]:
    heading = _ANNEX_HEADING.search(doc.view, start, end)
    if heading is None:
        return ()
    view = doc.view
    items: list[tuple[int, int]] = []
    line_start = heading.end()
    bulleted = False
    while line_start < end and len(items) < _MAX_ANNEXES:
        line_end = view.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end
        line = view[line_start:line_end]
        bullet = _BULLET.match(line)
        if bullet:
            items.append((line_start + bullet.end(), line_end))
            bulleted = True
        elif not line.strip():
            if items:
                break
        elif bulleted and _CONTINUES.match(line):
            items[-1] = (items[-1][0], line_end)  # continuation of a bulleted item
        elif not items:
            items.append((line_start, line_end))
        else:
            break
        line_start = line_end + 1
    found = (_item(doc, s, e) for s, e in items)
    return tuple(item for item in found if item is not None)


def read_closing(doc: Document, start: int, end: int, chunk_start: int) -> Closing:
    """Read the closing fields between ``start`` and ``end``; the ACTES id from ``chunk_start``."""
    place, date = _signature(doc, start, end)
    published = _dated(_PUBLISHED, doc, start, end) or _dated(_POSTED, doc, start, end)
    actes = ACTES_ID_RE.search(doc.view, start, end) or ACTES_ID_RE.search(
        doc.view, chunk_start, end
    )
    return Closing(
        signed_place=place,
        signed_date=date,
        published=published,
        received=_dated(_RECEIVED, doc, start, end),
        actes_id=Located(actes.group(), *actes.span()) if actes else None,
        annexes=_annexes(doc, start, end),
    )
