"""The graded level a deliberation's record reaches, read from its triples.

The shapes tagged ``dlgsh:level`` (shapes/vote-event.ttl, shapes/legal-expression.ttl) state
what a record needs to reach each level: 1 "identified" (the vote's body and séance, the act's
title), 2 "attendance complete" (members in office, someone present), 3 "votes complete" (an
outcome; and, unless the act was only noted, the count of a secret ballot or an individual vote
of every present or represented member). :func:`record_levels` answers the same questions
directly on the mapped triples, so that the level can be stored with the act
(``dlg:levelReached``, ``dlg:meetsLevel``) and read by queries without re-running SHACL over the
store. ``tests/test_levels.py`` checks that it agrees with pyshacl's graded report on every
fixture, example and generated deliberation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib.term import Node

from delibgraph.vocab import DLG, ELI, OPENGOV, PROV, RDF, SCHEMA

TOP_LEVEL = 3


@dataclass(frozen=True, slots=True)
class RecordLevels:
    """``met``: the levels whose own requirements hold; ``reached``: the highest level whose
    requirements, and those of every lower level, hold (0 when level 1's do not)."""

    met: frozenset[int]

    @property
    def reached(self) -> int:
        level = 0
        while level + 1 in self.met:
            level += 1
        return level


_OUTGOING = frozenset({
    RDF.type, ELI.is_realized_by, ELI.title, SCHEMA.organizer, SCHEMA.superEvent,
    DLG.membersInOffice, SCHEMA.attendee, OPENGOV.result, DLG.votingMethod, DLG.proxy,
    DLG.proxyGiver, SCHEMA.agent,
})  # fmt: skip
_INCOMING = frozenset({PROV.generated, OPENGOV.voteEvent})


class _Index:
    """The triples the level rules read (only their predicates: a graph has ~1,300 triples),
    by subject and predicate (``_OUTGOING``) and by object and predicate (``_INCOMING``)."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        self.out: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        self.into: dict[tuple[Node, Node], list[Node]] = defaultdict(list)
        for s, p, o in triples:
            if p in _OUTGOING:
                self.out[(s, p)].append(o)
            elif p in _INCOMING:
                self.into[(o, p)].append(s)

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        if predicate not in _OUTGOING:
            raise ValueError(f"the level index does not hold {predicate}")
        return self.out.get((subject, predicate), [])

    def subjects(self, predicate: Node, obj: Node) -> list[Node]:
        if predicate not in _INCOMING:
            raise ValueError(f"the level index does not hold {predicate}")
        return self.into.get((obj, predicate), [])

    def has(self, subject: Node, predicate: Node) -> bool:
        return bool(self.objects(subject, predicate))


def record_levels(triples: Iterable[tuple[Node, Node, Node]], act: Node) -> RecordLevels:
    """The levels the record of ``act`` meets, given its deliberation graph's triples.

    Every vote event that generated the act must meet a level's requirements for the act to
    meet it (a record has one vote event; none at all meets every level, as no requirement
    applies).
    """
    index = _Index(triples)
    events = [e for e in index.subjects(PROV.generated, act) if _is_vote_event(index, e)]
    titled = all(
        index.has(expression, ELI.title) for expression in index.objects(act, ELI.is_realized_by)
    )
    met = set()
    if titled and all(_identified(index, e) for e in events):
        met.add(1)
    if all(_attendance_complete(index, e) for e in events):
        met.add(2)
    if all(_votes_complete(index, e) for e in events):
        met.add(3)
    return RecordLevels(frozenset(met))


def _is_vote_event(index: _Index, node: Node) -> bool:
    return OPENGOV.VoteEvent in index.objects(node, RDF.type)


def _identified(index: _Index, event: Node) -> bool:
    return index.has(event, SCHEMA.organizer) and index.has(event, SCHEMA.superEvent)


def _attendance_complete(index: _Index, event: Node) -> bool:
    return index.has(event, DLG.membersInOffice) and index.has(event, SCHEMA.attendee)


def _votes_complete(index: _Index, event: Node) -> bool:
    results = index.objects(event, OPENGOV.result)
    if not results:
        return False
    if all(result == DLG.Noted for result in results):
        return True
    if DLG.SecretBallot in index.objects(event, DLG.votingMethod):
        counts = index.subjects(OPENGOV.voteEvent, event)
        return any(OPENGOV.YesCount in index.objects(c, RDF.type) for c in counts)
    voters = set(index.objects(event, SCHEMA.attendee))
    for proxy in index.objects(event, DLG.proxy):
        voters.update(index.objects(proxy, DLG.proxyGiver))
    with_vote = {
        agent
        for vote in index.subjects(OPENGOV.voteEvent, event)
        for agent in index.objects(vote, SCHEMA.agent)
    }
    return voters <= with_vote
