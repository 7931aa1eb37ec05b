"""The header of an extract: number, séance, authority, body, members in office, theme.

Each field is read by its own tolerant pattern and is None when absent. The séance date comes
from the séance line ("Séance ordinaire du lundi 29 mars 2021"); the opening sentence's date
in words ("L'an deux-mille-vingt-et-un et le vingt-neuf mars") is a cross-check, used alone
when there is no séance line. When the two disagree the séance line wins and a warning is
logged.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from delibgraph.parse.dates import DATE_PATTERN, find_words_date, parse_date
from delibgraph.parse.items import ITEM_HEADING
from delibgraph.parse.normalize import Document, Located, collapse, title_case_fr
from delibgraph.parse.people import PARTICLES, looks_like_name, strip_honorific
from delibgraph.parse.place import read_mode_and_place

logger = logging.getLogger(__name__)

_I = re.IGNORECASE
_NUMBER = re.compile(
    r"(?:D[ée]lib[ée]ration\s*(?:n\s*°|num[ée]ro)|^[ \t]*N\s*°(?=\s*[A-Z]{0,5}[-_/]?\d))"
    r"\s*:?\s*(?P<num>[A-Z0-9](?:[\w/-]|\.(?=\w))*)",
    _I | re.MULTILINE,
)
_CITED = re.compile(r"\b(?:la|une|sa|cette|de|par|vu|notre|leur)\s+$", re.IGNORECASE)
_SEANCE = re.compile(
    rf"\b(?:S[ée]ance|R[ée]union|Session)\b(?P<mid>[^\n:]{{0,80}}?)\s+du\s+(?P<date>{DATE_PATTERN})"
    rf"|\bDate\s+de\s+(?:la\s+)?s[ée]ance\s*:\s*(?P<date2>{DATE_PATTERN})",
    _I,
)
_KIND = re.compile(r"\b(extraordinaire|ordinaire)\b", _I)
_KIND_IN_HEADER = re.compile(
    r"\b(?:s[ée]ance|session|r[ée]union)\s+(extraordinaire|ordinaire)\b", _I
)
_PRESIDENT = re.compile(
    r"(?:sous\s+la\s+pr[ée]sidence\s+de|pr[ée]sid[ée]e?\s+par)\s+(?P<who>[^;:]{1,120})"
    r"|^[ \t]*(?:Pr[ée]sidence|Pr[ée]sidente?\s+de\s+s[ée]ance)\s*:\s*(?P<who2>[^\n]{1,120})",
    _I | re.MULTILINE,
)
_ROLE_AFTER_NAME = re.compile(
    r"\s*,\s*(?P<role>(?:Vice-)?(?:Maire|Pr[ée]sidente?)|Premi[eè]re?\s+adjointe?)\b", _I
)
_PRESIDENT_ROLE = re.compile(
    r"^(?:l[ea]\s+)?(?:Maire|Pr[ée]sidente?|Vice-Pr[ée]sidente?|Premi[eè]re?\s+adjointe?)\b[^,]*,\s*",
    _I,
)
_ROLE_STOP = re.compile(
    r"^(?:Maire|Pr[ée]sidente?|Vice-Pr[ée]sidente?|Adjointe?|Conseill[eè]re?|Premi[eè]re?)$", _I
)
BODY_PATTERN = (
    r"(?:Conseil\s+(?:de\s+(?:la\s+)?(?:M[ée]tropole|Communaut[ée](?:\s+(?:d'\s*agglom[ée]ration"
    r"|de\s+communes|urbaine))?|Territoire|Paris)|municipal|communautaire|d[ée]partemental"
    r"|r[ée]gional|m[ée]tropolitain|syndical|d'\s*administration|territorial)"
    r"|Bureau(?:\s+(?:m[ée]tropolitain|communautaire|syndical|municipal|ex[ée]cutif|permanent"
    r"|de\s+(?:la\s+)?M[ée]tropole|du\s+Conseil))?"
    r"|Commission\s+permanente|Comit[ée]\s+syndical|Assembl[ée]e\s+(?:d[ée]partementale|pl[ée]ni[èe]re))"
)
_BODY = re.compile(rf"\b{BODY_PATTERN}(?![^\W\d_])", _I)
_BODY_IN_SENTENCE = re.compile(
    rf"\b(?:membres\s+du|le|la|l')\s+(?P<body>{BODY_PATTERN})(?![^\W\d_])", _I
)
_EXTRACT = re.compile(
    r"Extrait\s+(?:du|des)\s+(?:registres?|proc[èe]s[\s-]verbal)\s+(?:des\s+|de\s+)?"
    r"d[ée]lib[ée]rations?\b[ \t]*(?P<rest>[^\n.:]{0,120}(?:\n(?![ \t]*\n)[^\n.:]{0,120})?)",
    _I,
)
_PREPOSITION = re.compile(r"\s*(?:(?:du|de\s+la|des|de)\s+|de\s+l'\s*|d'\s*)", _I)
_AUTHORITY_LINE = re.compile(
    r"^[ \t]*(?P<name>(?:COMMUNE|VILLE|MAIRIE|M[ÉE]TROPOLE|COMMUNAUT[ÉE]\s+(?:D'AGGLOM[ÉE]RATION"
    r"|DE\s+COMMUNES|URBAINE)|D[ÉE]PARTEMENT|R[ÉE]GION|Commune|Ville|Métropole|Département"
    r"|Région|Communauté\s+(?:d'agglomération|de\s+communes|urbaine))"
    r"\s+(?:DE|DU|DES|D'|de|du|des|d')\s*[^\n,:]{2,60}?"
    r"|[A-ZÀ-Ý][\w'’ -]{1,40}?\s+(?:M[ÉE]TROPOLE|Métropole))[ \t]*$",
    re.MULTILINE,
)
_AUTHORITY_RANK = ("commune", "ville", "mairie", "metropole", "communaute", "departement", "region")
_MEMBERS = re.compile(
    r"(?:(?:membres|conseillers|[ée]lus)(?:[\s:]+[\w'’]+){0,4}?[\s:]+en\s+exercice"
    r"|^[ \t]*en\s+exercice|\ben\s+exercice(?=\s*:))"
    r"\s*:?\s*(?P<n>\d{1,4})\b",
    _I | re.MULTILINE,
)
# "\bSIREN" ignoring case, tried only where an S is ("[Ssſ]": what "s" matches ignoring case).
_SIREN = re.compile(r"[Ssſ](?<=\b[Ssſ])(?i:IREN)\s*:?\s*(?P<siren>\d{3}\s?\d{3}\s?\d{3})\b")
_THEME_LABEL = re.compile(
    r"^[ \t]*(?:Th[èe]me|Rubrique|Domaine|Politique\s+publique|Mati[èe]re)\s*:\s*(?P<theme>[^\n]+)",
    _I | re.MULTILINE,
)
_NOT_A_THEME = re.compile(
    r"r[ée]publique|d[ée]partement|arrondissement|canton|commune|ville\b|mairie|pr[ée]fecture"
    r"|libert[ée]|[ée]galit[ée]|extrait|registre|proc[èe]s|s[ée]ance|d[ée]lib[ée]ration|conseil"
    r"|convocation|affich|envoy|\bl'an\b|membres|pr[ée]sents?\b|^\W",
    _I,
)
_LINE = re.compile(r"[^\n]+")
_INITIALS = re.compile(r"^(?:[A-ZÀ-Ý]\.-?)+$")
_SENTENCE_END = re.compile(r"(?<!\bM)(?<!\bMM)(?<!\bMme)\.(?=\s|$)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_OPENING = re.compile(
    r"s'est\s+r[ée]unie?|se\s+sont\s+(?:r[ée]unis|assembl[ée]s)|sous\s+la\s+pr[ée]sidence"
    r"|(?:d[ûu]ment|l[ée]galement|r[ée]guli[èe]rement)\s+convoqu[ée]",
    re.IGNORECASE,
)
_DANGLING_WORD = re.compile(r"\b(?:de|du|des|la|le|les|et|en|sur|l'|d')\s*$", _I)
_FOLD = str.maketrans("éèêàçÉÈ", "eeeacee")


@dataclass(frozen=True, slots=True)
class Header:
    number: Located[str] | None = None
    session_date: Located[dt.date] | None = None
    words_date: Located[dt.date] | None = None
    kind: Located[str] | None = None
    mode: Located[str] | None = None
    place: Located[str] | None = None
    president: Located[str] | None = None
    president_role: Located[str] | None = None  # "Maire", "Président" when the text says so
    authority: Located[str] | None = None
    siren: Located[str] | None = None
    body: Located[str] | None = None
    members_in_office: Located[int] | None = None
    theme: Located[str] | None = None
    end: int = 0  # where the header anchors stop


def _trimmed(doc: Document, start: int, end: int) -> tuple[int, int]:
    return doc.trim(start, end)


def _located(doc: Document, start: int, end: int) -> Located[str] | None:
    value = doc.value(start, end)
    return Located(value, *_trimmed(doc, start, end)) if value else None


def _name_case(found: Located[str] | None) -> Located[str] | None:
    """An authority or body printed in capitals, in the usual case ("Conseil municipal")."""
    if found is None:
        return None
    value = title_case_fr(found.value)
    return Located(value[0].upper() + value[1:], found.start, found.end)


def _number(doc: Document, start: int, end: int) -> Located[str] | None:
    """The number on an item heading line, else the first one not cited in a sentence ("Vu
    la délibération n° 2020-031 …")."""
    heading = ITEM_HEADING.search(doc.view, start, end)
    if heading:
        return Located(heading["number"], *heading.span("number"))
    for match in _NUMBER.finditer(doc.view, start, end):
        if not _CITED.search(doc.view, max(start, match.start() - 12), match.start()):
            return Located(match["num"], *match.span("num"))
    return None


def _session(
    doc: Document, start: int, end: int
) -> tuple[Located[dt.date] | None, Located[str] | None]:
    for match in _SEANCE.finditer(doc.view, start, end):
        group = "date" if match.group("date") else "date2"
        found = parse_date(match[group])
        if found is None:
            continue
        kind = None
        mid = match.group("mid")
        kind_match = _KIND.search(mid) if mid else None
        if kind_match:
            offset = match.start("mid") + kind_match.start()
            kind = Located(kind_match[1].lower(), offset, offset + len(kind_match[1]))
        return Located(found, *match.span(group)), kind
    return None, None


def president_name(text: str) -> tuple[str, str] | None:
    """The name in "Monsieur Michaël DELAFOSSE, Président" or "M. le Maire, Jean DUPONT".

    Returns the name and its last word as printed (to locate where the name ends).
    """
    text, _ = strip_honorific(collapse(text))
    role = _PRESIDENT_ROLE.match(text)
    if role:
        text, _ = strip_honorific(text[role.end() :])
    words: list[str] = []
    last_raw = ""
    for raw in text.split():
        word = raw if _INITIALS.match(raw) else raw.rstrip(",.;)")
        if not word or _ROLE_STOP.match(word):
            break
        if word not in PARTICLES and not looks_like_name(word):
            break
        words.append(word)
        last_raw = word
        if word != raw and not _INITIALS.match(raw):
            break
    while words and words[-1] in PARTICLES:
        words.pop()
    name = " ".join(words)
    return (name, last_raw) if words and looks_like_name(name) else None


def _president(
    doc: Document, start: int, end: int
) -> tuple[Located[str] | None, Located[str] | None]:
    """The president's name and, when printed after it ("…, Maire"), their role."""
    for match in _PRESIDENT.finditer(doc.view, start, end):
        group = "who" if match.group("who") else "who2"
        found = president_name(doc.text[match.start(group) : match.end(group)])
        if found:
            name, last_word = found
            last = doc.text.find(last_word, match.start(group), match.end(group))
            stop = last + len(last_word) if last != -1 else match.end(group)
            role_match = _ROLE_AFTER_NAME.match(doc.view, stop, end)
            role = Located(role_match["role"], *role_match.span("role")) if role_match else None
            return Located(name, *_trimmed(doc, match.start(group), stop)), role
    return None, None


def _authority_and_body(
    doc: Document, start: int, end: int
) -> tuple[Located[str] | None, Located[str] | None, int]:
    """The authority and the body; also where the "Extrait du registre …" phrase ends."""
    view = doc.view
    authority = body = None
    extract_end = start
    extract = _EXTRACT.search(view, start, end)
    if extract:
        rest_end = _name_continues(doc, extract.end("rest"), end)
        extract_end = rest_end
        prep = _PREPOSITION.match(view, extract.start("rest"), rest_end)
        offset = prep.end() if prep else extract.start("rest")
        body_match = _BODY.match(view, offset, rest_end)
        if body_match:
            body = _located(doc, *body_match.span())
            after = _PREPOSITION.match(view, body_match.end(), rest_end)
            offset = after.end() if after else rest_end
        authority = _located(doc, offset, rest_end)
    if authority is None:
        ranked = sorted(_AUTHORITY_LINE.finditer(view, start, end), key=_authority_rank)
        if ranked:
            authority = _located(doc, *ranked[0].span("name"))
    if body is None:
        body = _body_in_text(doc, start, end)
    return authority, body, extract_end


def _name_continues(doc: Document, rest_end: int, limit: int) -> int:
    """Extend a name wrapped over more lines while a line ends on "de", "du", "la" … or the
    next one starts in lower case ("… du Pays de" / "Vilhonneur")."""
    view = doc.view
    blank = _BLANK_LINE.search(view, rest_end, limit)
    if blank and blank.start() > rest_end and view.count("\n", rest_end, blank.start()) <= 2:
        block = view[rest_end : blank.start()]
        if ":" not in block and "." not in block:
            return blank.start()  # the paragraph ends the name
    for _ in range(3):
        if rest_end >= limit or view[rest_end] != "\n":
            break
        next_end = view.find("\n", rest_end + 1, limit)
        next_end = limit if next_end == -1 else next_end
        next_line = view[rest_end + 1 : next_end].strip()
        current = view[doc.line_start(rest_end) : rest_end]
        if not next_line or ":" in next_line or "." in next_line:
            break
        if not (_DANGLING_WORD.search(current) or next_line[0].islower()):
            break
        rest_end = next_end
    return rest_end


def _authority_rank(match: re.Match[str]) -> int:
    folded = match["name"].lower().translate(_FOLD)
    return next((i for i, key in enumerate(_AUTHORITY_RANK) if folded.startswith(key)), 99)


def _body_in_text(doc: Document, start: int, end: int) -> Located[str] | None:
    """The body named in the opening sentence ("les membres du Conseil de Métropole")."""
    spans = [m.span("body") for m in _BODY_IN_SENTENCE.finditer(doc.view, start, end)]
    spans += [m.span() for m in _BODY.finditer(doc.view, start, end)]
    spans = [s for s in spans if doc.text[s[0]].isupper()]
    if not spans:
        return None
    preferred = next((s for s in spans if not doc.text[s[0] : s[1]].isupper()), spans[0])
    return _located(doc, *preferred)


def _theme(doc: Document, start: int, end: int) -> Located[str] | None:
    """A short line standing alone between the header phrases and the lists ("Attractivité")."""
    found = None
    for line in _LINE.finditer(doc.view, start, end):
        text = line.group().strip()
        words = text.split()
        if (
            1 <= len(words) <= 6
            and text[0].isupper()
            and not re.search(r"[\d:;,.]", text)
            and not _NOT_A_THEME.search(text)
        ):
            found = line.span()
    return _located(doc, *found) if found else None


def _sentence_end(doc: Document, pos: int, limit: int) -> int:
    match = _SENTENCE_END.search(doc.view, pos, limit)
    return doc.line_end(match.start()) if match else pos


def _opening_after_lists(doc: Document, region: tuple[int, int] | None) -> tuple[int, int]:
    """The opening sentence's paragraph when it is printed after the lists (a layout in two
    columns read left column first), else an empty range."""
    if region is None:
        return (0, 0)
    match = _OPENING.search(doc.view, *region)
    if match is None:
        return (0, 0)
    blank = _BLANK_LINE.search(doc.view, match.end(), region[1])
    before = [m.end() for m in _BLANK_LINE.finditer(doc.view, region[0], match.start())]
    return (before[-1] if before else region[0], blank.start() if blank else region[1])


def read_header(
    doc: Document,
    start: int,
    end: int,
    lists_start: int,
    after_lists: tuple[int, int] | None = None,
) -> Header:
    """Read the header fields of the deliberation in ``[start, end)``.

    ``lists_start`` is where the first attendance list (or, failing one, the title zone)
    begins: the séance, opening sentence, place, president, authority and theme are looked
    for before it; the number and members in office anywhere. ``after_lists`` is the zone
    between the lists and the rapporteur: an opening sentence printed there gives what the
    part before the lists does not.
    """
    view = doc.view
    late = _opening_after_lists(doc, after_lists)
    number = _number(doc, start, end)
    session_date, kind = _session(doc, start, lists_start)
    words = find_words_date(view, start, lists_start)
    words_date = Located(words.date, words.start, words.end) if words else None
    if session_date and words_date and session_date.value != words_date.value:
        logger.warning(
            "line %d: séance date %s and date in words %s disagree; keeping the séance line",
            doc.line_of(session_date.start),
            session_date.value,
            words_date.value,
        )
    if words_date is None and late[1] > late[0]:
        words = find_words_date(view, *late)
        words_date = Located(words.date, words.start, words.end) if words else None
    if kind is None:
        kind_match = _KIND_IN_HEADER.search(view, start, lists_start) or _KIND_IN_HEADER.search(
            view, *late
        )
        if kind_match:
            kind = Located(kind_match[1].lower(), *kind_match.span(1))
    mode, place = read_mode_and_place(doc, start, lists_start)
    if mode is None and place is None:
        mode, place = read_mode_and_place(doc, *late)
    president, president_role = _president(doc, start, lists_start)
    if president is None:
        president, president_role = _president(doc, *late)
    authority, body, extract_end = _authority_and_body(doc, start, lists_start)
    members_match = _MEMBERS.search(view, start, end)
    members = Located(int(members_match["n"]), *members_match.span("n")) if members_match else None
    siren_match = _SIREN.search(view, start, end)
    siren = None
    if siren_match:
        siren = Located(re.sub(r"\s", "", siren_match["siren"]), *siren_match.span("siren"))
    anchor_end = max(
        [
            start,
            extract_end,
            *(doc.line_end(f.end) for f in (number, session_date) if f is not None),
            *(_sentence_end(doc, f.end, lists_start) for f in (words_date, president) if f),
        ]
    )
    theme_end = lists_start
    if members_match and anchor_end < members_match.start() < lists_start:
        theme_end = doc.line_start(members_match.start())
    label = _THEME_LABEL.search(view, start, end)
    theme = _located(doc, *label.span("theme")) if label else None
    if theme is None and anchor_end < theme_end:
        theme = _theme(doc, anchor_end, theme_end)
    ends = [anchor_end]
    if theme is not None and theme.end <= lists_start:
        ends.append(theme.end)
    if members_match and members_match.start() < lists_start:
        ends.append(doc.line_end(members_match.end()))
    return Header(
        number=number,
        session_date=session_date or words_date,
        words_date=words_date,
        kind=kind,
        mode=mode,
        place=place,
        president=president,
        president_role=president_role,
        authority=_name_case(authority),
        siren=siren,
        body=_name_case(body),
        members_in_office=members,
        theme=theme,
        end=max(ends),
    )
