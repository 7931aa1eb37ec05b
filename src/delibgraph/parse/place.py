"""Where a séance was held: in person (a room, "au lieu ordinaire de ses séances"), by
videoconference, or both.

The place is the phrase as printed after its preposition ("salle du Conseil", "mairie",
"Hôtel de Métropole, salle Aimé-Rouvière"); a videoconference alone has no place.
"""

from __future__ import annotations

import re

from delibgraph.parse.normalize import Document, Located

_I = re.IGNORECASE
_VIDEO = re.compile(
    r"visio[\s-]*conf[ée]rence|visio\b|t[ée]l[ée]conf[ée]rence|audio[\s-]*conf[ée]rence"
    r"|en\s+distanciel|\b(?:à|a)\s+distance\b|d[ée]mat[ée]rialis[ée]e",
    _I,
)
_IN_PERSON = re.compile(r"en\s+pr[ée]sentiel", _I)
_HYBRID = re.compile(r"\bhybride\b|\bmixte\b", _I)
_PLACE_END = (
    r"(?=\s*(?:[,.;:]|sous\s+la\s+pr[ée]sidence|apr[èe]s|sur\s+(?:la\s+)?convocation|$)"
    r"|\s+et\s+(?:par\s+|en\s+)?(?:visio|audio|t[ée]l[ée]|distanciel))"
)
_HOTEL = (
    r"H[ôo]tel\s+(?:de\s+(?:la\s+)?|du\s+)(?:Ville|M[ée]tropole|D[ée]partement|R[ée]gion"
    r"|Communaut[ée]|Agglom[ée]ration)"
)
_PLACES = (
    re.compile(
        r"(?P<place>(?:au|dans\s+le)\s+lieu\s+(?:ordinaire|habituel)\s+de\s+(?:ses|leurs)"
        r"\s+s[ée]ances)",
        _I,
    ),
    re.compile(
        r"\b(?:en|dans|à)\s+(?:la\s+|l')?(?P<place>(?:grande\s+|petite\s+)?salle\s+[^,.;:]{1,80}?)"
        rf"{_PLACE_END}",
        _I,
    ),
    re.compile(
        rf"\b(?:en|à|dans)\s+(?:l')?(?P<place>{_HOTEL}[^,.;:]{{0,60}}?"
        rf"(?:,\s*(?:grande\s+|petite\s+)?salle\s+[^,.;:]{{1,60}}?)?){_PLACE_END}",
    ),
    re.compile(r"\b(?:en|à)\s+(?:la\s+)?(?P<place>[Mm]airie)\b(?![\w'-])"),
)


def _located(doc: Document, start: int, end: int) -> Located[str] | None:
    value = doc.value(start, end)
    if not value:
        return None
    return Located(value, *doc.trim(start, end))


def read_mode_and_place(
    doc: Document, start: int, end: int
) -> tuple[Located[str] | None, Located[str] | None]:
    """ "videoconference", "in_person" or "hybrid", and the place as printed."""
    view = doc.view
    place = None
    for pattern in _PLACES:
        match = pattern.search(view, start, end)
        if match:
            place = _located(doc, *match.span("place"))
            break
    video = _VIDEO.search(view, start, end)
    hybrid = _HYBRID.search(view, start, end)
    in_person = _IN_PERSON.search(view, start, end)
    if hybrid:
        return Located("hybrid", *hybrid.span()), place
    if video and (place or in_person):
        return Located("hybrid", *video.span()), place
    if video:
        return Located("videoconference", *video.span()), place
    if place:
        return Located("in_person", place.start, place.end), place
    if in_person:
        return Located("in_person", *in_person.span()), place
    return None, place
