"""Find the blocks of a deliberation extract by their layout.

A register prints, in this order: a header (number, séance, opening sentence, authority, theme,
members in office), attendance lists, the title, the rapporteur, the reasoning, the decisions,
the vote, then the signature, publication, prefecture receipt and annexes. Blocks are found by
anchors (headings, formulas) that tolerate layout noise; a block the text does not have is
None. All offsets are into the document text; the view is used for matching.

A text holding several deliberations is split at lines starting "Délibération n° …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from delibgraph.parse.nametokens import PROXY_CONNECTOR
from delibgraph.parse.normalize import Document
from delibgraph.parse.people import is_list_line, is_whole_name, list_pieces, strip_honorific

Range = tuple[int, int]

_SPLIT_HEADING = re.compile(
    r"^[ \t]*(?:Extrait\s+de\s+la\s+)?D[ée]lib[ée]ration\s*n\s*°\s*:?\s*[A-Z0-9][\w./-]*[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_LIST_HEADING = re.compile(
    r"^[ \t]*(?P<head>(?:(?:[ée]taient|[ée]tait|membres|conseill\w*|[ée]lus|sont"
    r"|(?:avaient|ayant|ont|a)\s+donn[ée]e?s?)\s+)?"
    r"(?:pr\s?[ée]sent|absent|excus[ée]|repr[ée]sent|procuration|pouvoir|secr[ée]taire|assist)"
    r"[^:\n]{0,160}(?:\n(?![ \t]*\n)[^:\n]{0,160}){0,3}?)[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
_PRESENT_HEADING = re.compile(
    r"^(?:(?:etaient|sont|membres|conseill\w*|elus)\s+)?presente?s?"
    r"(?:$|\s+(?:les\b|membres|conseill|elus|titulaires|a\s+la\s+seance|en\s+|lors\b|ou\b))"
)
_NUMERIC_LIST = re.compile(r"^\s*\d{1,4}\s*(?:[^\W\d_]+\s*)?\.?\s*$")
_SEPARATOR_END = re.compile(r"(?:[,;]|\bet|\s-)\s*$")
_DANGLING_CONNECTOR = re.compile(
    r"\b(?:pouvoirs?|procurations?|mandat|repr[ée]sent[ée]e?s?|par|[àa]|donn[ée]e?)\s*$",
    re.IGNORECASE,
)
_HONORIFIC_END = re.compile(r"\b(?:M|MM|Mme|Mmes)\.$")
_REPORT_VERB = (
    r"(?:rapporte|expose|pr[ée]sente|rappelle|propose|informe|indique|explique"
    r"|donne\s+lecture)\b(?:[^:\n]{0,80}:)?"
)
_RAPPORTEUR = re.compile(
    r"^[ \t]*(?P<who>(?:Monsieur|Madame|M\.|Mme)\s+[^,:\n]{1,80}?(?:\n[^,:\n]{1,80}?)?)"
    r"\s*,\s*(?P<role>[^,:\n]{1,120}?(?:\n[^,:\n]{1,120}?)?)\s*,?\s*"
    rf"{_REPORT_VERB}"
    r"|^[ \t]*(?P<who2>(?:Monsieur|Madame|M\.|Mme)\s+l[ea]\s+[^,:\n]{1,40}?)\s+"
    rf"{_REPORT_VERB}"
    r"|^[ \t]*Rapporteure?\s*:\s*(?P<who3>[^,\n]{1,80}?)(?:\s*,\s*(?P<role3>[^\n]{1,120}?"
    r"(?:\n[ \t]*[a-zàâçéèêëîïôûù][^\n]{0,120}?)?))?\s*$",
    re.MULTILINE,
)
_DECISION_FORMULA = re.compile(
    r"il\s+est\s+(?:donc\s+)?(?:propos[ée]|demand[ée])\s+(?:au|aux|à\s+l[a'])\b"
    r"|(?:je|nous)\s+vous\s+propos(?:e|ons)\b"
    r"|apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée]"
    r"|^[ \t]*(?:(?:en\s+cons[ée]quence|apr[èe]s\s+[^,:\n]{1,40}|ainsi|par\s+suite),\s*)?"
    r"(?:le\s+conseil\b[^:\n]{0,120}\s)?(?:d[ée]cide|d[ée]lib[èe]re|arr[êe]te)\s*:"
    r"|^[ \t]*(?:D[ÉE]CIDE|D[ÉE]LIB[ÈE]RE|ARR[ÊE]TE)[ \t]*$"
    r"|^[ \t]*(?:apr[èe]s\s+[^,:\n]{1,40},\s*)?(?:le|la|l')\s*(?:conseil|bureau|commission"
    r"|assembl[ée]e|comit[ée])\b[^:\n]{0,160}:[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# Where the formula hands over to the decisions: its colon, or a "DÉCIDE" line.
_CAPITAL_VERB = r"[A-ZÉÈÊÀÂÎÔÛÇ]{4,}[ \t]+(?:[a-zàâçéèêëîïôûù'’]|[lLdD]['’])"
_FORMULA_END = re.compile(
    r":|^[ \t]*(?:D[ÉE]CIDE|D[ÉE]LIB[ÈE]RE|ARR[ÊE]TE)[ \t]*:?[ \t]*$"
    rf"|^[ \t]*(?={_CAPITAL_VERB})",
    re.MULTILINE,
)
_FORMULA_REACH = 600
_VOTE_ANCHOR = re.compile(
    r"^[ \t]*(?:à|a)\s+l'issue\s+d[ue']"
    r"|^[ \t]*(?:(?:votes?\s+)?pour|contre|abstentions?(?:\(s\))?)\s*:\s*(?:\d|aucun|n[ée]ant)"
    r"|^[^\n]*\b(?:adopt|approuv|rejet)[ée]e?s?\s+(?:à\s+l'unanimit|à\s+la\s+majorit|par\s+\d)"
    r"|^[^\n]*\bmise?\s+aux\s+voix"
    r"|^[ \t]*(?:la\s+(?:pr[ée]sente\s+)?d[ée]lib[ée]ration|le\s+projet\s+de\s+d[ée]lib[ée]ration)"
    r"\s+est\s+(?:adopt|rejet|approuv)"
    r"|^[ \t]*(?:votes?|r[ée]sultats?\s+du\s+(?:vote|scrutin))\b[^:\n]{0,40}:"
    r"|^[ \t]*vote\s+(?:[ée]lectronique|à\s+main\s+lev[ée]e|à\s+bulletin|au\s+scrutin|par\s+appel)"
    r"|^[ \t]*(?:ont|a)\s+vot[ée]\s+(?:pour|contre)|^[ \t]*apr[èe]s\s+un\s+vote"
    r"|^[ \t]*il\s+est\s+proc[ée]d[ée]\s+(?:au\s+vote|à\s+l'[ée]lection|au\s+scrutin)"
    r"|^[ \t]*(?:adopt|rejet)[ée]e?s?\b"
    r"|^[ \t]*(?:à|a)\s+l'unanimit"
    r"|^[ \t]*(?:le|la|l')\s*(?:conseil|bureau|commission|assembl[ée]e|comit[ée])\b[^\n]{0,80}"
    r"\b(?:prend|a\s+pris|donne)\s+acte",
    re.IGNORECASE | re.MULTILINE,
)
# A vote printed before the decisions formula (results, then "Le Conseil, à la majorité :").
_VOTE_BEFORE_ANCHOR = re.compile(
    r"^[ \t]*(?:r[ée]sultats?\s+du\s+(?:vote|scrutin)|(?:ont|a)\s+vot[ée]\s+(?:pour|contre)"
    r"|nombre\s+de\s+votants|(?:votes?\s+)?pour\s*:\s*\d|a\s+[ée]t[ée]\s+[ée]lue?)"
    r"|\bil\s+est\s+proc[ée]d[ée]\s+(?:au\s+vote|à\s+l'[ée]lection|au\s+scrutin|à\s+un\s+vote)",
    re.IGNORECASE | re.MULTILINE,
)
CLOSING_ANCHOR = re.compile(
    r"^[ \t]*(?:(?:Ainsi\s+)?Fait\s+(?:et\s+d[ée]lib[ée]r[ée]\s+)?"
    r"(?:[àa]\s|en\s+s[ée]ance|les\s+jour)"
    r"|Pour\s+extrait\s+(?:certifi[ée]\s+)?conforme|(?:Transmis|Envoy[ée])e?\s+en\s+pr[ée]fecture"
    r"|Publi[ée]e?\s+le|Accus[ée]\s+de\s+r[ée]ception|R[ée]ception\s+en\s+pr[ée]fecture"
    r"|Liste\s+des\s+annexes|Acte\s+certifi[ée]|Certifi[ée]\s+ex[ée]cutoire)",
    re.IGNORECASE | re.MULTILINE,
)
_TITLE_LABEL = re.compile(r"^[ \t]*(?:Objet|Titre)\s*:\s*", re.IGNORECASE | re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ITEM_START = re.compile(
    r"^[ \t]*(?:(?P<bullet>[-+•▪◦*·\uf0b7\uf0a7>]|\d{1,2}[.)°]|[a-zA-Z]\))[ \t]+"
    r"|(?P<article>(?i:article|art\.)\s*(?i:\d+|premier|unique))"
    rf"|(?P<verb>(?={_CAPITAL_VERB})))",
    re.MULTILINE,
)
_SENTENCE_END = re.compile(r"[.;!?]\s")


@dataclass(frozen=True, slots=True)
class AttendanceList:
    """An attendance block: its kind, what its heading says of excuse, and its name text."""

    kind: str  # "present" | "represented" | "absent" | "other"
    excused: bool | None
    heading: Range
    body: Range
    proxy_heading: bool = False  # a list of proxies: "X à Y", "X par Y" name a holder


@dataclass(frozen=True, slots=True)
class Rapporteur:
    who: Range
    role: Range | None
    block: Range
    labelled: bool = False  # "Rapporteur : X", a label rather than a sentence


@dataclass(frozen=True, slots=True)
class Blocks:
    """Where each block of one deliberation is, as ranges of the document text."""

    zone_end: int  # end of the part before the rapporteur / decisions / vote
    lists: tuple[AttendanceList, ...]
    title: Range | None
    rapporteur: Rapporteur | None
    reasoning: Range | None
    decisions: tuple[Range, ...]
    decisions_block: Range | None
    vote: Range | None
    tail_start: int  # where the vote and closing blocks may start
    formula: Range | None  # "il est proposé au Conseil … :", "après en avoir délibéré … DÉCIDE"


def split_deliberations(doc: Document) -> list[Range]:
    """One range per deliberation; text before the first heading joins the first one."""
    starts = [m.start() for m in _SPLIT_HEADING.finditer(doc.view)]
    if len(starts) <= 1:
        return [(0, len(doc.text))]
    starts[0] = 0
    ends = [*starts[1:], len(doc.text)]
    return list(zip(starts, ends, strict=True))


def classify_heading(heading: str) -> tuple[str, bool | None] | None:
    """The kind of an attendance heading and whether it says the absent are excused."""
    h = re.sub(r"\([^)]*\)", "", heading.lower()).translate(str.maketrans("éèêàç’", "eeeac'"))
    h = " ".join(h.split()).replace("pr esent", "present")  # OCR: "Pr ésents"
    if _PRESENT_HEADING.match(h):
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
            dangling = bool(_DANGLING_CONNECTOR.search(stripped)) or stripped.endswith("-")
            # Words a name broken at this line end carries onto the next line: none after a
            # separator or a whole name ("Étienne de la FORGE" then "Catherine de la MOTTE").
            last = pieces[-1] if pieces else ""
            ended = _SEPARATOR_END.search(stripped) or is_whole_name(last)
            pending_words = 0 if ended else len(last.split())
            seen_content = True
            end = line_end
            closed = stripped.endswith(".") and not _HONORIFIC_END.search(stripped)
            more_proxies = proxies and _proxy_line_follows(view, line_end, limit)
            if depth == 0 and closed and not more_proxies:
                break
        pos = line_end + 1
    return end


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


def _sentence_start(doc: Document, pos: int) -> int:
    """Start of the sentence holding ``pos``, not before the start of its line."""
    line_start = doc.line_start(pos)
    last = line_start
    for match in _SENTENCE_END.finditer(doc.view, line_start, pos):
        last = match.end()
    return last


def _find_rapporteur(doc: Document, start: int, end: int) -> Rapporteur | None:
    match = _RAPPORTEUR.search(doc.view, start, end)
    if match is None:
        return None
    for who, role in (("who", "role"), ("who2", None), ("who3", "role3")):
        if match.group(who) is not None:
            role_range = match.span(role) if role and match.group(role) is not None else None
            return Rapporteur(match.span(who), role_range, match.span(), labelled=who == "who3")
    return None


def _paragraph_end(doc: Document, start: int, limit: int) -> int:
    blank = _BLANK_LINE.search(doc.view, start, limit)
    return blank.start() if blank else limit


def _skip_blank(doc: Document, pos: int, limit: int) -> int:
    while pos < limit and doc.view[pos].isspace():
        pos += 1
    return pos


def _find_title(
    doc: Document,
    after: int,
    limit: int,
    search_from: int,
    *,
    labelled_only: bool,
    heading_title: int | None = None,
) -> Range | None:
    """The title: after "Objet :", on the item's heading line, or the first paragraph after
    the header and lists."""
    label = _TITLE_LABEL.search(doc.view, search_from, limit)
    if label:
        return (label.end(), _paragraph_end(doc, label.end(), limit))
    if heading_title is not None and heading_title < limit:
        return (heading_title, _paragraph_end(doc, heading_title, limit))
    if labelled_only:
        return None
    start = _skip_blank(doc, after, limit)
    if start >= limit:
        return None
    end = _paragraph_end(doc, start, limit)
    text = doc.view[start:end].strip()
    if not text or len(text) > 1200 or re.match(r"(?:vu|considérant)\b", text, re.IGNORECASE):
        return None
    return (start, end)


def _decision_items(doc: Document, start: int, end: int) -> tuple[Range, ...]:
    starts = list(_ITEM_START.finditer(doc.view, start, end))
    if not starts:
        body = doc.view[start:end].strip()
        return ((start, end),) if body else ()
    items = []
    for index, match in enumerate(starts):
        item_end = starts[index + 1].start() if index + 1 < len(starts) else end
        item_start = match.end() if match.group("bullet") else match.start(
            "article" if match.group("article") else "verb"
        )
        items.append((item_start, item_end))
    return tuple(items)


@dataclass(frozen=True, slots=True)
class Anchors:
    """The formulas that split a deliberation, found before its header is read."""

    start: int
    end: int
    rapporteur: Rapporteur | None
    intro: Range | None  # "il est proposé au Conseil …:", "DÉCIDE :"
    vote: int | None  # start of the vote block
    closing: int  # start of the signature / publication block (or the end)
    zone_end: int  # end of the part holding header, lists and title
    lists: tuple[AttendanceList, ...]
    vote_before: Range | None = None  # a vote printed before the decisions formula

    @property
    def lists_start(self) -> int:
        """Where the first attendance heading starts (or the zone end without lists)."""
        return self.lists[0].heading[0] if self.lists else self.zone_end


def _find_formula(doc: Document, start: int, end: int) -> Range | None:
    """The decisions formula: from its sentence start to its colon or "DÉCIDE" line."""
    match = _DECISION_FORMULA.search(doc.view, start, end)
    if match is None:
        return None
    formula_start = _sentence_start(doc, match.start())
    if match.group().rstrip().endswith(":") or match.group().strip().isupper():
        return formula_start, match.end()
    handover = _FORMULA_END.search(doc.view, match.end(), min(end, match.end() + _FORMULA_REACH))
    return formula_start, handover.end() if handover else match.end()


def find_anchors(doc: Document, start: int, end: int) -> Anchors:
    """Find the rapporteur line, decisions formula, vote and closing, then the lists."""
    view = doc.view
    rapporteur = _find_rapporteur(doc, start, end)
    intro_from = rapporteur.block[1] if rapporteur else start
    intro = _find_formula(doc, intro_from, end)
    vote_from = intro[1] if intro else intro_from
    vote_match = _VOTE_ANCHOR.search(view, vote_from, end)
    vote = doc.line_start(vote_match.start()) if vote_match else None
    vote_before = None
    if vote is None and intro is not None:
        before = _VOTE_BEFORE_ANCHOR.search(view, intro_from, intro[0])
        if before:
            vote_before = (_sentence_start(doc, before.start()), intro[0])
    closing_match = CLOSING_ANCHOR.search(view, vote if vote is not None else vote_from, end)
    closing = closing_match.start() if closing_match else end
    found = [
        pos
        for pos in (
            rapporteur.block[0] if rapporteur else None,
            intro[0] if intro else None,
            vote,
            vote_before[0] if vote_before else None,
        )
        if pos is not None
    ]
    zone_end = min(found) if found else closing
    lists = tuple(find_lists(doc, start, zone_end))
    return Anchors(start, end, rapporteur, intro, vote, closing, zone_end, lists, vote_before)


def find_blocks(
    doc: Document, anchors: Anchors, header_end: int, heading_title: int | None = None
) -> Blocks:
    """Locate the title, reasoning, decisions and vote blocks.

    ``header_end`` is where the header phrases (séance, opening sentence, authority, theme,
    members in office) stop; the title is looked for after it and after the lists.
    """
    rapporteur, intro = anchors.rapporteur, anchors.intro
    title_after = max([header_end, *(lst.body[1] for lst in anchors.lists)])
    title = _find_title(
        doc,
        title_after,
        anchors.zone_end,
        anchors.start,
        labelled_only=title_after <= anchors.start,
        heading_title=heading_title,
    )
    decisions_end = anchors.vote if anchors.vote is not None else anchors.closing
    decisions: tuple[Range, ...] = ()
    decisions_block: Range | None = None
    if intro is not None and intro[1] <= decisions_end:
        decisions_block = (intro[1], decisions_end)
        decisions = _decision_items(doc, *decisions_block)
    reasoning_start = title[1] if title else None
    if rapporteur is not None:
        # "X, adjointe, rapporte :" and "Rapporteur : X" introduce the reasoning;
        # "X, adjointe, rappelle que …" is its first sentence.
        said = doc.view[rapporteur.block[0] : rapporteur.block[1]].rstrip().endswith(":")
        introduces = said or rapporteur.labelled
        reasoning_start = rapporteur.block[1] if introduces else rapporteur.block[0]
    reasoning_end = intro[0] if intro is not None else decisions_end
    if anchors.vote_before is not None:
        reasoning_end = min(reasoning_end, anchors.vote_before[0])
    reasoning = None
    if reasoning_start is not None and reasoning_start < reasoning_end:
        reasoning = (reasoning_start, reasoning_end)
    vote = anchors.vote_before
    if anchors.vote is not None:
        vote_end = anchors.closing if anchors.closing > anchors.vote else anchors.end
        vote = (anchors.vote, vote_end)
    return Blocks(
        zone_end=anchors.zone_end,
        lists=anchors.lists,
        title=title,
        rapporteur=rapporteur,
        reasoning=reasoning,
        decisions=decisions,
        decisions_block=decisions_block,
        vote=vote,
        tail_start=decisions_end,
        formula=intro,
    )
