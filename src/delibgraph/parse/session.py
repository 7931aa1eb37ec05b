"""Whole-séance documents: every item inherits the séance, with its own attendance.

A procès-verbal or compte rendu prints the séance once (authority, body, date, place,
president, members in office, attendance lists, sometimes "Tous les votes ont lieu par voie
électronique") and then its items; the signature and publication close the document. Each
item becomes a deliberation that inherits those values, and whose attendance is the séance's
as changed by the arrivals, departures and limited proxies printed up to it (:mod:`.events`).

An item that prints its own séance or attendance lists is an extract of its own (extracts
one after the other), and so is every item of a text whose preamble holds no séance: it keeps
its own values, the preamble only filling what it lacks. "Monsieur le Maire expose" in an item
names the séance's president when the header gives the president that office.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from delibgraph.identity import matches, parse_person
from delibgraph.model import Deliberation, Session, Vote
from delibgraph.parse.assemble import Draft
from delibgraph.parse.attendance import (
    REPRESENTED,
    Member,
    list_spans,
    same_office,
    with_members,
)
from delibgraph.parse.events import PRESIDENT, Change, Items, changes_in_note, changes_in_text
from delibgraph.parse.items import Plan
from delibgraph.parse.normalize import Document, Located
from delibgraph.parse.votes import find_method

T = TypeVar("T")
_SEANCE_SPANS = ("authority", "body", "session", "members_in_office")
_CLOSING_SPANS = ("signed", "published", "prefecture.received")


@dataclass(frozen=True, slots=True)
class Completed:
    """The items completed from their séance, and what could not be resolved."""

    drafts: list[Draft]
    warnings: list[str]


def _items(plan: Plan, drafts: Sequence[Draft]) -> Items:
    ranks: dict[int, int] = {}
    for index, item in enumerate(plan.items):
        ranks.setdefault(item.rank, index)

    def current(offset: int) -> int:
        found = 0
        for index, item in enumerate(plan.items):
            if item.start <= offset:
                found = index
        return found

    def item_at(offset: int) -> int:
        if offset < plan.items[0].start:
            return 0
        index = current(offset)
        vote = drafts[index].vote_start
        return index + 1 if vote is not None and offset >= vote else index

    return Items(ranks, item_at, current)


def _resolve(name: str, members: Sequence[Member]) -> Member | None:
    parts = parse_person(name)
    found = {m.key: m for m in members if matches(parts, parse_person(m.name.value))}
    return next(iter(found.values())) if len(found) == 1 else None


def _holder_name(holder: str | None, members: Sequence[Member]) -> str | None:
    if holder is None:
        return None
    member = _resolve(holder, members)
    return member.name.value if member else holder


def _changes(doc: Document, plan: Plan, seance: Draft, drafts: Sequence[Draft]) -> list[Change]:
    items = _items(plan, drafts)
    changes: list[Change] = []
    for member in seance.members:
        changes += changes_in_note(doc, member.name.value, member.status, member.item, items)
    preamble_from = max([seance.start, *(lst.body[1] for lst in seance.lists)])
    changes += changes_in_text(doc, preamble_from, seance.end, items)
    for draft in drafts:
        changes += changes_in_text(doc, draft.start, draft.end, items)
    return sorted(changes, key=lambda c: (c.first, c.at))


def _resolved(
    changes: Sequence[Change], base: Sequence[Member], president: str | None, warnings: list[str]
) -> list[tuple[Change, Member]]:
    """Each change with the listed member it names; one that names nobody listed is reported."""
    resolved = []
    for change in changes:
        who = president if change.who == PRESIDENT else change.who
        member = _resolve(who, base) if who else None
        if member is None:
            warnings.append(f"attendance change of {who!r}: not a listed member")
        else:
            resolved.append((change, member))
    return resolved


def _attendance_at(
    index: int, base: Sequence[Member], changes: Sequence[tuple[Change, Member]]
) -> list[Member]:
    state = {member.key: member for member in base}
    for change, member in changes:
        if change.first > index or (change.last is not None and index > change.last):
            continue
        state[member.key] = dataclasses.replace(
            state[member.key],
            status=change.status,
            holder=_holder_name(change.holder, base) if change.status == REPRESENTED else None,
            holder_at=None,
            excused=None,
        )
    return [state[member.key] for member in base]


def _pick(own: T | None, inherited: T | None, preferred: bool) -> T | None:
    """The séance's value (``preferred``) or the item's own, the other one failing it."""
    if preferred:
        return inherited if inherited is not None else own
    return own if own is not None else inherited


def _inherit_seance(d: Deliberation, seance: Deliberation, preferred: bool) -> Deliberation:
    """``d`` with the séance's values; ``preferred``: they win over the item's own."""
    s, t = d.session, seance.session
    session = Session(
        date=_pick(s.date, t.date, preferred),
        kind=_pick(s.kind, t.kind, preferred),
        place=_pick(s.place, t.place, preferred),
        mode=_pick(s.mode, t.mode, preferred),
        president=_pick(s.president, t.president, preferred),
    )
    authority = dataclasses.replace(
        d.authority,
        name=_pick(d.authority.name, seance.authority.name, preferred),
        siren=d.authority.siren or seance.authority.siren,
    )
    spans = dict(d.spans)
    for key, span in seance.spans.items():
        if key.startswith(_SEANCE_SPANS) and (preferred or key not in spans):
            spans[key] = span
    return dataclasses.replace(
        d,
        authority=authority,
        body=_pick(d.body, seance.body, preferred),
        session=session,
        members_in_office=_pick(d.members_in_office, seance.members_in_office, preferred),
        spans=spans,
    )


def _inherit_closing(d: Deliberation, closing: Deliberation) -> Deliberation:
    spans = dict(d.spans)
    for key, span in closing.spans.items():
        if key.startswith(_CLOSING_SPANS) and key not in spans:
            spans[key] = span
    signed = d.signed if (d.signed.place or d.signed.date) else closing.signed
    prefecture = d.prefecture
    if prefecture.received is None:
        prefecture = dataclasses.replace(prefecture, received=closing.prefecture.received)
    return dataclasses.replace(
        d,
        signed=signed,
        published=d.published or closing.published,
        prefecture=prefecture,
        spans=spans,
    )


def _with_method(d: Deliberation, doc: Document, method: Located[str] | None) -> Deliberation:
    """A method stated for the whole séance, for an item that was voted and states none."""
    if method is None or d.vote.method is not None or d.vote == Vote() or d.vote.outcome == "noted":
        return d
    spans = {**d.spans, "vote.method": doc.span(method.start, method.end)}
    vote = dataclasses.replace(d.vote, method=method.value)
    return dataclasses.replace(d, vote=vote, spans=spans)


def _rapporteur_by_office(d: Deliberation, president_role: str | None) -> Deliberation:
    """ "Monsieur le Maire expose" in an item: the séance's president, when the header gives
    the president that office."""
    rapporteur = d.rapporteur
    if rapporteur.name is not None or not same_office(rapporteur.role, president_role):
        return d
    named = dataclasses.replace(rapporteur, name=d.session.president)
    return dataclasses.replace(d, rapporteur=named)


def complete_items(
    doc: Document, plan: Plan, drafts: Sequence[Draft], preamble: Draft | None
) -> Completed:
    """The items of a text with several, completed from the preamble and the closing."""
    warnings: list[str] = []
    if preamble is None:
        return Completed(list(drafts), warnings)
    seance = preamble.deliberation
    is_seance = seance.session.date is not None or bool(preamble.members)
    changes = _changes(doc, plan, preamble, drafts) if preamble.members else []
    resolved = _resolved(changes, preamble.members, seance.session.president, warnings)
    lists_end = max([preamble.start, *(lst.body[1] for lst in preamble.lists)])
    method = find_method(doc, lists_end, preamble.end) if is_seance else None
    closing = drafts[-1].deliberation
    completed = []
    for index, draft in enumerate(drafts):
        own = draft.deliberation
        # an extract of its own (its séance, its lists), not an item of the séance above
        standalone = own.session.date is not None or bool(draft.members)
        in_seance = is_seance and not standalone
        d = _inherit_seance(own, seance, preferred=in_seance)
        if in_seance:
            d = _inherit_closing(d, closing)
            d = _with_method(d, doc, method)
            d = _rapporteur_by_office(d, preamble.president_role)
            if preamble.members:
                members = _attendance_at(index, preamble.members, resolved)
                d = with_members(d, doc, members, list_spans(doc, preamble.lists))
        completed.append(dataclasses.replace(draft, deliberation=d))
    return Completed(completed, warnings)
