"""Put the blocks of one deliberation together into a :class:`~delibgraph.model.Deliberation`.

Every field records the span it was read from in ``spans``: top-level fields ("number",
"present", "vote" …), nested ones ("session.date", "vote.for") and list items
("present[3]", "represented[0].proxy_holder", "decisions[1]").
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from typing import Any

from delibgraph.actes import parse_actes_id
from delibgraph.errors import ModelError
from delibgraph.model import (
    ActesId,
    Authority,
    Deliberation,
    Prefecture,
    Rapporteur,
    Session,
    Signature,
    Source,
    Span,
    Vote,
)
from delibgraph.parse import segment
from delibgraph.parse.attendance import Member, list_spans, read_members, same_office, with_members
from delibgraph.parse.closing import Closing, read_closing
from delibgraph.parse.header import read_header
from delibgraph.parse.lists import AttendanceList
from delibgraph.parse.normalize import Document, Located, OffsetText, paragraphs
from delibgraph.parse.people import clean_name
from delibgraph.parse.votes import COUNT_KEYS, read_vote, sidebar_counts

logger = logging.getLogger(__name__)

_DECISION_LABEL = re.compile(
    r"^(?:article|art\.)\s*(?:\d+|premier|unique)(?:\s*er)?\s*[:.\-–—]?\s*", re.IGNORECASE
)
# A formula saying the body decided, not that something is proposed to it.
_DECIDED = re.compile(
    r"apr[èe]s\s+en\s+avoir\s+d[ée]lib[ée]r[ée]|\bd[ée]cide\b|\bd[ée]lib[èe]re\b"
    r"|\b[àa]\s+l'\s*unanimit[ée]|\b[àa]\s+la\s+majorit[ée]",
    re.IGNORECASE,
)
# A text cut short ends on a separator or in the middle of a sentence (on a word in lower
# case); a name in a signature ("Anaïs Causse") or a full stop ends it properly.
_OPEN_END = re.compile(r"(?:[,;:\-–]|\b[a-zàâäçéèêëîïôöûùüÿœ]+)$")
_DECISION_TRAIL = re.compile(r"[\s;,.]+$")
_ROLE_ONLY = re.compile(
    r"^(?:(?:Monsieur|Madame|M\.|Mme)\s+)?l[ea]\s+(?P<role>(?:Vice-)?(?:Maire|Pr[ée]sidente?)\b.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Draft:
    """A deliberation read without named entities, the body text NER will read, and what a
    whole-séance document needs to complete it (:mod:`.session`)."""

    deliberation: Deliberation
    body: OffsetText
    document: Document
    members: tuple[Member, ...] = ()
    lists: tuple[AttendanceList, ...] = ()
    vote_start: int | None = None  # where the vote block starts
    start: int = 0
    end: int = 0
    warnings: tuple[str, ...] = ()
    president_role: str | None = None  # "Maire", "Président" when the header prints it


class _Spans:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.spans: dict[str, Span] = {}

    def add(self, key: str, found: Located[Any] | tuple[int, int] | None) -> None:
        if found is None:
            return
        start, end = (found.start, found.end) if isinstance(found, Located) else found
        if end > start:
            self.spans[key] = self.doc.span(start, end)

    def add_union(self, key: str, ranges: list[tuple[int, int]]) -> None:
        if ranges:
            self.add(key, (min(r[0] for r in ranges), max(r[1] for r in ranges)))


def _value(found: Located[str] | None) -> str | None:
    return found.value if found else None


def _rapporteur(
    doc: Document,
    found: segment.Rapporteur | None,
    president: tuple[str | None, str | None],
    spans: _Spans,
) -> Rapporteur:
    """The rapporteur; "Monsieur le Maire" is the president when the header says they are."""
    if found is None:
        return Rapporteur()
    spans.add("rapporteur", found.block)
    who = doc.value(*found.who)
    role = doc.value(*found.role).rstrip(" .;,") if found.role else None
    role_only = _ROLE_ONLY.match(who)
    name = None if role_only else clean_name(who)
    if role_only and role is None:
        role = role_only["role"]
        spans.add("rapporteur.role", found.who)
    elif role:
        spans.add("rapporteur.role", found.role)
    if name is None and same_office(role, president[1]):
        name = president[0]
    if name:
        spans.add("rapporteur.name", found.who)
    return Rapporteur(name=name, role=role or None)


def clean_decision(text: str) -> str:
    """A decision without its "Article N :" label and trailing separator."""
    return _DECISION_TRAIL.sub("", _DECISION_LABEL.sub("", text))


def _vote(
    doc: Document, blocks: segment.Blocks, span: tuple[int, int], spans: _Spans, *, cut: bool
) -> Vote:
    """The vote; ``cut``: the text stops before its end, so no outcome is inferred."""
    start, end = span
    tail_start = blocks.formula[0] if blocks.formula else blocks.tail_start
    decided = None
    if blocks.formula and _DECIDED.search(doc.view, *blocks.formula) and blocks.decisions:
        decided = None if cut else blocks.formula
    body_start = blocks.reasoning[0] if blocks.reasoning else blocks.zone_end
    fields = read_vote(doc, blocks.vote, (tail_start, end), decided=decided, body_start=body_start)
    if not fields.counts:
        fields.counts.update(sidebar_counts(doc, start, blocks.zone_end))
    spans.add("vote", blocks.vote)
    for key in ("method", "outcome", "unanimous"):
        spans.add(f"vote.{key}", getattr(fields, key))
    for key, count in fields.counts.items():
        spans.add(f"vote.{key}", count)
    names: dict[str, tuple[str, ...]] = {}
    for key in COUNT_KEYS[1:]:
        found = fields.names.get(key, [])
        names[key] = tuple(n.value for n in found)
        for index, name in enumerate(found):
            spans.add(f"vote.{key}_names[{index}]", name)
    counts = {key: c.value for key, c in fields.counts.items()}
    return Vote(
        method=_value(fields.method),
        outcome=_value(fields.outcome),
        unanimous=fields.unanimous.value if fields.unanimous else None,
        for_=counts.get("for"),
        against=counts.get("against"),
        abstention=counts.get("abstention"),
        not_voting=counts.get("not_voting"),
        against_names=names["against"],
        abstention_names=names["abstention"],
        not_voting_names=names["not_voting"],
    )


def _actes(found: Located[str] | None) -> tuple[ActesId | None, str | None]:
    """The ACTES id, or None and why when the printed one does not read (OCR noise …)."""
    if found is None:
        return None, None
    try:
        return parse_actes_id(found.value), None
    except ModelError as exc:
        return None, f"ACTES id not read: {exc.reason}"


def read_deliberation(
    doc: Document, start: int, end: int, source: Source, *, heading_title: int | None = None
) -> Draft:
    """Read the deliberation in ``doc.text[start:end]``; missing blocks give None.

    ``heading_title`` is where a title printed on the item's heading line starts
    ("Délibération n° 2023-004 : Cession d'un terrain …").
    """
    spans = _Spans(doc)
    anchors = segment.find_anchors(doc, start, end)
    lists_end = max((lst.body[1] for lst in anchors.lists), default=None)
    after_lists = (lists_end, anchors.zone_end) if lists_end is not None else None
    header = read_header(doc, start, end, anchors.lists_start, after_lists)
    blocks = segment.find_blocks(doc, anchors, header.end, heading_title)
    president = (_value(header.president), _value(header.president_role))
    members = read_members(doc, blocks.lists, president)
    closing = read_closing(doc, blocks.tail_start, end, start)
    cut = _stops_short(doc, start, end, closing)
    actes, actes_problem = _actes(closing.actes_id)
    siren = actes.siren if actes else _value(header.siren)

    for key, found in (
        ("number", header.number), ("authority", header.authority),
        ("authority.name", header.authority), ("authority.siren", closing.actes_id if actes
                                                else header.siren),
        ("body", header.body), ("session", header.session_date),
        ("session.date", header.session_date), ("session.kind", header.kind),
        ("session.place", header.place), ("session.mode", header.mode),
        ("session.president", header.president), ("members_in_office", header.members_in_office),
        ("theme", header.theme), ("title", blocks.title), ("reasoning", blocks.reasoning),
        ("decisions", blocks.decisions_block), ("signed.place", closing.signed_place),
        ("signed.date", closing.signed_date), ("published", closing.published),
        ("prefecture.received", closing.received), ("prefecture.actes_id", closing.actes_id),
    ):  # fmt: skip
        spans.add(key, found)
    signed_parts = [f for f in (closing.signed_place, closing.signed_date) if f is not None]
    spans.add_union("signed", [(f.start, f.end) for f in signed_parts])
    prefecture_parts = [f for f in (closing.received, closing.actes_id) if f is not None]
    spans.add_union("prefecture", [(f.start, f.end) for f in prefecture_parts])
    spans.add_union("annexes", [(a.start, a.end) for a in closing.annexes])
    for index, annex in enumerate(closing.annexes):
        spans.add(f"annexes[{index}]", annex)
    decisions = [(clean_decision(doc.value(*item)), item) for item in blocks.decisions]
    decisions = [(text, item) for text, item in decisions if text]
    for index, (_, item) in enumerate(decisions):
        spans.add(f"decisions[{index}]", item)

    body = OffsetText()
    if blocks.reasoning:
        body.add(doc, *blocks.reasoning)
    for item in blocks.decisions:
        body.add(doc, *item)
    deliberation = Deliberation(
        source=source,
        number=_value(header.number),
        authority=Authority(name=_value(header.authority), siren=siren),
        body=_value(header.body),
        session=Session(
            date=header.session_date.value if header.session_date else None,
            kind=_value(header.kind),
            place=_value(header.place),
            mode=_value(header.mode),
            president=_value(header.president),
        ),
        members_in_office=header.members_in_office.value if header.members_in_office else None,
        theme=_value(header.theme),
        title=doc.value(*blocks.title) or None if blocks.title else None,
        rapporteur=_rapporteur(doc, blocks.rapporteur, president, spans),
        reasoning="\n\n".join(paragraphs(doc.text[slice(*blocks.reasoning)])) or None
        if blocks.reasoning
        else None,
        decisions=tuple(text for text, _ in decisions),
        vote=_vote(doc, blocks, (start, end), spans, cut=cut),
        signed=Signature(
            place=_value(closing.signed_place),
            date=closing.signed_date.value if closing.signed_date else None,
        ),
        published=closing.published.value if closing.published else None,
        prefecture=Prefecture(
            received=closing.received.value if closing.received else None, actes_id=actes
        ),
        annexes=tuple(a.value for a in closing.annexes),
        spans=spans.spans,
    )
    if header.theme and blocks.title and blocks.title[0] <= header.theme.start < blocks.title[1]:
        deliberation = _without_theme(deliberation)
    deliberation = with_members(deliberation, doc, members, list_spans(doc, blocks.lists))
    vote_start = blocks.vote[0] if blocks.vote else None
    warnings = _missing(deliberation, doc, end) if cut else ()
    if actes_problem:
        warnings += (actes_problem,)
    return Draft(
        deliberation, body, doc, tuple(members), blocks.lists, vote_start, start, end, warnings,
        president[1],
    )  # fmt: skip


def _stops_short(doc: Document, start: int, end: int, closing: Closing) -> bool:
    """True when the text stops mid-way: no closing block, and its last line is left open
    (ends with a comma, a semicolon, a colon or a word in lower case)."""
    if any(
        (closing.signed_place, closing.signed_date, closing.published, closing.received,
         closing.actes_id)
    ):  # fmt: skip
        return False
    last = doc.text[start:end].rstrip()
    return bool(last) and _OPEN_END.search(last) is not None


def _missing(d: Deliberation, doc: Document, end: int) -> tuple[str, ...]:
    """A warning naming what a text cut short does not print."""
    absent = [
        label
        for label, value in (
            ("attendance lists", d.present or d.represented or d.absent),
            ("decisions", d.decisions),
            ("vote", d.vote != Vote()),
            ("signature", d.signed.place or d.signed.date),
            ("publication", d.published),
        )
        if not value
    ]
    line = doc.line_of(max(0, end - 1))
    what = ", ".join(absent) if absent else "its end"
    return (f"the text stops short at line {line}: missing {what}",)


def _without_theme(d: Deliberation) -> Deliberation:
    """A "theme" that is a line of the title is no theme."""
    spans = {key: span for key, span in d.spans.items() if key != "theme"}
    return dataclasses.replace(d, theme=None, spans=spans)


def is_empty(deliberation: Deliberation) -> bool:
    """True when nothing marks the text as a deliberation: no number, title or vote."""
    vote = deliberation.vote
    has_vote = vote != Vote()
    return deliberation.number is None and deliberation.title is None and not has_vote
