"""Find the blocks of a deliberation extract by their layout.

A register prints, in this order: a header (number, séance, opening sentence, authority, theme,
members in office), attendance lists, the title, the rapporteur, the reasoning, the decisions,
the vote, then the signature, publication, prefecture receipt and annexes. Blocks are found by
anchors (headings, formulas) that tolerate layout noise; a block the text does not have is
None. All offsets are into the document text; the view is used for matching.

The attendance lists are found by :mod:`.lists`; where each deliberation of a text starts,
by :mod:`.items`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from delibgraph.parse.lists import AttendanceList, find_lists
from delibgraph.parse.normalize import Document

Range = tuple[int, int]

_REPORT_VERB = (
    r"(?:rapporte|expose|pr[ée]sente|rappelle|propose|informe|indique|explique"
    r"|donne\s+lecture)\b(?:[^:\n]{0,80}:)?"
)
_RAPPORTEUR = re.compile(
    r"^[ \t]*(?P<who>(?:Monsieur|Madame|M\.|Mme)\s+[^,:\n]{1,80}?(?:\n[^,:\n]{1,80}?)?)"
    r"\s*,\s*(?P<role>[^,:\n]{1,120}?(?:\n[^,:\n]{1,120}?)?)\s*,?\s*"
    rf"{_REPORT_VERB}"
    r"|^[ \t]*(?P<who2>(?:Monsieur|Madame|M\.|Mme)\s+l[ea]\s+[^,:\n]{1,40}?"
    r"|(?:Le|La)\s+(?:Vice-)?(?:Maire|Pr[ée]sidente?))\s+"
    rf"{_REPORT_VERB}"
    r"|^[ \t]*Rapporteure?\s*:\s*(?P<who3>[^,\n]{1,80}?)(?:\s*,\s*(?P<role3>[^\n]{1,120}?"
    r"(?:\n[ \t]*[a-zàâçéèêëîïôûù][^\n]{0,120}?)?))?\s*$",
    re.MULTILINE,
)
# The decisions formula: a phrase anywhere ("il est proposé au …", "après en avoir
# délibéré") or a line of its own ("Le Conseil, après en avoir délibéré, DÉCIDE :").
# For speed the phrases start with the class of their first letters in any case ("[IiİıJj…]",
# what the letters match ignoring case), each alternative checking its own first letter
# behind it: the pattern is then tried only at those letters. The lines are found after a
# line break ("\n(?=…)"), which is searched for much faster than a line start ("^").
_FORMULA_PHRASE = re.compile(
    r"[IiİıJjNnAa](?i:(?<=i)l\s+est\s+(?:donc\s+)?(?:propos[ée]|demand[ée])\s+(?:au|aux|à\s+l[a'])\b"
    r"|(?<=j)e\s+vous\s+propos(?:e|ons)\b|(?<=n)ous\s+vous\s+propos(?:e|ons)\b"
    r"|(?<=a)pr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée])",
    re.MULTILINE,
)
_FORMULA_LINE_BODY = (
    r"[ \t]*(?:(?:en\s+cons[ée]quence|apr[èe]s\s+[^,:\n]{1,40}|ainsi|par\s+suite),\s*)?"
    r"(?:le\s+conseil\b[^:\n]{0,120}\s)?(?:d[ée]cide|d[ée]lib[èe]re|arr[êe]te)\s*:"
    r"|[ \t]*(?:D[ÉE]CIDE|D[ÉE]LIB[ÈE]RE|ARR[ÊE]TE)[ \t]*$"
    r"|[ \t]*(?:apr[èe]s\s+[^,:\n]{1,40},\s*)?(?:le|la|l')\s*(?:conseil|bureau|commission"
    r"|assembl[ée]e|comit[ée])\b[^:\n]{0,160}:[ \t]*$"
)
_FORMULA_LINE = re.compile(rf"^(?:{_FORMULA_LINE_BODY})", re.IGNORECASE | re.MULTILINE)
_FORMULA_LINE_AFTER_BREAK = re.compile(rf"\n(?={_FORMULA_LINE_BODY})", re.IGNORECASE | re.MULTILINE)
# Where the formula hands over to the decisions: its colon, or a "DÉCIDE" line.
_CAPITAL_VERB = r"[A-ZÉÈÊÀÂÎÔÛÇ]{4,}[ \t]+(?:[a-zàâçéèêëîïôûù'’]|[lLdD]['’])"
_FORMULA_END = re.compile(
    r":|^[ \t]*(?:D[ÉE]CIDE|D[ÉE]LIB[ÈE]RE|ARR[ÊE]TE)[ \t]*:?[ \t]*$"
    rf"|^[ \t]*(?={_CAPITAL_VERB})"
    r"|(?<=[\s,])(?=d[ée]cide\b)",  # "…, à l'unanimité, décide d'admettre …"
    re.MULTILINE,
)
_FORMULA_REACH = 600
_FIRST_ARTICLE = re.compile(
    r"^[ \t]*(?:article|art\.)\s*(?:1|premier|unique)(?:\s*er)?\b", re.IGNORECASE | re.MULTILINE
)
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
    r"|^[ \t]*(?:nombre\s+de\s+)?(?:votants|suffrages\s+exprim[ée]s|exprim[ée]s)\s*:\s*\d"
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
    r"|\bil\s+est\s+proc[ée]d[ée]\s+(?:au\s+vote|à\s+l'[ée]lection|au\s+scrutin|à\s+un\s+vote)"
    r"|\bmise?\s+aux\s+voix|\b(?:est|sont)\s+(?:adopt|approuv|rejet)[ée]e?s?\s+(?:par|à)\s",
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
        item_start = (
            match.end()
            if match.group("bullet")
            else match.start("article" if match.group("article") else "verb")
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


def _formula_match(view: str, start: int, end: int) -> re.Match[str] | None:
    """The first decisions formula of ``view[start:end]``: the first phrase, unless a line
    formula starts before it (a phrase is preferred where both start)."""
    phrase = _FORMULA_PHRASE.search(view, start, end)
    before = phrase.start() if phrase else end + 1
    if start < before and (start == 0 or view[start - 1] == "\n"):
        line = _FORMULA_LINE.match(view, start, end)
        if line:
            return line
    line_break = _FORMULA_LINE_AFTER_BREAK.search(view, start, end)
    if line_break and line_break.end() < before:
        return _FORMULA_LINE.match(view, line_break.end(), end)
    return phrase


def _find_formula(doc: Document, start: int, end: int) -> Range | None:
    """The decisions formula: from its sentence start to its colon or "DÉCIDE" line."""
    match = _formula_match(doc.view, start, end)
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
    if intro is None:  # no formula: the decisions start at "Article 1"
        first_article = _FIRST_ARTICLE.search(view, intro_from, end)
        if first_article:
            intro = (first_article.start(), first_article.start())
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
